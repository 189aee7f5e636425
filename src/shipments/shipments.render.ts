import type { ShipmentRecord } from "./shipments.rules";
import type { ShipmentView } from "./shipments.schemas";
import { parcelTracking, timeline } from "./shipments.tracking";

/**
 * The guide's shipment object; parcels omit weight/dimensions they were not given. `archived`:
 * read from the archive of its order rather than from D1.
 */
export function renderShipment(
  { row, parcels, items }: ShipmentRecord,
  archived = false,
): ShipmentView {
  return {
    id: row.id,
    order_id: row.orderId,
    order_number: row.orderNumber,
    status: row.status,
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
        ...(p.weight ? { weight: p.weight } : {}),
        ...(p.dimensions ? { dimensions: p.dimensions } : {}),
        ...(p.packaging ? { packaging: p.packaging } : {}),
        ...parcelTracking(p.trackingEvents),
        tracking_events: timeline(p.trackingEvents),
      })),
    items: items.map((i) => ({
      order_line_id: i.orderLineId,
      line_id: i.lineId,
      sku: i.sku,
      quantity: i.quantity,
      // Items archived before serials existed have no such member.
      serials: i.serials ?? [],
      // As serials: items archived before lots existed have no such member.
      lots: i.lots ?? [],
    })),
    status_history: row.statusHistory,
    version: String(row.version),
    archived,
  };
}
