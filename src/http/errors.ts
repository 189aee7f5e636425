import { z } from "@hono/zod-openapi";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { PLACEMENT_TTL_MS, TenantFrozen } from "../db/shards";

type Details = { field?: string } & Record<string, unknown>;

/** Any failure a client should see: thrown anywhere, rendered once by `onError`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Details = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const validationError = (field: string, message: string, code = "validation_error") =>
  new ApiError(422, code, message, { field });

export const notFound = (resource: string, id: string) =>
  new ApiError(404, "not_found", `No ${resource} with id '${id}'.`);

export const conflict = (code: string, message: string, details: Details = {}) =>
  new ApiError(409, code, message, details);

export const ErrorEnvelope = z
  .object({
    error: z
      .object({
        code: z.string().openapi({ example: "validation_error" }),
        message: z.string(),
        field: z.string().optional().openapi({ example: "items[0].sku" }),
        request_id: z.string().openapi({ example: "req_3kTq9x2VbN8mLp4Rz7Yw" }),
      })
      .catchall(z.unknown()),
  })
  .openapi("Error");

export function errorResponse(c: Context, err: ApiError) {
  for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
  return c.json(
    {
      error: {
        code: err.code,
        message: err.message,
        ...err.details,
        request_id: c.get("requestId"),
      },
    },
    err.status,
  );
}

const httpExceptionCodes: Record<number, string> = {
  400: "invalid_json",
  401: "unauthorized",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/** A merchant being moved between shards is unavailable for a few minutes, and says so. */
const frozen = () => {
  const retryAfter = String((2 * PLACEMENT_TTL_MS) / 1000);
  return new ApiError(
    503,
    "tenant_unavailable",
    `This merchant's data is being moved for maintenance; retry after ${retryAfter} s. This request changed nothing.`,
    { retry_after: Number(retryAfter) },
    { "Retry-After": retryAfter },
  );
};

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof TenantFrozen) return errorResponse(c, frozen());
  if (err instanceof HTTPException && err.status < 500) {
    const code = httpExceptionCodes[err.status] ?? "bad_request";
    return errorResponse(c, new ApiError(err.status as ContentfulStatusCode, code, err.message));
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
  return errorResponse(
    c,
    new ApiError(
      500,
      "internal_error",
      "Something went wrong on our side and the outcome is unknown: the change may still complete. Retry with the same Idempotency-Key (a retry never applies a change twice), or look the resource up (an order by its reference: GET /v1/orders?reference=…) before sending anything new. Contact support with the request_id if it persists.",
    ),
  );
};

export const onNotFound: NotFoundHandler = (c) =>
  errorResponse(
    c,
    new ApiError(404, "route_not_found", `No route for ${c.req.method} ${c.req.path}.`),
  );
