import { env, runDurableObjectAlarm } from "cloudflare:test";
import { assert, describe, expect, it } from "vitest";
import { orderObjectName } from "../../src/durable/stubs";
import { admin, client, expectError, expectStatus, ok } from "../support/client";
import { failWrites } from "../support/faults";
import { merchant, orderBody, parcel, stockOf } from "../support/merchant";
import { eventually } from "../support/receiver";

/*
 * A change that moves stock and then keeps failing must not wedge its order. A real
 * SQLite trigger makes one kind of write fail every time; the order object retries it
 * with backoff (its alarm), parks it after the last attempt, and takes new commands again.
 */

/**
 * Runs the order's alarm until its journaled change is parked (the request was attempt 1).
 * The first retry is due a second after the request, so on a loaded machine workerd may run
 * an attempt itself before this does: whoever runs each one, the parked operation records
 * how many ran, and the tests check it is exactly five (MAX_ATTEMPTS).
 */
async function exhaust(tenantId: string, orderId: string) {
  const stub = env.ORDERS.getByName(orderObjectName(tenantId, orderId));
  await eventually(
    async () => {
      await runDurableObjectAlarm(stub);
      const list = await admin["stuck-operations"].$get({ query: { status: "parked" } });
      expectStatus(list, 200);
      return list.body.data.some((op) => op.order_id === orderId);
    },
    (parked) => parked,
    `the operation of ${orderId} parked`,
  );
  expect(await runDurableObjectAlarm(stub)).toBe(false);
}

async function parkedFor(orderId: string) {
  const list = await admin["stuck-operations"].$get({ query: { status: "parked" } });
  expectStatus(list, 200);
  const parked = list.body.data.find((op) => op.order_id === orderId);
  assert(parked, `a parked operation of ${orderId}`);
  return parked;
}

