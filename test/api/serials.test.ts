import { describe, expect, it } from "vitest";
import { client, expectError, expectStatus, ok } from "../support/client";
import { merchant, orderBody, othersOf, parcel, ship, stockOf } from "../support/merchant";

/*
 * Serial-tracked products (issue 23): a shipment lists one serial per unit, a serial is out
 * on one shipment at a time, a void or a return frees it, and GET /v1/serials tells where a
 * unit is.
 */

const TRACKED = "PHONE-X1";

/** A merchant whose PHONE-X1 is serial tracked, with stock of it and of a plain widget. */
async function serialMerchant() {
  const tenant = await merchant({ [TRACKED]: 10, "WIDGET-BLUE-M": 10 });
  const product = await ok(
    client(tenant.key).v1.products[":sku"].$patch({
      param: { sku: TRACKED },
      json: { serial_tracked: true },
    }),
  );
  expect(product.serial_tracked).toBe(true);
  return tenant;
}

const phoneOrder = async (key: string, quantity = 2) =>
  ok(client(key).v1.orders.$post({ json: orderBody({ items: [{ sku: TRACKED, quantity }] }) }));

const shipPhones = (key: string, orderId: string, serials?: string[], quantity = 2) =>
  client(key).v1.ops.shipments.$post({
    json: { order_id: orderId, parcels: [parcel()], items: [{ sku: TRACKED, quantity, serials }] },
  });

/** Path segments travel percent-encoded, as a partner's client sends them. */
const unit = (key: string, serial: string, sku = TRACKED) =>
  client(key).v1.serials[":sku"][":serial"].$get({
    param: { sku: encodeURIComponent(sku), serial: encodeURIComponent(serial) },
  });

describe("serial-tracked products", () => {
  it("are plain by default, and say so once set", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 0 });
    const plain = await ok(
      client(key).v1.products[":sku"].$get({ param: { sku: "WIDGET-BLUE-M" } }),
    );
    expect(plain.serial_tracked).toBe(false);
    const created = await client(key).v1.products.$post({
      json: { sku: "CAM-1", name: "Camera", serial_tracked: true },
    });
    expectStatus(created, 201);
    expect(created.body.serial_tracked).toBe(true);
  });
});

