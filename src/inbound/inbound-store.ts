import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf, statement } from "../db/client";
import { feedStamp } from "../db/feed";
import { inboundReceipts, inboundShipments } from "../db/schema";
import { chunked, jsonRows, NOW } from "../db/sql";
import { skuInventoryJson } from "../inventory/inventory.render";
import { newId } from "../lib/ids";
import { inboundJson } from "./inbound.render";
import type { InboundShipment } from "./inbound.routes";
import type { ReceiptItem } from "./inbound-rules";

/*
 * How ASNs persist to D1. Every change is one batch carrying its events: the ASN's own,
 * and `inventory.updated` for each SKU whose `incoming` it moves, with the SKU's feed
 * stamp, so pollers of /v1/inventory see incoming change too.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];
export type InboundRow = typeof inboundShipments.$inferSelect;

const always = sql`1`;

/** Stamps each SKU in its tenant's inventory feed and records its `inventory.updated`, when `guard` holds. */
export function incomingChanged(
  db: Db,
  tenantId: string,
  skus: string[],
  guard: SQL = always,
): BatchItem[] {
  const stamp = feedStamp("inventory_skus", tenantId);
  return chunked(skus.map((sku) => [sku, newId("evt")])).flatMap((group) => [
    statement(
      db,
      sql`INSERT INTO inventory_skus (tenant_id, sku, updated_at, change_seq)
        SELECT ${tenantId}, j.value ->> 0, ${stamp.updatedAt}, ${stamp.changeSeq} + j.key
        FROM ${jsonRows(group)} AS j WHERE ${guard}
        ON CONFLICT (tenant_id, sku) DO UPDATE SET updated_at = excluded.updated_at, change_seq = excluded.change_seq`,
    ),
    statement(
      db,
      sql`INSERT INTO events (id, tenant_id, type, resource_id, data)
        SELECT j.value ->> 1, ${tenantId}, 'inventory.updated', j.value ->> 0, ${skuInventoryJson(tenantId, sql`j.value ->> 0`)}
        FROM ${jsonRows(group)} AS j WHERE ${guard}`,
    ),
  ]);
}

/** Records an `inbound.*` event carrying the ASN as committed, when `guard` holds. */
export const inboundEvent = (
  db: Db,
  tenantId: string,
  type: "inbound.received" | "inbound.discrepancy",
  id: string,
  guard: SQL = always,
) =>
  statement(
    db,
    sql`INSERT INTO events (id, tenant_id, type, resource_id, data)
      SELECT ${newId("evt")}, ${tenantId}, ${type}, ${id}, ${inboundJson(id)} WHERE ${guard}`,
  );

export function insertLines(
  db: Db,
  inboundId: string,
  items: { sku: string; expected_quantity: number }[],
  guard: SQL = always,
) {
  return chunked(items.map((i, n) => [n + 1, i.sku, i.expected_quantity])).map((group) =>
    statement(
      db,
      sql`INSERT INTO inbound_lines (inbound_id, line_no, sku, expected_quantity)
        SELECT ${inboundId}, j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM ${jsonRows(group)} AS j WHERE ${guard}`,
    ),
  );
}

/** The next version of an ASN, moved to the end of its tenant's feed. */
export const touched = (tenantId: string) => ({
  version: sql`${inboundShipments.version} + 1`,
  ...feedStamp("inbound_shipments", tenantId),
});

/** An ASN the caller may see (every tenant's for a platform key), as a row and as the API object. */
export async function readInbound(db: Db, tenantId: string | null, id: string) {
  const [row] = await db
    .select()
    .from(inboundShipments)
    .where(
      and(
        eq(inboundShipments.id, id),
        tenantId ? eq(inboundShipments.tenantId, tenantId) : undefined,
      ),
    );
  if (!row) return undefined;
  const [rendered] = await rowsOf<{ json: string }>(db, sql`SELECT ${inboundJson(id)} AS json`);
  return { row, view: JSON.parse(rendered?.json ?? "null") as InboundView };
}

/** The ASN as the API shows it: the zod schema is the one definition of its shape. */
export type InboundView = InboundShipment;

/** True in SQL when the ASN, after this batch's changes, has a line that did not arrive as expected. */
const hasDiscrepancy = (id: string) =>
  sql`EXISTS (SELECT 1 FROM inbound_lines WHERE inbound_id = ${id} AND received_quantity != expected_quantity)`;

/**
 * Counts one receipt into its ASN, once: the receipt row is written first, and every other
 * statement acts only if this request wrote it, so a retry racing its original never counts
 * twice. Lines accumulate; a SKU the ASN did not expect gets a line of its own.
 */
