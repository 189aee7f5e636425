import { env, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { answered } from "../../src/durable/answers";
import { orderObject } from "../../src/durable/stubs";
import { OrderObject } from "../../src/orders/order-object";
import type { CreateOrder } from "../../src/orders/orders.schemas";
import type { FulfillOrder, SandboxSettingsBody } from "../../src/sandbox/sandbox.routes";
import { simulatedParcels } from "../../src/simulator/parcels";
import { SIMULATOR } from "../../src/simulator/simulator.warehouse";
import { isValidTrackingNumber } from "../../src/simulator/tracking-numbers";
import { client, expectError, expectStatus, raw } from "../support/client";
import { createTenant, merchant, orderBody, seedReferenceData, stockOf } from "../support/merchant";
import { eventually, payloadOf, received, receiver } from "../support/receiver";

/*
 * The sandbox plays the warehouse (DESIGN.md §Environments): settings per tenant, an
 * order object's alarm that picks, ships and delivers by itself, explicit controls, and
 * scenarios chosen by packing_note. None of it exists in production.
 */

const BLUE = "WIDGET-BLUE-M";
const RED = "WIDGET-RED-S";
type Settings = z.input<typeof SandboxSettingsBody>;
const FAST: Settings = {
  auto_fulfill: true,
  pick_after_seconds: 0,
  ship_after_seconds: 0,
  deliver_after_seconds: 0,
  parcels_per_order: 1,
};
/** Simulated steps run on alarms: give them longer than a queue delivery. */
const WAIT_MS = 15_000;

const sandbox = (key: string) => client(key).v1.sandbox;

async function settle(key: string, json: Settings) {
  const res = await sandbox(key).settings.$put({ json });
  expectStatus(res, 200);
  return res.body;
}

async function createOrder(key: string, overrides: Partial<z.input<typeof CreateOrder>> = {}) {
  const res = await client(key).v1.orders.$post({ json: orderBody(overrides) });
  expectStatus(res, 201);
  return res.body;
}

async function getOrder(key: string, id: string) {
  const res = await client(key).v1.orders[":id"].$get({ param: { id } });
  expectStatus(res, 200);
  return res.body;
}

async function historyOf(key: string, id: string) {
  const res = await client(key).v1.orders[":id"].history.$get({ param: { id } });
  expectStatus(res, 200);
  return res.body.data;
}

/** The `to` of each status change in the order's history. */
const statusChanges = (history: Awaited<ReturnType<typeof historyOf>>) =>
  history.flatMap((h) => {
    const status = h.changes.status;
    return typeof status === "object" && status !== null && "to" in status ? [status.to] : [];
  });

const fulfil = (
  key: string,
  id: string,
  json: z.input<typeof FulfillOrder> = {},
  idempotencyKey?: string,
) =>
  sandbox(key).orders[":id"].fulfill.$post({
    param: { id },
    json,
    header: idempotencyKey ? { "idempotency-key": idempotencyKey } : {},
  });

const advance = (
  key: string,
  id: string,
  status?: "in_transit" | "out_for_delivery" | "delivered" | "exception",
) => sandbox(key).shipments[":id"].advance.$post({ param: { id }, json: status ? { status } : {} });

const replenish = (key: string, sku: string, quantity: number) =>
  sandbox(key).inventory.replenish.$post({ json: { sku, warehouse_id: "wh_syd_1", quantity } });

beforeAll(seedReferenceData);

describe("sandbox settings", () => {
  it("reads defaults until set, and returns what PUT set", async () => {
    const { key } = await createTenant();
    const before = await sandbox(key).settings.$get();
    expectStatus(before, 200);
    expect(before.body).toEqual({
      auto_fulfill: false,
      pick_after_seconds: 5,
      ship_after_seconds: 10,
      deliver_after_seconds: 60,
      parcels_per_order: 1,
      cancellation_requests: "accept",
      cancellation_rejection_reason: "Already packed and on the dock.",
      updated_at: null,
    });
    const put = await settle(key, {
      auto_fulfill: true,
      pick_after_seconds: 2,
      deliver_after_seconds: 86_400,
      parcels_per_order: 5,
      cancellation_requests: "reject",
      cancellation_rejection_reason: "Gone to the carrier",
    });
    expect(put).toEqual({
      auto_fulfill: true,
      pick_after_seconds: 2,
      ship_after_seconds: 10,
      deliver_after_seconds: 86_400,
      parcels_per_order: 5,
      cancellation_requests: "reject",
      cancellation_rejection_reason: "Gone to the carrier",
      updated_at: expect.stringMatching(/Z$/),
    });
    expect((await sandbox(key).settings.$get()).body).toEqual(put);
    // PUT replaces the whole: what it leaves out goes back to its default.
    const again = await settle(key, { auto_fulfill: false });
    expect(again).toMatchObject({
      auto_fulfill: false,
      pick_after_seconds: 5,
      parcels_per_order: 1,
      cancellation_requests: "accept",
    });
  });

  it("refuses out-of-range settings with 422 naming the field, and changes nothing", async () => {
    const { key } = await createTenant();
    const cases: [Record<string, unknown>, string][] = [
      [{ auto_fulfill: true, pick_after_seconds: 86_401 }, "pick_after_seconds"],
      [{ auto_fulfill: true, ship_after_seconds: -1 }, "ship_after_seconds"],
      [{ auto_fulfill: true, deliver_after_seconds: 1.5 }, "deliver_after_seconds"],
      [{ auto_fulfill: true, parcels_per_order: 0 }, "parcels_per_order"],
      [{ auto_fulfill: true, parcels_per_order: 6 }, "parcels_per_order"],
      [{ auto_fulfill: true, cancellation_requests: "maybe" }, "cancellation_requests"],
      [{ auto_fulfill: true, cancellation_rejection_reason: " " }, "cancellation_rejection_reason"],
      [{ pick_after_seconds: 1 }, "auto_fulfill"],
      [{ auto_fulfill: "yes" }, "auto_fulfill"],
      [{ auto_fulfill: true, speed: "fast" }, "speed"],
    ];
    for (const [json, field] of cases) {
      const res = await raw("PUT", "/v1/sandbox/settings", { key, json });
      expectError(res, 422, "validation_error", field);
    }
    const after = await sandbox(key).settings.$get();
    expectStatus(after, 200);
    expect(after.body.updated_at).toBeNull();
  });
});

describe("auto-fulfil", () => {
  it("brings a test order back as tracked shipments, then delivered, with webhooks", async () => {
    const { key } = await merchant({ [BLUE]: 50 });
    await settle(key, {
      auto_fulfill: true,
      pick_after_seconds: 1,
      ship_after_seconds: 1,
      deliver_after_seconds: 3,
      parcels_per_order: 2,
    });
    const name = `sim-${crypto.randomUUID()}`;
    const sub = await client(key).v1.webhooks.$post({
      json: { url: `${receiver}/ok/${name}`, events: ["shipment.created", "shipment.updated"] },
    });
    expectStatus(sub, 201);
    const since = new Date().toISOString();
    const order = await createOrder(key);
    expect(order.status).toBe("received");

    const poll = async () => {
      const res = await client(key).v1.shipments.$get({ query: { updated_since: since } });
      expectStatus(res, 200);
      return res.body.data;
    };
    const [shipment] = await eventually(poll, (d) => d.length === 1, "the shipment", WAIT_MS);
    expect(shipment?.order_id).toBe(order.id);
    expect(shipment?.parcels).toHaveLength(2);
    for (const p of shipment?.parcels ?? []) {
      expect(p.carrier).toBe("auspost");
      expect(isValidTrackingNumber("auspost", p.tracking_number)).toBe(true);
      expect(p.tracking_url).toContain(p.tracking_number);
      expect(p.weight).toMatchObject({ value: expect.any(Number), unit: "kg" });
      expect(p.dimensions).toMatchObject({ unit: "cm" });
    }
    const delivered = await eventually(
      poll,
      (d) => d[0]?.status === "delivered",
      "delivery",
      WAIT_MS,
    );
    expect(delivered[0]?.status_history.map((h) => h.status)).toEqual([
      "shipped",
      "in_transit",
      "out_for_delivery",
      "delivered",
    ]);
    // Each parcel's carrier scans, from the Sydney warehouse to the ship-to, in order.
    const sydney = { city: "Sydney", region: "NSW", country: "AU" };
    for (const p of delivered[0]?.parcels ?? []) {
      expect(p.tracking_events.map((e) => [e.status, e.location])).toEqual([
        ["label_created", sydney],
        ["picked_up", sydney],
        ["in_transit", sydney],
        ["in_transit", sydney],
        ["out_for_delivery", sydney],
        ["delivered", sydney],
      ]);
      expect(p.tracking_events[0]?.occurred_at).toBe(delivered[0]?.shipped_at);
      expect(p.tracking_events.map((e) => e.id)).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => `${p.tracking_number}-00${n}`),
      );
      expect(new Set(p.tracking_events.map((e) => e.description)).size).toBe(6);
      expect(p).toMatchObject({
        status: "delivered",
        estimated_delivery: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        proof_of_delivery: { signed_by: "Jane Doe" },
      });
    }
    expect((await getOrder(key, order.id)).status).toBe("shipped");

    const history = await historyOf(key, order.id);
    // Carrier scans change the shipment, not the order: they show in its status_history.
    expect(history.filter((h) => h.actor === SIMULATOR).map((h) => h.action)).toEqual([
      "picking_started",
      "shipped",
    ]);

    const log = await eventually(
      () => received(name),
      (l) => l.length >= 4,
      "the webhooks",
    );
    const types = log.map((m) => payloadOf(m).event_type);
    expect(types.filter((t) => t === "shipment.created")).toHaveLength(1);
    expect(types.filter((t) => t === "shipment.updated").length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it("leaves a backordered order waiting until stock arrives, then fulfils it", async () => {
    const { key } = await merchant({ [BLUE]: 0 });
    await settle(key, FAST);
    const order = await createOrder(key);
    expect(order.status).toBe("backordered");
    await new Promise((r) => setTimeout(r, 300));
    expect((await getOrder(key, order.id)).status).toBe("backordered");
    expectStatus(await replenish(key, BLUE, 5), 201);
    const done = await eventually(
      () => getOrder(key, order.id),
      (o) => o.status === "shipped" && o.shipments[0]?.status === "delivered",
      "fulfilment after replenishment",
      WAIT_MS,
    );
    expect(done.shipments).toHaveLength(1);
  });

  it("does nothing while auto_fulfill is off", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    await settle(key, { ...FAST, auto_fulfill: false });
    const order = await createOrder(key);
    await new Promise((r) => setTimeout(r, 500));
    expect((await getOrder(key, order.id)).status).toBe("received");
  });
});

describe("scenarios chosen by packing_note", () => {
  it("[sim:exception] ends in a carrier exception", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    await settle(key, FAST);
    const order = await createOrder(key, { packing_note: "Fragile [sim:exception]" });
    const done = await eventually(
      () => getOrder(key, order.id),
      (o) => o.shipments[0]?.status === "exception",
      "the exception",
      WAIT_MS,
    );
    expect(done.shipments[0]?.status_history.map((h) => h.status)).toEqual([
      "shipped",
      "in_transit",
      "exception",
    ]);
    const [parcel] = done.shipments[0]?.parcels ?? [];
    expect(parcel?.tracking_events.map((e) => e.status)).toEqual([
      "label_created",
      "picked_up",
      "in_transit",
      "exception",
    ]);
    expect(parcel?.tracking_events.at(-1)).toMatchObject({
      reason_code: "address_incomplete",
      location: { city: "Sydney", country: "AU" },
    });
    expect(parcel).toMatchObject({ status: "exception", proof_of_delivery: null });
  });

  it("[sim:split] ships in two shipments: partially_shipped, then shipped", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    await settle(key, FAST);
    const order = await createOrder(key, {
      packing_note: "[sim:split]",
      items: [{ sku: BLUE, quantity: 3, unit_price: "1.00", currency: "AUD" }],
    });
    const done = await eventually(
      () => getOrder(key, order.id),
      (o) => o.status === "shipped",
      "both shipments",
      WAIT_MS,
    );
    expect(done.shipments.map((s) => s.items[0]?.quantity)).toEqual([2, 1]);
    expect(statusChanges(await historyOf(key, order.id))).toEqual([
      "processing",
      "partially_shipped",
      "shipped",
    ]);
  });

  it("[sim:hold] holds the order for its address; once released it goes on", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    await settle(key, FAST);
    const order = await createOrder(key, { packing_note: "[sim:hold]" });
    const held = await eventually(
      () => getOrder(key, order.id),
      (o) => o.status === "on_hold",
      "the hold",
      WAIT_MS,
    );
    expect(held.hold_reason).toBe("address");
    const released = await client(key).v1.ops.orders[":id"].release.$post({
      param: { id: order.id },
    });
    expectStatus(released, 200);
    await eventually(
      () => getOrder(key, order.id),
      (o) => o.shipments[0]?.status === "delivered",
      "delivery after release",
      WAIT_MS,
    );
  });

  it("[sim:void] ships, voids the label and ships again", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    await settle(key, FAST);
    const order = await createOrder(key, { packing_note: "[sim:void]" });
    const done = await eventually(
      () => getOrder(key, order.id),
      (o) => o.shipments.length === 2 && o.shipments[1]?.status === "delivered",
      "the second shipment",
      WAIT_MS,
    );
    const [voided, reshipped] = done.shipments;
    expect(voided?.status).toBe("voided");
    expect(voided?.parcels[0]?.tracking_number).not.toBe(reshipped?.parcels[0]?.tracking_number);
    expect(done.status).toBe("shipped");
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 8, allocated: 0 });
  });
});

