import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { CreateConditionMove } from "../../src/inventory/inventory.routes";
import { client, expectError, expectStatus, ok, raw } from "../support/client";
import { createTenant, merchant, orderBody, ship, stockOf } from "../support/merchant";
import { dataOf } from "../support/shards";
import { publishStock } from "../support/stock";

/*
 * Stock by condition (issue 23): besides its sellable units, a SKU holds quarantine, damaged
 * and expired units in each warehouse. Damaged receipt units and returns not restocked land
 * there, the floor moves units between conditions with a reason, and none of it is ever
 * allocated. Each test uses its own tenant.
 */

type MoveInput = z.input<typeof CreateConditionMove>;
const MOVES = "/v1/ops/inventory/condition-moves";

const move = (key: string, json: MoveInput, idem = crypto.randomUUID()) =>
  client(key).v1.ops.inventory["condition-moves"].$post({
    json,
    header: { "idempotency-key": idem },
  });

const moveBody = (sku: string, overrides: Partial<MoveInput> = {}): MoveInput => ({
  sku,
  warehouse_id: "wh_syd_1",
  from: "sellable",
  to: "quarantine",
  quantity: 1,
  reason: "inspection_failed",
  ...overrides,
});

const orderStatus = async (key: string, id: string) =>
  (await ok(client(key).v1.orders[":id"].$get({ param: { id } }))).status;

const conditions = (quarantine: number, damaged: number, expired: number) => ({
  quarantine,
  damaged,
  expired,
});

