import { env, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { orderObject } from "../src/durable/stubs";
import { OrderObject, SIMULATOR } from "../src/orders/order-object";
import { simulatedParcels } from "../src/sandbox/parcels";
import { isValidTrackingNumber } from "../src/sandbox/tracking-numbers";
import {
  call,
  callIn,
  createTenant,
  expectError,
  merchant,
  orderBody,
  seedReferenceData,
  stockOf,
} from "./helpers";

/*
 * The sandbox plays the warehouse (DESIGN.md §Environments): settings per tenant, an
 * order object's alarm that picks, ships and delivers by itself, explicit controls, and
 * scenarios chosen by packing_note. None of it exists in production.
 */

const BLUE = "WIDGET-BLUE-M";
const SETTINGS = "/v1/sandbox/settings";
const FAST = {
  auto_fulfill: true,
  pick_after_seconds: 0,
  ship_after_seconds: 0,
  deliver_after_seconds: 0,
  parcels_per_order: 1,
};

async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < timeoutMs / 100; i++) {
    last = await probe();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
}

async function settle(key: string, settings: Record<string, unknown>) {
  const res = await call("PUT", SETTINGS, { key, body: settings });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function createOrder(key: string, overrides: Record<string, unknown> = {}) {
  const res = await call("POST", "/v1/orders", { key, body: orderBody(overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const getOrder = async (key: string, id: string) =>
  (await call("GET", `/v1/orders/${id}`, { key })).body;

const historyOf = async (key: string, id: string) =>
  (await call("GET", `/v1/orders/${id}/history`, { key })).body.data as {
    action: string;
    actor: string;
    changes: Record<string, any>;
  }[];

const fulfil = (key: string, id: string, body?: unknown, headers: Record<string, string> = {}) =>
  call("POST", `/v1/sandbox/orders/${id}/fulfill`, { key, body, headers });

const advance = (key: string, id: string, body?: unknown) =>
  call("POST", `/v1/sandbox/shipments/${id}/advance`, { key, body });

beforeAll(seedReferenceData);

describe("sandbox settings", () => {
  it("reads defaults until set, and returns what PUT set", async () => {
    const { key } = await createTenant();
    const before = await call("GET", SETTINGS, { key });
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      auto_fulfill: false,
      pick_after_seconds: 5,
      ship_after_seconds: 10,
      deliver_after_seconds: 60,
      parcels_per_order: 1,
      updated_at: null,
    });
    const put = await settle(key, {
      auto_fulfill: true,
      pick_after_seconds: 2,
      deliver_after_seconds: 86_400,
      parcels_per_order: 5,
    });
    expect(put).toEqual({
      auto_fulfill: true,
      pick_after_seconds: 2,
      ship_after_seconds: 10,
      deliver_after_seconds: 86_400,
      parcels_per_order: 5,
      updated_at: expect.stringMatching(/Z$/),
    });
    expect((await call("GET", SETTINGS, { key })).body).toEqual(put);
    // PUT replaces the whole: what it leaves out goes back to its default.
    const again = await settle(key, { auto_fulfill: false });
    expect(again).toMatchObject({
      auto_fulfill: false,
      pick_after_seconds: 5,
      parcels_per_order: 1,
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
      [{ pick_after_seconds: 1 }, "auto_fulfill"],
      [{ auto_fulfill: "yes" }, "auto_fulfill"],
      [{ auto_fulfill: true, speed: "fast" }, "speed"],
    ];
    for (const [body, field] of cases) {
      expectError(await call("PUT", SETTINGS, { key, body }), 422, "validation_error", field);
    }
    expect((await call("GET", SETTINGS, { key })).body.updated_at).toBeNull();
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
    const sub = await call("POST", "/v1/webhooks", {
      key,
      body: {
        url: `${inject("receiverUrl")}/ok/${name}`,
        events: ["shipment.created", "shipment.updated"],
      },
    });
    expect(sub.status).toBe(201);
    const since = new Date().toISOString();
    const order = await createOrder(key);
    expect(order.status).toBe("received");

    const poll = () =>
      call("GET", `/v1/shipments?updated_since=${since}`, { key }).then(
        (r) => r.body.data as Record<string, any>[],
      );
    const [shipment] = await eventually(poll, (d) => d.length === 1, "the shipment");
    expect(shipment).toMatchObject({ order_id: order.id, status: expect.any(String) });
    expect(shipment?.parcels).toHaveLength(2);
    for (const p of shipment?.parcels ?? []) {
      expect(p.carrier).toBe("auspost");
      expect(isValidTrackingNumber("auspost", p.tracking_number)).toBe(true);
      expect(p.tracking_url).toContain(p.tracking_number);
      expect(p.weight).toMatchObject({ value: expect.any(Number), unit: expect.any(String) });
      expect(p.dimensions).toMatchObject({ unit: expect.any(String) });
    }
    const delivered = await eventually(poll, (d) => d[0]?.status === "delivered", "delivery");
    expect(delivered[0]?.status_history?.map((h: { status: string }) => h.status) ?? []).toEqual([
      "shipped",
      "in_transit",
      "out_for_delivery",
      "delivered",
    ]);
    expect((await getOrder(key, order.id)).status).toBe("shipped");

    const history = await historyOf(key, order.id);
    const simulated = history.filter((h) => h.actor === SIMULATOR).map((h) => h.action);
    // Carrier scans change the shipment, not the order: they show in its status_history.
    expect(simulated).toEqual(["picking_started", "shipped"]);

    const log = await eventually(
      async () =>
        (await (await fetch(`${inject("receiverUrl")}/_log/${name}`)).json()) as {
          body: string;
        }[],
      (l) => l.length >= 4,
      "the webhooks",
    );
    const types = log.map((m) => JSON.parse(m.body).event_type);
    expect(types.filter((t: string) => t === "shipment.created")).toHaveLength(1);
    expect(types.filter((t: string) => t === "shipment.updated").length).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it("leaves a backordered order waiting until stock arrives, then fulfils it", async () => {
    const { key } = await merchant({ [BLUE]: 0 });
    await settle(key, FAST);
    const order = await createOrder(key);
    expect(order.status).toBe("backordered");
    await new Promise((r) => setTimeout(r, 300));
    expect((await getOrder(key, order.id)).status).toBe("backordered");
    const res = await call("POST", "/v1/sandbox/inventory/replenish", {
      key,
      body: { sku: BLUE, warehouse_id: "wh_syd_1", quantity: 5 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const done = await eventually(
      () => getOrder(key, order.id),
      (o) => o.status === "shipped" && o.shipments[0]?.status === "delivered",
      "fulfilment after replenishment",
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
    );
    expect(done.shipments[0].status_history.map((h: { status: string }) => h.status)).toEqual([
      "shipped",
      "in_transit",
      "exception",
    ]);
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
    );
    expect(
      done.shipments.map((s: { items: { quantity: number }[] }) => s.items[0]?.quantity),
    ).toEqual([2, 1]);
    const statuses = (await historyOf(key, order.id))
      .map((h) => h.changes.status?.to)
      .filter(Boolean);
    expect(statuses).toEqual(["processing", "partially_shipped", "shipped"]);
  });

  it("[sim:hold] holds the order for its address; once released it goes on", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    await settle(key, FAST);
    const order = await createOrder(key, { packing_note: "[sim:hold]" });
    const held = await eventually(
      () => getOrder(key, order.id),
      (o) => o.status === "on_hold",
      "the hold",
    );
    expect(held.hold_reason).toBe("address");
    const released = await call("POST", `/v1/ops/orders/${order.id}/release`, { key });
    expect(released.status).toBe(200);
    await eventually(
      () => getOrder(key, order.id),
      (o) => o.shipments[0]?.status === "delivered",
      "delivery after release",
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
    );
    expect(done.shipments[0].status).toBe("voided");
    expect(done.shipments[0].parcels[0].tracking_number).not.toBe(
      done.shipments[1].parcels[0].tracking_number,
    );
    expect(done.status).toBe("shipped");
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 8, allocated: 0 });
  });
});

describe("explicit controls", () => {
  it("fulfils an order now, with parcels a test can predict", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    const order = await createOrder(key);
    const res = await fulfil(key, order.id, { parcels: 3 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
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
    expect(res.body.parcels.map((p: { tracking_number: string }) => p.tracking_number)).toEqual(
      expected.map((p) => p.trackingNumber),
    );
    const after = await getOrder(key, order.id);
    expect(after.status).toBe("shipped");
    const actions = (await historyOf(key, order.id)).map((h) => h.action);
    expect(actions).toEqual(["created", "picking_started", "shipped"]);
    expectError(await fulfil(key, order.id), 409, "nothing_to_ship");
  });

  it("ships only the items named, and replays a retry with the same key", async () => {
    const { key } = await merchant({ [BLUE]: 10, "WIDGET-RED-S": 10 });
    const order = await createOrder(key, {
      items: [
        { sku: BLUE, quantity: 2, unit_price: "1.00", currency: "AUD" },
        { sku: "WIDGET-RED-S", quantity: 1, unit_price: "1.00", currency: "AUD" },
      ],
    });
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const body = { items: [{ sku: BLUE, quantity: 1 }] };
    const first = await fulfil(key, order.id, body, headers);
    expect(first.status).toBe(201);
    const again = await fulfil(key, order.id, body, headers);
    expect(again.status).toBe(200);
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
    expect(rest.status).toBe(201);
    expect(rest.body.items).toEqual([
      { sku: BLUE, quantity: 1 },
      { sku: "WIDGET-RED-S", quantity: 1 },
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
    const order = await createOrder(key);
    const shipment = (await fulfil(key, order.id)).body;
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const res = await advance(key, shipment.id);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(res.body.status);
    }
    expect(seen).toEqual(["in_transit", "out_for_delivery", "delivered"]);
    expectError(await advance(key, shipment.id), 409, "already_delivered");

    const second = (await fulfil(key, (await createOrder(key)).id)).body;
    expect((await advance(key, second.id, { status: "exception" })).body.status).toBe("exception");
    expectError(await advance(key, second.id), 422, "status_required", "status");
    expect((await advance(key, second.id, { status: "in_transit" })).body.status).toBe(
      "in_transit",
    );
    expectError(
      await advance(key, second.id, { status: "lost" }),
      422,
      "validation_error",
      "status",
    );
    const other = await merchant({ [BLUE]: 1 });
    expectError(await advance(other.key, second.id), 404, "not_found");
  });

  it("replenishes through a received ASN, which fills backorders", async () => {
    const { key } = await merchant({ [BLUE]: 0 });
    const order = await createOrder(key);
    const res = await call("POST", "/v1/sandbox/inventory/replenish", {
      key,
      body: { sku: BLUE, warehouse_id: "wh_syd_1", quantity: 7 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^ib_/),
      reference: expect.stringMatching(/^SANDBOX-/),
      status: "received",
      items: [{ sku: BLUE, expected_quantity: 7, received_quantity: 7, discrepancy: 0 }],
    });
    expect(res.headers.get("location")).toBe(`/v1/inbound-shipments/${res.body.id}`);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 7, allocated: 2, incoming: 0 });
    expect((await getOrder(key, order.id)).status).toBe("received");
    expectError(
      await call("POST", "/v1/sandbox/inventory/replenish", {
        key,
        body: { sku: "NOPE", warehouse_id: "wh_syd_1", quantity: 1 },
      }),
      422,
      "unknown_sku",
      "sku",
    );
    expectError(
      await call("POST", "/v1/sandbox/inventory/replenish", {
        key,
        body: { sku: BLUE, warehouse_id: "wh_syd_1", quantity: 0 },
      }),
      422,
      "validation_error",
      "quantity",
    );
  });
});

describe("nothing of this in production", () => {
  it("answers 404 on every sandbox path", async () => {
    const { key } = await createTenant();
    for (const [method, path] of [
      ["GET", SETTINGS],
      ["PUT", SETTINGS],
      ["POST", "/v1/sandbox/orders/ord_x/fulfill"],
      ["POST", "/v1/sandbox/shipments/shp_x/advance"],
      ["POST", "/v1/sandbox/inventory/replenish"],
    ] as const) {
      for (const k of [key, null]) {
        const body = method === "GET" ? undefined : FAST;
        const res = await callIn("production", method, path, { key: k, body });
        expectError(res, 404, "route_not_found");
      }
    }
    const doc = await callIn("production", "GET", "/v1/openapi.json");
    expect(Object.keys(doc.body.paths).filter((p) => p.startsWith("/v1/sandbox"))).toEqual([]);
    const devDoc = await call("GET", "/v1/openapi.json");
    expect(Object.keys(devDoc.body.paths)).toContain("/v1/sandbox/settings");
  });

  it("keeps the floor closed to tenant keys", async () => {
    const live = await callIn("production", "POST", "/admin/v1/tenants", {
      key: "test-admin-token",
      body: { name: "Live" },
    });
    expect(live.body.api_key.scopes).not.toContain("warehouse:operate");
    expectError(
      await callIn("production", "POST", "/v1/ops/orders/ord_x/start-picking", {
        key: live.body.api_key.key,
      }),
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
      const amended = await production.execute({
        type: "amend",
        actor: "test",
        patch: { packing_note: "amended in production" },
      });
      const scheduled = state.storage.kv.get("due:simulate");
      // A due-time planted by hand: the production alarm drops it without a step.
      state.storage.kv.put("due:simulate", Date.now());
      await production.alarm();
      return { ok: amended.ok, scheduled, after: state.storage.kv.get("due:simulate") };
    });
    expect(outcome).toEqual({ ok: true, scheduled: undefined, after: undefined });
    await new Promise((r) => setTimeout(r, 300));
    expect((await getOrder(key, fresh.id)).status).toBe("received");
    const actors = (await historyOf(key, fresh.id)).map((h) => h.actor);
    expect(actors).not.toContain(SIMULATOR);
  });
});
