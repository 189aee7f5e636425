import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  copyTenant,
  countTenant,
  deleteStatements,
  forgetMove,
  type Reader,
} from "../../scripts/tenant-copy.mjs";
import { verifyTenant } from "../../scripts/tenant-verify.mjs";
import { PLACEMENT_TTL_MS } from "../../src/db/shards";
import { admin, client, expectError, expectStatus, ok } from "../support/client";
import { merchant, orderBody, parcel } from "../support/merchant";
import { eventually, payloadOf, received, receiver } from "../support/receiver";
import { orderSnapshotSql } from "../support/shards";

/*
 * Moving a tenant between shards, as scripts/move-tenant.mjs does it (the runbook in
 * docs/deploying.md): freeze, copy page by page with checkpoints, verify table by table,
 * switch, clear the old copy. Here the shards are local bindings instead of wrangler.
 */

const shardDb = (name: string) => Reflect.get(env, name) as D1Database;
const otherShard = (name: string) => (name === "SHARD_0" ? "SHARD_1" : "SHARD_0");

const reader =
  (db: D1Database): Reader =>
  async (sql) =>
    (await db.prepare(sql).all<Record<string, unknown>>()).results;

/** Each page's statements in one batch, as a healthy `wrangler d1 execute --file` runs them. */
const writer = (db: D1Database) => async (statements: string[]) => {
  await db.batch(statements.map((s) => db.prepare(s)));
};

/**
 * A writer that crashes while writing the first page of `table` that `crashAt` counts to: it
 * runs half of that page's statements one by one, so part of the page is written and its
 * checkpoint is not, then throws.
 */
function crashing(db: D1Database, table: string, crashAt: number) {
  let seen = 0;
  return async (statements: string[]) => {
    if (statements[0]?.startsWith(`INSERT INTO ${table} `) && ++seen === crashAt) {
      for (const s of statements.slice(0, Math.ceil(statements.length / 2))) {
        await db.prepare(s).run();
      }
      throw new Error("the move crashed");
    }
    await writer(db)(statements);
  };
}

