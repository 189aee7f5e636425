import { DurableObject } from "cloudflare:workers";
import { issueInvoices } from "./billing/billing.invoices";
import { chargeStorage } from "./billing/billing.storage";
import { frozenTenants, type JobScope } from "./db/background";
import { database } from "./db/client";
import { mendPage } from "./db/replicas";
import { fillRoutes } from "./db/routes";
import { CONTROL, d1Of, shardNames } from "./db/shards";
import { janitorObject } from "./durable/stubs";
import { applyStrandedReceipts } from "./inbound/inbound.commands";
import { Meter } from "./lib/metering";
import { Serial } from "./lib/serial";
import { archiveExpired } from "./retention/archive";
import { archiveOrders } from "./retention/order-archive";
import { finishReturnStock } from "./returns/return-stock";
import { clearExpiredSecrets } from "./webhooks/secrets";
import { sweep } from "./webhooks/webhooks.sweep";

/*
 * Background work, bounded per invocation. Every minute the cron hands one unit of work to
 * each database's janitor object (one per shard, one for the control database) and makes no
 * D1 query itself, so what any one invocation does is the same at 2 shards or 2,000. A unit
 * runs each job of its database once, each within its own page limits and all within
 * UNIT_MS, so its statements (about 300 at most, 17 when idle) and its time are
 * bounded whatever the backlog; a job that stops at its bounds with work left brings the
 * janitor back through its alarm a few seconds later, not a minute later.
 *
 * Why an object per database rather than a queue message per shard: each RPC call and alarm
 * of an object is an invocation of its own, with its own 1,000 queries; one object runs one
 * unit at a time, so a slow unit, the next minute's and a continuation never work one backlog
 * at once (a queue delivers at least once, in batches, to concurrent consumers); it continues
 * with its alarm and keeps its mend cursor in its storage, with no second queue or dead-letter
 * queue to deploy; and, like order and stock objects, it is created in D1's region, next to
 * the database it makes hundreds of round trips to.
 *
 * This file sits beside index.ts because it wires every feature's background job together,
 * as app.ts wires their routes: a feature folder could reach them only through their public
 * modules.
 *
 * A tenant being moved between shards is frozen: each shard's unit reads the frozen tenants
 * from the control database when it starts (a partial index, normally empty) and its jobs
 * leave their rows alone (src/db/background.ts). A unit ends within UNIT_MS, well inside the
 * 65 s a move waits after freezing before it copies, so none that started earlier still runs.
 */

/** A unit starts no new page of any job after this long. */
const UNIT_MS = 20_000;
/** How soon the janitor comes back when a job stopped at its bounds with work left. */
const AGAIN_MS = 5_000;
const MEND_AFTER = "mend:after";

/** What one unit did, for the cron's log and its tests. */
export interface UnitReport {
  /** A shard's binding, or DB for the control database. */
  database: string;
  /** D1 statements and calls this unit's invocation made, as src/lib/metering.ts counts them. */
  d1Statements: number;
  d1Calls: number;
  /** Jobs that stopped at their bounds with work left: the alarm brings the janitor back. */
  more: string[];
  /** Jobs that failed, and why: the next minute's unit tries them again. */
  failures: { job: string; error: string }[];
}

/** Each job returns true when it stopped at its bounds with work left. */
type Jobs = Record<string, () => Promise<boolean>>;
type Outcomes = Record<string, PromiseSettledResult<boolean>>;

/** Why something failed, in one line: an aggregate (a job's several parts) with every reason. */
const reason = (err: unknown): string =>
  err instanceof AggregateError
    ? `${err.message}: ${err.errors.map(reason).join("; ")}`
    : err instanceof Error
      ? err.message
      : String(err);

/**
 * The cron: one unit of work per shard and one for the control database, each run by that
 * database's janitor in an invocation of its own; all start at once, and a janitor that cannot
 * be reached stops none of the others. Returns the reports of those that ran.
 */
export async function handOut(env: Env): Promise<UnitReport[]> {
  const databases = [CONTROL, ...shardNames(env)];
  const runs = await Promise.allSettled(databases.map((name) => janitorObject(env, name).run()));
  const unreached = databases.flatMap((name, i) => {
    const run = runs[i];
    return run?.status === "rejected" ? [{ database: name, error: reason(run.reason) }] : [];
  });
  if (unreached.length > 0) {
    console.error(
      JSON.stringify({ level: "error", msg: "background units not run", units: unreached }),
    );
  }
  return runs.flatMap((run) => (run.status === "fulfilled" ? [run.value] : []));
}

