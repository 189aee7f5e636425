import { createScheduledController, env } from "cloudflare:test";
import { assert, beforeAll, describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import worker from "../../src/index";
import { encodeCursor } from "../../src/lib/cursor";
import { type Archived, archiveExpired, PUTS_PER_RUN } from "../../src/retention/archive";
import { deliveryId } from "../../src/webhooks/webhooks.delivery-key";
import { client, expectError, expectStatus, ok } from "../support/client";
import { merchant, orderBody } from "../support/merchant";
import { eventually, receiver } from "../support/receiver";
import { dataOf, everyShard } from "../support/shards";

/*
 * Retention: what the cron archives to R2 is exactly what it deletes from D1. Rows are made
 * through the API, aged by moving their timestamps back in D1, and then the cron runs. Each
 * tenant's rows are in its shard, and consecutive tenants land on different shards, so what
 * D1 holds is read from every tenant's shard, and the archive job runs as the cron runs it.
 */

type Row = Record<string, unknown>;

const ISO = "'%Y-%m-%dT%H:%M:%fZ'";
/** Rows made by this test run rather than aged ones: `column` made within the hour. */
const fresh = (column: string) => `${column} > strftime(${ISO}, 'now', '-1 hour')`;
const FRESH = fresh("created_at");
/** A tenant's deliveries, as `d`, with its tenant: its subscription's, as `s`. */
const DELIVERIES =
  "webhook_deliveries AS d JOIN webhook_subscriptions AS s ON s.id = d.subscription_id";
const DAY_MS = 86_400_000;

async function rows(db: D1Database, query: string, ...binds: unknown[]): Promise<Row[]> {
  return (
    await db
      .prepare(query)
      .bind(...binds)
      .all<Row>()
  ).results;
}

/** The tenants grouped by the shard that holds their data. */
async function byShard(tenants: string[]): Promise<Map<D1Database, string[]>> {
  const groups = new Map<D1Database, string[]>();
  for (const tenant of tenants) {
    const shard = await dataOf(tenant);
    groups.set(shard, [...(groups.get(shard) ?? []), tenant]);
  }
  return groups;
}

/** `query` on each of the tenants' shards, bound to that shard's tenants as JSON: every row. */
async function tenantRows(tenants: string[], query: string): Promise<Row[]> {
  const found: Row[] = [];
  for (const [shard, mine] of await byShard(tenants)) {
    found.push(...(await rows(shard, query, JSON.stringify(mine))));
  }
  return found;
}

/**
 * Moves the tenants' fresh rows back: each tenant's events to noon a day more than `days`
 * ago for the first half of them by `seq`, and `days` ago for the rest, a second apart in
 * `seq` order, so each tenant's rows span exactly two days and their times grow with `seq`
 * as writes make them. Deliveries move with their events: their `event_at` is the event's
 * new time, made then and updated a second later. Idempotency claims go two days back, past
 * their 24 h.
 */
async function age(tenants: string[], days: number) {
  const mine = "tenant_id IN (SELECT value FROM json_each(?1))";
  const eventAt = "(SELECT e.created_at FROM events AS e WHERE e.id = webhook_deliveries.event_id)";
  for (const [shard, theirs] of await byShard(tenants)) {
    await shard.batch(
      [
        `UPDATE webhook_attempts SET attempted_at = strftime(${ISO}, attempted_at, '-${days} days')
       WHERE ${mine} AND ${fresh("attempted_at")}`,
        `UPDATE events SET created_at = strftime(${ISO}, 'now',
           '-' || (${days} + (2 * f.n <= f.of)) || ' days', 'start of day', '+12 hours',
           '+' || f.n || ' seconds')
         FROM (SELECT seq, row_number() OVER (PARTITION BY tenant_id ORDER BY seq) AS n,
             count(*) OVER (PARTITION BY tenant_id) AS of
           FROM events WHERE ${mine} AND ${FRESH}) AS f
         WHERE events.seq = f.seq`,
        `UPDATE webhook_deliveries SET event_at = ${eventAt}, created_at = ${eventAt},
         updated_at = strftime(${ISO}, ${eventAt}, '+1 second')
       WHERE subscription_id IN (SELECT id FROM webhook_subscriptions WHERE ${mine}) AND ${FRESH}`,
        `UPDATE idempotency_claims SET created_at = strftime(${ISO}, created_at, '-2 days'),
         expires_at = strftime(${ISO}, expires_at, '-2 days')
       WHERE owner IN (SELECT value FROM json_each(?1)) AND ${FRESH}`,
      ].map((q) => shard.prepare(q).bind(JSON.stringify(theirs))),
    );
  }
}

/** Waits until the tenants' fresh events are dispatched and their deliveries settled. */
async function settled(tenants: string[]) {
  await eventually(
    () =>
      tenantRows(
        tenants,
        `SELECT (SELECT COUNT(*) FROM events WHERE dispatched IS NULL AND ${FRESH}
           AND tenant_id IN (SELECT value FROM json_each(?1)))
         + (SELECT COUNT(*) FROM ${DELIVERIES} WHERE d.status IN ('pending', 'sending')
           AND ${fresh("d.created_at")} AND s.tenant_id IN (SELECT value FROM json_each(?1))) AS open`,
      ),
    // One count per shard.
    (r) => r.length > 0 && r.every((shard) => shard.open === 0),
    "every delivery settled",
  );
}

/** What D1 holds for the tenants, as the archive writes it: attempts nested in deliveries. */
async function stored(tenants: string[]) {
  const mine = "tenant_id IN (SELECT value FROM json_each(?))";
  const attempts = await tenantRows(
    tenants,
    `SELECT * FROM webhook_attempts WHERE ${mine} ORDER BY delivery_id, attempt`,
  );
  // As the archive has them: the delivery's columns and its tenant, its subscription's.
  const deliveries = await tenantRows(
    tenants,
    `SELECT d.*, s.tenant_id FROM ${DELIVERIES} WHERE s.${mine}`,
  );
  return {
    events: await tenantRows(tenants, `SELECT * FROM events WHERE ${mine}`),
    webhook_deliveries: deliveries.map((d): Row & { webhook_attempts: Row[] } => {
      const id = deliveryId({
        subscriptionId: String(d.subscription_id),
        eventAt: String(d.event_at),
        eventId: String(d.event_id),
        generation: Number(d.generation),
        tenantId: String(d.tenant_id),
        legacyId: d.legacy_id == null ? null : String(d.legacy_id),
      });
      return { ...d, webhook_attempts: attempts.filter((at) => at.delivery_id === id) };
    }),
    idempotency_claims: await tenantRows(
      tenants,
      "SELECT * FROM idempotency_claims WHERE owner IN (SELECT value FROM json_each(?))",
    ),
  };
}

type Table = keyof Awaited<ReturnType<typeof stored>>;
const TABLES: Table[] = ["events", "webhook_deliveries", "idempotency_claims"];

const ownerOf = (table: string, row: Row) =>
  table === "idempotency_claims" ? row.owner : row.tenant_id;

/** A row's identity: a delivery has no id column, but its subscription, event and generation. */
const identity = (table: Table, row: Row) =>
  table === "idempotency_claims"
    ? `${row.owner} ${row.key}`
    : table === "webhook_deliveries"
      ? `${row.subscription_id} ${row.event_id} ${row.generation}`
      : String(row.id);

const sorted = (table: Table, list: Row[]) =>
  [...list].sort((x, y) => identity(table, x).localeCompare(identity(table, y)));

interface ArchivedObject {
  key: string;
  etag: string;
  table: string;
  tenant: string;
  day: string;
  metadata: Record<string, string> | undefined;
  rows: Row[];
}

/** Every object in the archive, parsed. */
async function archive(): Promise<ArchivedObject[]> {
  const listed: R2Object[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.ARCHIVE.list({ prefix: "archive/", cursor });
    listed.push(...page.objects);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return Promise.all(
    listed.map(async (o) => {
      const object = await env.ARCHIVE.get(o.key);
      assert(object, o.key);
      const body = await object.text();
      const [, table = "", tenant = "", day = ""] = o.key.split("/");
      return {
        key: o.key,
        etag: o.etag,
        table,
        tenant,
        day,
        metadata: object.customMetadata,
        rows: body
          .split("\n")
          .filter((line) => line !== "")
          .map((line) => JSON.parse(line) as Row),
      };
    }),
  );
}

const archived = (objects: ArchivedObject[], table: Table, tenants: string[]) =>
  objects.filter((o) => o.table === table && tenants.includes(o.tenant)).flatMap((o) => o.rows);

/** Each of `expected` is in the archive exactly as it was in D1. */
function expectInArchive(objects: ArchivedObject[], table: Table, expected: Row[]) {
  const found = new Map(
    objects
      .filter((o) => o.table === table)
      .flatMap((o) => o.rows)
      .map((r) => [identity(table, r), r]),
  );
  for (const row of expected) expect(found.get(identity(table, row)), table).toEqual(row);
}

const cron = () => worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);

type PutArgs = Parameters<R2Bucket["put"]>;

/** The R2 binding with `put` replaced, as an outage or a race would change it. */
function puttingWith(put: (bucket: R2Bucket, ...args: PutArgs) => ReturnType<R2Bucket["put"]>) {
  return new Proxy(env.ARCHIVE, {
    get(bucket, prop) {
      if (prop === "put") return (...args: PutArgs) => put(bucket, ...args);
      const value: unknown = Reflect.get(bucket, prop);
      return typeof value === "function" ? value.bind(bucket) : value;
    },
  });
}

const failingPuts = (fails: (key: string) => boolean) =>
  puttingWith((bucket, key, ...rest) =>
    fails(key) ? Promise.reject(new Error("injected R2 outage")) : bucket.put(key, ...rest),
  );

const withArchive = (bucket: R2Bucket): Env => ({ ...env, ARCHIVE: bucket });

/**
 * The cron's archive job alone, as src/index.ts `scheduled` runs it: on every shard, and on
 * the control database for platform keys' claims. Every run settles before this returns or
 * throws, so a failed run leaves nothing still writing; it fails with every run's message.
 */
async function archiveAll(jobEnv: Env = env): Promise<Archived> {
  const runs = await Promise.allSettled([
    archiveExpired(jobEnv, database(jobEnv.DB), Date.now(), { claimsOnly: true }),
    ...everyShard().map((shard) => archiveExpired(jobEnv, database(shard))),
  ]);
  const failed = runs.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  if (failed.length > 0) {
    throw new AggregateError(failed, failed.map((e) => String(e?.message ?? e)).join("; "));
  }
  const total: Archived = { idempotency_claims: 0, webhook_deliveries: 0, events: 0 };
  for (const run of runs) {
    if (run.status !== "fulfilled") continue;
    for (const table of TABLES) total[table] += run.value[table];
  }
  return total;
}

interface Tenant {
  tenantId: string;
  key: string;
  webhookId: string;
}
let a: Tenant;
let b: Tenant;
/** The old delivery left in flight by the first test (its identity), and its event. */
let live: { delivery: string; eventId: string };

/** An order created under an Idempotency-Key, then cancelled: events, deliveries, a claim. */
async function orderAndCancel(key: string) {
  const idempotencyKey = crypto.randomUUID();
  const order = await ok(
    client(key).v1.orders.$post({
      json: orderBody({ items: [{ sku: "RET-1", quantity: 1 }] }),
      header: { "idempotency-key": idempotencyKey },
    }),
  );
  await ok(client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id } }));
  return { order, idempotencyKey };
}

