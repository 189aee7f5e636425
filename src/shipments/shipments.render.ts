import type { shipmentItems, shipmentParcels, shipments } from "../db/schema";
import type { ShipmentStatus, ShipmentView } from "./shipments.schemas";

export type ShipmentRow = typeof shipments.$inferSelect;
export type ParcelRow = typeof shipmentParcels.$inferSelect;
export type ShipmentItemRow = typeof shipmentItems.$inferSelect;

export interface ShipmentRecord {
  row: ShipmentRow;
  parcels: ParcelRow[];
  items: ShipmentItemRow[];
}

/** The guide's shipment object; parcels omit weight/dimensions they were not given. */
export function renderShipment({ row, parcels, items }: ShipmentRecord): ShipmentView {
  return {
    id: row.id,
    order_id: row.orderId,
    order_number: row.orderNumber,
    status: row.status as ShipmentStatus,
    warehouse_id: row.warehouseId,
    shipped_at: row.shippedAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    cost:
      row.costAmount && row.costCurrency
        ? { amount: row.costAmount, currency: row.costCurrency }
        : null,
    voided: row.voided,
    parcels: [...parcels]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        tracking_number: p.trackingNumber,
        tracking_url: p.trackingUrl,
        carrier: p.carrier,
        service: p.service,
        ...(p.weight ? { weight: p.weight as ShipmentView["parcels"][number]["weight"] } : {}),
        ...(p.dimensions
          ? { dimensions: p.dimensions as ShipmentView["parcels"][number]["dimensions"] }
          : {}),
      })),
    items: items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
    status_history: row.statusHistory as ShipmentView["status_history"],
    version: String(row.version),
  };
}

/** Units of each SKU that left and were not voided. */
export function shippedBySku(records: ShipmentRecord[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of records) {
    if (r.row.voided) continue;
    for (const i of r.items) totals.set(i.sku, (totals.get(i.sku) ?? 0) + i.quantity);
  }
  return totals;
}
