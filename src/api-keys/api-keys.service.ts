import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Env, Environment } from "../env";
import { sha256Hex } from "../lib/crypto";
import { newId, randomBase62 } from "../lib/ids";
import type { Scope } from "./scopes";

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1000;
const CACHE_TTL_SECONDS = 60;

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
 * Resolves a presented key. Active keys are cached in KV for a minute so the hot path
 * skips D1; revocation deletes the entry, which is immediate where it was revoked and
 * reaches every other location within the TTL.
 */
export async function lookupKey(env: Env, db: Db, presented: string): Promise<KeyLookup> {
  const hash = await sha256Hex(presented);
  const cached = await env.KV.get<Principal>(cacheKey(hash), "json");
  if (cached) return { status: "active", principal: cached };
  const row = await db.query.apiKeys.findFirst({ where: eq(apiKeys.keyHash, hash) });
  if (!row) return { status: "unknown" };
  if (row.revokedAt) return { status: "revoked" };
  const principal: Principal = {
    keyId: row.id,
    tenantId: row.tenantId,
    scopes: row.scopes as Scope[],
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
  await env.KV.put(cacheKey(hash), JSON.stringify(principal), {
    expirationTtl: CACHE_TTL_SECONDS,
  });
  return { status: "active", principal };
}

export const forgetKey = (env: Env, keyHash: string) => env.KV.delete(cacheKey(keyHash));

export function renderKey(row: typeof apiKeys.$inferSelect) {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    name: row.name,
    redacted_key: `${row.keyPrefix}…${row.lastFour}`,
    scopes: row.scopes as Scope[],
    rate_limit_per_minute: row.rateLimitPerMinute,
    created_at: row.createdAt,
    revoked_at: row.revokedAt,
  };
}
