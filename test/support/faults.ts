import { everyShard } from "./shards";

/**
 * Makes the D1 writes `when` names fail, with a real SQLite trigger, as a crash between
 * steps or a poison write would; returns what heals them. `when` is the trigger's timing,
 * table and condition, e.g. `BEFORE INSERT ON stock_demands WHEN NEW.sku = 'A-1'`. The
 * trigger goes on every shard, so it fails those writes whichever shard the tenant is on.
 */
export async function failWrites(name: string, when: string) {
  const trigger = `CREATE TRIGGER ${name} ${when} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`;
  for (const db of everyShard()) await db.prepare(trigger).run();
  return async () => {
    for (const db of everyShard()) await db.prepare(`DROP TRIGGER ${name}`).run();
  };
}
