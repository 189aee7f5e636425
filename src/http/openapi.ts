import { createRoute, OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { type Refused, refused } from "../domain/refusals";
import type { Scope } from "../domain/scopes";
import { ErrorEnvelope } from "../domain/shapes";
import { requireScope } from "./auth";
import { CONSISTENCY_TOKEN, ConsistencyToken } from "./consistency";
import type { AppEnv } from "./context";
import { operationIdOf } from "./operation-ids";

/** A JSON request or response body described by `schema`. */
export const jsonContent = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

/** `["items", 0, "sku"]` → `items[0].sku`: the path a client can find in its own payload. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`,
    )
    .join("");
}

/** A failed check of the body (422) or of a parameter or header (400), naming its path. */
export function issueRefusal(issue: z.core.$ZodIssue, target: string): Refused {
  let path = [...issue.path];
  let reason = issue.message;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    path = [...path, key];
    reason = `unknown field '${key}'`;
  } else if (issue.code === "invalid_type" && reason.endsWith("received undefined")) {
    reason = "is required";
  }
  const field = fieldPath(path) || target;
  return refused(target === "json" ? "validation_error" : "invalid_parameter", { field, reason });
}

/** Every router shares one validation hook, so a bad input anywhere reads the same. */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw issue ? issueRefusal(issue, result.target) : refused("validation_error");
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
  503: "Nothing changed: the order is finishing an earlier change (`order_busy`), the merchant's data is moving between shards (`tenant_unavailable`), or the service cannot check the key or merchant just now (`control_unavailable`); retry after Retry-After seconds",
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

/** Headers the API sends, declared once so every route's responses say which ones they carry. */
export const HEADERS = {
  requestId: z.string().openapi({
    description: "This request's id; quote it to support.",
    example: "req_3kTq9x2VbN8mLp4Rz7Yw",
  }),
  serverTiming: z.string().openapi({
    description:
      "`total`, then D1 (`d1`, `d1-statements`, `d1-rounds`, `d1-db`, `d1-rows-read`, `d1-rows-written`), Durable Object (`do`) and KV (`kv`) calls with their milliseconds; D1 work done inside Durable Objects included.",
    example:
      'total;dur=23.0, d1;dur=11.0;desc="4 calls", d1-statements;desc="15", d1-rounds;desc="3"',
  }),
  rateLimitLimit: z
    .string()
    .openapi({ description: "Requests allowed per minute for this key.", example: "1000" }),
  rateLimitRemaining: z
    .string()
    .openapi({ description: "Requests left in the current window.", example: "998" }),
  rateLimitReset: z
    .string()
    .openapi({ description: "Unix seconds when the budget is full again.", example: "1782043260" }),
  retryAfter: z
    .string()
    .openapi({ description: "Seconds to wait before retrying.", example: "30" }),
  etag: z.string().openapi({
    description: "The resource's `version`, quoted; send it as If-Match.",
    example: '"4"',
  }),
  location: z.string().openapi({
    description: "Where the created resource lives.",
    example: "/v1/orders/ord_8Kd92mQ4xTa1Bc2De3Fg",
  }),
  replayed: z.literal("true").openapi({
    description:
      "Present on a retry with an Idempotency-Key (or a repeated reference): this is the first result.",
  }),
  consistencyToken: ConsistencyToken.openapi({
    description:
      "The newest database state this request read or wrote. Send it back on a read, as the request header of the same name, to be served from a copy at least that new: a read after your write then sees it. Opaque and sealed; absent when the request touched no data.",
    example:
      "2mFq3vJb0kX8yQe7TzR1cW5nLp9aHs4dGu6iVo0YtBxNjMwKlEfZrSgDhUcPaIqOeRyTuWvXbNmLkJhGf3s2d1a0zQx9cVb8nM7lK6jH5gF4dS3aA2sD1fG0hJ9kL8zX7cV6bN5mQ4wE3rT2y",
  }),
};