describe("explicit controls", () => {
  it("fulfils an order now, with parcels a test can predict", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    const order = await createOrder(key);
    const res = await fulfil(key, order.id, { parcels: 3 });
    expectStatus(res, 201);
    expect(res.headers.get("location")).toBe(`/v1/shipments/${res.body.id}`);
    expect(res.body).toMatchObject({
      order_id: order.id,
      status: "shipped",
      items: [{ sku: BLUE, quantity: 2 }],
    });
    const expected = simulatedParcels({
      seed: `${order.id}:0`,
      carrier: "auspost",
      service: "Express Post",
      count: 3,
      items: [{ sku: BLUE, quantity: 2 }],
    });
    expect(res.body.parcels.map((p) => p.tracking_number)).toEqual(
      expected.map((p) => p.trackingNumber),
    );
    expect((await getOrder(key, order.id)).status).toBe("shipped");
    expect((await historyOf(key, order.id)).map((h) => h.action)).toEqual([
      "created",
      "picking_started",
      "shipped",
    ]);
    expectError(await fulfil(key, order.id), 409, "nothing_to_ship");
  });

  it("ships only the items named, and replays a retry with the same key", async () => {
    const { key } = await merchant({ [BLUE]: 10, [RED]: 10 });
    const order = await createOrder(key, {
      items: [
        { sku: BLUE, quantity: 2, unit_price: "1.00", currency: "AUD" },
        { sku: RED, quantity: 1, unit_price: "1.00", currency: "AUD" },
      ],
    });
    const idem = crypto.randomUUID();
    const json = { items: [{ sku: BLUE, quantity: 1 }] };
    const first = await fulfil(key, order.id, json, idem);
    expectStatus(first, 201);
    const again = await fulfil(key, order.id, json, idem);
    expectStatus(again, 200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expect((await getOrder(key, order.id)).status).toBe("partially_shipped");
    expectError(
      await fulfil(key, order.id, { items: [{ sku: BLUE, quantity: 5 }] }),
      422,
      "over_shipment",
      "items[0].quantity",
    );
    const rest = await fulfil(key, order.id);
    expectStatus(rest, 201);
    expect(rest.body.items).toEqual([
      {
        order_line_id: order.items[0]?.id,
        line_id: null,
        sku: BLUE,
        quantity: 1,
        serials: [],
        lots: [],
      },
      {
        order_line_id: order.items[1]?.id,
        line_id: null,
        sku: RED,
        quantity: 1,
        serials: [],
        lots: [],
      },
    ]);
  });

  it("refuses a backordered order and hides another tenant's", async () => {
    const { key } = await merchant({ [BLUE]: 0 });
    const order = await createOrder(key);
    expectError(await fulfil(key, order.id), 409, "not_allocated");
    const other = await merchant({ [BLUE]: 10 });
    expectError(await fulfil(other.key, order.id), 404, "not_found");
    expectError(await fulfil(key, "ord_unknown"), 404, "not_found");
  });

  it("advances a shipment scan by scan, or to the status named", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    const first = await fulfil(key, (await createOrder(key)).id);
    expectStatus(first, 201);
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const res = await advance(key, first.body.id);
      expectStatus(res, 200);
      seen.push(res.body.status);
    }
    expect(seen).toEqual(["in_transit", "out_for_delivery", "delivered"]);
    expectError(await advance(key, first.body.id), 409, "already_delivered");
    const shown = await client(key).v1.shipments[":id"].$get({ param: { id: first.body.id } });
    expectStatus(shown, 200);
    expect(shown.body.parcels[0]?.tracking_events.map((e) => e.status)).toEqual([
      "label_created",
      "picked_up",
      "in_transit",
      "in_transit",
      "out_for_delivery",
      "delivered",
    ]);

    const second = await fulfil(key, (await createOrder(key)).id);
    expectStatus(second, 201);
    const id = second.body.id;
    const exception = await advance(key, id, "exception");
    expectStatus(exception, 200);
    expect(exception.body.status).toBe("exception");
    expectError(await advance(key, id), 422, "status_required", "status");
    const back = await advance(key, id, "in_transit");
    expectStatus(back, 200);
    expect(back.body.status).toBe("in_transit");
    expect(back.body.parcels[0]?.tracking_events.map((e) => e.status)).toEqual([
      "label_created",
      "picked_up",
      "exception",
      "in_transit",
    ]);
    expectError(
      await raw("POST", `/v1/sandbox/shipments/${id}/advance`, { key, json: { status: "lost" } }),
      422,
      "validation_error",
      "status",
    );
    const other = await merchant({ [BLUE]: 1 });
    expectError(await advance(other.key, id), 404, "not_found");
  });

  it("replenishes through a received ASN, which fills backorders", async () => {
    const { key } = await merchant({ [BLUE]: 0 });
    const order = await createOrder(key);
    const res = await replenish(key, BLUE, 7);
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^ib_/),
      reference: expect.stringMatching(/^SANDBOX-/),
      status: "received",
      items: [{ sku: BLUE, expected_quantity: 7, received_quantity: 7, discrepancy: 0 }],
    });
    expect(res.headers.get("location")).toBe(`/v1/inbound-shipments/${res.body.id}`);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 7, allocated: 2, incoming: 0 });
    expect((await getOrder(key, order.id)).status).toBe("received");
    expectError(await replenish(key, "NOPE", 1), 422, "unknown_sku", "sku");
    expectError(await replenish(key, BLUE, 0), 422, "validation_error", "quantity");
  });
  it("replenishes once for concurrent retries with one key", async () => {
    const { key } = await merchant({ [BLUE]: 0 });
    const header = { "idempotency-key": crypto.randomUUID() };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        sandbox(key).inventory.replenish.$post({
          json: { sku: BLUE, warehouse_id: "wh_syd_1", quantity: 4 },
          header,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => (r.body as { id: string }).id)).size).toBe(1);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 4 });
  });
});

