import type { shipmentItems, shipmentParcels, shipments } from "../db/schema";
import type { Refusal } from "../domain/refusals";
import type { ShipmentStatus, TrackingStatus } from "../domain/statuses";

/*
 * A shipment's life, with no I/O: what may ship for an order, which carrier statuses may
 * follow which, and what a void gives back. The order object applies these decisions;
 * nothing here knows about orders beyond their lines.
 */

export type ShipmentRow = typeof shipments.$inferSelect;
export type ParcelRow = typeof shipmentParcels.$inferSelect;
export type ShipmentItemRow = typeof shipmentItems.$inferSelect;

export interface ShipmentRecord {
  row: ShipmentRow;
  parcels: ParcelRow[];
  items: ShipmentItemRow[];
}

export interface Item {
  sku: string;
  quantity: number;
}

/** A stock movement a shipment decision implies, applied once per `ref` by the stock row. */
export interface Move extends Item {
  ref: string;
}

export interface ShipInput {
  shipmentId: string;
  parcels: Omit<ParcelRow, "shipmentId" | "position">[];
  items: Item[];
  cost: { amount: string; currency: string } | null;
  shippedAt: string;
}

/** Units of each SKU that left and were not voided. */
export function shippedBySku(records: readonly ShipmentRecord[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of records) {
    if (r.row.voided) continue;
    for (const i of r.items) totals.set(i.sku, (totals.get(i.sku) ?? 0) + i.quantity);
  }
  return totals;
}

/** What the shipments that still stand say about an order; with none left it is back to picking. */
export function fulfilmentStatus(
  lines: readonly Item[],
  records: readonly ShipmentRecord[],
): "processing" | "partially_shipped" | "shipped" {
  const shipped = shippedBySku(records);
  if (lines.every((l) => (shipped.get(l.sku) ?? 0) >= l.quantity)) return "shipped";
  return lines.some((l) => (shipped.get(l.sku) ?? 0) > 0) ? "partially_shipped" : "processing";
}

export const moveRef = (kind: "ship" | "void", shipmentId: string) => `${kind}:${shipmentId}`;

/** Checks a new shipment against the order's lines and what already shipped. */
export function decideShipment(
  order: { id: string; tenantId: string; orderNumber: string; warehouseId: string },
  lines: readonly Item[],
  existing: readonly ShipmentRecord[],
  input: ShipInput,
): Refusal | { record: ShipmentRecord; moves: Move[] } {
  const shipped = shippedBySku(existing);
  for (const [i, item] of input.items.entries()) {
    const line = lines.find((l) => l.sku === item.sku);
    if (!line) return { code: "sku_not_in_order", field: `items[${i}].sku`, sku: item.sku };
    const remaining = line.quantity - (shipped.get(item.sku) ?? 0);
    if (item.quantity > remaining) {
      return {
        code: "over_shipment",
        field: `items[${i}].quantity`,
        sku: item.sku,
        remaining,
        ordered: line.quantity,
      };
    }
  }
  const ref = moveRef("ship", input.shipmentId);
  return {
    record: {
      row: {
        id: input.shipmentId,
        tenantId: order.tenantId,
        orderId: order.id,
        orderNumber: order.orderNumber,
        warehouseId: order.warehouseId,
        status: "shipped",
        statusHistory: [{ status: "shipped", occurred_at: input.shippedAt }],
        shippedAt: input.shippedAt,
        costAmount: input.cost?.amount ?? null,
        costCurrency: input.cost?.currency ?? null,
        voided: false,
        voidedAt: null,
        version: 1,
        createdAt: "",
        updatedAt: "",
        changeSeq: 0,
      },
      parcels: input.parcels.map((p, position) => ({
        ...p,
        shipmentId: input.shipmentId,
        position,
      })),
      items: input.items.map((i) => ({ ...i, shipmentId: input.shipmentId })),
    },
    moves: input.items.map((i) => ({ sku: i.sku, quantity: -i.quantity, ref })),
  };
}

function withStatus(
  record: ShipmentRecord,
  status: ShipmentStatus,
  occurredAt: string,
  note: string | null,
): ShipmentRecord {
  return {
    ...record,
    row: {
      ...record.row,
      status,
      version: record.row.version + 1,
      statusHistory: [
        ...record.row.statusHistory,
        { status, occurred_at: occurredAt, ...(note ? { note } : {}) },
      ],
    },
  };
}

/** A carrier status: nothing moves a shipment out of `delivered` or `voided`. */
export function decideTracking(
  record: ShipmentRecord,
  status: TrackingStatus,
  occurredAt: string,
  note: string | null,
): Refusal | "unchanged" | ShipmentRecord {
  const current = record.row.status;
  if (current === status) return "unchanged";
  if (current === "voided") return { code: "shipment_voided", shipment_status: current };
  if (current === "delivered") return { code: "already_delivered", shipment_status: current };
  return withStatus(record, status, occurredAt, note);
}

/** A voided label: the row stays, flagged, and its units go back to the order's allocation. */
export function decideVoid(
  record: ShipmentRecord,
  voidedAt: string,
): Refusal | "unchanged" | { record: ShipmentRecord; moves: Move[] } {
  if (record.row.voided) return "unchanged";
  if (record.row.status === "delivered") {
    return { code: "already_delivered", shipment_status: "delivered" };
  }
  const voided = withStatus(record, "voided", voidedAt, null);
  voided.row = { ...voided.row, voided: true, voidedAt };
  const ref = moveRef("void", record.row.id);
  return {
    record: voided,
    moves: record.items.map((i) => ({ sku: i.sku, quantity: i.quantity, ref })),
  };
}
