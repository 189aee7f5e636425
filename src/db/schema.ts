import type { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Scope } from "../api-keys/scopes";
import { EVENT_TYPES } from "../events/event-types";
import type { Dimensions as DimensionsShape, Weight as WeightShape } from "../http/shapes";
import { INBOUND_STATUSES } from "../inbound/inbound-rules";
import { ALLOCATION_STATUSES } from "../inventory/allocation";
import { ADJUSTMENT_REASONS } from "../inventory/stock-ops";
import { ORDER_STATUSES } from "../orders/order";
import type { ShipTo as ShipToShape } from "../orders/orders.schemas";
import { LINE_STAGES, RETURN_CONDITIONS, RETURN_STATUSES } from "../returns/return-rules";
import { SHIPMENT_STATUSES } from "../shipments/shipment-rules";

type ShipTo = z.infer<typeof ShipToShape>;
type Weight = z.infer<typeof WeightShape>;
type Dimensions = z.infer<typeof DimensionsShape>;

// Timestamps are ISO-8601 UTC strings with milliseconds, assigned by the database
// inside the write so that `updated_since` polling never depends on a caller's clock.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export interface StoredAddress {
  address1: string;
  address2?: string | null;
  city: string;
  state?: string | null;
  postcode?: string | null;
  country: string;
}

export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: text("created_at").notNull().default(now),
});

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    // null for platform keys, which belong to the 3PL rather than to a merchant.
    tenantId: text("tenant_id").references(() => tenants.id),
    name: text("name"),
    keyHash: text("key_hash").notNull(),
    keyPrefix: text("key_prefix").notNull(),
    lastFour: text("last_four").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<Scope[]>().notNull(),
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull(),
    createdAt: text("created_at").notNull().default(now),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_unique").on(t.keyHash),
    index("api_keys_tenant_idx").on(t.tenantId),
  ],
);

export const warehouses = sqliteTable(
  "warehouses",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    code: text("code").notNull(),
    address: text("address", { mode: "json" }).$type<StoredAddress>().notNull(),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("warehouses_feed_idx").on(t.updatedAt, t.id)],
);

export const shippingMethods = sqliteTable(
  "shipping_methods",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    carrier: text("carrier").notNull(),
    carrierName: text("carrier_name"),
    serviceCode: text("service_code").notNull(),
    // Other names an order's free-text `shipping_method` may use for this method.
    aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default([]),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("shipping_methods_name_idx").on(t.name),
    index("shipping_methods_feed_idx").on(t.updatedAt, t.id),
  ],
);

export const products = sqliteTable(
  "products",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    barcode: text("barcode"),
    weightValue: real("weight_value"),
    weightUnit: text("weight_unit"),
    length: real("length"),
    width: real("width"),
    height: real("height"),
    dimensionUnit: text("dimension_unit"),
    lowStockThreshold: integer("low_stock_threshold"),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("products_tenant_sku_unique").on(t.tenantId, t.sku),
    uniqueIndex("products_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("products_tenant_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
  ],
);

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
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("orders_tenant_reference_unique").on(t.tenantId, t.reference),
    uniqueIndex("orders_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("orders_tenant_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
    index("orders_tenant_number_idx").on(t.tenantId, t.orderNumber),
  ],
);

