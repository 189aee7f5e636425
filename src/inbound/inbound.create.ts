import { sql } from "drizzle-orm";
import { type Db, statement } from "../db/client";
import { feedStamp } from "../db/feed";
import { claimReference } from "../db/reference-claims";
import { requestHash } from "../http/idempotent";
import { newId } from "../lib/ids";
import type { CreateInbound } from "./inbound.routes";
import { incomingEvents } from "./inbound-rules";
import { eventWrites, insertLines, readInbound } from "./inbound-store";

/**
 * POST /v1/inbound-shipments, exactly once like an order: one D1 batch checks the
 * warehouse and SKUs, claims the reference (and the Idempotency-Key) and writes the ASN
 * with its lines and the `incoming` it adds; a refused request claims nothing.
 */
export async function createInbound(
  who: { db: Db; tenantId: string },
  input: CreateInbound,
  idempotencyKey: string | undefined,
) {
  const { db, tenantId } = who;
  const candidate = newId("ib", tenantId);
  const hash = await requestHash(input);
  const stamp = feedStamp("inbound_shipments", tenantId);
  // Lines and events go in only with the ASN this request wrote.
  const ours = sql`EXISTS (SELECT 1 FROM inbound_shipments WHERE id = ${candidate})`;
  const ofReference = sql`FROM inbound_shipments WHERE tenant_id = ${tenantId} AND reference = ${input.reference}`;
  const { id } = await claimReference(db, {
    tenantId,
    idempotencyKey,
    operation: "inbound.create",
    reference: input.reference,
    candidate,
    requestHash: hash,
    refs: { warehouse_id: input.warehouse_id, items: input.items },
    holder: sql`(SELECT json_object('id', id, 'requestHash', request_hash) ${ofReference})`,
    holderId: sql`(SELECT id ${ofReference})`,
    duplicate: (id) => ({ code: "duplicate_reference", field: "reference", inbound_id: id }),
    writes: (claim) => [
      statement(
        db,
        sql`INSERT INTO inbound_shipments (id, tenant_id, reference, warehouse_id, supplier, expected_at, status,
            request_hash, version, created_at, updated_at, change_seq)
          SELECT ${candidate}, ${tenantId}, ${input.reference}, ${input.warehouse_id}, ${input.supplier ?? null},
            ${input.expected_at ?? null}, 'expected', ${hash}, 1, ${stamp.updatedAt}, ${stamp.updatedAt}, ${stamp.changeSeq}
          WHERE ${claim}
          ON CONFLICT (tenant_id, reference) DO NOTHING`,
      ),
      ...insertLines(db, candidate, input.items, ours),
      ...eventWrites(
        db,
        { id: candidate, tenantId },
        incomingEvents(input.items.map((i) => i.sku)),
        ours,
      ),
    ],
  });
  const asn = await readInbound(db, tenantId, id);
  if (!asn) throw new Error(`inbound shipment ${id} vanished`);
  return { asn, created: id === candidate };
}