const count = async (db: D1Database, table: string, tenantId: string) =>
  (
    await db
      .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE tenant_id = ?`)
      .bind(tenantId)
      .first<{ n: number }>()
  )?.n;

/** 1. Freeze, and wait out every isolate's cached placement (the clock moves on, and stays). */
async function freeze(tenantId: string) {
  await env.DB.prepare(
    "UPDATE tenants SET frozen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
  )
    .bind(tenantId)
    .run();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 2 * PLACEMENT_TTL_MS + 1000);
  const { frozen_at } = (await env.DB.prepare("SELECT frozen_at FROM tenants WHERE id = ?")
    .bind(tenantId)
    .first<{ frozen_at: string }>()) ?? { frozen_at: "" };
  return frozen_at;
}

/** 4. Point the tenant at its new shard, thaw it and drop the checkpoint; 5. clear the old copy. */
async function switchAndClear(tenantId: string, from: string, to: string) {
  await env.DB.prepare("UPDATE tenants SET shard = ?, frozen_at = NULL WHERE id = ?")
    .bind(to, tenantId)
    .run();
  await writer(shardDb(to))([forgetMove(tenantId)]);
  vi.setSystemTime(Date.now() + 2 * PLACEMENT_TTL_MS + 1000);
  await writer(shardDb(from))(deleteStatements(tenantId));
  const left = await countTenant(reader(shardDb(from)), tenantId);
  expect(Object.values(left).every((n) => n === 0)).toBe(true);
}

describe("moving a tenant (the runbook in docs/deploying.md)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("copies every row, resumes a crashed copy, and the tenant reads and writes there as before", async () => {
    const t = await merchant({ "MOVE-1": 10, "SHARD-SKU": 10 });
    const api = client(t.key).v1;
    const hook = `move-${t.tenantId}`;
    const sub = await ok(
      api.webhooks.$post({ json: { url: `${receiver}/ok/${hook}`, events: ["*"] } }),
    );
    const retried = { "idempotency-key": crypto.randomUUID() };
    const body = orderBody({ items: [{ sku: "MOVE-1", quantity: 2 }] });
    const shardOrder = () => orderBody({ items: [{ sku: "SHARD-SKU", quantity: 1 }] });
    const first = await ok(api.orders.$post({ json: body, header: retried }));
    const second = await ok(api.orders.$post({ json: shardOrder() }));
    const shipped = await api.ops.shipments.$post({
      json: { order_id: first.id, parcels: [parcel()], items: [{ sku: "MOVE-1", quantity: 2 }] },
    });
    expectStatus(shipped, 201);
    const returned = await api.ops.returns.$post({
      json: {
        warehouse_id: "wh_syd_1",
        order_id: first.id,
        items: [{ sku: "MOVE-1", quantity: 1, condition: "resellable", restocked: true }],
      },
    });
    expectStatus(returned, 201);
    await eventually(
      async () => (await ok(api.webhooks[":id"].deliveries.$get({ param: { id: sub.id } }))).data,
      (d) => d.length > 0 && d.every((x) => x.status === "succeeded"),
      "the deliveries",
    );
    const views = async () => ({
      order: await ok(api.orders[":id"].$get({ param: { id: first.id } })),
      orders: await ok(api.orders.$get()),
      shipments: await ok(api.shipments.$get()),
      returns: await ok(api.returns.$get()),
      inventory: await ok(api.inventory.$get()),
      events: await ok(api.events.$get({ query: { limit: "100" } })),
      deliveries: await ok(api.webhooks[":id"].deliveries.$get({ param: { id: sub.id } })),
    });
    const before = await views();

    const frozenAt = await freeze(t.tenantId);
    expectError(await api.orders.$get(), 503, "tenant_unavailable");

    // 2. Copy in pages of two rows, crashing halfway through a page of events; run again, it
    // resumes from the last checkpoint and leaves no half-written page behind.
    const from = shardDb(t.shard);
    const toName = otherShard(t.shard);
    const to = shardDb(toName);
    const copy = { read: reader(from), readTarget: reader(to), tenantId: t.tenantId, size: 2 };
    const move = `${t.shard}@${frozenAt}`;
    await expect(copyTenant({ ...copy, move, write: crashing(to, "events", 2) })).rejects.toThrow(
      /crashed/,
    );
    const resumed: string[] = [];
    await copyTenant({ ...copy, move, write: writer(to), onPage: (table) => resumed.push(table) });
    expect(resumed[0]).toBe("events");

    // 3. Verify: the same rows of every table on both sides.
    expect(await verifyTenant(reader(from), reader(to), t.tenantId)).toEqual([]);
    const counted = await countTenant(reader(from), t.tenantId);
    expect(counted.orders).toBe(2);
    expect(counted.return_lines).toBeGreaterThan(0);
    expect(counted.idempotency_claims).toBeGreaterThan(0);

    await switchAndClear(t.tenantId, t.shard, toName);
    expect((await ok(admin.tenants[":id"].$get({ param: { id: t.tenantId } }))).shard).toBe(toName);
    expect(await views()).toEqual(before);

    // It writes there too: a retried create answers from its moved claim, a new order's
    // event follows the old ones in the feed, and webhooks still go out.
    const replay = await api.orders.$post({ json: body, header: retried });
    expectStatus(replay, 200);
    expect(replay.body.id).toBe(first.id);
    await ok(api.orders[":id"].cancel.$post({ param: { id: second.id } }));
    const third = await ok(api.orders.$post({ json: shardOrder() }));
    expect(await count(to, "orders", t.tenantId)).toBe(3);
    const feed = await ok(
      api.events.$get({ query: { after: before.events.data.at(-1)?.event_id, limit: "100" } }),
    );
    const orderEvents = feed.data.filter((e) => e.event_type.startsWith("order."));
    expect(orderEvents.map((e) => e.event_type)).toEqual(["order.cancelled", "order.created"]);
    expect(orderEvents[1]?.data).toMatchObject({ id: third.id });
    await eventually(
      () => received(hook),
      (log) => log.some((m) => payloadOf(m).event_id === orderEvents[1]?.event_id),
      "a webhook from the new shard",
    );
  });

  it("moves a tenant of 20,000 rows page by page, names a table that differs, and serves it from the new shard", async () => {
    const t = await merchant({ "BULK-SKU": 5 });
    const db = shardDb(t.shard);
    const tenant = `'${t.tenantId}'`;
    const series = (n: number) =>
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`;
    await db.batch([
      db.prepare(
        `${series(7000)} INSERT INTO products (id, tenant_id, sku, name, change_seq)
         SELECT printf('prd_bulk_%05d', i), ${tenant}, printf('BULK-%05d', i), 'Bulk ' || i, 100000 + i FROM n`,
      ),
      db.prepare(
        `${series(7000)} INSERT INTO events (id, tenant_id, type, data, dispatched)
         SELECT printf('evt_bulk_%05d', i), ${tenant}, 'order.created',
           ${orderSnapshotSql("printf('ord_bulk_%05d', i)", tenant)}, 1 FROM n`,
      ),
      db.prepare(
        `${series(6000)} INSERT INTO stock_movements (tenant_id, warehouse_id, sku, ref, order_id, quantity_delta)
         SELECT ${tenant}, 'wh_syd_1', 'BULK-SKU', 'bulk-' || i, printf('ord_bulk_%05d', i), -1 FROM n`,
      ),
    ]);
    const source = await countTenant(reader(db), t.tenantId);
    expect(Object.values(source).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20_000);
    const api = client(t.key).v1;
    // A cursor carries its shard's consistency bookmark: the pages compare by their rows, and
    // a cursor from before the move reads on after it.
    const views = async () => ({
      product: await ok(api.products[":sku"].$get({ param: { sku: "BULK-06999" } })),
      products: (await ok(api.products.$get({ query: { limit: "100" } }))).data,
      events: (await ok(api.events.$get({ query: { limit: "100" } }))).data,
    });
    const before = await views();
    const cursor = (await ok(api.events.$get({ query: { limit: "100" } }))).pagination.next_cursor;
    const secondPage = async () =>
      (await ok(api.events.$get({ query: { limit: "100", cursor: cursor ?? "" } }))).data;
    const nextBefore = await secondPage();
    expect(nextBefore).toHaveLength(100);

    const move = `${t.shard}@${await freeze(t.tenantId)}`;
    const toName = otherShard(t.shard);
    const to = shardDb(toName);
    const copy = { read: reader(db), readTarget: reader(to), tenantId: t.tenantId, move };
    // It crashes twice, in a table paged by a three-column key and in a renumbered one.
    for (const [table, page] of [
      ["stock_movements", 3],
      ["events", 4],
    ] as const) {
      await expect(copyTenant({ ...copy, write: crashing(to, table, page) })).rejects.toThrow(
        /crashed/,
      );
    }
    const written = new Map<string, number>();
    await copyTenant({
      ...copy,
      write: writer(to),
      onPage: (table, rows) => {
        expect(rows).toBeLessThanOrEqual(1000);
        written.set(table, (written.get(table) ?? 0) + rows);
      },
    });
    // Three pages of events were checkpointed before the crash: the rerun starts after them.
    expect(written.has("products") || written.has("stock_movements")).toBe(false);
    expect(written.get("events")).toBe((source.events ?? 0) - 3000);

    // A copy that differs is caught, and the table named, before anything switches.
    await to
      .prepare(
        "UPDATE stock_movements SET quantity_delta = -2 WHERE tenant_id = ? AND ref = 'bulk-77'",
      )
      .bind(t.tenantId)
      .run();
    const differ = await verifyTenant(reader(db), reader(to), t.tenantId);
    expect(differ.map((d) => d.table)).toEqual(["stock_movements"]);
    expect(differ[0]?.source.rows).toBe(differ[0]?.copy.rows);
    await to
      .prepare(
        "UPDATE stock_movements SET quantity_delta = -1 WHERE tenant_id = ? AND ref = 'bulk-77'",
      )
      .bind(t.tenantId)
      .run();
    expect(await verifyTenant(reader(db), reader(to), t.tenantId)).toEqual([]);

    await switchAndClear(t.tenantId, t.shard, toName);
    expect(await views()).toEqual(before);
    expect(await secondPage()).toEqual(nextBefore);
    expect(await count(to, "products", t.tenantId)).toBe(source.products);
    await ok(api.products.$post({ json: { sku: "AFTER-MOVE", name: "After the move" } }));
    expect(await count(to, "products", t.tenantId)).toBe((source.products ?? 0) + 1);
  }, 300_000);
});
