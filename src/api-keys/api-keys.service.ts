import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Env, Environment } from "../env";
import { sha256Hex } from "../lib/crypto";
import { newId, randomBase62 } from "../lib/ids";
import type { Scope } from "./scopes";

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1000;
const KV_TTL_SECONDS = 60;
const MEMORY_TTL_MS = 30_000;
const MEMORY_MAX_ENTRIES = 1000;

export interface Principal {
  keyId: string;
  tenantId: string | null;
  scopes: Scope[];
  rateLimitPerMinute: number;
}

export type KeyLookup =
  | { status: "active"; principal: Principal }
  | { status: "revoked" | "unknown" };

export const keyPrefixFor = (environment: Environment) =>
  environment === "production" ? "wms_live_" : "wms_test_";

const cacheKey = (hash: string) => `apikey:${hash}`;

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
 * Principals this isolate resolved in the last 30 s, so most requests skip KV too. Like
 * the KV entry it may outlive a revocation; that is safe because every request then asks
 * the key's RateLimiter, which holds the revoked flag.
 */
const remembered = new Map<string, { principal: Principal; until: number }>();

function recall(hash: string): Principal | undefined {
  const entry = remembered.get(hash);
  if (entry && entry.until > Date.now()) return entry.principal;
  remembered.delete(hash);
  return undefined;
}

function remember(hash: string, principal: Principal) {
  remembered.delete(hash);
  if (remembered.size >= MEMORY_MAX_ENTRIES) {
    // Maps iterate in insertion order, so the first entry is the oldest.
    const oldest = remembered.keys().next().value;
    if (oldest !== undefined) remembered.delete(oldest);
  }
  remembered.set(hash, { principal, until: Date.now() + MEMORY_TTL_MS });
}

/**
 * Resolves a presented key: this isolate's memory, then KV (a minute), then D1. The caches
 * only spare D1; they decide nothing about revocation (see `revokeKey`).
 */
export async function lookupKey(env: Env, db: Db, presented: string): Promise<KeyLookup> {
  const hash = await sha256Hex(presented);
  const inMemory = recall(hash);
  if (inMemory) return { status: "active", principal: inMemory };
  const cached = await env.KV.get<Principal>(cacheKey(hash), "json");
  if (cached) {
    remember(hash, cached);
    return { status: "active", principal: cached };
  }
  const row = await db.query.apiKeys.findFirst({ where: eq(apiKeys.keyHash, hash) });
  if (!row) return { status: "unknown" };
  if (row.revokedAt) return { status: "revoked" };
  const principal: Principal = {
    keyId: row.id,
    tenantId: row.tenantId,
    scopes: row.scopes,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
  remember(hash, principal);
  await env.KV.put(cacheKey(hash), JSON.stringify(principal), { expirationTtl: KV_TTL_SECONDS });
  return { status: "active", principal };
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
  remembered.delete(existing.keyHash);
  await env.KV.delete(cacheKey(existing.keyHash));
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
