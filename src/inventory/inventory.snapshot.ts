import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { inventoryAdjustments, inventoryConditionMoves } from "../db/schema";

/*
 * A SKU's stock as committed, read by SQLite from its rows: every warehouse that holds it
 * or has units of it on the way, with the SKU's feed position. GET /v1/inventory reads it,
 * and every `inventory.*` event stores it inside the write it describes; inventory.render.ts
 * turns it into the API's shape. A warehouse with no stock yet but units on the way shows,
 * with its `incoming`. Every part is read by tenant and SKU (inventory_sku_idx, and
 * incoming_stock, which holds only open ASNs' lines), so it costs this SKU's rows alone.
 */

export interface SkuSnapshot {
  sku: string;
  updatedAt: string;
  changeSeq: number;
  warehouses: {
    warehouseId: string;
    onHand: number;
    allocated: number;
    backordered: number;
    incoming: number;
    quarantine: number;
    damaged: number;
    expired: number;
    /** Each lot's units, first expiry first: read only when asked for (`by=lot`). */
    lots?: LotSnapshot[];
  }[];
}

export interface LotSnapshot {
  lot: string;
  expiresOn: string | null;
  onHand: number;
  allocated: number;
  quarantine: number;
  damaged: number;
  expired: number;
}

type StoredLot = [string, string | null, number, number, number, number, number];

/**
 * How SQLite builds it: positional, since every `inventory.*` event stores one and names
 * were most of its bytes (issue 19). `[sku, updatedAt, changeSeq, [[warehouseId, onHand,
 * allocated, backordered, incoming, quarantine, damaged, expired], …]]`. The three
 * conditions came later (issue 23): events stored before them end at `incoming`.
 */
export type StoredSkuSnapshot = [
  string,
  string,
  number,
  [string, number, number, number, number, number?, number?, number?, StoredLot[]?][],
];

type StoredObject = Omit<SkuSnapshot, "warehouses"> & {
  warehouses: (Omit<SkuSnapshot["warehouses"][number], "quarantine" | "damaged" | "expired"> &
    Partial<SkuSnapshot["warehouses"][number]>)[];
};

/**
 * A stored snapshot read back; events written before it was positional hold the object,
 * and events written before stock had conditions held none.
 */
export const skuSnapshotOf = (stored: StoredSkuSnapshot | StoredObject): SkuSnapshot =>
  Array.isArray(stored)
    ? {
        sku: stored[0],
        updatedAt: stored[1],
        changeSeq: stored[2],
        warehouses: stored[3].map(
          ([
            warehouseId,
            onHand,
            allocated,
            backordered,
            incoming,
            quarantine,
            damaged,
            expired,
            lots,
          ]) => ({
            warehouseId,
            onHand,
            allocated,
            backordered,
            incoming,
            quarantine: quarantine ?? 0,
            damaged: damaged ?? 0,
            expired: expired ?? 0,
            ...(lots && {
              lots: lots.map(
                ([lot, expiresOn, onHand, allocated, quarantine, damaged, expired]) => ({
                  lot,
                  expiresOn,
                  onHand,
                  allocated,
                  quarantine,
                  damaged,
                  expired,
                }),
              ),
            }),
          }),
        ),
      }
    : {
        ...stored,
        warehouses: stored.warehouses.map((w) => ({
          quarantine: 0,
          damaged: 0,
          expired: 0,
          ...w,
        })),
      };

/** An adjustment as committed, as `inventory.adjusted` stores it. */
export type AdjustmentSnapshot = Pick<
  typeof inventoryAdjustments.$inferSelect,
  "id" | "sku" | "warehouseId" | "quantityDelta" | "reason" | "note" | "adjustedAt"
> &
  // Adjustments stored before lots existed carry neither.
  Partial<Pick<typeof inventoryAdjustments.$inferSelect, "lot" | "expiresOn">>;

