import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Scope } from "../domain/scopes";
import { sha256Hex } from "../lib/crypto";
import type { Environment } from "../lib/environment";

/*
 * Who a presented API key is. Keys are stored only as SHA-256 hashes; a lookup goes from this
 * isolate's memory to KV to D1, and the caches only spare D1: revocation is decided by the
 * key's RateLimiter (src/http/rate-limiter.ts), which every request of the key consults.
 */

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
export async function lookupKey(
  env: { KV: KVNamespace },
  db: Db,
  presented: string,
): Promise<KeyLookup> {
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

/** Drops a key from this isolate's memory and from KV, so lookups go back to D1. */
export async function forgetKey(env: { KV: KVNamespace }, keyHash: string) {
  remembered.delete(keyHash);
  await env.KV.delete(cacheKey(keyHash));
}
