import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { refused } from "../domain/refusals";
import { type Db, statement } from "./client";
import { idempotencyClaims } from "./schema";
import { NOW, nowPlus } from "./sql";

/*
 * The one claim mechanism for every write a client may retry with an Idempotency-Key.
 * D1's unique (owner, key) index is the authority: the first request binds the key to
 * its operation, its anchor and the resource it acts on; every later request with the
 * key finds that binding. KV is never consulted for the binding, so there is no read before
 * a first attempt and no window where two locations disagree. The finished request's answer
 * is kept in KV (src/http/idempotent.ts), not here: the claim is in the shard for a day with
 * every order, and the answer was its largest column.
 */

export const IDEMPOTENCY_TTL = "+1 day";

/** The key was bound to another request: the caller must send a new one. */
export const keyReused = (operation: string, resourceId: string) =>
  refused("idempotency_key_reused", {
    field: "Idempotency-Key",
    resource_id: resourceId,
    operation,
  });

export interface ClaimRequest {
  /** A tenant id, or `platform:<key id>` for a platform key acting across tenants. */
  owner: string;
  key: string;
  operation: string;
  /** What makes a request the same one: an order's reference, otherwise the body's hash. */
  anchor: string;
  /** The id this request would give a resource it creates, or the resource it acts on. */
  resourceId: string | SQL;
  /** Random per request: tells the claimer from a retry that found its claim. */
  token: string;
}

export type ClaimRow = Pick<
  typeof idempotencyClaims.$inferSelect,
  "operation" | "anchor" | "resourceId" | "claimToken" | "responseStatus"
>;

export type ClaimOutcome =
  | { kind: "claimed"; resourceId: string }
  | { kind: "retry"; resourceId: string; claimToken: string; finished: boolean }
  | { kind: "reused"; operation: string; resourceId: string };

const where = (owner: string, key: string) =>
  and(eq(idempotencyClaims.owner, owner), eq(idempotencyClaims.key, key));

/**
 * The statement that claims the key for the caller's batch: unless it is bound to a
 * claim that has not expired, and unless `onlyIf` says no.
 */
export const claimStatement = (db: Db, req: ClaimRequest, onlyIf?: SQL) =>
  statement(
    db,
    sql`INSERT INTO idempotency_claims (owner, key, operation, anchor, resource_id, claim_token, expires_at)
    SELECT ${req.owner}, ${req.key}, ${req.operation}, ${req.anchor}, ${req.resourceId}, ${req.token}, ${nowPlus(IDEMPOTENCY_TTL)}
    WHERE ${onlyIf ?? sql`1`}
    ON CONFLICT (owner, key) DO UPDATE SET
      operation = excluded.operation, anchor = excluded.anchor, resource_id = excluded.resource_id,
      claim_token = excluded.claim_token, response_status = NULL,
      created_at = excluded.created_at, expires_at = excluded.expires_at
    WHERE idempotency_claims.expires_at < ${NOW}`,
  );

/** The claim as a JSON object, for a caller that reads it back with other things in one statement. */
export const claimJson = (owner: string, key: string) =>
  sql`(SELECT json_object('owner', owner, 'key', key, 'operation', operation, 'anchor', anchor,
    'resourceId', resource_id, 'claimToken', claim_token, 'responseStatus', response_status)
    FROM idempotency_claims WHERE owner = ${owner} AND key = ${key})`;

/** What a request's claim means for it; `undefined` when `onlyIf` stopped the claim. */
export function interpretClaim(
  req: ClaimRequest,
  row: ClaimRow | undefined,
): ClaimOutcome | undefined {
  if (!row) return undefined;
  if (row.operation !== req.operation || row.anchor !== req.anchor) {
    return { kind: "reused", operation: row.operation, resourceId: row.resourceId };
  }
  if (row.claimToken === req.token) return { kind: "claimed", resourceId: row.resourceId };
  return {
    kind: "retry",
    resourceId: row.resourceId,
    claimToken: row.claimToken,
    finished: row.responseStatus !== null,
  };
}

export async function claim(db: Db, req: ClaimRequest): Promise<ClaimOutcome> {
  const [, [row]] = await db.batch([
    claimStatement(db, req),
    db.select().from(idempotencyClaims).where(where(req.owner, req.key)),
  ]);
  const outcome = interpretClaim(req, row);
  if (!outcome) throw new Error("idempotency claim returned no row");
  return outcome;
}

/**
 * Marks the claim finished with the first result's status; true when this result is that
 * first one, whose body every later retry is to answer. A retry that finished a request
 * which never answered records it just the same.
 */
export async function recordResponse(db: Db, req: ClaimRequest, status: number) {
  const { meta } = await db
    .update(idempotencyClaims)
    .set({ responseStatus: status })
    .where(and(where(req.owner, req.key), isNull(idempotencyClaims.responseStatus)))
    .run();
  return meta.changes > 0;
}

/** A refused request claims nothing: the key is free again for the corrected request. */
export async function releaseClaim(db: Db, req: ClaimRequest) {
  await db
    .delete(idempotencyClaims)
    .where(and(where(req.owner, req.key), eq(idempotencyClaims.claimToken, req.token)));
}