describe("nothing of this in production", () => {
  it("answers 404 on every sandbox path", async () => {
    const { key } = await createTenant();
    for (const [method, path] of [
      ["GET", "/v1/sandbox/settings"],
      ["PUT", "/v1/sandbox/settings"],
      ["POST", "/v1/sandbox/orders/ord_x/fulfill"],
      ["POST", "/v1/sandbox/shipments/shp_x/advance"],
      ["POST", "/v1/sandbox/inventory/replenish"],
    ] as const) {
      for (const k of [key, null]) {
        const json = method === "GET" ? undefined : FAST;
        const res = await raw(method, path, { key: k, json, ENVIRONMENT: "production" });
        expectError(res, 404, "route_not_found");
      }
    }
    const doc = await client(null, { ENVIRONMENT: "production" }).v1["openapi.json"].$get();
    const devDoc = await client(null).v1["openapi.json"].$get();
    const paths = (reply: { body: unknown }) =>
      Object.keys((reply.body as { paths: Record<string, unknown> }).paths);
    expect(paths(doc).filter((p) => p.startsWith("/v1/sandbox"))).toEqual([]);
    expect(paths(devDoc)).toContain("/v1/sandbox/settings");
  });

  it("keeps the floor closed to tenant keys", async () => {
    const live = await client("test-admin-token", {
      ENVIRONMENT: "production",
    }).admin.v1.tenants.$post({ json: { name: "Live" } });
    expectStatus(live, 201);
    expect(live.body.api_key.scopes).not.toContain("warehouse:operate");
    expectError(
      await client(live.body.api_key.key, { ENVIRONMENT: "production" }).v1.ops.orders[":id"][
        "start-picking"
      ].$post({ param: { id: "ord_x" } }),
      403,
      "insufficient_scope",
    );
  });

  it("never runs the simulator in a production order object, whatever the settings say", async () => {
    const { key, tenantId } = await merchant({ [BLUE]: 10 });
    await settle(key, { ...FAST, auto_fulfill: false });
    const fresh = await createOrder(key);
    await settle(key, FAST);
    const stub = orderObject(env, tenantId, fresh.id);
    const outcome = await runInDurableObject(stub, async (_, state) => {
      state.storage.kv.delete("due:simulate");
      await state.storage.deleteAlarm();
      const production = new OrderObject(state, { ...env, ENVIRONMENT: "production" });
      const amended = answered(
        await production.execute({
          type: "amend",
          actor: "test",
          patch: { packing_note: "amended in production" },
        }),
      );
      const scheduled = state.storage.kv.get("due:simulate");
      // A due-time planted by hand: the production alarm drops it without a step.
      state.storage.kv.put("due:simulate", Date.now());
      await production.alarm();
      return { ok: amended.ok, scheduled, after: state.storage.kv.get("due:simulate") };
    });
    expect(outcome).toEqual({ ok: true, scheduled: undefined, after: undefined });
    await new Promise((r) => setTimeout(r, 300));
    expect((await getOrder(key, fresh.id)).status).toBe("received");
    expect((await historyOf(key, fresh.id)).map((h) => h.actor)).not.toContain(SIMULATOR);
  });
});
