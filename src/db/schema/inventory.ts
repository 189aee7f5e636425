import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  ADJUSTMENT_REASONS,
  ALLOCATION_STATUSES,
  CONDITION_MOVE_REASONS,
  STOCK_CONDITIONS,
} from "../../domain/statuses";
import { now } from "./shared";

/** One row per tenant × warehouse × sku; written only by that stock Durable Object. */
export const inventory = sqliteTable(
  "inventory",
  {
    tenantId: text("tenant_id").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    sku: text("sku").notNull(),
    onHand: integer("on_hand").notNull(),
    allocated: integer("allocated").notNull(),
    backordered: integer("backordered").notNull(),
    /** Units held apart from on_hand, never allocatable (migrations/shard/0018). */
    quarantine: integer("quarantine").notNull().default(0),
    damaged: integer("damaged").notNull().default(0),
    expired: integer("expired").notNull().default(0),
    version: integer("version").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("inventory_pk").on(t.tenantId, t.warehouseId, t.sku),
    index("inventory_sku_idx").on(t.tenantId, t.sku, t.warehouseId),
  ],
);

/**
 * Units on their way per open ASN line, kept by triggers on inbound_lines and
 * inbound_shipments (migrations/shard/0002_stock_by_sku.sql) while the ASN is open.
 */
export const incomingStock = sqliteTable(
  "incoming_stock",
  {
    tenantId: text("tenant_id").notNull(),
    sku: text("sku").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    inboundId: text("inbound_id").notNull(),
    units: integer("units").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sku, t.warehouseId, t.inboundId] })],
);

/** The per-SKU change feed behind GET /v1/inventory (a SKU changes when any warehouse does). */
export const inventorySkus = sqliteTable(
  "inventory_skus",
  {
    tenantId: text("tenant_id").notNull(),
    sku: text("sku").notNull(),
    updatedAt: text("updated_at").notNull(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("inventory_skus_pk").on(t.tenantId, t.sku),
    uniqueIndex("inventory_skus_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("inventory_skus_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
  ],
);

/** What each order wants from one stock row: allocated whole, waiting, or released. */
export const stockDemands = sqliteTable(
  "stock_demands",
  {
    tenantId: text("tenant_id").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    sku: text("sku").notNull(),
    orderId: text("order_id").notNull(),
    /** The order line the demand is for: two lines of one SKU allocate apart. */
    lineNo: integer("line_no").notNull().default(0),
    quantity: integer("quantity").notNull(),
    status: text("status", { enum: ALLOCATION_STATUSES }).notNull(),
    priority: integer("priority").notNull(),
    seq: integer("seq").notNull().default(0),
    locked: integer("locked", { mode: "boolean" }).notNull().default(false),
    /** The lots an allocated demand holds, when its row has lots (migrations/shard/0019). */
    lots: text("lots", { mode: "json" }).$type<Record<string, number>>(),
    shipBy: text("ship_by"),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("stock_demands_pk").on(t.tenantId, t.warehouseId, t.sku, t.orderId, t.lineNo),
    // What a stock object loads: the open demands, not the released ones kept as history.
    index("stock_demands_open_idx")
      .on(t.tenantId, t.warehouseId, t.sku)
      .where(sql`status <> 'released'`),
  ],
);

export const inventoryAdjustments = sqliteTable(
  "inventory_adjustments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    sku: text("sku").notNull(),
    quantityDelta: integer("quantity_delta").notNull(),
    reason: text("reason", { enum: ADJUSTMENT_REASONS }).notNull(),
    lot: text("lot"),
    expiresOn: text("expires_on"),
    note: text("note"),
    actor: text("actor").notNull(),
    adjustedAt: text("adjusted_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("inventory_adjustments_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("inventory_adjustments_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
  ],
);

/** Units the floor moved between conditions: the audit record of each move. */
export const inventoryConditionMoves = sqliteTable(
  "inventory_condition_moves",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    sku: text("sku").notNull(),
    fromCondition: text("from_condition", { enum: STOCK_CONDITIONS }).notNull(),
    toCondition: text("to_condition", { enum: STOCK_CONDITIONS }).notNull(),
    quantity: integer("quantity").notNull(),
    reason: text("reason", { enum: CONDITION_MOVE_REASONS }).notNull(),
    lot: text("lot"),
    note: text("note"),
    actor: text("actor").notNull(),
    movedAt: text("moved_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("inventory_condition_moves_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("inventory_condition_moves_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
  ],
);

/** Stock that left or came back for a reason (`ref`); the unique ref makes each move apply once. */
export const stockMovements = sqliteTable(
  "stock_movements",
  {
    tenantId: text("tenant_id").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    sku: text("sku").notNull(),
    ref: text("ref").notNull(),
    orderId: text("order_id").notNull(),
    quantityDelta: integer("quantity_delta").notNull(),
    lots: text("lots", { mode: "json" }).$type<Record<string, number>>(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("stock_movements_ref_unique").on(t.tenantId, t.warehouseId, t.sku, t.ref)],
);

/** One lot's units in one stock row, beside the row's totals; written by its stock object. */
export const stockLots = sqliteTable(
  "stock_lots",
  {
    tenantId: text("tenant_id").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    sku: text("sku").notNull(),
    lot: text("lot").notNull(),
    expiresOn: text("expires_on"),
    onHand: integer("on_hand").notNull(),
    allocated: integer("allocated").notNull(),
    quarantine: integer("quarantine").notNull(),
    damaged: integer("damaged").notNull(),
    expired: integer("expired").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.warehouseId, t.sku, t.lot] }),
    index("stock_lots_sku_idx").on(t.tenantId, t.sku),
  ],
);
