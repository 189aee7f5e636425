import { describe, expect, it } from "vitest";
import {
  call,
  createTenant,
  expectError,
  merchant,
  orderBody,
  parcel,
  ship,
  stockOf,
} from "../support/helpers";

const twoLines = () =>
  orderBody({
    items: [
      { sku: "WIDGET-BLUE-M", quantity: 3 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ],
  });

async function readyOrder(stock = { "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5 }) {
  const tenant = await merchant(stock);
  const order = (await call("POST", "/v1/orders", { key: tenant.key, body: twoLines() })).body;
  expect(order.status).toBe("received");
  return { ...tenant, order };
}

describe("POST /v1/ops/shipments", () => {
  it("records a two-parcel shipment in the guide's shape and consumes stock", async () => {
    const { key, order } = await readyOrder();
    const boxes = [
      parcel({
        weight: { value: 1.2, unit: "kg" },
        dimensions: { length: 30, width: 20, height: 10, unit: "cm" },
      }),
      parcel(),
    ];
    const res = await call("POST", "/v1/ops/shipments", {
      key,
      headers: { "idempotency-key": crypto.randomUUID() },
      body: {
        order_id: order.id,
        parcels: boxes,
        items: [{ sku: "WIDGET-BLUE-M", quantity: 2 }],
        cost: { amount: "12.40", currency: "AUD" },
        shipped_at: "2026-07-02T22:04:11Z",
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^shp_[A-Za-z0-9]{20}$/),
      order_id: order.id,
      order_number: order.order_number,
      status: "shipped",
      warehouse_id: "wh_syd_1",
      shipped_at: "2026-07-02T22:04:11.000Z",
      created_at: expect.stringMatching(/Z$/),
      updated_at: res.body.created_at,
      cost: { amount: "12.40", currency: "AUD" },
      voided: false,
      parcels: boxes,
      items: [{ sku: "WIDGET-BLUE-M", quantity: 2 }],
      status_history: [{ status: "shipped", occurred_at: "2026-07-02T22:04:11.000Z" }],
      version: "1",
    });
    expect((await call("GET", `/v1/shipments/${res.body.id}`, { key })).body).toEqual(res.body);
    const after = (await call("GET", `/v1/orders/${order.id}`, { key })).body;
    expect(after.status).toBe("partially_shipped");
    expect(after.shipments).toEqual([res.body]);
    expect(after.items[0]).toMatchObject({ shipped_quantity: 2, allocated_quantity: 1 });
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({
      on_hand: 8,
      allocated: 1,
      available: 7,
    });
  });

  it("moves partially_shipped then shipped, then refuses cancel with already_shipped", async () => {
    const { key, order } = await readyOrder();
    await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 3 }]);
    expect((await call("GET", `/v1/orders/${order.id}`, { key })).body.status).toBe(
      "partially_shipped",
    );
    expectError(
      await call("POST", `/v1/orders/${order.id}/cancel`, { key }),
      409,
      "already_shipped",
    );
    await ship(key, order.id, [{ sku: "WIDGET-RED-S", quantity: 1 }]);
    const done = (await call("GET", `/v1/orders/${order.id}`, { key })).body;
    expect(done.status).toBe("shipped");
    expect(done.shipments).toHaveLength(2);
    const cancel = await call("POST", `/v1/orders/${order.id}/cancel`, { key });
    expect(expectError(cancel, 409, "already_shipped").order_status).toBe("shipped");
    expectError(
      await call("PATCH", `/v1/orders/${order.id}`, { key, body: { packing_note: "x" } }),
      409,
      "too_late_to_amend",
    );
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({
      on_hand: 7,
      allocated: 0,
      available: 7,
    });
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({ on_hand: 4, allocated: 0 });
  });

  it("422s over-shipping, a sku not on the order, no parcels and repeated tracking numbers", async () => {
    const { key, order } = await readyOrder();
    await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 2 }]);
    const over = await call("POST", "/v1/ops/shipments", {
      key,
      body: {
        order_id: order.id,
        parcels: [parcel()],
        items: [{ sku: "WIDGET-BLUE-M", quantity: 2 }],
      },
    });
    expect(expectError(over, 422, "over_shipment", "items[0].quantity").remaining).toBe(1);
    expectError(
      await call("POST", "/v1/ops/shipments", {
        key,
        body: {
          order_id: order.id,
          parcels: [parcel()],
          items: [{ sku: "GADGET-PRO", quantity: 1 }],
        },
      }),
      422,
      "sku_not_in_order",
      "items[0].sku",
    );
    expectError(
      await call("POST", "/v1/ops/shipments", {
        key,
        body: { order_id: order.id, parcels: [], items: [{ sku: "WIDGET-RED-S", quantity: 1 }] },
      }),
      422,
      "validation_error",
      "parcels",
    );
    const same = parcel();
    expectError(
      await call("POST", "/v1/ops/shipments", {
        key,
        body: {
          order_id: order.id,
          parcels: [same, { ...same }],
          items: [{ sku: "WIDGET-RED-S", quantity: 1 }],
        },
      }),
      422,
      "validation_error",
      "parcels[1].tracking_number",
    );
    expectError(
      await call("POST", "/v1/ops/shipments", {
        key,
        body: {
          order_id: "ord_nope",
          parcels: [parcel()],
          items: [{ sku: "WIDGET-RED-S", quantity: 1 }],
        },
      }),
      422,
      "unknown_order",
      "order_id",
    );
    expect((await call("GET", `/v1/orders/${order.id}`, { key })).body.shipments).toHaveLength(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 8, allocated: 1 });
  });

  it("409s shipping a cancelled, held or backordered order", async () => {
    const { key, order } = await readyOrder();
    await call("POST", `/v1/orders/${order.id}/cancel`, { key });
    const res = await call("POST", "/v1/ops/shipments", {
      key,
      body: {
        order_id: order.id,
        parcels: [parcel()],
        items: [{ sku: "WIDGET-RED-S", quantity: 1 }],
      },
    });
    expect(expectError(res, 409, "order_cancelled").order_status).toBe("cancelled");
    const waiting = (
      await call("POST", "/v1/orders", {
        key,
        body: orderBody({ items: [{ sku: "WIDGET-RED-S", quantity: 50 }] }),
      })
    ).body;
    expectError(
      await call("POST", "/v1/ops/shipments", {
        key,
        body: {
          order_id: waiting.id,
          parcels: [parcel()],
          items: [{ sku: "WIDGET-RED-S", quantity: 1 }],
        },
      }),
      409,
      "not_allocated",
    );
  });

  it("is idempotent with Idempotency-Key, even under concurrent retries", async () => {
    const { key, order } = await readyOrder();
    const body = {
      order_id: order.id,
      parcels: [parcel()],
      items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
    };
    const headers = { "idempotency-key": crypto.randomUUID() };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call("POST", "/v1/ops/shipments", { key, body, headers })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === 200)
        .every((r) => r.headers.get("idempotent-replayed") === "true"),
    ).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await call("GET", `/v1/orders/${order.id}`, { key })).body.shipments).toHaveLength(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 9, allocated: 2 });
    const reused = await call("POST", "/v1/ops/shipments", {
      key,
      headers,
      body: { ...body, parcels: [parcel()] },
    });
    expectError(reused, 422, "idempotency_key_reused", "Idempotency-Key");
  });
});

