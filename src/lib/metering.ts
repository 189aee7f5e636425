import { newest } from "./bookmarks";
import { type Cost, combine, noCost } from "./cost";

/*
 * What a request costs in platform calls: D1 (calls, statements, the database's own time),
 * Durable Object calls and KV calls. The Worker reports it in `Server-Timing`; a Durable
 * Object returns its own cost with each answer, so the request's figures include the D1
 * work done inside the objects it called. `rounds` counts D1 round trips on the critical
 * path: sequential calls add up, parallel branches count their slowest.
 *
 * `bookmarks` travel the same way: per database (by binding name), the newest D1 session
 * bookmark the calls reached, the objects' writes included, so a read of that database
 * started from it sees everything the request did there. Bookmarks of different databases
 * are positions in different commit logs, so they are never compared.
 */

interface Work {
  dbMs: number;
  rowsRead: number;
  rowsWritten: number;
}

/**
 * What D1 says one statement did, from its result's `meta`. `raw()` answers without meta
 * (drizzle reads through it), so row and time figures count writes, batches and `all`/
 * `run`/`first` calls; a plain drizzle select adds a call and a statement but no rows.
 */
function workOf(result: unknown): Work {
  const meta =
    typeof result === "object" && result !== null && "meta" in result
      ? (result as { meta?: { duration?: number; rows_read?: number; rows_written?: number } }).meta
      : undefined;
  return {
    dbMs: Number(meta?.duration ?? 0),
    rowsRead: Number(meta?.rows_read ?? 0),
    rowsWritten: Number(meta?.rows_written ?? 0),
  };
}

const STATEMENT_CALLS = new Set(["first", "all", "run", "raw"]);

/**
 * A statement as a metered binding ran it: the database's binding, its SQL and bound values,
 * and the rows D1 says it read (absent when it failed).
 */
export interface Ran {
  database: string;
  sql: string;
  params: unknown[];
  rowsRead?: number;
}

/**
 * Whoever wants to see every statement metered bindings run: how the query-plan test
 * (test/api/query-plans.test.ts) captures what real requests, objects and jobs execute.
 */
export const statementListeners = new Set<(ran: Ran) => void>();

const told = (ran: Ran) => {
  for (const listen of statementListeners) listen(ran);
};

export class Meter {
  cost = noCost();
  private readonly started = performance.now();
  // The statement a metered one wraps, for batches: a batch may take statements prepared
  // on another session of the same database.
  private readonly inner = new WeakMap<object, D1PreparedStatement>();
  private readonly ranOf = new WeakMap<object, Ran>();
  // Object calls that overlap in time are parallel branches: their reported costs are
  // combined once the last of them returns, so `rounds` counts only the slowest.
  private inflight = 0;
  private branches: Cost[] = [];

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  /** Adds what a called object reported; parallel calls count their slowest round trip. */
  absorb(costs: Cost[], parallel: boolean) {
    this.cost = combine([this.cost, combine(costs, parallel)]);
  }

