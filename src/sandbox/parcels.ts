import type { z } from "@hono/zod-openapi";
import type { Dimensions as DimensionsShape, Weight as WeightShape } from "../http/shapes";
import type { ShipInput } from "../shipments/shipment-rules";

/*
 * Parcels the sandbox invents for a shipment, with no I/O. They have to pass for real ones:
 * a partner's integration may check a tracking number's check digit before storing it, open
 * the tracking link, or show weights in the carrier's own units. And a partner's test has to
 * be able to assert them, so every value derives from the seed alone: the same seed gives
 * the same parcels on every run and every release. Changing what a seed produces breaks
 * those tests, so the generator below is pinned by a test of exact values.
 */

export const SIM_CARRIERS = ["auspost", "ups", "fedex", "dhl", "usps"] as const;
export type SimCarrier = (typeof SIM_CARRIERS)[number];

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

export const isSimCarrier = (carrier: string): carrier is SimCarrier =>
  (SIM_CARRIERS as readonly string[]).includes(carrier);

// ---------------------------------------------------------------------------------------
// Seeded randomness. Synchronous on purpose: crypto.subtle would make every caller async
// for no gain, since nothing here needs to be unpredictable, only repeatable.

/** xmur3: folds the seed string into a stream of 32-bit words to seed sfc32 with. */
function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** sfc32: 128 bits of state, so distinct seeds practically never share a sequence. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

