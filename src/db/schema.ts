import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull(),
    createdAt: text("created_at").notNull().default(now),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_unique").on(t.keyHash),
    index("api_keys_tenant_idx").on(t.tenantId),
  ],
);

export const warehouses = sqliteTable("warehouses", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  code: text("code").notNull(),
  address: text("address", { mode: "json" }).$type<StoredAddress>().notNull(),
  createdAt: text("created_at").notNull().default(now),
});

export const shippingMethods = sqliteTable(
  "shipping_methods",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    carrier: text("carrier").notNull(),
    carrierName: text("carrier_name"),
    serviceCode: text("service_code").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("shipping_methods_name_idx").on(t.name)],
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
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("products_tenant_sku_unique").on(t.tenantId, t.sku),
    uniqueIndex("products_change_seq_unique").on(t.changeSeq),
    index("products_tenant_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
  ],
);
