import { type SQL, sql } from "drizzle-orm";
import { refused } from "../domain/refusals";
import { type Db, rowsOf } from "./client";
import {
  type ClaimRequest,
  type ClaimRow,
  claimJson,
  claimStatement,
  interpretClaim,
  keyReused,
} from "./idempotency";
import {
  checkReferences,
  type References,
  type Resolved,
  referencesHold,
  referencesJson,
} from "./references";

/*
 * Creating a resource named by the client's own reference (an order, an ASN), exactly once.
 * One D1 batch checks every reference the request makes, claims its Idempotency-Key and its
 * reference for a new id, and reads back what holds them; a request that is refused claims
 * nothing. The anchor is the key and the reference together (guide §1): the same key with
 * the same reference is a retry whatever the rebuilt body; without a key, the same reference
 * is a replay only with the same body.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

/** What holds a reference: its resource's id and the hash of the request that made it. */
export interface Holder {
  id: string;
  requestHash: string;
}

export interface ReferenceClaim {
  tenantId: string;
  idempotencyKey: string | undefined;
  /** The claim's operation, e.g. `order.create`. */
  operation: string;
  reference: string;
  /** The id a new resource gets. */
  candidate: string;
  requestHash: string;
  /** What the request names that must exist: checked inside the batch. */
  refs: References;
  /** The resource holding the reference, as a JSON object with at least `id` and `requestHash`. */
  holder: SQL;
  /** The holder's id, as SQL: what a key claimed for this reference points at. */
  holderId: SQL;
  /** The field of a duplicate_reference refusal that names the holder, e.g. `order_id`. */
  holderField: string;
  /** The statements that claim the reference for `candidate`, to act only where `claim` holds. */
  writes: (claim: SQL) => BatchItem[];
}

export interface Claimed<H extends Holder> {
  /** The resource the request names: the candidate if this request made it. */
  id: string;
  holder: H | undefined;
  /** What the references resolve to, for the resource's own columns. */
  resolved: Resolved;
}

export async function claimReference<H extends Holder>(
  db: Db,
  c: ReferenceClaim,
): Promise<Claimed<H>> {
  const { tenantId, reference } = c;
  const holds = referencesHold(tenantId, c.refs);
  const key: ClaimRequest | undefined = c.idempotencyKey
    ? {
        owner: tenantId,
        key: c.idempotencyKey,
        operation: c.operation,
        anchor: reference,
        resourceId: sql`COALESCE(${c.holderId}, ${c.candidate})`,
        token: crypto.randomUUID(),
      }
    : undefined;
  const keyAgrees = key
    ? sql`AND NOT EXISTS (SELECT 1 FROM idempotency_claims WHERE owner = ${tenantId}
        AND key = ${key.key} AND (operation != ${c.operation} OR anchor != ${reference}))`
    : sql``;
  const differentBody = sql`(SELECT json_extract(${c.holder}, '$.requestHash')) != ${c.requestHash}`;
  const results = await db.batch([
    ...(key ? [claimStatement(db, key, sql`${holds} AND NOT COALESCE(${differentBody}, 0)`)] : []),
    ...c.writes(sql`${holds} ${keyAgrees}`),
    rowsOf<{ holder: string | null; claim: string | null; refs: string }>(
      db,
      sql`SELECT ${c.holder} AS holder,
        ${key ? claimJson(tenantId, key.key) : sql`NULL`} AS claim,
        ${referencesJson(tenantId, c.refs)} AS refs`,
    ),
  ] as unknown as Parameters<Db["batch"]>[0]);
  const [row] = results[results.length - 1] as {
    holder: string | null;
    claim: string | null;
    refs: string;
  }[];
  if (!row) throw new Error(`${c.operation} claim read back nothing`);
  const holder = row.holder ? (JSON.parse(row.holder) as H) : undefined;
  const resolved = JSON.parse(row.refs) as Resolved;

  if (key) {
    const outcome = interpretClaim(
      key,
      row.claim ? (JSON.parse(row.claim) as ClaimRow) : undefined,
    );
    if (outcome?.kind === "reused") throw keyReused(outcome.operation, outcome.resourceId);
    if (outcome) return { id: outcome.resourceId, holder, resolved };
  }
  checkReferences(c.refs, resolved);
  if (!holder) throw new Error(`${c.operation} reference claim read back nothing`);
  if (holder.requestHash !== c.requestHash) {
    throw refused("duplicate_reference", { field: "reference", [c.holderField]: holder.id });
  }
  return { id: holder.id, holder, resolved };
}
