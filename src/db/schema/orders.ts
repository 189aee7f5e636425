import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { ALLOCATION_STATUSES, ORDER_STATUSES } from "../../domain/statuses";
import { type CancellationRequest, now, type ShipTo, type StoredAddress } from "./shared";

/**
 * What a business or cross-border order adds to the order: its billing address, Incoterms,
 * tax registrations and dates, as one JSON object in `order_terms`; a key the order does not
 * have is left out rather than stored null.
 */
export interface OrderTerms {
  billing_address?: StoredAddress;
  incoterms?: string;
  tax_ids?: { type: string; value: string }[];
  ship_by?: string;
  requested_delivery_date?: string;
}

export const orders = sqliteTable(
  "orders",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    orderNumber: text("order_number").notNull(),
    reference: text("reference").notNull(),
    orderDate: text("order_date"),
    warehouseId: text("warehouse_id").notNull(),
    shippingMethodId: text("shipping_method_id"),
    shippingMethod: text("shipping_method"),
    signatureRequired: integer("signature_required", { mode: "boolean" }).notNull(),
    insurance: integer("insurance", { mode: "boolean" }).notNull(),
    giftMessage: text("gift_message"),
    packingNote: text("packing_note"),
    shipTo: text("ship_to", { mode: "json" }).$type<ShipTo>().notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    holdReason: text("hold_reason"),
    cancelReason: text("cancel_reason"),
    // Backorder queue position: the reference claim's sequence, so "oldest first" means
    // the order the API accepted first.
    priority: integer("priority").notNull(),
    version: integer("version").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    cancelledAt: text("cancelled_at"),
    // The partner's latest request that the floor stop the order, as the API shows it.
    cancellationRequest: text("cancellation_request", {
      mode: "json",
    }).$type<CancellationRequest>(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("orders_tenant_reference_unique").on(t.tenantId, t.reference),
    uniqueIndex("orders_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("orders_tenant_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
    index("orders_tenant_number_idx").on(t.tenantId, t.orderNumber),
    index("orders_final_idx").on(t.updatedAt).where(sql`status IN ('shipped', 'cancelled')`),
  ],
);

/** An order's row with its terms, null when it has none: the order as the domain holds it. */
export type StoredOrder = typeof orders.$inferSelect & { terms: OrderTerms | null };

/**
 * An order's terms, for the orders that have any (migrations/shard/0014_order_terms.sql): a
 * row of its own rather than a column, so the many orders without terms store nothing for
 * them. WITHOUT ROWID, read and written with its order.
 */
export const orderTerms = sqliteTable("order_terms", {
  orderId: text("order_id").primaryKey(),
  terms: text("terms", { mode: "json" }).$type<OrderTerms>().notNull(),
});

/** WITHOUT ROWID (migrations/shard/0008_order_bytes.sql), like every child table of an order. */
export const orderLines = sqliteTable(
  "order_lines",
  {
    orderId: text("order_id").notNull(),
    lineNo: integer("line_no").notNull(),
    /** The server's id of the line, stable for its life. */
    id: text("id").notNull(),
    /** The client's own id of the line, unique within the order. */
    lineId: text("line_id"),
    sku: text("sku").notNull(),
    description: text("description"),
    quantity: integer("quantity").notNull(),
    unitPrice: text("unit_price"),
    currency: text("currency"),
    allocation: text("allocation", { enum: ALLOCATION_STATUSES }).notNull().default("backordered"),
    // The stock version that set `allocation`: an older notification never overwrites it.
    allocationSeq: integer("allocation_seq").notNull().default(0),
    // Customs declaration, per unit: the HS code as digits, origin country, declared value.
    hsCode: text("hs_code"),
    countryOfOrigin: text("country_of_origin"),
    customsValue: text("customs_value"),
    customsCurrency: text("customs_currency"),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] })],
);

/** Claims a reference for one order id before any stock moves; the dedup authority. */
export const orderReferences = sqliteTable(
  "order_references",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    tenantId: text("tenant_id").notNull(),
    reference: text("reference").notNull(),
    orderId: text("order_id").notNull(),
    requestHash: text("request_hash").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("order_references_unique").on(t.tenantId, t.reference)],
);

/** An entry's prev_hash is the hash of entry seq - 1 of its order, read from there. */
export const orderHistory = sqliteTable(
  "order_history",
  {
    orderId: text("order_id").notNull(),
    seq: integer("seq").notNull(),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    changes: text("changes", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.seq] })],
);

/**
 * Where an order past its hot window went: its R2 object is `orders/<tenant_id>/<order_id>.json`
 * (src/db/archived-orders.ts). The reference stays claimed in `order_references`.
 */
export const archivedOrders = sqliteTable("archived_orders", {
  orderId: text("order_id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  archivedAt: text("archived_at").notNull(),
});

/** Which archived order holds a shipment, so the shipment stays readable by its id. */
export const archivedShipments = sqliteTable("archived_shipments", {
  shipmentId: text("shipment_id").primaryKey(),
  orderId: text("order_id").notNull(),
});

/**
 * Which archived order holds a return, so the return stays readable by its id, and its RMA,
 * which stays taken.
 */
export const archivedReturns = sqliteTable(
  "archived_returns",
  {
    returnId: text("return_id").primaryKey(),
    orderId: text("order_id").notNull(),
    tenantId: text("tenant_id").notNull(),
    rma: text("rma").notNull(),
  },
  (t) => [uniqueIndex("archived_returns_rma_unique").on(t.tenantId, t.rma)],
);
