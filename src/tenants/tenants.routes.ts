import { z } from "@hono/zod-openapi";
import { IssuedApiKey } from "../api-keys/api-keys.routes";
import { Timestamp, text } from "../domain/shapes";
import { adminRoute } from "../http/openapi";
import { listOf, listQuery } from "../http/pagination";

export const Tenant = z
  .object({
    id: z.string().openapi({ example: "ten_8Kd92mQ4xTa1Bc2De3Fg" }),
    name: z.string().openapi({ example: "Acme Outdoor" }),
    shard: z.string().openapi({
      example: "SHARD_1",
      description:
        "The D1 binding of the shard that holds the tenant's data: a new tenant goes to the shard with the fewest tenants.",
    }),
    created_at: Timestamp,
  })
  .openapi("Tenant");

export const CreatedTenant = Tenant.extend({ api_key: IssuedApiKey }).openapi("CreatedTenant");

export const CreateTenant = z.strictObject({ name: text(200) }).openapi("CreateTenant");

const TenantParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" } }),
});

export const create = adminRoute({
  method: "post",
  path: "/tenants",
  tags: ["Admin"],
  summary: "Create a tenant (merchant) and its first API key",
  description:
    "The first key holds every scope a tenant key may hold in this environment. Its secret is returned once.",
  request: {
    body: { required: true, content: { "application/json": { schema: CreateTenant } } },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: CreatedTenant } } },
  },
});

export const list = adminRoute({
  method: "get",
  path: "/tenants",
  tags: ["Admin"],
  summary: "List tenants",
  request: { query: listQuery },
  responses: {
    200: {
      description: "Tenants",
      content: { "application/json": { schema: listOf(Tenant, "TenantList") } },
    },
  },
});

export const get = adminRoute({
  method: "get",
  path: "/tenants/{id}",
  tags: ["Admin"],
  summary: "Retrieve a tenant",
  request: { params: TenantParam },
  responses: {
    200: { description: "Tenant", content: { "application/json": { schema: Tenant } } },
  },
});