describe("POST /v1/ops/shipments with serials", () => {
  it("requires exactly one serial per unit of a serial-tracked product, and renders them", async () => {
    const { key } = await serialMerchant();
    const order = await phoneOrder(key);
    expectError(await shipPhones(key, order.id), 422, "serials_required", "items[0].serials");
    expectError(
      await shipPhones(key, order.id, ["SN-1"]),
      422,
      "serials_required",
      "items[0].serials",
    );
    expectError(
      await shipPhones(key, order.id, ["SN-1", "SN-2", "SN-3"]),
      422,
      "serials_required",
      "items[0].serials",
    );
    const shipped = await shipPhones(key, order.id, [" SN-1 ", "SN-2"]);
    expectStatus(shipped, 201);
    expect(shipped.body.items).toEqual([
      expect.objectContaining({ sku: TRACKED, quantity: 2, serials: ["SN-1", "SN-2"] }),
    ]);
    const read = await ok(client(key).v1.shipments[":id"].$get({ param: { id: shipped.body.id } }));
    expect(read.items[0]?.serials).toEqual(["SN-1", "SN-2"]);
    const events = await ok(
      client(key).v1.events.$get({ query: { type: "shipment.created", limit: "200" } }),
    );
    const created = events.data.find((e) => (e.data as { id?: string }).id === shipped.body.id);
    const data = created?.data as { items: { serials: string[] }[] } | undefined;
    expect(data?.items[0]?.serials).toEqual(["SN-1", "SN-2"]);
  });

  it("refuses serials for a product that is not serial tracked, and renders none", async () => {
    const { key } = await serialMerchant();
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const refused = await client(key).v1.ops.shipments.$post({
      json: {
        order_id: order.id,
        parcels: [parcel()],
        items: [{ sku: "WIDGET-BLUE-M", quantity: 2, serials: ["SN-1", "SN-2"] }],
      },
    });
    expectError(refused, 422, "serials_not_tracked", "items[0].serials");
    const shipped = await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 2 }]);
    expect(shipped.items[0]?.serials).toEqual([]);
  });

  it("refuses a serial named twice in one request, naming the repeat", async () => {
    const { key } = await serialMerchant();
    const order = await phoneOrder(key);
    const res = await shipPhones(key, order.id, ["SN-1", "SN-1"]);
    expectError(res, 422, "validation_error", "items[0].serials[1]");
  });

  it("refuses a serial already out, naming it, and moves nothing for the refused order", async () => {
    const { key } = await serialMerchant();
    const first = await phoneOrder(key);
    const second = await phoneOrder(key);
    expectStatus(await shipPhones(key, first.id, ["SN-1", "SN-2"]), 201);
    const before = await stockOf(key, TRACKED);
    const refused = await shipPhones(key, second.id, ["SN-3", "SN-2"]);
    const error = expectError(refused, 422, "serial_unavailable", "items[0].serials[1]");
    expect(error).toMatchObject({ sku: TRACKED, serial: "SN-2" });
    expect(await stockOf(key, TRACKED)).toEqual(before);
    const again = await ok(client(key).v1.orders[":id"].$get({ param: { id: second.id } }));
    expect(again.status).toBe("received");
    expect(again.shipments).toEqual([]);
    // The refused shipment let go of the serial it did not need.
    expectStatus(await shipPhones(key, second.id, ["SN-3", "SN-4"]), 201);
  });

  it("lets exactly one of two concurrent shipments take a serial; the other moves nothing", async () => {
    const { key } = await serialMerchant();
    const a = await phoneOrder(key, 1);
    const b = await phoneOrder(key, 1);
    const before = await stockOf(key, TRACKED);
    const results = await Promise.all([
      shipPhones(key, a.id, ["SN-RACE"], 1),
      shipPhones(key, b.id, ["SN-RACE"], 1),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const [won, lost] = results[0].status === 201 ? results : [results[1], results[0]];
    expectError(lost, 422, "serial_unavailable", "items[0].serials[0]");
    const winner = (won.body as { order_id: string }).order_id;
    const loser = winner === a.id ? b.id : a.id;
    const after = await stockOf(key, TRACKED);
    expect(after).toMatchObject({
      on_hand: (before?.on_hand ?? 0) - 1,
      allocated: (before?.allocated ?? 0) - 1,
    });
    const lostOrder = await ok(client(key).v1.orders[":id"].$get({ param: { id: loser } }));
    expect(lostOrder.status).toBe("received");
    expect(lostOrder.shipments).toEqual([]);
    const where = await ok(unit(key, "SN-RACE"));
    expect(where).toMatchObject({ status: "shipped", order_id: winner });
  });

  it("frees the serials of a voided shipment to ship again", async () => {
    const { key } = await serialMerchant();
    const first = await phoneOrder(key, 1);
    const second = await phoneOrder(key, 1);
    const shipped = await ok(shipPhones(key, first.id, ["SN-V"], 1));
    expectStatus(
      await client(key).v1.ops.shipments[":id"].void.$post({ param: { id: shipped.id } }),
      200,
    );
    expect(await ok(unit(key, "SN-V"))).toMatchObject({
      status: "in_stock",
      shipment_id: null,
      order_id: null,
    });
    const again = await ok(shipPhones(key, second.id, ["SN-V"], 1));
    const where = await ok(unit(key, "SN-V"));
    expect(where).toMatchObject({ status: "shipped", shipment_id: again.id, order_id: second.id });
    expect(where.history.map((m) => [m.movement, m.shipment_id])).toEqual([
      ["shipped", shipped.id],
      ["voided", shipped.id],
      ["shipped", again.id],
    ]);
  });
});

