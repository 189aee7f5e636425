import { and, asc, eq } from "drizzle-orm";
import { type ArchivedOrder, archivedOrder } from "../db/archived-orders";
import type { Db } from "../db/client";
import { orderLines, orderReferences, orders, orderTerms } from "../db/schema";
import { inList } from "../db/sql";
import { shipmentsOfOrders } from "../shipments/shipments.reads";
import type { OrderRow, OrderState } from "./order";

/** An order as committed: its row, lines and shipments, as callers render it. */
export type Committed = Omit<OrderState, "head">;

/** Orders as committed, in the given order, in two round trips whatever their number. */
export async function readOrders(db: Db, rows: Omit<OrderRow, "terms">[]): Promise<Committed[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, terms, shipments] = await Promise.all([
    db
      .select()
      .from(orderLines)
      .where(inList(orderLines.orderId, ids))
      .orderBy(asc(orderLines.lineNo)),
    db.select().from(orderTerms).where(inList(orderTerms.orderId, ids)),
    shipmentsOfOrders(db, ids),
  ]);
  return rows.map((order) => ({
    order: { ...order, terms: terms.find((t) => t.orderId === order.id)?.terms ?? null },
    lines: lines.filter((l) => l.orderId === order.id),
    shipments: shipments.get(order.id) ?? [],
  }));
}

/** The tenant's order, as committed, or undefined for an id it does not have. */
export async function readOrder(
  db: Db,
  tenantId: string,
  id: string,
): Promise<Committed | undefined> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), eq(orders.tenantId, tenantId)));
  return (await readOrders(db, rows))[0];
}

/** An order as a read finds it: in D1, or in the archive once past its hot window. */
export type Found =
  | { order: Committed; archived: false }
  | { order: ArchivedOrder; archived: true };

/** The tenant's order wherever it is, or undefined for an id it never had. */
export async function findOrder(
  env: Env,
  db: Db,
  tenantId: string,
  id: string,
): Promise<Found | undefined> {
  const live = await readOrder(db, tenantId, id);
  if (live) return { order: live, archived: false };
  const archived = await archivedOrder(env.ARCHIVE, db, tenantId, id);
  return archived ? { order: archived, archived: true } : undefined;
}

/**
 * The archived order holding a reference: the reference stays claimed after the order left
 * D1, and its claim names the order.
 */
export async function archivedByReference(env: Env, db: Db, tenantId: string, reference: string) {
  const [claim] = await db
    .select({ orderId: orderReferences.orderId })
    .from(orderReferences)
    .where(and(eq(orderReferences.tenantId, tenantId), eq(orderReferences.reference, reference)));
  return claim ? archivedOrder(env.ARCHIVE, db, tenantId, claim.orderId) : undefined;
}
