import { z } from "@hono/zod-openapi";
import { optionalText, Timestamp, UtcDateTime } from "../domain/shapes";
import { IdempotencyKeyHeader } from "../http/idempotent";
import { adminRoute, apiRoute, HEADERS, jsonContent } from "../http/openapi";
import { cursorParam, limitParam, listOf, listQuery } from "../http/pagination";
import { ScopeSchema } from "./api-keys.scopes";

export const ApiKey = z
  .object({
    id: z.string().openapi({ example: "key_4fQk2nW8xYz1AbCdEf3G" }),
    tenant_id: z.string().nullable().openapi({ description: "null for a platform key" }),
    name: z.string().nullable(),
    redacted_key: z.string().openapi({ example: "wms_test_…c91a" }),
    scopes: z.array(ScopeSchema),
    rate_limit_per_minute: z.number().int(),
    created_at: Timestamp,
    revoked_at: Timestamp.nullable(),
    expires_at: Timestamp.nullable().openapi({
      description:
        "When the key stops working (401 `expired_api_key`); for a key rotated out, the end of its overlap. null: never.",
    }),
    last_used_at: Timestamp.nullable().openapi({
      description:
        "When the key was last used, to the minute: it is recorded at most once a minute per key, so it may lag its latest request by up to a minute. null: never used since this was recorded.",
    }),
    rotated_from: z.string().nullable().openapi({ description: "The key this one replaced." }),
    replaced_by: z
      .string()
      .nullable()
      .openapi({ description: "The key a rotation issued in this one's place." }),
  })
  .openapi("ApiKey");

export const IssuedApiKey = ApiKey.extend({
  key: z.string().openapi({
    description: "The secret key. Shown once, here; only its SHA-256 is stored.",
    example: "wms_test_8f2aQ3kL9mN2pR5sT8vW1xY4zA7bC0dE3fG6hJ9k",
  }),
}).openapi("IssuedApiKey");

const Scopes = z
  .array(ScopeSchema)
  .min(1)
  .refine((s) => new Set(s).size === s.length, { message: "must not repeat a scope" });

/**
 * An expiry set by a request, or null for never. That it is still to come is the clock's to
 * say, not the shape's: a past one is 422 `expiry_in_past`.
 */
const Expiry = UtcDateTime.nullable().optional();

export const CreateApiKey = z
  .strictObject({
    name: optionalText(200),
    scopes: Scopes.optional().openapi({
      description: "Defaults to every scope this kind of key may hold.",
      uniqueItems: true,
    }),
    rate_limit_per_minute: z.number().int().min(1).max(1_000_000).optional().openapi({
      description: "Requests per minute for this key; default 1000.",
    }),
  })
  .openapi("CreateApiKey");

const TenantParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "ten_8Kd92mQ4x" }),
});
const KeyParam = z.object({
  id: z
    .string()
    .openapi({ param: { name: "id", in: "path" }, example: "key_4fQk2nW8xYz1AbCdEf3G" }),
});
const ApiKeyList = listOf(ApiKey, "ApiKeyList");
const keyBody = { required: true, content: { "application/json": { schema: CreateApiKey } } };

export const createTenantKey = adminRoute({
  method: "post",
  path: "/tenants/{id}/api-keys",
  tags: ["Admin"],
  summary: "Issue an API key for a tenant",
  description:
    "In production a tenant key may not hold `warehouse:operate` (422); the floor uses platform keys.",
  request: { params: TenantParam, body: keyBody },
  responses: {
    201: { description: "Issued", content: { "application/json": { schema: IssuedApiKey } } },
  },
});

export const listTenantKeys = adminRoute({
  method: "get",
  path: "/tenants/{id}/api-keys",
  tags: ["Admin"],
  summary: "List a tenant's API keys (redacted)",
  request: { params: TenantParam, query: listQuery },
  responses: {
    200: { description: "Keys", content: { "application/json": { schema: ApiKeyList } } },
  },
});

