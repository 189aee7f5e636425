import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { now } from "./shared";

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
