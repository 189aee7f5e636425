import fc from "fast-check";
import { describe, expect, it } from "vitest";
import seed from "../../fixtures/seed.json";
import type { ShipInput } from "../../src/shipments/shipments.rules";
import { CreateShipment } from "../../src/shipments/shipments.schemas";
import { type SimItem, type SimParcel, simulatedParcels } from "../../src/simulator/parcels";
import {
  isValidDhl,
  isValidFedex,
  isValidS10,
  isValidTrackingNumber,
  isValidUps,
  SIM_CARRIERS,
} from "../../src/simulator/tracking-numbers";

const ITEMS: SimItem[] = [
  {
    sku: "WIDGET-BLUE-M",
    quantity: 3,
    weight: { value: 0.4, unit: "kg" },
    dimensions: { length: 20, width: 15, height: 5, unit: "cm" },
  },
  {
    sku: "GADGET-PRO",
    quantity: 1,
    weight: { value: 1200, unit: "g" },
    dimensions: { length: 300, width: 200, height: 100, unit: "mm" },
  },
];
const ITEMS_KG = 3 * 0.4 + 1.2;

const METHODS = {
  auspost: "Parcel Post",
  ups: "UPS Ground",
  fedex: "FedEx 2Day",
  dhl: "DHL Express Worldwide",
  usps: "Priority Mail",
} as const;

const parcels = (seed: string, carrier: string, count = 1, items: SimItem[] = ITEMS) =>
  simulatedParcels({
    seed,
    carrier,
    service: METHODS[carrier as keyof typeof METHODS] ?? "Courier",
    count,
    items,
  });

/** Changes one digit of `n` (never a letter, so the format holds) by 1 to 9. */
function changeDigit(n: string, at: number, by: number) {
  const positions = [...n].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
  const i = positions[at % positions.length] ?? 0;
  const digit = Number(n[i]);
  const changed = (digit + by) % 10;
  return {
    changed: n.slice(0, i) + String(changed) + n.slice(i + 1),
    delta: Math.abs(changed - digit),
    index: i,
    isCheckDigit: i === positions[positions.length - 1],
  };
}

const asBody = (list: SimParcel[]) => ({
  order_id: "ord_1",
  items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
  parcels: list.map((p) => ({
    tracking_number: p.trackingNumber,
    tracking_url: p.trackingUrl,
    carrier: p.carrier,
    service: p.service,
    weight: p.weight,
    dimensions: p.dimensions,
  })),
});