/**
 * Guards the background work of one database, named by its binding (SHARD_0, …, or DB for
 * the control database): one bounded unit at a time, from the cron or from its alarm when
 * the last unit left work at its bounds, and the position of its reference-data mend.
 */
export class JanitorObject extends DurableObject<Env> {
  private readonly database: string;
  private readonly serial = new Serial();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.database = ctx.id.name ?? "";
  }

  /** Runs one unit now, after the one under way if any; it never throws, it reports. */
  run(): Promise<UnitReport> {
    return this.serial.run(() => this.unit());
  }

  override async alarm() {
    await this.run();
  }

  private async unit(): Promise<UnitReport> {
    const meter = new Meter();
    const mend = { next: this.ctx.storage.kv.get<string>(MEND_AFTER) ?? "" };
    const outcomes = await this.jobs(meter, mend);
    const report: UnitReport = {
      database: this.database,
      d1Statements: meter.cost.d1.statements,
      d1Calls: meter.cost.d1.calls,
      more: Object.entries(outcomes).flatMap(([job, o]) =>
        o.status === "fulfilled" && o.value ? [job] : [],
      ),
      failures: Object.entries(outcomes).flatMap(([job, o]) =>
        o.status === "rejected" ? [{ job, error: reason(o.reason) }] : [],
      ),
    };
    await this.settle(report, mend.next);
    return report;
  }

  /** Every job of this database at once, each settled whatever the others do. */
  private async jobs(meter: Meter, mend: { next: string }) {
    try {
      // Only D1 is metered: the stock objects a job calls spend their own invocations' queries.
      const env = {
        ...this.env,
        DB: meter.d1(this.env.DB, CONTROL),
        [this.database]: meter.d1(d1Of(this.env, this.database), this.database),
      } as Env;
      const shard = this.database !== CONTROL;
      const scope: JobScope = {
        frozen: shard ? await frozenTenants(database(env.DB)) : [],
        until: Date.now() + UNIT_MS,
      };
      const jobs = shard ? shardJobs(env, this.database, scope, mend) : controlJobs(env, scope);
      const settled = await Promise.allSettled(Object.values(jobs).map((job) => job()));
      return Object.fromEntries(Object.keys(jobs).map((job, i) => [job, settled[i]])) as Outcomes;
    } catch (err) {
      // Without the frozen tenants no job may run: the next minute's unit tries again.
      return { unit: { status: "rejected", reason: err } } as Outcomes;
    }
  }

  /** Keeps the mend's position, brings the janitor back soon if work is left, logs failures. */
  private async settle(report: UnitReport, mendNext: string) {
    if (mendNext) this.ctx.storage.kv.put(MEND_AFTER, mendNext);
    else this.ctx.storage.kv.delete(MEND_AFTER);
    if (report.more.length > 0) await this.ctx.storage.setAlarm(Date.now() + AGAIN_MS);
    else await this.ctx.storage.deleteAlarm();
    if (report.failures.length > 0) {
      console.error(
        JSON.stringify({
          level: "error",
          msg: "background jobs failed",
          database: report.database,
          failures: report.failures,
        }),
      );
    }
  }
}

/**
 * A shard's jobs, each bounded and blind to frozen tenants: the webhook relay's backstop,
 * secret expiry, retention, orders past their hot window, stranded receipts and returns, the
 * day's storage charges and the closed months' invoices, and its copy of the control rows.
 */
function shardJobs(env: Env, name: string, scope: JobScope, mend: { next: string }): Jobs {
  const shard = { name, d1: d1Of(env, name) };
  const db = database(shard.d1);
  return {
    relay: () => sweep(env, db, scope),
    secrets: () => clearExpiredSecrets(db, scope),
    retention: async () => (await archiveExpired(env, db, Date.now(), { scope })).more,
    orders: async () => (await archiveOrders(env, db, Date.now(), { scope })).more,
    receipts: () => applyStrandedReceipts(env, db, scope),
    returns: () => finishReturnStock(env, db, scope),
    storage: () => chargeStorage(db, scope),
    invoices: () => issueInvoices(db, scope),
    replicas: async () => {
      const page = await mendPage(env, shard, mend.next);
      mend.next = page.next ?? "";
      return page.next !== undefined;
    },
  };
}

/**
 * The control database's jobs: platform keys' expired idempotency claims, to the archive, and
 * routes for tenants created before ids carried them.
 */
const controlJobs = (env: Env, scope: JobScope): Jobs => ({
  retention: async () =>
    (await archiveExpired(env, database(env.DB), Date.now(), { claimsOnly: true, scope })).more,
  routes: () => fillRoutes(database(env.DB)),
});
