import type { shipmentItems, shipmentParcels, shipments } from "../db/schema";
import { shipmentRule } from "../domain/actions";
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

/** Units of one order line (its number within the order), in its SKU's stock row. */
export interface LineItem extends Item {
  lineNo: number;
}

/** What an order line is to a shipment: its ids, its SKU and what it ordered. */
export type ShippableLine = LineItem & { id: string; lineId: string | null };

/** A stock movement a shipment decision implies, applied once per `ref` by the stock row. */
export interface Move extends LineItem {
  ref: string;
  /** Where a void's units go back to: the lots they left from. */
  lots?: Record<string, number>;
}

/**
 * An item as the floor sends it: its SKU, the line's `line_id` or `id` when it names one, and
 * its units' serial numbers when its product is serial tracked.
 */
export interface ShipItem extends Item {
  lineId?: string;
  serials?: string[];
}

export interface ShipInput {
  shipmentId: string;
  parcels: (Omit<ParcelRow, "shipmentId" | "position" | "trackingEvents" | "packaging"> & {
    packaging?: string | null;
  })[];
  items: ShipItem[];
  cost: { amount: string; currency: string } | null;
  shippedAt: string;
}

/** Units of each order line (by its server id) that left and were not voided. */
export function shippedByLine(records: readonly ShipmentRecord[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of records) {
    if (r.row.voided) continue;
    for (const i of r.items) {
      totals.set(i.orderLineId, (totals.get(i.orderLineId) ?? 0) + i.quantity);
    }
  }
  return totals;
}

/** What the shipments that still stand say about an order; with none left it is back to picking. */
export function fulfilmentStatus(
  lines: readonly (Item & { id: string })[],
  records: readonly ShipmentRecord[],
): "processing" | "partially_shipped" | "shipped" {
  const shipped = shippedByLine(records);
  if (lines.every((l) => (shipped.get(l.id) ?? 0) >= l.quantity)) return "shipped";
  return lines.some((l) => (shipped.get(l.id) ?? 0) > 0) ? "partially_shipped" : "processing";
}

/**
 * The movement a shipment or void makes in one line's stock row. A line alone with its SKU
 * keeps the ref it always had (so a movement made before lines had ids is still recognised);
 * lines sharing a SKU share a row, so theirs name the line.
 */
export function moveRef(
  kind: "ship" | "void",
  shipmentId: string,
  line: ShippableLine,
  lines: readonly ShippableLine[],
): string {
  const shared = lines.some((l) => l.sku === line.sku && l.lineNo !== line.lineNo);
  return shared ? `${kind}:${shipmentId}:${line.lineNo}` : `${kind}:${shipmentId}`;
}

/**
 * The order line an item names: by `line_id` (the client's, else the server's `id`), else
 * the only line of its SKU. `at` is the item's path, for the refusal's `field`.
 */
export function lineFor<L extends ShippableLine>(
  lines: readonly L[],
  item: { sku: string; lineId?: string | null },
  at: string,
): L | Refusal {
  if (item.lineId != null) {
    const named =
      lines.find((l) => l.lineId === item.lineId) ?? lines.find((l) => l.id === item.lineId);
    if (!named) return { code: "line_not_found", field: `${at}.line_id`, line_id: item.lineId };
    if (named.sku !== item.sku) {
      return {
        code: "line_sku_mismatch",
        field: `${at}.sku`,
        line_id: item.lineId,
        sku: named.sku,
      };
    }
    return named;
  }
  const ofSku = lines.filter((l) => l.sku === item.sku);
  const only = ofSku[0];
  if (!only) return { code: "sku_not_in_order", field: `${at}.sku`, sku: item.sku };
  if (ofSku.length > 1) {
    return {
      code: "ambiguous_line",
      field: `${at}.line_id`,
      sku: item.sku,
      line_ids: ofSku.map((l) => l.lineId ?? l.id).join(", "),
    };
  }
  return only;
}

