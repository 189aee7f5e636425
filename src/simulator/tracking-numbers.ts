import type { Draw } from "./seeded-draw";

/*
 * The carriers' tracking-number formats the sandbox numbers parcels in: check digits,
 * strict validators, number generation and tracking links. A partner's integration may
 * check a number's check digit before storing it or open its link, so each format is the
 * carrier's real one; and since partners' tests assert the numbers, generation draws only
 * from the seeded `Draw` it is given (see parcels.ts).
 */

export const SIM_CARRIERS = ["auspost", "ups", "fedex", "dhl", "usps"] as const;
export type SimCarrier = (typeof SIM_CARRIERS)[number];

export const isSimCarrier = (carrier: string): carrier is SimCarrier =>
  (SIM_CARRIERS as readonly string[]).includes(carrier);

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

/** How one carrier numbers its parcels, links them, and measures them. */
export interface Format {
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

/** The format `carrier` is numbered in: Australia Post's for any carrier not listed. */
export const formatOf = (carrier: string): Format =>
  FORMATS[isSimCarrier(carrier) ? carrier : "auspost"];
