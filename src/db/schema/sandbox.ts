import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CANCELLATION_ANSWERS } from "../../domain/statuses";
import { now } from "./shared";

/**
 * A tenant's sandbox warehouse: whether it fulfils orders by itself, how fast, and how it
 * answers cancellation requests.
 */
export const sandboxSettings = sqliteTable("sandbox_settings", {
  tenantId: text("tenant_id").primaryKey(),
  autoFulfill: integer("auto_fulfill", { mode: "boolean" }).notNull(),
  pickAfterSeconds: integer("pick_after_seconds").notNull(),
  shipAfterSeconds: integer("ship_after_seconds").notNull(),
  deliverAfterSeconds: integer("deliver_after_seconds").notNull(),
  parcelsPerOrder: integer("parcels_per_order").notNull(),
  // How the simulated floor answers a partner's cancellation request, and why it refuses.
  cancellationRequests: text("cancellation_requests", { enum: CANCELLATION_ANSWERS })
    .notNull()
    .default("accept"),
  cancellationRejectionReason: text("cancellation_rejection_reason").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
});
