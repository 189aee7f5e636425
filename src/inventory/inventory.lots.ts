import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { products, stockLots } from "../db/schema";
import { inList } from "../db/sql";
import type { Refusal } from "../domain/refusals";

/*
 * What a floor write must say about lots (issue 23), checked before anything is counted or
 * any stock moves: a lot-tracked product's units name their lot, an expiry-tracked one's
 * their expiry, and a lot keeps the one expiry it has in a warehouse.
 */

export interface LotRules {
  lotTracked: boolean;
  expiryTracked: boolean;
}

/** The lot fields an input item may carry. */
export interface LotFields {
  sku: string;
  lot?: string | undefined;
  expires_on?: string | undefined;
}

/** The tenant's products among `skus`, with what they track. */
export async function lotRulesOf(
  db: Db,
  tenantId: string,
  skus: readonly string[],
): Promise<Map<string, LotRules>> {
  const unique = [...new Set(skus)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      sku: products.sku,
      lotTracked: products.lotTracked,
      expiryTracked: products.expiryTracked,
    })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inList(products.sku, unique)));
  return new Map(rows.map(({ sku, ...rules }) => [sku, rules]));
}

const lotKey = (sku: string, lot: string) => JSON.stringify([sku, lot]);

/** The expiry each named lot already has in the warehouse; lots it never held are absent. */
export async function knownExpiries(
  db: Db,
  row: { tenantId: string; warehouseId: string },
  items: readonly LotFields[],
): Promise<Map<string, string | null>> {
  const named = items.flatMap((i) => (i.lot ? [{ sku: i.sku, lot: i.lot }] : []));
  if (named.length === 0) return new Map();
  // Both lists seek the primary key; the pairs not asked for are dropped here.
  const rows = await db
    .select({ sku: stockLots.sku, lot: stockLots.lot, expiresOn: stockLots.expiresOn })
    .from(stockLots)
    .where(
      and(
        eq(stockLots.tenantId, row.tenantId),
        eq(stockLots.warehouseId, row.warehouseId),
        inList(stockLots.sku, [...new Set(named.map((n) => n.sku))]),
        inList(stockLots.lot, [...new Set(named.map((n) => n.lot))]),
      ),
    );
  const asked = new Set(named.map((n) => lotKey(n.sku, n.lot)));
  return new Map(
    rows.flatMap((r) =>
      asked.has(lotKey(r.sku, r.lot)) ? [[lotKey(r.sku, r.lot), r.expiresOn] as const] : [],
    ),
  );
}

/**
 * Why an item's lot fields do not fit its product (`at` prefixes the field: "items[2]." or
 * "" for a body that is one item), or undefined.
 * `known` holds the expiries the warehouse already has for lots (see `knownExpiries`).
 */
export function refuseLotFields(
  rules: LotRules | undefined,
  item: LotFields,
  at: string,
  known: ReadonlyMap<string, string | null>,
  /** False where units leave or move within a lot the warehouse already has. */
  { expiryRequired = true } = {},
): Refusal | undefined {
  const { sku, lot, expires_on } = item;
  if (!rules?.lotTracked) {
    if (lot !== undefined) return { code: "lot_not_tracked", field: `${at}lot`, sku };
    if (expires_on !== undefined) {
      return { code: "lot_not_tracked", field: `${at}expires_on`, sku, tracks: "expiry" };
    }
    return undefined;
  }
  if (lot === undefined) return { code: "lot_required", field: `${at}lot`, sku };
  if (!rules.expiryTracked && expires_on !== undefined) {
    return { code: "lot_not_tracked", field: `${at}expires_on`, sku, tracks: "expiry" };
  }
  if (rules.expiryTracked && expires_on === undefined && expiryRequired) {
    return { code: "expiry_required", field: `${at}expires_on`, sku, lot };
  }
  const current = known.get(lotKey(sku, lot));
  if (current !== undefined && expires_on !== undefined && current !== expires_on) {
    return {
      code: "lot_expiry_mismatch",
      field: `${at}expires_on`,
      sku,
      lot,
      expires_on: current,
      given: expires_on,
    };
  }
  return undefined;
}

/** The first refusal among `items`' lot fields (`at(i)` prefixes each field), or undefined. */
export async function checkLotFields(
  db: Db,
  row: { tenantId: string; warehouseId: string },
  items: readonly LotFields[],
  at: (i: number) => string,
): Promise<Refusal | undefined> {
  const [rules, known] = await Promise.all([
    lotRulesOf(
      db,
      row.tenantId,
      items.map((i) => i.sku),
    ),
    knownExpiries(db, row, items),
  ]);
  for (const [i, item] of items.entries()) {
    const refusal = refuseLotFields(rules.get(item.sku), item, at(i), known);
    if (refusal) return refusal;
  }
  return undefined;
}
