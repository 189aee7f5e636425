import type { Context, MiddlewareHandler } from "hono";
import { keyPrefixFor, lookupKey } from "../api-keys/api-keys.service";
import type { Scope } from "../api-keys/scopes";
import { type AppEnv, environmentOf } from "../env";
import { timingSafeEqualText } from "../lib/crypto";
import { ApiError } from "./errors";
import { useTenantShard } from "./request-context";
import { countingFailures, throttleAdmin } from "./throttle";

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="fulfillment-api"' };

const unauthorized = (code: string, message: string) =>
  new ApiError(401, code, message, {}, CHALLENGE);

const revokedKey = () => unauthorized("revoked_api_key", "This API key has been revoked.");

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
  if (!decision.allowed) {
    throw new ApiError(
      429,
      "rate_limited",
      `Rate limit of ${decision.limit} requests per minute exceeded; retry after ${decision.retryAfter} s.`,
      { retry_after: decision.retryAfter },
      { ...headers, "Retry-After": String(decision.retryAfter) },
    );
  }
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
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
  if (!header) {
    throw unauthorized("missing_api_key", "No API key: send it as 'Authorization: Bearer <key>'.");
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const presented = match?.[1];
  if (!presented) {
    throw unauthorized(
      "invalid_api_key",
      "Malformed Authorization header: expected 'Bearer <key>'.",
    );
  }
  const environment = environmentOf(c.env);
  const expected = keyPrefixFor(environment);
  const other = expected === "wms_live_" ? "wms_test_" : "wms_live_";
  if (presented.startsWith(other)) {
    throw unauthorized(
      "wrong_environment",
      `This is the ${environment} environment, which accepts ${expected}… keys; a ${other}… key belongs to ${
        other === "wms_live_" ? "production" : "development and sandbox"
      }.`,
    );
  }
  const found = presented.startsWith(expected)
    ? await lookupKey(c.env, c.var.db, presented)
    : ({ status: "unknown" } as const);
  if (found.status === "revoked") throw revokedKey();
  if (found.status !== "active") throw unauthorized("invalid_api_key", "The API key is not valid.");
  const { principal } = found;
  const decision = await c.env.RATE_LIMITER.getByName(principal.keyId).take(
    principal.rateLimitPerMinute,
  );
  if (decision === "revoked") throw revokedKey();
  return { principal, decision };
}

export const requireScope =
  (scope: Scope): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!c.var.principal.scopes.includes(scope)) {
      throw new ApiError(403, "insufficient_scope", `This API key lacks the '${scope}' scope.`, {
        required_scope: scope,
      });
    }
    await next();
  };

/** The tenant a partner call acts for; platform keys have none and must use the ops API. */
export function tenantOf(c: Context<AppEnv>): string {
  const { tenantId } = c.var.principal;
  if (!tenantId) {
    throw new ApiError(
      403,
      "tenant_key_required",
      "This endpoint acts for one merchant; use a tenant API key, not a platform key.",
    );
  }
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
  if (!expected) {
    throw new ApiError(503, "admin_disabled", "ADMIN_TOKEN is not configured for this deploy.");
  }
  if (!presented || !(await timingSafeEqualText(presented, expected))) {
    throw unauthorized(
      "invalid_admin_token",
      "Admin endpoints need 'Authorization: Bearer <ADMIN_TOKEN>'.",
    );
  }
}
