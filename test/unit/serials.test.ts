import { describe, expect, it } from "vitest";
import { addedUpBySku } from "../../src/domain/shapes";
import { refuseReturnedSerials } from "../../src/returns/return-rules";
import { renderSerial } from "../../src/serials/serials.render";
import { unitKey } from "../../src/serials/serials.store";
import { refuseSerials, serialField } from "../../src/shipments/shipments.rules";

const TRACKED = new Set(["PHONE"]);

describe("a shipment's serials against its products", () => {
  it("wants one serial per unit of a tracked SKU and none of any other", () => {
    expect(refuseSerials([{ sku: "PHONE", quantity: 2, serials: ["A", "B"] }], TRACKED)).toBe(
      undefined,
    );
    expect(refuseSerials([{ sku: "CASE", quantity: 2 }], TRACKED)).toBe(undefined);
    expect(refuseSerials([{ sku: "CASE", quantity: 1, serials: [] }], TRACKED)).toBe(undefined);
    expect(
      refuseSerials(
        [
          { sku: "CASE", quantity: 1 },
          { sku: "PHONE", quantity: 2, serials: ["A"] },
        ],
        TRACKED,
      ),
    ).toEqual({
      code: "serials_required",
      field: "items[1].serials",
      sku: "PHONE",
      quantity: 2,
      given: 1,
    });
    expect(refuseSerials([{ sku: "PHONE", quantity: 1 }], TRACKED)).toMatchObject({
      code: "serials_required",
      given: 0,
    });
    expect(refuseSerials([{ sku: "CASE", quantity: 1, serials: ["A"] }], TRACKED)).toEqual({
      code: "serials_not_tracked",
      field: "items[0].serials",
      sku: "CASE",
    });
  });

  it("names a taken serial at its place in the items, by SKU", () => {
    const items = [
      { sku: "CASE", quantity: 1, serials: ["X"] },
      { sku: "PHONE", quantity: 3, serials: ["A", "X", "B"] },
    ];
    expect(serialField(items, "PHONE", "X")).toBe("items[1].serials[1]");
    expect(serialField(items, "CASE", "X")).toBe("items[0].serials[0]");
    expect(serialField(items, "PHONE", "Z")).toBe(undefined);
  });

  it("keeps every serial when items of one line add up", () => {
    expect(
      addedUpBySku([
        { sku: "PHONE", quantity: 1, serials: ["A"] },
        { sku: "CASE", quantity: 1 },
        { sku: "PHONE", quantity: 2, serials: ["B", "C"] },
      ]),
    ).toEqual([
      { sku: "PHONE", quantity: 3, serials: ["A", "B", "C"] },
      { sku: "CASE", quantity: 1 },
    ]);
  });
});

describe("a return's serials", () => {
  const item = (serials?: string[], quantity = 1) => ({
    sku: "PHONE",
    quantity,
    condition: "resellable" as const,
    restocked: true,
    serials,
  });
  const out = new Set([unitKey({ sku: "PHONE", serial: "A" })]);

  it("come back one per unit, each out on the order", () => {
    expect(refuseReturnedSerials([item(["A"])], TRACKED, out, unitKey)).toBe(undefined);
    expect(refuseReturnedSerials([item()], TRACKED, out, unitKey)).toMatchObject({
      code: "serials_required",
      field: "items[0].serials",
    });
    expect(refuseReturnedSerials([item(["A", "B"], 2)], TRACKED, out, unitKey)).toEqual({
      code: "serial_not_shipped",
      field: "items[0].serials[1]",
      sku: "PHONE",
      serial: "B",
    });
    expect(refuseReturnedSerials([item(["A"])], new Set(), out, unitKey)).toMatchObject({
      code: "serials_not_tracked",
    });
  });
});

describe("where a unit is", () => {
  const movement = (
    seq: number,
    kind: "received" | "shipped" | "voided" | "returned",
    shipmentId: string,
  ) => ({
    seq,
    tenantId: "ten_1",
    sku: "PHONE",
    serial: "A",
    kind,
    shipmentId: kind === "received" ? null : shipmentId,
    orderId: kind === "received" ? "" : `ord_${shipmentId}`,
    returnId: kind === "returned" ? "ret_1" : null,
    receiptId: kind === "received" ? "rcp_1" : null,
    occurredAt: `2026-07-0${seq}T00:00:00.000Z`,
  });
  const unit = { sku: "PHONE", serial: "A" };

  it("follows its latest movement", () => {
    expect(renderSerial(unit, [])).toBe(undefined);
    expect(renderSerial(unit, [movement(1, "received", "")])).toMatchObject({
      status: "in_stock",
      shipment_id: null,
      order_id: null,
      history: [{ movement: "received", receipt_id: "rcp_1", order_id: null }],
    });
    expect(renderSerial(unit, [movement(1, "shipped", "s1")])).toMatchObject({
      status: "shipped",
      shipment_id: "s1",
      order_id: "ord_s1",
      shipped_at: "2026-07-01T00:00:00.000Z",
      return_id: null,
    });
    expect(
      renderSerial(unit, [movement(1, "shipped", "s1"), movement(2, "voided", "s1")]),
    ).toMatchObject({ status: "in_stock", shipment_id: null, order_id: null, shipped_at: null });
    expect(
      renderSerial(unit, [
        movement(1, "shipped", "s1"),
        movement(2, "voided", "s1"),
        movement(3, "shipped", "s2"),
        movement(4, "returned", "s2"),
      ]),
    ).toMatchObject({
      status: "returned",
      shipment_id: "s2",
      order_id: "ord_s2",
      shipped_at: "2026-07-03T00:00:00.000Z",
      return_id: "ret_1",
      returned_at: "2026-07-04T00:00:00.000Z",
    });
  });
});
