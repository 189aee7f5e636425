import { applyD1Migrations, env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { janitorObject } from "../../src/durable/stubs";
import { routeOf, routeOfId } from "../../src/lib/ids";
import { type Ran, statementListeners } from "../../src/lib/metering";
import { ADMIN_TOKEN, client, expectError, expectStatus } from "../support/client";
import { orderBody, parcel, SHIPPING_METHODS, WAREHOUSES } from "../support/merchant";
import { publishStock } from "../support/stock";

/*
 * One request, one shard: the ids a tenant's resources get carry the route to the tenant, so
 * a platform key that names one touches the control database and that tenant's shard, never
 * another. These tests run four shards, as a production deploy would.
 */

const FOUR = ["SHARD_0", "SHARD_1", "SHARD_2", "SHARD_3"];
const deploy = { SHARDS: FOUR.join(",") };
const admin = client(ADMIN_TOKEN, deploy).admin.v1;
const api = (key: string) => client(key, deploy).v1;

beforeAll(async () => {
  for (const name of FOUR.slice(2)) {
    await applyD1Migrations(Reflect.get(env, name) as D1Database, env.TEST_MIGRATIONS.shard);
  }
  for (const w of WAREHOUSES) await admin.warehouses.$post({ json: w });
  for (const m of SHIPPING_METHODS) await admin["shipping-methods"].$post({ json: m });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A tenant on each of the four shards, each with one stocked SKU. */
async function tenantsOnEveryShard() {
  const placed = new Map<string, { tenantId: string; key: string }>();
  for (let i = 0; i < 12 && placed.size < FOUR.length; i++) {
    const res = await admin.tenants.$post({ json: { name: `Routed ${i}` } });
    expectStatus(res, 201);
    const tenant = { tenantId: res.body.id, key: res.body.api_key.key };
    await api(tenant.key).products.$post({ json: { sku: "ROUTE-SKU", name: "Routed" } });
    const stocked = await api(tenant.key).ops["inventory-adjustments"].$post({
      json: { sku: "ROUTE-SKU", warehouse_id: "wh_syd_1", quantity_delta: 10, reason: "found" },
    });
    expectStatus(stocked, 201);
    await publishStock(tenant.tenantId);
    if (!placed.has(res.body.shard)) placed.set(res.body.shard, tenant);
  }
  expect([...placed.keys()].sort()).toEqual(FOUR);
  return placed;
}

async function platformKey() {
  const res = await admin["api-keys"].$post({
    json: { name: "floor", scopes: ["warehouse:operate"] },
  });
  expectStatus(res, 201);
  return res.body.key;
}

/** The databases `run`'s statements went to, its waitUntil work (the relay) included. */
async function databasesTouched(run: () => Promise<unknown>) {
  const touched = new Set<string>();
  const listen = (ran: Ran) => touched.add(ran.database);
  statementListeners.add(listen);
  try {
    await run();
  } finally {
    statementListeners.delete(listen);
  }
  return touched;
}

describe("ids route to their tenant", () => {
  it("gives every resource of a tenant an id carrying the tenant's route and nothing else of it", async () => {
    const placed = await tenantsOnEveryShard();
    const routes = new Set<string>();
    for (const { tenantId, key } of placed.values()) {
      const order = await api(key).orders.$post({
        json: orderBody({ items: [{ sku: "ROUTE-SKU", quantity: 1 }] }),
      });
      expectStatus(order, 201);
      const product = await api(key).products.$post({ json: { sku: "OTHER", name: "Other" } });
      expectStatus(product, 201);
      for (const id of [order.body.id, product.body.id]) {
        expect(id).toMatch(/^[a-z]+_[0-9A-Za-z]{22}$/);
        expect(routeOfId(id)).toEqual({ route: routeOf(tenantId) });
        expect(id).not.toContain(tenantId.slice(4));
      }
      routes.add(routeOf(tenantId));
    }
    expect(routes.size).toBe(FOUR.length);
  });

  it("has a platform key's ship, and the relay after it, touch only the tenant's shard", async () => {
    const placed = await tenantsOnEveryShard();
    const floor = await platformKey();
    for (const [shard, { key }] of placed) {
      const order = await api(key).orders.$post({
        json: orderBody({ items: [{ sku: "ROUTE-SKU", quantity: 1 }] }),
      });
      expectStatus(order, 201);
      // Stock is published by the stock objects' alarms: none may fire inside a window.
      for (const { tenantId } of placed.values()) await publishStock(tenantId);
      let shipmentId = "";
      const touched = await databasesTouched(async () => {
        const res = await api(floor).ops.shipments.$post({
          json: {
            order_id: order.body.id,
            parcels: [parcel()],
            items: [{ sku: "ROUTE-SKU", quantity: 1 }],
          },
        });
        expectStatus(res, 201);
        shipmentId = res.body.id;
      });
      expect([...touched].filter((db) => db !== "DB")).toEqual([shard]);
      expect(routeOfId(shipmentId)).toEqual(routeOfId(order.body.id));
      await publishStock(placed.get(shard)?.tenantId);

      const tracked = await databasesTouched(async () =>
        expectStatus(
          await api(floor).ops.shipments[":id"].status.$post({
            param: { id: shipmentId },
            json: { status: "in_transit" },
          }),
          200,
        ),
      );
      expect([...tracked].filter((db) => db !== "DB")).toEqual([shard]);
    }
  });

  it("refuses an id this API never issued without asking any shard", async () => {
    const floor = await platformKey();
    const touched = await databasesTouched(async () =>
      expectError(
        await api(floor).ops.orders[":id"].hold.$post({
          param: { id: "ord_not-an-id" },
          json: { reason: "check" },
        }),
        404,
        "not_found",
      ),
    );
    expect([...touched].filter((db) => db !== "DB" && db !== "SHARD_0")).toEqual([]);
  });

  it("still finds an id issued before routes, by a search it logs", async () => {
    const placed = await tenantsOnEveryShard();
    const [shard, { key }] = [...placed][2] as [string, { tenantId: string; key: string }];
    const order = await api(key).orders.$post({
      json: orderBody({ items: [{ sku: "ROUTE-SKU", quantity: 1 }] }),
    });
    expectStatus(order, 201);
    // The order as an id of the old form would have it: 20 random symbols, no route.
    const legacy = "ord_LegacyIdFromBefore12";
    const db = Reflect.get(env, shard) as D1Database;
    await db.batch([
      db.prepare("UPDATE orders SET id = ?1 WHERE id = ?2").bind(legacy, order.body.id),
      ...["order_lines", "order_history", "order_references", "stock_demands"].map((table) =>
        db
          .prepare(`UPDATE ${table} SET order_id = ?1 WHERE order_id = ?2`)
          .bind(legacy, order.body.id),
      ),
    ]);
    expect(routeOfId(legacy)).toEqual({ legacy: true });

    const warn = vi.spyOn(console, "warn");
    const floor = await platformKey();
    const touched = await databasesTouched(async () =>
      expectStatus(
        await api(floor).ops.orders[":id"].hold.$post({
          param: { id: legacy },
          json: { reason: "address check" },
        }),
        200,
      ),
    );
    expect([...touched].filter((db) => db !== "DB").sort()).toEqual(FOUR);
    const searched = warn.mock.calls
      .map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
      .filter((line) => line.msg === "id_searched");
    expect(searched).toEqual([
      expect.objectContaining({
        why: "issued before routes",
        table: "orders",
        id: legacy,
        shards_asked: 4,
        found: true,
        ms: expect.any(Number),
      }),
    ]);
  });
});

describe("tenants created before routes", () => {
  it("are searched for until the control database's background unit gives them their route", async () => {
    const placed = await tenantsOnEveryShard();
    const [, { tenantId, key }] = [...placed][1] as [string, { tenantId: string; key: string }];
    await env.DB.prepare("UPDATE tenants SET route = NULL WHERE id = ?").bind(tenantId).run();
    const order = await api(key).orders.$post({
      json: orderBody({ items: [{ sku: "ROUTE-SKU", quantity: 1 }] }),
    });
    expectStatus(order, 201);
    const floor = await platformKey();
    const hold = () =>
      api(floor).ops.orders[":id"].hold.$post({
        param: { id: order.body.id },
        json: { reason: "address check" },
      });

    const warn = vi.spyOn(console, "warn");
    expectStatus(await hold(), 200);
    const searches = () =>
      warn.mock.calls
        .map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
        .filter((line) => line.msg === "id_searched");
    expect(searches()).toEqual([
      expect.objectContaining({ why: "route not filled in yet", found: true, shards_asked: 4 }),
    ]);

    const report = await janitorObject(env, "DB").run();
    expect(report.failures).toEqual([]);
    const row = await env.DB.prepare("SELECT route FROM tenants WHERE id = ?")
      .bind(tenantId)
      .first<{ route: string }>();
    expect(row?.route).toBe(routeOf(tenantId));

    warn.mockClear();
    const touched = await databasesTouched(async () =>
      expectStatus(
        await api(floor).ops.orders[":id"].release.$post({ param: { id: order.body.id } }),
        200,
      ),
    );
    expect(searches()).toEqual([]);
    expect([...touched].filter((db) => db !== "DB")).toEqual([[...placed][1]?.[0]]);
  });
});
