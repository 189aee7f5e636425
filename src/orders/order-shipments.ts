import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Db, statement } from "../db/client";
import { patched } from "../db/events";
import { feedStamp } from "../db/feed";
import { shipmentParcels, shipments } from "../db/schema";
import { chunked, jsonRows } from "../db/sql";
import { shippedStatements } from "../serials/serials.store";
import { renderShipment } from "../shipments/shipments.render";
import type { ShipmentRecord } from "../shipments/shipments.rules";

/*
 * A shipment's rows, written inside the batch of the order change that makes or moves it:
 * the shipment, its parcels and its items, each sized by D1's limits whatever the input.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

/** The columns the database assigns a shipment inside the write, read back with it. */
export const SHIPMENT_STAMPS = {
  createdAt: shipments.createdAt,
  updatedAt: shipments.updatedAt,
  changeSeq: shipments.changeSeq,
};

export function insertShipment(db: Db, record: ShipmentRecord): BatchItem[] {
  const { createdAt: _c, updatedAt: _u, changeSeq: _s, ...row } = record.row;
  const stamp = feedStamp("shipments", row.tenantId);
  const parcels = record.parcels.map((p) => [
    p.position,
    p.trackingNumber,
    p.trackingUrl,
    p.carrier,
    p.service,
    p.weight === null ? null : JSON.stringify(p.weight),
    p.dimensions === null ? null : JSON.stringify(p.dimensions),
    p.packaging,
  ]);
  const items = record.items.map((i) => [
    i.orderLineId,
    i.lineId,
    i.sku,
    i.quantity,
    i.serials === null ? null : JSON.stringify(i.serials),
    i.lots === null ? null : JSON.stringify(i.lots),
  ]);
  return [
    db
      .insert(shipments)
      .values({ ...row, createdAt: stamp.updatedAt, ...stamp })
      .returning(SHIPMENT_STAMPS),
    ...chunked(parcels).map((group) =>
      statement(
        db,
        sql`INSERT INTO shipment_parcels (shipment_id, position, tracking_number, tracking_url, carrier, service, weight, dimensions, packaging)
        SELECT ${row.id}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7
        FROM ${jsonRows(group)} AS j`,
      ),
    ),
    ...chunked(items).map((group) =>
      statement(
        db,
        sql`INSERT INTO shipment_items (shipment_id, order_line_id, line_id, sku, quantity, serials, lots)
        SELECT ${row.id}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5
        FROM ${jsonRows(group)} AS j`,
      ),
    ),
    // The serials were claimed before stock moved; the shipment's write records them leaving.
    ...(record.items.some((i) => i.serials) ? shippedStatements(db, row.id) : []),
  ];
}

/**
 * A carrier status, scans or a void: the shipment's new status, history and version, and
 * the scans of each parcel that has new ones (`before` is the shipment as it was).
 */
export function updateShipment(
  db: Db,
  record: ShipmentRecord,
  before: ShipmentRecord | undefined,
): BatchItem[] {
  const stamp = feedStamp("shipments", record.row.tenantId);
  const scanned = record.parcels.filter(
    (p) =>
      p.trackingEvents !== before?.parcels.find((b) => b.position === p.position)?.trackingEvents,
  );
  const shipment = db
    .update(shipments)
    .set({
      status: record.row.status,
      statusHistory: record.row.statusHistory,
      voided: record.row.voided,
      voidedAt: record.row.voidedAt,
      version: record.row.version,
      ...stamp,
    })
    .where(eq(shipments.id, record.row.id))
    .returning(SHIPMENT_STAMPS);
  return [
    shipment,
    ...scanned.map((p) =>
      db
        .update(shipmentParcels)
        .set({ trackingEvents: p.trackingEvents })
        .where(
          and(
            eq(shipmentParcels.shipmentId, record.row.id),
            eq(shipmentParcels.position, p.position),
          ),
        ),
    ),
  ];
}

/** The times a shipment's write assigns, read inside the write, for its place in an event. */
export const shipmentStamps = (id: string, path: string): [string, SQL][] => [
  [`${path}.created_at`, sql`(SELECT created_at FROM shipments WHERE id = ${id})`],
  [`${path}.updated_at`, sql`(SELECT updated_at FROM shipments WHERE id = ${id})`],
];

/** The shipment as committed, rendered, with what the write assigned. */
export const shipmentSnapshot = (record: ShipmentRecord) =>
  patched(renderShipment(record), shipmentStamps(record.row.id, "$"));
