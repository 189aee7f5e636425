import { describe, expect, it } from "vitest";
import { chainHash, GENESIS_HASH } from "../../src/lib/hash-chain";
import {
  type Api,
  admin,
  client,
  expectError,
  expectStatus,
  ok,
  type QueryOf,
  raw,
  succeeded,
} from "../support/client";
import { bookmarkIn, tokenOf } from "../support/consistency";
import { adjustStock, merchant, orderBody, othersOf, SHIP_TO, stockOf } from "../support/merchant";
import { dataOf } from "../support/shards";

const CATALOG = { "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5, "GADGET-PRO": 0 };
const idem = () => ({ "idempotency-key": crypto.randomUUID() });

describe("POST /v1/orders", () => {
  it("creates an order in the guide's shape with lines, version and allocation", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const res = await client(key).v1.orders.$post({ json: body, header: idem() });
    expectStatus(res, 201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^ord_[A-Za-z0-9]{22}$/),
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
      // The guide's "+61 400 123 456", kept in E.164.
      ship_to: { ...body.ship_to, phone: "+61400123456" },
      billing_address: null,
      incoterms: null,
      tax_ids: [],
      ship_by: null,
      requested_delivery_date: null,
      items: [
        {
          id: expect.stringMatching(/^li_[0-9A-Za-z]{10}$/),
          line_id: null,
          sku: "WIDGET-BLUE-M",
          description: "Blue Widget — Medium",
          quantity: 2,
          unit_price: "19.99",
          currency: "AUD",
          allocation_status: "allocated",
          allocated_quantity: 2,
          shipped_quantity: 0,
          hs_code: null,
          country_of_origin: null,
          customs_value: null,
        },
      ],
      allocation_status: "allocated",
      hold_reason: null,
      cancel_reason: null,
      version: "1",
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
      cancelled_at: null,
      cancellation_request: null,
      shipments: [],
      archived: false,
    });
    expect(res.body.updated_at >= res.body.created_at).toBe(true);
    expect(res.headers.get("location")).toBe(`/v1/orders/${res.body.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    const got = await client(key).v1.orders[":id"].$get({ param: { id: res.body.id } });
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
    const byName = await client(key).v1.orders.$post({
      json: orderBody({ shipping_method_id: undefined, shipping_method: "parcel post" }),
    });
    expect(byName.body).toMatchObject({
      shipping_method_id: "sm_auspost_parcel",
      shipping_method: "Parcel Post",
    });
    const none = await client(key).v1.orders.$post({
      json: orderBody({ shipping_method_id: undefined }),
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
            { line_id: "1", sku: "WIDGET-BLUE-M", quantity: 1 },
            { line_id: "2", sku: "WIDGET-RED-S", quantity: 1 },
            { line_id: "1", sku: "WIDGET-BLUE-M", quantity: 2 },
          ],
        },
        "validation_error",
        "items[2].line_id",
      ],
      [
        { items: [{ line_id: "", sku: "WIDGET-BLUE-M", quantity: 1 }] },
        "validation_error",
        "items[0].line_id",
      ],
      [
        { items: [{ line_id: "x".repeat(65), sku: "WIDGET-BLUE-M", quantity: 1 }] },
        "validation_error",
        "items[0].line_id",
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
      const res = await raw("POST", "/v1/orders", {
        key,
        json: { ...orderBody(), ...override },
        headers: idem(),
      });
      expectError(res, 422, code, field);
    }
    expect((await ok(client(key).v1.orders.$get())).data).toEqual([]);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 0 });
  });
});

describe("exactly once", () => {
  it("replays a retried Idempotency-Key with 200 and Idempotent-Replayed", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const headers = idem();
    const first = await client(key).v1.orders.$post({ json: body, header: headers });
    const retry = await client(key).v1.orders.$post({ json: body, header: headers });
    expectStatus(first, 201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expectStatus(retry, 200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 2 });
  });

  it("rejects the same key with a different body: 422 idempotency_key_reused", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const headers = idem();
    await client(key).v1.orders.$post({ json: orderBody(), header: headers });
    const other = await client(key).v1.orders.$post({ json: orderBody(), header: headers });
    expectError(other, 422, "idempotency_key_reused", "Idempotency-Key");
    expect((await ok(client(key).v1.orders.$get())).data).toHaveLength(1);
  });

  it("dedupes on reference: same body returns the order, a different body is 409 naming it", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const first = await ok(client(key).v1.orders.$post({ json: body }));
    const again = await client(key).v1.orders.$post({ json: body, header: idem() });
    expectStatus(again, 200);
    expect(again.body.id).toBe(first.id);
    const changed = await client(key).v1.orders.$post({
      json: { ...body, packing_note: "Ring twice" },
    });
    const error = expectError(changed, 409, "duplicate_reference", "reference");
    expect(error.order_id).toBe(first.id);
    expect(error.message).toContain(first.id);
  });

  it("still knows a retry of an order whose claim kept the whole body hash", async () => {
    const { key, tenantId } = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const first = await ok(client(key).v1.orders.$post({ json: body }));
    // Claims made before they kept half the hash stored all 64 hex digits.
    const db = await dataOf(tenantId);
    const stored = await db
      .prepare("SELECT request_hash AS h FROM order_references WHERE order_id = ?")
      .bind(first.id)
      .first<{ h: string }>();
    expect(stored?.h).toMatch(/^[0-9a-f]{32}$/);
    await db
      .prepare("UPDATE order_references SET request_hash = request_hash || ? WHERE order_id = ?")
      .bind("0".repeat(32), first.id)
      .run();
    const again = await client(key).v1.orders.$post({ json: body });
    expectStatus(again, 200);
    expect(again.body.id).toBe(first.id);
    expectError(
      await client(key).v1.orders.$post({ json: { ...body, packing_note: "Ring twice" } }),
      409,
      "duplicate_reference",
      "reference",
    );
  });

  it("scopes references to the tenant", async () => {
    const a = await merchant({ "WIDGET-BLUE-M": 10 });
    const b = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const ra = await client(a.key).v1.orders.$post({ json: body });
    const rb = await client(b.key).v1.orders.$post({ json: body });
    expectStatus(ra, 201);
    expectStatus(rb, 201);
    expect(ra.body.id).not.toBe(rb.body.id);
  });

  it("creates one order from 25 concurrent POSTs with one key, and every 2xx names it", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 100 });
    const body = orderBody();
    const headers = idem();
    const results = await Promise.all(
      Array.from({ length: 25 }, () =>
        client(key).v1.orders.$post({ json: body, header: headers }),
      ),
    );
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.filter(succeeded).map((r) => r.body.id)).size).toBe(1);
    expect((await ok(client(key).v1.orders.$get())).data).toHaveLength(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 2, available: 98 });
  });

  it("creates one order from 25 concurrent POSTs with one reference and different keys", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 100 });
    const body = orderBody();
    const results = await Promise.all(
      Array.from({ length: 25 }, () => client(key).v1.orders.$post({ json: body, header: idem() })),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.filter(succeeded).map((r) => r.body.id)).size).toBe(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 2 });
  });
});

describe("allocation", () => {
  it("backorders a short line, keeps the allocated lines, and fills oldest first when stock arrives", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 1 });
    const mixed = await ok(
      client(key).v1.orders.$post({
        json: orderBody({
          items: [
            { sku: "WIDGET-BLUE-M", quantity: 3 },
            { sku: "WIDGET-RED-S", quantity: 2 },
          ],
        }),
      }),
    );
    expect(mixed.status).toBe("backordered");
    expect(mixed.allocation_status).toBe("partially_allocated");
    expect(mixed.items.map((i) => i.allocation_status)).toEqual(["allocated", "backordered"]);
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({
      on_hand: 1,
      allocated: 0,
      available: 1,
      backordered: 2,
    });

    await adjustStock(key, "WIDGET-RED-S", 1);
    const filled = await ok(client(key).v1.orders[":id"].$get({ param: { id: mixed.id } }));
    expect(filled.status).toBe("received");
    expect(filled.version).toBe("2");
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({
      on_hand: 2,
      allocated: 2,
      available: 0,
      backordered: 0,
    });
  });

  it("releases stock to available on cancel and hands it to waiting orders", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 2 });
    const first = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const waiting = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    expect([first.status, waiting.status]).toEqual(["received", "backordered"]);
    const cancelled = await client(key).v1.orders[":id"].cancel.$post({
      param: { id: first.id },
      json: { reason: "Customer changed mind" },
    });
    expectStatus(cancelled, 200);
    expect(cancelled.body).toMatchObject({
      status: "cancelled",
      cancel_reason: "Customer changed mind",
      allocation_status: "released",
      version: "2",
      cancelled_at: expect.any(String),
    });
    expect(
      (await ok(client(key).v1.orders[":id"].$get({ param: { id: waiting.id } }))).status,
    ).toBe("received");
    const third = await ok(
      client(key).v1.orders[":id"].cancel.$post({
        param: { id: waiting.id },
      }),
    );
    expect(third.status).toBe("cancelled");
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({
      on_hand: 2,
      allocated: 0,
      available: 2,
      backordered: 0,
    });
  });

  it("cancelling twice returns the same cancelled order", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 5 });
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const once = await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id } });
    const twice = await client(key).v1.orders[":id"].cancel.$post({
      param: { id: order.id },
      json: { reason: "again" },
    });
    expectStatus(twice, 200);
    expect(twice.body).toEqual(once.body);
  });
});

describe("PATCH /v1/orders/{id}", () => {
  it("changes only the fields sent, merging ship_to, and bumps the version", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const newAddress = {
      name: "Jane Doe",
      address1: "456 New Street",
      address2: "Unit 5",
      city: "Sydney",
      state: "NSW",
      postcode: "2010",
      country: "AU",
    };
    const res = await client(key).v1.orders[":id"].$patch({
      param: { id: order.id },
      json: { ship_to: newAddress, shipping_method_id: "sm_auspost_parcel" },
      header: { "if-match": '"1"' },
    });
    expectStatus(res, 200);
    expect(res.body).toEqual({
      ...order,
      // Guide §1: fields you don't send are left untouched, inside ship_to too.
      ship_to: { ...order.ship_to, ...newAddress },
      shipping_method_id: "sm_auspost_parcel",
      shipping_method: "Parcel Post",
      version: "2",
      updated_at: expect.any(String),
    });
    expect(res.headers.get("etag")).toBe('"2"');
    const noop = await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { packing_note: order.packing_note },
      }),
    );
    expect(noop.version).toBe("2");
  });

  it("replaces the lines and moves allocation by the difference", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5 });
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const res = await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: {
          items: [
            { sku: "WIDGET-BLUE-M", quantity: 1 },
            { sku: "WIDGET-RED-S", quantity: 3 },
          ],
        },
      }),
    );
    expect(res.items.map((i) => [i.sku, i.quantity, i.allocation_status])).toEqual([
      ["WIDGET-BLUE-M", 1, "allocated"],
      ["WIDGET-RED-S", 3, "allocated"],
    ]);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 1, available: 9 });
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({ allocated: 3, available: 2 });

    const dropped = await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { items: [{ sku: "WIDGET-RED-S", quantity: 3 }] },
      }),
    );
    expect(dropped.items).toHaveLength(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 0, available: 10 });
  });

  it("backorders a line raised beyond stock", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5 });
    const order = await ok(
      client(key).v1.orders.$post({
        json: orderBody({
          items: [
            { sku: "WIDGET-BLUE-M", quantity: 2 },
            { sku: "WIDGET-RED-S", quantity: 1 },
          ],
        }),
      }),
    );
    const res = await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: {
          items: [
            { sku: "WIDGET-BLUE-M", quantity: 2 },
            { sku: "WIDGET-RED-S", quantity: 8 },
          ],
        },
      }),
    );
    expect(res.status).toBe("backordered");
    expect(res.items[1]).toMatchObject({
      sku: "WIDGET-RED-S",
      quantity: 8,
      allocation_status: "backordered",
      allocated_quantity: 0,
    });
    expect(res.items[0]).toMatchObject({ allocation_status: "allocated" });
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({
      on_hand: 5,
      allocated: 0,
      available: 5,
      backordered: 8,
    });
  });

  it("409s a stale If-Match, 422s a warehouse change, 409s once picking started", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    await client(key).v1.orders[":id"].$patch({
      param: { id: order.id },
      json: { packing_note: "v2" },
    });
    const stale = await client(key).v1.orders[":id"].$patch({
      param: { id: order.id },
      json: { packing_note: "v3" },
      header: { "if-match": '"1"' },
    });
    expect(expectError(stale, 409, "version_conflict").current_version).toBe("2");
    expectError(
      await client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { packing_note: "x" },
        header: { "if-match": "yesterday" },
      }),
      400,
      "invalid_parameter",
      "if-match",
    );
    expectError(
      await client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { warehouse_id: "wh_mel_1" },
      }),
      422,
      "warehouse_change_not_allowed",
      "warehouse_id",
    );
    expectError(
      await client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { items: [{ sku: "NOPE", quantity: 1 }] },
      }),
      422,
      "unknown_sku",
      "items[0].sku",
    );

    const picking = await ok(
      client(key).v1.ops.orders[":id"]["start-picking"].$post({
        param: { id: order.id },
      }),
    );
    expect(picking.status).toBe("processing");
    const late = await client(key).v1.orders[":id"].$patch({
      param: { id: order.id },
      json: { packing_note: "too late" },
    });
    expect(expectError(late, 409, "too_late_to_amend").order_status).toBe("processing");
    const cancel = await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id } });
    expect(expectError(cancel, 409, "not_cancelable").order_status).toBe("processing");
    expect((await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }))).version).toBe(
      "3",
    );
  });
});

describe("operations", () => {
  it("holds, releases and starts picking with clean 409s for wrong states", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 2 });
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const held = await client(key).v1.ops.orders[":id"].hold.$post({
      param: { id: order.id },
      json: { reason: "Address check" },
    });
    expect(held.body).toMatchObject({
      status: "on_hold",
      hold_reason: "Address check",
      allocation_status: "allocated",
    });
    expectError(
      await client(key).v1.ops.orders[":id"]["start-picking"].$post({ param: { id: order.id } }),
      409,
      "order_on_hold",
    );
    expectError(
      await raw("POST", `/v1/ops/orders/${order.id}/hold`, { key, json: {} }),
      422,
      "validation_error",
      "reason",
    );
    const amended = await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { packing_note: "while held" },
      }),
    );
    expect(amended.status).toBe("on_hold");
    const released = await client(key).v1.ops.orders[":id"].release.$post({
      param: { id: order.id },
    });
    expect(released.body).toMatchObject({ status: "received", hold_reason: null });
    expectError(
      await client(key).v1.ops.orders[":id"].release.$post({ param: { id: order.id } }),
      409,
      "not_on_hold",
    );

    const waiting = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    expect(waiting.status).toBe("backordered");
    expectError(
      await client(key).v1.ops.orders[":id"]["start-picking"].$post({ param: { id: waiting.id } }),
      409,
      "not_allocated",
    );
    const cancelled = await ok(
      client(key).v1.orders[":id"].cancel.$post({ param: { id: waiting.id } }),
    );
    expectError(
      await client(key).v1.ops.orders[":id"].hold.$post({
        param: { id: cancelled.id },
        json: { reason: "x" },
      }),
      409,
      "not_holdable",
    );
    expectError(
      await client(key).v1.orders[":id"].$patch({
        param: { id: cancelled.id },
        json: { packing_note: "x" },
      }),
      409,
      "order_cancelled",
    );
  });

  it("lets a platform key operate any tenant's order, and needs warehouse:operate", async () => {
    const { key, tenantId } = await merchant({ "WIDGET-BLUE-M": 2 });
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const platform = await admin["api-keys"].$post({ json: {} });
    const picked = await ok(
      client(platform.body.key).v1.ops.orders[":id"]["start-picking"].$post({
        param: { id: order.id },
      }),
    );
    expect(picked.status).toBe("processing");
    const reader = await admin.tenants[":id"]["api-keys"].$post({
      param: { id: tenantId },
      json: { scopes: ["orders:read"] },
    });
    expectError(
      await client(reader.body.key).v1.ops.orders[":id"].hold.$post({
        param: { id: order.id },
        json: { reason: "x" },
      }),
      403,
      "insufficient_scope",
    );
    expectError(
      await client(reader.body.key).v1.orders.$post({ json: orderBody() }),
      403,
      "insufficient_scope",
    );
  });
});

describe("tenant isolation", () => {
  it("answers another tenant's order with 404 on every route, on its shard or another", async () => {
    const a = await merchant({ "WIDGET-BLUE-M": 5 });
    const order = await ok(client(a.key).v1.orders.$post({ json: orderBody() }));
    const others = await othersOf(a.shard);
    expect(others.map((o) => o.shard === a.shard)).toEqual([true, false]);
    for (const b of others) {
      expectError(
        await client(b.key).v1.orders[":id"].$get({ param: { id: order.id } }),
        404,
        "not_found",
      );
      expectError(
        await client(b.key).v1.orders[":id"].history.$get({ param: { id: order.id } }),
        404,
        "not_found",
      );
      expectError(
        await client(b.key).v1.orders[":id"].$patch({
          param: { id: order.id },
          json: { packing_note: "x" },
        }),
        404,
        "not_found",
      );
      expectError(
        await client(b.key).v1.orders[":id"].cancel.$post({ param: { id: order.id } }),
        404,
        "not_found",
      );
      expectError(
        await client(b.key).v1.ops.orders[":id"]["start-picking"].$post({
          param: { id: order.id },
        }),
        404,
        "not_found",
      );
      expectError(
        await client(b.key).v1.ops.orders[":id"].hold.$post({
          param: { id: order.id },
          json: { reason: "x" },
        }),
        404,
        "not_found",
      );
      expectError(
        await client(b.key).v1.ops.orders[":id"].release.$post({ param: { id: order.id } }),
        404,
        "not_found",
      );
      expect((await ok(client(b.key).v1.orders.$get())).data).toEqual([]);
    }
    expect(
      (await ok(client(a.key).v1.orders[":id"].$get({ param: { id: order.id } }))).status,
    ).toBe("received");
    expectError(
      await client(a.key).v1.orders[":id"].$get({ param: { id: "ord_doesnotexist" } }),
      404,
      "not_found",
    );
  });
});

describe("history", () => {
  it("records every transition with actor and a verifiable hash chain", async () => {
    const { key, tenantId } = await merchant({ "WIDGET-BLUE-M": 5 });
    const keys = await admin.tenants[":id"]["api-keys"].$get({ param: { id: tenantId } });
    const keyId = keys.body.data[0]?.id;
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    await client(key).v1.orders[":id"].$patch({
      param: { id: order.id },
      json: { packing_note: "Side door" },
    });
    await client(key).v1.ops.orders[":id"].hold.$post({
      param: { id: order.id },
      json: { reason: "Fraud check" },
    });
    await client(key).v1.orders[":id"].cancel.$post({
      param: { id: order.id },
      json: { reason: "Fraud" },
    });
    const res = await client(key).v1.orders[":id"].history.$get({ param: { id: order.id } });
    expectStatus(res, 200);
    const entries = res.body.data;
    expect(entries.map((e) => e.action)).toEqual(["created", "amended", "held", "cancelled"]);
    expect(entries.every((e) => e.actor === keyId)).toBe(true);
    expect(entries[1]?.changes).toEqual({
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
    const first = await ok(
      client(key).v1.orders.$post({ json: orderBody({ order_number: "SO-A" }) }),
    );
    const second = await ok(
      client(key).v1.orders.$post({ json: orderBody({ order_number: "SO-B" }) }),
    );
    const ids = async (query: QueryOf<Api["v1"]["orders"]["$get"]>) =>
      (await ok(client(key).v1.orders.$get({ query }))).data.map((o) => o.id);
    expect(await ids({ status: "backordered" })).toEqual([second.id]);
    expect(await ids({ order_number: "SO-A" })).toEqual([first.id]);
    expect(await ids({ reference: second.reference })).toEqual([second.id]);
    expect(await ids({ updated_since: second.updated_at })).toEqual([second.id]);
    await client(key).v1.orders[":id"].$patch({
      param: { id: first.id },
      json: { packing_note: "moved" },
    });
    expect(await ids({ updated_since: second.updated_at })).toEqual([second.id, first.id]);
    expectError(
      await raw("GET", "/v1/orders?status=lost", { key }),
      400,
      "invalid_parameter",
      "status",
    );
  });

  it("lists newest change first with order=desc, pages that way, and keeps a cursor to its own direction", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push(await ok(client(key).v1.orders.$post({ json: orderBody() })));
    }
    const [a, b, c] = made.map((o) => o.id);
    const list = (query: QueryOf<Api["v1"]["orders"]["$get"]>) =>
      ok(client(key).v1.orders.$get({ query }));
    // The default stays the poller's: oldest change first.
    expect((await list({})).data.map((o) => o.id)).toEqual([a, b, c]);
    const first = await list({ order: "desc", limit: 2 });
    expect(first.data.map((o) => o.id)).toEqual([c, b]);
    const cursor = first.pagination.next_cursor ?? "";
    const second = await list({ order: "desc", limit: 2, cursor });
    expect(second.data.map((o) => o.id)).toEqual([a]);
    expect(second.pagination.has_more).toBe(false);
    // A change moves an order to the newest end.
    await ok(
      client(key).v1.orders[":id"].$patch({ param: { id: a ?? "" }, json: { packing_note: "x" } }),
    );
    expect((await list({ order: "desc" })).data.map((o) => o.id)).toEqual([a, c, b]);
    // Walked the other way, the cursor would skip or repeat rows: it is refused.
    expectError(
      await raw("GET", `/v1/orders?cursor=${encodeURIComponent(cursor)}`, { key }),
      400,
      "invalid_cursor",
      "cursor",
    );
    expectError(
      await raw("GET", "/v1/orders?order=newest", { key }),
      400,
      "invalid_parameter",
      "order",
    );
  });

  it("pages with limit 7 while orders are created, never repeating and finally seeing all", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 1000 });
    const created: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 40; i++) {
        const res = await ok(client(key).v1.orders.$post({ json: orderBody() }));
        created.push(res.id);
      }
      writing = false;
    })();
    const seen = new Set<string>();
    let mark: string | undefined;
    while (writing || mark === undefined || seen.size < created.length) {
      let cursor: string | null = null;
      const walk = new Set<string>();
      do {
        const res = await client(key).v1.orders.$get({
          query: { limit: 7, updated_since: mark, cursor: cursor ?? undefined },
        });
        expectStatus(res, 200);
        // Read in a session: the next page starts from the state this one reached.
        if (cursor) expect((await tokenOf(res)) >= (await bookmarkIn(cursor))).toBe(true);
        for (const o of res.body.data) {
          expect(walk.has(o.id), `repeat of ${o.id} within one walk`).toBe(false);
          walk.add(o.id);
          seen.add(o.id);
          if (!mark || o.updated_at > mark) mark = o.updated_at;
        }
        cursor = res.body.pagination.next_cursor;
        if (cursor) expect(await bookmarkIn(cursor)).toBe(await tokenOf(res));
      } while (cursor);
      if (!writing && seen.size >= created.length) break;
    }
    await writer;
    expect([...seen].sort()).toEqual([...created].sort());
  });
});
