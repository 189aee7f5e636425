import { createScheduledController, env } from "cloudflare:test";
import { assert, describe, expect, it } from "vitest";
import type { z } from "zod";
import worker from "../../src/index";
import type { CreateOrder } from "../../src/orders/orders.schemas";
import type { CreateReturn, ReceiveReturn, RecordReturn } from "../../src/returns/returns.routes";
import { admin, client, expectError, expectStatus, ok, raw, succeeded } from "../support/client";
import { failWrites } from "../support/faults";
import { createKey, merchant, orderBody, ship, stockOf } from "../support/merchant";
import { received as deliveries, eventually, payloadOf, receiver } from "../support/receiver";
import { dataOf } from "../support/shards";

/*
 * Customer returns (guide §5c), through HTTP as the ERP and the floor use them: an RMA
 * announced then received, or a return recorded as it arrives, always checked against
 * what the order shipped; restocked units reach on_hand and waiting orders.
 */

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const idem = () => ({ "idempotency-key": crypto.randomUUID() });

type Line = { sku: string; quantity: number };
type RmaInput = Omit<z.input<typeof CreateReturn>, "rma"> & { rma?: string };
type ReceivedItems = z.input<typeof ReceiveReturn>["items"];
type RecordInput = Omit<z.input<typeof RecordReturn>, "warehouse_id"> & { warehouse_id?: string };
type Header = { "idempotency-key"?: string };

/** An order of `items` in wh_syd_1, shipped whole. */
async function shippedOrder(
  key: string,
  items: Line[],
  overrides: Partial<z.input<typeof CreateOrder>> = {},
) {
  const order = await client(key).v1.orders.$post({ json: orderBody({ items, ...overrides }) });
  expectStatus(order, 201);
  await ship(key, order.body.id, items);
  return order.body;
}

const rma = (key: string, body: RmaInput, header: Header = {}) =>
  client(key).v1.returns.$post({
    json: { rma: `RMA-${crypto.randomUUID()}`, ...body },
    header,
  });

const receive = (key: string, id: string, items: ReceivedItems, header: Header = {}) =>
  client(key).v1.ops.returns[":id"].receive.$post({ param: { id }, json: { items }, header });

const record = (key: string, body: RecordInput, header: Header = {}) =>
  client(key).v1.ops.returns.$post({ json: { warehouse_id: "wh_syd_1", ...body }, header });

const processReturn = (key: string, id: string, header: Header = {}) =>
  client(key).v1.ops.returns[":id"].process.$post({ param: { id }, header });

const resellable = (sku: string, quantity = 1) => ({
  sku,
  quantity,
  condition: "resellable" as const,
  restocked: true,
});
const damaged = (sku: string, quantity = 1) => ({
  sku,
  quantity,
  condition: "damaged" as const,
  restocked: false,
});

const byId = (x: { id?: unknown }, y: { id?: unknown }) => String(x.id).localeCompare(String(y.id));

describe("guide §5c", () => {
  it("gives the guide's example back: the return received, per-item condition and restocked", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 10 });
    const order = await shippedOrder(
      key,
      [
        { sku: "WIDGET-BLUE-M", quantity: 1 },
        { sku: "WIDGET-RED-S", quantity: 1 },
      ],
      { order_number: "SO-100423" },
    );
    const since = new Date().toISOString();
    const created = await client(key).v1.returns.$post({
      json: {
        order_id: order.id,
        rma: "RMA-100423",
        items: [
          { sku: "WIDGET-BLUE-M", quantity: 1 },
          { sku: "WIDGET-RED-S", quantity: 1 },
        ],
      },
    });
    expectStatus(created, 201);
    const received = await receive(key, created.body.id, [
      { sku: "WIDGET-BLUE-M", quantity: 1, condition: "resellable", restocked: true },
      { sku: "WIDGET-RED-S", quantity: 1, condition: "damaged", restocked: false },
    ]);
    expectStatus(received, 200);

    const polled = await client(key).v1.returns.$get({ query: { updated_since: since } });
    expectStatus(polled, 200);
    expect(polled.body.data).toHaveLength(1);
    expect(polled.body.data[0]).toMatchObject({
      id: expect.stringMatching(/^ret_/),
      order_id: order.id,
      order_number: "SO-100423",
      rma: "RMA-100423",
      status: "received",
      received_at: expect.stringMatching(ISO_MS),
      warehouse_id: "wh_syd_1",
      items: [
        { sku: "WIDGET-BLUE-M", quantity: 1, condition: "resellable", restocked: true },
        { sku: "WIDGET-RED-S", quantity: 1, condition: "damaged", restocked: false },
      ],
    });
    expect(polled.body.data[0]).toEqual(received.body);
    expect(polled.body.pagination).toEqual({ next_cursor: null, has_more: false });
    // Only the resellable unit went back on the shelf.
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 10, available: 10 });
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({ on_hand: 9, available: 9 });
  });
});

