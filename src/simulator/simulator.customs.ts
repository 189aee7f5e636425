import type { orderLines, StoredOrder } from "../db/schema";

/*
 * What the sandbox's warehouse asks before an order crosses a border, with no I/O: a real
 * floor cannot hand an international parcel to a carrier without a customs declaration, so
 * the simulated one holds the order instead, with a reason that says what is missing.
 */

type Order = Pick<StoredOrder, "shipTo" | "terms">;
type Line = Pick<
  typeof orderLines.$inferSelect,
  "hsCode" | "countryOfOrigin" | "customsValue" | "customsCurrency"
>;

/** How a customs hold's reason begins: the floor releases only the holds it placed. */
export const CUSTOMS_HOLD = "customs:";

/** International: the parcel leaves the warehouse's country (unknown: taken as domestic). */
export const isInternational = (origin: string | null, order: Order) =>
  origin !== null && order.shipTo.country !== origin;

/** The paths of the customs data an international shipment of the order lacks, in order. */
export function missingCustoms(order: Order, lines: readonly Line[]): string[] {
  const missing = order.terms?.incoterms ? [] : ["incoterms"];
  lines.forEach((l, i) => {
    if (l.hsCode === null) missing.push(`items[${i}].hs_code`);
    if (l.countryOfOrigin === null) missing.push(`items[${i}].country_of_origin`);
    if (l.customsValue === null || l.customsCurrency === null) {
      missing.push(`items[${i}].customs_value`);
    }
  });
  return missing;
}

/** At most this many paths in a reason: a 500-line order's would not be read. */
const NAMED = 5;

/** The first gaps by path, and how many more. */
export function namedGaps(missing: readonly string[]) {
  const more = missing.length > NAMED ? ` and ${missing.length - NAMED} more` : "";
  return `${missing.slice(0, NAMED).join(", ")}${more}`;
}

/** The hold reason a floor's customs desk would write, naming the first gaps. */
export function customsHoldReason(origin: string, order: Order, missing: readonly string[]) {
  return `${CUSTOMS_HOLD} hs_code, country_of_origin and customs_value are required on every line, and incoterms on the order, for an international shipment (${origin} to ${order.shipTo.country}); missing ${namedGaps(missing)}`;
}
