import { beforeAll, describe, expect, it } from "vitest";
import { admin, client, expectError, expectStatus, ok, raw } from "../support/client";
import {
  createTenant,
  merchant,
  orderBody,
  othersOf,
  seedReferenceData,
  ship,
  stockOf,
} from "../support/merchant";
import { eventually } from "../support/receiver";

/*
 * Cancellation requests (issue 21): before picking a request cancels at once; once picking
 * started the floor accepts it (cancelled, stock back) or rejects it (the order goes on),
 * and the sandbox's simulated floor answers as its settings say.
 */

const BLUE = "WIDGET-BLUE-M";

const request = (key: string, id: string, reason?: string, idempotencyKey?: string) =>
  client(key).v1.orders[":id"]["cancellation-request"].$post({
    param: { id },
    json: reason === undefined ? {} : { reason },
    header: idempotencyKey ? { "idempotency-key": idempotencyKey } : {},
  });

const accept = (key: string, id: string, idempotencyKey?: string) =>
  client(key).v1.ops.orders[":id"]["cancellation-request"].accept.$post({
    param: { id },
    header: idempotencyKey ? { "idempotency-key": idempotencyKey } : {},
  });

const reject = (key: string, id: string, reason: string) =>
  client(key).v1.ops.orders[":id"]["cancellation-request"].reject.$post({
    param: { id },
    json: { reason },
  });

const startPicking = (key: string, id: string) =>
  ok(client(key).v1.ops.orders[":id"]["start-picking"].$post({ param: { id } }));

async function getOrder(key: string, id: string) {
  return ok(client(key).v1.orders[":id"].$get({ param: { id } }));
}

async function history(key: string, id: string) {
  return (await ok(client(key).v1.orders[":id"].history.$get({ param: { id } }))).data;
}

/** The events about `orderId`, oldest first, as `type@version`. */
async function eventsOf(key: string, orderId: string) {
  const page = await ok(client(key).v1.events.$get({ query: { limit: 200 } }));
  return page.data
    .filter((e) => (e.data as { id?: string }).id === orderId)
    .map((e) => `${e.event_type}@${(e.data as { version: string }).version}`);
}

/** A merchant with 10 of BLUE and an order for 2 of them, picking started. */
async function picking() {
  const shop = await merchant({ [BLUE]: 10 });
  const order = await ok(client(shop.key).v1.orders.$post({ json: orderBody() }));
  await startPicking(shop.key, order.id);
  return { ...shop, order };
}

beforeAll(seedReferenceData);

describe("before picking", () => {
  it("cancels at once, as cancel does, with the stock back", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    expect(await stockOf(key, BLUE)).toMatchObject({ available: 8, allocated: 2 });

    const res = await request(key, order.id, "Customer changed their mind");
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      status: "cancelled",
      cancel_reason: "Customer changed their mind",
      allocation_status: "released",
      version: "2",
      cancellation_request: {
        status: "accepted",
        reason: "Customer changed their mind",
        rejection_reason: null,
      },
    });
    expect(res.body.cancellation_request?.decided_at).toBe(res.body.cancelled_at);
    expect(await stockOf(key, BLUE)).toMatchObject({ available: 10, allocated: 0 });
    expect(await eventsOf(key, order.id)).toEqual(["order.created@1", "order.cancelled@2"]);

    // Asking again answers the cancelled order.
    const again = await request(key, order.id, "Customer changed their mind");
    expectStatus(again, 200);
    expect(again.body.version).toBe("2");
  });

  it("shows no request on an order that never had one", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    expect(order.cancellation_request).toBeNull();
  });
});

