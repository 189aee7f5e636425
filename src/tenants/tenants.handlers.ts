import { asc, eq, gt } from "drizzle-orm";
import { defaultTenantScopes } from "../api-keys/api-keys.scopes";
import { mintKey, renderKey } from "../api-keys/api-keys.service";
import { cursorPosition } from "../db/feed";
import { mendShard } from "../db/replicas";
import { unroutedTenantId } from "../db/routes";
import { apiKeys, tenants } from "../db/schema";
import { d1Of, pickShard } from "../db/shards";
import { refused } from "../domain/refusals";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { IdCursor, page } from "../http/pagination";
import { environmentOf } from "../lib/environment";
import { routeOf } from "../lib/ids";
import type * as routes from "./tenants.routes";

const render = (row: typeof tenants.$inferSelect) => ({
  id: row.id,
  name: row.name,
  shard: row.shard,
  created_at: row.createdAt,
});

/**
 * A new tenant goes to the shard holding fewest tenants. Its row is written to the control
 * database first, then copied to the shard with the reference data the shard may still lack
 * (one added since the last cron run), so the tenant's first write finds everything it names.
 */

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const { name } = c.req.valid("json");
  const id = await unroutedTenantId(c.var.db);
  const { key, row } = await mintKey(environmentOf(c.env), {
    tenantId: id,
    name: "Default key",
    scopes: defaultTenantScopes(environmentOf(c.env)),
  });
  const shard = await pickShard(c.env);
  const [[tenant], [stored]] = await c.var.db.batch([
    c.var.db
      .insert(tenants)
      .values({ id, name, shard, route: routeOf(id) })
      .returning(),
    c.var.db.insert(apiKeys).values(row).returning(),
  ]);
  if (!tenant || !stored) throw new Error("tenant insert returned no row");
  await mendShard(c.env, { name: shard, d1: d1Of(c.env, shard) });
  return c.json({ ...render(tenant), api_key: { ...renderKey(stored), key } }, 201);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const { limit, cursor } = c.req.valid("query");
  const after = cursor ? cursorPosition(cursor, IdCursor).id : undefined;
  const rows = await c.var.db
    .select()
    .from(tenants)
    .where(after ? gt(tenants.id, after) : undefined)
    .orderBy(asc(tenants.id))
    .limit(limit + 1);
  return c.json(
    page(rows, limit, render, (r) => ({ id: r.id }), await consistencyToken(c)),
    200,
  );
};

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const { id } = c.req.valid("param");
  const row = await c.var.db.query.tenants.findFirst({ where: eq(tenants.id, id) });
  if (!row) throw refused("not_found", { resource: "tenant", id: id });
  return c.json(render(row), 200);
};