export const createPlatformKey = adminRoute({
  method: "post",
  path: "/api-keys",
  tags: ["Admin"],
  summary: "Issue a platform key",
  description:
    "A key that belongs to no tenant, for the warehouse floor's systems. Defaults to `warehouse:operate`.",
  request: { body: keyBody },
  responses: {
    201: { description: "Issued", content: { "application/json": { schema: IssuedApiKey } } },
  },
});

export const listPlatformKeys = adminRoute({
  method: "get",
  path: "/api-keys",
  tags: ["Admin"],
  summary: "List platform keys (redacted)",
  request: { query: listQuery },
  responses: {
    200: { description: "Keys", content: { "application/json": { schema: ApiKeyList } } },
  },
});

export const revoke = adminRoute({
  method: "delete",
  path: "/api-keys/{id}",
  tags: ["Admin"],
  summary: "Revoke an API key",
  description:
    "Immediate everywhere: the key's very next request, in any location, is 401 `revoked_api_key`. Revoking twice is a no-op.",
  request: { params: KeyParam },
  responses: {
    200: { description: "Revoked", content: { "application/json": { schema: ApiKey } } },
    404: { description: "Unknown key" },
  },
});

/* The keys a tenant manages itself, with a key holding `keys:manage`. */

const base = { tags: ["API keys"] };
// The error envelope is added to every 4xx by apiRoute.
const error = (description: string) => ({ description });

export const IssueOwnKey = z
  .strictObject({
    name: optionalText(200),
    scopes: Scopes.optional().openapi({
      description:
        "Each must be a scope the calling key holds (403 `insufficient_scope` naming it in `field` and `required_scope`). Defaults to all of the calling key's scopes.",
      uniqueItems: true,
    }),
    expires_at: Expiry.openapi({
      description: "When the key stops working, in the future; omitted or null: never.",
    }),
  })
  .openapi("IssueOwnApiKey");

/** How long a rotated-out key may keep working beside its successor, and does by default. */
export const MAX_ROTATION_OVERLAP_SECONDS = 7 * 24 * 60 * 60;
export const DEFAULT_ROTATION_OVERLAP_SECONDS = 24 * 60 * 60;

export const RotateKey = z
  .strictObject({
    overlap_seconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_ROTATION_OVERLAP_SECONDS)
      .default(DEFAULT_ROTATION_OVERLAP_SECONDS)
      .openapi({
        description: `How long the old key keeps working beside the new one: 0 ends it now, at most 7 days (${MAX_ROTATION_OVERLAP_SECONDS}); default 24 h. An old key due to expire sooner still expires then.`,
      }),
    expires_at: Expiry.openapi({
      description: "When the new key stops working, in the future; omitted or null: never.",
    }),
  })
  .openapi("RotateApiKey");

export const UpdateKey = z
  .strictObject({
    name: optionalText(200),
    expires_at: Expiry.openapi({
      description:
        "When the key stops working, in the future; null: never. Holds everywhere at once.",
    }),
  })
  .openapi("UpdateApiKey");

const RotatedApiKey = IssuedApiKey.extend({
  previous_key_expires_at: Timestamp.openapi({
    description: "When the key rotated out stops working: the end of the overlap.",
  }),
}).openapi("RotatedApiKey");

/** A retry with the same Idempotency-Key, from the calling key that sent the first. */
const replayed = <T extends z.ZodType>(schema: T) => ({
  description: "The first answer, secret included (a replay)",
  content: jsonContent(schema),
  headers: z.object({ "Idempotent-Replayed": HEADERS.replayed }),
});

const inactive = error(
  "The key is revoked, expired or already rotated (`api_key_inactive`), or this Idempotency-Key already issued a key whose secret cannot be shown again (`secret_not_replayable`)",
);
const issueConflict = error(
  "This Idempotency-Key already issued a key whose secret cannot be shown again (`secret_not_replayable`), or the merchant holds too many working keys (`too_many_api_keys`)",
);