describe("pre-authorised returns (RMAs)", () => {
  it("creates an expected return in the order's warehouse, then receives it", async () => {
    const { key } = await merchant({ "RMA-A": 10, "RMA-B": 10 });
    const order = await shippedOrder(key, [
      { sku: "RMA-A", quantity: 3 },
      { sku: "RMA-B", quantity: 1 },
    ]);
    const created = await rma(key, {
      order_id: order.id,
      items: [{ sku: "RMA-A", quantity: 2 }],
      reason: "Too small",
    });
    expectStatus(created, 201);
    expect(created.headers.get("location")).toBe(`/v1/returns/${created.body.id}`);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^ret_[A-Za-z0-9]{22}$/),
      order_id: order.id,
      order_number: order.order_number,
      rma: expect.stringMatching(/^RMA-/),
      status: "expected",
      received_at: null,
      warehouse_id: "wh_syd_1",
      items: [
        {
          order_line_id: expect.stringMatching(/^li_/),
          line_id: null,
          sku: "RMA-A",
          quantity: 2,
          condition: null,
          restocked: null,
          serials: [],
          lot: null,
        },
      ],
      expected_items: [
        { order_line_id: expect.stringMatching(/^li_/), line_id: null, sku: "RMA-A", quantity: 2 },
      ],
      reason: "Too small",
      processed_at: null,
      version: "1",
      created_at: expect.stringMatching(ISO_MS),
      updated_at: expect.stringMatching(ISO_MS),
      archived: false,
    });
    const id = created.body.id;
    expect((await client(key).v1.returns[":id"].$get({ param: { id } })).body).toEqual(
      created.body,
    );
    // Expected units are not stock yet.
    expect(await stockOf(key, "RMA-A")).toMatchObject({ on_hand: 7 });

    // What arrived differs from the RMA: the return shows what arrived, and keeps what was authorised.
    const received = await receive(key, id, [
      resellable("RMA-A", 1),
      damaged("RMA-A", 1),
      damaged("RMA-B", 1),
    ]);
    expectStatus(received, 200);
    expect(received.body).toMatchObject({
      status: "received",
      received_at: expect.stringMatching(ISO_MS),
      items: [
        { sku: "RMA-A", quantity: 1, condition: "resellable", restocked: true },
        { sku: "RMA-A", quantity: 1, condition: "damaged", restocked: false },
        { sku: "RMA-B", quantity: 1, condition: "damaged", restocked: false },
      ],
      expected_items: [{ sku: "RMA-A", quantity: 2 }],
      version: "2",
      created_at: created.body.created_at,
    });
    expect(received.body.received_at).toBe(received.body.updated_at);
    expect(await stockOf(key, "RMA-A")).toMatchObject({ on_hand: 8 });
    expect(await stockOf(key, "RMA-B")).toMatchObject({ on_hand: 9 });

    // The same receipt again is a repeat; another one is refused.
    const again = await receive(key, id, [
      resellable("RMA-A", 1),
      damaged("RMA-A", 1),
      damaged("RMA-B", 1),
    ]);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(received.body);
    const other = await receive(key, id, [resellable("RMA-A", 1)]);
    expect(expectError(other, 409, "already_received").return_status).toBe("received");
    expect(await stockOf(key, "RMA-A")).toMatchObject({ on_hand: 8 });
  });

  it("anchors a create on its rma: replays, reused keys and duplicate rmas", async () => {
    const { key } = await merchant({ "ANCHOR-1": 10 });
    const returns = client(key).v1.returns;
    const order = await shippedOrder(key, [{ sku: "ANCHOR-1", quantity: 4 }]);
    const body = {
      order_id: order.id,
      rma: `RMA-${crypto.randomUUID()}`,
      warehouse_id: "wh_mel_1",
      items: [{ sku: "ANCHOR-1", quantity: 1 }],
    };
    const header = idem();
    const first = await returns.$post({ json: body, header });
    expectStatus(first, 201);
    expect(first.body.warehouse_id).toBe("wh_mel_1");

    // The same key and rma are a retry even when the rebuilt body differs.
    const retry = await returns.$post({ header, json: { ...body, reason: "added on retry" } });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);

    const reused = await returns.$post({
      header,
      json: { ...body, rma: `RMA-${crypto.randomUUID()}` },
    });
    expect(expectError(reused, 422, "idempotency_key_reused", "Idempotency-Key").resource_id).toBe(
      first.body.id,
    );

    // Without a key the rma decides: the same body replays, another conflicts.
    const same = await returns.$post({ json: body });
    expectStatus(same, 200);
    expect(same.body.id).toBe(first.body.id);
    const different = await returns.$post({
      json: { ...body, items: [{ sku: "ANCHOR-1", quantity: 2 }] },
    });
    expect(expectError(different, 409, "duplicate_rma", "rma").return_id).toBe(first.body.id);
    const freshKey = await returns.$post({
      header: idem(),
      json: { ...body, items: [{ sku: "ANCHOR-1", quantity: 2 }] },
    });
    expectError(freshKey, 409, "duplicate_rma", "rma");

    // A refused create frees its key for the corrected request.
    const refusedHeader = idem();
    const refused = await returns.$post({
      header: refusedHeader,
      json: { ...body, rma: "RMA-FIXED", items: [{ sku: "ANCHOR-1", quantity: 5 }] },
    });
    expectError(refused, 422, "over_return", "items[0].quantity");
    const fixed = await returns.$post({
      header: refusedHeader,
      json: { ...body, rma: "RMA-FIXED", items: [{ sku: "ANCHOR-1", quantity: 4 }] },
    });
    expectStatus(fixed, 201);

    const listed = await ok(returns.$get({ query: { order_id: order.id } }));
    expect(listed.data.map((r) => r.id)).toEqual([first.body.id, fixed.body.id]);
  });

  it("gives one return to concurrent creates of one rma", async () => {
    const { key } = await merchant({ "ANCHOR-2": 10 });
    const returns = client(key).v1.returns;
    const order = await shippedOrder(key, [{ sku: "ANCHOR-2", quantity: 2 }]);
    const body = {
      order_id: order.id,
      rma: `RMA-${crypto.randomUUID()}`,
      items: [{ sku: "ANCHOR-2", quantity: 2 }],
    };
    const header = idem();
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => returns.$post({ json: body, header })),
      ...Array.from({ length: 4 }, () => returns.$post({ json: body })),
    ]);
    for (const r of results) expect([200, 201], JSON.stringify(r.body)).toContain(r.status);
    expect(new Set(results.filter(succeeded).map((r) => r.body.id)).size).toBe(1);
    const listed = await ok(returns.$get({ query: { order_id: order.id } }));
    expect(listed.data).toHaveLength(1);
    expect(listed.data[0]?.items).toHaveLength(1);
  });
});

