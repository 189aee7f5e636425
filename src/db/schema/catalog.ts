import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { now, type StoredAddress } from "./shared";
import { tenants } from "./tenants";

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
    serialTracked: integer("serial_tracked", { mode: "boolean" }).notNull().default(false),
    lotTracked: integer("lot_tracked", { mode: "boolean" }).notNull().default(false),
    expiryTracked: integer("expiry_tracked", { mode: "boolean" }).notNull().default(false),
    minShelfLifeDays: integer("min_shelf_life_days").notNull().default(0),
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
