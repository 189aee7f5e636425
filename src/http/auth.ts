import type { Context, MiddlewareHandler } from "hono";
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

/**
 * The presented key's principal and rate decision, or the 401 that says why not. The
 * key's RateLimiter has the last word on revocation: whatever the caches answered, a key
 * revoked anywhere is refused here.
 */
async function admit(c: Context<AppEnv>) {
  const header = c.req.header("authorization");
  if (!header) throw refused("missing_api_key");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const presented = match?.[1];
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
  const decision = await c.env.RATE_LIMITER.getByName(principal.keyId).take(
    principal.rateLimitPerMinute,
  );
  if (decision === "revoked") throw refused("revoked_api_key");
  return { principal, decision };
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
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) throw refused("admin_disabled");
  if (!presented || !(await timingSafeEqualText(presented, expected))) {
    throw refused("invalid_admin_token");
  }
}
