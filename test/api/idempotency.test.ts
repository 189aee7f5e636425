import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import {
  adjustStock,
  call,
  createTenant,
  expectError,
  merchant,
  orderBody,
  parcel,
  ship,
  stockOf,
} from "../support/helpers";

/*
 * Every write a client may retry takes an Idempotency-Key, with one claim mechanism: a
 * retry returns the first result with 200 and Idempotent-Replayed, the key on another
 * request is 422, and a refused request leaves the key and its reference free.
 */

const key = () => ({ "idempotency-key": crypto.randomUUID() });

async function twice(apiKey: string, method: string, path: string, body?: unknown) {
  const headers = key();
  const first = await call(method, path, { key: apiKey, headers, body });
  const retry = await call(method, path, { key: apiKey, headers, body });
  expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
  expect(first.headers.get("idempotent-replayed")).toBeNull();
  expect(retry.status, JSON.stringify(retry.body)).toBe(200);
  expect(retry.headers.get("idempotent-replayed")).toBe("true");
  expect(retry.body).toEqual(first.body);
  return { first, retry, headers };
}

describe("floor writes are safe to retry", () => {
  it("applies an adjustment once however often it is retried", async () => {
    const { key: apiKey } = await merchant({ "IDEM-A": 0 });
    const body = { sku: "IDEM-A", warehouse_id: "wh_syd_1", quantity_delta: 5, reason: "found" };
    const { first, headers } = await twice(apiKey, "POST", "/v1/ops/inventory-adjustments", body);
    expect(first.status).toBe(201);
    expect(await stockOf(apiKey, "IDEM-A")).toMatchObject({ on_hand: 5 });
    const reused = await call("POST", "/v1/ops/inventory-adjustments", {
      key: apiKey,
      headers,
      body: { ...body, quantity_delta: 6 },
    });
    expectError(reused, 422, "idempotency_key_reused", "Idempotency-Key");
    const listed = await call("GET", "/v1/inventory-adjustments?sku=IDEM-A", { key: apiKey });
    expect(listed.body.data).toHaveLength(1);
  });

  it("applies concurrent retries of one adjustment once", async () => {
    const { key: apiKey } = await merchant({ "IDEM-B": 0 });
    const headers = key();
    const body = { sku: "IDEM-B", warehouse_id: "wh_syd_1", quantity_delta: 3, reason: "found" };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        call("POST", "/v1/ops/inventory-adjustments", { key: apiKey, headers, body }),
      ),
    );
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await stockOf(apiKey, "IDEM-B")).toMatchObject({ on_hand: 3 });
  });

  it("replays start-picking, hold, release, shipments, status and void with their first result", async () => {
    const { key: apiKey } = await merchant({ "IDEM-C": 10 });
    const order = (
      await call("POST", "/v1/orders", {
        key: apiKey,
        body: orderBody({ items: [{ sku: "IDEM-C", quantity: 4 }] }),
      })
    ).body;
    const held = await twice(apiKey, "POST", `/v1/ops/orders/${order.id}/hold`, {
      reason: "address",
    });
    expect(held.first.body).toMatchObject({ status: "on_hold", version: "2" });
    const released = await twice(apiKey, "POST", `/v1/ops/orders/${order.id}/release`);
    expect(released.first.body).toMatchObject({ status: "received", version: "3" });
    // The first hold's key still answers with the first result; the order is not held again.
    const heldAgain = await call("POST", `/v1/ops/orders/${order.id}/hold`, {
      key: apiKey,
      headers: held.headers,
      body: { reason: "address" },
    });
    expect(heldAgain.body).toEqual(held.first.body);
    expect((await call("GET", `/v1/orders/${order.id}`, { key: apiKey })).body).toMatchObject({
      status: "received",
    });

    const picking = await twice(apiKey, "POST", `/v1/ops/orders/${order.id}/start-picking`);
    expect(picking.first.body.status).toBe("processing");

    const shipment = await twice(apiKey, "POST", "/v1/ops/shipments", {
      order_id: order.id,
      parcels: [parcel()],
      items: [{ sku: "IDEM-C", quantity: 2 }],
    });
    expect(shipment.first.status).toBe(201);
    expect(await stockOf(apiKey, "IDEM-C")).toMatchObject({ on_hand: 8, allocated: 2 });
    const id = shipment.first.body.id;
    const transit = await twice(apiKey, "POST", `/v1/ops/shipments/${id}/status`, {
      status: "in_transit",
    });
    expect(transit.first.body).toMatchObject({ status: "in_transit", version: "2" });
    const voided = await twice(apiKey, "POST", `/v1/ops/shipments/${id}/void`);
    expect(voided.first.body).toMatchObject({ status: "voided", voided: true });
    expect(await stockOf(apiKey, "IDEM-C")).toMatchObject({ on_hand: 10, allocated: 4 });
  });

  it("frees the key of a refused floor write for the corrected request", async () => {
    const { key: apiKey } = await merchant({ "IDEM-D": 10 });
    const order = (
      await call("POST", "/v1/orders", {
        key: apiKey,
        body: orderBody({ items: [{ sku: "IDEM-D", quantity: 2 }] }),
      })
    ).body;
    const headers = key();
    const over = await call("POST", "/v1/ops/shipments", {
      key: apiKey,
      headers,
      body: { order_id: order.id, parcels: [parcel()], items: [{ sku: "IDEM-D", quantity: 3 }] },
    });
    expectError(over, 422, "over_shipment", "items[0].quantity");
    const fixed = await call("POST", "/v1/ops/shipments", {
      key: apiKey,
      headers,
      body: { order_id: order.id, parcels: [parcel()], items: [{ sku: "IDEM-D", quantity: 2 }] },
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201);
  });
});

