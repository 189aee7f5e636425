import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { z } from "zod";
import type { Scope } from "../api-keys/scopes";
import type { AppEnv } from "../env";
import { requireScope } from "./auth";
import { ApiError, ErrorEnvelope } from "./errors";

/** `["items", 0, "sku"]` → `items[0].sku`: the path a client can find in its own payload. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`,
    )
    .join("");
}

export function issueToApiError(issue: z.core.$ZodIssue, target: string): ApiError {
  let path = [...issue.path];
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    path = [...path, key];
    message = `unknown field '${key}'`;
  } else if (issue.code === "invalid_type" && message.endsWith("received undefined")) {
    message = "is required";
  }
  const field = fieldPath(path) || target;
  const text = `${field}: ${message}`.replace(/\.?$/, ".");
  return target === "json"
    ? new ApiError(422, "validation_error", text, { field })
    : new ApiError(400, "invalid_parameter", text, { field });
}

/** Every router shares one validation hook, so a bad input anywhere reads the same. */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw issue
          ? issueToApiError(issue, result.target)
          : new ApiError(422, "validation_error", "Invalid request.");
      }
    },
  });

const describe: Record<number, string> = {
  400: "Malformed request (bad JSON, query parameter or cursor)",
  401: "Missing, invalid, revoked or wrong-environment credentials",
  403: "The key lacks the required scope",
  404: "No such resource for this tenant",
  409: "The resource's state forbids this change",
  413: "Body over 1 MiB",
  415: "Body is not JSON",
  422: "Validation failed; `field` names the offending path",
  429: "Rate limited; see Retry-After",
  500: "Unexpected failure; the outcome is unknown, so retry with the same Idempotency-Key",
  503: "The resource is finishing an earlier change; retry after Retry-After seconds",
};

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: describe[s] ?? "Error",
        content: { "application/json": { schema: ErrorEnvelope } },
      },
    ]),
  );

const WRITE_ERRORS = [400, 413, 415, 422, 503];

function withErrors<R extends RouteConfig>(route: R, auth: number[]): R {
  const writes = ["post", "put", "patch"].includes(route.method) ? WRITE_ERRORS : [400];
  return {
    ...route,
    responses: { ...errorResponses(...auth, ...writes, 500), ...route.responses },
  };
}

/**
 * The path is its own type parameter, as in `createRoute`, so it stays a literal and the
 * app's type (`AppType`) can name every route for a typed client.
 */
type Route<P extends string> = Omit<RouteConfig, "path"> & { path: P };

/** A partner/ops route: bearer API key, the given scope (or any key), rate-limited. */
export function apiRoute<P extends string, R extends Route<P>>(scope: Scope | null, route: R): R {
  const middleware: MiddlewareHandler<AppEnv>[] = scope ? [requireScope(scope)] : [];
  return createRoute(
    withErrors(
      {
        ...route,
        security: [{ ApiKey: [] }],
        middleware,
        description: [route.description, scope ? `Requires scope \`${scope}\`.` : "Any API key."]
          .filter(Boolean)
          .join("\n\n"),
      },
      [401, 403, 429],
    ),
  );
}

/** An operator route under /admin/v1: bearer ADMIN_TOKEN. */
export function adminRoute<P extends string, R extends Route<P>>(route: R): R {
  return createRoute(withErrors({ ...route, security: [{ AdminToken: [] }] }, [401, 429]));
}
