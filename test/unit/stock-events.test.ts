import { describe, expect, it } from "vitest";
import { NOTHING_HELD } from "../../src/inventory/allocation";
import { stockEvents } from "../../src/inventory/stock-ops";

const levels = (onHand: number, allocated: number, held = NOTHING_HELD) => ({
  onHand,
  allocated,
  backordered: 0,
  held,
});
const adjustment = (id: string) => ({
  id,
  delta: -1,
  reason: "damaged" as const,
  note: null,
  actor: "floor",
});

describe("the events a stock commit emits", () => {
  it("records each adjustment, then the SKU's stock, at the row's new version", () => {
    expect(stockEvents(levels(5, 0), levels(4, 0), [adjustment("adj_1")], 7)).toEqual([
      { type: "inventory.adjusted", adjustmentId: "adj_1", version: 7 },
      { type: "inventory.updated", version: 7 },
      { type: "inventory.low_stock", version: 7, available: { from: 5, to: 4 } },
    ]);
  });

  it("names the low-stock move `available` made, down or back up, and none when it did not move", () => {
    expect(stockEvents(levels(5, 1), levels(5, 3), [], 2).at(-1)).toEqual({
      type: "inventory.low_stock",
      version: 2,
      available: { from: 4, to: 2 },
    });
    expect(stockEvents(levels(5, 3), levels(9, 3), [], 3).at(-1)).toEqual({
      type: "inventory.restocked",
      version: 3,
      available: { from: 2, to: 6 },
    });
    expect(stockEvents(levels(5, 1), levels(6, 2), [], 4)).toEqual([
      { type: "inventory.updated", version: 4 },
    ]);
  });

  it("says nothing of a commit that left every level as it was (a line locked for picking)", () => {
    expect(stockEvents(levels(5, 1), levels(5, 1), [], 6)).toEqual([]);
  });

  it("tells of units moving between held conditions, though available stays", () => {
    const damaged = { ...NOTHING_HELD, damaged: 2 };
    const expired = { ...NOTHING_HELD, expired: 2 };
    expect(stockEvents(levels(5, 1, damaged), levels(5, 1, expired), [], 8)).toEqual([
      { type: "inventory.updated", version: 8 },
    ]);
  });

  it("measures available as on hand less allocated, never below zero", () => {
    expect(stockEvents(levels(2, 5), levels(1, 5), [], 5)).toEqual([
      { type: "inventory.updated", version: 5 },
    ]);
  });
});