/** A read may name the state it must see at least (`consistentReads` checks it first). */
const ConsistencyTokenHeader = {
  [CONSISTENCY_TOKEN.toLowerCase()]: HEADERS.consistencyToken.optional().openapi({
    param: { in: "header" },
    description:
      "An `X-Consistency-Token` from an earlier response, unchanged: this read is served from a copy of the data at least as new as it. Without one, a read may come from a copy a moment behind the latest writes. Tokens are sealed: one this API did not issue, or altered, is 400 `invalid_parameter`.",
  }),
};

type Responses = RouteConfig["responses"];

/**
 * Adds the error envelope to every 4xx and 5xx, and each response's headers. Routes that
 * read or write data (`rateLimited` or not) say which state they reached, and their reads
 * take that token back.
 */
function withErrors<R extends RouteConfig>(
  route: R,
  errors: number[],
  {
    rateLimited,
    data = true,
    namespace = "",
  }: { rateLimited: boolean; data?: boolean; namespace?: string },
): R {
  // A path that names a resource can name one that is not there.
  const missing = route.path.includes("{") ? [404] : [];
  const merged: Responses = {
    ...errorResponses(...errors, ...missing, 500),
    ...route.responses,
  };
  const common = {
    "X-Request-Id": HEADERS.requestId,
    "Server-Timing": HEADERS.serverTiming,
    ...(data ? { [CONSISTENCY_TOKEN]: HEADERS.consistencyToken.optional() } : {}),
  };
  const responses = Object.fromEntries(
    Object.entries(merged).map(([status, response]) => {
      const code = Number(status);
      const own = (response as { headers?: z.ZodObject }).headers?.shape ?? {};
      return [
        status,
        {
          ...response,
          ...(code >= 400 ? { content: { "application/json": { schema: ErrorEnvelope } } } : {}),
          headers: z.object({
            ...common,
            ...(rateLimited ? rateHeaders(code) : {}),
            ...(code === 429 || code === 503 ? { "Retry-After": HEADERS.retryAfter } : {}),
            ...own,
          }),
        },
      ];
    }),
  );
  const named = {
    ...route,
    operationId: route.operationId ?? operationIdOf(route.method, route.path, namespace),
  };
  if (!data || route.method !== "get") return { ...named, responses };
  const own = (route.request?.headers as z.ZodObject | undefined)?.shape ?? {};
  return {
    ...named,
    request: { ...route.request, headers: z.object({ ...own, ...ConsistencyTokenHeader }) },
    responses,
  };
}

/**
 * The key's budget, on every response to a request whose key was judged. A 401 had no valid
 * key; a 429 is either the key's budget (with them) or its address's refused attempts
 * (without); a 503 or 500 may come before the key could be checked.
 */
function rateHeaders(code: number) {
  if (code === 401) return {};
  const headers = {
    "X-RateLimit-Limit": HEADERS.rateLimitLimit,
    "X-RateLimit-Remaining": HEADERS.rateLimitRemaining,
    "X-RateLimit-Reset": HEADERS.rateLimitReset,
  };
  if (code !== 429 && code < 500) return headers;
  return Object.fromEntries(Object.entries(headers).map(([name, h]) => [name, h.optional()]));
}

/**
 * What a request's input can be refused with: a write's body, a read's parameters, and a
 * feed's `updated_since` older than what is kept (422 `beyond_retention`).
 */
function inputErrors(route: RouteConfig): number[] {
  if (["post", "put", "patch"].includes(route.method)) return WRITE_ERRORS;
  const query = (route.request?.query as z.ZodObject | undefined)?.shape ?? {};
  return "updated_since" in query ? [400, 422] : [400];
}

/**
 * The path is its own type parameter, as in `createRoute`, so it stays a literal and the
 * app's type (`AppType`) can name every route for a typed client.
 */
type Route<P extends string> = Omit<RouteConfig, "path"> & { path: P };

