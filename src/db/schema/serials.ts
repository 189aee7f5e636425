import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { SERIAL_MOVEMENTS } from "../../domain/statuses";
import { now } from "./shared";

/*
 * Serial numbers of serial-tracked products (migrations/shard/0017_serials.sql). A return
 * brings a serial back through the `serial_returns` view, whose trigger checks, records and
 * frees it in one step.
 */

/** A serial out of the warehouse, held by the shipment that took it: one holder at a time. */
export const serialClaims = sqliteTable(
  "serial_claims",
  {
    tenantId: text("tenant_id").notNull(),
    sku: text("sku").notNull(),
    serial: text("serial").notNull(),
    shipmentId: text("shipment_id").notNull(),
    orderId: text("order_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sku, t.serial] }),
    index("serial_claims_shipment_idx").on(t.shipmentId),
  ],
);

/** What happened to a serial, in the order it happened. */
export const serialMovements = sqliteTable(
  "serial_movements",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    tenantId: text("tenant_id").notNull(),
    sku: text("sku").notNull(),
    serial: text("serial").notNull(),
    kind: text("kind", { enum: SERIAL_MOVEMENTS }).notNull(),
    shipmentId: text("shipment_id"),
    orderId: text("order_id").notNull(),
    returnId: text("return_id"),
    /** The receipt a `received` movement came with (migrations/shard/0021). */
    receiptId: text("receipt_id"),
    occurredAt: text("occurred_at").notNull().default(now),
  },
  (t) => [index("serial_movements_unit_idx").on(t.tenantId, t.sku, t.serial, t.seq)],
);

/** Serials in the warehouse: received (or back from a void or a return) and not shipped since. */
export const serialStock = sqliteTable(
  "serial_stock",
  {
    tenantId: text("tenant_id").notNull(),
    sku: text("sku").notNull(),
    serial: text("serial").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sku, t.serial] })],
);
