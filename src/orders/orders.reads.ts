import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { orderLines, orders } from "../db/schema";
import { inList } from "../db/sql";
import { shipmentsOfOrders } from "../shipments/shipments.reads";
import type { OrderRow, OrderState } from "./order";

/** An order as committed: its row, lines and shipments, as callers render it. */
export type Committed = Omit<OrderState, "head">;

/** Orders as committed, in the given order, in two round trips whatever their number. */
export async function readOrders(db: Db, rows: OrderRow[]): Promise<Committed[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, shipments] = await Promise.all([
    db
      .select()
      .from(orderLines)
      .where(inList(orderLines.orderId, ids))
      .orderBy(asc(orderLines.lineNo)),
    shipmentsOfOrders(db, ids),
  ]);
  return rows.map((order) => ({
    order,
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
