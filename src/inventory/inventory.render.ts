import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { OPEN_INBOUND } from "../domain/statuses";
import { incomingUnits } from "../inbound/inbound.render";

/*
 * The SKU inventory object of guide §3, built by SQLite from the stock rows and the open
 * ASNs. It is the one rendering used both by GET /v1/inventory and by `inventory.*` events
 * (built inside the write, so an event always shows the rows as committed). A warehouse
 * with no stock yet but units on the way shows, with its `incoming`.
 */
export function skuInventoryJson(
  tenantId: SQLWrapper | string,
  sku: SQLWrapper | string,
  warehouseId?: string,
): SQL {
  const onlyWarehouse = (column: SQL) =>
    warehouseId ? sql`AND ${column} = ${warehouseId}` : sql``;
  return sql`json_object(
    'sku', ${sku},
    'updated_at', (SELECT s.updated_at FROM inventory_skus AS s WHERE s.tenant_id = ${tenantId} AND s.sku = ${sku}),
    'version', (SELECT CAST(s.change_seq AS TEXT) FROM inventory_skus AS s WHERE s.tenant_id = ${tenantId} AND s.sku = ${sku}),
    'warehouses', json((
      SELECT json_group_array(json_object(
        'warehouse_id', w.warehouse_id,
        'on_hand', COALESCE(i.on_hand, 0),
        'available', MAX(COALESCE(i.on_hand, 0) - COALESCE(i.allocated, 0), 0),
        'allocated', COALESCE(i.allocated, 0),
        'incoming', ${incomingUnits(tenantId, sql`w.warehouse_id`, sku)},
        'backordered', COALESCE(i.backordered, 0)
      ))
      FROM (
        SELECT warehouse_id FROM inventory
        WHERE tenant_id = ${tenantId} AND sku = ${sku} ${onlyWarehouse(sql`warehouse_id`)}
        UNION
        SELECT ws.warehouse_id FROM inbound_lines AS wl JOIN inbound_shipments AS ws ON ws.id = wl.inbound_id
        WHERE ws.tenant_id = ${tenantId} AND wl.sku = ${sku} ${onlyWarehouse(sql`ws.warehouse_id`)}
          AND ws.status IN (SELECT value FROM json_each(${JSON.stringify(OPEN_INBOUND)}))
        ORDER BY warehouse_id
      ) AS w
      LEFT JOIN inventory AS i ON i.tenant_id = ${tenantId} AND i.sku = ${sku} AND i.warehouse_id = w.warehouse_id
    ))
  )`;
}
