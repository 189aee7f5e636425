import { z } from "@hono/zod-openapi";
import { optionalText, Timestamp } from "../domain/shapes";
import { adminRoute } from "../http/openapi";
import { listOf, listQuery } from "../http/pagination";
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
  })
  .openapi("ApiKey");

export const IssuedApiKey = ApiKey.extend({
  key: z.string().openapi({
    description: "The secret key. Shown once, here; only its SHA-256 is stored.",
    example: "wms_test_8f2aQ3kL9mN2pR5sT8vW1xY4zA7bC0dE3fG6hJ9k",
  }),
}).openapi("IssuedApiKey");

export const CreateApiKey = z
  .strictObject({
    name: optionalText(200),
    scopes: z
      .array(ScopeSchema)
      .min(1)
      .refine((s) => new Set(s).size === s.length, { message: "must not repeat a scope" })
      .optional()
      .openapi({
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
