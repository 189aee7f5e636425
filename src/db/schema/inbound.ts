import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { INBOUND_STATUSES } from "../../domain/statuses";
import { now } from "./shared";

/** An ASN (guide §5a): stock the ERP says is on its way to one warehouse. */
export const inboundShipments = sqliteTable(
  "inbound_shipments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    reference: text("reference").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    supplier: text("supplier"),
    expectedAt: text("expected_at"),
    status: text("status", { enum: INBOUND_STATUSES }).notNull(),
    // A create with the same reference and no key is a replay only with the same body.
    requestHash: text("request_hash").notNull(),
    receivedAt: text("received_at"),
    closedAt: text("closed_at"),
    // The request that last changed it, so the rest of that request's batch acts only if
    // its change happened (a close or a cancel racing another reports once).
    writeToken: text("write_token"),
    cancelledAt: text("cancelled_at"),
    version: integer("version").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    changeSeq: integer("change_seq").notNull(),
  },
  (t) => [
    uniqueIndex("inbound_shipments_reference_unique").on(t.tenantId, t.reference),
    uniqueIndex("inbound_shipments_tenant_seq_unique").on(t.tenantId, t.changeSeq),
    index("inbound_shipments_feed_idx").on(t.tenantId, t.updatedAt, t.changeSeq),
  ],
);

export const inboundLines = sqliteTable(
  "inbound_lines",
  {
    inboundId: text("inbound_id").notNull(),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    expectedQuantity: integer("expected_quantity").notNull(),
    receivedQuantity: integer("received_quantity").notNull().default(0),
    damagedQuantity: integer("damaged_quantity").notNull().default(0),
    // How many receipts counted this line: a line with none is still awaited.
    receipts: integer("receipts").notNull().default(0),
  },
  (t) => [
    uniqueIndex("inbound_lines_pk").on(t.inboundId, t.sku),
    index("inbound_lines_sku_idx").on(t.sku, t.inboundId),
  ],
);

/** One receipt on the dock: counted into its ASN once, then its good units into stock. */
export const inboundReceipts = sqliteTable(
  "inbound_receipts",
  {
    id: text("id").primaryKey(),
    inboundId: text("inbound_id").notNull(),
    tenantId: text("tenant_id").notNull(),
    warehouseId: text("warehouse_id").notNull(),
    // The request that wrote the row; only it counts the receipt into the lines.
    claimToken: text("claim_token").notNull(),
    // The ASN's status just before this receipt: a receipt that completes it reports discrepancies.
    priorStatus: text("prior_status", { enum: INBOUND_STATUSES }).notNull(),
    items: text("items", { mode: "json" })
      .$type<
        {
          sku: string;
          received_quantity: number;
          damaged_quantity: number;
          lot?: string;
          expires_on?: string;
          serials?: string[];
        }[]
      >()
      .notNull(),
    receivedAt: text("received_at").notNull(),
    stockAppliedAt: text("stock_applied_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("inbound_receipts_inbound_idx").on(t.inboundId),
    index("inbound_receipts_unapplied_idx").on(t.createdAt).where(sql`stock_applied_at IS NULL`),
  ],
);
