import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/lib/crypto";
import { admin, client, expectError, expectStatus, raw } from "../support/client";
import { createKey, createTenant } from "../support/merchant";

describe("API key authentication", () => {
  it("401s a missing key with a hint and a WWW-Authenticate challenge", async () => {
    const res = await client().v1.products.$get();
    expect(expectError(res, 401, "missing_api_key").message).toContain("Authorization: Bearer");
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="fulfillment-api"');
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("401s garbage and malformed credentials", async () => {
    expectError(await client("wms_test_notarealkey").v1.products.$get(), 401, "invalid_api_key");
    expectError(await client("hunter2").v1.products.$get(), 401, "invalid_api_key");
    expectError(
      await raw("GET", "/v1/products", { headers: { authorization: "Basic dXNlcjpwYXNz" } }),
      401,
      "invalid_api_key",
    );
  });

  it("401s a revoked key", async () => {
    const { tenantId } = await createTenant();
    const { id, key } = await createKey(tenantId);
    expect((await client(key).v1.warehouses.$get()).status).toBe(200);
    await admin["api-keys"][":id"].$delete({ param: { id } });
    expectError(await client(key).v1.warehouses.$get(), 401, "revoked_api_key");
  });

  it("403s a key without the route's scope, naming the scope", async () => {
    const { tenantId } = await createTenant();
    const { key } = await createKey(tenantId, { scopes: ["products:read"] });
    expect((await client(key).v1.products.$get()).status).toBe(200);
    const denied = await client(key).v1.products.$post({ json: { sku: "A-1", name: "A" } });
    const error = expectError(denied, 403, "insufficient_scope");
    expect(error.required_scope).toBe("products:write");
    expect(error.message).toContain("products:write");
    expect(denied.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  it("lets any key read reference data", async () => {
    const { tenantId } = await createTenant();
    const { key } = await createKey(tenantId, { scopes: ["events:read"] });
    expect((await client(key).v1.warehouses.$get()).status).toBe(200);
    expect((await client(key).v1["shipping-methods"].$get()).status).toBe(200);
  });
});

describe("revocation is immediate everywhere", () => {
  it("refuses a revoked key even when a stale principal is cached in KV again", async () => {
    const { tenantId } = await createTenant();
    const { id, key } = await createKey(tenantId);
    expect((await client(key).v1.warehouses.$get()).status).toBe(200);
    const cacheKey = `apikey:${await sha256Hex(key)}`;
    const cached = await env.KV.get(cacheKey);
    expect(JSON.parse(cached ?? "null")).toMatchObject({
      value: { status: "active", principal: { keyId: id, tenantId } },
    });

    expect((await admin["api-keys"][":id"].$delete({ param: { id } })).status).toBe(200);
    // What another location's KV replica, or a lookup that read D1 just before the revoke,
    // still holds: the principal exactly as lookupKey caches it.
    await env.KV.put(cacheKey, cached as string, { expirationTtl: 60 });
    expectError(await client(key).v1.warehouses.$get(), 401, "revoked_api_key");
    // That request put the stale principal in this isolate's memory as well: still refused.
    expectError(await client(key).v1.warehouses.$get(), 401, "revoked_api_key");
  });

  it("refuses a key revoked elsewhere while D1, KV and this isolate still say it is active", async () => {
    const { tenantId } = await createTenant();
    const { id, key } = await createKey(tenantId);
    expect((await client(key).v1.warehouses.$get()).status).toBe(200);

    // The first step of a revoke served by another location: only the key's RateLimiter
    // knows yet. This isolate's memory, KV and D1 all still hold the key as active.
    const limiter = env.RATE_LIMITER.getByName(id);
    await limiter.revoke();
    const refused = await client(key).v1.warehouses.$get();
    expectError(refused, 401, "revoked_api_key");
    expect(refused.headers.get("x-ratelimit-limit")).toBeNull();
    expect(await runInDurableObject(limiter, (_, state) => state.storage.kv.get("revoked"))).toBe(
      true,
    );

    // The revoke call completes the remaining steps and stays a no-op when repeated.
    const revoked = await admin["api-keys"][":id"].$delete({ param: { id } });
    expectStatus(revoked, 200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    expectError(await client(key).v1.warehouses.$get(), 401, "revoked_api_key");
  });
});
