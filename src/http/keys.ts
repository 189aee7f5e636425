import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { ControlCache } from "../db/control-cache";
import { apiKeys } from "../db/schema";
import type { Scope } from "../domain/scopes";
import { sha256Hex } from "../lib/crypto";
import type { Environment } from "../lib/environment";

/*
 * Who a presented API key is. Keys are stored only as SHA-256 hashes; a lookup goes from this
 * isolate's memory to KV to the control database, and the caches only spare it: revocation is
 * decided by the key's RateLimiter (src/http/rate-limiter.ts), which every request of the key
 * consults, and so are changes of its expiry.
 */

export interface Principal {
  keyId: string;
  tenantId: string | null;
  scopes: Scope[];
  rateLimitPerMinute: number;
  /**
   * When the key stops working, as its record said when cached; the key's RateLimiter judges
   * it on every request, and knows of any change made since (`setExpiry`).
   */
  expiresAt: string | null;
}

type Known = { status: "active"; principal: Principal } | { status: "revoked" };

export type KeyLookup = Known | { status: "unknown" };

export const keyPrefixFor = (environment: Environment) =>
  environment === "production" ? "wms_live_" : "wms_test_";

/*
 * What a key hash resolved to, for 30 s in this isolate and for a minute in KV (src/db/
 * control-cache.ts), and past that served stale while the control database fails. Any of
 * them may outlive a revocation or a change of expiry; that is safe because every request then
 * asks the key's RateLimiter, which holds the revoked flag and the latest expiry. A hash the control database does not know is
 * never cached: anyone can present one.
 */
const principals = new ControlCache<Known>({
  name: "apikey",
  freshMs: 30_000,
  kvFreshMs: 60_000,
  kvRewriteMs: 60_000,
  maxEntries: 1000,
  subject: (hash, known) =>
    known?.status === "active" ? known.principal.keyId : `sha256:${hash.slice(0, 12)}`,
});

/** Resolves a presented key: the caches only spare the control database (see `revokeKey`). */
export async function lookupKey(
  env: { KV: KVNamespace },
  db: Db,
  presented: string,
): Promise<KeyLookup> {
  const hash = await sha256Hex(presented);
  const known = await principals.get(env.KV, hash, async () => {
    const row = await db.query.apiKeys.findFirst({ where: eq(apiKeys.keyHash, hash) });
    if (!row) return undefined;
    const value: Known = row.revokedAt
      ? { status: "revoked" }
      : {
          status: "active",
          principal: {
            keyId: row.id,
            tenantId: row.tenantId,
            scopes: row.scopes,
            rateLimitPerMinute: row.rateLimitPerMinute,
            expiresAt: row.expiresAt,
          },
        };
    return { value, checked_at: Date.now() };
  });
  return known ?? { status: "unknown" };
}

/** Drops a key from this isolate's memory and from KV, so lookups go back to D1. */
export const forgetKey = (env: { KV: KVNamespace }, keyHash: string) =>
  principals.forget(env.KV, keyHash);