describe("after picking started", () => {
  it("records a pending request; the floor accepts: cancelled, stock available again", async () => {
    const { key, order } = await picking();
    expectError(
      await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id }, json: {} }),
      409,
      "not_cancelable",
    );
    const res = await request(key, order.id, "Wrong size");
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      status: "processing",
      version: "3",
      cancellation_request: {
        status: "pending",
        reason: "Wrong size",
        decided_at: null,
        rejection_reason: null,
      },
    });
    // Picking holds the stock until the floor answers.
    expect(await stockOf(key, BLUE)).toMatchObject({ available: 8, allocated: 2 });

    const accepted = await accept(key, order.id);
    expectStatus(accepted, 200);
    expect(accepted.body).toMatchObject({
      status: "cancelled",
      cancel_reason: "Wrong size",
      allocation_status: "released",
      version: "4",
      cancellation_request: { status: "accepted", reason: "Wrong size" },
    });
    expect(accepted.body.cancellation_request?.decided_at).toBe(accepted.body.cancelled_at);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 10, available: 10, allocated: 0 });
    expect(await eventsOf(key, order.id)).toEqual([
      "order.created@1",
      "order.updated@2",
      "order.updated@3",
      "order.cancellation_requested@3",
      "order.cancelled@4",
    ]);
    const actions = (await history(key, order.id)).map((h) => h.action);
    expect(actions).toEqual([
      "created",
      "picking_started",
      "cancellation_requested",
      "cancellation_accepted",
    ]);
    // Nothing ships from a cancelled order.
    expectError(
      await client(key).v1.ops.shipments.$post({
        json: {
          order_id: order.id,
          parcels: [{ tracking_number: "X1", carrier: "auspost", service: "Express" }],
          items: [{ sku: BLUE, quantity: 2 }],
        },
      }),
      409,
      "order_cancelled",
    );
  });

  it("the floor rejects: order.cancellation_rejected, and the order goes on and ships", async () => {
    const { key, order } = await picking();
    await ok(request(key, order.id, "Wrong size"));
    const rejected = await reject(key, order.id, "Already packed");
    expectStatus(rejected, 200);
    expect(rejected.body).toMatchObject({
      status: "processing",
      version: "4",
      cancellation_request: {
        status: "rejected",
        reason: "Wrong size",
        rejection_reason: "Already packed",
      },
    });
    expect(rejected.body.cancellation_request?.decided_at).toEqual(expect.any(String));
    expect(await eventsOf(key, order.id)).toEqual([
      "order.created@1",
      "order.updated@2",
      "order.updated@3",
      "order.cancellation_requested@3",
      "order.updated@4",
      "order.cancellation_rejected@4",
    ]);
    // Nothing waits: a second answer is refused, the same rejection again changes nothing.
    expectError(await accept(key, order.id), 409, "no_pending_cancellation_request");
    expect((await ok(reject(key, order.id, "Already packed"))).version).toBe("4");
    expectError(
      await reject(key, order.id, "Another reason"),
      409,
      "no_pending_cancellation_request",
    );

    await ship(key, order.id, [{ sku: BLUE, quantity: 2 }]);
    expect(await getOrder(key, order.id)).toMatchObject({ status: "shipped" });
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 8, allocated: 0 });
  });

  it("a shipment reported while the request waits answers it: rejected, shipped", async () => {
    const { key, order } = await picking();
    await ok(request(key, order.id, "Wrong size"));
    await ship(key, order.id, [{ sku: BLUE, quantity: 1 }]);
    const after = await getOrder(key, order.id);
    expect(after).toMatchObject({
      status: "partially_shipped",
      cancellation_request: { status: "rejected", reason: "Wrong size" },
    });
    expect(after.cancellation_request?.rejection_reason).toMatch(/shipped/);
    expect((await eventsOf(key, order.id)).slice(-2)).toEqual([
      "order.updated@4",
      "order.cancellation_rejected@4",
    ]);
    expectError(await accept(key, order.id), 409, "no_pending_cancellation_request");
  });

  it("an acceptance racing a shipment: exactly one wins, and stock follows the winner", async () => {
    const { key, order } = await picking();
    await ok(request(key, order.id, "Wrong size"));
    const [accepted, shipped] = await Promise.all([
      accept(key, order.id),
      client(key).v1.ops.shipments.$post({
        json: {
          order_id: order.id,
          parcels: [{ tracking_number: "RACE1", carrier: "auspost", service: "Express" }],
          items: [{ sku: BLUE, quantity: 2 }],
        },
      }),
    ]);
    const after = await getOrder(key, order.id);
    if (accepted.status === 200) {
      expectError(shipped, 409, "order_cancelled");
      expect(after).toMatchObject({ status: "cancelled", shipments: [] });
      expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 10, allocated: 0 });
    } else {
      expectError(accepted, 409, "no_pending_cancellation_request");
      expectStatus(shipped, 201);
      expect(after).toMatchObject({
        status: "shipped",
        cancellation_request: { status: "rejected" },
      });
      expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 8, allocated: 0 });
    }
  });

  it("answers 409 no_pending_cancellation_request when the floor answers a request never made", async () => {
    const { key, order } = await picking();
    const res = await accept(key, order.id);
    expectError(res, 409, "no_pending_cancellation_request");
    expect(res.body).toMatchObject({
      error: { order_status: "processing", cancellation_request_status: null },
    });
  });
});

