import { everyShard } from "./shards";

/**
 * A failure a test causes on purpose: what the service logs of it (lines that mention
 * `marker`: a 500, a parked operation, a deferred step) is held back from the test's output
 * and kept in `logged` for the test to check, until `restore()`; anything else logged
 * meanwhile still shows. A passing run then prints only what nobody expected.
 */
export function expectFailureLogs(marker: string) {
  const logged: string[] = [];
  const original = { error: console.error, warn: console.warn };
  const holdBack =
    (log: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      const line = args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
      if (line.includes(marker)) logged.push(line);
      else log(...args);
    };
  console.error = holdBack(original.error);
  console.warn = holdBack(original.warn);
  return {
    logged,
    restore() {
      console.error = original.error;
      console.warn = original.warn;
    },
  };
}

const INJECTED = "injected failure";

/**
 * Makes the D1 writes `when` names fail, with a real SQLite trigger, as a crash between
 * steps or a poison write would, until `heal()`. `when` is the trigger's timing, table and
 * condition, e.g. `BEFORE INSERT ON stock_demands WHEN NEW.sku = 'A-1'`. The trigger goes on
 * every shard, so it fails those writes whichever shard the tenant is on. What the service
 * logs of the failure meanwhile is expected: held back, and kept in `logged`.
 */
export async function failWrites(name: string, when: string) {
  const trigger = `CREATE TRIGGER ${name} ${when} BEGIN SELECT RAISE(ABORT, '${INJECTED}'); END`;
  for (const db of everyShard()) await db.prepare(trigger).run();
  const logs = expectFailureLogs(INJECTED);
  return {
    logged: logs.logged,
    async heal() {
      logs.restore();
      for (const db of everyShard()) await db.prepare(`DROP TRIGGER ${name}`).run();
    },
  };
}

const OUTAGE = "injected outage";

/**
 * A control database that is down: every query fails as D1's do when it cannot be reached,
 * or, `hanging`, never answers. Pass `DB` to `client` or `raw` to send those calls to it; every
 * other call, the objects' included, keeps the real one. What the service logs of the outage
 * (its `control_stale` and `control_unavailable` warnings) is held back and kept in `logged`,
 * until `restore()`.
 */
export function controlOutage(how: "failing" | "hanging" = "failing") {
  const fail = (): Promise<never> =>
    how === "failing" ? Promise.reject(new Error(`D1_ERROR: ${OUTAGE}`)) : new Promise(() => {});
  const statement = { bind: () => statement, first: fail, all: fail, run: fail, raw: fail };
  const session = { prepare: () => statement, batch: fail, getBookmark: () => null };
  const DB = {
    ...session,
    exec: fail,
    dump: fail,
    withSession: () => session,
  } as unknown as D1Database;
  const logs = expectFailureLogs('"event":"control_');
  return { DB, logged: logs.logged, restore: logs.restore };
}
