import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { stockObject } from "../../src/durable/stubs";
import type { StockObject } from "../../src/inventory/stock-object";
import { addDays, utcToday } from "../../src/lib/calendar";
import { client, expectError, expectStatus, ok } from "../support/client";
import { createTenant, orderBody, seedReferenceData, ship } from "../support/merchant";

/*
 * Lots and expiry (issue 23 requirement 1), through HTTP as a partner uses them: receipts
 * and counts name lots, allocation is first expiry first within each order's ship-by,
 * shipments record the lots that left, returns name the lot they bring back, the inventory
 * reads per lot, and lots past expiry move to `expired` by themselves. Each test uses its
 * own tenant; dates are relative to today, so the tests hold on any day.
 */

const TODAY = utcToday();
const day = (n: number) => addDays(TODAY, n);

async function lotMerchant(
  sku: string,
  product: { expiry_tracked?: boolean; min_shelf_life_days?: number } = {},
) {
  await seedReferenceData();
  const tenant = await createTenant();
  expectStatus(
    await client(tenant.key).v1.products.$post({
      json: { sku, name: sku, lot_tracked: true, expiry_tracked: true, ...product },
    }),
    201,
  );
  return tenant;
}

const count = (
  key: string,
  sku: string,
  quantity_delta: number,
  lot?: { lot?: string; expires_on?: string },
) =>
  client(key).v1.ops["inventory-adjustments"].$post({
    json: {
      sku,
      warehouse_id: "wh_syd_1",
      quantity_delta,
      reason: quantity_delta > 0 ? "found" : "damaged",
      ...lot,
    },
  });

async function byLot(key: string, sku: string) {
  const res = await client(key).v1.inventory.$get({ query: { sku, by: "lot" } });
  expectStatus(res, 200);
  return res.body.data[0]?.warehouses.find((w) => w.warehouse_id === "wh_syd_1");
}

const order = (key: string, sku: string, quantity: number, ship_by?: string) =>
  ok(
    client(key).v1.orders.$post({
      json: orderBody({ items: [{ sku, quantity }], ...(ship_by && { ship_by }) }),
    }),
  );

