import { and, eq, type SQL, sql } from "drizzle-orm";
import { chargeStatements, receiptFacts } from "../billing/billing.charges";
import { type JobScope, unfrozen } from "../db/background";
import { type Db, rowsOf, statement } from "../db/client";
import { type EventWrite, eventStatements } from "../db/events";
import { feedStamp } from "../db/feed";
import { inboundReceipts, inboundShipments } from "../db/schema";
import { chunked, jsonRows, NOW } from "../db/sql";
import { skuSnapshot } from "../inventory/inventory.snapshot";
import { receivedStatements } from "../serials/serials.store";
import { type InboundSnapshot, inboundSnapshot } from "./inbound.render";
import {
  closeEvents,
  type InboundEvent,
  incomingEvents,
  type ReceiptItem,
  receiptEvents,
} from "./inbound-rules";

/*
 * How ASNs persist to D1. Every change is one batch carrying the events its rules named:
 * the ASN's own, and `inventory.updated` for each SKU whose `incoming` it moves, with the
 * SKU's feed stamp, so pollers of /v1/inventory see incoming change too. Each statement
 * after the first acts only if `guard` says this request's change happened.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

const always = sql`1`;

/** True in SQL when the ASN, after this batch's changes, has a line that did not arrive as expected. */
const hasDiscrepancy = (id: string) =>
  sql`EXISTS (SELECT 1 FROM inbound_lines WHERE inbound_id = ${id} AND received_quantity != expected_quantity)`;

/** The inventory feed stamps for SKUs whose `incoming` a change moves, when `guard` holds. */
function stampSkus(db: Db, tenantId: string, skus: readonly string[], guard: SQL): BatchItem[] {
  const stamp = feedStamp("inventory_skus", tenantId);
  return chunked(skus).map((group) =>
    statement(
      db,
      sql`INSERT INTO inventory_skus (tenant_id, sku, updated_at, change_seq)
        SELECT ${tenantId}, j.value, ${stamp.updatedAt}, ${stamp.changeSeq} + j.key
        FROM ${jsonRows(group)} AS j WHERE ${guard}
        ON CONFLICT (tenant_id, sku) DO UPDATE SET updated_at = excluded.updated_at, change_seq = excluded.change_seq`,
    ),
  );
}

/**
 * The writes of the events an ASN change emits, with the feed stamps of the SKUs they show;
 * a receipt's discrepancy holds only if it completed the ASN (`receiptId`'s prior status
 * was not yet received).
 */
export function eventWrites(
  db: Db,
  asn: { id: string; tenantId: string },
  events: InboundEvent[],
  guard: SQL,
  receiptId?: string,
): BatchItem[] {
  const completed = sql`(SELECT status FROM inbound_shipments WHERE id = ${asn.id}) = 'received'
    AND (SELECT prior_status FROM inbound_receipts WHERE id = ${receiptId ?? null}) != 'received'`;
  const ofAsn = events.flatMap((event): EventWrite["events"][number][] => {
    if (event.type === "inventory.updated") return [];
    if (event.type === "inbound.received") return [{ type: event.type, when: guard }];
    const discrepancy = sql`${guard} AND ${hasDiscrepancy(asn.id)}`;
    const when =
      event.when === "has_discrepancy" ? discrepancy : sql`${discrepancy} AND ${completed}`;
    return [{ type: event.type, when }];
  });
  const skus = events.flatMap((event) => (event.type === "inventory.updated" ? event.skus : []));
  const writes: EventWrite[] = [];
  if (ofAsn.length > 0)
    writes.push({ events: ofAsn, resources: [asn.id], snapshot: inboundSnapshot });
  if (skus.length > 0) {
    writes.push({
      events: [{ type: "inventory.updated", when: guard }],
      resources: skus,
      snapshot: (sku) => skuSnapshot(asn.tenantId, sku),
    });
  }
  return [
    ...stampSkus(db, asn.tenantId, skus, guard),
    ...eventStatements(db, asn.tenantId, writes),
  ];
}

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

/** An ASN the caller may see (every tenant's for a platform key), as committed. */
export async function readInbound(
  db: Db,
  tenantId: string | null,
  id: string,
): Promise<InboundSnapshot | undefined> {
  const [found] = await rowsOf<{ asn: string | null }>(
    db,
    sql`SELECT ${inboundSnapshot(id)} AS asn`,
  );
  const asn = found?.asn ? (JSON.parse(found.asn) as InboundSnapshot) : undefined;
  return asn && (tenantId === null || asn.tenantId === tenantId) ? asn : undefined;
}

type Asn = Pick<InboundSnapshot, "id" | "tenantId" | "warehouseId" | "reference">;

/** A receipt's units per SKU, whatever lots they came in: an ASN counts its lines by SKU. */
function perSku(
  items: readonly { sku: string; received_quantity: number; damaged_quantity: number }[],
) {
  const bySku = new Map<
    string,
    { sku: string; received_quantity: number; damaged_quantity: number }
  >();
  for (const i of items) {
    const line = bySku.get(i.sku) ?? { sku: i.sku, received_quantity: 0, damaged_quantity: 0 };
    line.received_quantity += i.received_quantity;
    line.damaged_quantity += i.damaged_quantity;
    bySku.set(i.sku, line);
  }
  return [...bySku.values()];
}

/**
 * Counts one receipt into its ASN, once: the receipt row is written first, and every other
 * statement acts only if this request wrote it, so a retry racing its original never counts
 * twice. Lines accumulate; a SKU the ASN did not expect gets a line of its own.
 */
export async function countReceipt(
  db: Db,
  asn: Asn,
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
    ...chunked(perSku(items).map((i) => [i.sku, i.received_quantity, i.damaged_quantity])).map(
      (group) =>
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
    ...eventWrites(db, asn, receiptEvents([...new Set(items.map((i) => i.sku))]), ours, receipt.id),
    // The units' serials are in stock from now on, recorded by the request that counted them.
    ...receivedStatements(
      db,
      { tenantId: asn.tenantId, receiptId: receipt.id },
      items.flatMap((i) => (i.serials ?? []).map((serial) => ({ sku: i.sku, serial }))),
      ours,
    ),
    // Receiving is charged once, by the receipt's id.
    ...chargeStatements(db, asn.tenantId, receiptFacts({ ...receipt, asn, items })),
  ];
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
}

/**
 * Ends receiving with what has arrived: the ASN is received whatever is missing, its
 * outstanding units stop counting as incoming, and a discrepancy left then is reported.
 * Only the request that closes it reports, however many close at once.
 */
export async function closeInbound(db: Db, asn: Asn, skus: string[]) {
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
    ...eventWrites(db, asn, closeEvents(skus), ours),
  ]);
}

/**
 * Receipts whose good units did not reach stock a while ago (the request stopped part-way),
 * of tenants not frozen.
 */
export const unappliedReceipts = (db: Db, limit: number, scope: JobScope) =>
  db
    .select()
    .from(inboundReceipts)
    .where(
      and(
        sql`${inboundReceipts.stockAppliedAt} IS NULL AND ${inboundReceipts.createdAt} < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 minute')`,
        unfrozen(inboundReceipts.tenantId, scope),
      ),
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
  asn: Asn,
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
    ...eventWrites(db, asn, incomingEvents(change.skus), ours),
  ]);
}
