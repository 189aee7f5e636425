import { and, eq, lt, sql } from "drizzle-orm";
import { inTime, type JobScope, UNSCOPED, unfrozen } from "../db/background";
import type { Db } from "../db/client";
import { inventory, products, rateCards, storageProgress } from "../db/schema";
import { addDays, utcToday } from "../lib/calendar";
import { chargeStatements, type Fact } from "./billing.charges";
import { sizeClassOf } from "./billing.rates";

/*
 * The daily storage charge: once a UTC day has ended, each tenant with a rate card in force
 * that day is charged for every unit it held, per warehouse and product size class, as the
 * stock stands when the job takes it (its first run after midnight UTC). Days are charged in
 * order from the first day a card was in force; a day missed while the job could not run is
 * caught up, never skipped, and none is charged twice (`storage_progress`, and the charges'
 * keys).
 */

/** Tenant-days one run charges at most. */
const TENANT_DAYS = 20;

/** The units a tenant holds now, per warehouse and size class: sellable and held alike. */
async function heldUnits(db: Db, tenantId: string) {
  const rows = await db
    .select({
      warehouseId: inventory.warehouseId,
      units: sql<number>`${inventory.onHand} + ${inventory.quarantine} + ${inventory.damaged} + ${inventory.expired}`,
      length: products.length,
      width: products.width,
      height: products.height,
      unit: products.dimensionUnit,
    })
    .from(inventory)
    .leftJoin(
      products,
      and(eq(products.tenantId, inventory.tenantId), eq(products.sku, inventory.sku)),
    )
    .where(eq(inventory.tenantId, tenantId));
  const totals = new Map<string, { warehouseId: string; sizeClass: string; units: number }>();
  for (const r of rows) {
    if (r.units <= 0) continue;
    const dims =
      r.length !== null && r.width !== null && r.height !== null && r.unit !== null
        ? { length: r.length, width: r.width, height: r.height, unit: r.unit }
        : null;
    const sizeClass = sizeClassOf(dims);
    const key = `${r.warehouseId}\u0000${sizeClass}`;
    const total = totals.get(key) ?? { warehouseId: r.warehouseId, sizeClass, units: 0 };
    total.units += r.units;
    totals.set(key, total);
  }
  const order = ["small", "medium", "large"];
  return [...totals.values()].sort(
    (a, b) =>
      a.warehouseId.localeCompare(b.warehouseId) ||
      order.indexOf(a.sizeClass) - order.indexOf(b.sizeClass),
  );
}

/** The storage facts of one tenant-day: one line per warehouse and size class. */
export function storageFacts(
  tenantId: string,
  day: string,
  held: readonly { warehouseId: string; sizeClass: string; units: number }[],
): Fact[] {
  return held.map((h) => ({
    fee: "storage",
    key: `${h.warehouseId}:${h.sizeClass}`,
    sourceType: "storage_day",
    sourceId: `${tenantId}:${day}`,
    orderId: null,
    warehouseId: h.warehouseId,
    description: `Storage ${day}, ${h.sizeClass} units in ${h.warehouseId}`,
    quantity: h.units,
    detail: h.sizeClass,
  }));
}

/**
 * Charges the storage of the days that have ended and are not yet charged, a bounded number
 * of tenant-days per run, tenants not frozen. True when it stopped with days left.
 */
export async function chargeStorage(
  db: Db,
  scope: JobScope = UNSCOPED,
  now = Date.now(),
): Promise<boolean> {
  const yesterday = addDays(utcToday(now), -1);
  // Each tenant's next day to charge: the day after its last, or its first card's day.
  const due = await db
    .select({
      tenantId: rateCards.tenantId,
      next: sql<string>`COALESCE(date(MAX(${storageProgress.lastDay}), '+1 day'), MIN(${rateCards.effectiveFrom}))`,
    })
    .from(rateCards)
    .leftJoin(storageProgress, eq(storageProgress.tenantId, rateCards.tenantId))
    .where(unfrozen(rateCards.tenantId, scope))
    .groupBy(rateCards.tenantId)
    .having(
      lt(
        sql`COALESCE(date(MAX(${storageProgress.lastDay}), '+1 day'), MIN(${rateCards.effectiveFrom}))`,
        addDays(yesterday, 1),
      ),
    )
    .limit(TENANT_DAYS);
  let charged = 0;
  for (const { tenantId, next } of due) {
    for (let day = next; day <= yesterday && charged < TENANT_DAYS; day = addDays(day, 1)) {
      if (!inTime(scope)) return true;
      const held = await heldUnits(db, tenantId);
      await db.batch([
        db
          .insert(storageProgress)
          .values({ tenantId, lastDay: day })
          .onConflictDoUpdate({ target: storageProgress.tenantId, set: { lastDay: day } }),
        ...chargeStatements(db, tenantId, storageFacts(tenantId, day, held), sql`${day}`),
      ]);
      charged++;
    }
  }
  return charged >= TENANT_DAYS;
}