describe("shipment status and void", () => {
  it("moves through carrier statuses, never out of delivered, and shows up in the next poll", async () => {
    const { key, order } = await readyOrder();
    const shipment = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", quantity: 3 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ]);
    const mark = shipment.updated_at;
    const moved = await call("POST", `/v1/ops/shipments/${shipment.id}/status`, {
      key,
      body: { status: "in_transit", occurred_at: "2026-07-03T01:00:00Z" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: "in_transit", version: "2" });
    expect(moved.body.updated_at > mark).toBe(true);
    expect(moved.body.status_history.at(-1)).toEqual({
      status: "in_transit",
      occurred_at: "2026-07-03T01:00:00.000Z",
    });
    const poll = await call("GET", `/v1/shipments?updated_since=${mark}`, { key });
    expect(poll.body.data.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      [shipment.id, "in_transit"],
    ]);

    await call("POST", `/v1/ops/shipments/${shipment.id}/status`, {
      key,
      body: { status: "exception", note: "Damaged label" },
    });
    await call("POST", `/v1/ops/shipments/${shipment.id}/status`, {
      key,
      body: { status: "out_for_delivery" },
    });
    const delivered = await call("POST", `/v1/ops/shipments/${shipment.id}/status`, {
      key,
      body: { status: "delivered" },
    });
    expect(delivered.body.status_history.map((h: { status: string }) => h.status)).toEqual([
      "shipped",
      "in_transit",
      "exception",
      "out_for_delivery",
      "delivered",
    ]);
    const again = await call("POST", `/v1/ops/shipments/${shipment.id}/status`, {
      key,
      body: { status: "delivered" },
    });
    expect(again.body.version).toBe(delivered.body.version);
    expectError(
      await call("POST", `/v1/ops/shipments/${shipment.id}/status`, {
        key,
        body: { status: "in_transit" },
      }),
      409,
      "already_delivered",
    );
    expectError(
      await call("POST", `/v1/ops/shipments/${shipment.id}/void`, { key }),
      409,
      "already_delivered",
    );
    expectError(
      await call("POST", `/v1/ops/shipments/${shipment.id}/status`, {
        key,
        body: { status: "voided" },
      }),
      422,
      "validation_error",
      "status",
    );
    expect((await call("GET", `/v1/orders/${order.id}`, { key })).body.shipments[0].status).toBe(
      "delivered",
    );
  });

  it("void keeps the row, returns stock to allocated and recomputes the order", async () => {
    const { key, order } = await readyOrder();
    const first = await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 3 }]);
    const second = await ship(key, order.id, [{ sku: "WIDGET-RED-S", quantity: 1 }]);
    expect((await call("GET", `/v1/orders/${order.id}`, { key })).body.status).toBe("shipped");

    const voided = await call("POST", `/v1/ops/shipments/${second.id}/void`, { key });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({
      id: second.id,
      status: "voided",
      voided: true,
      version: "2",
    });
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({
      on_hand: 5,
      allocated: 1,
      available: 4,
    });
    const order1 = (await call("GET", `/v1/orders/${order.id}`, { key })).body;
    expect(order1.status).toBe("partially_shipped");
    expect(order1.shipments.map((s: { id: string; voided: boolean }) => [s.id, s.voided])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    expect((await call("POST", `/v1/ops/shipments/${second.id}/void`, { key })).body.version).toBe(
      "2",
    );

    await call("POST", `/v1/ops/shipments/${first.id}/void`, { key });
    expect((await call("GET", `/v1/orders/${order.id}`, { key })).body.status).toBe("processing");
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 10, allocated: 3 });
    const reship = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", quantity: 3 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ]);
    expect(reship.status).toBe("shipped");
    expect((await call("GET", `/v1/orders/${order.id}`, { key })).body.status).toBe("shipped");
  });
});

