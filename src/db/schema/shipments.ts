import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { ShippedLot, TrackingEvent } from "../../domain/shapes";
import { SHIPMENT_STATUSES } from "../../domain/statuses";
import type { Dimensions, Weight } from "./shared";

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

/** One row per physical box: its own tracking number. WITHOUT ROWID, as are the items. */
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
    /** The packaging type the parcel went in, as the rate card names it (issue 24). */
    packaging: text("packaging"),
    /** The carrier's scans in the order received; null (one byte) until the first. */
    trackingEvents: text("tracking_events", { mode: "json" }).$type<TrackingEvent[]>(),
  },
  (t) => [primaryKey({ columns: [t.shipmentId, t.position] })],
);

export const shipmentItems = sqliteTable(
  "shipment_items",
  {
    shipmentId: text("shipment_id").notNull(),
    /** The order line's ids, kept with the item so a shipment renders on its own. */
    orderLineId: text("order_line_id").notNull(),
    lineId: text("line_id"),
    sku: text("sku").notNull(),
    quantity: integer("quantity").notNull(),
    /** The units' serial numbers, for a serial-tracked product; null for any other. */
    serials: text("serials", { mode: "json" }).$type<string[]>(),
    /** The lots its units left from, for a product whose stock has lots; null for any other. */
    lots: text("lots", { mode: "json" }).$type<ShippedLot[]>(),
  },
  (t) => [primaryKey({ columns: [t.shipmentId, t.orderLineId] })],
);
