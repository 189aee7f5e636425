import { env } from "cloudflare:test";

/**
 * Makes the D1 writes `when` names fail, with a real SQLite trigger, as a crash between
 * steps or a poison write would; returns what heals them. `when` is the trigger's timing,
 * table and condition, e.g. `BEFORE INSERT ON stock_demands WHEN NEW.sku = 'A-1'`.
 */
export async function failWrites(name: string, when: string) {
  await env.DB.prepare(
    `CREATE TRIGGER ${name} ${when} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
  ).run();
  return async () => {
    await env.DB.prepare(`DROP TRIGGER ${name}`).run();
  };
}