describe("the sandbox's floor", () => {
  it("ships a serial-tracked product with a serial per unit of its own", async () => {
    const { key } = await serialMerchant();
    const order = await phoneOrder(key, 3);
    const res = await client(key).v1.sandbox.orders[":id"].fulfill.$post({
      param: { id: order.id },
      json: {},
      header: {},
    });
    expectStatus(res, 201);
    const serials = res.body.items[0]?.serials ?? [];
    expect(serials).toHaveLength(3);
    expect(new Set(serials).size).toBe(3);
    for (const serial of serials) {
      expect(await ok(unit(key, serial))).toMatchObject({ status: "shipped", order_id: order.id });
    }
  });
});

describe("returns of serial-tracked units", () => {
  const recordReturn = (key: string, orderId: string, serials?: string[], quantity = 1) =>
    client(key).v1.ops.returns.$post({
      json: {
        order_id: orderId,
        warehouse_id: "wh_syd_1",
        items: [{ sku: TRACKED, quantity, condition: "resellable", restocked: true, serials }],
      },
    });

  it("name the serials they bring back, each shipped on the order, which may then ship again", async () => {
    const { key } = await serialMerchant();
    const order = await phoneOrder(key);
    const shipped = await ok(shipPhones(key, order.id, ["SN-R1", "SN-R2"]));
    const elsewhere = await phoneOrder(key, 1);
    await ok(shipPhones(key, elsewhere.id, ["SN-OTHER"], 1));

    expectError(await recordReturn(key, order.id), 422, "serials_required", "items[0].serials");
    expectError(
      await recordReturn(key, order.id, ["SN-OTHER"]),
      422,
      "serial_not_shipped",
      "items[0].serials[0]",
    );
    expectError(
      await recordReturn(key, order.id, ["SN-NEVER"]),
      422,
      "serial_not_shipped",
      "items[0].serials[0]",
    );
    const back = await recordReturn(key, order.id, ["SN-R2"]);
    expectStatus(back, 201);
    expect(back.body.items[0]?.serials).toEqual(["SN-R2"]);
    expectError(
      await recordReturn(key, order.id, ["SN-R2"]),
      422,
      "serial_not_shipped",
      "items[0].serials[0]",
    );

    const where = await ok(unit(key, "SN-R2"));
    expect(where).toMatchObject({
      sku: TRACKED,
      serial: "SN-R2",
      status: "returned",
      shipment_id: shipped.id,
      order_id: order.id,
      return_id: back.body.id,
    });
    expect(where.returned_at).toMatch(/Z$/);
    expect(where.history.map((m) => m.movement)).toEqual(["shipped", "returned"]);

    const next = await phoneOrder(key, 1);
    const reshipped = await ok(shipPhones(key, next.id, ["SN-R2"], 1));
    expect(await ok(unit(key, "SN-R2"))).toMatchObject({
      status: "shipped",
      shipment_id: reshipped.id,
      order_id: next.id,
      return_id: null,
    });
  });
});

describe("GET /v1/serials/{sku}/{serial}", () => {
  it("answers where a shipped unit is, and 404 for an unknown serial or another tenant's", async () => {
    const { key, shard } = await serialMerchant();
    const order = await phoneOrder(key, 1);
    const shipped = await ok(shipPhones(key, order.id, ["SN/1 A"], 1));
    const where = await ok(unit(key, "SN/1 A"));
    expect(where).toEqual({
      sku: TRACKED,
      serial: "SN/1 A",
      status: "shipped",
      shipment_id: shipped.id,
      order_id: order.id,
      shipped_at: expect.stringMatching(/Z$/),
      return_id: null,
      returned_at: null,
      history: [
        {
          movement: "shipped",
          occurred_at: where.shipped_at,
          shipment_id: shipped.id,
          order_id: order.id,
          return_id: null,
          receipt_id: null,
        },
      ],
    });
    expectError(await unit(key, "SN-NONE"), 404, "not_found");
    for (const other of await othersOf(shard)) {
      expectError(await unit(other.key, "SN/1 A"), 404, "not_found");
    }
  });
});