/** A route anyone may call (health, the document itself). */
export const publicRoute = <P extends string, R extends Route<P>>(route: R): R =>
  createRoute(withErrors({ ...route, security: [] }, [], { rateLimited: false, data: false }));

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
      // Any tenant request may meet its tenant frozen for a move between shards: 503.
      [401, 403, 429, 503, ...inputErrors(route)],
      { rateLimited: true },
    ),
  );
}

/** An operator route under /admin/v1: bearer ADMIN_TOKEN. */
export function adminRoute<P extends string, R extends Route<P>>(route: R): R {
  return createRoute(
    withErrors(
      { ...route, security: [{ AdminToken: [] }] },
      // An operator route reads the control database, and may name a tenant being moved: 503.
      [401, 429, 503, ...inputErrors(route)],
      { rateLimited: false, namespace: "admin" },
    ),
  );
}

type Document = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;
type Headers = NonNullable<NonNullable<Document["components"]>["headers"]>;

/**
 * Every response declares its headers, and most declare the same ones: each header that is
 * the same everywhere it appears is stated once under `components.headers` and referenced,
 * which takes the document from megabytes to a fraction of that (and error responses that are
 * the same everywhere are then shared whole, by `shareErrorResponses`).
 */
function shareHeaders(doc: Document): Document {
  // Per header name, each distinct declaration and how often it appears.
  const seen = new Map<string, Map<string, number>>();
  const responses = Object.values(doc.paths ?? {}).flatMap((item) =>
    Object.values(item ?? {}).flatMap((op) =>
      typeof op === "object" && op !== null && "responses" in op
        ? Object.values((op as { responses: Record<string, { headers?: Headers }> }).responses)
        : [],
    ),
  );
  for (const r of responses) {
    for (const [name, header] of Object.entries(r.headers ?? {})) {
      const variants = seen.get(name) ?? new Map<string, number>();
      const json = JSON.stringify(header);
      variants.set(json, (variants.get(json) ?? 0) + 1);
      seen.set(name, variants);
    }
  }
  // The commonest declaration takes the header's name; a variant (the same header, optional
  // where it may be absent) takes the name with a suffix.
  const shared: Headers = {};
  const refOf = new Map<string, string>();
  for (const [name, variants] of seen) {
    const ranked = [...variants].filter(([, uses]) => uses > 1).sort((a, b) => b[1] - a[1]);
    for (const [i, [json]] of ranked.entries()) {
      const optional = (JSON.parse(json) as { required?: boolean }).required !== true;
      const component = i === 0 ? name : `${name}.${optional ? "optional" : i + 1}`;
      shared[component] = JSON.parse(json);
      refOf.set(`${name}\n${json}`, `#/components/headers/${component}`);
    }
  }
  for (const r of responses) {
    if (!r.headers) continue;
    for (const [name, header] of Object.entries(r.headers)) {
      const ref = refOf.get(`${name}\n${JSON.stringify(header)}`);
      if (ref) r.headers[name] = { $ref: ref };
    }
  }
  doc.components = { ...doc.components, headers: { ...doc.components?.headers, ...shared } };
  return doc;
}

type Response = NonNullable<NonNullable<Document["components"]>["responses"]>[string];

/**
 * Most operations answer their errors alike (the envelope, the same headers, the same words):
 * each error response that appears more than once is stated once under `components.responses`
 * as `Error<status>` (variants `Error<status>.2`, …) and referenced, so an operation's
 * document holds what is its own.
 */