describe("condition moves", () => {
  it("never allocates held units: an order backorders past the sellable rest and fills when they come back", async () => {
    const { key } = await merchant({ "COND-1": 10 });
    const moved = await move(
      key,
      moveBody("COND-1", { quantity: 6, reason: "recalled", note: "Supplier recall R-1" }),
    );
    expectStatus(moved, 201);
    expect(await stockOf(key, "COND-1")).toMatchObject({
      on_hand: 4,
      available: 4,
      allocated: 0,
      ...conditions(6, 0, 0),
    });

    const order = await ok(
      client(key).v1.orders.$post({ json: orderBody({ items: [{ sku: "COND-1", quantity: 5 }] }) }),
    );
    expect(order.status).toBe("backordered");
    expect(await stockOf(key, "COND-1")).toMatchObject({ on_hand: 4, backordered: 5 });

    expectStatus(
      await move(
        key,
        moveBody("COND-1", {
          from: "quarantine",
          to: "sellable",
          quantity: 2,
          reason: "inspection_passed",
        }),
      ),
      201,
    );
    expect(await orderStatus(key, order.id)).toBe("received");
    expect(await stockOf(key, "COND-1")).toMatchObject({
      on_hand: 6,
      allocated: 5,
      available: 1,
      backordered: 0,
      ...conditions(4, 0, 0),
    });
  });

  it("takes units out of sellable as a negative adjustment does: unpicked allocations go back to wait", async () => {
    const { key } = await merchant({ "COND-2": 3 });
    const order = await ok(
      client(key).v1.orders.$post({ json: orderBody({ items: [{ sku: "COND-2", quantity: 2 }] }) }),
    );
    expect(order.status).toBe("received");
    expectStatus(
      await move(
        key,
        moveBody("COND-2", { to: "damaged", quantity: 2, reason: "damaged_in_warehouse" }),
      ),
      201,
    );
    expect(await orderStatus(key, order.id)).toBe("backordered");
    expect(await stockOf(key, "COND-2")).toMatchObject({
      on_hand: 1,
      allocated: 0,
      backordered: 2,
      ...conditions(0, 2, 0),
    });
  });

  it("moves between held conditions, and refuses more than the source holds, naming quantity", async () => {
    const { key } = await merchant({ "COND-3": 5 });
    expectStatus(await move(key, moveBody("COND-3", { to: "damaged", quantity: 3 })), 201);
    expectStatus(
      await move(
        key,
        moveBody("COND-3", { from: "damaged", to: "expired", quantity: 1, reason: "expired" }),
      ),
      201,
    );
    const short = expectError(
      await move(key, moveBody("COND-3", { from: "damaged", to: "quarantine", quantity: 3 })),
      409,
      "insufficient_condition_stock",
      "quantity",
    );
    expect(short).toMatchObject({ from: "damaged", held: 2, quantity: 3 });
    expectError(
      await move(key, moveBody("COND-3", { quantity: 3 })),
      409,
      "insufficient_condition_stock",
      "quantity",
    );
    // Nothing moved on a refusal: no count went negative.
    expect(await stockOf(key, "COND-3")).toMatchObject({ on_hand: 2, ...conditions(0, 2, 1) });
  });

  it("refuses bad input by its field, and another tenant's SKU", async () => {
    const { key } = await merchant({ "COND-4": 5 });
    const other = await createTenant("Other");
    const send = (json: unknown) =>
      raw("POST", MOVES, { key, json, headers: { "idempotency-key": crypto.randomUUID() } });
    expectError(
      await send({ ...moveBody("COND-4"), reason: "stolen" }),
      422,
      "validation_error",
      "reason",
    );
    expectError(
      await send({ ...moveBody("COND-4"), to: "sellable" }),
      422,
      "validation_error",
      "to",
    );
    expectError(
      await send({ ...moveBody("COND-4"), from: "lost" }),
      422,
      "validation_error",
      "from",
    );
    for (const quantity of [0, -1, 1.5, 1_000_001]) {
      expectError(
        await send({ ...moveBody("COND-4"), quantity }),
        422,
        "validation_error",
        "quantity",
      );
    }
    expectError(
      await move(key, moveBody("COND-4", { warehouse_id: "wh_nowhere_9" })),
      422,
      "invalid_warehouse",
      "warehouse_id",
    );
    expectError(await move(other.key, moveBody("COND-4")), 422, "unknown_sku", "sku");
    expect(await stockOf(key, "COND-4")).toMatchObject({ on_hand: 5, ...conditions(0, 0, 0) });
  });

  it("applies a move once per Idempotency-Key and refuses the key on another body", async () => {
    const { key } = await merchant({ "COND-5": 5 });
    const idem = crypto.randomUUID();
    const first = await move(key, moveBody("COND-5", { quantity: 2 }), idem);
    expectStatus(first, 201);
    const retry = await move(key, moveBody("COND-5", { quantity: 2 }), idem);
    expectStatus(retry, 200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expectError(
      await move(key, moveBody("COND-5", { quantity: 3 }), idem),
      422,
      "idempotency_key_reused",
      "Idempotency-Key",
    );
    expect(await stockOf(key, "COND-5")).toMatchObject({ on_hand: 3, ...conditions(2, 0, 0) });
  });

  it("keeps each move as an audit record, polled with updated_since", async () => {
    const { key } = await merchant({ "COND-6": 5 });
    const moved = await ok(
      move(key, moveBody("COND-6", { quantity: 2, reason: "recalled", note: "Recall R-7" })),
    );
    expect(moved).toEqual({
      id: expect.stringMatching(/^cmv_/),
      sku: "COND-6",
      warehouse_id: "wh_syd_1",
      from: "sellable",
      to: "quarantine",
      quantity: 2,
      lot: null,
      reason: "recalled",
      note: "Recall R-7",
      actor: expect.stringMatching(/^key_/),
      moved_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const feed = client(key).v1.inventory["condition-moves"];
    const all = await ok(feed.$get({ query: {} }));
    expect(all.data).toEqual([moved]);

    const inventory = await ok(client(key).v1.inventory.$get({ query: { sku: "COND-6" } }));
    const since = inventory.data[0]?.updated_at as string;
    const back = await ok(
      move(
        key,
        moveBody("COND-6", { from: "quarantine", to: "sellable", reason: "inspection_passed" }),
      ),
    );
    const polled = await ok(feed.$get({ query: { updated_since: back.moved_at } }));
    expect(polled.data).toEqual([back]);
    const stock = await ok(client(key).v1.inventory.$get({ query: { updated_since: since } }));
    expect(stock.data.map((s) => s.sku)).toEqual(["COND-6"]);
    expect(stock.data[0]?.warehouses[0]).toMatchObject({ on_hand: 4, ...conditions(1, 0, 0) });
    expect((await ok(feed.$get({ query: { sku: "OTHER" } }))).data).toEqual([]);
  });

  it("tells of each move in inventory.updated with every condition's count", async () => {
    const { key, tenantId } = await merchant({ "COND-7": 5 });
    await ok(move(key, moveBody("COND-7", { to: "expired", quantity: 2, reason: "expired" })));
    await publishStock(tenantId);
    const res = await client(key).v1.events.$get({ query: { type: "inventory.updated" } });
    expectStatus(res, 200);
    const latest = res.body.data.at(-1)?.data as { warehouses: Record<string, unknown>[] };
    expect(latest.warehouses).toEqual([
      {
        warehouse_id: "wh_syd_1",
        on_hand: 3,
        available: 3,
        allocated: 0,
        incoming: 0,
        backordered: 0,
        ...conditions(0, 0, 2),
      },
    ]);
  });

  it("reads inventory events stored before conditions existed with none held", async () => {
    const { key, tenantId } = await merchant({ "COND-8": 5 });
    await publishStock(tenantId);
    const shard = await dataOf(tenantId);
    // The positional snapshot as events stored it before issue 23: it ends at incoming.
    await shard
      .prepare(
        "UPDATE events SET data = json_array('COND-8', data ->> '$[1]', data ->> '$[2]', json_array(json_array('wh_syd_1', 5, 0, 0, 0))) WHERE tenant_id = ? AND type = 'inventory.updated'",
      )
      .bind(tenantId)
      .run();
    const res = await client(key).v1.events.$get({ query: { type: "inventory.updated" } });
    expectStatus(res, 200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]?.data).toMatchObject({
      sku: "COND-8",
      warehouses: [{ warehouse_id: "wh_syd_1", on_hand: 5, ...conditions(0, 0, 0) }],
    });
  });
});

describe("where received units land", () => {
  it("puts a receipt's damaged units in damaged stock, its good units on the shelf", async () => {
    const { key } = await merchant({ "COND-R": 0 });
    const asn = await ok(
      client(key).v1["inbound-shipments"].$post({
        json: {
          reference: `ASN-${crypto.randomUUID().slice(0, 8)}`,
          warehouse_id: "wh_syd_1",
          items: [{ sku: "COND-R", expected_quantity: 10 }],
        },
      }),
    );
    const idem = crypto.randomUUID();
    const receipt = () =>
      client(key).v1.ops["inbound-shipments"][":id"].receipts.$post({
        param: { id: asn.id },
        json: { items: [{ sku: "COND-R", received_quantity: 10, damaged_quantity: 3 }] },
        header: { "idempotency-key": idem },
      });
    expectStatus(await receipt(), 200);
    expectStatus(await receipt(), 200);
    expect(await stockOf(key, "COND-R")).toMatchObject({
      on_hand: 7,
      available: 7,
      ...conditions(0, 3, 0),
    });
  });

  it("puts returned units not graded resellable in damaged stock, resellable ones back on the shelf", async () => {
    const { key } = await merchant({ "COND-X": 5 });
    const order = await ok(
      client(key).v1.orders.$post({ json: orderBody({ items: [{ sku: "COND-X", quantity: 4 }] }) }),
    );
    await ship(key, order.id, [{ sku: "COND-X", quantity: 4 }]);
    expect(await stockOf(key, "COND-X")).toMatchObject({ on_hand: 1, ...conditions(0, 0, 0) });
    const returned = await client(key).v1.ops.returns.$post({
      json: {
        order_id: order.id,
        warehouse_id: "wh_syd_1",
        items: [
          { sku: "COND-X", quantity: 1, condition: "resellable", restocked: true },
          { sku: "COND-X", quantity: 1, condition: "damaged", restocked: false },
          { sku: "COND-X", quantity: 1, condition: "defective", restocked: true },
          { sku: "COND-X", quantity: 1, condition: "resellable", restocked: false },
        ],
      },
      header: { "idempotency-key": crypto.randomUUID() },
    });
    expectStatus(returned, 201);
    expect(await stockOf(key, "COND-X")).toMatchObject({
      on_hand: 2,
      available: 2,
      ...conditions(0, 3, 0),
    });
  });
});
