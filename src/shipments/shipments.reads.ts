import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { shipmentItems, shipmentParcels, shipments } from "../db/schema";
import { inList } from "../db/sql";
import type { ShipmentRecord, ShipmentRow } from "./shipments.rules";

/** Attaches parcels and items to shipment rows in one round trip, keeping the rows' order. */
export async function loadShipments(db: Db, rows: ShipmentRow[]): Promise<ShipmentRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [parcels, items] = await db.batch([
    db.select().from(shipmentParcels).where(inList(shipmentParcels.shipmentId, ids)),
    db
      .select()
      .from(shipmentItems)
      .where(inList(shipmentItems.shipmentId, ids))
      .orderBy(asc(shipmentItems.sku)),
  ]);
  return rows.map((row) => ({
    row,
    parcels: parcels.filter((p) => p.shipmentId === row.id),
    items: items.filter((i) => i.shipmentId === row.id),
  }));
}

/** Every shipment of the given orders, oldest first, grouped by order id. */
export async function shipmentsOfOrders(
  db: Db,
  orderIds: string[],
): Promise<Map<string, ShipmentRecord[]>> {
  const byOrder = new Map<string, ShipmentRecord[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .select()
    .from(shipments)
    .where(inList(shipments.orderId, orderIds))
    .orderBy(asc(shipments.createdAt), asc(shipments.id));
  for (const record of await loadShipments(db, rows)) byOrder.get(record.row.orderId)?.push(record);
  return byOrder;
}

/** Which order a shipment belongs to, among those the caller may see (every tenant's for a platform key). */
export async function ownerOfShipment(db: Db, tenantId: string | null, shipmentId: string) {
  const [row] = await db
    .select({ orderId: shipments.orderId, tenantId: shipments.tenantId })
    .from(shipments)
    .where(
      and(eq(shipments.id, shipmentId), tenantId ? eq(shipments.tenantId, tenantId) : undefined),
    );
  return row;
}
