import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, statement } from "../db/client";
import { apiKeys } from "../db/schema";
import { NOW } from "../db/sql";
import { refused } from "../domain/refusals";
import type { Scope } from "../domain/scopes";
import { forgetKey, keyPrefixFor } from "../http/keys";
import { sha256Hex } from "../lib/crypto";
import type { Environment } from "../lib/environment";
import { newId, randomBase62 } from "../lib/ids";

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1000;

type KeyRow = typeof apiKeys.$inferSelect;

export interface NewKey {
  /** Minted here unless given: a write a client may retry names its key up front. */
  id?: string;
  tenantId: string | null;
  name?: string | null;
  scopes: Scope[];
  rateLimitPerMinute?: number;
  expiresAt?: string | null;
}

/** Builds the row and the one-time plaintext; the caller inserts the row in its own batch. */
export async function mintKey(environment: Environment, spec: NewKey) {
  const key = `${keyPrefixFor(environment)}${randomBase62(40)}`;
  const row = {
    id: spec.id ?? newId("key"),
    tenantId: spec.tenantId,
    name: spec.name ?? null,
    keyHash: await sha256Hex(key),
    keyPrefix: keyPrefixFor(environment),
    lastFour: key.slice(-4),
    scopes: spec.scopes,
    rateLimitPerMinute: spec.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    expiresAt: spec.expiresAt ?? null,
  } satisfies typeof apiKeys.$inferInsert;
  return { key, row };
}

/**
 * Revokes a key in every location at once. Its RateLimiter, which every request of the key
 * consults, is marked first, so the next request anywhere is refused whatever a cache or a
 * lookup in flight still holds; D1 then records it and the caches are dropped to spare
 * lookups. A retry after a partial failure completes the remaining steps.
 */
export async function revokeKey(env: Env, db: Db, id: string) {
  const existing = await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, id) });
  if (!existing) return undefined;
  await env.RATE_LIMITER.getByName(id).revoke();
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  await forgetKey(env, existing.keyHash);
  return revoked ?? existing;
}

/** A tenant's key by id; another tenant's is as absent as one that never was. */
export async function findTenantKey(db: Db, tenantId: string, id: string): Promise<KeyRow> {
  const row = await db.query.apiKeys.findFirst({
    where: and(eq(apiKeys.id, id), eq(apiKeys.tenantId, tenantId)),
  });
  if (!row) throw refused("not_found", { resource: "API key", id });
  return row;
}

/**
 * How many keys a tenant may hold working at once (not revoked, not expired; a key rotated
 * out counts until its overlap ends) when it issues them itself: each key has its own rate
 * limit, so the number of keys bounds the budget a merchant can give itself. An operator's
 * keys count, but an operator may issue past it.
 */
export const MAX_LIVE_TENANT_KEYS = 25;

/**
 * Inserts a key a tenant issued itself, if the tenant holds fewer than MAX_LIVE_TENANT_KEYS
 * working keys: the count and the insert are one statement, so concurrent issues cannot both
 * take the last place.
 */
export async function issueTenantKey(
  db: Db,
  row: Awaited<ReturnType<typeof mintKey>>["row"],
): Promise<KeyRow> {
  const inserted = await statement(
    db,
    sql`INSERT INTO api_keys (id, tenant_id, name, key_hash, key_prefix, last_four, scopes,
      rate_limit_per_minute, expires_at)
    SELECT ${row.id}, ${row.tenantId}, ${row.name}, ${row.keyHash}, ${row.keyPrefix},
      ${row.lastFour}, ${JSON.stringify(row.scopes)}, ${row.rateLimitPerMinute}, ${row.expiresAt}
    WHERE (SELECT count(*) FROM api_keys WHERE tenant_id = ${row.tenantId}
      AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ${NOW})) < ${MAX_LIVE_TENANT_KEYS}
    ON CONFLICT (id) DO NOTHING`,
  );
  const stored = await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, row.id) });
  if (inserted.meta.changes > 0 && stored) return stored;
  // The id is the Idempotency-Key's, issued by an earlier attempt whose answer was lost.
  if (stored) throw refused("secret_not_replayable", { resource_id: row.id });
  throw refused("too_many_api_keys", { limit: MAX_LIVE_TENANT_KEYS });
}

/** Refuses an expiry that has already passed: a key is stopped now by revoking it. */
export function assertFuture(expiresAt: string | null | undefined) {
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) {
    throw refused("expiry_in_past", { field: "expires_at" });
  }
}

/** Refuses changing a key that no longer works, or that a rotation has already replaced. */
export function assertChangeable(row: KeyRow, now = Date.now()) {
  const reason = row.revokedAt
    ? "revoked"
    : row.replacedBy
      ? "rotated"
      : row.expiresAt && Date.parse(row.expiresAt) <= now
        ? "expired"
        : undefined;
  if (reason) {
    throw refused("api_key_inactive", {
      id: row.id,
      reason,
      replaced_by: row.replacedBy ?? undefined,
    });
  }
}

