import { describe, expect, it } from "vitest";
import { client, expectError, expectStatus, ok } from "../support/client";
import { adjustStock, merchant, orderBody, parcel, ship, stockOf } from "../support/merchant";
import { eventually, payloadOf, received, receiver } from "../support/receiver";

/*
 * Order lines as ERPs send them: their own line ids, and one SKU on several lines (a free
 * sample beside a paid line). Every line keeps a server id; shipments, returns, history and
 * events name the lines they touch.
 */

const SAMPLE = { line_id: "10", sku: "WIDGET-BLUE-M", quantity: 1, unit_price: "0.00" };
const PAID = { line_id: "20", sku: "WIDGET-BLUE-M", quantity: 3, unit_price: "19.99" };

const twoOfOneSku = (overrides = {}) =>
  orderBody({
    items: [
      { ...SAMPLE, currency: "AUD" },
      { ...PAID, currency: "AUD" },
    ],
    ...overrides,
  });

const lineOf = <T extends { line_id: string | null }>(order: { items: T[] }, lineId: string): T => {
  const line = order.items.find((i) => i.line_id === lineId);
  if (!line) throw new Error(`no line ${lineId}`);
  return line;
};

describe("line ids", () => {
  it("takes one SKU on two lines with the client's ids, each with its own server id", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const order = await ok(client(key).v1.orders.$post({ json: twoOfOneSku() }));
    expect(order.items).toMatchObject([
      { line_id: "10", sku: "WIDGET-BLUE-M", quantity: 1, unit_price: "0.00" },
      { line_id: "20", sku: "WIDGET-BLUE-M", quantity: 3, unit_price: "19.99" },
    ]);
    const [a, b] = order.items;
    expect(a?.id).toMatch(/^li_[0-9A-Za-z]{10}$/);
    expect(b?.id).toMatch(/^li_[0-9A-Za-z]{10}$/);
    expect(a?.id).not.toBe(b?.id);
    // Four units of one SKU are held, one demand per line.
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 4, available: 6 });

    // Server ids stay the line's for its life, through an amend and a read.
    const amended = await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { items: [{ line_id: "20", sku: "WIDGET-BLUE-M", quantity: 2 }, SAMPLE] },
      }),
    );
    expect(lineOf(amended, "20")).toMatchObject({ id: b?.id, quantity: 2, unit_price: "19.99" });
    expect(lineOf(amended, "10")).toMatchObject({ id: a?.id, quantity: 1 });
    const read = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(read.items.map((i) => i.id).sort()).toEqual([a?.id, b?.id].sort());
  });

  it("allocates and backorders each line whole, on its own", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 2 });
    const order = await ok(client(key).v1.orders.$post({ json: twoOfOneSku() }));
    // Two on the shelf: the sample line (1) fits, the paid line (3) waits whole.
    expect(order.status).toBe("backordered");
    expect(lineOf(order, "10")).toMatchObject({
      allocation_status: "allocated",
      allocated_quantity: 1,
    });
    expect(lineOf(order, "20")).toMatchObject({
      allocation_status: "backordered",
      allocated_quantity: 0,
    });
    expect(order.allocation_status).toBe("partially_allocated");
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 1, backordered: 3 });

    // Stock that arrives fills the waiting line, and the order's history says which line.
    await adjustStock(key, "WIDGET-BLUE-M", 5);
    const filled = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(filled.status).toBe("received");
    expect(lineOf(filled, "20")).toMatchObject({ allocation_status: "allocated" });
    const history = await ok(
      client(key).v1.orders[":id"].history.$get({ param: { id: order.id } }),
    );
    const change = history.data.find((e) => e.action === "allocation_changed");
    expect(change?.changes.items).toEqual([
      {
        id: lineOf(order, "20").id,
        line_id: "20",
        sku: "WIDGET-BLUE-M",
        quantity: 3,
        allocation: { from: "backordered", to: "allocated" },
      },
    ]);
  });

  it("refuses a line_id twice in one order, and an amend that cannot tell lines apart", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5 });
    expectError(
      await client(key).v1.orders.$post({
        json: orderBody({
          items: [
            { line_id: "1", sku: "WIDGET-BLUE-M", quantity: 1 },
            { line_id: "1", sku: "WIDGET-BLUE-M", quantity: 2 },
          ],
        }),
      }),
      422,
      "validation_error",
      "items[1].line_id",
    );
    const order = await ok(
      client(key).v1.orders.$post({
        json: orderBody({
          items: [
            { sku: "WIDGET-BLUE-M", quantity: 1 },
            { sku: "WIDGET-BLUE-M", quantity: 2 },
          ],
        }),
      }),
    );
    expect(order.items.map((i) => i.line_id)).toEqual([null, null]);
    // By SKU alone, neither item says which line it keeps.
    const ambiguous = await client(key).v1.orders[":id"].$patch({
      param: { id: order.id },
      json: { items: [{ sku: "WIDGET-BLUE-M", quantity: 5 }] },
    });
    const error = expectError(ambiguous, 422, "ambiguous_line", "items[0].line_id");
    expect(error.message).toContain("line_id");
    // The server's id names a line as well as the client's would.
    const [first, second] = order.items;
    const amended = await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: {
          items: [
            { line_id: first?.id, sku: "WIDGET-BLUE-M", quantity: 1 },
            { line_id: second?.id, sku: "WIDGET-BLUE-M", quantity: 4 },
          ],
        },
      }),
    );
    expect(amended.items).toMatchObject([
      { id: first?.id, line_id: null, quantity: 1 },
      { id: second?.id, line_id: null, quantity: 4 },
    ]);
    // A line_id keeps its SKU: changing it is a new line, not the same one.
    expectError(
      await client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { items: [{ line_id: first?.id, sku: "WIDGET-RED-S", quantity: 1 }] },
      }),
      422,
      "line_sku_mismatch",
      "items[0].sku",
    );
    // A line unchanged by SKU when it is the only one of its SKU: line ids are optional.
    const single = await ok(
      client(key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }] }),
      }),
    );
    const bySku = await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: single.id },
        json: { items: [{ sku: "WIDGET-BLUE-M", quantity: 2, line_id: "A" }] },
      }),
    );
    expect(bySku.items).toMatchObject([{ id: single.items[0]?.id, line_id: "A", quantity: 2 }]);
  });

  it("ships and returns by line, and by SKU where one line has it", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5 });
    const order = await ok(
      client(key).v1.orders.$post({
        json: twoOfOneSku({
          items: [
            { ...SAMPLE, currency: "AUD" },
            { ...PAID, currency: "AUD" },
            { line_id: "30", sku: "WIDGET-RED-S", quantity: 1 },
          ],
        }),
      }),
    );
    // The SKU is on two lines: an item must say which.
    expectError(
      await client(key).v1.ops.shipments.$post({
        json: {
          order_id: order.id,
          parcels: [parcel()],
          items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
        },
      }),
      422,
      "ambiguous_line",
      "items[0].line_id",
    );
    expectError(
      await client(key).v1.ops.shipments.$post({
        json: {
          order_id: order.id,
          parcels: [parcel()],
          items: [{ sku: "WIDGET-BLUE-M", line_id: "99", quantity: 1 }],
        },
      }),
      422,
      "line_not_found",
      "items[0].line_id",
    );
    expectError(
      await client(key).v1.ops.shipments.$post({
        json: {
          order_id: order.id,
          parcels: [parcel()],
          items: [{ sku: "WIDGET-BLUE-M", line_id: "10", quantity: 2 }],
        },
      }),
      422,
      "over_shipment",
      "items[0].quantity",
    );
    const first = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", line_id: "20", quantity: 2 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ]);
    expect(first.items).toEqual([
      {
        order_line_id: lineOf(order, "20").id,
        line_id: "20",
        sku: "WIDGET-BLUE-M",
        quantity: 2,
        serials: [],
        lots: [],
      },
      {
        order_line_id: lineOf(order, "30").id,
        line_id: "30",
        sku: "WIDGET-RED-S",
        quantity: 1,
        serials: [],
        lots: [],
      },
    ]);
    const partly = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(partly.status).toBe("partially_shipped");
    expect(partly.items.map((i) => [i.line_id, i.shipped_quantity, i.allocated_quantity])).toEqual([
      ["10", 0, 1],
      ["20", 2, 1],
      ["30", 1, 0],
    ]);
    // Stock left the shelf for the shipped units only; the rest of each line stays held.
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 8, allocated: 2 });

    // Returning by SKU: only line 20 shipped that SKU, so it is not ambiguous.
    const returned = await client(key).v1.ops.returns.$post({
      json: {
        order_id: order.id,
        warehouse_id: "wh_syd_1",
        items: [{ sku: "WIDGET-BLUE-M", quantity: 1, condition: "resellable", restocked: true }],
      },
    });
    expectStatus(returned, 201);
    expect(returned.body.items).toEqual([
      {
        order_line_id: lineOf(order, "20").id,
        line_id: "20",
        sku: "WIDGET-BLUE-M",
        quantity: 1,
        condition: "resellable",
        restocked: true,
        serials: [],
        lot: null,
      },
    ]);
    // Line 10 never shipped: nothing of it can come back, even by its line id.
    expectError(
      await client(key).v1.ops.returns.$post({
        json: {
          order_id: order.id,
          warehouse_id: "wh_syd_1",
          items: [
            {
              sku: "WIDGET-BLUE-M",
              line_id: "10",
              quantity: 1,
              condition: "damaged",
              restocked: false,
            },
          ],
        },
      }),
      422,
      "sku_not_shipped",
      "items[0].sku",
    );

    // The rest ships by line id, the client's or the server's.
    await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", line_id: "10", quantity: 1 },
      { sku: "WIDGET-BLUE-M", line_id: lineOf(order, "20").id, quantity: 1 },
    ]);
    const done = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(done.status).toBe("shipped");
    expect(done.items.map((i) => [i.line_id, i.shipped_quantity])).toEqual([
      ["10", 1],
      ["20", 3],
      ["30", 1],
    ]);
  });

  it("voids a shipment of two lines of one SKU back into each line's allocation", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const order = await ok(client(key).v1.orders.$post({ json: twoOfOneSku() }));
    const shipment = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", line_id: "10", quantity: 1 },
      { sku: "WIDGET-BLUE-M", line_id: "20", quantity: 3 },
    ]);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 6, allocated: 0 });
    const voided = await client(key).v1.ops.shipments[":id"].void.$post({
      param: { id: shipment.id },
    });
    expectStatus(voided, 200);
    const back = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(back.status).toBe("processing");
    expect(back.items.map((i) => [i.line_id, i.allocated_quantity, i.shipped_quantity])).toEqual([
      ["10", 1, 0],
      ["20", 3, 0],
    ]);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 10, allocated: 4 });
    // Each line ships again, once.
    await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", line_id: "20", quantity: 3 },
      { sku: "WIDGET-BLUE-M", line_id: "10", quantity: 1 },
    ]);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 6, allocated: 0 });
  });

  it("names every line in order and shipment events, as polled and as delivered", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const hook = await client(key).v1.webhooks.$post({
      json: { url: `${receiver}/ok/line-ids`, events: ["order.created", "shipment.created"] },
    });
    expectStatus(hook, 201);
    const order = await ok(client(key).v1.orders.$post({ json: twoOfOneSku() }));
    await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", line_id: "10", quantity: 1 }]);

    const events = await ok(client(key).v1.events.$get({ query: {} }));
    const dataOf = (type: string) =>
      events.data.find((e) => e.event_type === type)?.data as { items: unknown[] } | undefined;
    expect(dataOf("order.created")?.items).toMatchObject([
      { id: lineOf(order, "10").id, line_id: "10" },
      { id: lineOf(order, "20").id, line_id: "20" },
    ]);
    expect(dataOf("shipment.created")?.items).toEqual([
      {
        order_line_id: lineOf(order, "10").id,
        line_id: "10",
        sku: "WIDGET-BLUE-M",
        quantity: 1,
        serials: [],
        lots: [],
      },
    ]);

    const delivered = await eventually(
      () => received("line-ids"),
      (msgs) => msgs.length >= 2,
      "both deliveries",
    );
    const bodies = delivered.map(payloadOf);
    const delivery = bodies.find((b) => b.event_type === "shipment.created")?.data as
      | { items: { line_id: string }[] }
      | undefined;
    expect(delivery?.items[0]?.line_id).toBe("10");
  });

  it("takes a guide-shaped international order of one SKU on two lines end to end, every line named", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const hook = await client(key).v1.webhooks.$post({
      json: { url: `${receiver}/ok/line-ids-guide`, events: ["*"] },
    });
    expectStatus(hook, 201);
    const customs = {
      hs_code: "6109.10",
      country_of_origin: "CN",
      customs_value: { amount: "12.50", currency: "AUD" },
    };
    const order = await ok(
      client(key).v1.orders.$post({
        json: orderBody({
          ship_to: {
            name: "Jane Doe",
            email: "jane@example.com",
            phone: "+1 212 555 0100",
            address1: "350 Fifth Ave",
            city: "New York",
            state: "NY",
            postcode: "10118",
            country: "US",
          },
          billing_address: {
            address1: "1 Ledger Lane",
            city: "Melbourne",
            state: "VIC",
            postcode: "3000",
            country: "AU",
          },
          incoterms: "DDP",
          items: [
            { ...SAMPLE, currency: "AUD", ...customs },
            { ...PAID, currency: "AUD", ...customs },
          ],
        }),
      }),
    );
    expect(order.billing_address).toMatchObject({ city: "Melbourne", country: "AU" });
    expect(order.items).toMatchObject([
      { line_id: "10", hs_code: "610910", country_of_origin: "CN" },
      { line_id: "20", hs_code: "610910", country_of_origin: "CN" },
    ]);

    // Amend the paid line by its id; the sample line keeps everything it was not sent.
    const amended = await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: {
          items: [
            { line_id: "10", sku: "WIDGET-BLUE-M", quantity: 1 },
            { line_id: "20", sku: "WIDGET-BLUE-M", quantity: 2, hs_code: "6109.90" },
          ],
        },
      }),
    );
    expect(lineOf(amended, "10")).toMatchObject({ id: lineOf(order, "10").id, hs_code: "610910" });
    expect(lineOf(amended, "20")).toMatchObject({
      id: lineOf(order, "20").id,
      quantity: 2,
      hs_code: "610990",
      customs_value: { amount: "12.50", currency: "AUD" },
    });

    // Part ships: one unit of the paid line. Then it comes back.
    const shipment = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", line_id: "20", quantity: 1 },
    ]);
    expect(shipment.items).toEqual([
      {
        order_line_id: lineOf(order, "20").id,
        line_id: "20",
        sku: "WIDGET-BLUE-M",
        quantity: 1,
        serials: [],
        lots: [],
      },
    ]);
    const partly = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(partly.status).toBe("partially_shipped");
    const rma = await client(key).v1.returns.$post({
      json: {
        order_id: order.id,
        rma: `RMA-${order.id}`,
        items: [{ sku: "WIDGET-BLUE-M", line_id: "20", quantity: 1 }],
      },
    });
    expectStatus(rma, 201);
    expect(rma.body.expected_items).toEqual([
      { order_line_id: lineOf(order, "20").id, line_id: "20", sku: "WIDGET-BLUE-M", quantity: 1 },
    ]);

    // Every delivered order and shipment event names each line it carries.
    const delivered = await eventually(
      () => received("line-ids-guide"),
      (msgs) =>
        msgs.map(payloadOf).some((b) => b.event_type === "shipment.created") &&
        msgs.map(payloadOf).filter((b) => b.event_type === "order.updated").length >= 2,
      "the order's and the shipment's events",
    );
    const bodies = delivered.map(payloadOf);
    for (const body of bodies) {
      if (!body.event_type.startsWith("order.") && !body.event_type.startsWith("shipment.")) {
        continue;
      }
      const items = (body.data as { items: { line_id: string | null }[] }).items;
      expect(items.length, body.event_type).toBeGreaterThan(0);
      for (const item of items) expect(["10", "20"], body.event_type).toContain(item.line_id);
    }
  });
});
