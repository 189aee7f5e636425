import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CHARGE_FEES, CHARGE_SOURCES, INVOICE_STATUSES } from "../../domain/statuses";

/*
 * What the 3PL charges (migrations/shard/0020_billing.sql). Rates are integers in
 * ten-thousandths of the currency's major unit; amounts are integers in its minor unit.
 */

/** One version of a tenant's rate card, in force from `effectiveFrom` until the next one's. */
export const rateCards = sqliteTable(
  "rate_cards",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    version: integer("version").notNull(),
    effectiveFrom: text("effective_from").notNull(),
    currency: text("currency").notNull(),
    /** Minor units per major unit: 100 for AUD, 1 for JPY. */
    minorFactor: integer("minor_factor").notNull(),
    orderFee: integer("order_fee").notNull(),
    additionalUnit: integer("additional_unit").notNull(),
    receivingUnit: integer("receiving_unit").notNull(),
    returnFee: integer("return_fee").notNull(),
    storageSmall: integer("storage_small").notNull(),
    storageMedium: integer("storage_medium").notNull(),
    storageLarge: integer("storage_large").notNull(),
    /** Packaging type → rate per parcel. */
    packaging: text("packaging", { mode: "json" }).$type<Record<string, number>>().notNull(),
    freightMarkupBps: integer("freight_markup_bps").notNull(),
    taxBps: integer("tax_bps").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("rate_cards_tenant_from_unique").on(t.tenantId, t.effectiveFrom),
    uniqueIndex("rate_cards_tenant_version_unique").on(t.tenantId, t.version),
  ],
);

/** One immutable charge (or credit) line, priced when its fact happened. */
export const charges = sqliteTable(
  "charges",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    chargeKey: text("charge_key").notNull(),
    fee: text("fee", { enum: CHARGE_FEES }).notNull(),
    sourceType: text("source_type", { enum: CHARGE_SOURCES }).notNull(),
    sourceId: text("source_id").notNull(),
    orderId: text("order_id"),
    warehouseId: text("warehouse_id"),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unitRate: integer("unit_rate").notNull(),
    amount: integer("amount").notNull(),
    tax: integer("tax").notNull(),
    currency: text("currency").notNull(),
    rateCardId: text("rate_card_id").notNull(),
    creditFor: text("credit_for"),
    occurredOn: text("occurred_on").notNull(),
    period: text("period").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("charges_tenant_key_unique").on(t.tenantId, t.chargeKey),
    uniqueIndex("charges_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("charges_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
    index("charges_period_idx").on(t.tenantId, t.period, t.changeSeq),
    index("charges_source_idx").on(t.tenantId, t.sourceId),
    index("charges_order_idx").on(t.tenantId, t.orderId),
  ],
);

/** The last day whose storage each tenant was charged for. */
export const storageProgress = sqliteTable("storage_progress", {
  tenantId: text("tenant_id").primaryKey(),
  lastDay: text("last_day").notNull(),
});

/** The last month each tenant has an issued invoice for. */
export const billingHeads = sqliteTable("billing_heads", {
  tenantId: text("tenant_id").primaryKey(),
  issuedThrough: text("issued_through").notNull(),
});

/** A month's invoice: a draft while the month is open, then issued and immutable. */
export const invoices = sqliteTable(
  "invoices",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    period: text("period").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: INVOICE_STATUSES }).notNull(),
    /** Set when issued; a draft's are its charges' now. */
    lines: integer("lines"),
    subtotal: integer("subtotal"),
    tax: integer("tax"),
    total: integer("total"),
    totalsByFee: text("totals_by_fee", { mode: "json" }).$type<Record<string, number>>(),
    issuedAt: text("issued_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("invoices_tenant_period_unique").on(t.tenantId, t.period, t.currency),
    uniqueIndex("invoices_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("invoices_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
    index("invoices_draft_idx").on(t.period).where(sql`status = 'draft'`),
  ],
);
