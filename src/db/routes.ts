import { isNull, sql } from "drizzle-orm";
import { newId, routeOf, routeOfId } from "../lib/ids";
import { type Db, database } from "./client";
import { ControlCache } from "./control-cache";
import { tenants } from "./schema";
import { type Located, locate, shardNames, shardOf } from "./shards";
import { jsonRows, NOW } from "./sql";

/*
 * From an id to its tenant's shard. Every id a tenant owns carries its route (src/lib/ids.ts),
 * and the control database maps routes to tenants by a unique index, so a platform key that
 * names an order touches the control database once (then not at all: a route never changes
 * its tenant, so the answer is cached a day, in memory and KV) and the tenant's shard, never
 * another. Two cases still search every shard, each logged as one `id_searched` warning with
 * what it cost: an id issued before routes, and a route whose tenant was created before
 * routes and is not filled in yet (the control database's background unit does that within
 * minutes of a deploy).
 */

const DAY_MS = 24 * 60 * 60_000;

const routes = new ControlCache<string>({
  name: "route",
  freshMs: DAY_MS,
  kvFreshMs: DAY_MS,
  kvRewriteMs: DAY_MS,
  maxEntries: 10_000,
  subject: (route) => `route ${route}`,
});

type Placed = Parameters<typeof shardOf>[0];

/** The tenant whose route this is, if the control database knows one. */
export const tenantOfRoute = (env: Placed, route: string) =>
  routes.get(env.KV, route, async () => {
    const [row] = await database(env.DB)
      .select({ id: tenants.id, at: sql<string>`${NOW}` })
      .from(tenants)
      .where(sql`${tenants.route} = ${route}`);
    return row && { value: row.id, checked_at: Date.parse(row.at) };
  });

/**
 * The tenant that owns row `id` of `table`, and its shard; undefined for an id this API never
 * issued or that no shard holds. Throws TenantFrozen while that tenant moves.
 */
export async function ownerOf(
  env: Placed,
  table: Located,
  id: string,
): Promise<{ tenantId: string; shard: string } | undefined> {
  const where = routeOfId(id);
  if ("malformed" in where) return undefined;
  if ("route" in where) {
    const tenantId = await tenantOfRoute(env, where.route);
    if (tenantId) return { tenantId, shard: await shardOf(env, tenantId) };
  }
  const started = Date.now();
  const found = await locate(env, table, id);
  console.warn(
    JSON.stringify({
      level: "warn",
      msg: "id_searched",
      why: "legacy" in where ? "issued before routes" : "route not filled in yet",
      table,
      id,
      shards_asked: shardNames(env).length,
      found: found !== undefined,
      ms: Date.now() - started,
    }),
  );
  return found;
}

/**
 * An id for a new tenant whose route no tenant has yet. A collision is about one in 10^7 at
 * 3,000 tenants, so the first id nearly always does; a few tries make it certain enough.
 */
export async function unroutedTenantId(control: Db): Promise<string> {
  for (let tries = 0; tries < 5; tries++) {
    const id = newId("ten");
    const [taken] = await control
      .select({ id: tenants.id })
      .from(tenants)
      .where(sql`${tenants.route} = ${routeOf(id)}`);
    if (!taken) return id;
  }
  throw new Error("five new tenant ids in a row had routes already taken");
}

/** Tenants given a route per background unit: one small statement, whatever the backlog. */
const ROUTES_PER_UNIT = 200;

/**
 * Gives tenants created before routes theirs, a page at a time; true when some are left. A
 * route another tenant already has (a hash collision, about one in 10^7 at 3,000 tenants) is
 * left empty, and that tenant's ids are searched for, as logged.
 */
export async function fillRoutes(control: Db): Promise<boolean> {
  const missing = await control
    .select({ id: tenants.id })
    .from(tenants)
    .where(isNull(tenants.route))
    .limit(ROUTES_PER_UNIT);
  if (missing.length === 0) return false;
  const given = missing.map((t) => [t.id, routeOf(t.id)]);
  await control.run(
    sql`UPDATE OR IGNORE tenants
      SET route = (SELECT j.value ->> 1 FROM ${jsonRows(given)} AS j WHERE j.value ->> 0 = tenants.id)
      WHERE id IN (SELECT j.value ->> 0 FROM ${jsonRows(given)} AS j) AND route IS NULL`,
  );
  return missing.length === ROUTES_PER_UNIT;
}