export const orderLines = sqliteTable(
  "order_lines",
  {
    orderId: text("order_id").notNull(),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    description: text("description"),
    quantity: integer("quantity").notNull(),
    unitPrice: text("unit_price"),
    currency: text("currency"),
    allocation: text("allocation", { enum: ALLOCATION_STATUSES }).notNull().default("backordered"),
    // The stock version that set `allocation`: an older notification never overwrites it.
    allocationSeq: integer("allocation_seq").notNull().default(0),
  },
  (t) => [
    uniqueIndex("order_lines_pk").on(t.orderId, t.sku),
    index("order_lines_no_idx").on(t.orderId, t.lineNo),
  ],
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

/**
 * One claim per Idempotency-Key and owner (a tenant, or a platform key): the first
 * request binds the key to its operation, its anchor and the resource it acts on; a
 * retry finds the binding and, once the first finished, its stored response.
 */
export const idempotencyClaims = sqliteTable(
  "idempotency_claims",
  {
    owner: text("owner").notNull(),
    key: text("key").notNull(),
    operation: text("operation").notNull(),
    // Order creates anchor on the reference (guide §1); every other write on its body's hash.
    anchor: text("anchor").notNull(),
    resourceId: text("resource_id").notNull(),
    // Tells the request that made the claim from a retry that found it.
    claimToken: text("claim_token").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body", { mode: "json" }).$type<unknown>(),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [
    uniqueIndex("idempotency_claims_pk").on(t.owner, t.key),
    index("idempotency_claims_expiry_idx").on(t.expiresAt),
  ],
);

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
    version: integer("version").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("inventory_pk").on(t.tenantId, t.warehouseId, t.sku)],
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
    quantity: integer("quantity").notNull(),
    status: text("status", { enum: ALLOCATION_STATUSES }).notNull(),
    priority: integer("priority").notNull(),
    seq: integer("seq").notNull().default(0),
    locked: integer("locked", { mode: "boolean" }).notNull().default(false),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("stock_demands_pk").on(t.tenantId, t.warehouseId, t.sku, t.orderId),
    index("stock_demands_order_idx").on(t.orderId),
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

