import { count, eq, sql } from "drizzle-orm";
import { database } from "./client";
import { ControlCache } from "./control-cache";
import { tenants } from "./schema";
import { NOW } from "./sql";

/*
 * Tenant shards. The control database (binding DB) holds the tenants, their keys and the
 * reference data, and names each tenant's shard: one D1 database among those SHARDS lists,
 * which holds every row the tenant writes. This file is how anything finds a tenant's
 * database: requests, order and stock objects, the relay, the queue consumer and the cron.
 *
 * Adding a shard is one D1 binding and its name appended to SHARDS: new tenants go to the
 * shard that holds fewest, and no data moves. Moving a tenant is a runbook
 * (docs/deploying.md), and `frozen_at` is its switch.
 */

/** The control database's binding. */
export const CONTROL = "DB";

interface Bindings {
  DB: D1Database;
  SHARDS?: string;
}

/** What finding a tenant's shard takes: the control database, and KV for its cache. */
type Placed = Bindings & { KV: KVNamespace };

/** The D1 binding called `name` in `env` (metered when `env` is); anything else is a deploy error. */
export function d1Of(env: object, name: string): D1Database {
  const value: unknown = Reflect.get(env, name);
  if (typeof value !== "object" || value === null || !("prepare" in value)) {
    throw new Error(
      `${name} is not a D1 binding: every name in SHARDS needs a [[d1_databases]] binding in wrangler.toml.`,
    );
  }
  return value as D1Database;
}

/** The shard bindings, in the order SHARDS lists them. */
export function shardNames(env: Bindings): string[] {
  const names = (env.SHARDS ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) {
    throw new Error(
      'SHARDS is not set: list the shard D1 bindings in wrangler.toml [vars], e.g. SHARDS = "SHARD_0,SHARD_1".',
    );
  }
  for (const name of names) d1Of(env, name);
  return names;
}

/** Every shard, as its binding name and database. */
export const shards = (env: Bindings) =>
  shardNames(env).map((name) => ({ name, d1: d1Of(env, name) }));

/** The tenant is being moved between shards: nothing may touch its data until it is thawed. */
export class TenantFrozen extends Error {
  constructor(readonly tenantId: string) {
    super(`tenant ${tenantId} is frozen while it moves between shards`);
  }
}

export class UnknownTenant extends Error {
  constructor(readonly tenantId: string) {
    super(`no tenant ${tenantId} in the control database`);
  }
}

/*
 * Placement is cached per isolate and in KV (src/db/control-cache.ts). While the control
 * database answers, an isolate uses a placement it read at most PLACEMENT_TTL_MS ago, so a
 * freeze is in force everywhere that long after it commits; the move runbook waits twice that
 * before copying a row, and that bound is the whole guarantee while the control database is
 * healthy. Only when this isolate's read fails or times out does it serve a stale placement:
 * the newest it can find, its own or KV's, each stamped with the control database's clock at
 * the read.
 *
 * That stale placement is wrong only if the tenant was frozen or switched after its stamp.
 * "Nobody can move a tenant while the control database is down" does not cover it: a read can
 * fail in one place while the move's writes succeed, and an outage can start after a move,
 * when an isolate that saw no request of the tenant during it still holds the old placement.
 * So scripts/move-tenant.mjs writes the placement to KV itself, at the freeze and at the
 * switch, stamped by the control database: the newest a failing isolate can find is then the
 * move's, once KV has carried it there (it usually takes up to a minute, within the freeze
 * wait). The invariant a move relies on: 65 s after its freeze, no isolate uses the old
 * placement, unless it cannot read the control database and its KV has not yet seen the
 * freeze, which a `control_stale` warning naming the tenant would show.
 */
export const PLACEMENT_TTL_MS = 30_000;

interface Placement {
  shard: string;
  frozen: boolean;
}

const placements = new ControlCache<Placement>({
  name: "placement",
  freshMs: PLACEMENT_TTL_MS,
  // A placement in KV is never fresh: KV takes a minute or more to spread a freeze.
  kvFreshMs: 0,
  // Kept within the stale window for tenants whose placement does not change.
  kvRewriteMs: 60 * 60_000,
  maxEntries: 10_000,
  subject: (tenantId) => tenantId,
});

/**
 * The binding of the shard that holds `tenantId`'s data. Throws UnknownTenant for a tenant the
 * control database does not have, TenantFrozen while the tenant moves, and the refusal
 * `control_unavailable` when the control database fails and nothing is cached.
 */
export async function shardOf(env: Placed, tenantId: string): Promise<string> {
  const placement = await placements.get(env.KV, tenantId, async () => {
    const [row] = await database(env.DB)
      .select({ shard: tenants.shard, frozenAt: tenants.frozenAt, at: sql<string>`${NOW}` })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return (
      row && {
        value: { shard: row.shard, frozen: row.frozenAt !== null },
        checked_at: Date.parse(row.at),
      }
    );
  });
  if (!placement) throw new UnknownTenant(tenantId);
  if (placement.frozen) throw new TenantFrozen(tenantId);
  return placement.shard;
}

/** The tenant's shard as its binding name and database. */
export async function tenantShard(env: Placed, tenantId: string) {
  const name = await shardOf(env, tenantId);
  return { name, d1: d1Of(env, name) };
}

/** The shard a new tenant goes to: the one holding fewest tenants, the first in SHARDS on a tie. */
export function emptiest(names: readonly string[], tenantsIn: ReadonlyMap<string, number>) {
  let best = names[0];
  if (best === undefined) throw new Error("no shards to choose from");
  for (const name of names) {
    if ((tenantsIn.get(name) ?? 0) < (tenantsIn.get(best) ?? 0)) best = name;
  }
  return best;
}

/** Counts the control database's tenants per shard and picks the emptiest for a new one. */
export async function pickShard(env: Bindings): Promise<string> {
  const rows = await database(env.DB)
    .select({ shard: tenants.shard, n: count() })
    .from(tenants)
    .groupBy(tenants.shard);
  return emptiest(shardNames(env), new Map(rows.map((r) => [r.shard, r.n])));
}

/** The tenant-owned tables a platform key may name a row of by id. */
export type Located = "orders" | "shipments" | "inbound_shipments" | "returns" | "stuck_operations";

/**
 * The tenant (and its shard) whose row `id` of `table` is, by asking every shard at once: a
 * row found on a shard that is not its tenant's (a copy a move left behind) does not count.
 * Only for ids without a route to their tenant (src/db/routes.ts), which logs each search.
 */
export async function locate(
  env: Placed,
  table: Located,
  id: string,
): Promise<{ tenantId: string; shard: string } | undefined> {
  const found = await Promise.all(
    shards(env).map(async ({ name, d1 }) => {
      const [row] = await database(d1).all<{ tenant_id: string }>(
        sql`SELECT tenant_id FROM ${sql.identifier(table)} WHERE id = ${id}`,
      );
      return row ? { tenantId: row.tenant_id, shard: name } : undefined;
    }),
  );
  for (const hit of found) if (hit && (await shardOf(env, hit.tenantId)) === hit.shard) return hit;
  return undefined;
}
