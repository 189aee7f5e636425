import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STOCK_CONDITIONS } from "../../src/domain/statuses";
import { type Demand, DemandBook, NOTHING_HELD } from "../../src/inventory/allocation";
import { WaitingQueue } from "../../src/inventory/waiting-queue";

const waiting = (holder: string, priority: number, quantity: number): Demand => ({
  holder,
  priority,
  quantity,
  status: "backordered",
  seq: 1,
});

describe("WaitingQueue", () => {
  it("finds the oldest line that fits, skipping older ones that do not", () => {
    const q = new WaitingQueue([waiting("a", 1, 5), waiting("b", 2, 2), waiting("c", 3, 1)]);
    expect(q.firstFitting(0)).toBeUndefined();
    expect(q.firstFitting(1)?.holder).toBe("c");
    expect(q.firstFitting(2)?.holder).toBe("b");
    expect(q.firstFitting(5)?.holder).toBe("a");
  });

  it("keeps fill order when older lines arrive late and many leave", () => {
    const q = new WaitingQueue();
    for (let i = 100; i < 200; i++) q.add(waiting(`o${i}`, i, 1));
    q.add(waiting("late", 50, 1));
    expect(q.firstFitting(1)?.holder).toBe("late");
    for (let i = 100; i < 190; i++) q.remove(`o${i}`);
    q.remove("late");
    expect(q.size).toBe(10);
    expect([...q.inOrder()].map((l) => l.holder)).toEqual(
      Array.from({ length: 10 }, (_, i) => `o${190 + i}`),
    );
    expect(q.firstFitting(1)?.holder).toBe("o190");
  });

  it("agrees with a linear scan for any sequence of adds, removes and queries", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              op: fc.constant("add" as const),
              id: fc.nat(30),
              priority: fc.nat(50),
              q: fc.integer({ min: 1, max: 9 }),
            }),
            fc.record({ op: fc.constant("remove" as const), id: fc.nat(30) }),
            fc.record({ op: fc.constant("find" as const), available: fc.nat(10) }),
          ),
          { maxLength: 200 },
        ),
        (ops) => {
          const q = new WaitingQueue();
          const model = new Map<string, { priority: number; quantity: number }>();
          for (const o of ops) {
            if (o.op === "add") {
              q.add({ holder: `o${o.id}`, priority: o.priority, quantity: o.q });
              model.set(`o${o.id}`, { priority: o.priority, quantity: o.q });
            } else if (o.op === "remove") {
              q.remove(`o${o.id}`);
              model.delete(`o${o.id}`);
            } else {
              const expected = [...model]
                .filter(([, l]) => l.quantity <= o.available)
                .sort(([a, la], [b, lb]) => la.priority - lb.priority || (a < b ? -1 : 1))[0]?.[0];
              expect(q.firstFitting(o.available)?.holder).toBe(expected);
            }
          }
          expect(q.size).toBe(model.size);
        },
      ),
    );
  });
});

