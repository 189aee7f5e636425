import { newest } from "./bookmarks";

/*
 * What a request costs in platform calls, as src/lib/metering.ts counts it, and how the
 * costs of several calls add up.
 */

export interface Cost {
  d1: {
    calls: number;
    statements: number;
    ms: number;
    dbMs: number;
    rounds: number;
    /** Rows D1 reports reading and writing (`meta.rows_read`, `meta.rows_written`): what it bills. */
    rowsRead: number;
    rowsWritten: number;
    bookmarks: Record<string, string>;
  };
  do: { calls: number; ms: number };
  kv: { calls: number; ms: number };
}

export const noCost = (): Cost => ({
  d1: {
    calls: 0,
    statements: 0,
    ms: 0,
    dbMs: 0,
    rounds: 0,
    rowsRead: 0,
    rowsWritten: 0,
    bookmarks: {},
  },
  do: { calls: 0, ms: 0 },
  kv: { calls: 0, ms: 0 },
});

/** Per database, the newer of two bookmarks. */
function newestOf(a: Record<string, string>, b: Record<string, string>): Record<string, string> {
  const out = { ...a };
  for (const [name, bookmark] of Object.entries(b)) {
    out[name] = newest(out[name], bookmark) ?? bookmark;
  }
  return out;
}

/** Sums costs spent one after another; `rounds` of parallel work is their maximum. */
export function combine(costs: Cost[], parallel = false): Cost {
  const total = noCost();
  for (const c of costs) {
    total.d1.calls += c.d1.calls;
    total.d1.statements += c.d1.statements;
    total.d1.ms += c.d1.ms;
    total.d1.dbMs += c.d1.dbMs;
    total.d1.rowsRead += c.d1.rowsRead;
    total.d1.rowsWritten += c.d1.rowsWritten;
    total.d1.rounds = parallel
      ? Math.max(total.d1.rounds, c.d1.rounds)
      : total.d1.rounds + c.d1.rounds;
    total.d1.bookmarks = newestOf(total.d1.bookmarks, c.d1.bookmarks);
    total.do.calls += c.do.calls;
    total.do.ms += c.do.ms;
    total.kv.calls += c.kv.calls;
    total.kv.ms += c.kv.ms;
  }
  return total;
}

/** A share of one cost, for work several callers waited on together (a group commit). */
export function share(cost: Cost, parts: number): Cost {
  const part = (n: number) => n / parts;
  return {
    d1: {
      calls: part(cost.d1.calls),
      statements: part(cost.d1.statements),
      ms: cost.d1.ms,
      dbMs: part(cost.d1.dbMs),
      rounds: cost.d1.rounds,
      rowsRead: part(cost.d1.rowsRead),
      rowsWritten: part(cost.d1.rowsWritten),
      bookmarks: cost.d1.bookmarks,
    },
    do: { calls: part(cost.do.calls), ms: cost.do.ms },
    kv: { calls: part(cost.kv.calls), ms: cost.kv.ms },
  };
}
