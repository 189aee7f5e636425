import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { OPEN_INBOUND } from "../domain/statuses";

/*
 * The ASN object of guide §5a, built by SQLite from its rows: the one rendering used by
 * reads, write responses and `inbound.*` events (built inside the write, so an event
 * always shows the rows as committed).
 */
export function inboundJson(id: SQLWrapper | string): SQL {
  return sql`(SELECT json_object(
    'id', s.id, 'reference', s.reference, 'warehouse_id', s.warehouse_id, 'supplier', s.supplier,
    'expected_at', s.expected_at, 'status', s.status, 'received_at', s.received_at,
    'closed_at', s.closed_at, 'cancelled_at', s.cancelled_at,
    'items', json((SELECT json_group_array(json_object(
        'sku', l.sku,
        'expected_quantity', l.expected_quantity,
        'received_quantity', l.received_quantity,
        'damaged_quantity', l.damaged_quantity,
        'discrepancy', l.received_quantity - l.expected_quantity))
      FROM (SELECT * FROM inbound_lines WHERE inbound_id = s.id ORDER BY line_no) AS l)),
    'version', CAST(s.version AS TEXT), 'created_at', s.created_at, 'updated_at', s.updated_at)
    FROM inbound_shipments AS s WHERE s.id = ${id})`;
}

/** Units still on their way to one warehouse for one SKU: open ASNs' expected − received, never below 0. */
export function incomingUnits(
  tenantId: SQLWrapper | string,
  warehouseId: SQLWrapper | string,
  sku: SQLWrapper | string,
): SQL {
  return sql`(SELECT COALESCE(SUM(MAX(il.expected_quantity - il.received_quantity, 0)), 0)
    FROM inbound_lines AS il JOIN inbound_shipments AS ish ON ish.id = il.inbound_id
    WHERE ish.tenant_id = ${tenantId} AND ish.warehouse_id = ${warehouseId} AND il.sku = ${sku}
      AND ish.status IN (SELECT value FROM json_each(${JSON.stringify(OPEN_INBOUND)})))`;
}