describe("lots and expiry", () => {
  it("allocates three lots first expiry first, never one that expires before the ship-by, and ships what it allocated", async () => {
    const { key } = await lotMerchant("LOT-FEFO");
    // Received out of expiry order, in one receipt of an unannounced SKU.
    const asn = await ok(
      client(key).v1["inbound-shipments"].$post({
        json: {
          reference: `ASN-${crypto.randomUUID().slice(0, 8)}`,
          warehouse_id: "wh_syd_1",
          items: [{ sku: "LOT-FEFO", expected_quantity: 15 }],
        },
      }),
    );
    expectStatus(
      await client(key).v1.ops["inbound-shipments"][":id"].receipts.$post({
        param: { id: asn.id },
        json: {
          items: [
            { sku: "LOT-FEFO", received_quantity: 5, lot: "LATE", expires_on: day(120) },
            { sku: "LOT-FEFO", received_quantity: 5, lot: "SOON", expires_on: day(20) },
            { sku: "LOT-FEFO", received_quantity: 5, lot: "MID", expires_on: day(60) },
          ],
        },
      }),
      200,
    );
    const stock = await byLot(key, "LOT-FEFO");
    expect(stock).toMatchObject({ on_hand: 15, allocated: 0 });
    expect(stock?.lots?.map((l) => [l.lot, l.expires_on, l.on_hand])).toEqual([
      ["SOON", day(20), 5],
      ["MID", day(60), 5],
      ["LATE", day(120), 5],
    ]);

    // No ship-by: the soonest lot first.
    const first = await order(key, "LOT-FEFO", 3);
    expect(first.status).toBe("received");
    // Shipping in 30 days: SOON would be past expiry, so MID, then LATE.
    const later = await order(key, "LOT-FEFO", 7, day(30));
    expect(later.status).toBe("received");
    expect((await byLot(key, "LOT-FEFO"))?.lots).toEqual([
      expect.objectContaining({ lot: "SOON", allocated: 3, available: 2 }),
      expect.objectContaining({ lot: "MID", allocated: 5, available: 0 }),
      expect.objectContaining({ lot: "LATE", allocated: 2, available: 3 }),
    ]);
    // Five units are free, but only LATE's 3 may ship in 90 days: it waits.
    const strict = await order(key, "LOT-FEFO", 4, day(90));
    expect(strict.status).toBe("backordered");

    const shipped = await ship(key, later.id, [{ sku: "LOT-FEFO", quantity: 7 }]);
    expect(shipped.items[0]?.lots).toEqual([
      { lot: "MID", expires_on: day(60), quantity: 5 },
      { lot: "LATE", expires_on: day(120), quantity: 2 },
    ]);
    const read = await ok(client(key).v1.shipments[":id"].$get({ param: { id: shipped.id } }));
    expect(read.items[0]?.lots).toEqual(shipped.items[0]?.lots);
    expect((await byLot(key, "LOT-FEFO"))?.lots?.map((l) => [l.lot, l.on_hand])).toEqual([
      ["SOON", 5],
      ["MID", 0],
      ["LATE", 3],
    ]);

    // A void puts the units back into the lots they left from.
    expectStatus(
      await client(key).v1.ops.shipments[":id"].void.$post({ param: { id: shipped.id } }),
      200,
    );
    expect((await byLot(key, "LOT-FEFO"))?.lots?.map((l) => [l.lot, l.on_hand])).toEqual([
      ["SOON", 5],
      ["MID", 5],
      ["LATE", 5],
    ]);

    // A lot that arrives with a long enough life fills the waiting order.
    expectStatus(await count(key, "LOT-FEFO", 4, { lot: "FRESH", expires_on: day(200) }), 201);
    const filled = await ok(client(key).v1.orders[":id"].$get({ param: { id: strict.id } }));
    expect(filled.status).toBe("received");
  });

  it("refuses receipts and counts that do not say what the product tracks", async () => {
    const { key } = await lotMerchant("LOT-V");
    expectStatus(
      await client(key).v1.products.$post({ json: { sku: "PLAIN", name: "Plain" } }),
      201,
    );
    expectError(await count(key, "LOT-V", 5), 422, "lot_required", "lot");
    expectError(await count(key, "LOT-V", 5, { lot: "A" }), 422, "expiry_required", "expires_on");
    expectError(await count(key, "PLAIN", 5, { lot: "A" }), 422, "lot_not_tracked", "lot");
    expectError(
      await count(key, "PLAIN", 5, { expires_on: day(10) }),
      422,
      "lot_not_tracked",
      "expires_on",
    );
    expectStatus(await count(key, "LOT-V", 5, { lot: "A", expires_on: day(10) }), 201);
    expectError(
      await count(key, "LOT-V", 5, { lot: "A", expires_on: day(11) }),
      422,
      "lot_expiry_mismatch",
      "expires_on",
    );
    // A loss names its lot, and takes only that lot's units.
    expectError(
      await count(key, "LOT-V", -1, { lot: "B" }),
      409,
      "insufficient_stock",
      "quantity_delta",
    );
    const loss = await count(key, "LOT-V", -2, { lot: "A" });
    expectStatus(loss, 201);
    expect(loss.body).toMatchObject({ lot: "A", quantity_delta: -2 });

    const asn = await ok(
      client(key).v1["inbound-shipments"].$post({
        json: {
          reference: `ASN-${crypto.randomUUID().slice(0, 8)}`,
          warehouse_id: "wh_syd_1",
          items: [{ sku: "LOT-V", expected_quantity: 5 }],
        },
      }),
    );
    const receive = (
      items: { sku: string; received_quantity: number; lot?: string; expires_on?: string }[],
    ) =>
      client(key).v1.ops["inbound-shipments"][":id"].receipts.$post({
        param: { id: asn.id },
        json: { items },
      });
    expectError(
      await receive([{ sku: "LOT-V", received_quantity: 5 }]),
      422,
      "lot_required",
      "items[0].lot",
    );
    expectError(
      await receive([{ sku: "LOT-V", received_quantity: 5, lot: "A", expires_on: day(12) }]),
      422,
      "lot_expiry_mismatch",
      "items[0].expires_on",
    );
    // Nothing was counted by the refused receipts.
    const unchanged = await ok(
      client(key).v1["inbound-shipments"][":id"].$get({ param: { id: asn.id } }),
    );
    expect(unchanged.status).toBe("expected");
    expect((await byLot(key, "LOT-V"))?.on_hand).toBe(3);
  });

  it("keeps the product's minimum shelf life when it allocates", async () => {
    const { key } = await lotMerchant("LOT-SHELF", { min_shelf_life_days: 30 });
    expectStatus(await count(key, "LOT-SHELF", 5, { lot: "SHORT", expires_on: day(20) }), 201);
    const waiting = await order(key, "LOT-SHELF", 2);
    expect(waiting.status).toBe("backordered");
    expectStatus(await count(key, "LOT-SHELF", 5, { lot: "LONG", expires_on: day(45) }), 201);
    expect(
      (await ok(client(key).v1.orders[":id"].$get({ param: { id: waiting.id } }))).status,
    ).toBe("received");
    expect((await byLot(key, "LOT-SHELF"))?.lots).toEqual([
      expect.objectContaining({ lot: "SHORT", allocated: 0 }),
      expect.objectContaining({ lot: "LONG", allocated: 2 }),
    ]);
  });

  it("moves units between conditions within a lot", async () => {
    const { key } = await lotMerchant("LOT-COND");
    expectStatus(await count(key, "LOT-COND", 4, { lot: "A", expires_on: day(50) }), 201);
    const move = (lot?: string) =>
      client(key).v1.ops.inventory["condition-moves"].$post({
        json: {
          sku: "LOT-COND",
          warehouse_id: "wh_syd_1",
          from: "sellable",
          to: "quarantine",
          quantity: 3,
          reason: "recalled",
          ...(lot && { lot }),
        },
      });
    expectError(await move(), 422, "lot_required", "lot");
    const moved = await move("A");
    expectStatus(moved, 201);
    expect(moved.body.lot).toBe("A");
    expect((await byLot(key, "LOT-COND"))?.lots?.[0]).toMatchObject({
      lot: "A",
      on_hand: 1,
      quarantine: 3,
    });
  });

  it("moves a lot past its expiry to expired by itself and reallocates its waiting lines", async () => {
    const { tenantId, key } = await lotMerchant("LOT-EXP");
    expectStatus(await count(key, "LOT-EXP", 3, { lot: "OLD", expires_on: day(2) }), 201);
    expectStatus(await count(key, "LOT-EXP", 3, { lot: "NEW", expires_on: day(90) }), 201);
    const a = await order(key, "LOT-EXP", 2);
    const stub = stockObject(env, { tenantId, warehouseId: "wh_syd_1", sku: "LOT-EXP" });
    // Once the order's allocation is published, the alarm is set for the first day OLD has
    // expired.
    await stub.publish();
    const alarm = await runInDurableObject(stub, (_: StockObject, state) =>
      state.storage.getAlarm(),
    );
    expect(alarm).toBe(Date.parse(`${day(3)}T00:00:00Z`));
    // What the alarm runs that day.
    await runInDurableObject(stub, (instance: StockObject) => instance.expireLots(day(3)));
    expect((await byLot(key, "LOT-EXP"))?.lots).toEqual([
      expect.objectContaining({ lot: "OLD", on_hand: 0, expired: 3, allocated: 0 }),
      expect.objectContaining({ lot: "NEW", on_hand: 3, allocated: 2 }),
    ]);
    expect((await byLot(key, "LOT-EXP"))?.expired).toBe(3);
    const moves = await ok(
      client(key).v1.inventory["condition-moves"].$get({ query: { sku: "LOT-EXP" } }),
    );
    expect(moves.data).toEqual([
      expect.objectContaining({
        from: "sellable",
        to: "expired",
        quantity: 3,
        lot: "OLD",
        reason: "expired",
        actor: "system",
      }),
    ]);
    const shipped = await ship(key, a.id, [{ sku: "LOT-EXP", quantity: 2 }]);
    expect(shipped.items[0]?.lots).toEqual([{ lot: "NEW", expires_on: day(90), quantity: 2 }]);
  });

  it("returns name the lot they bring back, or the order's only lot of the SKU", async () => {
    const { key } = await lotMerchant("LOT-RET");
    expectStatus(await count(key, "LOT-RET", 2, { lot: "A", expires_on: day(30) }), 201);
    expectStatus(await count(key, "LOT-RET", 5, { lot: "B", expires_on: day(60) }), 201);
    const both = await order(key, "LOT-RET", 4);
    const shipped = await ship(key, both.id, [{ sku: "LOT-RET", quantity: 4 }]);
    expect(shipped.items[0]?.lots?.map((l) => l.lot)).toEqual(["A", "B"]);
    const record = (items: { lot?: string; quantity?: number }[]) =>
      client(key).v1.ops.returns.$post({
        json: {
          order_id: both.id,
          warehouse_id: "wh_syd_1",
          items: items.map((i) => ({
            sku: "LOT-RET",
            quantity: i.quantity ?? 1,
            condition: "resellable" as const,
            restocked: true,
            ...(i.lot && { lot: i.lot }),
          })),
        },
      });
    expectError(await record([{}]), 422, "lot_required", "items[0].lot");
    expectError(await record([{ lot: "Z" }]), 422, "lot_not_shipped", "items[0].lot");
    const back = await record([{ lot: "B", quantity: 2 }]);
    expectStatus(back, 201);
    expect(back.body.items[0]).toMatchObject({ lot: "B", quantity: 2 });
    expect((await byLot(key, "LOT-RET"))?.lots?.map((l) => [l.lot, l.on_hand])).toEqual([
      ["A", 0],
      ["B", 5],
    ]);

    const one = await order(key, "LOT-RET", 1);
    const single = await ship(key, one.id, [{ sku: "LOT-RET", quantity: 1 }]);
    expect(single.items[0]?.lots?.map((l) => l.lot)).toEqual(["B"]);
    const inferred = await client(key).v1.ops.returns.$post({
      json: {
        order_id: one.id,
        warehouse_id: "wh_syd_1",
        items: [{ sku: "LOT-RET", quantity: 1, condition: "damaged", restocked: false }],
      },
    });
    expectStatus(inferred, 201);
    expect(inferred.body.items[0]?.lot).toBe("B");
    expect((await byLot(key, "LOT-RET"))?.lots?.[1]).toMatchObject({ lot: "B", damaged: 1 });
  });

  it("lets the sandbox replenish a lot-tracked product, naming a lot when the caller does not", async () => {
    const { key } = await lotMerchant("LOT-SBX");
    expectStatus(
      await client(key).v1.products.$post({ json: { sku: "SBX-PLAIN", name: "P" } }),
      201,
    );
    const replenish = (json: { sku: string; lot?: string; expires_on?: string }) =>
      client(key).v1.sandbox.inventory.replenish.$post({
        json: { warehouse_id: "wh_syd_1", quantity: 3, ...json },
      });
    expectStatus(await replenish({ sku: "LOT-SBX" }), 201);
    expectStatus(await replenish({ sku: "LOT-SBX", lot: "MINE", expires_on: day(40) }), 201);
    expectError(await replenish({ sku: "SBX-PLAIN", lot: "MINE" }), 422, "lot_not_tracked", "lot");
    const lots = (await byLot(key, "LOT-SBX"))?.lots ?? [];
    expect(lots.map((l) => [l.expires_on, l.on_hand])).toEqual([
      [day(40), 3],
      [day(365), 3],
    ]);
    expect(lots[0]?.lot).toBe("MINE");
    expect(lots[1]?.lot).toMatch(/^SBX-/);
  });

  it("reads lots only when asked, and the product says what it tracks", async () => {
    const { key } = await lotMerchant("LOT-READ");
    expectStatus(await count(key, "LOT-READ", 1, { lot: "A", expires_on: day(5) }), 201);
    const plain = await ok(client(key).v1.inventory.$get({ query: { sku: "LOT-READ" } }));
    expect(plain.data[0]?.warehouses[0]).not.toHaveProperty("lots");
    const product = await ok(client(key).v1.products[":sku"].$get({ param: { sku: "LOT-READ" } }));
    expect(product).toMatchObject({
      lot_tracked: true,
      expiry_tracked: true,
      min_shelf_life_days: 0,
    });
    const off = await ok(
      client(key).v1.products[":sku"].$patch({
        param: { sku: "LOT-READ" },
        json: { lot_tracked: false },
      }),
    );
    expect(off).toMatchObject({ lot_tracked: false, expiry_tracked: false });
  });
});
