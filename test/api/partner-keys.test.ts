import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_LIVE_TENANT_KEYS } from "../../src/api-keys/api-keys.service";
import { sha256Hex } from "../../src/lib/crypto";
import { admin, client, expectError, expectStatus, ok } from "../support/client";
import { createKey, createTenant, othersOf } from "../support/merchant";

// Expiry, overlaps and last_used_at follow Date.now() (in the Worker and in each key's
// RateLimiter, both in this isolate): the clock is held still and moved by hand.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now());
});
afterEach(() => {
  vi.useRealTimers();
});

const pass = (ms: number) => vi.setSystemTime(Date.now() + ms);
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const HOUR = 60 * 60_000;

const keys = (key: string) => client(key).v1["api-keys"];

/** A tenant, and a key of it holding `keys:manage` and `orders:read` only. */
async function manager() {
  const tenant = await createTenant();
  const { key } = await createKey(tenant.tenantId, { scopes: ["keys:manage", "orders:read"] });
  return { ...tenant, manager: key };
}

async function issue(managerKey: string, json: Parameters<ReturnType<typeof keys>["$post"]>[0]) {
  const res = await keys(managerKey).$post(json);
  expectStatus(res, 201);
  return res.body;
}

/** Puts KV's cached record of `key` back as it was read before a change, as a lagging replica would. */
async function restoreCached(key: string, cached: string | null) {
  expect(cached).not.toBeNull();
  await env.KV.put(`apikey:${await sha256Hex(key)}`, cached as string, { expirationTtl: 60 });
}
const cachedRecord = async (key: string) => env.KV.get(`apikey:${await sha256Hex(key)}`);

describe("issuing and listing a tenant's own keys", () => {
  it("issues a key with a subset of the caller's scopes, and refuses a scope it lacks by name", async () => {
    const { manager: key } = await manager();
    const issued = await issue(key, { json: { name: "ERP", scopes: ["orders:read"] } });
    expect(issued.key).toMatch(/^wms_test_[A-Za-z0-9]{40}$/);
    expect(issued.redacted_key).toBe(`wms_test_…${issued.key.slice(-4)}`);
    expect(issued).toMatchObject({
      name: "ERP",
      scopes: ["orders:read"],
      rate_limit_per_minute: 1000,
      expires_at: null,
      last_used_at: null,
      rotated_from: null,
      replaced_by: null,
    });
    expectStatus(await client(issued.key).v1.orders.$get(), 200);
    expectError(await keys(issued.key).$get(), 403, "insufficient_scope");

    const wider = await keys(key).$post({ json: { scopes: ["orders:read", "orders:write"] } });
    const error = expectError(wider, 403, "insufficient_scope", "scopes[1]");
    expect(error.required_scope).toBe("orders:write");

    // Without scopes, the new key holds exactly the caller's.
    const same = await issue(key, { json: {} });
    expect(same.scopes).toEqual(["keys:manage", "orders:read"]);
  });

  it("lists the tenant's keys a page at a time and never shows a secret again", async () => {
    const { manager: key, tenantId } = await manager();
    const issued = await issue(key, { json: { name: "Listed", scopes: ["orders:read"] } });
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await keys(key).$get({ query: { limit: "1", cursor } });
      expectStatus(page, 200);
      expect(page.body.data).toHaveLength(1);
      seen.push(...page.body.data);
      cursor = page.body.pagination.next_cursor ?? undefined;
    } while (cursor);
    // The tenant's first key, the manager and the one it issued.
    expect(seen).toHaveLength(3);
    for (const k of seen) {
      expect(k).not.toHaveProperty("key");
      expect(k).toMatchObject({ tenant_id: tenantId });
    }
    const one = await keys(key)[":id"].$get({ param: { id: issued.id } });
    expectStatus(one, 200);
    expect(one.body).not.toHaveProperty("key");
    expect(one.body.redacted_key).toBe(issued.redacted_key);
  });

  it("replays an issue with the same Idempotency-Key, and keeps no secret in the clear", async () => {
    const { manager: key, tenantId } = await manager();
    const header = { "idempotency-key": crypto.randomUUID() };
    const json = { name: "Retried", scopes: ["orders:read" as const] };
    const first = await issue(key, { header, json });
    const retry = await keys(key).$post({ header, json });
    expectStatus(retry, 200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first);

    // Every value KV holds for replays: the secret is not in any of them.
    const listed = await env.KV.list({ prefix: "idempotent-response:" });
    for (const { name } of listed.keys) {
      expect(await env.KV.get(name)).not.toContain(first.key);
    }

    // Another key of the tenant cannot open the sealed answer: it is told so, not handed a secret.
    const { key: other } = await createKey(tenantId, { scopes: ["keys:manage", "orders:read"] });
    const elsewhere = await keys(other).$post({ header, json });
    expect(expectError(elsewhere, 409, "secret_not_replayable").resource_id).toBe(first.id);
  });
});