describe("GET /v1/shipments", () => {
  it("filters by order_id and status and pages by cursor", async () => {
    const { key, order } = await readyOrder();
    const other = (await call("POST", "/v1/orders", { key, body: twoLines() })).body;
    const a = await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 1 }]);
    const b = await ship(key, other.id, [{ sku: "WIDGET-BLUE-M", quantity: 1 }]);
    const c = await ship(key, order.id, [{ sku: "WIDGET-RED-S", quantity: 1 }]);
    await call("POST", `/v1/ops/shipments/${c.id}/void`, { key });
    const ids = async (q: string) =>
      (await call("GET", `/v1/shipments?${q}`, { key })).body.data.map((s: { id: string }) => s.id);
    expect(await ids(`order_id=${order.id}`)).toEqual([a.id, c.id]);
    expect(await ids("status=voided")).toEqual([c.id]);
    expect(await ids("")).toEqual([a.id, b.id, c.id]);
    const first = await call("GET", "/v1/shipments?limit=2", { key });
    expect(first.body.pagination.has_more).toBe(true);
    const rest = await call(
      "GET",
      `/v1/shipments?limit=2&cursor=${first.body.pagination.next_cursor}`,
      { key },
    );
    expect(rest.body.data.map((s: { id: string }) => s.id)).toEqual([c.id]);
    expect(rest.body.pagination).toEqual({ next_cursor: null, has_more: false });
  });

  it("a poller following the guide's loop ends with exactly the written set while 120 shipments are written", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 1000 });
    const orderIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const o = await call("POST", "/v1/orders", {
        key,
        body: orderBody({ items: [{ sku: "WIDGET-BLUE-M", quantity: 10 }] }),
      });
      orderIds.push(o.body.id);
    }
    const written = new Set<string>();
    let writing = true;
    const writers = orderIds.map(async (orderId) => {
      for (let i = 0; i < 10; i++) {
        const s = await call("POST", "/v1/ops/shipments", {
          key,
          body: {
            order_id: orderId,
            parcels: [parcel()],
            items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
          },
        });
        expect(s.status).toBe(201);
        written.add(s.body.id);
      }
    });
    const done = Promise.all(writers).then(() => {
      writing = false;
    });

    const seen = new Set<string>();
    let mark = "1970-01-01T00:00:00.000Z";
    for (;;) {
      const finalPass = !writing;
      let cursor: string | null = null;
      const walk = new Set<string>();
      do {
        const params = new URLSearchParams({ updated_since: mark, limit: "25" });
        if (cursor) params.set("cursor", cursor);
        const res = await call("GET", `/v1/shipments?${params}`, { key });
        expect(res.status).toBe(200);
        for (const s of res.body.data as { id: string; updated_at: string }[]) {
          expect(walk.has(s.id), "an id repeated within one cursor walk").toBe(false);
          walk.add(s.id);
          seen.add(s.id);
          if (s.updated_at > mark) mark = s.updated_at;
        }
        cursor = res.body.pagination.next_cursor;
        expect(res.body.pagination.has_more).toBe(cursor !== null);
      } while (cursor);
      if (finalPass) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await done;
    expect(written.size).toBe(120);
    expect([...seen].sort()).toEqual([...written].sort());
  });
});