describe("unannounced returns and processing", () => {
  it("records a return that arrived without an RMA as received at once", async () => {
    const { key } = await merchant({ "UNANN-1": 5 });
    const order = await shippedOrder(key, [{ sku: "UNANN-1", quantity: 2 }]);
    const res = await record(key, {
      order_id: order.id,
      items: [resellable("UNANN-1", 2)],
      reason: "Parcel refused at the door",
    });
    expectStatus(res, 201);
    expect(res.headers.get("location")).toBe(`/v1/returns/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^ret_/),
      order_id: order.id,
      order_number: order.order_number,
      rma: null,
      status: "received",
      received_at: res.body.created_at,
      warehouse_id: "wh_syd_1",
      items: [
        {
          order_line_id: expect.stringMatching(/^li_/),
          line_id: null,
          sku: "UNANN-1",
          quantity: 2,
          condition: "resellable",
          restocked: true,
          serials: [],
          lot: null,
        },
      ],
      expected_items: [],
      reason: "Parcel refused at the door",
      processed_at: null,
      version: "1",
      created_at: expect.stringMatching(ISO_MS),
      updated_at: res.body.created_at,
      archived: false,
    });
    expect(await stockOf(key, "UNANN-1")).toMatchObject({ on_hand: 5 });
  });

  it("keeps an rma given on the floor unique with the RMAs", async () => {
    const { key } = await merchant({ "UNANN-2": 5 });
    const order = await shippedOrder(key, [{ sku: "UNANN-2", quantity: 3 }]);
    const announced = await ok(
      rma(key, {
        order_id: order.id,
        items: [{ sku: "UNANN-2", quantity: 1 }],
      }),
    );
    const clash = await record(key, {
      order_id: order.id,
      rma: announced.rma ?? undefined,
      items: [damaged("UNANN-2")],
    });
    expect(expectError(clash, 409, "duplicate_rma", "rma").return_id).toBe(announced.id);
    const own = await record(key, {
      order_id: order.id,
      rma: "RMA-FLOOR-1",
      items: [damaged("UNANN-2")],
    });
    expectStatus(own, 201);
    expect(own.body.rma).toBe("RMA-FLOOR-1");
    const taken = await rma(key, {
      order_id: order.id,
      rma: "RMA-FLOOR-1",
      items: [{ sku: "UNANN-2", quantity: 1 }],
    });
    expect(expectError(taken, 409, "duplicate_rma", "rma").return_id).toBe(own.body.id);
    // A floor return was made by no request: a keyed create is not a retry of it.
    const keyed = await rma(
      key,
      { order_id: order.id, rma: "RMA-FLOOR-1", items: [{ sku: "UNANN-2", quantity: 1 }] },
      idem(),
    );
    expect(expectError(keyed, 409, "duplicate_rma", "rma").return_id).toBe(own.body.id);
  });

  it("processes a received return once, never an expected one", async () => {
    const { key } = await merchant({ "PROC-1": 5 });
    const order = await shippedOrder(key, [{ sku: "PROC-1", quantity: 1 }]);
    const created = await ok(
      rma(key, { order_id: order.id, items: [{ sku: "PROC-1", quantity: 1 }] }),
    );
    const early = await processReturn(key, created.id);
    expect(expectError(early, 409, "not_received").return_status).toBe("expected");

    await receive(key, created.id, [damaged("PROC-1")]);
    const processed = await processReturn(key, created.id);
    expectStatus(processed, 200);
    expect(processed.body).toMatchObject({
      status: "processed",
      processed_at: expect.stringMatching(ISO_MS),
      version: "3",
      items: [{ sku: "PROC-1", quantity: 1, condition: "damaged", restocked: false }],
    });
    expect(processed.body.processed_at).toBe(processed.body.updated_at);
    const twice = await processReturn(key, created.id);
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual(processed.body);
    expectError(await receive(key, created.id, [resellable("PROC-1")]), 409, "already_received");
    const listed = await ok(
      client(key).v1.returns.$get({ query: { status: "processed", order_id: order.id } }),
    );
    expect(listed.data).toEqual([processed.body]);
  });
});

describe("returns are checked against what shipped", () => {
  it("refuses more than shipped minus returned, naming the line", async () => {
    const { key } = await merchant({ "OVER-1": 10, "OVER-2": 10 });
    const order = await shippedOrder(key, [
      { sku: "OVER-1", quantity: 2 },
      { sku: "OVER-2", quantity: 1 },
    ]);
    const over = await record(key, { order_id: order.id, items: [resellable("OVER-1", 3)] });
    expect(expectError(over, 422, "over_return", "items[0].quantity")).toMatchObject({
      sku: "OVER-1",
      shipped: 2,
      returned: 0,
    });
    // Lines of one SKU add up.
    expectError(
      await record(key, {
        order_id: order.id,
        items: [damaged("OVER-2"), resellable("OVER-1", 2), damaged("OVER-1")],
      }),
      422,
      "over_return",
      "items[2].quantity",
    );
    expectError(
      await rma(key, { order_id: order.id, items: [{ sku: "OVER-1", quantity: 3 }] }),
      422,
      "over_return",
      "items[0].quantity",
    );

    expect((await record(key, { order_id: order.id, items: [damaged("OVER-1")] })).status).toBe(
      201,
    );
    const second = await record(key, { order_id: order.id, items: [damaged("OVER-1", 2)] });
    expect(expectError(second, 422, "over_return", "items[0].quantity")).toMatchObject({
      shipped: 2,
      returned: 1,
    });
    // An RMA does not hold units back until it is received, but its receipt is checked.
    const first = await ok(
      rma(key, { order_id: order.id, items: [{ sku: "OVER-1", quantity: 1 }] }),
    );
    const rival = await ok(
      rma(key, { order_id: order.id, items: [{ sku: "OVER-1", quantity: 1 }] }),
    );
    expect((await receive(key, first.id, [damaged("OVER-1")])).status).toBe(200);
    expectError(
      await receive(key, rival.id, [damaged("OVER-1")]),
      422,
      "over_return",
      "items[0].quantity",
    );
    expect((await ok(client(key).v1.returns[":id"].$get({ param: { id: rival.id } }))).status).toBe(
      "expected",
    );
    expect(await stockOf(key, "OVER-1")).toMatchObject({ on_hand: 8 });
  });

  it("counts only live shipments", async () => {
    const { key } = await merchant({ "VOID-1": 10 });
    const order = await ok(
      client(key).v1.orders.$post({ json: orderBody({ items: [{ sku: "VOID-1", quantity: 3 }] }) }),
    );
    await ship(key, order.id, [{ sku: "VOID-1", quantity: 1 }]);
    const voided = await ship(key, order.id, [{ sku: "VOID-1", quantity: 2 }]);
    await client(key).v1.ops.shipments[":id"].void.$post({ param: { id: voided.id } });
    expectError(
      await record(key, { order_id: order.id, items: [damaged("VOID-1", 2)] }),
      422,
      "over_return",
      "items[0].quantity",
    );
    expect((await record(key, { order_id: order.id, items: [damaged("VOID-1")] })).status).toBe(
      201,
    );
  });

  it("refuses zero and negative quantities, SKUs that never shipped and unknown references", async () => {
    const { key } = await merchant({ "CHECK-1": 10, "CHECK-2": 10 });
    const order = await shippedOrder(key, [{ sku: "CHECK-1", quantity: 2 }]);
    for (const quantity of [0, -1, 1.5]) {
      expectError(
        await record(key, {
          order_id: order.id,
          items: [{ ...damaged("CHECK-1"), quantity }],
        }),
        422,
        "validation_error",
        "items[0].quantity",
      );
      expectError(
        await rma(key, { order_id: order.id, items: [{ sku: "CHECK-1", quantity }] }),
        422,
        "validation_error",
        "items[0].quantity",
      );
    }
    // CHECK-2 is in the catalog but was never on this order; NOPE is not even a product.
    for (const sku of ["CHECK-2", "NOPE"]) {
      expectError(
        await record(key, { order_id: order.id, items: [damaged("CHECK-1"), damaged(sku)] }),
        422,
        "sku_not_shipped",
        "items[1].sku",
      );
      expectError(
        await rma(key, { order_id: order.id, items: [{ sku, quantity: 1 }] }),
        422,
        "sku_not_shipped",
        "items[0].sku",
      );
    }
    const unshipped = await ok(
      client(key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "CHECK-2", quantity: 1 }] }),
      }),
    );
    expectError(
      await rma(key, { order_id: unshipped.id, items: [{ sku: "CHECK-2", quantity: 1 }] }),
      422,
      "sku_not_shipped",
      "items[0].sku",
    );
    for (const res of [
      await rma(key, { order_id: "ord_unknown", items: [{ sku: "CHECK-1", quantity: 1 }] }),
      await record(key, { order_id: "ord_unknown", items: [damaged("CHECK-1")] }),
    ]) {
      expectError(res, 422, "unknown_order", "order_id");
    }
    expectError(
      await rma(key, {
        order_id: order.id,
        warehouse_id: "wh_nowhere",
        items: [{ sku: "CHECK-1", quantity: 1 }],
      }),
      422,
      "invalid_warehouse",
      "warehouse_id",
    );
    expectError(
      await record(key, {
        order_id: order.id,
        warehouse_id: "wh_nowhere",
        items: [damaged("CHECK-1")],
      }),
      422,
      "invalid_warehouse",
      "warehouse_id",
    );
    expectError(
      // A condition the schema does not know.
      await raw("POST", "/v1/ops/returns", {
        key,
        json: {
          warehouse_id: "wh_syd_1",
          order_id: order.id,
          items: [{ ...damaged("CHECK-1"), condition: "smelly" }],
        },
      }),
      422,
      "validation_error",
      "items[0].condition",
    );
    // Lines of one SKU add up: two that together exceed what shipped are one over-return.
    expectError(
      await rma(key, {
        order_id: order.id,
        items: [
          { sku: "CHECK-1", quantity: 2 },
          { sku: "CHECK-1", quantity: 1 },
        ],
      }),
      422,
      "over_return",
      "items[0].quantity",
    );
    expect((await ok(client(key).v1.returns.$get())).data).toEqual([]);
  });
});

describe("returned stock", () => {
  it("puts restocked units on hand and fills a waiting order; other units land in damaged stock", async () => {
    const { key } = await merchant({ "RESTOCK-1": 3 });
    const shipped = await shippedOrder(key, [{ sku: "RESTOCK-1", quantity: 3 }]);
    const waiting = await ok(
      client(key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "RESTOCK-1", quantity: 1 }] }),
      }),
    );
    const param = { id: waiting.id };
    expect(waiting.status).toBe("backordered");
    expect(await stockOf(key, "RESTOCK-1")).toMatchObject({ on_hand: 0, backordered: 1 });

    const res = await record(key, {
      order_id: shipped.id,
      items: [
        damaged("RESTOCK-1"),
        { sku: "RESTOCK-1", quantity: 1, condition: "defective", restocked: false },
      ],
    });
    expectStatus(res, 201);
    expect(await stockOf(key, "RESTOCK-1")).toMatchObject({
      on_hand: 0,
      backordered: 1,
      damaged: 2,
    });
    expect((await ok(client(key).v1.orders[":id"].$get({ param }))).status).toBe("backordered");

    const back = await record(key, { order_id: shipped.id, items: [resellable("RESTOCK-1")] });
    expectStatus(back, 201);
    expect(await stockOf(key, "RESTOCK-1")).toEqual({
      warehouse_id: "wh_syd_1",
      on_hand: 1,
      allocated: 1,
      available: 0,
      incoming: 0,
      backordered: 0,
      quarantine: 0,
      damaged: 2,
      expired: 0,
    });
    expect((await client(key).v1.orders[":id"].$get({ param })).body).toMatchObject({
      status: "received",
      version: "2",
    });
  });

  it("restocks into the return's warehouse, which may not be the order's", async () => {
    const { key } = await merchant({ "RESTOCK-2": 2 });
    const order = await shippedOrder(key, [{ sku: "RESTOCK-2", quantity: 2 }]);
    const res = await record(key, {
      order_id: order.id,
      warehouse_id: "wh_mel_1",
      items: [resellable("RESTOCK-2")],
    });
    expectStatus(res, 201);
    expect(await stockOf(key, "RESTOCK-2", "wh_mel_1")).toMatchObject({ on_hand: 1 });
    expect(await stockOf(key, "RESTOCK-2", "wh_syd_1")).toMatchObject({ on_hand: 0 });
  });

  it("finishes a return's stock in the cron when it was committed but never reached the shelf", async () => {
    const { key, tenantId } = await merchant({ "SWEEP-1": 2 });
    const shard = await dataOf(tenantId);
    const shipped = await shippedOrder(key, [{ sku: "SWEEP-1", quantity: 2 }]);
    const waiting = await ok(
      client(key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "SWEEP-1", quantity: 1 }] }),
      }),
    );
    // A crash between the commit and the stock: the stock object's write fails.
    const fault = await failWrites(
      "injected_return_stock_failure",
      "BEFORE INSERT ON stock_movements WHEN NEW.sku = 'SWEEP-1'",
    );
    const res = await record(key, { order_id: shipped.id, items: [resellable("SWEEP-1")] });
    await fault.heal();
    expectStatus(res, 201);
    expect(await stockOf(key, "SWEEP-1")).toMatchObject({ on_hand: 0, backordered: 1 });

    const cron = () => worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    // Within its first minute the return is left to its own request (or its retry).
    await cron();
    expect(await stockOf(key, "SWEEP-1")).toMatchObject({ on_hand: 0 });
    await shard
      .prepare(
        "UPDATE returns SET received_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 minutes') WHERE id = ?",
      )
      .bind(res.body.id)
      .run();
    await cron();
    expect(await stockOf(key, "SWEEP-1")).toMatchObject({
      on_hand: 1,
      allocated: 1,
      backordered: 0,
    });
    expect(
      (await ok(client(key).v1.orders[":id"].$get({ param: { id: waiting.id } }))).status,
    ).toBe("received");
    await cron();
    expect(await stockOf(key, "SWEEP-1")).toMatchObject({ on_hand: 1 });
    const left = await shard
      .prepare("SELECT stock_applied_at FROM returns WHERE id = ?")
      .bind(res.body.id)
      .first<{ stock_applied_at: string | null }>();
    expect(left?.stock_applied_at).toMatch(ISO_MS);
  });
});

describe("retries and races", () => {
  it("replays floor writes with the same Idempotency-Key and moves stock once", async () => {
    const { key } = await merchant({ "IDEM-R": 5 });
    const order = await shippedOrder(key, [{ sku: "IDEM-R", quantity: 4 }]);
    const recordHeader = idem();
    const body = { order_id: order.id, items: [resellable("IDEM-R")] };
    const first = await record(key, body, recordHeader);
    const retry = await record(key, body, recordHeader);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expectError(
      await record(key, { ...body, items: [damaged("IDEM-R")] }, recordHeader),
      422,
      "idempotency_key_reused",
      "Idempotency-Key",
    );

    const created = await ok(
      rma(key, { order_id: order.id, items: [{ sku: "IDEM-R", quantity: 2 }] }),
    );
    const receiveHeader = idem();
    const items = [resellable("IDEM-R", 2)];
    const got = await receive(key, created.id, items, receiveHeader);
    const gotAgain = await receive(key, created.id, items, receiveHeader);
    expect(got.status).toBe(200);
    expect(gotAgain.headers.get("idempotent-replayed")).toBe("true");
    expect(gotAgain.body).toEqual(got.body);

    const processHeader = idem();
    const done = await processReturn(key, created.id, processHeader);
    const doneAgain = await processReturn(key, created.id, processHeader);
    expect(doneAgain.headers.get("idempotent-replayed")).toBe("true");
    expect(doneAgain.body).toEqual(done.body);
    expect(await stockOf(key, "IDEM-R")).toMatchObject({ on_hand: 4 });
  });

  it("applies concurrent retries of one floor write once", async () => {
    const { key } = await merchant({ "IDEM-S": 5 });
    const order = await shippedOrder(key, [{ sku: "IDEM-S", quantity: 3 }]);
    const header = idem();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        record(key, { order_id: order.id, items: [resellable("IDEM-S", 3)] }, header),
      ),
    );
    for (const r of results) expect([200, 201], JSON.stringify(r.body)).toContain(r.status);
    expect(new Set(results.filter(succeeded).map((r) => r.body.id)).size).toBe(1);
    expect(await stockOf(key, "IDEM-S")).toMatchObject({ on_hand: 5 });
  });

  it("never lets concurrent receipts for one order bring back more than shipped", async () => {
    const { key } = await merchant({ "RACE-1": 10 });
    const order = await shippedOrder(key, [{ sku: "RACE-1", quantity: 3 }]);
    const rmas = await Promise.all(
      Array.from({ length: 3 }, () =>
        ok(rma(key, { order_id: order.id, items: [{ sku: "RACE-1", quantity: 2 }] })),
      ),
    );
    const results = await Promise.all([
      ...rmas.map((r) => receive(key, r.id, [resellable("RACE-1", 2)])),
      ...Array.from({ length: 4 }, () =>
        record(key, { order_id: order.id, items: [resellable("RACE-1")] }),
      ),
    ]);
    for (const r of results) {
      if (r.status >= 400) expectError(r, 422, "over_return", "items[0].quantity");
      else if (succeeded(r)) expect(r.body.status, JSON.stringify(r.body)).toBe("received");
      else expect.unreachable(`status ${r.status}`);
    }
    const quantityOf = (r: { items: { quantity: number }[] }) => {
      const [first] = r.items;
      assert(first, "a return has a line");
      return first.quantity;
    };
    const returned = results.filter(succeeded).reduce((sum, r) => sum + quantityOf(r.body), 0);
    // Every refusal comes from a unit that no longer fits, so exactly what shipped came back.
    expect(returned).toBe(3);
    expect(await stockOf(key, "RACE-1")).toMatchObject({ on_hand: 7 + returned });
    const listed = await ok(
      client(key).v1.returns.$get({ query: { order_id: order.id, status: "received" } }),
    );
    expect(listed.data.reduce((sum, r) => sum + quantityOf(r), 0)).toBe(returned);
  });

  it("has the database refuse lines beyond what shipped, whatever wrote them", async () => {
    const { key, tenantId } = await merchant({ "GUARD-1": 5 });
    const shard = await dataOf(tenantId);
    const order = await shippedOrder(key, [{ sku: "GUARD-1", quantity: 1 }]);
    const res = await record(key, { order_id: order.id, items: [damaged("GUARD-1")] });
    expectStatus(res, 201);
    const extra = shard
      .prepare(
        `INSERT INTO return_lines (return_id, stage, line_no, sku, quantity, condition, restocked)
       VALUES (?, 'received', 2, 'GUARD-1', 1, 'damaged', 0)`,
      )
      .bind(res.body.id);
    await expect(extra.run()).rejects.toThrow(/return_over_shipped/);
    const forward = shard
      .prepare("UPDATE returns SET status = 'expected' WHERE id = ?")
      .bind(res.body.id);
    await expect(forward.run()).rejects.toThrow(/return_status_conflict/);
  });
});

describe("feeds", () => {
  it("pages with a cursor, filters, and polls inclusively with updated_since", async () => {
    const { key } = await merchant({ "FEED-R": 10 });
    const returns = client(key).v1.returns;
    const order = await shippedOrder(key, [{ sku: "FEED-R", quantity: 5 }]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await ok(rma(key, { order_id: order.id, items: [{ sku: "FEED-R", quantity: 1 }] }));
      ids.push(r.id);
    }
    const [firstId, secondId] = ids;
    assert(firstId && secondId);
    const walked: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const pageRes = await returns.$get({ query: { limit: "1", cursor } });
      expectStatus(pageRes, 200);
      walked.push(...pageRes.body.data.map((r) => r.id));
      expect(pageRes.body.pagination.has_more).toBe(pageRes.body.pagination.next_cursor !== null);
      if (!pageRes.body.pagination.has_more) break;
      cursor = pageRes.body.pagination.next_cursor ?? undefined;
    }
    expect(walked).toEqual(ids);

    const second = await ok(returns[":id"].$get({ param: { id: secondId } }));
    const since = await ok(returns.$get({ query: { updated_since: second.updated_at } }));
    expect(since.data.map((r) => r.id)).toEqual(ids.slice(1));

    // A change moves a return to the end of the feed.
    const received = await receive(key, firstId, [damaged("FEED-R")]);
    const after = await ok(returns.$get({ query: { updated_since: second.updated_at } }));
    expect(after.data.map((r) => r.id)).toEqual([...ids.slice(1), firstId]);
    expect(after.data.at(-1)).toEqual(received.body);
    const expected = await ok(returns.$get({ query: { status: "expected" } }));
    expect(expected.data.map((r) => r.id)).toEqual(ids.slice(1));
    expectError(
      await raw("GET", "/v1/returns?status=lost", { key }),
      400,
      "invalid_parameter",
      "status",
    );
    expectError(await returns.$get({ query: { cursor: "nope" } }), 400, "invalid_cursor", "cursor");
  });
});

describe("isolation and scopes", () => {
  it("answers 404 to another tenant on every path and keeps its lists apart", async () => {
    const a = await merchant({ "ISO-R": 5 });
    const b = await merchant({ "ISO-R": 5 });
    const order = await shippedOrder(a.key, [{ sku: "ISO-R", quantity: 2 }]);
    const created = await ok(
      rma(a.key, {
        order_id: order.id,
        items: [{ sku: "ISO-R", quantity: 1 }],
      }),
    );
    const id = created.id;

    expectError(await client(b.key).v1.returns[":id"].$get({ param: { id } }), 404, "not_found");
    expectError(await receive(b.key, id, [resellable("ISO-R")]), 404, "not_found");
    expectError(await processReturn(b.key, id), 404, "not_found");
    expectError(
      await rma(b.key, { order_id: order.id, items: [{ sku: "ISO-R", quantity: 1 }] }),
      422,
      "unknown_order",
      "order_id",
    );
    expectError(
      await record(b.key, { order_id: order.id, items: [resellable("ISO-R")] }),
      422,
      "unknown_order",
      "order_id",
    );
    // The same rma is free in another tenant.
    const other = await shippedOrder(b.key, [{ sku: "ISO-R", quantity: 1 }]);
    const own = await rma(b.key, {
      order_id: other.id,
      rma: created.rma ?? undefined,
      items: [{ sku: "ISO-R", quantity: 1 }],
    });
    expectStatus(own, 201);
    expect(own.body.rma).toBe(created.rma);

    for (const query of [{}, { order_id: order.id }]) {
      const listed = await ok(client(b.key).v1.returns.$get({ query }));
      expect(listed.data.map((r) => r.id)).not.toContain(id);
    }
    const page = await ok(client(a.key).v1.returns.$get({ query: { limit: "1" } }));
    expect(page.data[0]?.id).toBe(id);
    expect((await ok(client(a.key).v1.returns[":id"].$get({ param: { id } }))).status).toBe(
      "expected",
    );
    expect(await stockOf(a.key, "ISO-R")).toMatchObject({ on_hand: 3 });
  });

  it("lets a platform key work any tenant's returns on the floor, and only there", async () => {
    const { key } = await merchant({ "PLAT-R": 5 });
    const order = await shippedOrder(key, [{ sku: "PLAT-R", quantity: 2 }]);
    const created = await ok(
      rma(key, { order_id: order.id, items: [{ sku: "PLAT-R", quantity: 1 }] }),
    );
    const platform = (await ok(admin["api-keys"].$post({ json: { name: "floor" } }))).key;

    const received = await receive(platform, created.id, [resellable("PLAT-R")]);
    expectStatus(received, 200);
    const recorded = await record(platform, { order_id: order.id, items: [damaged("PLAT-R")] });
    expectStatus(recorded, 201);
    const processed = await processReturn(platform, recorded.body.id);
    expectStatus(processed, 200);
    expect(processed.body.status).toBe("processed");
    expect(await stockOf(key, "PLAT-R")).toMatchObject({ on_hand: 4 });
    const listed = await ok(client(key).v1.returns.$get({ query: { order_id: order.id } }));
    expect(listed.data).toHaveLength(2);
    expectError(
      await rma(platform, { order_id: order.id, items: [{ sku: "PLAT-R", quantity: 1 }] }),
      403,
      "insufficient_scope",
    );
  });

  it("needs returns:read to read, returns:write for an RMA and warehouse:operate on the floor", async () => {
    const { tenantId, key } = await merchant({ "SCOPE-R": 5 });
    const order = await shippedOrder(key, [{ sku: "SCOPE-R", quantity: 2 }]);
    const created = await ok(
      rma(key, {
        order_id: order.id,
        items: [{ sku: "SCOPE-R", quantity: 1 }],
      }),
    );
    const id = created.id;
    const body = { order_id: order.id, items: [{ sku: "SCOPE-R", quantity: 1 }] };

    const reader = (await createKey(tenantId, { scopes: ["returns:read"] })).key;
    expect((await client(reader).v1.returns.$get()).status).toBe(200);
    expect((await client(reader).v1.returns[":id"].$get({ param: { id } })).status).toBe(200);
    expect(expectError(await rma(reader, body), 403, "insufficient_scope").required_scope).toBe(
      "returns:write",
    );

    const writer = (await createKey(tenantId, { scopes: ["returns:write"] })).key;
    expect((await rma(writer, body)).status).toBe(201);
    for (const res of [
      await client(writer).v1.returns.$get(),
      await client(writer).v1.returns[":id"].$get({ param: { id } }),
    ]) {
      const err = expectError(res, 403, "insufficient_scope");
      expect(err.required_scope).toBe("returns:read");
    }
    for (const res of [
      await receive(writer, id, [resellable("SCOPE-R")]),
      await record(writer, { order_id: order.id, items: [resellable("SCOPE-R")] }),
      await processReturn(writer, id),
    ]) {
      expect(expectError(res, 403, "insufficient_scope").required_scope).toBe("warehouse:operate");
    }

    const operator = (await createKey(tenantId, { scopes: ["warehouse:operate"] })).key;
    expect((await receive(operator, id, [resellable("SCOPE-R")])).status).toBe(200);
    expectError(await client(operator).v1.returns.$get(), 403, "insufficient_scope");
    expectError(await client().v1.returns.$get(), 401, "missing_api_key");
    // No key and no rma: the key is checked first.
    expectError(await raw("POST", "/v1/returns", { json: body }), 401, "missing_api_key");
  });
});

describe("return.received", () => {
  it("reaches a subscribed receiver with the whole return, from both paths", async () => {
    const { key } = await merchant({ "HOOK-R": 5 });
    const hook = await client(key).v1.webhooks.$post({
      json: { url: `${receiver}/ok/returns-received`, events: ["return.received"] },
    });
    expectStatus(hook, 201);
    const order = await shippedOrder(key, [{ sku: "HOOK-R", quantity: 3 }]);
    const created = await ok(
      rma(key, { order_id: order.id, items: [{ sku: "HOOK-R", quantity: 1 }] }),
    );
    const received = await receive(key, created.id, [resellable("HOOK-R")]);
    expectStatus(received, 200);
    const recorded = await record(key, { order_id: order.id, items: [damaged("HOOK-R")] });
    expectStatus(recorded, 201);
    // Processing fires nothing: only receipt is an event.
    await processReturn(key, recorded.body.id);

    const log = await eventually(
      () => deliveries("returns-received"),
      (got) => got.length >= 2,
      "two return.received deliveries",
    );
    const payloads = log.map(payloadOf);
    expect(payloads.map((p) => p.event_type)).toEqual(["return.received", "return.received"]);
    expect(payloads.map((p) => p.data).sort(byId)).toEqual(
      [received.body, recorded.body].sort(byId),
    );
    const feed = await ok(client(key).v1.events.$get({ query: { type: "return.received" } }));
    expect(feed.data).toHaveLength(2);
  });
});
