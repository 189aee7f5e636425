import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { assert, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { client, expectError, expectStatus, ok, type Reply } from "../support/client";
import {
  adjustStock,
  createTenant,
  merchant,
  orderBody,
  parcel,
  ship,
  stockOf,
} from "../support/merchant";
import { dataOf } from "../support/shards";

/*
 * Every write a client may retry takes an Idempotency-Key, with one claim mechanism: a
 * retry returns the first result with 200 and Idempotent-Replayed, the key on another
 * request is 422, and a refused request leaves the key and its reference free.
 */

type IdempotencyKey = { "idempotency-key": string };
const key = (): IdempotencyKey => ({ "idempotency-key": crypto.randomUUID() });

/** Sends the same request twice under one Idempotency-Key: the retry replays the first. */
async function twice<R extends Reply>(send: (header: IdempotencyKey) => Promise<R>) {
  const headers = key();
  const first = await send(headers);
  const retry = await send(headers);
  expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
  expect(first.headers.get("idempotent-replayed")).toBeNull();
  expectStatus(retry, 200);
  expect(retry.headers.get("idempotent-replayed")).toBe("true");
  expect(retry.body).toEqual(first.body);
  return { first, retry, headers };
}

describe("floor writes are safe to retry", () => {
  it("applies an adjustment once however often it is retried", async () => {
    const { key: apiKey } = await merchant({ "IDEM-A": 0 });
    const adjustments = client(apiKey).v1.ops["inventory-adjustments"];
    const body = {
      sku: "IDEM-A",
      warehouse_id: "wh_syd_1",
      quantity_delta: 5,
      reason: "found" as const,
    };
    const { first, headers } = await twice((header) => adjustments.$post({ json: body, header }));
    expectStatus(first, 201);
    expect(await stockOf(apiKey, "IDEM-A")).toMatchObject({ on_hand: 5 });
    const reused = await adjustments.$post({
      json: { ...body, quantity_delta: 6 },
      header: headers,
    });
    expectError(reused, 422, "idempotency_key_reused", "Idempotency-Key");
    const listed = await client(apiKey).v1["inventory-adjustments"].$get({
      query: { sku: "IDEM-A" },
    });
    expect(listed.body.data).toHaveLength(1);
  });

  it("applies concurrent retries of one adjustment once", async () => {
    const { key: apiKey } = await merchant({ "IDEM-B": 0 });
    const headers = key();
    const body = {
      sku: "IDEM-B",
      warehouse_id: "wh_syd_1",
      quantity_delta: 3,
      reason: "found" as const,
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        ok(client(apiKey).v1.ops["inventory-adjustments"].$post({ json: body, header: headers })),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await stockOf(apiKey, "IDEM-B")).toMatchObject({ on_hand: 3 });
  });

  it("replays start-picking, hold, release, shipments, status and void with their first result", async () => {
    const { key: apiKey } = await merchant({ "IDEM-C": 10 });
    const order = await ok(
      client(apiKey).v1.orders.$post({
        json: orderBody({ items: [{ sku: "IDEM-C", quantity: 4 }] }),
      }),
    );
    const ops = client(apiKey).v1.ops;
    const param = { id: order.id };
    const held = await twice((header) =>
      ops.orders[":id"].hold.$post({ param, json: { reason: "address" }, header }),
    );
    expect(held.first.body).toMatchObject({ status: "on_hold", version: "2" });
    const released = await twice((header) => ops.orders[":id"].release.$post({ param, header }));
    expect(released.first.body).toMatchObject({ status: "received", version: "3" });
    // The first hold's key still answers with the first result; the order is not held again.
    const heldAgain = await client(apiKey).v1.ops.orders[":id"].hold.$post({
      param: { id: order.id },
      json: { reason: "address" },
      header: held.headers,
    });
    expect(heldAgain.body).toEqual(held.first.body);
    expect(
      (await client(apiKey).v1.orders[":id"].$get({ param: { id: order.id } })).body,
    ).toMatchObject({
      status: "received",
    });

    const picking = await twice((header) =>
      ops.orders[":id"]["start-picking"].$post({ param, header }),
    );
    expectStatus(picking.first, 200);
    expect(picking.first.body.status).toBe("processing");

    const parcels = [parcel()];
    const shipment = await twice((header) =>
      ops.shipments.$post({
        json: { order_id: order.id, parcels, items: [{ sku: "IDEM-C", quantity: 2 }] },
        header,
      }),
    );
    expectStatus(shipment.first, 201);
    expect(await stockOf(apiKey, "IDEM-C")).toMatchObject({ on_hand: 8, allocated: 2 });
    const shipmentParam = { id: shipment.first.body.id };
    const transit = await twice((header) =>
      ops.shipments[":id"].status.$post({
        param: shipmentParam,
        json: { status: "in_transit" },
        header,
      }),
    );
    expect(transit.first.body).toMatchObject({ status: "in_transit", version: "2" });
    const voided = await twice((header) =>
      ops.shipments[":id"].void.$post({ param: shipmentParam, header }),
    );
    expect(voided.first.body).toMatchObject({ status: "voided", voided: true });
    expect(await stockOf(apiKey, "IDEM-C")).toMatchObject({ on_hand: 10, allocated: 4 });
  });

  it("frees the key of a refused floor write for the corrected request", async () => {
    const { key: apiKey } = await merchant({ "IDEM-D": 10 });
    const order = await ok(
      client(apiKey).v1.orders.$post({
        json: orderBody({ items: [{ sku: "IDEM-D", quantity: 2 }] }),
      }),
    );
    const headers = key();
    const over = await client(apiKey).v1.ops.shipments.$post({
      json: { order_id: order.id, parcels: [parcel()], items: [{ sku: "IDEM-D", quantity: 3 }] },
      header: headers,
    });
    expectError(over, 422, "over_shipment", "items[0].quantity");
    const fixed = await client(apiKey).v1.ops.shipments.$post({
      json: { order_id: order.id, parcels: [parcel()], items: [{ sku: "IDEM-D", quantity: 2 }] },
      header: headers,
    });
    expectStatus(fixed, 201);
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
      [a, b].map((body) => client(apiKey).v1.orders.$post({ json: body, header: headers })),
    );
    const statuses = results.map((r): number => r.status);
    expect([...statuses].sort()).toEqual([201, 422]);
    const refused = statuses.indexOf(422);
    const [rejected, accepted, refusedBody] = [
      results[refused],
      results[1 - refused],
      [a, b][refused],
    ];
    assert(rejected && accepted && refusedBody);
    const error = expectError(rejected, 422, "idempotency_key_reused", "Idempotency-Key");
    expectStatus(accepted, 201);
    expect(error.resource_id).toBe(accepted.body.id);
    const corrected = await client(apiKey).v1.orders.$post({ json: refusedBody, header: key() });
    expectStatus(corrected, 201);
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
      await client(apiKey).v1.orders.$post({ json: body, header: headers }),
      422,
      "unknown_sku",
      "items[1].sku",
    );
    await client(apiKey).v1.products.$post({ json: { sku: "NOT-YET", name: "Late" } });
    const retry = await client(apiKey).v1.orders.$post({ json: body, header: headers });
    expectStatus(retry, 201);
  });

  it("forgets expired claims in the cron, a bounded batch at a time", async () => {
    const { tenantId } = await createTenant("Expired claims");
    // A tenant key's claims live in the tenant's shard; the cron archives them there.
    const shard = await dataOf(tenantId);
    const rows = Array.from({ length: 1_200 }, (_, i) =>
      shard
        .prepare(
          `INSERT INTO idempotency_claims (owner, key, operation, anchor, resource_id, claim_token, expires_at)
         VALUES (?, ?, 'order.create', 'r', 'ord_x', 't', '2020-01-01T00:00:00.000Z')`,
        )
        .bind(tenantId, `old-${i}`),
    );
    for (let i = 0; i < rows.length; i += 400) await shard.batch(rows.slice(i, i + 400));
    await shard
      .prepare(
        `INSERT INTO idempotency_claims (owner, key, operation, anchor, resource_id, claim_token, expires_at)
       VALUES (?, 'fresh', 'order.create', 'r', 'ord_y', 't', '2999-01-01T00:00:00.000Z')`,
      )
      .bind(tenantId)
      .run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    await waitOnExecutionContext(ctx);
    const left = await shard
      .prepare("SELECT key FROM idempotency_claims WHERE owner = ?")
      .bind(tenantId)
      .all();
    expect(left.results).toEqual([{ key: "fresh" }]);
  });
});

describe("checks before stock moves", () => {
  it("refuses a shipment that cannot succeed before any unit leaves", async () => {
    const { key: apiKey } = await merchant({ "CHK-A": 10, "CHK-B": 0 });
    const order = await ok(
      client(apiKey).v1.orders.$post({
        json: orderBody({
          items: [
            { sku: "CHK-A", quantity: 2 },
            { sku: "CHK-B", quantity: 1 },
          ],
        }),
      }),
    );
    expect(order.status).toBe("backordered");
    const before = await stockOf(apiKey, "CHK-A");
    expectError(
      await client(apiKey).v1.ops.shipments.$post({
        json: { order_id: order.id, parcels: [parcel()], items: [{ sku: "CHK-A", quantity: 2 }] },
      }),
      409,
      "not_allocated",
    );
    await adjustStock(apiKey, "CHK-B", 1);
    expectError(
      await client(apiKey).v1.ops.shipments.$post({
        json: {
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