describe("how many keys a merchant may issue itself", () => {
  it("refuses a key past the limit of working keys, until one is revoked", async () => {
    const { manager: key } = await manager();
    // The tenant's first key and the manager are working keys too.
    const issued: string[] = [];
    for (let i = 2; i < MAX_LIVE_TENANT_KEYS; i++) issued.push((await issue(key, { json: {} })).id);
    const over = await keys(key).$post({ json: {} });
    expect(expectError(over, 409, "too_many_api_keys").limit).toBe(MAX_LIVE_TENANT_KEYS);
    expectStatus(await keys(key)[":id"].$delete({ param: { id: issued[0] ?? "" } }), 200);
    await issue(key, { json: {} });
  });
});

describe("rotation", () => {
  it("keeps the old key working for the overlap, then refuses it", async () => {
    const { manager: key } = await manager();
    const old = await issue(key, { json: { name: "ERP", scopes: ["orders:read"] } });
    const rotated = await keys(key)[":id"].rotate.$post({
      param: { id: old.id },
      json: { overlap_seconds: 3600 },
    });
    expectStatus(rotated, 201);
    const fresh = rotated.body;
    expect(fresh.key).not.toBe(old.key);
    expect(fresh).toMatchObject({
      name: "ERP",
      scopes: ["orders:read"],
      rotated_from: old.id,
      expires_at: null,
      previous_key_expires_at: inMs(HOUR),
    });
    const before = await keys(key)[":id"].$get({ param: { id: old.id } });
    expectStatus(before, 200);
    expect(before.body).toMatchObject({ replaced_by: fresh.id, expires_at: inMs(HOUR) });

    expectStatus(await client(old.key).v1.orders.$get(), 200);
    expectStatus(await client(fresh.key).v1.orders.$get(), 200);
    pass(HOUR - 1000);
    expectStatus(await client(old.key).v1.orders.$get(), 200);
    pass(1000);
    expectError(await client(old.key).v1.orders.$get(), 401, "expired_api_key");
    expectStatus(await client(fresh.key).v1.orders.$get(), 200);

    // A key rotates once: its successor is named.
    const again = await keys(key)[":id"].rotate.$post({ param: { id: old.id }, json: {} });
    const error = expectError(again, 409, "api_key_inactive");
    expect(error).toMatchObject({ reason: "rotated", replaced_by: fresh.id });
  });

  it("ends the old key at once with a zero overlap, even while caches still hold it", async () => {
    const { manager: key } = await manager();
    const old = await issue(key, { json: { scopes: ["orders:read"] } });
    expectStatus(await client(old.key).v1.orders.$get(), 200);
    const cached = await cachedRecord(old.key);
    const rotated = await keys(key)[":id"].rotate.$post({
      param: { id: old.id },
      json: { overlap_seconds: 0 },
    });
    expectStatus(rotated, 201);
    await restoreCached(old.key, cached);
    expectError(await client(old.key).v1.orders.$get(), 401, "expired_api_key");
    expectStatus(await client(rotated.body.key).v1.orders.$get(), 200);
  });

  it("lets a key rotate itself with the default overlap of a day", async () => {
    const { manager: key } = await manager();
    const self = await issue(key, { json: {} });
    const rotated = await keys(self.key)[":id"].rotate.$post({ param: { id: self.id } });
    expectStatus(rotated, 201);
    expect(rotated.body.previous_key_expires_at).toBe(inMs(24 * HOUR));
    expectStatus(await keys(self.key).$get(), 200);
    expectStatus(await keys(rotated.body.key).$get(), 200);
  });

  it("replays a rotation with the same Idempotency-Key instead of rotating twice", async () => {
    const { manager: key, tenantId } = await manager();
    const old = await issue(key, { json: { scopes: ["orders:read"] } });
    const header = { "idempotency-key": crypto.randomUUID() };
    const param = { id: old.id };
    const first = await keys(key)[":id"].rotate.$post({ param, header, json: {} });
    expectStatus(first, 201);
    const retry = await keys(key)[":id"].rotate.$post({ param, header, json: {} });
    expectStatus(retry, 200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const { key: other } = await createKey(tenantId, { scopes: ["keys:manage", "orders:read"] });
    const elsewhere = await keys(other)[":id"].rotate.$post({ param, header, json: {} });
    expect(expectError(elsewhere, 409, "secret_not_replayable").resource_id).toBe(first.body.id);
  });

  it("refuses an overlap over 7 days, and a key wider than the caller", async () => {
    const { manager: key, tenantId } = await manager();
    const old = await issue(key, { json: { scopes: ["orders:read"] } });
    const long = await keys(key)[":id"].rotate.$post({
      param: { id: old.id },
      json: { overlap_seconds: 7 * 24 * 3600 + 1 },
    });
    expectError(long, 422, "validation_error", "overlap_seconds");
    const { id: wide } = await createKey(tenantId, { scopes: ["orders:read", "orders:write"] });
    const refused = await keys(key)[":id"].rotate.$post({ param: { id: wide }, json: {} });
    expect(expectError(refused, 403, "insufficient_scope").required_scope).toBe("orders:write");
  });
});

describe("expiry", () => {
  it("refuses a key after its expires_at, which its cached record carries", async () => {
    const { manager: key } = await manager();
    const issued = await issue(key, { json: { scopes: ["orders:read"], expires_at: inMs(HOUR) } });
    expect(issued.expires_at).toBe(inMs(HOUR));
    expectStatus(await client(issued.key).v1.orders.$get(), 200);
    // The record in KV carries the expiry; nothing else told the key's RateLimiter of it.
    expect(JSON.parse((await cachedRecord(issued.key)) ?? "null")).toMatchObject({
      value: { principal: { expiresAt: inMs(HOUR) } },
    });
    pass(HOUR);
    expectError(await client(issued.key).v1.orders.$get(), 401, "expired_api_key");
    const changed = await keys(key)[":id"].$patch({
      param: { id: issued.id },
      json: { expires_at: null },
    });
    expect(expectError(changed, 409, "api_key_inactive").reason).toBe("expired");
  });

  it("sets and lifts an expiry for every request at once, whatever the caches hold", async () => {
    // Seconds apart, well inside what KV's cached record is trusted for (a minute): a
    // request after the change is served that record, as in a location KV has not caught up.
    const { manager: key } = await manager();
    const issued = await issue(key, { json: { scopes: ["orders:read"] } });
    expectStatus(await client(issued.key).v1.orders.$get(), 200);
    const cached = await cachedRecord(issued.key);
    const set = await keys(key)[":id"].$patch({
      param: { id: issued.id },
      json: { expires_at: inMs(10_000), name: "Temporary" },
    });
    expectStatus(set, 200);
    expect(set.body).toMatchObject({ name: "Temporary", expires_at: inMs(10_000) });
    // The restored record says the key never expires: its RateLimiter knows better.
    await restoreCached(issued.key, cached);
    pass(10_000);
    expectError(await client(issued.key).v1.orders.$get(), 401, "expired_api_key");

    const other = await issue(key, { json: { scopes: ["orders:read"], expires_at: inMs(10_000) } });
    expectStatus(await client(other.key).v1.orders.$get(), 200);
    const expiring = await cachedRecord(other.key);
    const lifted = await keys(key)[":id"].$patch({
      param: { id: other.id },
      json: { expires_at: null },
    });
    expectStatus(lifted, 200);
    expect(lifted.body.expires_at).toBeNull();
    // The restored record still carries the lifted expiry: it no longer holds.
    await restoreCached(other.key, expiring);
    pass(10_000);
    expectStatus(await client(other.key).v1.orders.$get(), 200);
  });

  it("refuses an expiry that is not in the future", async () => {
    const { manager: key } = await manager();
    const issued = await issue(key, { json: { scopes: ["orders:read"] } });
    const past = await keys(key)[":id"].$patch({
      param: { id: issued.id },
      json: { expires_at: inMs(-1000) },
    });
    expectError(past, 422, "expiry_in_past", "expires_at");
    const born = await keys(key).$post({ json: { expires_at: inMs(0) } });
    expectError(born, 422, "expiry_in_past", "expires_at");
  });
});

describe("revocation", () => {
  it("refuses a revoked key at once, and revoking twice is a no-op", async () => {
    const { manager: key } = await manager();
    const issued = await issue(key, { json: { scopes: ["orders:read"] } });
    expectStatus(await client(issued.key).v1.orders.$get(), 200);
    const revoked = await keys(key)[":id"].$delete({ param: { id: issued.id } });
    expectStatus(revoked, 200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    expectError(await client(issued.key).v1.orders.$get(), 401, "revoked_api_key");
    const twice = await keys(key)[":id"].$delete({ param: { id: issued.id } });
    expectStatus(twice, 200);
    expect(twice.body.revoked_at).toBe(revoked.body.revoked_at);
  });

  it("lets the last key holding keys:manage revoke itself; then only an operator issues keys", async () => {
    const { tenantId, key: first } = await createTenant();
    const issued = await issue(first, { json: { scopes: ["orders:read"] } });
    const own = (await ok(keys(first).$get())).data.find((k) => k.id !== issued.id);
    expect(own?.scopes).toContain("keys:manage");
    expectStatus(await keys(first)[":id"].$delete({ param: { id: own?.id ?? "" } }), 200);
    expectError(await keys(first).$get(), 401, "revoked_api_key");
    expectStatus(await client(issued.key).v1.orders.$get(), 200);
    expectError(await keys(issued.key).$get(), 403, "insufficient_scope");
    const again = await createKey(tenantId, { scopes: ["keys:manage"] });
    expectStatus(await keys(again.key).$get(), 200);
  });
});

describe("last_used_at", () => {
  it("records a key's use, at most once a minute", async () => {
    const { manager: key } = await manager();
    const issued = await issue(key, { json: { scopes: ["orders:read"] } });
    const lastUsed = async () => {
      const res = await keys(key)[":id"].$get({ param: { id: issued.id } });
      expectStatus(res, 200);
      return res.body.last_used_at;
    };
    expect(await lastUsed()).toBeNull();

    const firstUse = new Date().toISOString();
    expectStatus(await client(issued.key).v1.orders.$get(), 200);
    expect(await lastUsed()).toBe(firstUse);

    pass(30_000);
    expectStatus(await client(issued.key).v1.orders.$get(), 200);
    expectStatus(await client(issued.key).v1.orders.$get(), 200);
    expect(await lastUsed()).toBe(firstUse);

    pass(30_000);
    const later = new Date().toISOString();
    expectStatus(await client(issued.key).v1.orders.$get(), 200);
    expect(await lastUsed()).toBe(later);
  });
});

describe("who may manage keys", () => {
  it("answers 404 for another tenant's key, on the same shard or another", async () => {
    const { manager: key, shard } = await manager();
    for (const other of await othersOf(shard)) {
      const { id } = await createKey(other.tenantId, { scopes: ["orders:read"] });
      const param = { id };
      expectError(await keys(key)[":id"].$get({ param }), 404, "not_found");
      expectError(await keys(key)[":id"].$patch({ param, json: { name: "x" } }), 404, "not_found");
      expectError(await keys(key)[":id"].rotate.$post({ param, json: {} }), 404, "not_found");
      expectError(await keys(key)[":id"].$delete({ param }), 404, "not_found");
      expectStatus(await client(other.key).v1.orders.$get(), 200);
    }
  });

  it("403s a key without keys:manage, and a platform key", async () => {
    const { tenantId } = await createTenant();
    const { key } = await createKey(tenantId, { scopes: ["orders:read"] });
    const error = expectError(await keys(key).$get(), 403, "insufficient_scope");
    expect(error.required_scope).toBe("keys:manage");
    const platform = await admin["api-keys"].$post({ json: { scopes: ["keys:manage"] } });
    expectStatus(platform, 201);
    expectError(await keys(platform.body.key).$get(), 403, "tenant_key_required");
  });
});
