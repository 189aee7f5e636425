import { describe, expect, it } from "vitest";
import { DemandBook, NOTHING_HELD } from "../../src/inventory/allocation";
import { applyOps, publication } from "../../src/inventory/stock-ops";

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
const nothingApplied = () => ({
  refs: new Map(),
  adjustmentIds: new Set<string>(),
  conditionMoveIds: new Set<string>(),
});

describe("what a stock commit records", () => {
  it("records each adjustment at the row's new version and owes a publication", () => {
    const book = new DemandBook(levels(5, 0));
    const batch = applyOps(
      book,
      [{ kind: "adjust", input: adjustment("adj_1") }],
      nothingApplied(),
      7,
    );
    expect(batch.events).toEqual([
      { type: "inventory.adjusted", adjustmentId: "adj_1", version: 7 },
    ]);
    expect(batch).toMatchObject({ changed: true, moved: true });
  });

  it("commits a line locked for picking, which moves no level and owes no publication", () => {
    const book = new DemandBook(levels(5, 0));
    applyOps(
      book,
      [{ kind: "demand", holder: "ord_1#1", quantity: 2, priority: 1 }],
      nothingApplied(),
      1,
    );
    const locked = applyOps(book, [{ kind: "lock", holder: "ord_1#1" }], nothingApplied(), 2);
    expect(locked).toMatchObject({ changed: true, moved: false, events: [] });
    expect(locked.demands.get("ord_1#1")).toMatchObject({ locked: true });
  });
});

describe("what publishing the SKU's stock records", () => {
  it("tells the stock and the low-stock move `available` made since the last publication", () => {
    expect(publication(levels(5, 0), levels(4, 0))).toEqual([
      { type: "inventory.updated" },
      { type: "inventory.low_stock", available: { from: 5, to: 4 } },
    ]);
    expect(publication(levels(5, 3), levels(9, 3))).toEqual([
      { type: "inventory.updated" },
      { type: "inventory.restocked", available: { from: 2, to: 6 } },
    ]);
    expect(publication(levels(5, 1), levels(6, 2))).toEqual([{ type: "inventory.updated" }]);
  });

  it("sums up the commits between: a level that moved and came back says nothing", () => {
    expect(publication(levels(5, 1), levels(5, 1))).toEqual([]);
  });

  it("tells of units moving between held conditions, though available stays", () => {
    const damaged = { ...NOTHING_HELD, damaged: 2 };
    const expired = { ...NOTHING_HELD, expired: 2 };
    expect(publication(levels(5, 1, damaged), levels(5, 1, expired))).toEqual([
      { type: "inventory.updated" },
    ]);
  });

  it("measures available as on hand less allocated, never below zero", () => {
    expect(publication(levels(2, 5), levels(1, 5))).toEqual([{ type: "inventory.updated" }]);
  });
});
