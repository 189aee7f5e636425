import type { z } from "@hono/zod-openapi";
import type { Dimensions as DimensionsShape, Weight as WeightShape } from "../domain/shapes";
import type { ShipInput } from "../shipments/shipments.rules";
import { type Draw, draw } from "./seeded-draw";
import { type Format, formatOf } from "./tracking-numbers";

/*
 * Parcels the sandbox invents for a shipment, with no I/O. They have to pass for real ones:
 * a partner's integration may check a tracking number's check digit before storing it, open
 * the tracking link, or show weights in the carrier's own units. And a partner's test has to
 * be able to assert them, so every value derives from the seed alone: the same seed gives
 * the same parcels on every run and every release. Changing what a seed produces breaks
 * those tests, so the generator below is pinned by a test of exact values.
 */

type Weight = z.infer<typeof WeightShape>;
type Dimensions = z.infer<typeof DimensionsShape>;

/** One order line going into the shipment; weight and dimensions are per unit. */
export interface SimItem {
  sku: string;
  quantity: number;
  weight?: Weight | null;
  dimensions?: Dimensions | null;
}

/** A parcel as `ShipInput` takes it, always with a link, a weight and dimensions. */
export type SimParcel = Omit<
  ShipInput["parcels"][number],
  "trackingUrl" | "weight" | "dimensions"
> & {
  trackingUrl: string;
  weight: Weight & { unit: "kg" | "lb" };
  dimensions: Dimensions & { unit: "cm" | "in" };
};

// ---------------------------------------------------------------------------------------
// Weights and cartons.

const KG_PER: Record<Weight["unit"], number> = {
  kg: 1,
  g: 0.001,
  lb: 0.45359237,
  oz: 0.028349523125,
};
const CM_PER: Record<Dimensions["unit"], number> = { cm: 1, mm: 0.1, m: 100, in: 2.54 };
const CM3_PER_IN3 = 2.54 ** 3;

// What an item with no recorded weight or size is taken to be: a shoebox-ish half kilo.
const DEFAULT_UNIT_KG = 0.5;
const DEFAULT_UNIT_CM3 = 2000;
// Packed goods need room for void fill.
const VOID_FILL = 1.25;
// The schema's ceiling for any weight or length: a parcel that could not be stored is worse
// than one that is implausibly capped.
const MAX_MEASURE = 100_000;

type Box = readonly [number, number, number];
// Stock cartons, smallest first, in each system's own round sizes.
const CARTONS: Record<Format["system"], readonly Box[]> = {
  metric: [
    [20, 15, 10],
    [30, 20, 15],
    [40, 30, 20],
    [45, 35, 25],
    [50, 40, 30],
    [60, 40, 40],
  ],
  imperial: [
    [8, 6, 4],
    [10, 8, 6],
    [12, 10, 8],
    [14, 12, 10],
    [18, 14, 12],
    [20, 16, 16],
    [24, 18, 18],
  ],
};

/** The smallest stock carton that holds `volume` and the longest item, else a bigger one. */
function carton(cartons: readonly Box[], volume: number, longest: number): Box {
  const fit = cartons.find(([l, w, h]) => l * w * h >= volume && l >= longest);
  if (fit) return fit;
  // Bigger than any stock carton: the largest one, grown evenly until the goods fit.
  const [l, w, h] = cartons[cartons.length - 1] ?? [1, 1, 1];
  const k = Math.max(Math.cbrt(volume / (l * w * h)), longest / l);
  const grow = (side: number) => Math.min(Math.ceil(side * k), MAX_MEASURE);
  return [grow(l), grow(w), grow(h)];
}

interface Goods {
  kg: number;
  cm3: number;
  longestCm: number;
}