/** Rows past the window (or the claim's 24 h) that the archive may take now. */
function due(table: Table, row: Row, days = 30) {
  const cutoff = new Date(Date.now() - days * DAY_MS).toISOString();
  if (table === "idempotency_claims") return String(row.expires_at) < new Date().toISOString();
  if (table === "events") return String(row.created_at) < cutoff && row.id !== live?.eventId;
  return String(row.updated_at) < cutoff && identity(table, row) !== live?.delivery;
}

async function tenantWithWebhook(path: string): Promise<Tenant> {
  const tenant = await merchant({ "RET-1": 100 });
  const hook = await ok(
    client(tenant.key).v1.webhooks.$post({ json: { url: `${receiver}${path}`, events: ["*"] } }),
  );
  return { ...tenant, webhookId: hook.id };
}

beforeAll(async () => {
  a = await tenantWithWebhook("/ok/retention-a");
  // B's endpoint fails its first request: one of its deliveries has two attempts.
  b = await tenantWithWebhook("/flaky/1/retention-b");
});

describe("the retention archive", () => {
  it("holds exactly the rows deleted, one tenant and day per object, and keeps what is live or new", async () => {
    const tenants = [a.tenantId, b.tenantId];
    for (const t of [a, b]) {
      await orderAndCancel(t.key);
      await orderAndCancel(t.key);
    }
    await settled(tenants);
    await age(tenants, 40);
    // One old delivery still in flight: it and its event belong to live retries.
    const aShard = await dataOf(a.tenantId);
    const [oldest] = await rows(
      aShard,
      `SELECT d.subscription_id, d.event_id, d.generation FROM ${DELIVERIES}
       WHERE s.tenant_id = ? ORDER BY d.event_at, d.event_id, d.generation LIMIT 1`,
      a.tenantId,
    );
    assert(oldest);
    live = {
      delivery: identity("webhook_deliveries", oldest),
      eventId: String(oldest.event_id),
    };
    await aShard
      .prepare(
        `UPDATE webhook_deliveries SET status = 'pending'
         WHERE subscription_id = ? AND event_id = ? AND generation = ?`,
      )
      .bind(oldest.subscription_id, oldest.event_id, oldest.generation)
      .run();
    // Newer than the window: untouched.
    await orderAndCancel(a.key);
    await settled(tenants);

    const before = await stored(tenants);
    for (const table of TABLES) {
      // Proves nothing unless some rows go and some stay.
      expect(before[table].filter((r) => due(table, r)).length, table).toBeGreaterThan(1);
      expect(before[table].filter((r) => !due(table, r)).length, table).toBeGreaterThan(0);
    }
    const attempts = before.webhook_deliveries.map((d) => d.webhook_attempts.length);
    expect(Math.max(...attempts)).toBe(2);

    await cron();
    const objects = await archive();
    const after = await stored(tenants);
    for (const table of TABLES) {
      const gone = before[table].filter((r) => due(table, r));
      const put = archived(objects, table, tenants);
      // The same rows, as D1 held them: nothing missing, nothing extra, nothing twice.
      expect(sorted(table, put), table).toEqual(sorted(table, gone));
      expect(new Set(put.map((r) => identity(table, r))).size).toBe(put.length);
      // What stayed is exactly what was not due, unchanged.
      expect(sorted(table, after[table]), table).toEqual(
        sorted(
          table,
          before[table].filter((r) => !due(table, r)),
        ),
      );
    }
    expect(after.events.map((e) => e.id)).toContain(live.eventId);
    expect(after.webhook_deliveries.map((d) => identity("webhook_deliveries", d))).toContain(
      live.delivery,
    );

    const mine = objects.filter((o) => tenants.includes(o.tenant));
    for (const object of mine) {
      expect(object.key).toMatch(
        /^archive\/[a-z_]+\/ten_[A-Za-z0-9]+\/\d{4}-\d{2}-\d{2}\/\d{6}\.\d{3}Z-[0-9a-f]{16}\.ndjson$/,
      );
      for (const row of object.rows) {
        expect(ownerOf(object.table, row)).toBe(object.tenant);
        expect(String(row.created_at).slice(0, 10)).toBe(object.day);
      }
      expect(object.metadata).toEqual({
        table: object.table,
        tenant: object.tenant,
        day: object.day,
        rows: String(object.rows.length),
      });
    }
    // Each tenant's aged events span two days, and one run writes one object per day.
    for (const tenant of tenants) {
      const days = mine
        .filter((o) => o.table === "events" && o.tenant === tenant)
        .map((o) => o.day);
      expect(days).toHaveLength(2);
      expect(new Set(days).size).toBe(2);
    }

    // A second run has nothing left to archive.
    await cron();
    expect((await archive()).map((o) => [o.key, o.etag]).sort()).toEqual(
      objects.map((o) => [o.key, o.etag]).sort(),
    );
    expect(await stored(tenants)).toEqual(after);
  });

  it("deletes nothing whose put failed, and only the parts that were stored", async () => {
    const tenants = [a.tenantId, b.tenantId];
    for (const t of [a, b]) await orderAndCancel(t.key);
    await settled(tenants);
    await age(tenants, 35);
    const before = await stored(tenants);
    const objects = await archive();

    await expect(archiveAll(withArchive(failingPuts(() => true)))).rejects.toThrow(
      "archiving failed",
    );
    expect(await stored(tenants)).toEqual(before);
    expect(await archive()).toHaveLength(objects.length);

    // Only B's puts fail: A's due rows are archived and deleted, B's all stay.
    const ofB = (key: string) => key.split("/")[2] === b.tenantId;
    await expect(archiveAll(withArchive(failingPuts(ofB)))).rejects.toThrow();
    const partly = await stored(tenants);
    const middle = await archive();
    for (const table of TABLES) {
      const of = (tenant: string, list: Row[]) => list.filter((r) => ownerOf(table, r) === tenant);
      expect(of(b.tenantId, partly[table]), table).toEqual(of(b.tenantId, before[table]));
      const aDue = of(a.tenantId, before[table]).filter((r) => due(table, r));
      expect(aDue.length, table).toBeGreaterThan(0);
      expect(sorted(table, of(a.tenantId, partly[table])), table).toEqual(
        sorted(
          table,
          of(a.tenantId, before[table]).filter((r) => !due(table, r)),
        ),
      );
      expectInArchive(middle, table, aDue);
    }
    expect(middle.filter((o) => o.tenant === b.tenantId)).toEqual(
      objects.filter((o) => o.tenant === b.tenantId),
    );

    // The outage over, the next run takes B's too.
    await archiveAll();
    const after = await stored(tenants);
    for (const table of TABLES) {
      const bDue = before[table].filter((r) => ownerOf(table, r) === b.tenantId && due(table, r));
      expect(bDue.length, table).toBeGreaterThan(0);
      expectInArchive(await archive(), table, bDue);
      expect(sorted(table, after[table]), table).toEqual(
        sorted(
          table,
          before[table].filter((r) => !due(table, r)),
        ),
      );
    }
  });

  it("keeps a claim taken again between its put and its delete", async () => {
    const { idempotencyKey } = await orderAndCancel(a.key);
    await settled([a.tenantId]);
    await age([a.tenantId], 35);
    const aShard = await dataOf(a.tenantId);
    const claim = `SELECT * FROM idempotency_claims WHERE owner = ? AND key = ?`;
    const [old] = await rows(aShard, claim, a.tenantId, idempotencyKey);
    assert(old);
    // A retry with the expired key re-claims it while its old claim is being put.
    const racing = puttingWith(async (bucket, key, ...rest) => {
      if (key.startsWith("archive/idempotency_claims/")) {
        await aShard
          .prepare(
            `UPDATE idempotency_claims SET claim_token = 'retry', response_status = NULL,
               created_at = strftime(${ISO}, 'now'), expires_at = strftime(${ISO}, 'now', '+1 day')
             WHERE owner = ? AND key = ?`,
          )
          .bind(a.tenantId, idempotencyKey)
          .run();
      }
      return bucket.put(key, ...rest);
    });
    await archiveAll(withArchive(racing));
    const [now] = await rows(aShard, claim, a.tenantId, idempotencyKey);
    expect(now?.claim_token).toBe("retry");
    expectInArchive(await archive(), "idempotency_claims", [old]);
  });

  it("bounds each run: at most PUTS_PER_RUN objects per table, the rest next run", async () => {
    const owners = Array.from({ length: PUTS_PER_RUN + 20 }, (_, i) => `ten_bound${i}`);
    // All on one shard: the bound is per database and run, and each shard has its own run.
    const [shard] = everyShard();
    assert(shard);
    await shard.batch(
      owners.map((owner) =>
        shard
          .prepare(
            `INSERT INTO idempotency_claims (owner, key, operation, anchor, resource_id, claim_token, created_at, expires_at)
           VALUES (?, 'k', 'order.create', 'r', 'ord_x', 't', strftime(${ISO}, 'now', '-2 days'), strftime(${ISO}, 'now', '-1 day'))`,
          )
          .bind(owner),
      ),
    );
    const left = async () =>
      (
        await rows(
          shard,
          "SELECT COUNT(*) AS n FROM idempotency_claims WHERE owner IN (SELECT value FROM json_each(?))",
          JSON.stringify(owners),
        )
      )[0]?.n;
    expect((await archiveAll()).idempotency_claims).toBe(PUTS_PER_RUN);
    expect(await left()).toBe(20);
    expect((await archiveAll()).idempotency_claims).toBe(20);
    expect(await left()).toBe(0);
    const objects = (await archive()).filter((o) => o.tenant.startsWith("ten_bound"));
    expect(objects).toHaveLength(owners.length);
  });

  it("takes its window from RETENTION_DAYS, and a value that is not a number of days is 30", async () => {
    await orderAndCancel(b.key);
    await settled([b.tenantId]);
    await age([b.tenantId], 10);
    // All that is left of B's events: the ones just aged, 10 or 11 days old.
    const tenDaysOld = (await stored([b.tenantId])).events;
    expect(tenDaysOld.length).toBeGreaterThan(0);
    expect(tenDaysOld.every((e) => due("events", e, 9) && !due("events", e))).toBe(true);
    for (const RETENTION_DAYS of [undefined, "0", "seven", "-7"]) {
      expect((await archiveAll({ ...env, RETENTION_DAYS })).events).toBe(0);
    }
    expect((await archiveAll({ ...env, RETENTION_DAYS: "7" })).events).toBe(tenDaysOld.length);
    expectInArchive(await archive(), "events", tenDaysOld);
  });
});