describe("DemandBook", () => {
  const book = (onHand: number, demands: Demand[] = []) => {
    const allocated = demands
      .filter((d) => d.status === "allocated")
      .reduce((n, d) => n + d.quantity, 0);
    const backordered = demands
      .filter((d) => d.status === "backordered")
      .reduce((n, d) => n + d.quantity, 0);
    return new DemandBook({ onHand, allocated, backordered, held: NOTHING_HELD }, demands);
  };
  const levels = (b: DemandBook) => ({
    onHand: b.onHand,
    allocated: b.allocated,
    backordered: b.backordered,
  });

  it("allocates a line whole when it fits and backorders it whole when it does not", () => {
    const b = book(5);
    expect(b.setDemand("a", 3, 1, 1).status).toBe("allocated");
    expect(b.setDemand("b", 3, 2, 2).status).toBe("backordered");
    expect(levels(b)).toEqual({ onHand: 5, allocated: 3, backordered: 3 });
    expect(b.setDemand("c", 2, 3, 3).status).toBe("allocated");
  });

  it("fills the oldest waiting line first and skips one that does not fit whole", () => {
    const b = book(0, [waiting("old-big", 1, 5), waiting("mid", 2, 2), waiting("new", 3, 1)]);
    const result = b.adjust(3, 2);
    expect("refused" in result).toBe(false);
    if ("refused" in result) return;
    expect(result.change.filled).toEqual(["mid", "new"]);
    expect(b.demandOf("old-big")?.status).toBe("backordered");
    expect(levels(b)).toEqual({ onHand: 3, allocated: 3, backordered: 5 });
    const more = b.adjust(5, 3);
    if ("refused" in more) throw new Error("refused");
    expect(more.change.filled).toEqual(["old-big"]);
    expect(b.demandOf("old-big")).toMatchObject({ status: "allocated", seq: 3 });
  });

  it("releases a line and hands the stock to waiting lines", () => {
    const b = book(2, [
      { holder: "a", quantity: 2, status: "allocated", priority: 1, seq: 1 },
      waiting("b", 2, 2),
    ]);
    const { status, change } = b.setDemand("a", 0, 1, 2);
    expect(status).toBe("released");
    expect(change.demands.get("a")).toBeNull();
    expect(change.filled).toEqual(["b"]);
    expect(b.setDemand("a", 0, 1, 3).change.demands.size).toBe(0);
  });

  it("is idempotent for the same quantity and keeps the line's place when it changes", () => {
    const b = book(1, [waiting("a", 1, 3), waiting("b", 2, 3)]);
    expect(b.setDemand("a", 3, 9, 2).change.demands.size).toBe(0);
    b.setDemand("a", 1, 9, 2);
    expect(b.demandOf("a")).toMatchObject({ status: "allocated", priority: 1 });
  });

  it("moves shipped units out of an allocation and voided ones back, refusing what is not held", () => {
    const b = book(5, [{ holder: "a", quantity: 3, status: "allocated", priority: 1, seq: 1 }]);
    expect(b.move("a", -4, 1, 2)).toMatchObject({ refused: "no_allocation", held: 3, wanted: 4 });
    expect(b.move("x", -1, 1, 2)).toMatchObject({ refused: "no_allocation", held: 0 });
    b.move("a", -3, 1, 2);
    expect(b.demandOf("a")).toBeUndefined();
    expect(levels(b)).toEqual({ onHand: 2, allocated: 0, backordered: 0 });
    b.move("a", 3, 1, 3);
    expect(b.demandOf("a")).toMatchObject({ status: "allocated", quantity: 3 });
    expect(levels(b)).toEqual({ onHand: 5, allocated: 3, backordered: 0 });
  });

  it("refuses a count below zero", () => {
    const b = book(5, [{ holder: "a", quantity: 3, status: "allocated", priority: 1, seq: 1 }]);
    expect(b.adjust(-6, 2)).toMatchObject({
      refused: "insufficient_stock",
      onHand: 5,
      allocated: 3,
    });
    expect("refused" in b.adjust(-2, 2)).toBe(false);
  });

  it("records a loss of promised units by sending the newest unpicked lines back to wait", () => {
    const b = book(10, [
      { holder: "old", quantity: 4, status: "allocated", priority: 1, seq: 1 },
      { holder: "mid", quantity: 3, status: "allocated", priority: 2, seq: 1 },
      { holder: "new", quantity: 3, status: "allocated", priority: 3, seq: 1 },
    ]);
    const result = b.adjust(-5, 2);
    if ("refused" in result) throw new Error("refused");
    expect(result.change.filled).toEqual(["new", "mid"]);
    expect(b.demandOf("old")?.status).toBe("allocated");
    expect(b.demandOf("new")).toMatchObject({ status: "backordered", seq: 2 });
    expect({ onHand: b.onHand, allocated: b.allocated, backordered: b.backordered }).toEqual({
      onHand: 5,
      allocated: 4,
      backordered: 6,
    });
  });

  it("refuses a loss only picking lines could cover, naming them", () => {
    const b = book(5, [
      { holder: "picking", quantity: 3, status: "allocated", priority: 1, seq: 1 },
      { holder: "open", quantity: 2, status: "allocated", priority: 2, seq: 1 },
    ]);
    b.lock("picking", 2);
    expect(b.adjust(-3, 3)).toMatchObject({ refused: "stock_in_picking", orders: ["picking"] });
    expect("refused" in b.adjust(-2, 3)).toBe(false);
    expect(b.demandOf("open")?.status).toBe("backordered");
  });

  it("receives units into waiting lines and locks a line for its picker", () => {
    const b = book(0, [waiting("a", 1, 2)]);
    expect(b.receive(2, 2).change.filled).toEqual(["a"]);
    expect(b.lock("a", 3).change.demands.get("a")).toMatchObject({ locked: true, seq: 3 });
    expect(b.lock("a", 4).change.demands.size).toBe(0);
  });

  it("holds units of other conditions apart: never allocated, moved back as a receipt", () => {
    const b = book(5, [{ holder: "a", quantity: 2, status: "allocated", priority: 1, seq: 1 }]);
    b.receive(3, 2, "damaged");
    expect({ onHand: b.onHand, held: b.held }).toEqual({
      onHand: 5,
      held: { quarantine: 0, damaged: 3, expired: 0 },
    });
    // Out of sellable it is a loss: the unpicked line goes back to wait rather than refuse.
    const out = b.moveCondition("sellable", "quarantine", 4, 3);
    if ("refused" in out) throw new Error("refused");
    expect(out.change.filled).toEqual(["a"]);
    expect({ onHand: b.onHand, allocated: b.allocated, backordered: b.backordered }).toEqual({
      onHand: 1,
      allocated: 0,
      backordered: 2,
    });
    expect(b.setDemand("b", 1, 2, 4).status).toBe("allocated");
    expect(b.moveCondition("damaged", "expired", 4, 5)).toEqual({
      refused: "insufficient_held_stock",
      condition: "damaged",
      held: 3,
    });
    expect(b.moveCondition("sellable", "damaged", 2, 5)).toMatchObject({
      refused: "insufficient_stock",
    });
    const back = b.moveCondition("quarantine", "sellable", 2, 6);
    if ("refused" in back) throw new Error("refused");
    expect(back.change.filled).toEqual(["a"]);
    expect(b.held).toEqual({ quarantine: 2, damaged: 3, expired: 0 });
  });

  it("never allocates more than is on hand, whatever the sequence of operations", () => {
    const condition = fc.constantFrom(...STOCK_CONDITIONS);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant("demand" as const), id: fc.nat(10), q: fc.nat(6) }),
            fc.record({
              op: fc.constant("adjust" as const),
              delta: fc.integer({ min: -5, max: 8 }),
            }),
            fc.record({
              op: fc.constant("move" as const),
              from: condition,
              to: condition,
              q: fc.integer({ min: 1, max: 5 }),
            }),
          ),
          { maxLength: 100 },
        ),
        (ops) => {
          const b = book(0);
          const units = () => b.onHand + b.held.quarantine + b.held.damaged + b.held.expired;
          ops.forEach((o, seq) => {
            if (o.op === "demand") b.setDemand(`o${o.id}`, o.q, o.id, seq);
            else if (o.op === "adjust") b.adjust(o.delta, seq);
            else if (o.from !== o.to) {
              // A move changes where units are, never how many.
              const before = units();
              b.moveCondition(o.from, o.to, o.q, seq);
              expect(units()).toBe(before);
            }
            expect(b.allocated).toBeLessThanOrEqual(b.onHand);
            expect(b.allocated).toBeGreaterThanOrEqual(0);
            expect(b.backordered).toBeGreaterThanOrEqual(0);
            for (const held of Object.values(b.held)) expect(held).toBeGreaterThanOrEqual(0);
          });
          // After every change no waiting line fits what is available.
          for (let id = 0; id <= 10; id++) {
            const d = b.demandOf(`o${id}`);
            if (d?.status === "backordered") expect(d.quantity).toBeGreaterThan(b.available);
          }
        },
      ),
    );
  });
});
