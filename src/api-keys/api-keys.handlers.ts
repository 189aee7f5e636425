import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { cursorPosition } from "../db/feed";
import { apiKeys, tenants } from "../db/schema";
import { refused } from "../domain/refusals";
import type { Scope } from "../domain/scopes";
import { consistencyToken } from "../http/consistency";
import type { AppEnv, AppRouteHandler } from "../http/context";
import { IdCursor, page } from "../http/pagination";
import { type Environment, environmentOf } from "../lib/environment";
import type * as routes from "./api-keys.routes";
import { defaultTenantScopes, tenantMayHold } from "./api-keys.scopes";
import { mintKey, renderKey, revokeKey } from "./api-keys.service";

/** Scopes for a new tenant key: the defaults, or the requested ones if this environment allows them. */
export function tenantKeyScopes(environment: Environment, requested?: Scope[]): Scope[] {
  if (!requested) return defaultTenantScopes(environment);
  requested.forEach((scope, i) => {
    if (!tenantMayHold(scope, environment)) {
      throw refused("scope_not_allowed", { field: `scopes[${i}]`, scope, environment });
    }
  });
  return requested;
}

export const createTenantKey: AppRouteHandler<typeof routes.createTenantKey> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const tenant = await c.var.db.query.tenants.findFirst({ where: eq(tenants.id, id) });
  if (!tenant) throw refused("not_found", { resource: "tenant", id: id });
  const { key, row } = await mintKey(environmentOf(c.env), {
    tenantId: id,
    name: body.name,
    scopes: tenantKeyScopes(environmentOf(c.env), body.scopes),
    rateLimitPerMinute: body.rate_limit_per_minute,
  });
  const [stored] = await c.var.db.insert(apiKeys).values(row).returning();
  return c.json({ ...renderKey(stored as typeof apiKeys.$inferSelect), key }, 201);
};

export const createPlatformKey: AppRouteHandler<typeof routes.createPlatformKey> = async (c) => {
  const body = c.req.valid("json");
  const { key, row } = await mintKey(environmentOf(c.env), {
    tenantId: null,
    name: body.name,
    scopes: body.scopes ?? ["warehouse:operate"],
    rateLimitPerMinute: body.rate_limit_per_minute,
  });
  const [stored] = await c.var.db.insert(apiKeys).values(row).returning();
  return c.json({ ...renderKey(stored as typeof apiKeys.$inferSelect), key }, 201);
};

async function listKeys(
  c: Context<AppEnv>,
  tenantId: string | null,
  query: { limit: number; cursor?: string },
) {
  const after = query.cursor ? cursorPosition(query.cursor, IdCursor).id : undefined;
  const rows = await c.var.db
    .select()
    .from(apiKeys)
    .where(
      and(
        tenantId ? eq(apiKeys.tenantId, tenantId) : isNull(apiKeys.tenantId),
        after ? gt(apiKeys.id, after) : undefined,
      ),
    )
    .orderBy(asc(apiKeys.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, renderKey, (r) => ({ id: r.id }), await consistencyToken(c));
}

export const listTenantKeys: AppRouteHandler<typeof routes.listTenantKeys> = async (c) => {
  const { id } = c.req.valid("param");
  const tenant = await c.var.db.query.tenants.findFirst({ where: eq(tenants.id, id) });
  if (!tenant) throw refused("not_found", { resource: "tenant", id: id });
  return c.json(await listKeys(c, id, c.req.valid("query")), 200);
};

export const listPlatformKeys: AppRouteHandler<typeof routes.listPlatformKeys> = async (c) =>
  c.json(await listKeys(c, null, c.req.valid("query")), 200);

export const revoke: AppRouteHandler<typeof routes.revoke> = async (c) => {
  const { id } = c.req.valid("param");
  const row = await revokeKey(c.env, c.var.db, id);
  if (!row) throw refused("not_found", { resource: "API key", id: id });
  return c.json(renderKey(row), 200);
};
