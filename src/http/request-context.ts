import type { Context, MiddlewareHandler } from "hono";
import { type Db, database } from "../db/client";
import { primary } from "../db/sessions";
import {
  CONTROL,
  d1Of,
  type Located,
  locate,
  shardNames,
  shardOf,
  tenantShard,
  UnknownTenant,
} from "../db/shards";
import { newId } from "../lib/ids";
import { Meter } from "../lib/metering";
import type { AppEnv } from "./context";

/** Hands the request's handlers `name`'s database: its primary, until a read gets a session. */
function useDatabase(c: Context<AppEnv>, name: string) {
  const d1 = d1Of(c.env, name);
  c.set("home", { name, d1 });
  c.set("db", database(primary(d1)));
}

/**
 * Names the request for support, meters every platform call it makes (the bindings are
 * swapped for metered ones) and reports them in `Server-Timing`, then hands every handler
 * the control database, until `useTenantShard` moves a tenant's request to its shard.
 */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requestId = newId("req");
  const meter = new Meter();
  c.env = meter.env(c.env);
  c.set("requestId", requestId);
  c.set("meter", meter);
  useDatabase(c, CONTROL);
  c.header("X-Request-Id", requestId);
  await next();
  c.res.headers.set("X-Request-Id", requestId);
  c.res.headers.set("Server-Timing", meter.serverTiming());
};

/** A tenant key's request works in the tenant's shard, and only there. */
export async function useTenantShard(c: Context<AppEnv>, tenantId: string) {
  useDatabase(c, (await tenantShard(c.env, tenantId)).name);
}

/** What a platform key's floor request acts on: a row by id, or a tenant its body names. */
export type Target = { table: Located; id: string } | { tenantId: string | undefined };

/**
 * The database a floor request works in. A tenant key's is its shard. A platform key acts on
 * any tenant, so it works in the shard that holds what it names. Something no shard holds
 * is looked for in the first shard, where it is as absent as anywhere: the command then
 * refuses the unknown id exactly as it would with one database.
 */
export async function floorDb(c: Context<AppEnv>, target: Target): Promise<Db> {
  if (c.var.principal.tenantId) return c.var.db;
  const shard =
    "table" in target
      ? (await locate(c.env, target.table, target.id))?.shard
      : target.tenantId
        ? await shardOf(c.env, target.tenantId).catch((err: unknown) => {
            if (err instanceof UnknownTenant) return undefined;
            throw err;
          })
        : undefined;
  return database(primary(d1Of(c.env, shard ?? (shardNames(c.env)[0] as string))));
}
