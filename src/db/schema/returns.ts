import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { RETURN_CONDITIONS, RETURN_LINE_STAGES, RETURN_STATUSES } from "../../domain/statuses";

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
    stage: text("stage", { enum: RETURN_LINE_STAGES }).notNull(),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    /** The order line the units belong to. */
    orderLineId: text("order_line_id"),
    lineId: text("line_id"),
    quantity: integer("quantity").notNull(),
    condition: text("condition", { enum: RETURN_CONDITIONS }),
    restocked: integer("restocked", { mode: "boolean" }),
    /** The serial numbers of the units that came back, for a serial-tracked product. */
    serials: text("serials", { mode: "json" }).$type<string[]>(),
    /** The lot the units came back from, for a lot-tracked product. */
    lot: text("lot"),
  },
  (t) => [uniqueIndex("return_lines_pk").on(t.returnId, t.stage, t.lineNo)],
);