export const listOwnKeys = apiRoute("keys:manage", {
  ...base,
  method: "get",
  path: "/api-keys",
  summary: "List this merchant's API keys (secrets never shown)",
  description: "Every key of the merchant, revoked and expired ones included, in id order.",
  // Keys have no updated_at: a page at a time is the whole of it.
  request: { query: z.object({ cursor: cursorParam, limit: limitParam }) },
  responses: {
    200: { description: "Keys", content: jsonContent(ApiKeyList) },
  },
});

export const issueOwnKey = apiRoute("keys:manage", {
  ...base,
  method: "post",
  path: "/api-keys",
  summary: "Issue an API key",
  description:
    "The secret is returned once, here: only its SHA-256 is kept. The new key holds a subset of the calling key's scopes and its rate limit. A merchant holding 25 working keys (not revoked or expired) gets 409 `too_many_api_keys`. A retry with the same `Idempotency-Key` gets the same key and secret back, but only when sent with the same calling key (the secret is kept for the replay sealed with it); otherwise 409 `secret_not_replayable`.",
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(IssueOwnKey) },
  },
  responses: {
    201: { description: "Issued", content: jsonContent(IssuedApiKey) },
    200: replayed(IssuedApiKey),
    403: error("The calling key lacks `keys:manage`, or a scope it asked to grant"),
    409: issueConflict,
  },
});

export const getOwnKey = apiRoute("keys:manage", {
  ...base,
  method: "get",
  path: "/api-keys/{id}",
  summary: "Retrieve an API key (its secret never shown)",
  request: { params: KeyParam },
  responses: {
    200: { description: "Key", content: jsonContent(ApiKey) },
  },
});

export const updateOwnKey = apiRoute("keys:manage", {
  ...base,
  method: "patch",
  path: "/api-keys/{id}",
  summary: "Rename an API key or set its expiry",
  description:
    "Fields not sent stay as they are. A new expiry holds for every request, in every location, from this response on. A revoked, expired or rotated key cannot be changed (409 `api_key_inactive`): to end a rotation's overlap early, revoke the old key.",
  request: { params: KeyParam, body: { required: true, content: jsonContent(UpdateKey) } },
  responses: {
    200: { description: "Updated", content: jsonContent(ApiKey) },
    409: inactive,
  },
});

export const rotateOwnKey = apiRoute("keys:manage", {
  ...base,
  method: "post",
  path: "/api-keys/{id}/rotate",
  summary: "Rotate an API key",
  description:
    "Issues a new key with the old one's name, scopes and rate limit, its secret returned once, here; the old key keeps working for `overlap_seconds`, then is refused (401 `expired_api_key`). A key may rotate itself. The calling key must hold every scope of the key it rotates (403 `insufficient_scope`), since it receives that key's new secret. A key rotates once: rotating it again is 409 `api_key_inactive` naming its successor. A retry with the same `Idempotency-Key` behaves as on issue.",
  request: {
    params: KeyParam,
    headers: IdempotencyKeyHeader,
    body: { required: false, content: jsonContent(RotateKey) },
  },
  responses: {
    201: { description: "Rotated", content: jsonContent(RotatedApiKey) },
    200: replayed(RotatedApiKey),
    403: error("The calling key lacks `keys:manage`, or a scope of the key it rotates"),
    409: inactive,
  },
});

export const revokeOwnKey = apiRoute("keys:manage", {
  ...base,
  method: "delete",
  path: "/api-keys/{id}",
  summary: "Revoke an API key",
  description:
    "Immediate everywhere: the key's very next request, in any location, is 401 `revoked_api_key`. A key may revoke itself, and the merchant's last key holding `keys:manage` may be revoked: after that only an operator can issue the merchant a key. Revoking twice is a no-op.",
  request: { params: KeyParam },
  responses: {
    200: { description: "Revoked", content: jsonContent(ApiKey) },
  },
});
