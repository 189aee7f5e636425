import { count, eq, sql } from "drizzle-orm";
import { database } from "./client";
import { tenants } from "./schema";

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
 * Per isolate, for a while: a tenant's shard changes only when an operator moves it, and the
 * runbook freezes the tenant for longer than this first, so every isolate has read the freeze
 * before any row is copied.
 */
export const PLACEMENT_TTL_MS = 30_000;
const placements = new Map<string, { shard: string; frozen: boolean; until: number }>();

/**
 * The binding of the shard that holds `tenantId`'s data. Throws UnknownTenant for a tenant the
 * control database does not have, and TenantFrozen while the tenant moves.
 */
export async function shardOf(env: Bindings, tenantId: string): Promise<string> {
  const now = Date.now();
  let placement = placements.get(tenantId);
  if (!placement || placement.until <= now) {
    const [row] = await database(env.DB)
      .select({ shard: tenants.shard, frozenAt: tenants.frozenAt })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    if (!row) throw new UnknownTenant(tenantId);
    placement = { shard: row.shard, frozen: row.frozenAt !== null, until: now + PLACEMENT_TTL_MS };
    placements.set(tenantId, placement);
  }
  if (placement.frozen) throw new TenantFrozen(tenantId);
  return placement.shard;
}

/** The tenant's shard as its binding name and database. */
export async function tenantShard(env: Bindings, tenantId: string) {
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
export type Located = "orders" | "shipments" | "inbound_shipments" | "returns";

/**
 * The tenant (and its shard) whose row `id` of `table` is: how a platform key, which names
 * no tenant, finds what it acts on. Every shard is asked at once; a row found on a shard
 * that is not its tenant's (a copy a move left behind) does not count.
 */
export async function locate(
  env: Bindings,
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
