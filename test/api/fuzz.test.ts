import fc from "fast-check";
import { assert, beforeAll, describe, expect, it } from "vitest";
import { ErrorEnvelope } from "../../src/domain/shapes";
import { ADMIN_TOKEN, client, expectStatus, ok, raw } from "../support/client";
import {
  createTenant,
  orderBody,
  SHIPPING_METHODS,
  seedReferenceData,
  WAREHOUSES,
} from "../support/merchant";
import { receiver } from "../support/receiver";

/*
 * Whatever a client sends to a write route, the answer is a deliberate 2xx or 4xx in
 * the error envelope, never a 5xx. Bodies mix arbitrary JSON, near-miss variants of
 * valid payloads, and raw bytes that are not JSON at all.
 */

let tenantKey: string;
let tenantId: string;
let orderId: string;
let shipOrderId: string;
let shipmentId: string;
let webhookId: string;
let eventId: string;

/** A fixed valid order (the fuzz mutates copies of it, so it must not change per run). */
const ORDER = orderBody({
  order_number: "SO-FUZZ-1",
  reference: "F-FUZZ-1",
  items: [{ sku: "FUZZ-1", description: "Fuzz", quantity: 1, unit_price: "9.99", currency: "AUD" }],
});

beforeAll(async () => {
  await seedReferenceData();
  ({ key: tenantKey, tenantId } = await createTenant("Fuzz"));
  await client(tenantKey).v1.products.$post({ json: { sku: "FUZZ-1", name: "Fuzz" } });
  const order = await client(tenantKey).v1.orders.$post({
    json: { ...ORDER, reference: "F-FUZZ-TARGET" },
  });
  expectStatus(order, 201);
  orderId = order.body.id;
  await client(tenantKey).v1.ops["inventory-adjustments"].$post({
    json: { sku: "FUZZ-1", warehouse_id: "wh_syd_1", quantity_delta: 1000, reason: "found" },
  });
  const big = { ...ORDER, reference: "F-FUZZ-SHIP", items: [{ sku: "FUZZ-1", quantity: 500 }] };
  shipOrderId = (await ok(client(tenantKey).v1.orders.$post({ json: big }))).id;
  const shipment = await client(tenantKey).v1.ops.shipments.$post({
    json: { order_id: shipOrderId, parcels: [PARCEL], items: [{ sku: "FUZZ-1", quantity: 1 }] },
  });
  expectStatus(shipment, 201);
  shipmentId = shipment.body.id;
  const hook = await client(tenantKey).v1.webhooks.$post({
    json: { url: `${receiver}/ok/fuzz`, events: ["shipment.created"] },
  });
  expectStatus(hook, 201);
  webhookId = hook.body.id;
  const [event] = (
    await ok(client(tenantKey).v1.events.$get({ query: { type: "shipment.created" } }))
  ).data;
  assert(event);
  eventId = event.event_id;
});

const PARCEL = { tracking_number: "FUZZ000001AU", carrier: "auspost", service: "Express Post" };

/** Valid bodies; functions are read when the test runs, after the ids above exist. */
const valid: Record<string, unknown> = {
  "POST /v1/products": { sku: "F-1", name: "F", weight: { value: 1, unit: "kg" } },
  "PATCH /v1/products/FUZZ-1": {
    name: "F",
    dimensions: { length: 1, width: 2, height: 3, unit: "cm" },
  },
  "POST /admin/v1/tenants": { name: "T" },
  "POST /admin/v1/tenants/:tenant/api-keys": { scopes: ["orders:read"], rate_limit_per_minute: 10 },
  "POST /admin/v1/api-keys": { name: "floor" },
  "POST /admin/v1/warehouses": WAREHOUSES[0],
  "POST /admin/v1/shipping-methods": SHIPPING_METHODS[0],
  "POST /v1/orders": ORDER,
  "POST /v1/ops/inventory-adjustments": {
    sku: "FUZZ-1",
    warehouse_id: "wh_syd_1",
    quantity_delta: 1,
    reason: "found",
    note: "fuzz", // an optional field, so many mutants stay valid and reach the stock object
  },
  // Amend and hold run before cancel (entries run in order), so they meet a live order.
  "PATCH /v1/orders/:order": { packing_note: "x" },
  "POST /v1/ops/orders/:order/hold": { reason: "x" },
  "POST /v1/orders/:order/cancel": { reason: "x" },
  "POST /v1/ops/shipments": () => ({
    order_id: shipOrderId,
    parcels: [{ ...PARCEL, tracking_number: "FUZZ000002AU" }],
    items: [{ sku: "FUZZ-1", quantity: 1 }],
    cost: { amount: "1.00", currency: "AUD" },
  }),
  "POST /v1/ops/shipments/:shipment/status": { status: "in_transit", note: "fuzz" },
  "POST /v1/ops/shipments/:shipment/void": {},
  "POST /v1/webhooks": () => ({
    url: `${receiver}/ok/fuzz-other`,
    events: ["*"],
    description: "fuzz",
  }),
  "POST /v1/webhooks/:webhook/recover": () => ({
    since: new Date(Date.now() - 3_600_000).toISOString(),
  }),
  "POST /v1/events/:event/redeliver": () => ({ subscription_id: webhookId }),
};

/** A valid payload with one value somewhere replaced by something else. */
const mutate = (base: unknown): fc.Arbitrary<unknown> =>
  fc.tuple(fc.jsonValue(), fc.nat()).map(([replacement, pick]) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    const keys = Object.keys(copy);
    const key = keys[pick % Math.max(keys.length, 1)];
    if (key !== undefined) copy[key] = replacement;
    return copy;
  });

const body = (base: unknown) =>
  fc.oneof(
    fc.constant({ json: base }), // the valid payload itself: its success path must hold too
    fc.jsonValue().map((v) => ({ json: v })),
    mutate(base).map((v) => ({ json: v })),
    fc.string({ maxLength: 200 }).map((raw) => ({ raw })),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ raw: bytes })),
  );

describe("fuzzed bodies on every write route", () => {
  for (const [route, base] of Object.entries(valid)) {
    it(`${route} never answers 5xx`, async () => {
      const [method, rawPath] = route.split(" ") as [string, string];
      const path = rawPath
        .replace(":tenant", tenantId)
        .replace(":order", orderId)
        .replace(":shipment", shipmentId)
        .replace(":webhook", webhookId)
        .replace(":event", eventId);
      const payload = typeof base === "function" ? base() : base;
      const key = path.startsWith("/admin") ? ADMIN_TOKEN : tenantKey;
      await fc.assert(
        fc.asyncProperty(body(payload), fc.boolean(), async (input, withType) => {
          const res =
            "json" in input
              ? await raw(method, path, { key, json: input.json })
              : await raw(method, path, {
                  key,
                  body: input.raw,
                  headers: withType ? { "content-type": "application/json" } : {},
                });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status >= 400) {
            const { error } = ErrorEnvelope.parse(res.body);
            expect(error.code).toEqual(expect.any(String));
            expect(error.request_id).toMatch(/^req_/);
          }
        }),
        { numRuns: 40 },
      );
    });
  }
});