/** Checks a new shipment against the order's lines and what already shipped. */
export function decideShipment(
  order: { id: string; tenantId: string; orderNumber: string; warehouseId: string },
  lines: readonly ShippableLine[],
  existing: readonly ShipmentRecord[],
  input: ShipInput,
): Refusal | { record: ShipmentRecord; moves: Move[] } {
  const shipped = shippedByLine(existing);
  const taken = new Map<string, { line: ShippableLine; quantity: number; serials: string[] }>();
  for (const [i, item] of input.items.entries()) {
    const line = lineFor(lines, item, `items[${i}]`);
    if ("code" in line) return line;
    const earlier = taken.get(line.id)?.quantity ?? 0;
    const remaining = line.quantity - (shipped.get(line.id) ?? 0) - earlier;
    if (item.quantity > remaining) {
      return {
        code: "over_shipment",
        field: `items[${i}].quantity`,
        sku: item.sku,
        line_id: line.lineId ?? line.id,
        remaining,
        ordered: line.quantity,
      };
    }
    const serials = [...(taken.get(line.id)?.serials ?? []), ...(item.serials ?? [])];
    taken.set(line.id, { line, quantity: earlier + item.quantity, serials });
  }
  const items = [...taken.values()];
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
        packaging: p.packaging ?? null,
        shipmentId: input.shipmentId,
        position,
        trackingEvents: null,
      })),
      items: items.map(({ line, quantity, serials }) => ({
        shipmentId: input.shipmentId,
        orderLineId: line.id,
        lineId: line.lineId,
        sku: line.sku,
        quantity,
        serials: serials.length > 0 ? serials : null,
        // Which lots left is the stock row's answer: settle records it.
        lots: null,
      })),
    },
    moves: items.map(({ line, quantity }) => ({
      lineNo: line.lineNo,
      sku: line.sku,
      quantity: -quantity,
      ref: moveRef("ship", input.shipmentId, line, lines),
    })),
  };
}

/**
 * Why the items' serial numbers do not fit their products: a serial-tracked SKU (`tracked`)
 * lists exactly one per unit, any other lists none. Duplicates were refused with the body.
 */
export function refuseSerials(
  items: readonly ShipItem[],
  tracked: ReadonlySet<string>,
): Refusal | undefined {
  for (const [i, item] of items.entries()) {
    const given = item.serials?.length ?? 0;
    if (tracked.has(item.sku) && given !== item.quantity) {
      return {
        code: "serials_required",
        field: `items[${i}].serials`,
        sku: item.sku,
        quantity: item.quantity,
        given,
      };
    }
    if (!tracked.has(item.sku) && given > 0) {
      return { code: "serials_not_tracked", field: `items[${i}].serials`, sku: item.sku };
    }
  }
  return undefined;
}

/** Where each serial sits in the items, for a refusal naming the one that is taken. */
export function serialField(
  items: readonly ShipItem[],
  sku: string,
  serial: string,
): string | undefined {
  for (const [i, item] of items.entries()) {
    const j = item.sku === sku ? (item.serials?.indexOf(serial) ?? -1) : -1;
    if (j >= 0) return `items[${i}].serials[${j}]`;
  }
  return undefined;
}

/** The serial numbers a shipment carries, by SKU. */
export const serialsOf = (record: ShipmentRecord) =>
  record.items.flatMap((i) => (i.serials ?? []).map((serial) => ({ sku: i.sku, serial })));

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

/**
 * A carrier status for the whole shipment: nothing moves it out of `delivered` or `voided`,
 * and once the carrier scans its parcels one by one, their scans alone set it.
 */
export function decideTracking(
  record: ShipmentRecord,
  status: TrackingStatus,
  occurredAt: string,
  note: string | null,
): Refusal | "unchanged" | ShipmentRecord {
  const current = record.row.status;
  if (current === status) return "unchanged";
  const refusal = shipmentRule("track", current);
  if (refusal) return refusal;
  if (record.parcels.some((p) => (p.trackingEvents?.length ?? 0) > 0)) {
    return { code: "tracked_by_parcels", shipment_status: current };
  }
  return withStatus(record, status, occurredAt, note);
}

/** A voided label: the row stays, flagged, and its units go back to the order's allocation. */
export function decideVoid(
  record: ShipmentRecord,
  lines: readonly ShippableLine[],
  voidedAt: string,
): Refusal | "unchanged" | { record: ShipmentRecord; moves: Move[] } {
  const answer = shipmentRule("void", record.row.status);
  if (answer) return answer;
  const voided = withStatus(record, "voided", voidedAt, null);
  voided.row = { ...voided.row, voided: true, voidedAt };
  const moves: Move[] = [];
  for (const item of record.items) {
    const line = lines.find((l) => l.id === item.orderLineId);
    if (!line) throw new Error(`shipment ${record.row.id} names no line ${item.orderLineId}`);
    moves.push({
      lineNo: line.lineNo,
      sku: line.sku,
      quantity: item.quantity,
      ref: moveRef("void", record.row.id, line, lines),
      ...(item.lots && { lots: Object.fromEntries(item.lots.map((l) => [l.lot, l.quantity])) }),
    });
  }
  return { record: voided, moves };
}