describe("claims that are refused claim nothing", () => {
  it("leaves the reference of a request refused for a reused key free for its corrected retry", async () => {
    const { key: apiKey } = await merchant({ "IDEM-E": 10 });
    const headers = key();
    const [a, b] = [
      orderBody({ items: [{ sku: "IDEM-E", quantity: 1 }] }),
      orderBody({ items: [{ sku: "IDEM-E", quantity: 1 }] }),
    ];
    const results = await Promise.all(
      [a, b].map((body) => call("POST", "/v1/orders", { key: apiKey, headers, body })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const refused = results.findIndex((r) => r.status === 422);
    const error = expectError(
      results[refused] as never,
      422,
      "idempotency_key_reused",
      "Idempotency-Key",
    );
    expect(error.resource_id).toBe(results[1 - refused]?.body.id);
    const corrected = await call("POST", "/v1/orders", {
      key: apiKey,
      headers: key(),
      body: [a, b][refused],
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
  });

  it("claims neither key nor reference for an order whose references do not resolve", async () => {
    const { key: apiKey } = await merchant({ "IDEM-F": 10 });
    const headers = key();
    const body = orderBody({
      items: [
        { sku: "IDEM-F", quantity: 1 },
        { sku: "NOT-YET", quantity: 1 },
      ],
    });
    expectError(
      await call("POST", "/v1/orders", { key: apiKey, headers, body }),
      422,
      "unknown_sku",
      "items[1].sku",
    );
    await call("POST", "/v1/products", { key: apiKey, body: { sku: "NOT-YET", name: "Late" } });
    const retry = await call("POST", "/v1/orders", { key: apiKey, headers, body });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
  });

  it("forgets expired claims in the cron, a bounded batch at a time", async () => {
    const { tenantId } = await createTenant("Expired claims");
    const rows = Array.from({ length: 1_200 }, (_, i) =>
      env.DB.prepare(
        `INSERT INTO idempotency_claims (owner, key, operation, anchor, resource_id, claim_token, expires_at)
         VALUES (?, ?, 'order.create', 'r', 'ord_x', 't', '2020-01-01T00:00:00.000Z')`,
      ).bind(tenantId, `old-${i}`),
    );
    for (let i = 0; i < rows.length; i += 400) await env.DB.batch(rows.slice(i, i + 400));
    await env.DB.prepare(
      `INSERT INTO idempotency_claims (owner, key, operation, anchor, resource_id, claim_token, expires_at)
       VALUES (?, 'fresh', 'order.create', 'r', 'ord_y', 't', '2999-01-01T00:00:00.000Z')`,
    )
      .bind(tenantId)
      .run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    await waitOnExecutionContext(ctx);
    const left = await env.DB.prepare("SELECT key FROM idempotency_claims WHERE owner = ?")
      .bind(tenantId)
      .all();
    expect(left.results).toEqual([{ key: "fresh" }]);
  });
});

describe("checks before stock moves", () => {
  it("refuses a shipment that cannot succeed before any unit leaves", async () => {
    const { key: apiKey } = await merchant({ "CHK-A": 10, "CHK-B": 0 });
    const order = (
      await call("POST", "/v1/orders", {
        key: apiKey,
        body: orderBody({
          items: [
            { sku: "CHK-A", quantity: 2 },
            { sku: "CHK-B", quantity: 1 },
          ],
        }),
      })
    ).body;
    expect(order.status).toBe("backordered");
    const before = await stockOf(apiKey, "CHK-A");
    expectError(
      await call("POST", "/v1/ops/shipments", {
        key: apiKey,
        body: { order_id: order.id, parcels: [parcel()], items: [{ sku: "CHK-A", quantity: 2 }] },
      }),
      409,
      "not_allocated",
    );
    await adjustStock(apiKey, "CHK-B", 1);
    expectError(
      await call("POST", "/v1/ops/shipments", {
        key: apiKey,
        body: {
          order_id: order.id,
          parcels: [parcel()],
          items: [
            { sku: "CHK-A", quantity: 2 },
            { sku: "CHK-B", quantity: 2 },
          ],
        },
      }),
      422,
      "over_shipment",
      "items[1].quantity",
    );
    expect(await stockOf(apiKey, "CHK-A")).toEqual(before);
    expect(await stockOf(apiKey, "CHK-B")).toMatchObject({ on_hand: 1, allocated: 1 });
    await ship(apiKey, order.id, [
      { sku: "CHK-A", quantity: 2 },
      { sku: "CHK-B", quantity: 1 },
    ]);
    expect(await stockOf(apiKey, "CHK-A")).toMatchObject({ on_hand: 8, allocated: 0 });
  });
});
