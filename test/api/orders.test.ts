import { describe, expect, it } from "vitest";
import { chainHash, GENESIS_HASH } from "../../src/orders/orders.history";
import {
  adjustStock,
  call,
  createTenant,
  expectError,
  merchant,
  orderBody,
  SHIP_TO,
  stockOf,
} from "../support/helpers";

const CATALOG = { "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5, "GADGET-PRO": 0 };
const idem = () => ({ "idempotency-key": crypto.randomUUID() });

describe("POST /v1/orders", () => {
  it("creates an order in the guide's shape with lines, version and allocation", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const res = await call("POST", "/v1/orders", { key, body, headers: idem() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^ord_[A-Za-z0-9]{20}$/),
      order_number: body.order_number,
      reference: body.reference,
      status: "received",
      warehouse_id: "wh_syd_1",
      shipping_method_id: "sm_auspost_express",
      shipping_method: "Express Post",
      order_date: "2026-07-02T09:15:00.000Z",
      signature_required: false,
      insurance: false,
      gift_message: null,
      packing_note: "Leave in porch",
      ship_to: body.ship_to,
      items: [
        {
          sku: "WIDGET-BLUE-M",
          description: "Blue Widget — Medium",
          quantity: 2,
          unit_price: "19.99",
          currency: "AUD",
          allocation_status: "allocated",
          allocated_quantity: 2,
          shipped_quantity: 0,
        },
      ],
      allocation_status: "allocated",
      hold_reason: null,
      cancel_reason: null,
      version: "1",
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
      cancelled_at: null,
      shipments: [],
    });
    expect(res.body.updated_at >= res.body.created_at).toBe(true);
    expect(res.headers.get("location")).toBe(`/v1/orders/${res.body.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    const got = await call("GET", `/v1/orders/${res.body.id}`, { key });
    expect(got.body).toEqual(res.body);
    expect(got.headers.get("etag")).toBe('"1"');
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({
      on_hand: 10,
      available: 8,
      allocated: 2,
    });
  });

  it("resolves a free-text shipping_method by name and accepts an order without one", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const byName = await call("POST", "/v1/orders", {
      key,
      body: orderBody({ shipping_method_id: undefined, shipping_method: "parcel post" }),
    });
    expect(byName.body).toMatchObject({
      shipping_method_id: "sm_auspost_parcel",
      shipping_method: "Parcel Post",
    });
    const none = await call("POST", "/v1/orders", {
      key,
      body: orderBody({ shipping_method_id: undefined }),
    });
    expect(none.body).toMatchObject({ shipping_method_id: null, shipping_method: null });
  });

  it("422s bad input naming the field, and creates nothing", async () => {
    const { key } = await merchant(CATALOG);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ warehouse_id: "wh_zzz" }, "invalid_warehouse", "warehouse_id"],
      [{ shipping_method_id: "sm_pigeon" }, "invalid_shipping_method", "shipping_method_id"],
      [
        { shipping_method_id: undefined, shipping_method: "Teleport" },
        "invalid_shipping_method",
        "shipping_method",
      ],
      [
        {
          items: [
            { sku: "WIDGET-BLUE-M", quantity: 1 },
            { sku: "NOPE-1", quantity: 1 },
          ],
        },
        "unknown_sku",
        "items[1].sku",
      ],
      [{ items: [{ sku: "WIDGET-BLUE-M", quantity: 0 }] }, "validation_error", "items[0].quantity"],
      [
        { items: [{ sku: "WIDGET-BLUE-M", quantity: -2 }] },
        "validation_error",
        "items[0].quantity",
      ],
      [
        { items: [{ sku: "WIDGET-BLUE-M", quantity: 1.5 }] },
        "validation_error",
        "items[0].quantity",
      ],
      [
        { items: [{ sku: "WIDGET-BLUE-M", quantity: "2" }] },
        "validation_error",
        "items[0].quantity",
      ],
      [{ items: [] }, "validation_error", "items"],
      [{ ship_to: undefined }, "validation_error", "ship_to"],
      [{ ship_to: { ...SHIP_TO, apartment: "5" } }, "validation_error", "ship_to.apartment"],
      [
        { ship_to: { name: "Jane", city: "Sydney", country: "AU" } },
        "validation_error",
        "ship_to.address1",
      ],
      [
        { ship_to: { name: "J", address1: "1 St", city: "Sydney", country: "Australia" } },
        "validation_error",
        "ship_to.country",
      ],
      [
        { ship_to: { name: "J", address1: "1 St", city: "Sydney", country: "XX" } },
        "validation_error",
        "ship_to.country",
      ],
      [
        { items: [{ sku: "WIDGET-BLUE-M", quantity: 1, unit_price: "19.999.0", currency: "AUD" }] },
        "validation_error",
        "items[0].unit_price",
      ],
      [
        { items: [{ sku: "WIDGET-BLUE-M", quantity: 1, unit_price: 19.99, currency: "AUD" }] },
        "validation_error",
        "items[0].unit_price",
      ],
      [
        { items: [{ sku: "WIDGET-BLUE-M", quantity: 1, unit_price: "1.00", currency: "AUDD" }] },
        "validation_error",
        "items[0].currency",
      ],
      [
        { items: [{ sku: "WIDGET-BLUE-M", quantity: 1, unit_price: "1.00" }] },
        "validation_error",
        "items[0].currency",
      ],
      [
        {
          items: [
            { sku: "WIDGET-BLUE-M", quantity: 1 },
            { sku: "WIDGET-RED-S", quantity: 1 },
            { sku: "WIDGET-BLUE-M", quantity: 2 },
          ],
        },
        "validation_error",
        "items[2].sku",
      ],
      [
        { items: Array.from({ length: 501 }, (_, i) => ({ sku: `S-${i}`, quantity: 1 })) },
        "validation_error",
        "items",
      ],
      [{ order_number: undefined }, "validation_error", "order_number"],
      [{ reference: "" }, "validation_error", "reference"],
      [{ order_date: "02/07/2026" }, "validation_error", "order_date"],
      [{ shiping_method_id: "sm_auspost_express" }, "validation_error", "shiping_method_id"],
    ];
    for (const [override, code, field] of cases) {
      const res = await call("POST", "/v1/orders", {
        key,
        body: orderBody(override),
        headers: idem(),
      });
      expectError(res, 422, code, field);
    }
    expect((await call("GET", "/v1/orders", { key })).body.data).toEqual([]);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 0 });
  });
});

describe("exactly once", () => {
  it("replays a retried Idempotency-Key with 200 and Idempotent-Replayed", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const headers = idem();
    const first = await call("POST", "/v1/orders", { key, body, headers });
    const retry = await call("POST", "/v1/orders", { key, body, headers });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 2 });
  });

  it("rejects the same key with a different body: 422 idempotency_key_reused", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const headers = idem();
    await call("POST", "/v1/orders", { key, body: orderBody(), headers });
    const other = await call("POST", "/v1/orders", { key, body: orderBody(), headers });
    expectError(other, 422, "idempotency_key_reused", "Idempotency-Key");
    expect((await call("GET", "/v1/orders", { key })).body.data).toHaveLength(1);
  });

  it("dedupes on reference: same body returns the order, a different body is 409 naming it", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const first = await call("POST", "/v1/orders", { key, body });
    const again = await call("POST", "/v1/orders", { key, body, headers: idem() });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const changed = await call("POST", "/v1/orders", {
      key,
      body: { ...body, packing_note: "Ring twice" },
    });
    const error = expectError(changed, 409, "duplicate_reference", "reference");
    expect(error.order_id).toBe(first.body.id);
    expect(error.message).toContain(first.body.id);
  });

  it("scopes references to the tenant", async () => {
    const a = await merchant({ "WIDGET-BLUE-M": 10 });
    const b = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const ra = await call("POST", "/v1/orders", { key: a.key, body });
    const rb = await call("POST", "/v1/orders", { key: b.key, body });
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(ra.body.id).not.toBe(rb.body.id);
  });

  it("creates one order from 25 concurrent POSTs with one key, and every 2xx names it", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 100 });
    const body = orderBody();
    const headers = idem();
    const results = await Promise.all(
      Array.from({ length: 25 }, () => call("POST", "/v1/orders", { key, body, headers })),
    );
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await call("GET", "/v1/orders", { key })).body.data).toHaveLength(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 2, available: 98 });
  });

  it("creates one order from 25 concurrent POSTs with one reference and different keys", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 100 });
    const body = orderBody();
    const results = await Promise.all(
      Array.from({ length: 25 }, () => call("POST", "/v1/orders", { key, body, headers: idem() })),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 2 });
  });
});

describe("allocation", () => {
  it("backorders a short line, keeps the allocated lines, and fills oldest first when stock arrives", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 1 });
    const mixed = await call("POST", "/v1/orders", {
      key,
      body: orderBody({
        items: [
          { sku: "WIDGET-BLUE-M", quantity: 3 },
          { sku: "WIDGET-RED-S", quantity: 2 },
        ],
      }),
    });
    expect(mixed.body.status).toBe("backordered");
    expect(mixed.body.allocation_status).toBe("partially_allocated");
    expect(mixed.body.items.map((i: { allocation_status: string }) => i.allocation_status)).toEqual(
      ["allocated", "backordered"],
    );
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({
      on_hand: 1,
      allocated: 0,
      available: 1,
      backordered: 2,
    });

    await adjustStock(key, "WIDGET-RED-S", 1);
    const filled = await call("GET", `/v1/orders/${mixed.body.id}`, { key });
    expect(filled.body.status).toBe("received");
    expect(filled.body.version).toBe("2");
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({
      on_hand: 2,
      allocated: 2,
      available: 0,
      backordered: 0,
    });
  });

  it("releases stock to available on cancel and hands it to waiting orders", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 2 });
    const first = await call("POST", "/v1/orders", { key, body: orderBody() });
    const waiting = await call("POST", "/v1/orders", { key, body: orderBody() });
    expect([first.body.status, waiting.body.status]).toEqual(["received", "backordered"]);
    const cancelled = await call("POST", `/v1/orders/${first.body.id}/cancel`, {
      key,
      body: { reason: "Customer changed mind" },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: "cancelled",
      cancel_reason: "Customer changed mind",
      allocation_status: "released",
      version: "2",
      cancelled_at: expect.any(String),
    });
    expect((await call("GET", `/v1/orders/${waiting.body.id}`, { key })).body.status).toBe(
      "received",
    );
    const third = await call("POST", `/v1/orders/${waiting.body.id}/cancel`, { key });
    expect(third.body.status).toBe("cancelled");
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({
      on_hand: 2,
      allocated: 0,
      available: 2,
      backordered: 0,
    });
  });

  it("cancelling twice returns the same cancelled order", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 5 });
    const order = await call("POST", "/v1/orders", { key, body: orderBody() });
    const once = await call("POST", `/v1/orders/${order.body.id}/cancel`, { key });
    const twice = await call("POST", `/v1/orders/${order.body.id}/cancel`, {
      key,
      body: { reason: "again" },
    });
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual(once.body);
  });
});

describe("PATCH /v1/orders/{id}", () => {
  it("changes only the fields sent and bumps the version", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    const newAddress = {
      name: "Jane Doe",
      address1: "456 New Street",
      address2: "Unit 5",
      city: "Sydney",
      state: "NSW",
      postcode: "2010",
      country: "AU",
    };
    const res = await call("PATCH", `/v1/orders/${order.id}`, {
      key,
      body: { ship_to: newAddress, shipping_method_id: "sm_auspost_parcel" },
      headers: { "if-match": '"1"' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      ...order,
      ship_to: { ...newAddress, company: null, email: null, phone: null },
      shipping_method_id: "sm_auspost_parcel",
      shipping_method: "Parcel Post",
      version: "2",
      updated_at: expect.any(String),
    });
    expect(res.headers.get("etag")).toBe('"2"');
    const noop = await call("PATCH", `/v1/orders/${order.id}`, {
      key,
      body: { packing_note: order.packing_note },
    });
    expect(noop.body.version).toBe("2");
  });

  it("replaces the lines and moves allocation by the difference", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5 });
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    const res = await call("PATCH", `/v1/orders/${order.id}`, {
      key,
      body: {
        items: [
          { sku: "WIDGET-BLUE-M", quantity: 1 },
          { sku: "WIDGET-RED-S", quantity: 3 },
        ],
      },
    });
    expect(
      res.body.items.map((i: { sku: string; quantity: number; allocation_status: string }) => [
        i.sku,
        i.quantity,
        i.allocation_status,
      ]),
    ).toEqual([
      ["WIDGET-BLUE-M", 1, "allocated"],
      ["WIDGET-RED-S", 3, "allocated"],
    ]);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 1, available: 9 });
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({ allocated: 3, available: 2 });

    const dropped = await call("PATCH", `/v1/orders/${order.id}`, {
      key,
      body: { items: [{ sku: "WIDGET-RED-S", quantity: 3 }] },
    });
    expect(dropped.body.items).toHaveLength(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 0, available: 10 });
  });

  it("backorders a line raised beyond stock", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5 });
    const order = (
      await call("POST", "/v1/orders", {
        key,
        body: orderBody({
          items: [
            { sku: "WIDGET-BLUE-M", quantity: 2 },
            { sku: "WIDGET-RED-S", quantity: 1 },
          ],
        }),
      })
    ).body;
    const res = await call("PATCH", `/v1/orders/${order.id}`, {
      key,
      body: {
        items: [
          { sku: "WIDGET-BLUE-M", quantity: 2 },
          { sku: "WIDGET-RED-S", quantity: 8 },
        ],
      },
    });
    expect(res.body.status).toBe("backordered");
    expect(res.body.items[1]).toMatchObject({
      sku: "WIDGET-RED-S",
      quantity: 8,
      allocation_status: "backordered",
      allocated_quantity: 0,
    });
    expect(res.body.items[0]).toMatchObject({ allocation_status: "allocated" });
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({
      on_hand: 5,
      allocated: 0,
      available: 5,
      backordered: 8,
    });
  });

  it("409s a stale If-Match, 422s a warehouse change, 409s once picking started", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    await call("PATCH", `/v1/orders/${order.id}`, { key, body: { packing_note: "v2" } });
    const stale = await call("PATCH", `/v1/orders/${order.id}`, {
      key,
      body: { packing_note: "v3" },
      headers: { "if-match": '"1"' },
    });
    expect(expectError(stale, 409, "version_conflict").current_version).toBe("2");
    expectError(
      await call("PATCH", `/v1/orders/${order.id}`, {
        key,
        body: { packing_note: "x" },
        headers: { "if-match": "yesterday" },
      }),
      400,
      "invalid_parameter",
      "if-match",
    );
    expectError(
      await call("PATCH", `/v1/orders/${order.id}`, { key, body: { warehouse_id: "wh_mel_1" } }),
      422,
      "warehouse_change_not_allowed",
      "warehouse_id",
    );
    expectError(
      await call("PATCH", `/v1/orders/${order.id}`, {
        key,
        body: { items: [{ sku: "NOPE", quantity: 1 }] },
      }),
      422,
      "unknown_sku",
      "items[0].sku",
    );

    const picking = await call("POST", `/v1/ops/orders/${order.id}/start-picking`, { key });
    expect(picking.body.status).toBe("processing");
    const late = await call("PATCH", `/v1/orders/${order.id}`, {
      key,
      body: { packing_note: "too late" },
    });
    expect(expectError(late, 409, "too_late_to_amend").order_status).toBe("processing");
    const cancel = await call("POST", `/v1/orders/${order.id}/cancel`, { key });
    expect(expectError(cancel, 409, "not_cancelable").order_status).toBe("processing");
    expect((await call("GET", `/v1/orders/${order.id}`, { key })).body.version).toBe("3");
  });
});

describe("operations", () => {
  it("holds, releases and starts picking with clean 409s for wrong states", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 2 });
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    const held = await call("POST", `/v1/ops/orders/${order.id}/hold`, {
      key,
      body: { reason: "Address check" },
    });
    expect(held.body).toMatchObject({
      status: "on_hold",
      hold_reason: "Address check",
      allocation_status: "allocated",
    });
    expectError(
      await call("POST", `/v1/ops/orders/${order.id}/start-picking`, { key }),
      409,
      "order_on_hold",
    );
    expectError(
      await call("POST", `/v1/ops/orders/${order.id}/hold`, { key, body: {} }),
      422,
      "validation_error",
      "reason",
    );
    const amended = await call("PATCH", `/v1/orders/${order.id}`, {
      key,
      body: { packing_note: "while held" },
    });
    expect(amended.body.status).toBe("on_hold");
    const released = await call("POST", `/v1/ops/orders/${order.id}/release`, { key });
    expect(released.body).toMatchObject({ status: "received", hold_reason: null });
    expectError(
      await call("POST", `/v1/ops/orders/${order.id}/release`, { key }),
      409,
      "not_on_hold",
    );

    const waiting = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    expect(waiting.status).toBe("backordered");
    expectError(
      await call("POST", `/v1/ops/orders/${waiting.id}/start-picking`, { key }),
      409,
      "not_allocated",
    );
    const cancelled = (await call("POST", `/v1/orders/${waiting.id}/cancel`, { key })).body;
    expectError(
      await call("POST", `/v1/ops/orders/${cancelled.id}/hold`, { key, body: { reason: "x" } }),
      409,
      "not_holdable",
    );
    expectError(
      await call("PATCH", `/v1/orders/${cancelled.id}`, { key, body: { packing_note: "x" } }),
      409,
      "order_cancelled",
    );
  });

  it("lets a platform key operate any tenant's order, and needs warehouse:operate", async () => {
    const { key, tenantId } = await merchant({ "WIDGET-BLUE-M": 2 });
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    const platform = await call("POST", "/admin/v1/api-keys", {
      key: "test-admin-token",
      body: {},
    });
    const picked = await call("POST", `/v1/ops/orders/${order.id}/start-picking`, {
      key: platform.body.key,
    });
    expect(picked.body.status).toBe("processing");
    const reader = await call("POST", `/admin/v1/tenants/${tenantId}/api-keys`, {
      key: "test-admin-token",
      body: { scopes: ["orders:read"] },
    });
    expectError(
      await call("POST", `/v1/ops/orders/${order.id}/hold`, {
        key: reader.body.key,
        body: { reason: "x" },
      }),
      403,
      "insufficient_scope",
    );
    expectError(
      await call("POST", "/v1/orders", { key: reader.body.key, body: orderBody() }),
      403,
      "insufficient_scope",
    );
  });
});

describe("tenant isolation", () => {
  it("answers another tenant's order with 404 on every route", async () => {
    const a = await merchant({ "WIDGET-BLUE-M": 5 });
    const b = await createTenant("Other");
    const order = (await call("POST", "/v1/orders", { key: a.key, body: orderBody() })).body;
    expectError(await call("GET", `/v1/orders/${order.id}`, { key: b.key }), 404, "not_found");
    expectError(
      await call("GET", `/v1/orders/${order.id}/history`, { key: b.key }),
      404,
      "not_found",
    );
    expectError(
      await call("PATCH", `/v1/orders/${order.id}`, { key: b.key, body: { packing_note: "x" } }),
      404,
      "not_found",
    );
    expectError(
      await call("POST", `/v1/orders/${order.id}/cancel`, { key: b.key }),
      404,
      "not_found",
    );
    expectError(
      await call("POST", `/v1/ops/orders/${order.id}/start-picking`, { key: b.key }),
      404,
      "not_found",
    );
    expectError(
      await call("POST", `/v1/ops/orders/${order.id}/hold`, { key: b.key, body: { reason: "x" } }),
      404,
      "not_found",
    );
    expectError(
      await call("POST", `/v1/ops/orders/${order.id}/release`, { key: b.key }),
      404,
      "not_found",
    );
    expect((await call("GET", "/v1/orders", { key: b.key })).body.data).toEqual([]);
    expect((await call("GET", `/v1/orders/${order.id}`, { key: a.key })).body.status).toBe(
      "received",
    );
    expectError(await call("GET", "/v1/orders/ord_doesnotexist", { key: a.key }), 404, "not_found");
  });
});

describe("history", () => {
  it("records every transition with actor and a verifiable hash chain", async () => {
    const { key, tenantId } = await merchant({ "WIDGET-BLUE-M": 5 });
    const keys = await call("GET", `/admin/v1/tenants/${tenantId}/api-keys`, {
      key: "test-admin-token",
    });
    const keyId = keys.body.data[0].id;
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    await call("PATCH", `/v1/orders/${order.id}`, { key, body: { packing_note: "Side door" } });
    await call("POST", `/v1/ops/orders/${order.id}/hold`, { key, body: { reason: "Fraud check" } });
    await call("POST", `/v1/orders/${order.id}/cancel`, { key, body: { reason: "Fraud" } });
    const res = await call("GET", `/v1/orders/${order.id}/history`, { key });
    expect(res.status).toBe(200);
    const entries = res.body.data;
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      "created",
      "amended",
      "held",
      "cancelled",
    ]);
    expect(entries.every((e: { actor: string }) => e.actor === keyId)).toBe(true);
    expect(entries[1].changes).toEqual({
      packing_note: { from: "Leave in porch", to: "Side door" },
    });
    let prev = GENESIS_HASH;
    for (const e of entries) {
      expect(e.prev_hash).toBe(prev);
      expect(e.hash).toBe(
        await chainHash(prev, {
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          action: e.action,
          changes: e.changes,
        }),
      );
      prev = e.hash;
    }
  });
});

describe("GET /v1/orders", () => {
  it("filters by status, order_number, reference and updated_since (inclusive)", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 2 });
    const first = (
      await call("POST", "/v1/orders", { key, body: orderBody({ order_number: "SO-A" }) })
    ).body;
    const second = (
      await call("POST", "/v1/orders", { key, body: orderBody({ order_number: "SO-B" }) })
    ).body;
    const ids = async (q: string) =>
      (await call("GET", `/v1/orders?${q}`, { key })).body.data.map((o: { id: string }) => o.id);
    expect(await ids("status=backordered")).toEqual([second.id]);
    expect(await ids("order_number=SO-A")).toEqual([first.id]);
    expect(await ids(`reference=${second.reference}`)).toEqual([second.id]);
    expect(await ids(`updated_since=${second.updated_at}`)).toEqual([second.id]);
    await call("PATCH", `/v1/orders/${first.id}`, { key, body: { packing_note: "moved" } });
    expect(await ids(`updated_since=${second.updated_at}`)).toEqual([second.id, first.id]);
    expectError(
      await call("GET", "/v1/orders?status=lost", { key }),
      400,
      "invalid_parameter",
      "status",
    );
  });

  it("pages with limit 7 while orders are created, never repeating and finally seeing all", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 1000 });
    const created: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 40; i++) {
        const res = await call("POST", "/v1/orders", { key, body: orderBody() });
        created.push(res.body.id);
      }
      writing = false;
    })();
    const seen = new Set<string>();
    let mark: string | undefined;
    while (writing || mark === undefined || seen.size < created.length) {
      let cursor: string | null = null;
      const walk = new Set<string>();
      do {
        const params = new URLSearchParams({ limit: "7" });
        if (mark) params.set("updated_since", mark);
        if (cursor) params.set("cursor", cursor);
        const res = await call("GET", `/v1/orders?${params}`, { key });
        expect(res.status).toBe(200);
        for (const o of res.body.data as { id: string; updated_at: string }[]) {
          expect(walk.has(o.id), `repeat of ${o.id} within one walk`).toBe(false);
          walk.add(o.id);
          seen.add(o.id);
          if (!mark || o.updated_at > mark) mark = o.updated_at;
        }
        cursor = res.body.pagination.next_cursor;
      } while (cursor);
      if (!writing && seen.size >= created.length) break;
    }
    await writer;
    expect([...seen].sort()).toEqual([...created].sort());
  });
});
