import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Demand, DemandBook, NOTHING_HELD } from "../../src/inventory/allocation";
import { addDays } from "../../src/lib/calendar";

/*
 * Lots in one stock row (issue 23): first expiry first out within what each line's ship-by
 * and the product's shelf life allow, units with no lot last, expiry moving lots out.
 */

const TODAY = "2027-03-01";

function book(lots: [string, string | null, number][], minShelfLifeDays = 0): DemandBook {
  const b = new DemandBook({ onHand: 0, allocated: 0, backordered: 0, held: { ...NOTHING_HELD } });
  b.today = TODAY;
  b.minShelfLifeDays = minShelfLifeDays;
  for (const [lot, expiresOn, units] of lots) b.receive(units, 1, "sellable", { lot, expiresOn });
  b.takeChangedLots();
  return b;
}

const lotsOf = (b: DemandBook) =>
  Object.fromEntries(b.lotsInOrder().map((l) => [l.lot, [l.onHand, l.allocated]]));

describe("lots in a stock row", () => {
  it("allocates first expiry first, skipping lots that expire before the ship-by", () => {
    const b = book([
      ["C", addDays(TODAY, 90), 5],
      ["A", addDays(TODAY, 10), 5],
      ["B", addDays(TODAY, 40), 5],
    ]);
    b.setDemand("o1#1", 3, 1, 2);
    expect(b.demandOf("o1#1")?.lots).toEqual({ A: 3 });
    // Shipping in 30 days: lot A would be past expiry, so B then C.
    b.setDemand("o2#1", 7, 2, 3, addDays(TODAY, 30));
    expect(b.demandOf("o2#1")?.lots).toEqual({ B: 5, C: 2 });
    expect(lotsOf(b)).toEqual({ A: [5, 3], B: [5, 5], C: [5, 2] });
    // 4 units are free in total (2 of A, 3 of C), but only C's 3 may go out in 30 days.
    const waiting = b.setDemand("o3#1", 4, 3, 4, addDays(TODAY, 30));
    expect(waiting.status).toBe("backordered");
    const fits = b.setDemand("o4#1", 4, 4, 5);
    expect(fits.status).toBe("allocated");
    expect(b.demandOf("o4#1")?.lots).toEqual({ A: 2, C: 2 });
  });

  it("keeps the product's minimum shelf life and takes units with no lot last", () => {
    const b = book([["A", addDays(TODAY, 20), 4]], 30);
    b.receive(2, 2);
    const first = b.setDemand("o1#1", 2, 1, 3);
    expect(first.status).toBe("allocated");
    expect(b.demandOf("o1#1")?.lots).toEqual({ "": 2 });
    expect(b.setDemand("o2#1", 1, 2, 4).status).toBe("backordered");
    b.minShelfLifeDays = 10;
    b.adjust(1, 6, { lot: "A" });
    expect(b.demandOf("o2#1")).toMatchObject({ status: "allocated", lots: { A: 1 } });
  });

  it("ships first expiry first from the line's own lots and a void puts them back", () => {
    const b = book([
      ["A", addDays(TODAY, 10), 2],
      ["B", addDays(TODAY, 40), 5],
    ]);
    b.setDemand("o1#1", 6, 1, 2);
    const shipped = b.move("o1#1", -3, 1, 3);
    expect(shipped).toMatchObject({ lots: { A: 2, B: 1 } });
    expect(b.demandOf("o1#1")).toMatchObject({ quantity: 3, lots: { B: 3 }, locked: true });
    expect(lotsOf(b)).toEqual({ A: [0, 0], B: [4, 3] });
    b.move("o1#1", 3, 1, 4, { A: 2, B: 1 });
    expect(b.demandOf("o1#1")).toMatchObject({ quantity: 6, lots: { A: 2, B: 4 } });
    expect(lotsOf(b)).toEqual({ A: [2, 2], B: [5, 4] });
    expect([b.onHand, b.allocated]).toEqual([7, 6]);
  });

  it("takes a lot's loss from the lines holding that lot, which then take other lots", () => {
    const b = book([
      ["A", addDays(TODAY, 10), 3],
      ["B", addDays(TODAY, 40), 3],
    ]);
    b.setDemand("o1#1", 3, 1, 2);
    expect(b.demandOf("o1#1")?.lots).toEqual({ A: 3 });
    const lost = b.adjust(-2, 3, { lot: "A" });
    expect("refused" in lost).toBe(false);
    expect(b.demandOf("o1#1")).toMatchObject({ status: "allocated", lots: { A: 1, B: 2 } });
    expect(b.adjust(-5, 4, { lot: "B" })).toMatchObject({
      refused: "insufficient_stock",
      lot: "B",
      onHand: 3,
    });
    expect(b.adjust(-1, 4, { lot: "Z" })).toMatchObject({
      refused: "insufficient_stock",
      lot: "Z",
    });
  });

  it("refuses a count that names another expiry for a lot it holds", () => {
    const b = book([["A", "2027-06-01", 3]]);
    expect(b.adjust(2, 2, { lot: "A", expiresOn: "2027-07-01" })).toMatchObject({
      refused: "lot_expiry_mismatch",
      lot: "A",
      expiresOn: "2027-06-01",
    });
    expect(b.adjust(2, 2, { lot: "A", expiresOn: "2027-06-01" })).not.toHaveProperty("refused");
  });

  it("moves expired lots out, keeping units being picked, and refills their lines", () => {
    const b = book([
      ["A", addDays(TODAY, 1), 4],
      ["B", addDays(TODAY, 60), 4],
    ]);
    b.setDemand("o1#1", 2, 1, 2);
    b.setDemand("o2#1", 2, 2, 3);
    b.lock("o1#1", 4);
    expect(b.nextExpiry()).toBe(addDays(TODAY, 2));
    b.today = addDays(TODAY, 2);
    const { expired, change } = b.expire(5);
    expect(expired).toEqual([{ lot: "A", quantity: 2 }]);
    expect(change.filled).toContain("o2#1");
    expect(b.demandOf("o2#1")).toMatchObject({ status: "allocated", lots: { B: 2 } });
    expect(b.demandOf("o1#1")).toMatchObject({ lots: { A: 2 }, locked: true });
    expect(b.lotsInOrder()[0]).toMatchObject({ lot: "A", onHand: 2, held: { expired: 2 } });
    expect(b.held.expired).toBe(2);
    // A receipt of an expired lot lands in expired, never on the shelf.
    b.receive(3, 6, "sellable", { lot: "A" });
    expect(b.lotsInOrder()[0]).toMatchObject({ onHand: 2, held: { expired: 5 } });
  });

  it("keeps a row's totals equal to its lots and its loose units, whatever happens", () => {
    const expiries = [addDays(TODAY, -1), addDays(TODAY, 5), addDays(TODAY, 50), null];
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              op: fc.constant("demand" as const),
              line: fc.nat(6),
              q: fc.nat(4),
              shipBy: fc.option(fc.integer({ min: 0, max: 60 })),
            }),
            fc.record({ op: fc.constant("receive" as const), lot: fc.nat(4), q: fc.nat(5) }),
            fc.record({
              op: fc.constant("adjust" as const),
              lot: fc.nat(4),
              q: fc.integer({ min: -4, max: 4 }),
            }),
            fc.record({
              op: fc.constant("ship" as const),
              line: fc.nat(6),
              q: fc.integer({ min: 1, max: 3 }),
            }),
            fc.record({ op: fc.constant("lock" as const), line: fc.nat(6) }),
            fc.record({ op: fc.constant("expire" as const), days: fc.nat(3) }),
          ),
          { maxLength: 60 },
        ),
        (ops) => {
          const b = book([]);
          let seq = 1;
          const lotOf = (i: number) =>
            i === 4 ? undefined : { lot: `L${i}`, expiresOn: expiries[i] ?? null };
          for (const o of ops) {
            seq++;
            if (o.op === "demand") {
              b.setDemand(
                `o${o.line}#1`,
                o.q,
                o.line,
                seq,
                o.shipBy === null ? null : addDays(TODAY, o.shipBy),
              );
            } else if (o.op === "receive") {
              b.receive(o.q, seq, "sellable", lotOf(o.lot));
            } else if (o.op === "adjust" && o.q !== 0) {
              b.adjust(o.q, seq, lotOf(o.lot));
            } else if (o.op === "ship") {
              b.move(`o${o.line}#1`, -o.q, o.line, seq);
            } else if (o.op === "lock") {
              b.lock(`o${o.line}#1`, seq);
            } else if (o.op === "expire") {
              b.today = addDays(TODAY, o.days);
              b.expire(seq);
            }
            const lots = b.lotsInOrder();
            const demands = Array.from({ length: 7 }, (_, i) => b.demandOf(`o${i}#1`)).filter(
              (d): d is Demand => d !== undefined,
            );
            const allocated = demands.filter((d) => d.status === "allocated");
            expect(b.allocated).toBe(allocated.reduce((n, d) => n + d.quantity, 0));
            expect(b.allocated).toBeLessThanOrEqual(b.onHand);
            for (const l of lots) {
              const held = allocated.reduce((n, d) => n + (d.lots?.[l.lot] ?? 0), 0);
              expect(l.allocated).toBe(held);
              expect(l.allocated).toBeLessThanOrEqual(l.onHand);
              expect(l.onHand).toBeGreaterThanOrEqual(0);
            }
            for (const d of allocated) {
              if (!d.lots) continue;
              expect(Object.values(d.lots).reduce((n, q) => n + q, 0)).toBe(d.quantity);
            }
            expect(lots.reduce((n, l) => n + l.onHand, 0)).toBeLessThanOrEqual(b.onHand);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
