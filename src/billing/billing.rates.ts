import type { SizeClass } from "../domain/statuses";

/*
 * Money as billing counts it, with no floating point: a rate is an integer count of
 * ten-thousandths of the currency's major unit (so a storage rate may be a fraction of a
 * cent), an amount an integer count of its minor unit. Rounding is half away from zero,
 * once per line. The SQL that prices charges inside a write (billing.charges.ts) computes
 * the same; `amountOf` and `taxOf` are its definition, and its tests'.
 */

export const RATE_SCALE = 10_000;

/** "12.5" → 125000; the API's amounts have at most four decimals. */
export function toRate(amount: string): number {
  const [whole = "0", fraction = ""] = amount.split(".");
  return Number(whole) * RATE_SCALE + Number(fraction.padEnd(4, "0").slice(0, 4));
}

/** 125000 → "12.5000" trimmed to the currency's digits or more: "12.50". */
export function rateText(rate: number, digits: number): string {
  const whole = Math.trunc(Math.abs(rate) / RATE_SCALE);
  let fraction = String(Math.abs(rate) % RATE_SCALE).padStart(4, "0");
  while (fraction.length > digits && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  const sign = rate < 0 ? "-" : "";
  return fraction.length > 0 ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** Minor units per major unit of an ISO 4217 currency: 100 for AUD, 1 for JPY, 1000 for KWD. */
export function minorFactor(currency: string): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
    .maximumFractionDigits;
  return 10 ** (digits ?? 2);
}

/** An integer amount in minor units as the API writes money: "12.50", "-3.00", "500" (JPY). */
export function moneyText(minor: number, factor: number): string {
  const digits = Math.round(Math.log10(factor));
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const whole = Math.trunc(abs / factor);
  return digits === 0
    ? `${sign}${whole}`
    : `${sign}${whole}.${String(abs % factor).padStart(digits, "0")}`;
}

/** Half away from zero of `n / d` for integers, d > 0. */
const divRound = (n: number, d: number) =>
  n < 0 ? -Math.floor((-n + d / 2) / d) : Math.floor((n + d / 2) / d);

/** `quantity` at `rate` (ten-thousandths), in minor units. */
export const amountOf = (quantity: number, rate: number, factor: number) =>
  divRound(quantity * rate * factor, RATE_SCALE);

/** Tax on `amount` (minor units) at `bps` (hundredths of a percent), in minor units. */
export const taxOf = (amount: number, bps: number) => divRound(amount * bps, RATE_SCALE);

/** "10" or "12.5" percent → basis points (hundredths of a percent). */
export const toBps = (percent: string) => Math.round(toRate(percent) / 100);

/**
 * The storage size class of a product by its volume (length × width × height): small up to
 * one litre, medium up to 27 litres (a 30 cm cube), large beyond; medium without dimensions.
 */
export const SIZE_LIMITS_CM3 = { small: 1_000, medium: 27_000 } as const;

const CM_PER_UNIT = { cm: 1, mm: 0.1, m: 100, in: 2.54 } as const;

export function sizeClassOf(
  dimensions: { length: number; width: number; height: number; unit: string } | null,
): SizeClass {
  if (!dimensions) return "medium";
  const cm = CM_PER_UNIT[dimensions.unit as keyof typeof CM_PER_UNIT] ?? 1;
  const volume = dimensions.length * dimensions.width * dimensions.height * cm ** 3;
  return volume <= SIZE_LIMITS_CM3.small
    ? "small"
    : volume <= SIZE_LIMITS_CM3.medium
      ? "medium"
      : "large";
}