function shareErrorResponses(doc: Document): Document {
  const byStatus = new Map<string, Map<string, number>>();
  const maps = Object.values(doc.paths ?? {}).flatMap((item) =>
    Object.values(item ?? {}).flatMap((op) =>
      typeof op === "object" && op !== null && "responses" in op
        ? [(op as { responses: Record<string, Response> }).responses]
        : [],
    ),
  );
  for (const responses of maps) {
    for (const [status, response] of Object.entries(responses)) {
      if (Number(status) < 400) continue;
      const variants = byStatus.get(status) ?? new Map<string, number>();
      const json = JSON.stringify(response);
      variants.set(json, (variants.get(json) ?? 0) + 1);
      byStatus.set(status, variants);
    }
  }
  const shared: Record<string, Response> = {};
  const refOf = new Map<string, string>();
  for (const [status, variants] of byStatus) {
    const ranked = [...variants].filter(([, uses]) => uses > 1).sort((a, b) => b[1] - a[1]);
    for (const [i, [json]] of ranked.entries()) {
      const component = i === 0 ? `Error${status}` : `Error${status}.${i + 1}`;
      shared[component] = JSON.parse(json);
      refOf.set(`${status}\n${json}`, `#/components/responses/${component}`);
    }
  }
  for (const responses of maps) {
    for (const [status, response] of Object.entries(responses)) {
      const ref = refOf.get(`${status}\n${JSON.stringify(response)}`);
      if (ref) responses[status] = { $ref: ref } as unknown as Response;
    }
  }
  doc.components = { ...doc.components, responses: { ...doc.components?.responses, ...shared } };
  return doc;
}

/** What each group of operations is for, as documentation tools show it. */
const TAGS: Record<string, string> = {
  System: "Liveness and the deployed version.",
  "Reference data": "Warehouses and shipping methods every tenant shares.",
  Products: "The merchant's catalogue.",
  Orders: "Orders in: create, amend, cancel, and their history.",
  Shipments: "Shipments out, with parcels and tracking.",
  Inventory: "Stock per SKU and warehouse, and every adjustment.",
  Returns: "Customer returns, announced and received.",
  Inbound: "Inbound shipments (ASNs) to the warehouse.",
  Events: "The change feed every webhook is also sent from.",
  Webhooks: "Subscriptions, deliveries and recovery.",
  "API keys": "The merchant's own keys: issue, rotate, expire and revoke them.",
  Operations: "The warehouse floor: picking, holds, shipping, receipts, adjustments.",
  Billing: "What the 3PL charges: rate cards, charge lines and monthly invoices.",
  Sandbox: "Drive the simulated warehouse (sandbox and development only).",
  Admin: "Operator endpoints under /admin/v1.",
};

/** Every tag an operation uses, declared once at the top with its description. */
function declaredTags(doc: Document): NonNullable<Document["tags"]> {
  const used = new Set(
    Object.values(doc.paths ?? {}).flatMap((item) =>
      Object.values(item ?? {}).flatMap((op) =>
        typeof op === "object" && op !== null && "tags" in op ? ((op.tags as string[]) ?? []) : [],
      ),
    ),
  );
  return Object.entries(TAGS)
    .filter(([name]) => used.has(name))
    .map(([name, description]) => ({ name, description }));
}

const documents = new Map<string, Document>();

/** The OpenAPI document as served: built once per isolate for each origin and environment. */
export function openApiDocument(
  app: OpenAPIHono<AppEnv>,
  { origin, version, production }: { origin: string; version: string; production: boolean },
): Document {
  const key = `${origin} ${production}`;
  const cached = documents.get(key);
  if (cached) return cached;
  const doc = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Fulfillment API",
      version,
      description:
        "Orders in, shipments and inventory out. Errors share one envelope; lists share one cursor envelope.",
    },
    servers: [{ url: origin }],
  });
  if (production) {
    for (const path of Object.keys(doc.paths ?? {})) {
      if (path.startsWith("/v1/sandbox/")) delete doc.paths?.[path];
    }
  }
  doc.tags = declaredTags(doc);
  const shared = shareErrorResponses(shareHeaders(doc));
  // Origins come from the request's Host: a handful is every real deployment's share.
  if (documents.size >= 8) documents.clear();
  documents.set(key, shared);
  return shared;
}
