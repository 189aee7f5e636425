import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { STUCK_OPERATION_STATUSES } from "../../domain/statuses";
import { now } from "./shared";

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
    status: text("status", { enum: STUCK_OPERATION_STATUSES }).notNull(),
    resolution: text("resolution"),
    parkedAt: text("parked_at").notNull().default(now),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("stuck_operations_status_idx").on(t.status, t.parkedAt)],
);