interface Draw {
  /** In [0, 1). */
  fraction(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  /** `length` random characters of `alphabet`. */
  chars(length: number, alphabet?: string): string;
}

function draw(seed: string): Draw {
  const words = xmur3(seed);
  const next = sfc32(words(), words(), words(), words());
  // The first outputs still echo the seed words; mixing them away keeps near-identical
  // seeds (`ord_1:0`, `ord_1:1`) from starting alike.
  for (let i = 0; i < 15; i++) next();
  const below = (n: number) => Math.floor(next() * n);
  return {
    fraction: next,
    below,
    chars: (length, alphabet = "0123456789") =>
      Array.from({ length }, () => alphabet[below(alphabet.length)]).join(""),
  };
}

/**
 * `count` consecutive serials of `length` digits after `prefix`: a shipment's labels are
 * printed as one batch, so real multi-parcel shipments carry neighbouring numbers. The
 * start leaves room below the top so the run never wraps into a repeat.
 */
function serials(d: Draw, prefix: string, length: number, count: number): string[] {
  const room = 10 ** length;
  const start = Math.min(Number(d.chars(length)), room - count);
  return Array.from({ length: count }, (_, i) => prefix + String(start + i).padStart(length, "0"));
}

const isExpress = (service: string) => /express|overnight|next day/i.test(service);

// ---------------------------------------------------------------------------------------
// Check digits and validators, one per format. Validators are strict: upper case, no
// spaces, exactly the format this module generates, as stored on a parcel.

const digitsOf = (text: string) => [...text].map(Number);

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10 check digit of an 8-digit serial. */
export function s10CheckDigit(serial: string): number {
  const sum = digitsOf(serial).reduce((s, digit, i) => s + digit * (S10_WEIGHTS[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  // Mod 11 leaves two results that are not one digit; S10 folds 10 to 0 and 11 to 5.
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/** Any postal administration's S10 item id, e.g. `RR473124829GB`. */
export function isValidS10(n: string): boolean {
  const m = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(n);
  return m?.[1] !== undefined && s10CheckDigit(m[1]) === Number(m[2]);
}

/**
 * Australia Post as this module generates it: an S10 id Australia Post issued. Its
 * domestic eParcel article ids are a different format that this does not accept.
 */
export const isValidAuspost = (n: string) => isValidS10(n) && n.endsWith("AU");

/** UPS reads a letter as a digit by its character code: A→2 … H→9, I→0, J→1 … Z→7. */
const upsValue = (ch: string) => (/\d/.test(ch) ? Number(ch) : (ch.charCodeAt(0) - 63) % 10);

/** UPS check digit of the 15 characters between `1Z` and the check digit. */
export function upsCheckDigit(body: string): number {
  // Left to right, every second character counts double.
  const sum = [...body].reduce((s, ch, i) => s + upsValue(ch) * (i % 2 === 1 ? 2 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

/** `1Z`, 6-character shipper number, 2-character service, 7-character reference, check. */
export function isValidUps(n: string): boolean {
  const m = /^1Z([0-9A-Z]{15})(\d)$/.exec(n);
  return m?.[1] !== undefined && upsCheckDigit(m[1]) === Number(m[2]);
}

const FEDEX_WEIGHTS = [1, 3, 7];

/** FedEx Express check digit of the first 11 digits. */
export function fedexCheckDigit(body: string): number {
  // The weights 1, 3, 7 repeat from the rightmost digit, not the leftmost.
  const sum = digitsOf(body)
    .reverse()
    .reduce((s, digit, i) => s + digit * (FEDEX_WEIGHTS[i % 3] ?? 0), 0);
  return (sum % 11) % 10;
}

/** A 12-digit FedEx Express tracking number. */
export function isValidFedex(n: string): boolean {
  const m = /^(\d{11})(\d)$/.exec(n);
  return m?.[1] !== undefined && fedexCheckDigit(m[1]) === Number(m[2]);
}

/** DHL Express check digit: the 9-digit serial read as one number, mod 7. */
export const dhlCheckDigit = (serial: string) => Number(serial) % 7;

/** A 10-digit DHL Express waybill number. */
export function isValidDhl(n: string): boolean {
  const m = /^(\d{9})(\d)$/.exec(n);
  return m?.[1] !== undefined && dhlCheckDigit(m[1]) === Number(m[2]);
}

/** USPS IMpb check digit of the 21 digits before it. */
export function uspsCheckDigit(body: string): number {
  // Weights 3 and 1 alternate from the rightmost digit, which weighs 3.
  const sum = digitsOf(body)
    .reverse()
    .reduce((s, digit, i) => s + digit * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

/** A 22-digit USPS IMpb tracking number; IMpb application identifiers run 91 to 95. */
export function isValidUsps(n: string): boolean {
  const m = /^(9[1-5]\d{19})(\d)$/.exec(n);
  return m?.[1] !== undefined && uspsCheckDigit(m[1]) === Number(m[2]);
}

const VALIDATORS: Record<SimCarrier, (n: string) => boolean> = {
  auspost: isValidAuspost,
  ups: isValidUps,
  fedex: isValidFedex,
  dhl: isValidDhl,
  usps: isValidUsps,
};

/**
 * Whether `n` is a well-formed tracking number of `carrier` with a correct check digit.
 * Other carriers are held to the Australia Post format, as `simulatedParcels` gives them.
 */
export function isValidTrackingNumber(carrier: string, n: string): boolean {
  return (isSimCarrier(carrier) ? VALIDATORS[carrier] : isValidAuspost)(n);
}

// ---------------------------------------------------------------------------------------
// Tracking numbers and links.

interface Format {
  numbers(d: Draw, service: string, count: number): string[];
  url(n: string): string;
  system: "metric" | "imperial";
}

const FORMATS: Record<SimCarrier, Format> = {
  auspost: {
    // Service indicators starting with P sit in the range S10 leaves to domestic use.
    numbers: (d, service, count) =>
      serials(d, "", 8, count).map(
        (s) => `${isExpress(service) ? "PE" : "PP"}${s}${s10CheckDigit(s)}AU`,
      ),
    url: (n) => `https://auspost.com.au/mypost/track/details/${n}`,
    system: "metric",
  },
  ups: {
    numbers: (d, service, count) => {
      // One shipper account prints the whole shipment, so only the reference moves. Shipper
      // numbers on labels are mostly digits with a letter or two.
      const head = d.chars(6, SHIPPER_CHARS) + upsService(service);
      return serials(d, head, 7, count).map((body) => `1Z${body}${upsCheckDigit(body)}`);
    },
    url: (n) => `https://www.ups.com/track?tracknum=${n}`,
    system: "imperial",
  },
  fedex: {
    // Most FedEx Express numbers seen on labels start with 7.
    numbers: (d, _service, count) =>
      serials(d, "7", 10, count).map((body) => `${body}${fedexCheckDigit(body)}`),
    url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
    system: "imperial",
  },
  dhl: {
    // Waybills do not start with 0.
    numbers: (d, _service, count) =>
      serials(d, String(1 + d.below(9)), 8, count).map((s) => `${s}${dhlCheckDigit(s)}`),
    url: (n) =>
      `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`,
    system: "metric",
  },
  usps: {
    // Application identifier 94, a service type code, a 6-digit mailer id (those start
    // 0-8; 9 marks a 9-digit one) and a 10-digit serial.
    numbers: (d, service, count) => {
      const head = `94${/priority/i.test(service) ? "055" : "001"}${d.below(9)}${d.chars(5)}`;
      return serials(d, head, 10, count).map((body) => `${body}${uspsCheckDigit(body)}`);
    },
    url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
    system: "imperial",
  },
};

const SHIPPER_CHARS = `${"0123456789".repeat(8)}ABCDEFGHJKLMNPRSTUVWXYZ`;

/** The UPS service digits the method's name suggests; Ground unless it says otherwise. */
function upsService(service: string): string {
  if (isExpress(service)) return "01";
  if (/2nd day|second day|2 ?day/i.test(service)) return "02";
  if (/3 ?day/i.test(service)) return "12";
  return "03";
}

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
  const format = FORMATS[isSimCarrier(carrier) ? carrier : "auspost"];
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