describe("simulatedParcels", () => {
  it("gives one carrier-valid, linked parcel per box", () => {
    for (const carrier of SIM_CARRIERS) {
      for (const count of [1, 2, 3, 4, 5]) {
        const list = parcels(`ord_1:${count}`, carrier, count);
        expect(list).toHaveLength(count);
        expect(new Set(list.map((p) => p.trackingNumber)).size).toBe(count);
        for (const p of list) {
          expect(p).toMatchObject({ carrier, service: METHODS[carrier] });
          expect(isValidTrackingNumber(carrier, p.trackingNumber), p.trackingNumber).toBe(true);
          expect(p.trackingUrl).toContain(p.trackingNumber);
          expect(new URL(p.trackingUrl).protocol).toBe("https:");
        }
      }
    }
  });

  it("is the same for the same seed and differs between seeds", () => {
    for (const carrier of SIM_CARRIERS) {
      expect(parcels("ord_x:0", carrier, 3)).toEqual(parcels("ord_x:0", carrier, 3));
      const seen = new Set<string>();
      for (let i = 0; i < 200; i++) {
        for (const p of parcels(`ord_${i}:0`, carrier, 2)) seen.add(p.trackingNumber);
      }
      expect(seen.size, carrier).toBe(400);
      // A shipment's neighbour seeds (the next shipment of the same order) differ too.
      expect(parcels("ord_x:1", carrier)[0]?.trackingNumber).not.toBe(
        parcels("ord_x:0", carrier)[0]?.trackingNumber,
      );
    }
  });

  it("pins the exact output, which partners' tests assert", () => {
    // Partners write tests against these values: a change here breaks theirs.
    const pinned = SIM_CARRIERS.flatMap((carrier) =>
      parcels("ord_pin:0", carrier, 2).map(({ trackingNumber, weight: w, dimensions: d }) =>
        [trackingNumber, `${w.value}${w.unit}`, `${d.length}x${d.width}x${d.height}${d.unit}`].join(
          " ",
        ),
      ),
    );
    // Literal values, not a snapshot, so `vitest -u` cannot quietly rewrite them.
    expect(pinned).toEqual([
      "PP178792565AU 1.12kg 30x20x15cm",
      "PP178792574AU 1.47kg 30x20x15cm",
      "1Z3135180373863325 3.4lb 12x10x8in",
      "1Z3135180373863334 2.4lb 12x10x8in",
      "703034462256 3.1lb 12x10x8in",
      "703034462267 2.8lb 12x10x8in",
      "4822163076 1.16kg 30x20x15cm",
      "4822163080 1.43kg 30x20x15cm",
      "9405586683855644817237 3lb 12x10x8in",
      "9405586683855644817244 2.9lb 12x10x8in",
    ]);
  });

  it("reads the service from the method's name", () => {
    const first = (carrier: string, service: string) =>
      simulatedParcels({ seed: "ord_svc:0", carrier, service, count: 1, items: [] })[0]
        ?.trackingNumber;
    expect(first("auspost", "Express Post")).toMatch(/^PE/);
    expect(first("auspost", "Parcel Post")).toMatch(/^PP/);
    expect(first("ups", "UPS Next Day Air")?.slice(8, 10)).toBe("01");
    expect(first("ups", "UPS 2nd Day Air")?.slice(8, 10)).toBe("02");
    expect(first("ups", "UPS Ground")?.slice(8, 10)).toBe("03");
    expect(first("usps", "Priority Mail")).toMatch(/^94055/);
    expect(first("usps", "Ground Advantage")).toMatch(/^94001/);
  });

  it("numbers a shipment's boxes consecutively, as one printed batch", () => {
    const [a, b] = parcels("ord_batch:0", "ups", 2);
    expect(a?.trackingNumber.slice(0, 10)).toBe(b?.trackingNumber.slice(0, 10));
    expect(Number(b?.trackingNumber.slice(10, 17))).toBe(
      Number(a?.trackingNumber.slice(10, 17)) + 1,
    );
  });

  it("uses the carrier's measures: metric for Australia Post and DHL, imperial for the US", () => {
    for (const carrier of SIM_CARRIERS) {
      const [p] = parcels("ord_units:0", carrier);
      const metric = carrier === "auspost" || carrier === "dhl";
      expect(p?.weight.unit, carrier).toBe(metric ? "kg" : "lb");
      expect(p?.dimensions.unit, carrier).toBe(metric ? "cm" : "in");
    }
  });

  it("splits the items' weight across the boxes, plus the boxes themselves", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 5 }), (seed, count) => {
        const kg = parcels(seed, "auspost", count).reduce((s, p) => s + p.weight.value, 0);
        expect(kg).toBeGreaterThanOrEqual(ITEMS_KG);
        // Cartons weigh well under a kilo each; rounding moves each box by at most 5 g.
        expect(kg).toBeLessThanOrEqual(ITEMS_KG + count * 0.6);
        const lb = parcels(seed, "ups", count).reduce((s, p) => s + p.weight.value, 0);
        expect(lb * 0.45359237).toBeGreaterThanOrEqual(ITEMS_KG - count * 0.05 * 0.45359237);
        expect(lb * 0.45359237).toBeLessThanOrEqual(ITEMS_KG + count * 0.6);
      }),
      { numRuns: 200 },
    );
  });

  it("packs each box big enough for its share and for the longest item", () => {
    const [one] = parcels("ord_box:0", "dhl", 1);
    // 3 × 1.5 L + 6 L of goods with void fill needs more than 10 L; the gadget is 30 cm long.
    const d = one?.dimensions;
    expect(d && d.length * d.width * d.height).toBeGreaterThanOrEqual(10.5 * 1000 * 1.25);
    expect(d?.length).toBeGreaterThanOrEqual(30);
    const [inches] = parcels("ord_box:0", "fedex", 1);
    expect(inches?.dimensions.length).toBeGreaterThanOrEqual(30 / 2.54);
  });

  it("invents plausible contents when the items say nothing", () => {
    for (const items of [[], [{ sku: "X", quantity: 2 }]] as SimItem[][]) {
      for (const p of parcels("ord_bare:0", "auspost", 3, items)) {
        expect(p.weight.value).toBeGreaterThan(0.1);
        expect(p.weight.value).toBeLessThan(5);
        expect(p.dimensions.length).toBeGreaterThan(0);
      }
    }
  });

  it("gives an unknown carrier Australia Post's format under its own code", () => {
    for (const carrier of ["couriersplease", "toString", "constructor"]) {
      const [p] = simulatedParcels({
        seed: "ord_u:0",
        carrier,
        service: "Courier",
        count: 1,
        items: ITEMS,
      });
      expect(p?.carrier).toBe(carrier);
      expect(p?.trackingNumber).toMatch(/^PP\d{9}AU$/);
      expect(isValidTrackingNumber(carrier, p?.trackingNumber ?? "")).toBe(true);
      expect(p?.weight.unit).toBe("kg");
    }
  });

  it("refuses a count outside 1 to 5", () => {
    for (const count of [0, 6, 1.5, Number.NaN]) {
      expect(() => parcels("s", "ups", count)).toThrow(RangeError);
    }
  });

  it("fits the shape a shipment takes", () => {
    const list: ShipInput["parcels"] = parcels("ord_shape:0", "usps", 2);
    expect(list).toHaveLength(2);
  });
});

