import type { Context, MiddlewareHandler } from "hono";
import { type Db, database } from "../db/client";
import { ownerOf } from "../db/routes";
import { primary } from "../db/sessions";
import {
  CONTROL,
  d1Of,
  type Located,
  shardNames,
  shardOf,
  tenantShard,
  UnknownTenant,
} from "../db/shards";
import { newId, type OwnedPrefix } from "../lib/ids";
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

/**
 * A request about API keys works in the control database, where keys live, whoever's key
 * asks: its reads, writes, Idempotency-Key claims and consistency tokens are all of that one.
 */
export const workInControl: MiddlewareHandler<AppEnv> = async (c, next) => {
  useDatabase(c, CONTROL);
  await next();
};

/** What a platform key's floor request acts on: a row by id, or a tenant its body names. */
export type Target = { table: Located; id: string } | { tenantId: string | undefined };

/**
 * Where a floor request works, and the tenant it acts on. A tenant key's is its own shard. A
 * platform key acts on any tenant, so it works in the shard of the tenant that owns what it
 * names: the route in the id says which (src/db/routes.ts), and no other shard is asked.
 * Something no tenant owns is looked for in the first shard, where it is as absent as
 * anywhere: the command then refuses the unknown id exactly as it would with one database.
 * The tenant found is remembered for the relay that follows the write.
 */
export async function floorOf(
  c: Context<AppEnv>,
  target: Target,
): Promise<{ db: Db; owner: string | undefined }> {
  const own = c.var.principal.tenantId;
  if (own) return { db: c.var.db, owner: own };
  const owner =
    "table" in target
      ? await ownerOf(c.env, target.table, target.id)
      : target.tenantId
        ? await shardOf(c.env, target.tenantId).then(
            (shard) => ({ tenantId: target.tenantId as string, shard }),
            (err: unknown) => {
              if (err instanceof UnknownTenant) return undefined;
              throw err;
            },
          )
        : undefined;
  if (owner) c.set("actedOn", owner.tenantId);
  const shard = owner?.shard ?? (shardNames(c.env)[0] as string);
  return { db: database(primary(d1Of(c.env, shard))), owner: owner?.tenantId };
}

/**
 * A floor command's caller: where it works, as whom, and how it names what it creates: an id
 * routed to the tenant acted on (routed nowhere when none owns the target, and then the
 * command refuses before writing anything).
 */
export async function floorCaller(c: Context<AppEnv>, target: Target) {
  const { db, owner } = await floorOf(c, target);
  return {
    env: c.env,
    db,
    tenantId: c.var.principal.tenantId,
    actor: c.var.principal.keyId,
    mint: (prefix: OwnedPrefix) => newId(prefix, owner ?? ""),
  };
}
