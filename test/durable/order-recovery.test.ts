import { env, runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { orderObjectName } from "../../src/durable/stubs";
import { client, expectError, expectStatus, ok } from "../support/client";
import { failWrites } from "../support/faults";
import { merchant, orderBody, stockOf } from "../support/merchant";
import { dataOf } from "../support/shards";

/*
 * A failure between the steps of a multi-object change is injected with a real SQLite
 * trigger that makes one stock object's D1 write fail: the change is left half done, as
 * after a crash, and the order object's alarm must finish it without leaking or
 * double-counting stock.
 */
const failStockWrites = (sku: string, on: "INSERT" | "UPDATE") =>
  failWrites("injected_failure", `BEFORE ${on} ON stock_demands WHEN NEW.sku = '${sku}'`);

const orderIdFor = async (tenantId: string, reference: string) =>
  (
    await (
      await dataOf(tenantId)
    )
      .prepare("SELECT order_id FROM order_references WHERE reference = ?")
      .bind(reference)
      .first<{ order_id: string }>()
  )?.order_id as string;

describe("recovery of a half-done change", () => {
  it("finishes a create whose second line failed, allocating each line exactly once", async () => {
    const { key, tenantId } = await merchant({ "REC-A": 10, "REC-B": 10 });
    const body = orderBody({
      items: [
        { sku: "REC-A", quantity: 2 },
        { sku: "REC-B", quantity: 3 },
      ],
    });
    const headers = { "idempotency-key": crypto.randomUUID() };
    const fault = await failStockWrites("REC-B", "INSERT");
    const failed = await client(key).v1.orders.$post({ json: body, header: headers });
    expectError(failed, 500, "internal_error");
    expect(JSON.stringify(failed.body)).not.toContain("injected");

    const orderId = await orderIdFor(tenantId, body.reference);
    expectError(
      await client(key).v1.orders[":id"].$get({ param: { id: orderId } }),
      404,
      "not_found",
    );
    expect(await stockOf(key, "REC-A")).toMatchObject({ allocated: 2 });
    expect(await stockOf(key, "REC-B")).toMatchObject({ allocated: 0 });

    await fault.heal();
    expect(
      await runDurableObjectAlarm(env.ORDERS.getByName(orderObjectName(tenantId, orderId))),
    ).toBe(true);

    const order = await ok(client(key).v1.orders[":id"].$get({ param: { id: orderId } }));
    expect(order).toMatchObject({
      status: "received",
      allocation_status: "allocated",
      version: "1",
    });
    expect(order.items.map((i) => [i.sku, i.allocated_quantity])).toEqual([
      ["REC-A", 2],
      ["REC-B", 3],
    ]);
    expect(await stockOf(key, "REC-A")).toMatchObject({ on_hand: 10, allocated: 2, available: 8 });
    expect(await stockOf(key, "REC-B")).toMatchObject({ on_hand: 10, allocated: 3, available: 7 });

    const retry = await client(key).v1.orders.$post({ json: body, header: headers });
    expectStatus(retry, 200);
    expect(retry.body.id).toBe(orderId);
    expect(await stockOf(key, "REC-A")).toMatchObject({ allocated: 2 });
    expect(
      await runDurableObjectAlarm(env.ORDERS.getByName(orderObjectName(tenantId, orderId))),
    ).toBe(false);
  });

  it("finishes a cancel whose release failed half way, releasing everything", async () => {
    const { key, tenantId } = await merchant({ "REC-C": 5, "REC-D": 5 });
    const order = await ok(
      client(key).v1.orders.$post({
        json: orderBody({
          items: [
            { sku: "REC-C", quantity: 1 },
            { sku: "REC-D", quantity: 4 },
          ],
        }),
      }),
    );
    const fault = await failStockWrites("REC-D", "UPDATE");
    expectError(
      await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id } }),
      500,
      "internal_error",
    );
    expect((await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }))).status).toBe(
      "received",
    );
    expect(await stockOf(key, "REC-C")).toMatchObject({ allocated: 0 });
    expect(await stockOf(key, "REC-D")).toMatchObject({ allocated: 4 });

    await fault.heal();
    expect(
      await runDurableObjectAlarm(env.ORDERS.getByName(orderObjectName(tenantId, order.id))),
    ).toBe(true);
    const cancelled = await client(key).v1.orders[":id"].$get({ param: { id: order.id } });
    expect(cancelled.body).toMatchObject({
      status: "cancelled",
      allocation_status: "released",
      version: "2",
    });
    expect(await stockOf(key, "REC-C")).toMatchObject({ on_hand: 5, allocated: 0, available: 5 });
    expect(await stockOf(key, "REC-D")).toMatchObject({ on_hand: 5, allocated: 0, available: 5 });
  });

  it("finishes an interrupted change before accepting the next one", async () => {
    const { key } = await merchant({ "REC-E": 5, "REC-F": 5 });
    const order = await ok(
      client(key).v1.orders.$post({
        json: orderBody({
          items: [
            { sku: "REC-E", quantity: 1 },
            { sku: "REC-F", quantity: 1 },
          ],
        }),
      }),
    );
    const fault = await failStockWrites("REC-F", "UPDATE");
    const amend = await client(key).v1.orders[":id"].$patch({
      param: { id: order.id },
      json: {
        items: [
          { sku: "REC-E", quantity: 3 },
          { sku: "REC-F", quantity: 2 },
        ],
      },
    });
    expectError(amend, 500, "internal_error");
    await fault.heal();
    const held = await client(key).v1.ops.orders[":id"].hold.$post({
      param: { id: order.id },
      json: { reason: "check" },
    });
    expectStatus(held, 200);
    expect(held.body.items.map((i) => i.quantity)).toEqual([3, 2]);
    expect(held.body.version).toBe("3");
    expect(await stockOf(key, "REC-E")).toMatchObject({ allocated: 3 });
    expect(await stockOf(key, "REC-F")).toMatchObject({ allocated: 2 });
  });
});
