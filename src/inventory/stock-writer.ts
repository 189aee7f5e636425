import { DurableObject } from "cloudflare:workers";
import { primary } from "../db/sessions";
import { d1Of } from "../db/shards";
import { answering, type Failure } from "../durable/answers";
import { parseStockWriterName } from "../durable/stubs";
import { type Cost, share } from "../lib/cost";
import { Meter } from "../lib/metering";
import { relay } from "../webhooks/webhooks.outbox";

/** One statement as it crosses to the writer: its SQL and bound values. */
export interface WireStatement {
  sql: string;
  params: unknown[];
}

/** A value a D1 row can hold, as it crosses back. */
type Cell = string | number | boolean | null | ArrayBuffer;

/** One statement's D1 result as it crosses back: its rows, and what D1 says it did. */
export interface WireResult {
  success: boolean;
  results: Record<string, Cell>[];
  meta: Pick<D1Meta, "duration" | "rows_read" | "rows_written" | "changes" | "last_row_id">;
}

/** What the writer answers one submission: each statement's result, and its share of the cost. */
export interface Written {
  results: WireResult[];
  cost: Cost;
}

const wire = (r: D1Result<Record<string, Cell>>): WireResult => ({
  success: r.success,
  results: r.results,
  meta: {
    duration: r.meta.duration,
    rows_read: r.meta.rows_read,
    rows_written: r.meta.rows_written,
    changes: r.meta.changes,
    last_row_id: r.meta.last_row_id,
  },
});

interface Submission {
  database: string;
  statements: WireStatement[];
  relay: boolean;
  resolve: (written: Written) => void;
  reject: (err: unknown) => void;
}

/**
 * How many statements one D1 batch of the writer holds at most: a 500-line order's commits
 * (two or three statements a line) take three batches, and no batch holds the database for
 * long.
 */
export const MAX_STATEMENTS = 500;

/**
 * Guards nothing of its own: it is the one door to D1 for the stock objects of one tenant's
 * warehouse when they commit together (every line of a multi-line order, and every
 * publication). Each stock object still decides its row alone and sends its batch here as
 * it would to D1; the batches that arrive while one is in flight, and those of the same tick,
 * go to D1 as one batch, so the lines of an order cost a few round trips, not one each. A
 * batch is a transaction: when a combined one fails, each submission is tried again alone,
 * so one stock object's failure never fails another's. It calls nothing but D1 and the
 * webhook queue, so no stock object waiting on it can be waited on in turn. After a batch
 * that published stock it relays the tenant's events once, for every publication in it,
 * without holding up the next batch or the objects' answers.
 */
export class StockWriter extends DurableObject<Env> {
  private readonly tenantId: string;
  private readonly queue: Submission[] = [];
  private pumping = false;
  private relaying: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.tenantId = parseStockWriterName(ctx.id.name ?? "").tenantId;
  }

  /**
   * Runs `statements` as one transaction on `database` (a shard's binding), in a D1 batch with
   * whatever else arrived meanwhile; with `relay`, starts relaying the tenant's events after it.
   */
  batch(database: string, statements: WireStatement[], relay = false): Promise<Written | Failure> {
    return answering(
      () =>
        new Promise<Written>((resolve, reject) => {
          this.queue.push({ database, statements, relay, resolve, reject });
          if (!this.pumping) {
            this.pumping = true;
            // Started after this tick, so submissions of the same tick share the first batch.
            queueMicrotask(() => void this.pump());
          }
        }),
    );
  }

  private async pump() {
    try {
      while (this.queue.length > 0) await this.write(this.take());
    } finally {
      this.pumping = false;
    }
  }

  /** The next submissions for one database, within MAX_STATEMENTS (a larger one goes alone). */
  private take(): Submission[] {
    const [head] = this.queue;
    const taken: Submission[] = [];
    let statements = 0;
    for (let i = 0; i < this.queue.length; ) {
      const s = this.queue[i] as Submission;
      const fits = taken.length === 0 || statements + s.statements.length <= MAX_STATEMENTS;
      if (s.database === head?.database && fits) {
        taken.push(s);
        statements += s.statements.length;
        this.queue.splice(i, 1);
      } else i++;
      if (statements >= MAX_STATEMENTS) break;
    }
    return taken;
  }

  private async write(group: Submission[]) {
    const meter = new Meter();
    const d1 = primary(d1Of(meter.env(this.env), group[0]?.database ?? ""));
    let results: WireResult[];
    try {
      const ran = await d1.batch<Record<string, Cell>>(
        group.flatMap((s) => s.statements.map((w) => d1.prepare(w.sql).bind(...w.params))),
      );
      results = ran.map(wire);
    } catch (err) {
      if (group.length === 1) {
        group[0]?.reject(err);
        return;
      }
      // A transaction that failed wrote nothing: each submission is tried alone, so only the
      // one that fails is refused.
      for (const s of group) await this.write([s]);
      return;
    }
    if (group.some((s) => s.relay)) this.relaying = this.relay();
    const cost = share(meter.cost, group.length);
    let at = 0;
    for (const s of group) {
      s.resolve({ results: results.slice(at, at + s.statements.length), cost });
      at += s.statements.length;
    }
  }

  /** Settles once the relay after the last batch that published stock has run. */
  relayed(): Promise<void> {
    return this.relaying;
  }

  /** Relays the tenant's events; a failure is left to the sweep, as every relay's is. */
  private relay(): Promise<void> {
    return relay(this.env, this.tenantId).catch((err: unknown) =>
      console.error(
        JSON.stringify({
          level: "warn",
          msg: "stock relay failed; the sweep will retry",
          err: String(err),
        }),
      ),
    );
  }
}

/**
 * A D1 binding for drizzle whose batches go through a stock writer (`send`), and whose single
 * statements go to `direct`: what a stock object commits through when it commits together
 * with others.
 */
export function throughWriter(
  direct: D1Database,
  send: (statements: WireStatement[]) => Promise<WireResult[]>,
): D1Database {
  const recorded = (sql: string, params: unknown[]): D1PreparedStatement & WireStatement => {
    const real = () => direct.prepare(sql).bind(...params);
    return {
      sql,
      params,
      bind: (...values: unknown[]) => recorded(sql, values),
      first: ((column?: string) =>
        column === undefined
          ? real().first()
          : real().first(column)) as D1PreparedStatement["first"],
      all: (() => real().all()) as D1PreparedStatement["all"],
      run: (() => real().run()) as D1PreparedStatement["run"],
      raw: ((options?: { columnNames?: boolean }) =>
        real().raw(options as { columnNames: true })) as D1PreparedStatement["raw"],
    } as D1PreparedStatement & WireStatement;
  };
  return {
    prepare: (sql: string) => recorded(sql, []),
    batch: (async (statements: D1PreparedStatement[]) =>
      send(
        (statements as (D1PreparedStatement & WireStatement)[]).map((s) => ({
          sql: s.sql,
          params: s.params,
        })),
      )) as D1Database["batch"],
    exec: (query: string) => direct.exec(query),
    withSession: (start?: string) => direct.withSession(start),
    dump: () => direct.dump(),
  } as D1Database;
}
