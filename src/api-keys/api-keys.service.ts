import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Scope } from "../domain/scopes";
import { forgetKey, keyPrefixFor } from "../http/keys";
import { sha256Hex } from "../lib/crypto";
import type { Environment } from "../lib/environment";
import { newId, randomBase62 } from "../lib/ids";

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1000;

export interface NewKey {
  tenantId: string | null;
  name?: string | null;
  scopes: Scope[];
  rateLimitPerMinute?: number;
}

/** Builds the row and the one-time plaintext; the caller inserts the row in its own batch. */
export async function mintKey(environment: Environment, spec: NewKey) {
  const key = `${keyPrefixFor(environment)}${randomBase62(40)}`;
  const row = {
    id: newId("key"),
    tenantId: spec.tenantId,
    name: spec.name ?? null,
    keyHash: await sha256Hex(key),
    keyPrefix: keyPrefixFor(environment),
    lastFour: key.slice(-4),
    scopes: spec.scopes,
    rateLimitPerMinute: spec.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
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

export function renderKey(row: typeof apiKeys.$inferSelect) {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    name: row.name,
    redacted_key: `${row.keyPrefix}…${row.lastFour}`,
    scopes: row.scopes,
    rate_limit_per_minute: row.rateLimitPerMinute,
    created_at: row.createdAt,
    revoked_at: row.revokedAt,
  };
}
