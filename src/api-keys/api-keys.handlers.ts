import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { cursorPosition } from "../db/feed";
import { apiKeys, tenants } from "../db/schema";
import { refused } from "../domain/refusals";
import type { Scope } from "../domain/scopes";
import { bearerToken, tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppEnv, AppRouteHandler } from "../http/context";
import { once, type ReplayCodec } from "../http/idempotent";
import { IdCursor, page } from "../http/pagination";
import { aesKey, seal, sha256Hex, unseal } from "../lib/crypto";
import { type Environment, environmentOf } from "../lib/environment";
import { newId } from "../lib/ids";
import * as routes from "./api-keys.routes";
import { defaultTenantScopes, tenantMayHold } from "./api-keys.scopes";
import {
  assertChangeable,
  assertFuture,
  findTenantKey,
  issueTenantKey,
  mintKey,
  renderKey,
  revokeKey,
  rotateKey,
  setKeyExpiry,
} from "./api-keys.service";

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

/*
 * A tenant's own keys, managed with a key holding `keys:manage`. These requests work in the
 * control database, where keys live (app.ts points them there).
 */

/** A key can pass on only what it holds: every scope it grants must be its own. */
function assertHeld(c: Context<AppEnv>, scopes: readonly Scope[]) {
  const own = c.var.principal.scopes;
  scopes.forEach((scope, i) => {
    if (!own.includes(scope)) {
      throw refused("insufficient_scope", { field: `scopes[${i}]`, required_scope: scope });
    }
  });
}

type Issued = ReturnType<typeof renderKey> & { key: string };

/**
 * A replay of an issue or a rotation answers the same secret, but KV, the replay cache, must
 * not hold it in the clear (only its hash is kept anywhere else): it is sealed with a key
 * derived from the calling key's own secret, which is stored nowhere. A retry sent with
 * another key cannot open it, and is told the secret cannot be shown again.
 */
function sealedWithCaller<T extends Issued>(c: Context<AppEnv>): ReplayCodec<T> {
  const sealing = sha256Hex(`api-key replay\n${bearerToken(c) ?? ""}`).then(aesKey);
  return {
    keep: async (body) => ({ ...body, key: await seal(await sealing, body.key) }),
    restore: async (kept) => {
      const body = kept as T;
      const key = await unseal(await sealing, body.key);
      return key === undefined ? undefined : { ...body, key };
    },
  };
}

export const listOwnKeys: AppRouteHandler<typeof routes.listOwnKeys> = async (c) =>
  c.json(await listKeys(c, tenantOf(c), c.req.valid("query")), 200);

export const getOwnKey: AppRouteHandler<typeof routes.getOwnKey> = async (c) =>
  c.json(renderKey(await findTenantKey(c.var.db, tenantOf(c), c.req.valid("param").id)), 200);

export const issueOwnKey: AppRouteHandler<typeof routes.issueOwnKey> = async (c) => {
  const tenantId = tenantOf(c);
  const body = c.req.valid("json");
  const environment = environmentOf(c.env);
  const scopes = tenantKeyScopes(environment, body.scopes ?? [...c.var.principal.scopes]);
  assertHeld(c, scopes);
  assertFuture(body.expires_at);
  return once(
    c,
    "api_key.issue",
    { resourceId: newId("key"), body },
    async (id) => {
      const { key, row } = await mintKey(environment, {
        id,
        tenantId,
        name: body.name,
        scopes,
        rateLimitPerMinute: c.var.principal.rateLimitPerMinute,
        expiresAt: body.expires_at ?? null,
      });
      const stored = await issueTenantKey(c.var.db, row);
      return { status: 201 as const, body: { ...renderKey(stored), key }, created: true };
    },
    sealedWithCaller(c),
  );
};

export const rotateOwnKey: AppRouteHandler<typeof routes.rotateOwnKey> = async (c) => {
  const tenantId = tenantOf(c);
  const { id } = c.req.valid("param");
  // Without a body the validator has nothing to apply the defaults to.
  const body = routes.RotateKey.parse(c.req.valid("json") ?? {});
  assertFuture(body.expires_at);
  return once(
    c,
    "api_key.rotate",
    { resourceId: newId("key"), params: { id }, body },
    async (newKeyId) => {
      const old = await findTenantKey(c.var.db, tenantId, id);
      assertHeld(c, old.scopes);
      const { key, row, oldEnds } = await rotateKey(c.env, environmentOf(c.env), c.var.db, {
        old,
        id: newKeyId,
        overlapSeconds: body.overlap_seconds,
        expiresAt: body.expires_at ?? null,
      });
      return {
        status: 201 as const,
        body: { ...renderKey(row), key, previous_key_expires_at: oldEnds },
        created: true,
      };
    },
    sealedWithCaller(c),
  );
};

export const updateOwnKey: AppRouteHandler<typeof routes.updateOwnKey> = async (c) => {
  const body = c.req.valid("json");
  assertFuture(body.expires_at);
  let row = await findTenantKey(c.var.db, tenantOf(c), c.req.valid("param").id);
  assertChangeable(row);
  if (body.expires_at !== undefined)
    row = await setKeyExpiry(c.env, c.var.db, row, body.expires_at);
  if (body.name !== undefined) {
    const [renamed] = await c.var.db
      .update(apiKeys)
      .set({ name: body.name })
      .where(eq(apiKeys.id, row.id))
      .returning();
    row = renamed ?? row;
  }
  return c.json(renderKey(row), 200);
};

export const revokeOwnKey: AppRouteHandler<typeof routes.revokeOwnKey> = async (c) => {
  const found = await findTenantKey(c.var.db, tenantOf(c), c.req.valid("param").id);
  return c.json(renderKey((await revokeKey(c.env, c.var.db, found.id)) ?? found), 200);
};
