import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { PLACEMENT_TTL_MS, TenantFrozen } from "../db/shards";
import { type Refusal, Refused } from "../domain/refusals";
import { refusalResponse } from "./refusals";

/** What an exception Hono's own middleware threw means to the client. */
function fromHttpException(err: HTTPException): Refusal {
  if (err.status === 400) return { code: "invalid_json", reason: err.message };
  if (err.status === 413) return { code: "payload_too_large" };
  if (err.status === 415) return { code: "unsupported_media_type" };
  return { code: "bad_request", reason: err.message };
}

/**
 * Every error a client sees passes here once: a refusal through the one table, a tenant
 * frozen for a move as 503, and anything unexpected as a 500 that leaks nothing but is
 * logged whole.
 */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof Refused) return refusalResponse(c, err.refusal);
  if (err instanceof TenantFrozen) {
    // A merchant being moved between shards is unavailable for a few minutes, and says so.
    return refusalResponse(c, {
      code: "tenant_unavailable",
      retry_after: (2 * PLACEMENT_TTL_MS) / 1000,
    });
  }
  if (err instanceof HTTPException && err.status < 500) {
    return refusalResponse(c, fromHttpException(err));
  }
  console.error(
    JSON.stringify({
      level: "error",
      request_id: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      error:
        err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : err,
    }),
  );
  return refusalResponse(c, { code: "internal_error" });
};

export const onNotFound: NotFoundHandler = (c) =>
  refusalResponse(c, { code: "route_not_found", method: c.req.method, path: c.req.path });
