import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { stockObject } from "../../src/durable/stubs";
import { client, ok } from "../support/client";
import { failWrites } from "../support/faults";
import { merchant, orderBody, stockOf } from "../support/merchant";
import { dataOf } from "../support/shards";

/*
 * A stock object publishes its SKU's stock (its place in the inventory feed, `inventory.updated`
 * and a low-stock crossing) by its alarm, after the commits that moved it, not inside each:
 * a 500-line order then reads a few rows a line, and a burst of orders on one SKU is told in
 * one event. The debt is in the object's storage before the commit writes, so no commit
 * that landed goes untold. The tests' alarms are ten minutes out (vitest.config.ts): each
 * runs here when the test says.
 */

function stockOfTenant(tenantId: string, sku: string) {
  const stub = stockObject(env, { tenantId, warehouseId: "wh_syd_1", sku });
  return {
    stub,
    owed: () => runInDurableObject(stub, (_, state) => state.storage.kv.get<number>("due:publish")),
  };
}

async function inventoryEvents(key: string) {
  const page = await ok(
    client(key).v1.events.$get({ query: { type: "inventory.updated", limit: "200" } }),
  );
  return page.data;
}

const feedRow = async (key: string, sku: string) =>
  (await ok(client(key).v1.inventory.$get({ query: { sku } }))).data[0];

describe("publishing a SKU's stock", () => {
  it("owes a publication before it commits, and the alarm tells every commit since in one event", async () => {
    const { key, tenantId } = await merchant({ "PUB-1": 10 });
    const stock = stockOfTenant(tenantId, "PUB-1");
    await stock.stub.publish();
    const told = await inventoryEvents(key);
    const listed = await feedRow(key, "PUB-1");
    expect(await stock.owed()).toBeUndefined();

    for (let i = 0; i < 3; i++) {
      await ok(
        client(key).v1.orders.$post({
          json: orderBody({ items: [{ sku: "PUB-1", quantity: 2 }] }),
        }),
      );
    }
    // The levels are committed and read as such; their publication is owed, not yet made.
    expect(await stockOf(key, "PUB-1")).toMatchObject({ on_hand: 10, allocated: 6 });
    expect(await stock.owed()).toEqual(expect.any(Number));
    expect(await inventoryEvents(key)).toEqual(told);
    expect((await feedRow(key, "PUB-1"))?.updated_at).toBe(listed?.updated_at);

    expect(await runDurableObjectAlarm(stock.stub)).toBe(true);
    const after = await inventoryEvents(key);
    expect(after.slice(0, told.length)).toEqual(told);
    expect(after.slice(told.length)).toHaveLength(1);
    const now = await feedRow(key, "PUB-1");
    expect(after.at(-1)?.data).toEqual(now);
    expect(now?.warehouses[0]).toMatchObject({ on_hand: 10, allocated: 6, available: 4 });
    expect((now?.updated_at ?? "") > (listed?.updated_at ?? "")).toBe(true);
    expect(await stock.owed()).toBeUndefined();
    expect(await runDurableObjectAlarm(stock.stub)).toBe(false);
  });

  it("tells the low-stock crossing of the commits summed up, and nothing when the levels came back", async () => {
    const { key, tenantId } = await merchant({});
    await ok(
      client(key).v1.products.$post({
        json: { sku: "PUB-LOW", name: "Low", low_stock_threshold: 5 },
      }),
    );
    await ok(
      client(key).v1.ops["inventory-adjustments"].$post({
        json: { sku: "PUB-LOW", warehouse_id: "wh_syd_1", quantity_delta: 8, reason: "found" },
      }),
    );
    const stock = stockOfTenant(tenantId, "PUB-LOW");
    await stock.stub.publish();
    const types = async () =>
      (await ok(client(key).v1.events.$get({ query: { limit: "200" } }))).data
        .map((e) => e.event_type)
        .filter((t) => t === "inventory.updated" || t === "inventory.low_stock");
    const before = await types();

    // 8 → 6 → 3 available: one publication, one crossing.
    const orders = [];
    for (const quantity of [2, 3]) {
      orders.push(
        await ok(
          client(key).v1.orders.$post({
            json: orderBody({ items: [{ sku: "PUB-LOW", quantity }] }),
          }),
        ),
      );
    }
    await stock.stub.publish();
    expect((await types()).slice(before.length)).toEqual([
      "inventory.updated",
      "inventory.low_stock",
    ]);

    // Down and back up between two publications: the stock is as it was told, so nothing.
    const more = await ok(
      client(key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "PUB-LOW", quantity: 1 }] }),
      }),
    );
    await ok(client(key).v1.orders[":id"].cancel.$post({ param: { id: more.id }, json: {} }));
    expect(await stock.owed()).toEqual(expect.any(Number));
    await stock.stub.publish();
    expect((await types()).slice(before.length)).toEqual([
      "inventory.updated",
      "inventory.low_stock",
    ]);
    expect(await stock.owed()).toBeUndefined();
  });

  it("tells nothing of a commit that failed, though it was owed", async () => {
    const { key, tenantId } = await merchant({ "PUB-FAIL": 5 });
    const stock = stockOfTenant(tenantId, "PUB-FAIL");
    await stock.stub.publish();
    const told = await inventoryEvents(key);
    const fault = await failWrites(
      "refuse_pub_fail",
      "BEFORE INSERT ON stock_demands WHEN NEW.sku = 'PUB-FAIL'",
    );
    const refused = await client(key).v1.orders.$post({
      json: orderBody({ items: [{ sku: "PUB-FAIL", quantity: 1 }] }),
    });
    expect(refused.status).toBeGreaterThanOrEqual(500);
    await fault.heal();
    // The debt was written before the commit that failed: the alarm runs, finds the levels
    // as last told, and records nothing.
    expect(await stock.owed()).toEqual(expect.any(Number));
    expect(await runDurableObjectAlarm(stock.stub)).toBe(true);
    expect(await inventoryEvents(key)).toEqual(told);
    expect(await stockOf(key, "PUB-FAIL")).toMatchObject({ on_hand: 5, allocated: 0 });
  });

  it("commits a line locked for picking, which moves no level and owes no publication", async () => {
    const { key, tenantId } = await merchant({ "PUB-LOCK": 5 });
    const order = await ok(
      client(key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "PUB-LOCK", quantity: 2 }] }),
      }),
    );
    const stock = stockOfTenant(tenantId, "PUB-LOCK");
    await stock.stub.publish();
    await ok(client(key).v1.ops.orders[":id"]["start-picking"].$post({ param: { id: order.id } }));
    // Kept in D1, so a loss counted after the object restarts still cannot take these units.
    const demand = await (await dataOf(tenantId))
      .prepare("SELECT locked FROM stock_demands WHERE tenant_id = ? AND order_id = ?")
      .bind(tenantId, order.id)
      .first<{ locked: number }>();
    expect(demand?.locked).toBe(1);
    expect(await stock.owed()).toBeUndefined();
  });
});