/** A condition move as committed: its audit record. */
export type ConditionMoveSnapshot = Pick<
  typeof inventoryConditionMoves.$inferSelect,
  | "id"
  | "sku"
  | "warehouseId"
  | "fromCondition"
  | "toCondition"
  | "quantity"
  | "reason"
  | "note"
  | "actor"
  | "movedAt"
> &
  Partial<Pick<typeof inventoryConditionMoves.$inferSelect, "lot">>;

/** Units still on their way to one warehouse for one SKU: its open ASN lines' expected − received. */
function incomingUnits(
  tenantId: SQLWrapper | string,
  warehouseId: SQLWrapper | string,
  sku: SQLWrapper | string,
): SQL {
  return sql`(SELECT COALESCE(SUM(units), 0) FROM incoming_stock
    WHERE tenant_id = ${tenantId} AND sku = ${sku} AND warehouse_id = ${warehouseId})`;
}

/**
 * The SKU's snapshot (`StoredSkuSnapshot`) as one JSON value, narrowed to one warehouse if named.
 * Each row is read once: the feed row for both its stamps, each stock row for its levels,
 * and open ASN lines only for a warehouse's incoming (and to name a warehouse that holds
 * none of the SKU yet), so an event costs the SKU's own rows and no more.
 */
export function skuSnapshot(
  tenantId: SQLWrapper | string,
  sku: SQLWrapper | string,
  warehouseId?: string,
  { withLots = false } = {},
): SQL {
  const onlyWarehouse = (column: SQL) =>
    warehouseId ? sql`AND ${column} = ${warehouseId}` : sql``;
  // Lots are read only when asked for: events and the default list cost no lot rows.
  const lots = withLots
    ? sql`, json((SELECT json_group_array(json_array(l.lot, l.expires_on, l.on_hand, l.allocated,
        l.quarantine, l.damaged, l.expired))
        FROM (SELECT * FROM stock_lots WHERE tenant_id = ${tenantId} AND warehouse_id = w.warehouse_id
          AND sku = ${sku} ORDER BY expires_on IS NULL, expires_on, lot) AS l))`
    : sql``;
  return sql`(SELECT json_array(
    ${sku},
    s.updated_at,
    s.change_seq,
    json((
      SELECT json_group_array(json_array(
        w.warehouse_id,
        w.on_hand,
        w.allocated,
        w.backordered,
        ${incomingUnits(tenantId, sql`w.warehouse_id`, sku)},
        w.quarantine,
        w.damaged,
        w.expired
        ${lots}
      ))
      FROM (
        SELECT warehouse_id, on_hand, allocated, backordered, quarantine, damaged, expired
        FROM inventory
        WHERE tenant_id = ${tenantId} AND sku = ${sku} ${onlyWarehouse(sql`warehouse_id`)}
        UNION ALL
        SELECT DISTINCT g.warehouse_id, 0, 0, 0, 0, 0, 0 FROM incoming_stock AS g
        WHERE g.tenant_id = ${tenantId} AND g.sku = ${sku} ${onlyWarehouse(sql`g.warehouse_id`)}
          AND NOT EXISTS (SELECT 1 FROM inventory AS i WHERE i.tenant_id = g.tenant_id
            AND i.sku = g.sku AND i.warehouse_id = g.warehouse_id)
        ORDER BY warehouse_id
      ) AS w
    ))
  ) FROM (SELECT 1) LEFT JOIN inventory_skus AS s ON s.tenant_id = ${tenantId} AND s.sku = ${sku})`;
}

/** The adjustment as committed, read inside the write so the snapshot carries `adjustedAt`. */
export const adjustmentSnapshot = (id: SQLWrapper | string): SQL => sql`(SELECT json_object(
  'id', a.id, 'sku', a.sku, 'warehouseId', a.warehouse_id, 'quantityDelta', a.quantity_delta,
  'reason', a.reason, 'note', a.note, 'adjustedAt', a.adjusted_at, 'lot', a.lot,
  'expiresOn', a.expires_on)
  FROM inventory_adjustments AS a WHERE a.id = ${id})`;