describe("serials at receipt", () => {
  const receipt = (
    key: string,
    asnId: string,
    items: { sku: string; received_quantity: number; serials?: string[] }[],
  ) =>
    client(key).v1.ops["inbound-shipments"][":id"].receipts.$post({
      param: { id: asnId },
      json: { items },
    });
  const asn = async (key: string) =>
    ok(
      client(key).v1["inbound-shipments"].$post({
        json: {
          reference: `ASN-${crypto.randomUUID().slice(0, 8)}`,
          warehouse_id: "wh_syd_1",
          items: [{ sku: TRACKED, expected_quantity: 3 }],
        },
      }),
    );

  it("records each unit received in stock, refuses a serial already in stock or out, and follows it out and back", async () => {
    const { key } = await serialMerchant();
    const first = await asn(key);
    expectError(
      await receipt(key, first.id, [{ sku: TRACKED, received_quantity: 2, serials: ["RX-1"] }]),
      422,
      "serials_required",
      "items[0].serials",
    );
    expectError(
      await receipt(key, first.id, [
        { sku: "WIDGET-BLUE-M", received_quantity: 1, serials: ["RX-9"] },
      ]),
      422,
      "serials_not_tracked",
      "items[0].serials",
    );
    expectStatus(
      await receipt(key, first.id, [
        { sku: TRACKED, received_quantity: 2, serials: ["RX-1", "RX-2"] },
      ]),
      200,
    );
    const received = await ok(unit(key, "RX-1"));
    expect(received).toMatchObject({ status: "in_stock", shipment_id: null, order_id: null });
    expect(received.history).toEqual([
      expect.objectContaining({
        movement: "received",
        order_id: null,
        shipment_id: null,
        receipt_id: expect.stringMatching(/^rcp_/),
      }),
    ]);
    // A serial names one unit: not twice in the warehouse.
    const second = await asn(key);
    expectError(
      await receipt(key, second.id, [
        { sku: TRACKED, received_quantity: 2, serials: ["RX-3", "RX-2"] },
      ]),
      422,
      "serial_unavailable",
      "items[0].serials[1]",
    );
    // Shipped, it is out: a receipt of it is refused until it comes back.
    const order = await phoneOrder(key, 1);
    await ok(shipPhones(key, order.id, ["RX-1"], 1));
    expect((await ok(unit(key, "RX-1"))).status).toBe("shipped");
    expectError(
      await receipt(key, second.id, [{ sku: TRACKED, received_quantity: 1, serials: ["RX-1"] }]),
      422,
      "serial_unavailable",
      "items[0].serials[0]",
    );
    const back = await client(key).v1.ops.returns.$post({
      json: {
        order_id: order.id,
        warehouse_id: "wh_syd_1",
        items: [
          {
            sku: TRACKED,
            quantity: 1,
            condition: "resellable",
            restocked: true,
            serials: ["RX-1"],
          },
        ],
      },
    });
    expectStatus(back, 201);
    expect((await ok(unit(key, "RX-1"))).history.map((m) => m.movement)).toEqual([
      "received",
      "shipped",
      "returned",
    ]);
    // Back in the warehouse: still one unit.
    expectError(
      await receipt(key, second.id, [{ sku: TRACKED, received_quantity: 1, serials: ["RX-1"] }]),
      422,
      "serial_unavailable",
      "items[0].serials[0]",
    );
    expectStatus(
      await receipt(key, second.id, [{ sku: TRACKED, received_quantity: 1, serials: ["RX-3"] }]),
      200,
    );
  });

  it("are numbered by the sandbox when it replenishes a serial-tracked product", async () => {
    const { key } = await serialMerchant();
    const res = await client(key).v1.sandbox.inventory.replenish.$post({
      json: { sku: TRACKED, warehouse_id: "wh_syd_1", quantity: 2 },
    });
    expectStatus(res, 201);
    expectError(
      await client(key).v1.sandbox.inventory.replenish.$post({
        json: { sku: TRACKED, warehouse_id: "wh_syd_1", quantity: 1001 },
      }),
      422,
      "too_many_serials",
      "quantity",
    );
    // Numbered after the ASN the sandbox announced.
    for (const n of [1, 2]) {
      expect((await ok(unit(key, `${res.body.reference}-${n}`))).status).toBe("in_stock");
    }
  });
});