  /**
   * A D1 binding, or a session of one, that counts its calls and keeps their newest bookmark
   * under `name`, the database's binding.
   */
  d1<B extends D1Database | D1DatabaseSession>(binding: B, name: string): B {
    const { inner, ranOf } = this;
    const session = "getBookmark" in binding ? (binding as D1DatabaseSession) : undefined;
    const record = (statements: number, ms: number, work: Work[]) => {
      this.cost.d1.calls += 1;
      this.cost.d1.rounds += 1;
      this.cost.d1.statements += statements;
      this.cost.d1.ms += ms;
      for (const w of work) {
        this.cost.d1.dbMs += w.dbMs;
        this.cost.d1.rowsRead += w.rowsRead;
        this.cost.d1.rowsWritten += w.rowsWritten;
      }
      if (session) {
        const reached = newest(this.cost.d1.bookmarks[name], session.getBookmark());
        if (reached) this.cost.d1.bookmarks[name] = reached;
      }
    };
    const wrapStatement = (stmt: D1PreparedStatement, ran: Ran): D1PreparedStatement => {
      const proxy = new Proxy(stmt, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target);
          if (typeof value !== "function") return value;
          if (prop === "bind") {
            return (...args: unknown[]) =>
              wrapStatement(value.apply(target, args), { ...ran, params: args });
          }
          if (!STATEMENT_CALLS.has(String(prop))) return value.bind(target);
          return async (...args: unknown[]) => {
            const t0 = performance.now();
            // raw() drops D1's meta, rows read included, and drizzle reads every select
            // through it: read with all() and hand back the rows as arrays, as drizzle's
            // own batch path maps them.
            const result =
              prop === "raw" && args.length === 0
                ? await target.all().then((r) => ({ rows: r.results.map(arrayOf), meta: r.meta }))
                : await value.apply(target, args);
            const work = workOf(result);
            record(1, performance.now() - t0, [work]);
            told({ ...ran, rowsRead: work.rowsRead });
            return prop === "raw" && args.length === 0
              ? (result as { rows: unknown }).rows
              : result;
          };
        },
      });
      inner.set(proxy, stmt);
      ranOf.set(proxy, ran);
      return proxy;
    };
    return new Proxy(binding, {
      get: (target, prop) => {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        if (prop === "prepare") {
          return (sql: string) =>
            wrapStatement(value.call(target, sql), { database: name, sql, params: [] });
        }
        if (prop === "withSession") {
          return (start?: string) => this.d1(value.call(target, start), name);
        }
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            const t0 = performance.now();
            const results = (await value.call(
              target,
              statements.map((s) => inner.get(s) ?? s),
            )) as D1Result[];
            const work = results.map(workOf);
            record(statements.length, performance.now() - t0, work);
            for (const [i, s] of statements.entries()) {
              const ran = ranOf.get(s);
              if (ran) told({ ...ran, rowsRead: work[i]?.rowsRead });
            }
            return results;
          };
        }
        return value.bind(target);
      },
    });
  }

  kv(binding: KVNamespace): KVNamespace {
    const meter = this;
    return new Proxy(binding, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          const t0 = performance.now();
          try {
            return await value.apply(target, args);
          } finally {
            meter.cost.kv.calls += 1;
            meter.cost.kv.ms += performance.now() - t0;
          }
        };
      },
    });
  }

  /** A Durable Object namespace whose stubs time each call and absorb the cost it reports. */
  objects<T extends Rpc.DurableObjectBranded | undefined>(
    namespace: DurableObjectNamespace<T>,
  ): DurableObjectNamespace<T> {
    const meter = this;
    const stub = (s: DurableObjectStub<T>) =>
      new Proxy(s, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target);
          if (typeof value !== "function" || prop === "then") return value;
          return async (...args: unknown[]) => {
            const t0 = performance.now();
            meter.inflight += 1;
            try {
              // An RPC stub turns every property into a remote call, `apply` included, so the
              // method is called as itself rather than through Function.prototype.
              const result = await (
                target as unknown as Record<PropertyKey, (...a: unknown[]) => unknown>
              )[prop]?.(...args);
              const reported = (result as { cost?: Cost } | undefined)?.cost;
              if (reported) meter.branches.push(reported);
              return result;
            } finally {
              meter.cost.do.calls += 1;
              meter.cost.do.ms += performance.now() - t0;
              meter.inflight -= 1;
              if (meter.inflight === 0) {
                meter.absorb(meter.branches, true);
                meter.branches = [];
              }
            }
          };
        },
      });
    return new Proxy(namespace, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === "getByName" || prop === "get") {
          return (...args: unknown[]) => stub(value.apply(target, args));
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  /** The same bindings, metered: every D1 database, KV namespace and object namespace in `env`. */
  env<E extends object>(env: E): E {
    const meter = this;
    const cache = new Map<PropertyKey, unknown>();
    return new Proxy(env, {
      get(target, prop) {
        if (cache.has(prop)) return cache.get(prop);
        const value: unknown = Reflect.get(target, prop);
        let metered = value;
        if (isA(value, ["prepare", "batch", "exec"])) {
          metered = meter.d1(value as D1Database, String(prop));
        } else if (isA(value, ["getWithMetadata", "put", "list"]))
          metered = meter.kv(value as KVNamespace);
        else if (isA(value, ["idFromName", "getByName"])) {
          metered = meter.objects(value as DurableObjectNamespace<undefined>);
        }
        cache.set(prop, metered);
        return metered;
      },
    });
  }

  /** The `Server-Timing` header: total, then D1, Durable Object and KV calls with their time. */
  serverTiming(): string {
    const ms = (n: number) => n.toFixed(1);
    const n = (v: number) => String(Math.round(v * 100) / 100);
    const { d1, do: objects, kv } = this.cost;
    return [
      `total;dur=${ms(this.elapsedMs())}`,
      `d1;dur=${ms(d1.ms)};desc="${n(d1.calls)} calls"`,
      `d1-statements;desc="${n(d1.statements)}"`,
      `d1-rounds;desc="${n(d1.rounds)}"`,
      `d1-db;dur=${ms(d1.dbMs)}`,
      `d1-rows-read;desc="${n(d1.rowsRead)}"`,
      `d1-rows-written;desc="${n(d1.rowsWritten)}"`,
      `do;dur=${ms(objects.ms)};desc="${n(objects.calls)} calls"`,
      `kv;dur=${ms(kv.ms)};desc="${n(kv.calls)} calls"`,
    ].join(", ");
  }
}

const arrayOf = (row: unknown) => Object.values(row as Record<string, unknown>);

const isA = (value: unknown, methods: string[]) =>
  typeof value === "object" &&
  value !== null &&
  methods.every((m) => typeof (value as Record<string, unknown>)[m] === "function");