describe("a change that keeps failing", () => {
  it("is retried, then parked; the order takes new commands and retry applies it once healed", async () => {
    const { key, tenantId } = await merchant({ "POI-A": 10 });
    const order = await ok(
      client(key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "POI-A", quantity: 2 }] }),
      }),
    );
    const fault = await failWrites(
      "poison_amend",
      `BEFORE INSERT ON order_history WHEN NEW.action = 'amended' AND NEW.order_id = '${order.id}'`,
    );
    const amend = await client(key).v1.orders[":id"].$patch({
      param: { id: order.id },
      json: { items: [{ sku: "POI-A", quantity: 5 }] },
    });
    expect(expectError(amend, 500, "internal_error").message).toContain("outcome is unknown");
    // Its stock step ran before the write failed.
    expect(await stockOf(key, "POI-A")).toMatchObject({ allocated: 5 });

    // While it is being retried, new commands are told to come back.
    const busy = await client(key).v1.ops.orders[":id"].hold.$post({
      param: { id: order.id },
      json: { reason: "check" },
    });
    expectError(busy, 503, "order_busy");
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);

    await exhaust(tenantId, order.id);
    const parked = await parkedFor(order.id);
    expect(parked).toMatchObject({
      tenant_id: tenantId,
      operation: "amend",
      attempts: 5,
      status: "parked",
      last_error: expect.stringContaining("injected failure"),
      resolution: null,
    });
    expect(
      (await admin["stuck-operations"][":id"].$get({ param: { id: parked.id } })).body,
    ).toEqual(parked);

    const held = await client(key).v1.ops.orders[":id"].hold.$post({
      param: { id: order.id },
      json: { reason: "check" },
    });
    expectStatus(held, 200);
    expect(held.body).toMatchObject({ status: "on_hold", version: "2" });
    expect(held.body.items[0]).toMatchObject({ quantity: 2 });

    await fault.heal();
    const retried = await admin["stuck-operations"][":id"].retry.$post({
      param: { id: parked.id },
    });
    expectStatus(retried, 200);
    expect(retried.body.operation).toMatchObject({ status: "retried", resolution: "applied" });
    expect(retried.body.order?.items[0]).toMatchObject({
      quantity: 5,
      allocation_status: "allocated",
    });
    expect(await stockOf(key, "POI-A")).toMatchObject({ on_hand: 10, allocated: 5 });
    expectError(
      await admin["stuck-operations"][":id"].retry.$post({ param: { id: parked.id } }),
      409,
      "not_parked",
    );
    expectError(
      await admin["stuck-operations"][":id"].discard.$post({ param: { id: parked.id } }),
      409,
      "not_parked",
    );
  });

  it("discards a parked shipment: the units that left come back and the order holds them again", async () => {
    const { key, tenantId } = await merchant({ "POI-B": 10, "POI-C": 4 });
    const order = await ok(
      client(key).v1.orders.$post({
        json: orderBody({
          items: [
            { sku: "POI-B", quantity: 3 },
            { sku: "POI-C", quantity: 1 },
          ],
        }),
      }),
    );
    const fault = await failWrites(
      "poison_ship",
      `BEFORE INSERT ON shipments WHEN NEW.order_id = '${order.id}'`,
    );
    const shipped = await client(key).v1.ops.shipments.$post({
      json: {
        order_id: order.id,
        parcels: [parcel()],
        items: [
          { sku: "POI-B", quantity: 3 },
          { sku: "POI-C", quantity: 1 },
        ],
      },
    });
    expectError(shipped, 500, "internal_error");
    expect(await stockOf(key, "POI-B")).toMatchObject({ on_hand: 7, allocated: 0 });

    await exhaust(tenantId, order.id);
    const parked = await parkedFor(order.id);
    expect(parked).toMatchObject({ operation: "ship", status: "parked" });
    await fault.heal();

    const discarded = await admin["stuck-operations"][":id"].discard.$post({
      param: { id: parked.id },
    });
    expectStatus(discarded, 200);
    expect(discarded.body).toMatchObject({ status: "discarded", resolved_at: expect.any(String) });
    expect(await stockOf(key, "POI-B")).toMatchObject({ on_hand: 10, allocated: 3, available: 7 });
    expect(await stockOf(key, "POI-C")).toMatchObject({ on_hand: 4, allocated: 1, available: 3 });
    const after = await client(key).v1.orders[":id"].$get({ param: { id: order.id } });
    expect(after.body).toMatchObject({
      status: "received",
      allocation_status: "allocated",
      shipments: [],
    });

    // The order ships normally afterwards, and discarding twice changes nothing more.
    const again = await client(key).v1.ops.shipments.$post({
      json: { order_id: order.id, parcels: [parcel()], items: [{ sku: "POI-B", quantity: 3 }] },
    });
    expectStatus(again, 201);
    expect(await stockOf(key, "POI-B")).toMatchObject({ on_hand: 7, allocated: 0 });
    expectError(
      await admin["stuck-operations"][":id"].discard.$post({ param: { id: parked.id } }),
      409,
      "not_parked",
    );
  });

  it("lists parked operations newest first, pages them and 404s unknown ones", async () => {
    const list = await admin["stuck-operations"].$get({ query: { limit: "1" } });
    expectStatus(list, 200);
    expect(list.body.pagination).toEqual({ next_cursor: expect.any(String), has_more: true });
    const next = await admin["stuck-operations"].$get({
      query: { limit: "1", cursor: list.body.pagination.next_cursor ?? undefined },
    });
    const [newest] = list.body.data;
    const [older] = next.body.data;
    assert(newest && older);
    expect(older.parked_at <= newest.parked_at).toBe(true);
    expect(older.id).not.toBe(newest.id);
    expectError(
      await admin["stuck-operations"][":id"].$get({ param: { id: "op_nope" } }),
      404,
      "not_found",
    );
    expectError(
      await client("wrong").admin.v1["stuck-operations"].$get(),
      401,
      "invalid_admin_token",
    );
  });
});
