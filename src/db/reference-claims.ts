import { type SQL, sql } from "drizzle-orm";
import { type Refusal, Refused } from "../domain/refusals";
import { type Db, rowsOf } from "./client";
import {
  type ClaimRequest,
  type ClaimRow,
  claimJson,
  claimStatement,
  interpretClaim,
  keyReused,
  releaseClaim,
} from "./idempotency";
import {
  checkReferences,
  type References,
  type Resolved,
  referencesHold,
  referencesJson,
} from "./references";

/*
 * Creating a resource named by the client's own reference (an order's or an ASN's
 * `reference`, a return's `rma`), exactly once. One D1 batch checks every reference the
 * request makes, claims its Idempotency-Key and its reference for a new id, and reads back
 * what holds them; a request that is refused claims nothing. The anchor is the key and the
 * reference together (guide §1): the same key with the same reference is a retry whatever
 * the rebuilt body; without a key, the same reference is a replay only with the same body.
 *
 * A create whose checks need more than SQL can say (a return is checked against what its
 * order shipped) writes nothing in the batch: it reads what it checks with the claim, and
 * releases the key it claimed if it then refuses.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

/** What holds a reference: its resource's id and the hash of the request that made it. */
export interface Holder {
  id: string;
  requestHash: string | null;
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
  /** The refusal for another body under the same reference, naming the resource holding it. */
  duplicate: (holderId: string) => Refusal;
  /**
   * The statements that claim the reference for `candidate`, to act only where `claim` holds.
   * Without them the caller writes after its own checks, and a new reference has no holder.
   */
  writes?: (claim: SQL) => BatchItem[];
  /** Anything else the caller checks, as one JSON value read in the same batch. */
  extra?: SQL;
}

export interface Claimed<H extends Holder> {
  /** The resource the request names: the candidate if this request made it. */
  id: string;
  holder: H | undefined;
  /** What the references resolve to, for the resource's own columns. */
  resolved: Resolved;
  /** The claim's `extra`, as read. */
  extra: string | null;
  /** Frees the Idempotency-Key if this request claimed it, for a create refused after the batch. */
  release: () => Promise<void>;
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
  // A holder written without a request (a return recorded on arrival) has no hash: it is
  // another body, never a retry. No holder at all is a new reference.
  const differentBody = sql`json_extract(COALESCE(${c.holder}, json_object('requestHash', ${c.requestHash})),
    '$.requestHash') IS NOT ${c.requestHash}`;
  const results = await db.batch([
    ...(key ? [claimStatement(db, key, sql`${holds} AND NOT (${differentBody})`)] : []),
    ...(c.writes?.(sql`${holds} ${keyAgrees}`) ?? []),
    rowsOf<ClaimRead>(
      db,
      sql`SELECT ${c.holder} AS holder,
        ${key ? claimJson(tenantId, key.key) : sql`NULL`} AS claim,
        ${referencesJson(tenantId, c.refs)} AS refs,
        ${c.extra ?? sql`NULL`} AS extra`,
    ),
  ] as unknown as Parameters<Db["batch"]>[0]);
  const [row] = results[results.length - 1] as ClaimRead[];
  if (!row) throw new Error(`${c.operation} claim read back nothing`);
  const holder = row.holder ? (JSON.parse(row.holder) as H) : undefined;
  const resolved = JSON.parse(row.refs) as Resolved;
  const read = { holder, resolved, extra: row.extra };
  const outcome = key
    ? interpretClaim(key, row.claim ? (JSON.parse(row.claim) as ClaimRow) : undefined)
    : undefined;
  const release =
    key && outcome?.kind === "claimed" ? () => releaseClaim(db, key) : () => Promise.resolve();

  if (outcome?.kind === "reused") throw keyReused(outcome.operation, outcome.resourceId);
  if (outcome) return { ...read, id: outcome.resourceId, release };
  checkReferences(c.refs, resolved);
  if (!holder) {
    if (c.writes) throw new Error(`${c.operation} reference claim read back nothing`);
    return { ...read, id: c.candidate, release };
  }
  if (holder.requestHash !== c.requestHash) throw new Refused(c.duplicate(holder.id));
  return { ...read, id: holder.id, release };
}

interface ClaimRead {
  holder: string | null;
  claim: string | null;
  refs: string;
  extra: string | null;
}