describe("reaching past the window", () => {
  it("refuses a recover since before the window with beyond_retention, naming it", async () => {
    const since = new Date(Date.now() - 31 * DAY_MS).toISOString();
    const res = await client(a.key).v1.webhooks[":id"].recover.$post({
      param: { id: a.webhookId },
      json: { since },
    });
    const error = expectError(res, 422, "beyond_retention", "since");
    expect(error.retention_days).toBe(30);
    const earliest = Date.parse(String(error.earliest_allowed));
    expect(Math.abs(earliest - (Date.now() - 30 * DAY_MS))).toBeLessThan(60_000);
    expect(error.message).toContain("30-day retention window");

    const inside = await client(a.key).v1.webhooks[":id"].recover.$post({
      param: { id: a.webhookId },
      json: { since: new Date(Date.now() - 29 * DAY_MS).toISOString() },
    });
    expectStatus(inside, 202);
  });

  it("refuses to redeliver an event past the window, and says where archived events went", async () => {
    // Kept in D1 by its delivery still in flight, but past the window all the same.
    const redeliver = await client(a.key).v1.events[":id"].redeliver.$post({
      param: { id: live.eventId },
      json: { subscription_id: a.webhookId },
    });
    expect(expectError(redeliver, 422, "beyond_retention", "id").retention_days).toBe(30);

    const [gone] = archived(await archive(), "events", [b.tenantId]);
    assert(gone);
    const after = await client(b.key).v1.events.$get({ query: { after: String(gone.id) } });
    expect(expectError(after, 400, "invalid_parameter", "after").message).toContain("archived");
    const resumed = await client(b.key).v1.webhooks[":id"].recover.$post({
      param: { id: b.webhookId },
      json: { cursor: encodeCursor({ id: gone.id }) },
    });
    expect(expectError(resumed, 400, "invalid_cursor", "cursor").message).toContain("archived");
  });
});
