import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { orderLines, orders } from "../db/schema";
import { inList } from "../db/sql";
import { shipmentsOfOrders } from "../shipments/shipments.reads";
import type { OrderRow } from "./order";
import { renderOrder } from "./orders.render";
import type { OrderView } from "./orders.schemas";

/** Reads orders as the API shows them, in the given order, in two round trips whatever their number. */
export async function readOrders(db: Db, rows: OrderRow[]): Promise<OrderView[]> {
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
  return rows.map((row) =>
    renderOrder(
      row,
      lines.filter((l) => l.orderId === row.id),
      shipments.get(row.id) ?? [],
    ),
  );
}

export async function readOrder(
  db: Db,
  tenantId: string,
  id: string,
): Promise<OrderView | undefined> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), eq(orders.tenantId, tenantId)));
  return (await readOrders(db, rows))[0];
}
