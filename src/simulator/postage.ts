/*
 * What the sandbox's carrier charges for a parcel, with no I/O, so a partner can test landed
 * cost: a rate card by zone and weight, in the warehouse's currency. The same parcel between
 * the same countries always costs the same. The figures are a plausible card, not any
 * carrier's; docs/sandbox.md states the formula, and a test pins its values.
 */

export type Zone = "domestic" | "regional" | "international";

/** Base price and price per started half kilo after the first, in AUD. */
const CARD: Record<Zone, { base: number; perHalfKg: number }> = {
  domestic: { base: 9.95, perHalfKg: 1.25 },
  regional: { base: 19.95, perHalfKg: 4.0 },
  international: { base: 29.95, perHalfKg: 7.0 },
};

/** Countries a carrier prices as one region: a parcel inside one is cheaper than overseas. */
const REGIONS = [
  ["AU", "NZ"],
  ["US", "CA", "MX"],
  // The EU, with the countries that trade with it much as members do.
  (
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK " +
    "GB CH NO IS LI"
  ).split(" "),
  ["SG", "MY", "TH", "ID", "PH", "VN", "BN", "KH", "LA", "MM"],
].map((r) => new Set(r));

/**
 * The card's currency by the warehouse's country, and a fixed rate from AUD: sandbox figures,
 * not the market's. A country not listed is charged in USD.
 */
const CURRENCY: Record<string, { currency: string; perAud: number }> = {
  AU: { currency: "AUD", perAud: 1 },
  NZ: { currency: "NZD", perAud: 1.1 },
  US: { currency: "USD", perAud: 0.65 },
  CA: { currency: "CAD", perAud: 0.9 },
  GB: { currency: "GBP", perAud: 0.5 },
  SG: { currency: "SGD", perAud: 0.85 },
  ...Object.fromEntries(
    "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK"
      .split(" ")
      .map((c) => [c, { currency: "EUR", perAud: 0.6 }]),
  ),
};
const ELSEWHERE = { currency: "USD", perAud: 0.65 };

export function zoneOf(origin: string, destination: string): Zone {
  if (origin === destination) return "domestic";
  return REGIONS.some((r) => r.has(origin) && r.has(destination)) ? "regional" : "international";
}

/** The parcels' cost: each priced by the card, the sum rounded to the cent. */
export function postage(
  origin: string,
  destination: string,
  parcelsKg: readonly number[],
): { amount: string; currency: string } {
  const card = CARD[zoneOf(origin, destination)];
  const { currency, perAud } = CURRENCY[origin] ?? ELSEWHERE;
  const aud = parcelsKg.reduce((sum, kg) => {
    const halves = Math.max(1, Math.ceil(kg * 2 - 1e-9));
    return sum + card.base + card.perHalfKg * (halves - 1);
  }, 0);
  return { amount: (Math.round(aud * perAud * 100) / 100).toFixed(2), currency };
}