describe("once anything shipped", () => {
  it("refuses with 409 already_shipped, partially or wholly", async () => {
    const { key, order } = await picking();
    await ship(key, order.id, [{ sku: BLUE, quantity: 1 }]);
    const partial = await request(key, order.id, "Too late?");
    expect(expectError(partial, 409, "already_shipped").message).toMatch(/Part of the order/);
    expect(partial.body).toMatchObject({ error: { order_status: "partially_shipped" } });
    await ship(key, order.id, [{ sku: BLUE, quantity: 1 }]);
    const whole = await request(key, order.id);
    expectError(whole, 409, "already_shipped");
    expect(whole.body).toMatchObject({ error: { order_status: "shipped" } });
    expect((await getOrder(key, order.id)).cancellation_request).toBeNull();
  });
});

describe("retries", () => {
  it("a second request while one is pending answers the pending one", async () => {
    const { key, order } = await picking();
    const first = await ok(request(key, order.id, "Wrong size"));
    const second = await request(key, order.id, "Another reason");
    expectStatus(second, 200);
    expect(second.body.version).toBe(first.version);
    expect(second.body.cancellation_request).toEqual(first.cancellation_request);
    expect(
      (await eventsOf(key, order.id)).filter((e) => e.startsWith("order.cancellation_requested")),
    ).toHaveLength(1);
  });

  it("replays with the same Idempotency-Key, and refuses the key on another request", async () => {
    const { key, order } = await picking();
    const idem = crypto.randomUUID();
    const first = await request(key, order.id, "Wrong size", idem);
    expectStatus(first, 200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const retry = await request(key, order.id, "Wrong size", idem);
    expectStatus(retry, 200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expectError(
      await request(key, order.id, "Another reason", idem),
      422,
      "idempotency_key_reused",
    );

    const floorKey = crypto.randomUUID();
    const accepted = await accept(key, order.id, floorKey);
    expectStatus(accepted, 200);
    const again = await accept(key, order.id, floorKey);
    expectStatus(again, 200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(accepted.body);
    // Without a key, accepting again returns the cancelled order unchanged.
    expect((await ok(accept(key, order.id))).version).toBe(accepted.body.version);
  });

  it("may ask again after a rejection", async () => {
    const { key, order } = await picking();
    await ok(request(key, order.id, "Wrong size"));
    await ok(reject(key, order.id, "Already packed"));
    const second = await ok(request(key, order.id, "Customer insists"));
    expect(second.cancellation_request).toMatchObject({
      status: "pending",
      reason: "Customer insists",
      rejection_reason: null,
    });
    expect((await ok(accept(key, order.id))).status).toBe("cancelled");
    expect((await eventsOf(key, order.id)).slice(2)).toEqual([
      "order.updated@3",
      "order.cancellation_requested@3",
      "order.updated@4",
      "order.cancellation_rejected@4",
      "order.updated@5",
      "order.cancellation_requested@5",
      "order.cancelled@6",
    ]);
  });
});

describe("who may ask and answer", () => {
  it("needs orders:write to ask and warehouse:operate to answer", async () => {
    const { key, tenantId, order } = await picking();
    const reader = await admin.tenants[":id"]["api-keys"].$post({
      param: { id: tenantId },
      json: { scopes: ["orders:read", "orders:write"] },
    });
    const readOnly = await admin.tenants[":id"]["api-keys"].$post({
      param: { id: tenantId },
      json: { scopes: ["orders:read"] },
    });
    expectError(await request(readOnly.body.key, order.id), 403, "insufficient_scope");
    await ok(request(reader.body.key, order.id, "Wrong size"));
    expectError(await accept(reader.body.key, order.id), 403, "insufficient_scope");
    expectError(await reject(reader.body.key, order.id, "No"), 403, "insufficient_scope");
    // A platform key answers for any tenant.
    const platform = await admin["api-keys"].$post({ json: {} });
    expect((await ok(accept(platform.body.key, order.id))).status).toBe("cancelled");
    expect((await getOrder(key, order.id)).status).toBe("cancelled");
  });

  it("answers another tenant's order with 404, and an unknown one too", async () => {
    const { order, shard } = await picking();
    for (const other of await othersOf(shard)) {
      expectError(await request(other.key, order.id), 404, "not_found");
      expectError(await accept(other.key, order.id), 404, "not_found");
      expectError(await reject(other.key, order.id, "No"), 404, "not_found");
    }
    const { key } = await createTenant();
    expectError(await request(key, "ord_nope"), 404, "not_found");
  });

  it("names the field of a bad body", async () => {
    const { key, order } = await picking();
    const long = await raw("POST", `/v1/orders/${order.id}/cancellation-request`, {
      key,
      json: { reason: "x".repeat(501) },
    });
    expectError(long, 422, "validation_error", "reason");
    const extra = await raw("POST", `/v1/orders/${order.id}/cancellation-request`, {
      key,
      json: { because: "x" },
    });
    expectError(extra, 422, "validation_error", "because");
    const noReason = await raw("POST", `/v1/ops/orders/${order.id}/cancellation-request/reject`, {
      key,
      json: {},
    });
    expectError(noReason, 422, "validation_error", "reason");
  });
});

describe("the sandbox's floor", () => {
  /** Picks at once, never ships by itself: only the request's answer moves the order. */
  async function sandboxPicking(settings: Record<string, unknown>) {
    const shop = await merchant({ [BLUE]: 10 });
    await ok(
      client(shop.key).v1.sandbox.settings.$put({
        json: {
          auto_fulfill: true,
          pick_after_seconds: 0,
          ship_after_seconds: 86_400,
          ...settings,
        },
      }),
    );
    const created = await ok(client(shop.key).v1.orders.$post({ json: orderBody() }));
    await eventually(
      () => getOrder(shop.key, created.id),
      (o) => o.status === "processing",
      "picking",
    );
    return { ...shop, order: created };
  }

  it("accepts by default: the order is cancelled and its stock back", async () => {
    const { key, order } = await sandboxPicking({});
    await ok(request(key, order.id, "Wrong size"));
    const done = await eventually(
      () => getOrder(key, order.id),
      (o) => o.status === "cancelled",
      "the floor's answer",
    );
    expect(done.cancellation_request).toMatchObject({ status: "accepted", reason: "Wrong size" });
    expect(await stockOf(key, BLUE)).toMatchObject({ available: 10, allocated: 0 });
    const last = (await history(key, order.id)).at(-1);
    expect(last).toMatchObject({ action: "cancellation_accepted", actor: "sandbox-simulator" });
  });

  it("rejects with the settings' reason when told to, and the order goes on", async () => {
    const { key, order } = await sandboxPicking({
      cancellation_requests: "reject",
      cancellation_rejection_reason: "Out the door already",
    });
    await ok(request(key, order.id, "Wrong size"));
    const done = await eventually(
      () => getOrder(key, order.id),
      (o) => o.cancellation_request?.status === "rejected",
      "the floor's answer",
    );
    expect(done).toMatchObject({
      status: "processing",
      cancellation_request: { rejection_reason: "Out the door already" },
    });
    const settings = await ok(client(key).v1.sandbox.settings.$get());
    expect(settings).toMatchObject({
      cancellation_requests: "reject",
      cancellation_rejection_reason: "Out the door already",
    });
  });
});