export const orderHistory = sqliteTable(
  "order_history",
  {
    orderId: text("order_id").notNull(),
    seq: integer("seq").notNull(),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    changes: text("changes", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [uniqueIndex("order_history_pk").on(t.orderId, t.seq)],
);

/** The outbox: every state change inserts its event in the same atomic write. */
export const events = sqliteTable(
  "events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(),
    tenantId: text("tenant_id").notNull(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    resourceId: text("resource_id").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: text("created_at").notNull().default(now),
    dispatchedAt: text("dispatched_at"),
  },
  (t) => [
    uniqueIndex("events_id_unique").on(t.id),
    index("events_tenant_idx").on(t.tenantId, t.seq),
    index("events_tenant_type_idx").on(t.tenantId, t.type, t.seq),
    index("events_undispatched_idx").on(t.seq).where(sql`dispatched_at IS NULL`),
    index("events_tenant_undispatched_idx").on(t.tenantId, t.seq).where(sql`dispatched_at IS NULL`),
  ],
);

export const shipments = sqliteTable(
  "shipments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    orderId: text("order_id").notNull(),
    orderNumber: text("order_number").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    status: text("status", { enum: SHIPMENT_STATUSES }).notNull(),
    statusHistory: text("status_history", { mode: "json" })
      .$type<
        { status: (typeof SHIPMENT_STATUSES)[number]; occurred_at: string; note?: string | null }[]
      >()
      .notNull(),
    shippedAt: text("shipped_at").notNull(),
    costAmount: text("cost_amount"),
    costCurrency: text("cost_currency"),
    voided: integer("voided", { mode: "boolean" }).notNull(),
    voidedAt: text("voided_at"),
    version: integer("version").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("shipments_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("shipments_tenant_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
    index("shipments_order_idx").on(t.orderId),
  ],
);

/** One row per physical box: its own tracking number. */
export const shipmentParcels = sqliteTable(
  "shipment_parcels",
  {
    shipmentId: text("shipment_id").notNull(),
    position: integer("position").notNull(),
    trackingNumber: text("tracking_number").notNull(),
    trackingUrl: text("tracking_url"),
    carrier: text("carrier").notNull(),
    service: text("service").notNull(),
    weight: text("weight", { mode: "json" }).$type<Weight>(),
    dimensions: text("dimensions", { mode: "json" }).$type<Dimensions>(),
  },
  (t) => [uniqueIndex("shipment_parcels_pk").on(t.shipmentId, t.position)],
);

export const shipmentItems = sqliteTable(
  "shipment_items",
  {
    shipmentId: text("shipment_id").notNull(),
    sku: text("sku").notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [uniqueIndex("shipment_items_pk").on(t.shipmentId, t.sku)],
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
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("stock_movements_ref_unique").on(t.tenantId, t.warehouseId, t.sku, t.ref)],
);

export const webhookSubscriptions = sqliteTable(
  "webhook_subscriptions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    url: text("url").notNull(),
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    description: text("description"),
    secret: text("secret").notNull(),
    // During a rotation the old secret keeps signing alongside the new one until this time.
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: text("previous_secret_expires_at"),
    status: text("status").$type<"enabled" | "disabled">().notNull(),
    disabledReason: text("disabled_reason"),
    failingSince: text("failing_since"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    deletedAt: text("deleted_at"),
  },
  (t) => [
    index("webhook_subscriptions_tenant_idx").on(t.tenantId),
    index("webhook_subscriptions_feed_idx").on(t.tenantId, t.updatedAt, t.id),
    index("webhook_subscriptions_previous_secret_idx")
      .on(t.previousSecretExpiresAt)
      .where(sql`previous_secret IS NOT NULL`),
  ],
);

/**
 * One event owed to one subscription; `generation` > 0 for each replay. `origin` says what
 * created it: the outbox relay, a test, a redeliver or a recover.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(),
    tenantId: text("tenant_id").notNull(),
    subscriptionId: text("subscription_id").notNull(),
    eventId: text("event_id").notNull(),
    generation: integer("generation").notNull(),
    origin: text("origin")
      .$type<"relay" | "test" | "redeliver" | "recover">()
      .notNull()
      .default("relay"),
    status: text("status").$type<"pending" | "sending" | "succeeded" | "failed">().notNull(),
    attempts: integer("attempts").notNull().default(0),
    leaseUntil: text("lease_until"),
    nextAttemptAt: text("next_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_id_unique").on(t.id),
    uniqueIndex("webhook_deliveries_unique").on(t.eventId, t.subscriptionId, t.generation),
    index("webhook_deliveries_subscription_idx").on(t.subscriptionId, t.seq),
    index("webhook_deliveries_event_idx").on(t.eventId),
    index("webhook_deliveries_open_idx")
      .on(t.status, t.createdAt)
      .where(sql`status IN ('pending', 'sending')`),
    index("webhook_deliveries_recovering_idx")
      .on(t.subscriptionId)
      .where(sql`origin = 'recover' AND status IN ('pending', 'sending')`),
  ],
);

export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    deliveryId: text("delivery_id").notNull(),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    attemptedAt: text("attempted_at").notNull(),
    nextRetryAt: text("next_retry_at"),
  },
  (t) => [uniqueIndex("webhook_attempts_pk").on(t.deliveryId, t.attempt)],
);

/** Operations an order object gave up retrying: listed for operators to retry or discard. */
export const stuckOperations = sqliteTable(
  "stuck_operations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    orderId: text("order_id").notNull(),
    operation: text("operation").notNull(),
    command: text("command", { mode: "json" }).$type<object>().notNull(),
    attempts: integer("attempts").notNull(),
    lastError: text("last_error").notNull(),
    status: text("status", { enum: ["parked", "retried", "discarded"] }).notNull(),
    resolution: text("resolution"),
    parkedAt: text("parked_at").notNull().default(now),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("stuck_operations_status_idx").on(t.status, t.parkedAt)],
);

/** An ASN (guide §5a): stock the ERP says is on its way to one warehouse. */
export const inboundShipments = sqliteTable(
  "inbound_shipments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    reference: text("reference").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    supplier: text("supplier"),
    expectedAt: text("expected_at"),
    status: text("status", { enum: INBOUND_STATUSES }).notNull(),
    // A create with the same reference and no key is a replay only with the same body.
    requestHash: text("request_hash").notNull(),
    receivedAt: text("received_at"),
    closedAt: text("closed_at"),
    // The request that last changed it, so the rest of that request's batch acts only if
    // its change happened (a close or a cancel racing another reports once).
    writeToken: text("write_token"),
    cancelledAt: text("cancelled_at"),
    version: integer("version").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("inbound_shipments_reference_unique").on(t.tenantId, t.reference),
    uniqueIndex("inbound_shipments_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("inbound_shipments_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
  ],
);

export const inboundLines = sqliteTable(
  "inbound_lines",
  {
    inboundId: text("inbound_id").notNull(),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    expectedQuantity: integer("expected_quantity").notNull(),
    receivedQuantity: integer("received_quantity").notNull().default(0),
    damagedQuantity: integer("damaged_quantity").notNull().default(0),
    // How many receipts counted this line: a line with none is still awaited.
    receipts: integer("receipts").notNull().default(0),
  },
  (t) => [
    uniqueIndex("inbound_lines_pk").on(t.inboundId, t.sku),
    index("inbound_lines_sku_idx").on(t.sku, t.inboundId),
  ],
);

/** One receipt on the dock: counted into its ASN once, then its good units into stock. */
export const inboundReceipts = sqliteTable(
  "inbound_receipts",
  {
    id: text("id").primaryKey(),
    inboundId: text("inbound_id").notNull(),
    tenantId: text("tenant_id").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    // The request that wrote the row; only it counts the receipt into the lines.
    claimToken: text("claim_token").notNull(),
    // The ASN's status just before this receipt: a receipt that completes it reports discrepancies.
    priorStatus: text("prior_status", { enum: INBOUND_STATUSES }).notNull(),
    items: text("items", { mode: "json" })
      .$type<{ sku: string; received_quantity: number; damaged_quantity: number }[]>()
      .notNull(),
    receivedAt: text("received_at").notNull(),
    stockAppliedAt: text("stock_applied_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("inbound_receipts_inbound_idx").on(t.inboundId),
    index("inbound_receipts_unapplied_idx").on(t.createdAt).where(sql`stock_applied_at IS NULL`),
  ],
);

/** A customer return (guide §5c): announced by the ERP as an RMA, or recorded by the floor. */
export const returns = sqliteTable(
  "returns",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    orderId: text("order_id").notNull(),
    orderNumber: text("order_number").notNull(),
    rma: text("rma"),
    warehouseId: text("warehouse_id").notNull(),
    status: text("status", { enum: RETURN_STATUSES }).notNull(),
    reason: text("reason"),
    // The RMA create's body, so the same create sent again without a key is a replay.
    requestHash: text("request_hash"),
    version: integer("version").notNull(),
    receivedAt: text("received_at"),
    processedAt: text("processed_at"),
    // NULL until the restocked units reached their stock objects; the cron finishes any left.
    stockAppliedAt: text("stock_applied_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("returns_tenant_rma_unique").on(t.tenantId, t.rma),
    uniqueIndex("returns_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("returns_tenant_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
    index("returns_order_idx").on(t.orderId),
    index("returns_stock_pending_idx").on(t.receivedAt).where(sql`stock_applied_at IS NULL`),
  ],
);

/** A return's lines: the RMA's (`expected`) and what arrived (`received`), with condition. */
export const returnLines = sqliteTable(
  "return_lines",
  {
    returnId: text("return_id").notNull(),
    stage: text("stage", { enum: LINE_STAGES }).notNull(),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    quantity: integer("quantity").notNull(),
    condition: text("condition", { enum: RETURN_CONDITIONS }),
    restocked: integer("restocked", { mode: "boolean" }),
  },
  (t) => [uniqueIndex("return_lines_pk").on(t.returnId, t.stage, t.lineNo)],
);

/** A tenant's sandbox warehouse: whether it fulfils orders by itself, and how fast. */
export const sandboxSettings = sqliteTable("sandbox_settings", {
  tenantId: text("tenant_id").primaryKey(),
  autoFulfill: integer("auto_fulfill", { mode: "boolean" }).notNull(),
  pickAfterSeconds: integer("pick_after_seconds").notNull(),
  shipAfterSeconds: integer("ship_after_seconds").notNull(),
  deliverAfterSeconds: integer("deliver_after_seconds").notNull(),
  parcelsPerOrder: integer("parcels_per_order").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
});