describe("tenant isolation", () => {
  it("hides shipments from other tenants on every route", async () => {
    const { key, order } = await readyOrder();
    const shipment = await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 1 }]);
    const other = await createTenant("Nosy");
    expectError(
      await call("GET", `/v1/shipments/${shipment.id}`, { key: other.key }),
      404,
      "not_found",
    );
    expect((await call("GET", "/v1/shipments", { key: other.key })).body.data).toEqual([]);
    expect(
      (await call("GET", `/v1/shipments?order_id=${order.id}`, { key: other.key })).body.data,
    ).toEqual([]);
    expectError(
      await call("POST", `/v1/ops/shipments/${shipment.id}/status`, {
        key: other.key,
        body: { status: "in_transit" },
      }),
      404,
      "not_found",
    );
    expectError(
      await call("POST", `/v1/ops/shipments/${shipment.id}/void`, { key: other.key }),
      404,
      "not_found",
    );
    expectError(
      await call("POST", "/v1/ops/shipments", {
        key: other.key,
        body: {
          order_id: order.id,
          parcels: [parcel()],
          items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
        },
      }),
      422,
      "unknown_order",
      "order_id",
    );
    expect((await call("GET", `/v1/shipments/${shipment.id}`, { key })).body.status).toBe(
      "shipped",
    );
  });

  it("needs shipments:read to read and warehouse:operate to ship", async () => {
    const { key, tenantId, order } = await readyOrder();
    const reader = await call("POST", `/admin/v1/tenants/${tenantId}/api-keys`, {
      key: "test-admin-token",
      body: { scopes: ["orders:read"] },
    });
    expectError(
      await call("GET", "/v1/shipments", { key: reader.body.key }),
      403,
      "insufficient_scope",
    );
    expectError(
      await call("POST", "/v1/ops/shipments", {
        key: reader.body.key,
        body: {
          order_id: order.id,
          parcels: [parcel()],
          items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
        },
      }),
      403,
      "insufficient_scope",
    );
    const platform = await call("POST", "/admin/v1/api-keys", {
      key: "test-admin-token",
      body: {},
    });
    const shipped = await call("POST", "/v1/ops/shipments", {
      key: platform.body.key,
      body: {
        order_id: order.id,
        parcels: [parcel()],
        items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
      },
    });
    expect(shipped.status).toBe(201);
    expect((await call("GET", `/v1/shipments/${shipped.body.id}`, { key })).status).toBe(200);
  });
});

describe("shipment events", () => {
  it("writes shipment.created, shipment.updated and order.updated with the full objects", async () => {
    const { key, order } = await readyOrder();
    const events = async (type: string) =>
      (await call("GET", `/v1/events?type=${type}&limit=200`, { key })).body.data as {
        data: Record<string, any>;
      }[];
    const shipment = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", quantity: 3 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ]);
    expect((await events("shipment.created")).map((e) => e.data)).toEqual([shipment]);
    const orderUpdates = (await events("order.updated")).map((e) => e.data);
    const afterShip = (await call("GET", `/v1/orders/${order.id}`, { key })).body;
    expect(orderUpdates.at(-1)).toEqual(afterShip);
    expect(afterShip).toMatchObject({ status: "shipped", shipments: [shipment] });

    const moved = (
      await call("POST", `/v1/ops/shipments/${shipment.id}/status`, {
        key,
        body: { status: "in_transit" },
      })
    ).body;
    const voided = (await call("POST", `/v1/ops/shipments/${shipment.id}/void`, { key })).body;
    expect((await events("shipment.updated")).map((e) => e.data)).toEqual([moved, voided]);
    expect(voided).toMatchObject({ status: "voided", voided: true, version: "3" });
    const last = (await events("order.updated")).at(-1)?.data;
    expect(last).toEqual((await call("GET", `/v1/orders/${order.id}`, { key })).body);
    expect(last).toMatchObject({ status: "processing" });
  });
});