export async function countReceipt(
  db: Db,
  asn: InboundRow,
  receipt: { id: string; token: string; items: ReceiptItem[]; receivedAt: string | null },
) {
  const ours = sql`EXISTS (SELECT 1 FROM inbound_receipts WHERE id = ${receipt.id} AND claim_token = ${receipt.token})`;
  const items = receipt.items.map((i) => ({ ...i, damaged_quantity: i.damaged_quantity ?? 0 }));
  const at = receipt.receivedAt ?? NOW;
  const writes: BatchItem[] = [
    db
      .insert(inboundReceipts)
      .values({
        id: receipt.id,
        inboundId: asn.id,
        tenantId: asn.tenantId,
        warehouseId: asn.warehouseId,
        claimToken: receipt.token,
        priorStatus: sql`(SELECT status FROM inbound_shipments WHERE id = ${asn.id})`,
        items,
        receivedAt: at,
      })
      .onConflictDoNothing(),
    ...chunked(items.map((i) => [i.sku, i.received_quantity, i.damaged_quantity])).map((group) =>
      statement(
        db,
        sql`INSERT INTO inbound_lines (inbound_id, line_no, sku, expected_quantity, received_quantity, damaged_quantity, receipts)
          SELECT ${asn.id}, (SELECT COALESCE(MAX(line_no), 0) FROM inbound_lines WHERE inbound_id = ${asn.id}) + 1 + j.key,
            j.value ->> 0, 0, j.value ->> 1, j.value ->> 2, 1
          FROM ${jsonRows(group)} AS j WHERE ${ours}
          ON CONFLICT (inbound_id, sku) DO UPDATE SET
            received_quantity = received_quantity + excluded.received_quantity,
            damaged_quantity = damaged_quantity + excluded.damaged_quantity,
            receipts = receipts + 1`,
      ),
    ),
    db
      .update(inboundShipments)
      .set({
        status: sql`CASE WHEN EXISTS (SELECT 1 FROM inbound_lines WHERE inbound_id = ${asn.id}
          AND expected_quantity > 0 AND receipts = 0) THEN 'partially_received' ELSE 'received' END`,
        receivedAt: at,
        ...touched(asn.tenantId),
      })
      .where(and(eq(inboundShipments.id, asn.id), ours)),
    inboundEvent(db, asn.tenantId, "inbound.received", asn.id, ours),
    inboundEvent(
      db,
      asn.tenantId,
      "inbound.discrepancy",
      asn.id,
      sql`${ours} AND ${hasDiscrepancy(asn.id)}
        AND (SELECT status FROM inbound_shipments WHERE id = ${asn.id}) = 'received'
        AND (SELECT prior_status FROM inbound_receipts WHERE id = ${receipt.id}) != 'received'`,
    ),
    ...incomingChanged(db, asn.tenantId, [...new Set(items.map((i) => i.sku))], ours),
  ];
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
}

/**
 * Ends receiving with what has arrived: the ASN is received whatever is missing, its
 * outstanding units stop counting as incoming, and a discrepancy left then is reported.
 * Only the request that closes it reports, however many close at once.
 */
export async function closeInbound(db: Db, asn: InboundRow, skus: string[]) {
  const token = crypto.randomUUID();
  const ours = sql`EXISTS (SELECT 1 FROM inbound_shipments WHERE id = ${asn.id} AND write_token = ${token})`;
  await db.batch([
    db
      .update(inboundShipments)
      .set({ status: "received", closedAt: NOW, writeToken: token, ...touched(asn.tenantId) })
      .where(
        and(
          eq(inboundShipments.id, asn.id),
          sql`${inboundShipments.closedAt} IS NULL AND ${inboundShipments.status} != 'cancelled'`,
        ),
      ),
    inboundEvent(
      db,
      asn.tenantId,
      "inbound.discrepancy",
      asn.id,
      sql`${ours} AND ${hasDiscrepancy(asn.id)}`,
    ),
    ...incomingChanged(db, asn.tenantId, skus, ours),
  ]);
}

/** Receipts whose good units did not reach stock a while ago (the request stopped part-way). */
export const unappliedReceipts = (db: Db, limit: number) =>
  db
    .select()
    .from(inboundReceipts)
    .where(
      sql`${inboundReceipts.stockAppliedAt} IS NULL AND ${inboundReceipts.createdAt} < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 minute')`,
    )
    .limit(limit);

export const markApplied = (db: Db, receiptId: string) =>
  db.update(inboundReceipts).set({ stockAppliedAt: NOW }).where(eq(inboundReceipts.id, receiptId));

/**
 * Amends or cancels an ASN nothing has arrived for: every statement holds only while it is
 * still `expected`, so a receipt that lands first wins and this changes nothing.
 */
export async function changeExpected(
  db: Db,
  asn: InboundRow,
  change: {
    status?: "cancelled";
    supplier?: string | null;
    expectedAt?: string | null;
    items?: { sku: string; expected_quantity: number }[];
    skus: string[];
  },
) {
  const token = crypto.randomUUID();
  const ours = sql`EXISTS (SELECT 1 FROM inbound_shipments WHERE id = ${asn.id} AND write_token = ${token})`;
  await db.batch([
    db
      .update(inboundShipments)
      .set({
        ...(change.status ? { status: change.status, cancelledAt: NOW } : {}),
        ...(change.supplier !== undefined ? { supplier: change.supplier } : {}),
        ...(change.expectedAt !== undefined ? { expectedAt: change.expectedAt } : {}),
        writeToken: token,
        ...touched(asn.tenantId),
      })
      .where(and(eq(inboundShipments.id, asn.id), eq(inboundShipments.status, "expected"))),
    ...(change.items
      ? [
          statement(db, sql`DELETE FROM inbound_lines WHERE inbound_id = ${asn.id} AND ${ours}`),
          ...insertLines(db, asn.id, change.items, ours),
        ]
      : []),
    ...incomingChanged(db, asn.tenantId, change.skus, ours),
  ]);
}