/**
 * Sets when a key stops working. Its RateLimiter is told first, as for revocation: every
 * request of the key asks it, so the change holds everywhere at once, before the control
 * database records it and whatever the caches still hold. A retry completes a partial one.
 * The record changes only while the key is still changeable; if a revocation or rotation
 * came first, the RateLimiter goes back to what that recorded.
 */
export async function setKeyExpiry(env: Env, db: Db, row: KeyRow, expiresAt: string | null) {
  const limiter = env.RATE_LIMITER.getByName(row.id);
  await limiter.setExpiry(expiresAt);
  const [updated] = await db
    .update(apiKeys)
    .set({ expiresAt })
    .where(and(eq(apiKeys.id, row.id), isNull(apiKeys.replacedBy), isNull(apiKeys.revokedAt)))
    .returning();
  if (!updated) {
    const now = (await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, row.id) })) ?? row;
    await limiter.setExpiry(now.expiresAt);
    assertChangeable(now);
    throw new Error(`the expiry of ${row.id} was not recorded`);
  }
  await forgetKey(env, row.keyHash);
  return updated;
}

export interface Rotation {
  old: KeyRow;
  /** The new key's id, named up front so that a retry with the same Idempotency-Key finds it. */
  id: string;
  /** How long the old key keeps working; 0 ends it now. */
  overlapSeconds: number;
  /** When the new key expires; null for never. */
  expiresAt: string | null;
}

/**
 * Issues a key in `old`'s place, with its name, scopes and rate limit, and ends the old one
 * after the overlap (or at its own expiry, if sooner). The old key's RateLimiter learns its
 * end first, as `setKeyExpiry` says why; then one batch marks it replaced, only if nothing
 * replaced it meanwhile, and inserts the new key only if that mark is this rotation's.
 */
export async function rotateKey(env: Env, environment: Environment, db: Db, spec: Rotation) {
  const { old } = spec;
  if (old.replacedBy === spec.id) throw refused("secret_not_replayable", { resource_id: spec.id });
  assertChangeable(old);
  const overlapEnds = new Date(Date.now() + spec.overlapSeconds * 1000).toISOString();
  const oldEnds =
    old.expiresAt && Date.parse(old.expiresAt) < Date.parse(overlapEnds)
      ? old.expiresAt
      : overlapEnds;
  const { key, row } = await mintKey(environment, {
    id: spec.id,
    tenantId: old.tenantId,
    name: old.name,
    scopes: old.scopes,
    rateLimitPerMinute: old.rateLimitPerMinute,
    expiresAt: spec.expiresAt,
  });
  await env.RATE_LIMITER.getByName(old.id).setExpiry(oldEnds);
  const [, inserted] = await db.batch([
    db
      .update(apiKeys)
      .set({ replacedBy: row.id, expiresAt: oldEnds })
      .where(and(eq(apiKeys.id, old.id), isNull(apiKeys.replacedBy), isNull(apiKeys.revokedAt))),
    statement(
      db,
      sql`INSERT INTO api_keys (id, tenant_id, name, key_hash, key_prefix, last_four, scopes,
        rate_limit_per_minute, expires_at, rotated_from)
      SELECT ${row.id}, tenant_id, name, ${row.keyHash}, ${row.keyPrefix}, ${row.lastFour}, scopes,
        rate_limit_per_minute, ${row.expiresAt}, id
      FROM api_keys WHERE id = ${old.id} AND replaced_by = ${row.id}`,
    ),
  ]);
  if (inserted.meta.changes === 0) {
    // Revoked or rotated meanwhile: the old key's RateLimiter goes back to what is recorded.
    const now = await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, old.id) });
    await env.RATE_LIMITER.getByName(old.id).setExpiry(now?.expiresAt ?? old.expiresAt);
    assertChangeable(now ?? old);
    throw new Error(`rotation of ${old.id} inserted no key`);
  }
  // Told again once recorded: an expiry set on the old key just before this rotation took it
  // over cannot outlast the overlap in the one place every request asks.
  await env.RATE_LIMITER.getByName(old.id).setExpiry(oldEnds);
  await forgetKey(env, old.keyHash);
  const stored = await db.query.apiKeys.findFirst({ where: eq(apiKeys.id, row.id) });
  if (!stored) throw new Error(`rotated key ${row.id} is not there`);
  return { key, row: stored, oldEnds };
}

export function renderKey(row: KeyRow) {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    name: row.name,
    redacted_key: `${row.keyPrefix}…${row.lastFour}`,
    scopes: row.scopes,
    rate_limit_per_minute: row.rateLimitPerMinute,
    created_at: row.createdAt,
    revoked_at: row.revokedAt,
    expires_at: row.expiresAt,
    last_used_at: row.lastUsedAt,
    rotated_from: row.rotatedFrom,
    replaced_by: row.replacedBy,
  };
}