function goodsOf(items: readonly SimItem[]): Goods & { units: number } {
  const goods = { kg: 0, cm3: 0, longestCm: 0, units: 0 };
  for (const item of items) {
    const q = Math.max(0, item.quantity);
    goods.units += q;
    goods.kg += q * (item.weight ? item.weight.value * KG_PER[item.weight.unit] : DEFAULT_UNIT_KG);
    const dims = item.dimensions;
    if (dims) {
      const sides = [dims.length, dims.width, dims.height].map((s) => s * CM_PER[dims.unit]);
      goods.cm3 += q * sides.reduce((a, b) => a * b, 1);
      goods.longestCm = Math.max(goods.longestCm, ...sides);
    } else {
      goods.cm3 += q * DEFAULT_UNIT_CM3;
    }
  }
  return goods;
}

/**
 * Splits the goods into `count` uneven shares, as a packer filling boxes would; every share
 * keeps the longest item's length, since any box may be the one holding it. With no goods
 * to go by (no items), each parcel gets plausible contents of its own.
 */
function split(d: Draw, items: readonly SimItem[], count: number): Goods[] {
  const goods = goodsOf(items);
  if (goods.units === 0) {
    return Array.from({ length: count }, () => ({
      kg: 0.4 + 2.1 * d.fraction(),
      cm3: 3000 + 9000 * d.fraction(),
      longestCm: 0,
    }));
  }
  const shares = Array.from({ length: count }, () => 0.75 + 0.5 * d.fraction());
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((share) => ({
    kg: (goods.kg * share) / total,
    cm3: (goods.cm3 * share) / total,
    longestCm: goods.longestCm,
  }));
}

/** Corrugated board: about 50 g for the flaps and tape plus 5 g per litre of carton. */
const tareKg = (cartonCm3: number) => 0.05 + cartonCm3 * 0.000005;

const roundTo = (value: number, step: number, min: number) =>
  Math.min(Math.max(Math.round(value / step) * step, min), MAX_MEASURE);

function pack(goods: Goods, system: Format["system"]): Pick<SimParcel, "weight" | "dimensions"> {
  const needCm3 = goods.cm3 * VOID_FILL;
  if (system === "metric") {
    const box = carton(CARTONS.metric, needCm3, goods.longestCm);
    const kg = goods.kg + tareKg(box[0] * box[1] * box[2]);
    return {
      weight: { value: Number(roundTo(kg, 0.01, 0.01).toFixed(2)), unit: "kg" },
      dimensions: { length: box[0], width: box[1], height: box[2], unit: "cm" },
    };
  }
  const box = carton(CARTONS.imperial, needCm3 / CM3_PER_IN3, goods.longestCm / CM_PER.in);
  const lb = (goods.kg + tareKg(box[0] * box[1] * box[2] * CM3_PER_IN3)) / KG_PER.lb;
  return {
    weight: { value: Number(roundTo(lb, 0.1, 0.1).toFixed(1)), unit: "lb" },
    dimensions: { length: box[0], width: box[1], height: box[2], unit: "in" },
  };
}

// ---------------------------------------------------------------------------------------

/**
 * Parcels for one shipment of an order: deterministic in the seed (e.g.
 * `${orderId}:${shipmentIndex}`), so a partner's test can assert them. An unknown carrier
 * gets Australia Post's number format and link but keeps its own carrier code.
 */
export function simulatedParcels(input: {
  seed: string;
  carrier: string;
  service: string;
  count: number;
  items: readonly SimItem[];
}): SimParcel[] {
  const { seed, carrier, service, count, items } = input;
  if (!Number.isInteger(count) || count < 1 || count > 5) {
    throw new RangeError(`count must be an integer from 1 to 5, not ${count}`);
  }
  const format = formatOf(carrier);
  // The carrier joins the seed so one order's numbers at two carriers share no digits.
  const d = draw(`${carrier}|${seed}`);
  const numbers = format.numbers(d, service, count);
  const contents = split(d, items, count);
  return numbers.map((trackingNumber, i) => ({
    trackingNumber,
    trackingUrl: format.url(trackingNumber),
    carrier,
    service,
    ...pack(
      contents[i] ?? { kg: DEFAULT_UNIT_KG, cm3: DEFAULT_UNIT_CM3, longestCm: 0 },
      format.system,
    ),
  }));
}
