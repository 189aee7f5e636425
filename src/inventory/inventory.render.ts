import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/*
 * The SKU inventory object of guide §3, built by SQLite from the stock rows. It is the
 * one rendering used both by GET /v1/inventory and by `inventory.updated` events (built
 * inside the write, so an event always shows the rows as committed).
 */
export function skuInventoryJson(
  tenantId: SQLWrapper | string,
  sku: SQLWrapper | string,
  warehouseId?: string,
): SQL {
  return sql`json_object(
    'sku', ${sku},
    'updated_at', (SELECT s.updated_at FROM inventory_skus AS s WHERE s.tenant_id = ${tenantId} AND s.sku = ${sku}),
    'version', (SELECT CAST(s.change_seq AS TEXT) FROM inventory_skus AS s WHERE s.tenant_id = ${tenantId} AND s.sku = ${sku}),
    'warehouses', json((
      SELECT json_group_array(json_object(
        'warehouse_id', w.warehouse_id,
        'on_hand', w.on_hand,
        'available', MAX(w.on_hand - w.allocated, 0),
        'allocated', w.allocated,
        'incoming', 0,
        'backordered', w.backordered
      ))
      FROM (
        SELECT * FROM inventory
        WHERE tenant_id = ${tenantId} AND sku = ${sku}
          ${warehouseId ? sql`AND warehouse_id = ${warehouseId}` : sql``}
        ORDER BY warehouse_id
      ) AS w
    ))
  )`;
}
