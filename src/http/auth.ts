import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { database } from "../db/client";
import { apiKeys } from "../db/schema";
import { primary } from "../db/sessions";
import { refused } from "../domain/refusals";
import type { Scope } from "../domain/scopes";
import { timingSafeEqualText } from "../lib/crypto";
import { environmentOf } from "../lib/environment";
import type { AppEnv } from "./context";
import { keyPrefixFor, lookupKey } from "./keys";
import { useTenantShard } from "./request-context";
import { countingFailures, throttleAdmin } from "./throttle";

/**
 * Resolves `Authorization: Bearer wms_…` to a principal, then spends one request of its
 * budget. Refused keys count against the caller's address (see `countingFailures`). A
 * tenant key's request then works in the tenant's shard; a platform key's stays on the
 * control database, and finds the shard of whatever it acts on.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { principal, decision } = await countingFailures(c, "AUTH_FAILURE_LIMITER", () => admit(c));
  c.set("principal", principal);
  if (principal.tenantId) await useTenantShard(c, principal.tenantId);
  const headers = {
    "X-RateLimit-Limit": String(decision.limit),
    "X-RateLimit-Remaining": String(decision.remaining),
    "X-RateLimit-Reset": String(decision.reset),
  };
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  if (!decision.allowed) {
    throw refused("rate_limited", { retry_after: decision.retryAfter, limit: decision.limit });
  }
  await next();
  for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
};

/** What `Authorization: Bearer <token>` presents; undefined when absent or malformed. */
export const bearerToken = (c: Context) =>
  /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1];

/**
 * The presented key's principal and rate decision, or the 401 that says why not. The
 * key's RateLimiter has the last word on revocation and expiry: whatever the caches answered,
 * a key revoked anywhere, or past its expiry as last set, is refused here.
 */
async function admit(c: Context<AppEnv>) {
  if (!c.req.header("authorization")) throw refused("missing_api_key");
  const presented = bearerToken(c);
  if (!presented) throw refused("invalid_api_key", { malformed: true });
  const environment = environmentOf(c.env);
  const expected = keyPrefixFor(environment);
  const other = expected === "wms_live_" ? "wms_test_" : "wms_live_";
  if (presented.startsWith(other)) {
    throw refused("wrong_environment", { environment, accepts: expected, presented: other });
  }
  const found = presented.startsWith(expected)
    ? await lookupKey(c.env, c.var.db, presented)
    : ({ status: "unknown" } as const);
  if (found.status === "revoked") throw refused("revoked_api_key");
  if (found.status !== "active") throw refused("invalid_api_key");
  const { principal } = found;
  const decision = await c.env.RATE_LIMITER.getByName(principal.keyId).admit(
    principal.rateLimitPerMinute,
    // A record cached before keys could expire has no expiry: none of them had one.
    principal.expiresAt ?? null,
  );
  if (decision === "revoked") throw refused("revoked_api_key");
  if (decision === "expired") throw refused("expired_api_key");
  if (decision.usedAt) c.executionCtx.waitUntil(noteUse(c, principal.keyId, decision.usedAt));
  return { principal, decision };
}

/**
 * Records when the key was used, off the request's path: the key's RateLimiter asks for it
 * once a minute at most. A failure (the control database down) loses that minute, nothing more.
 */
async function noteUse(c: Context<AppEnv>, keyId: string, usedAt: string) {
  try {
    await database(primary(c.env.DB))
      .update(apiKeys)
      .set({ lastUsedAt: usedAt })
      .where(
        and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, usedAt))),
      );
  } catch (err) {
    console.warn(
      JSON.stringify({
        level: "warn",
        event: "key_use_not_recorded",
        key_id: keyId,
        error: String(err),
      }),
    );
  }
}

export const requireScope =
  (scope: Scope): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!c.var.principal.scopes.includes(scope)) {
      throw refused("insufficient_scope", { required_scope: scope });
    }
    await next();
  };

/** The tenant a partner call acts for; platform keys have none and must use the ops API. */
export function tenantOf(c: Context<AppEnv>): string {
  const { tenantId } = c.var.principal;
  if (!tenantId) throw refused("tenant_key_required");
  return tenantId;
}

/**
 * The operator's bearer token. A wrong one counts against the caller's address, strictly;
 * every admin request, right token included, counts against a generous ceiling.
 */
export const authenticateAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  await countingFailures(c, "ADMIN_FAILURE_LIMITER", () => checkAdminToken(c));
  await throttleAdmin(c);
  await next();
};

async function checkAdminToken(c: Context<AppEnv>) {
  const presented = bearerToken(c) ?? "";
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) throw refused("admin_disabled");
  if (!presented || !(await timingSafeEqualText(presented, expected))) {
    throw refused("invalid_admin_token");
  }
}
