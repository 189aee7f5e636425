import {
  applyD1Migrations,
  createScheduledController,
  env,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { handOut, type UnitReport } from "../../src/janitor";
import { Meter } from "../../src/lib/metering";
import { seedReferenceData } from "../support/merchant";
import { tenantRows } from "../support/shards";

/*
 * The cron's background work (src/janitor.ts): the scheduled handler hands one unit per
 * database to that database's janitor object and makes no D1 query itself; each unit is
 * bounded in statements whatever its shard's backlog, comes back through its alarm for the
 * rest, and never touches a frozen tenant's rows. Statements are counted by src/lib/metering.ts,
 * the handler's on the env it is given, each unit's by its janitor. vitest.config.ts binds
 * SHARD_2…SHARD_7 beside the two shards SHARDS lists; a test lists more of them as an
 * operator would.
 */

const SHARDS = Array.from({ length: 8 }, (_, i) => `SHARD_${i}`);
const withShards = (n: number): Env => ({ ...env, SHARDS: SHARDS.slice(0, n).join(",") });
const shardDb = (name: string) => Reflect.get(env, name) as D1Database;
const JOBS = ["orders", "receipts", "relay", "replicas", "retention", "returns", "secrets"];

/**
 * The most statements a unit makes, from each job's bounds: the frozen tenants 1; the relay
 * 10 pages × 3 + 1; secrets 1; retention 20 pages of claims × 2, of deliveries × 4, of events
 * × 2; the order archive 2 pages × (1 + 8 + 11); receipts 1 + 25 × 2; returns 2 + 25; the
 * mend 4 + 2 + a write per table. Far below D1's 1,000 per invocation.
 */
const UNIT_BOUND = 340;

const ISO = "'%Y-%m-%dT%H:%M:%fZ'";
const at = (modifier: string) => `strftime(${ISO}, 'now', '${modifier}')`;
const upTo = (n: number) =>
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`;

/**
 * `n` rows of every kind of due work for `tenant`, written straight into its shard; stranded
 * receipts and returns, which a unit takes 25 at a time, and archivable orders, which it
 * takes 50 at a time, at most 60 each.
 */
async function backlog(db: D1Database, tenant: string, n: number) {
  const old = at("-40 days");
  const late = at("-2 minutes");
  const rows = (count: number, inserts: string[]) =>
    inserts.map((insert) => db.prepare(`${upTo(count)} ${insert}`));
  await db.batch([
    ...rows(n, [
      // Committed events no relay dispatched.
      `INSERT INTO events (id, tenant_id, type, data)
        SELECT 'evt_new_${tenant}_' || i, '${tenant}', 'order.created', '{}' FROM n`,
      // Events past retention, dispatched, with no delivery left.
      `INSERT INTO events (id, tenant_id, type, data, created_at, dispatched)
        SELECT 'evt_old_${tenant}_' || i, '${tenant}', 'order.created', '{}', ${old}, 1 FROM n`,
      // Settled deliveries past retention, to the subscriptions below.
      `INSERT INTO webhook_deliveries (subscription_id, event_at, event_id, generation, status, attempts, created_at, updated_at)
        SELECT 'whk_${tenant}_' || i, ${old}, 'evt_gone_${tenant}_' || i, 0, 'succeeded', 1, ${old}, ${old} FROM n`,
      // Idempotency claims past their 24 h.
      `INSERT INTO idempotency_claims (owner, key, operation, anchor, resource_id, claim_token, created_at, expires_at)
        SELECT '${tenant}', 'k' || i, 'order.create', 'r', 'ord_x', 't', ${at("-2 days")}, ${at("-1 day")} FROM n`,
      // Rotated secrets whose overlap is over; disabled, so the relay sends nothing anywhere.
      `INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, previous_secret, previous_secret_expires_at, status)
        SELECT 'whk_${tenant}_' || i, '${tenant}', 'https://example.com/hook', '["*"]', 's', 'p', ${at("-1 second")}, 'disabled' FROM n`,
    ]),
    ...rows(Math.min(n, 60), [
      // Orders cancelled long ago, past the hot window; a unit archives 50.
      `INSERT INTO orders (id, tenant_id, order_number, reference, warehouse_id, signature_required,
          insurance, ship_to, status, priority, version, created_at, updated_at, change_seq)
        SELECT 'ord_${tenant}_' || i, '${tenant}', 'SO-' || i, 'ref-' || i, 'wh_syd_1', 0, 0,
          '{"name":"A","address1":"1 St","city":"Sydney","country":"AU"}', 'cancelled', 0, 2,
          ${at("-200 days")}, ${at("-100 days")}, i FROM n`,
    ]),
    ...rows(Math.min(n, 60), [
      // Receipts and returns a stopped request left without their stock (no units to shelve).
      `INSERT INTO inbound_receipts (id, inbound_id, tenant_id, warehouse_id, claim_token, prior_status, items, received_at, created_at)
        SELECT 'rcp_${tenant}_' || i, 'ib_x', '${tenant}', 'wh_syd_1', 't', 'expected', '[]', ${late}, ${at("-1 hour")} FROM n`,
      `INSERT INTO returns (id, tenant_id, order_id, order_number, warehouse_id, status, version, received_at, created_at, updated_at, change_seq)
        SELECT 'ret_${tenant}_' || i, '${tenant}', 'ord_x', 'SO-1', 'wh_syd_1', 'received', 1, ${late}, ${late}, ${late}, i FROM n`,
    ]),
  ]);
}

/** How much of each kind of work is still due for `tenant`. */
async function due(db: D1Database, tenant: string) {
  const count = async (where: string) =>
    (await db.prepare(`SELECT COUNT(*) AS n FROM ${where}`).bind(tenant).first<{ n: number }>())?.n;
  return {
    undispatched: await count("events WHERE tenant_id = ? AND dispatched IS NULL"),
    oldEvents: await count(`events WHERE tenant_id = ? AND created_at < ${at("-30 days")}`),
    deliveries: await count(
      "webhook_deliveries WHERE subscription_id IN (SELECT id FROM webhook_subscriptions WHERE tenant_id = ?)",
    ),
    claims: await count("idempotency_claims WHERE owner = ?"),
    secrets: await count(
      "webhook_subscriptions WHERE tenant_id = ? AND previous_secret IS NOT NULL",
    ),
    receipts: await count("inbound_receipts WHERE tenant_id = ? AND stock_applied_at IS NULL"),
    returns: await count("returns WHERE tenant_id = ? AND stock_applied_at IS NULL"),
    orders: await count("orders WHERE tenant_id = ?"),
  };
}

const nothingDue = {
  undispatched: 0,
  oldEvents: 0,
  deliveries: 0,
  claims: 0,
  secrets: 0,
  receipts: 0,
  returns: 0,
  orders: 0,
};

const archivedOf = async (tenant: string) =>
  (
    await Promise.all(
      ["events", "webhook_deliveries", "idempotency_claims"].map(
        async (table) =>
          (
            await env.ARCHIVE.list({ prefix: `archive/${table}/${tenant}/` })
          ).objects,
      ),
    )
  ).flat();

const placeTenant = (id: string, shard: string) =>
  env.DB.prepare("INSERT INTO tenants (id, name, shard) VALUES (?, ?, ?)")
    .bind(id, id, shard)
    .run();

const janitor = (name: string) => env.JANITORS.getByName(name);
const alarmOf = (name: string) =>
  runInDurableObject(janitor(name), (_, state) => state.storage.getAlarm());

/** Units on `name` until one leaves nothing: every report, each of which must stay bounded. */
async function drain(name: string): Promise<UnitReport[]> {
  const reports: UnitReport[] = [];
  for (let i = 0; i < 50; i++) {
    const report = await janitor(name).run();
    reports.push(report);
    expect(report.failures).toEqual([]);
    expect(report.d1Statements).toBeLessThanOrEqual(UNIT_BOUND);
    if (report.more.length === 0) return reports;
  }
  throw new Error(`${name} still had work after 50 units: ${JSON.stringify(reports.at(-1))}`);
}

afterEach(() => {
  vi.restoreAllMocks();
});

beforeAll(async () => {
  for (const name of SHARDS.slice(2))
    await applyD1Migrations(shardDb(name), env.TEST_MIGRATIONS.shard);
  await seedReferenceData();
});

describe("the cron", () => {
  it("hands one unit to each shard's janitor and one to the control database's, and queries no D1 itself", async () => {
    const meter = new Meter();
    await worker.scheduled(
      createScheduledController({ cron: "* * * * *" }),
      meter.env(withShards(8)),
    );
    expect(meter.cost.d1.calls).toBe(0);
    expect(meter.cost.d1.statements).toBe(0);
    expect(meter.cost.do.calls).toBe(SHARDS.length + 1);
    // Each shard's unit ran: its copy of the reference data now matches the control rows.
    const control = await env.DB.prepare("SELECT * FROM warehouses ORDER BY id").all();
    expect(control.results.length).toBeGreaterThan(0);
    for (const name of SHARDS) {
      const copy = await shardDb(name).prepare("SELECT * FROM warehouses ORDER BY id").all();
      expect(copy.results, name).toEqual(control.results);
    }
    const reports = await handOut(withShards(8));
    expect(reports.map((r) => r.database)).toEqual(["DB", ...SHARDS]);
    for (const r of reports) expect(r).toMatchObject({ more: [], failures: [] });
  });

  it("makes at most as many queries in any one invocation at 8 shards as at 2, within 1.25×", async () => {
    const busiest = async (n: number) => {
      // The same backlog before each run, more than a unit takes: the busiest unit is full.
      await placeTenant(`ten_ratio_${n}`, "SHARD_1");
      await backlog(shardDb("SHARD_1"), `ten_ratio_${n}`, 4500);
      const meter = new Meter();
      const units = await handOut(meter.env(withShards(n)));
      expect(units).toHaveLength(n + 1);
      await drain("SHARD_1");
      return Math.max(meter.cost.d1.statements, ...units.map((u) => u.d1Statements));
    };
    const two = await busiest(2);
    const eight = await busiest(8);
    expect(two).toBeGreaterThan(200);
    expect(eight / two).toBeLessThanOrEqual(1.25);
  });
});

describe("a unit of work", () => {
  it("stays bounded under a backlog of thousands, and its alarm comes back for the rest", async () => {
    const shard = "SHARD_3";
    const db = shardDb(shard);
    await placeTenant("ten_backlog", shard);
    await backlog(db, "ten_backlog", 4500);
    // More tenants than one unit mends.
    await env.DB.prepare(
      `${upTo(450)} INSERT INTO tenants (id, name, shard) SELECT 'ten_many_' || printf('%04d', i), 'Many', '${shard}' FROM n`,
    ).run();
    const before = await due(db, "ten_backlog");

    const first = await janitor(shard).run();
    expect(first.failures).toEqual([]);
    expect(first.more.sort()).toEqual(JOBS);
    expect(first.d1Statements).toBeLessThanOrEqual(UNIT_BOUND);
    const after = await due(db, "ten_backlog");
    for (const [kind, left] of Object.entries(after)) {
      // Some of every kind done, and most of it left for later units.
      expect(left, kind).toBeLessThan(before[kind as keyof typeof before] ?? 0);
      expect(left, kind).toBeGreaterThan(0);
    }
    expect(await alarmOf(shard)).not.toBeNull();

    // The alarm runs the next unit.
    expect(await runDurableObjectAlarm(janitor(shard))).toBe(true);
    const next = await due(db, "ten_backlog");
    expect(next.undispatched).toBeLessThan(after.undispatched ?? 0);

    const rest = await drain(shard);
    expect(rest.length).toBeGreaterThan(1);
    expect(await due(db, "ten_backlog")).toEqual(nothingDue);
    expect(await alarmOf(shard)).toBeNull();
    const copies = await db
      .prepare("SELECT COUNT(*) AS n FROM tenants WHERE id LIKE 'ten_many_%'")
      .first<{ n: number }>();
    expect(copies?.n).toBe(450);
  });

  it("leaves a frozen tenant's rows untouched, from the cron and from its alarm, while it works its neighbour's, and takes them after the thaw", async () => {
    const shard = "SHARD_4";
    const db = shardDb(shard);
    for (const tenant of ["ten_frozen", "ten_thawed"]) {
      await placeTenant(tenant, shard);
      await backlog(db, tenant, 3);
    }
    await env.DB.prepare(`UPDATE tenants SET frozen_at = ${at("-1 second")} WHERE id = ?`)
      .bind("ten_frozen")
      .run();
    const frozen = await tenantRows(db, "ten_frozen");
    expect(frozen.tenants).toEqual([]);
    // A unit logs its failed jobs rather than throwing: none may fail here.
    const errors = vi.spyOn(console, "error");

    // The cron, as the platform calls it: one unit per database, this shard's among them.
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), withShards(5));
    expect(await due(db, "ten_thawed")).toEqual(nothingDue);
    expect(await archivedOf("ten_thawed")).not.toHaveLength(0);
    expect(await tenantRows(db, "ten_frozen")).toEqual(frozen);
    expect(await archivedOf("ten_frozen")).toHaveLength(0);

    // The janitor's alarm, which continues a unit that stopped at its bounds. Set an hour
    // ahead so it cannot fire by itself before the test runs it.
    await runInDurableObject(janitor(shard), (_, state) =>
      state.storage.setAlarm(Date.now() + 60 * 60_000),
    );
    expect(await runDurableObjectAlarm(janitor(shard))).toBe(true);
    expect(await tenantRows(db, "ten_frozen")).toEqual(frozen);
    expect(await archivedOf("ten_frozen")).toHaveLength(0);
    expect(errors).not.toHaveBeenCalled();

    await env.DB.prepare("UPDATE tenants SET frozen_at = NULL WHERE id = ?")
      .bind("ten_frozen")
      .run();
    expect(await janitor(shard).run()).toMatchObject({ more: [], failures: [] });
    expect(await due(db, "ten_frozen")).toEqual(nothingDue);
    expect(await archivedOf("ten_frozen")).not.toHaveLength(0);
    expect((await tenantRows(db, "ten_frozen")).tenants).toHaveLength(1);
  });
});
