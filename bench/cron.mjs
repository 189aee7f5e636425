// Issue 19's `cron_max_queries_ratio_8_vs_2_shards`: the most D1 statements any one
// invocation of a scheduled run makes (the handler itself, or a unit of work it hands out)
// with 8 shards bound, over the same with 2. The bench's own workerd serves wrangler.toml's
// two shards, so each count gets a workerd of its own: the deploy bundle built from
// bench/cron-worker.ts (the Worker plus a route that runs the cron and answers the counts),
// eight shard databases bound, SHARDS listing 2 or 8 of them, and every listed shard seeded
// with the same backlog, more than one unit takes of each kind of due work.
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";
import { bundle, localWorkerOptions, migrate, migrateAll } from "../scripts/local-worker.mjs";
import { knobs, log } from "./harness.mjs";

const SHARDS = Array.from({ length: 8 }, (_, i) => `SHARD_${i}`);
/** Rows of each kind of due work per shard (stranded receipts and returns: 60). */
const BACKLOG = 4500;

const ISO = "'%Y-%m-%dT%H:%M:%fZ'";
const at = (modifier) => `strftime(${ISO}, 'now', '${modifier}')`;
const upTo = (n) =>
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`;

/** A tenant on `shard` with BACKLOG rows of every kind of work the cron does there. */
async function backlog(control, db, shard) {
  const t = `ten_cron_${shard.toLowerCase()}`;
  const [old, late] = [at("-40 days"), at("-2 minutes")];
  await control
    .prepare("INSERT INTO tenants (id, name, shard) VALUES (?, ?, ?)")
    .bind(t, t, shard)
    .run();
  const rows = (n, inserts) => inserts.map((sql) => db.prepare(`${upTo(n)} ${sql}`));
  await db.batch([
    ...rows(BACKLOG, [
      `INSERT INTO events (id, tenant_id, type, data)
        SELECT 'evt_new_' || i, '${t}', 'order.created', '{}' FROM n`,
      `INSERT INTO events (id, tenant_id, type, data, created_at, dispatched)
        SELECT 'evt_old_' || i, '${t}', 'order.created', '{}', ${old}, 1 FROM n`,
      `INSERT INTO webhook_deliveries (subscription_id, event_at, event_id, generation, status, attempts, created_at, updated_at)
        SELECT 'whk_' || i, ${old}, 'evt_gone_' || i, 0, 'succeeded', 1, ${old}, ${old} FROM n`,
      `INSERT INTO idempotency_claims (owner, key, operation, anchor, resource_id, claim_token, created_at, expires_at)
        SELECT '${t}', 'k' || i, 'order.create', 'r', 'ord_x', 't', ${at("-2 days")}, ${at("-1 day")} FROM n`,
      `INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, previous_secret, previous_secret_expires_at, status)
        SELECT 'whk_' || i, '${t}', 'https://example.com/hook', '["*"]', 's', 'p', ${at("-1 second")}, 'disabled' FROM n`,
    ]),
    ...rows(60, [
      `INSERT INTO inbound_receipts (id, inbound_id, tenant_id, warehouse_id, claim_token, prior_status, items, received_at, created_at)
        SELECT 'rcp_' || i, 'ib_x', '${t}', 'wh_syd_1', 't', 'expected', '[]', ${late}, ${at("-1 hour")} FROM n`,
      `INSERT INTO returns (id, tenant_id, order_id, order_number, warehouse_id, status, version, received_at, created_at, updated_at, change_seq)
        SELECT 'ret_' || i, '${t}', 'ord_x', 'SO-1', 'wh_syd_1', 'received', 1, ${late}, ${late}, ${late}, i FROM n`,
    ]),
  ]);
}

/** One scheduled run with `n` shards listed: the handler's statements and each unit's. */
async function scheduledRun(build, n) {
  const { workerOptions } = localWorkerOptions();
  const persist = mkdtempSync(path.join(knobs.storageDir, "fulfillment-bench-cron-"));
  const extra = Object.fromEntries(SHARDS.slice(2).map((s) => [s, { id: `bench-cron-${s}` }]));
  const mf = new Miniflare({
    ...workerOptions,
    modules: true,
    modulesRoot: build.dir,
    scriptPath: build.entry,
    defaultPersistRoot: persist,
    cf: false,
    d1Databases: { ...workerOptions.d1Databases, ...extra },
    bindings: { ...workerOptions.bindings, SHARDS: SHARDS.slice(0, n).join(",") },
  });
  try {
    await mf.ready;
    await migrateAll(mf);
    for (const s of SHARDS.slice(2)) await migrate(await mf.getD1Database(s), "migrations/shard");
    const control = await mf.getD1Database("DB");
    for (const s of SHARDS.slice(0, n)) await backlog(control, await mf.getD1Database(s), s);
    const res = await mf.dispatchFetch("http://localhost/bench/cron");
    if (!res.ok) throw new Error(`/bench/cron answered ${res.status}: ${await res.text()}`);
    const run = await res.json();
    const failed = run.units.filter((u) => u.failures.length > 0);
    if (run.units.length !== n + 1 || failed.length > 0) {
      throw new Error(`the cron over ${n} shards: ${JSON.stringify(run.units)}`);
    }
    const busiest = Math.max(run.handler, ...run.units.map((u) => u.d1Statements));
    log(
      `cron over ${n} shards: handler ${run.handler} D1 statements, busiest invocation ${busiest}`,
    );
    return { handler: run.handler, units: run.units.length, busiest };
  } finally {
    await mf.dispose();
    rmSync(persist, { recursive: true, force: true });
  }
}

/** Both runs and their ratio. */
export async function cronBound() {
  const out = "bench/.build/cron";
  const build = {
    dir: out,
    entry: bundle(out, ["--env=", "bench/cron-worker.ts"], "cron-worker.ts"),
  };
  const two = await scheduledRun(build, 2);
  const eight = await scheduledRun(build, 8);
  return { two, eight, ratio: eight.busiest / two.busiest };
}
