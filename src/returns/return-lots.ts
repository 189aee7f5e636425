import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { shipmentItems, shipments } from "../db/schema";
import { Refused } from "../domain/refusals";
import { lotRulesOf } from "../inventory/inventory.lots";

/*
 * The lot a returned unit came back from (issue 23). A return line of a lot-tracked product
 * names it when the floor knows it; otherwise it is the lot the order shipped of that SKU,
 * when it shipped only one. A lot the order never shipped is refused, as is a lot for a
 * product that has none.
 */

/** Lots each SKU shipped in on the order's shipments that stand, with their expiries. */
export async function shippedLotsOf(
  db: Db,
  orderId: string,
): Promise<Map<string, Map<string, string | null>>> {
  const rows = await db
    .select({ sku: shipmentItems.sku, lots: shipmentItems.lots })
    .from(shipmentItems)
    .innerJoin(shipments, eq(shipments.id, shipmentItems.shipmentId))
    .where(
      and(
        eq(shipments.orderId, orderId),
        eq(shipments.voided, false),
        isNotNull(shipmentItems.lots),
      ),
    );
  const bySku = new Map<string, Map<string, string | null>>();
  for (const row of rows) {
    const lots = bySku.get(row.sku) ?? new Map<string, string | null>();
    for (const l of row.lots ?? []) lots.set(l.lot, l.expires_on);
    bySku.set(row.sku, lots);
  }
  return bySku;
}

/** `items` with the lot each came back from named; refused (422) where it cannot be. */
export async function nameReturnedLots<T extends { sku: string; lot?: string }>(
  db: Db,
  order: { tenantId: string; orderId: string },
  items: readonly T[],
): Promise<(T & { lot?: string })[]> {
  const rules = await lotRulesOf(
    db,
    order.tenantId,
    items.map((i) => i.sku),
  );
  const tracked = items.some((i) => rules.get(i.sku)?.lotTracked);
  const shipped = tracked ? await shippedLotsOf(db, order.orderId) : new Map();
  return items.map((item, i) => {
    const field = `items[${i}].lot`;
    if (!rules.get(item.sku)?.lotTracked) {
      if (item.lot !== undefined) {
        throw new Refused({ code: "lot_not_tracked", field, sku: item.sku });
      }
      return item;
    }
    const lots: string[] = [...(shipped.get(item.sku)?.keys() ?? [])];
    if (item.lot !== undefined) {
      if (lots.length > 0 && !lots.includes(item.lot)) {
        throw new Refused({
          code: "lot_not_shipped",
          field,
          sku: item.sku,
          lot: item.lot,
          lots: lots.join(", "),
        });
      }
      return item;
    }
    const [only] = lots;
    if (lots.length === 1 && only !== undefined) return { ...item, lot: only };
    // Units that shipped with no lot (received before the product tracked lots) have none.
    if (lots.length === 0) return item;
    throw new Refused({ code: "lot_required", field, sku: item.sku, lots: lots.join(", ") });
  });
}