describe("properties over many seeds", () => {
  const carrier = fc.constantFrom(...SIM_CARRIERS);
  const seed = fc.string({ minLength: 1, maxLength: 40 });

  it("every generated number passes its carrier's validator", () => {
    fc.assert(
      fc.property(seed, carrier, fc.integer({ min: 1, max: 5 }), (s, c, count) => {
        for (const p of parcels(s, c, count)) {
          expect(isValidTrackingNumber(c, p.trackingNumber), p.trackingNumber).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a changed digit fails validation, outside each algorithm's known blind spot", () => {
    // The blind spots, stated without the algorithms: S10 writes remainders 0 and 6 both
    // as 5, FedEx writes 0 and 10 both as 0, UPS doubles every second character so a change
    // by 5 there vanishes mod 10, and mod 7 cannot see a change by 7. USPS has none.
    const blind = (carrier: string, n: string, delta: number, index: number) =>
      (carrier === "auspost" && n[10] === "5") ||
      (carrier === "fedex" && n[11] === "0") ||
      (carrier === "ups" && delta === 5 && index % 2 === 1) ||
      (carrier === "dhl" && delta === 7);
    fc.assert(
      fc.property(seed, carrier, fc.nat(), fc.integer({ min: 1, max: 9 }), (s, c, at, by) => {
        const n = parcels(s, c)[0]?.trackingNumber ?? "";
        const { changed, delta, index, isCheckDigit } = changeDigit(n, at, by);
        if (!isCheckDigit && blind(c, n, delta, index)) return;
        expect(isValidTrackingNumber(c, changed), `${n} → ${changed}`).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("has the blind spots it claims", () => {
    expect(isValidS10("PP900000005AU")).toBe(true); // PP000000005AU with 0 → 9: remainder 0 → 6
    expect(isValidFedex("000000000700")).toBe(true); // 000000000000 with 0 → 7: remainder 0 → 10
    expect(isValidDhl("3318810095")).toBe(true); // 3318810025 with 2 → 9
    expect(isValidUps("1Z949AA10123456784")).toBe(true); // 1Z999AA10123456784, doubled 9 → 4
  });

  it("validates as a create-shipment body, whatever the items weigh", () => {
    const unitWeight = fc.record({
      value: fc.double({ min: 0.001, max: 100_000, noNaN: true }),
      unit: fc.constantFrom("kg" as const, "g" as const, "lb" as const, "oz" as const),
    });
    const side = fc.double({ min: 0.1, max: 100_000, noNaN: true });
    const unitSize = fc.record({
      length: side,
      width: side,
      height: side,
      unit: fc.constantFrom("cm" as const, "mm" as const, "m" as const, "in" as const),
    });
    const item = fc.record({
      sku: fc.constant("SKU"),
      quantity: fc.integer({ min: 1, max: 1_000_000 }),
      weight: fc.option(unitWeight),
      dimensions: fc.option(unitSize),
    });
    fc.assert(
      fc.property(
        seed,
        fc.constantFrom(...SIM_CARRIERS, "zz"),
        fc.integer({ min: 1, max: 5 }),
        fc.array(item, { maxLength: 5 }),
        (s, c, count, items) => {
          const list = parcels(s, c, count, items);
          const parsed = CreateShipment.safeParse(asBody(list));
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the seed's shipping methods", () => {
  it("each name a carrier the sandbox can number parcels for", () => {
    for (const m of seed.shipping_methods) expect(SIM_CARRIERS, m.id).toContain(m.carrier);
  });

  it("answer to distinct free text, so no name is ambiguous", () => {
    const names = seed.shipping_methods.flatMap((m) =>
      [m.name, m.service_code, ...m.aliases].map((n) => n.toLowerCase()),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});
