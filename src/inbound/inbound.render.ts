import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { inboundLines, inboundShipments } from "../db/schema";
import type { InboundShipment } from "./inbound.routes";

/*
 * An ASN (guide §5a) as committed, read by SQLite from its rows: the snapshot that reads,
 * writes and `inbound.*` events all take (events read it inside the write, so an event
 * always shows the rows as committed), and the one rendering of it as the API's object.
 */

type Row = typeof inboundShipments.$inferSelect;
type Line = typeof inboundLines.$inferSelect;

export type InboundSnapshot = Pick<
  Row,
  | "id"
  | "tenantId"
  | "reference"
  | "warehouseId"
  | "supplier"
  | "expectedAt"
  | "status"
  | "receivedAt"
  | "closedAt"
  | "cancelledAt"
  | "version"
  | "createdAt"
  | "updatedAt"
> & { lines: Pick<Line, "sku" | "expectedQuantity" | "receivedQuantity" | "damagedQuantity">[] };

/** The ASN's snapshot (`InboundSnapshot`) as one JSON value, or NULL for an id with no ASN. */
export function inboundSnapshot(id: SQLWrapper | string): SQL {
  return sql`(SELECT json_object(
    'id', s.id, 'tenantId', s.tenant_id, 'reference', s.reference, 'warehouseId', s.warehouse_id,
    'supplier', s.supplier, 'expectedAt', s.expected_at, 'status', s.status,
    'receivedAt', s.received_at, 'closedAt', s.closed_at, 'cancelledAt', s.cancelled_at,
    'lines', json((SELECT json_group_array(json_object(
        'sku', l.sku,
        'expectedQuantity', l.expected_quantity,
        'receivedQuantity', l.received_quantity,
        'damagedQuantity', l.damaged_quantity))
      FROM (SELECT * FROM inbound_lines WHERE inbound_id = s.id ORDER BY line_no) AS l)),
    'version', s.version, 'createdAt', s.created_at, 'updatedAt', s.updated_at)
    FROM inbound_shipments AS s WHERE s.id = ${id})`;
}

export function renderInbound(s: InboundSnapshot): InboundShipment {
  return {
    id: s.id,
    reference: s.reference,
    warehouse_id: s.warehouseId,
    supplier: s.supplier,
    expected_at: s.expectedAt,
    status: s.status,
    received_at: s.receivedAt,
    closed_at: s.closedAt,
    cancelled_at: s.cancelledAt,
    items: s.lines.map((l) => ({
      sku: l.sku,
      expected_quantity: l.expectedQuantity,
      received_quantity: l.receivedQuantity,
      damaged_quantity: l.damagedQuantity,
      discrepancy: l.receivedQuantity - l.expectedQuantity,
    })),
    version: String(s.version),
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}
