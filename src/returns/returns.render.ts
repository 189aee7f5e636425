import { type SQL, sql } from "drizzle-orm";
import type { returnLines, returns } from "../db/schema";
import type { ReturnView } from "./returns.routes";

export type ReturnRow = typeof returns.$inferSelect;
export type ReturnLine = typeof returnLines.$inferSelect;

/** The guide's return object (§5c): the lines received, or the RMA's until then. */
export function renderReturn(row: ReturnRow, lines: readonly ReturnLine[]): ReturnView {
  const ordered = [...lines].sort((a, b) => a.lineNo - b.lineNo);
  const expected = ordered.filter((l) => l.stage === "expected");
  const received = ordered.filter((l) => l.stage === "received");
  return {
    id: row.id,
    order_id: row.orderId,
    order_number: row.orderNumber,
    rma: row.rma,
    status: row.status,
    received_at: row.receivedAt,
    warehouse_id: row.warehouseId,
    items: (row.status === "expected" ? expected : received).map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      condition: l.condition,
      restocked: l.restocked,
    })),
    expected_items: expected.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    reason: row.reason,
    processed_at: row.processedAt,
    version: String(row.version),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/**
 * The return as an event carries it: rendered before the write, with the times the
 * database assigns inside it read back in the same statement, so the event never
 * disagrees with the row.
 */
export const returnJson = (view: ReturnView): SQL => {
  const of = (column: string) =>
    sql`(SELECT ${sql.raw(column)} FROM returns WHERE id = ${view.id})`;
  return sql`json_set(${JSON.stringify(view)},
    '$.created_at', ${of("created_at")}, '$.updated_at', ${of("updated_at")},
    '$.received_at', ${of("received_at")})`;
};
