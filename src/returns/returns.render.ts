import type { returnLines, returns } from "../db/schema";
import type { ReturnView } from "./returns.routes";

export type ReturnRow = typeof returns.$inferSelect;
export type ReturnLine = typeof returnLines.$inferSelect;

/** A return as committed: its row and its lines, expected and received. */
export interface StoredReturn {
  row: ReturnRow;
  lines: ReturnLine[];
}

/**
 * The guide's return object (§5c): the lines received, or the RMA's until then. `archived`:
 * read from the archive of its order rather than from D1.
 */
export function renderReturn({ row, lines }: StoredReturn, archived = false): ReturnView {
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
      order_line_id: l.orderLineId,
      line_id: l.lineId,
      sku: l.sku,
      quantity: l.quantity,
      condition: l.condition,
      restocked: l.restocked,
      // Lines archived before serials existed have no such member.
      serials: l.serials ?? [],
      lot: l.lot ?? null,
    })),
    expected_items: expected.map((l) => ({
      order_line_id: l.orderLineId,
      line_id: l.lineId,
      sku: l.sku,
      quantity: l.quantity,
    })),
    reason: row.reason,
    processed_at: row.processedAt,
    version: String(row.version),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    archived,
  };
}
