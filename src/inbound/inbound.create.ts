import { sql } from "drizzle-orm";
import { type Db, rowsOf, statement } from "../db/client";
import { feedStamp } from "../db/feed";
import {
  type ClaimRequest,
  type ClaimRow,
  claimJson,
  claimStatement,
  interpretClaim,
} from "../db/idempotency";
import { checkReferences, type Resolved, referencesHold, referencesJson } from "../db/references";
import { refused } from "../domain/refusals";
import { keyReused, requestHash } from "../http/idempotent";
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
  const candidate = newId("ib");
  const hash = await requestHash(input);
  const refs = { warehouse_id: input.warehouse_id, items: input.items };
  const holds = referencesHold(tenantId, refs);
  const existing = sql`(SELECT id FROM inbound_shipments WHERE tenant_id = ${tenantId} AND reference = ${input.reference})`;
  const keyClaim: ClaimRequest | undefined = idempotencyKey
    ? {
        owner: tenantId,
        key: idempotencyKey,
        operation: "inbound.create",
        anchor: input.reference,
        resourceId: sql`COALESCE(${existing}, ${candidate})`,
        token: crypto.randomUUID(),
      }
    : undefined;
  const keyAgrees = keyClaim
    ? sql`AND NOT EXISTS (SELECT 1 FROM idempotency_claims WHERE owner = ${tenantId} AND key = ${keyClaim.key}
        AND (operation != 'inbound.create' OR anchor != ${input.reference}))`
    : sql``;
  const stamp = feedStamp("inbound_shipments", tenantId);
  const ours = sql`EXISTS (SELECT 1 FROM inbound_shipments WHERE id = ${candidate})`;
  const results = await db.batch([
    ...(keyClaim
      ? [
          claimStatement(
            db,
            keyClaim,
            sql`${holds} AND NOT EXISTS (SELECT 1 FROM inbound_shipments WHERE tenant_id = ${tenantId}
              AND reference = ${input.reference} AND request_hash != ${hash})`,
          ),
        ]
      : []),
    statement(
      db,
      sql`INSERT INTO inbound_shipments (id, tenant_id, reference, warehouse_id, supplier, expected_at, status,
          request_hash, version, created_at, updated_at, change_seq)
        SELECT ${candidate}, ${tenantId}, ${input.reference}, ${input.warehouse_id}, ${input.supplier ?? null},
          ${input.expected_at ?? null}, 'expected', ${hash}, 1, ${stamp.updatedAt}, ${stamp.updatedAt}, ${stamp.changeSeq}
        WHERE ${holds} ${keyAgrees}
        ON CONFLICT (tenant_id, reference) DO NOTHING`,
    ),
    ...insertLines(db, candidate, input.items, ours),
    ...eventWrites(
      db,
      { id: candidate, tenantId },
      incomingEvents(input.items.map((i) => i.sku)),
      ours,
    ),
    rowsOf<{ asn: string | null; claim: string | null; refs: string }>(
      db,
      sql`SELECT
        (SELECT json_object('id', id, 'requestHash', request_hash) FROM inbound_shipments
          WHERE tenant_id = ${tenantId} AND reference = ${input.reference}) AS asn,
        ${keyClaim ? claimJson(tenantId, keyClaim.key) : sql`NULL`} AS claim,
        ${referencesJson(tenantId, refs)} AS refs`,
    ),
  ] as unknown as Parameters<Db["batch"]>[0]);
  const [row] = results[results.length - 1] as {
    asn: string | null;
    claim: string | null;
    refs: string;
  }[];
  if (!row) throw new Error("inbound claim read back nothing");
  const asn = row.asn ? (JSON.parse(row.asn) as { id: string; requestHash: string }) : undefined;

  let id: string | undefined;
  if (keyClaim) {
    const outcome = interpretClaim(
      keyClaim,
      row.claim ? (JSON.parse(row.claim) as ClaimRow) : undefined,
    );
    if (outcome?.kind === "reused") throw keyReused(outcome.operation, outcome.resourceId);
    id = outcome?.resourceId;
  }
  if (!id) {
    checkReferences(refs, JSON.parse(row.refs) as Resolved);
    if (!asn) throw new Error("inbound reference claim read back nothing");
    if (asn.requestHash !== hash) {
      throw refused("duplicate_reference", { field: "reference", inbound_id: asn.id });
    }
    id = asn.id;
  }
  const made = await readInbound(db, tenantId, id);
  if (!made) throw new Error(`inbound shipment ${id} vanished`);
  return { asn: made, created: id === candidate };
}
