import { env } from "cloudflare:test";
import { assert, beforeAll, describe, expect, it } from "vitest";
import { SCOPES } from "../../src/domain/scopes";
import { sha256Hex } from "../../src/lib/crypto";
import { ADMIN_TOKEN, admin, client, expectError, expectStatus, ok, raw } from "../support/client";
import { createTenant, SHIPPING_METHODS, WAREHOUSES } from "../support/merchant";

describe("admin authentication", () => {
  it("rejects a missing or wrong ADMIN_TOKEN with 401", async () => {
    const missing = await client().admin.v1.tenants.$get();
    expectError(missing, 401, "invalid_admin_token");
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expectError(
      await client("test-admin-tokeN").admin.v1.tenants.$get(),
      401,
      "invalid_admin_token",
    );
  });

  it("does not accept a tenant API key on admin routes", async () => {
    const { key } = await createTenant("Sneaky");
    expectError(await client(key).admin.v1.tenants.$get(), 401, "invalid_admin_token");
  });
});

describe("tenants", () => {
  it("creates a tenant with a first key holding every scope, shown once", async () => {
    const res = await admin.tenants.$post({ json: { name: "Acme Outdoor" } });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^ten_[A-Za-z0-9]{20}$/),
      name: "Acme Outdoor",
      shard: expect.stringMatching(/^SHARD_[01]$/),
      api_key: {
        id: expect.stringMatching(/^key_/),
        key: expect.stringMatching(/^wms_test_[A-Za-z0-9]{40}$/),
        scopes: [...SCOPES],
        rate_limit_per_minute: 1000,
      },
    });
    const keys = await admin.tenants[":id"]["api-keys"].$get({ param: { id: res.body.id } });
    expectStatus(keys, 200);
    expect(keys.body.data).toHaveLength(1);
    expect(JSON.stringify(keys.body)).not.toContain(res.body.api_key.key);
    expect(keys.body.data[0]?.redacted_key).toBe(`wms_test_…${res.body.api_key.key.slice(-4)}`);

    const got = await admin.tenants[":id"].$get({ param: { id: res.body.id } });
    expect(got.body).toEqual({
      id: res.body.id,
      name: "Acme Outdoor",
      shard: res.body.shard,
      created_at: expect.any(String),
    });
    const listed = await admin.tenants.$get({ query: { limit: "200" } });
    expect(listed.body.data.map((t) => t.id)).toContain(res.body.id);
  });

  it("stores keys only as SHA-256", async () => {
    const { key } = await createTenant("Hashing Co");
    const rows = await env.DB.prepare("SELECT * FROM api_keys").all();
    const dump = JSON.stringify(rows.results);
    expect(dump).not.toContain(key);
    expect(dump).toContain(await sha256Hex(key));
  });

  it("validates the tenant body and 404s unknown tenants", async () => {
    const asAdmin = { key: ADMIN_TOKEN };
    expectError(
      await raw("POST", "/admin/v1/tenants", { ...asAdmin, json: {} }),
      422,
      "validation_error",
      "name",
    );
    expectError(
      await raw("POST", "/admin/v1/tenants", { ...asAdmin, json: { name: "x", plan: "gold" } }),
      422,
      "validation_error",
      "plan",
    );
    expectError(await admin.tenants[":id"].$get({ param: { id: "ten_nope" } }), 404, "not_found");
    expectError(
      await admin.tenants[":id"]["api-keys"].$get({ param: { id: "ten_nope" } }),
      404,
      "not_found",
    );
    expectError(
      await admin.tenants[":id"]["api-keys"].$post({ param: { id: "ten_nope" }, json: {} }),
      404,
      "not_found",
    );
  });
});

describe("API keys", () => {
  let tenantId: string;
  beforeAll(async () => {
    ({ tenantId } = await createTenant("Keys Inc"));
  });

  it("issues a scoped key with its own rate limit and lists it redacted", async () => {
    const res = await admin.tenants[":id"]["api-keys"].$post({
      param: { id: tenantId },
      json: {
        name: "ERP reader",
        scopes: ["orders:read", "shipments:read"],
        rate_limit_per_minute: 120,
      },
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      tenant_id: tenantId,
      name: "ERP reader",
      scopes: ["orders:read", "shipments:read"],
      rate_limit_per_minute: 120,
      revoked_at: null,
    });
    const list = await admin.tenants[":id"]["api-keys"].$get({ param: { id: tenantId } });
    const listed = list.body.data.find((k) => k.id === res.body.id);
    expect(listed).toMatchObject({
      scopes: ["orders:read", "shipments:read"],
      rate_limit_per_minute: 120,
    });
    expect(listed).not.toHaveProperty("key");
  });

  it("rejects unknown or repeated scopes and a bad rate limit naming the field", async () => {
    expectError(
      await raw("POST", `/admin/v1/tenants/${tenantId}/api-keys`, {
        key: ADMIN_TOKEN,
        json: { scopes: ["orders:read", "orders:nuke"] },
      }),
      422,
      "validation_error",
      "scopes[1]",
    );
    expectError(
      await admin.tenants[":id"]["api-keys"].$post({
        param: { id: tenantId },
        json: {
          scopes: ["orders:read", "orders:read"],
        },
      }),
      422,
      "validation_error",
      "scopes",
    );
    expectError(
      await admin.tenants[":id"]["api-keys"].$post({
        param: { id: tenantId },
        json: { rate_limit_per_minute: 0 },
      }),
      422,
      "validation_error",
      "rate_limit_per_minute",
    );
  });

  it("revokes a key: it stops working at once, and revoking again is a no-op", async () => {
    const issued = await admin.tenants[":id"]["api-keys"].$post({
      param: { id: tenantId },
      json: {
        scopes: ["products:read"],
      },
    });
    const key = issued.body.key;
    expect((await client(key).v1.products.$get()).status).toBe(200);
    expect(await env.KV.get(`apikey:${await sha256Hex(key)}`)).not.toBeNull();

    const revoked = await admin["api-keys"][":id"].$delete({ param: { id: issued.body.id } });
    expectStatus(revoked, 200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    expect(await env.KV.get(`apikey:${await sha256Hex(key)}`)).toBeNull();
    expectError(await client(key).v1.products.$get(), 401, "revoked_api_key");

    const again = await admin["api-keys"][":id"].$delete({ param: { id: issued.body.id } });
    expectStatus(again, 200);
    expect(again.body.revoked_at).toBe(revoked.body.revoked_at);
    expectError(
      await admin["api-keys"][":id"].$delete({ param: { id: "key_unknown" } }),
      404,
      "not_found",
    );
  });

  it("issues platform keys that belong to no tenant", async () => {
    const res = await admin["api-keys"].$post({
      json: {
        name: "Floor scanner",
        scopes: ["warehouse:operate", "products:read"],
      },
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      tenant_id: null,
      scopes: ["warehouse:operate", "products:read"],
    });
    const defaults = await admin["api-keys"].$post({ json: {} });
    expect(defaults.body.scopes).toEqual(["warehouse:operate"]);
    const list = await admin["api-keys"].$get();
    expect(list.body.data.map((k) => k.id)).toEqual(
      expect.arrayContaining([res.body.id, defaults.body.id]),
    );
    expect(list.body.data.every((k) => k.tenant_id === null)).toBe(true);
    // Reference data is open to any key; merchant data needs a tenant.
    expect((await client(res.body.key).v1.warehouses.$get()).status).toBe(200);
    expectError(await client(res.body.key).v1.products.$get(), 403, "tenant_key_required");
  });
});

describe("production rules", () => {
  it("issues wms_live_ keys without warehouse:operate for tenants", async () => {
    const res = await client("test-admin-token", {
      ENVIRONMENT: "production",
    }).admin.v1.tenants.$post({ json: { name: "Live Merchant" } });
    expectStatus(res, 201);
    expect(res.body.api_key.key).toMatch(/^wms_live_[A-Za-z0-9]{40}$/);
    expect(res.body.api_key.scopes).toEqual(SCOPES.filter((s) => s !== "warehouse:operate"));

    const denied = await client("test-admin-token", { ENVIRONMENT: "production" }).admin.v1.tenants[
      ":id"
    ]["api-keys"].$post({
      param: { id: res.body.id },
      json: { scopes: ["orders:read", "warehouse:operate"] },
    });
    expectError(denied, 422, "scope_not_allowed", "scopes[1]");

    const platform = await client("test-admin-token", { ENVIRONMENT: "production" }).admin.v1[
      "api-keys"
    ].$post({ json: {} });
    expect(platform.body).toMatchObject({ scopes: ["warehouse:operate"], tenant_id: null });

    const live = await client(res.body.api_key.key, {
      ENVIRONMENT: "production",
    }).v1.products.$get();
    expectStatus(live, 200);
  });

  it("answers a key from the other environment with a 401 that says so", async () => {
    const { key } = await createTenant("Test Merchant");
    const inProd = await client(key, { ENVIRONMENT: "production" }).v1.warehouses.$get();
    expect(expectError(inProd, 401, "wrong_environment").message).toContain("production");
    const live = await client("test-admin-token", {
      ENVIRONMENT: "production",
    }).admin.v1.tenants.$post({ json: { name: "Live" } });
    expectError(await client(live.body.api_key.key).v1.warehouses.$get(), 401, "wrong_environment");
    expectError(
      await client(live.body.api_key.key, { ENVIRONMENT: "sandbox" }).v1.warehouses.$get(),
      401,
      "wrong_environment",
    );
    expect((await client(key, { ENVIRONMENT: "sandbox" }).v1.warehouses.$get()).status).toBe(200);
    expect((await ok(client(null, { ENVIRONMENT: "sandbox" }).health.$get())).environment).toBe(
      "sandbox",
    );
  });
});

describe("an unset or unknown ENVIRONMENT", () => {
  it.each([
    ["missing", null],
    ["misspelt", "devlopment"],
  ])("gets production's rules when the var is %s", async (_, value) => {
    const health = await client(null, { ENVIRONMENT: value }).health.$get();
    expect(health.body.environment).toBe("production");

    const tenant = await client(ADMIN_TOKEN, { ENVIRONMENT: value }).admin.v1.tenants.$post({
      json: { name: "Unconfigured Deploy" },
    });
    expectStatus(tenant, 201);
    expect(tenant.body.api_key.key).toMatch(/^wms_live_[A-Za-z0-9]{40}$/);
    expect(tenant.body.api_key.scopes).not.toContain("warehouse:operate");
    expectError(
      await client(ADMIN_TOKEN, { ENVIRONMENT: value }).admin.v1.tenants[":id"]["api-keys"].$post({
        param: { id: tenant.body.id },
        json: { scopes: ["warehouse:operate"] },
      }),
      422,
      "scope_not_allowed",
      "scopes[0]",
    );

    const { key: testKey } = await createTenant("Test Merchant");
    expectError(
      await client(testKey, { ENVIRONMENT: value }).v1.warehouses.$get(),
      401,
      "wrong_environment",
    );
  });
});

describe("reference data", () => {
  it("creates and lists warehouses and shipping methods, visible to every tenant", async () => {
    for (const w of WAREHOUSES)
      expect((await admin.warehouses.$post({ json: w })).status).toBe(201);
    for (const m of SHIPPING_METHODS)
      expect((await admin["shipping-methods"].$post({ json: m })).status).toBe(201);

    const { key } = await createTenant("Reader");
    const warehouses = await client(key).v1.warehouses.$get();
    expectStatus(warehouses, 200);
    expect(warehouses.body).toEqual({
      data: [
        { ...WAREHOUSES[0], created_at: expect.any(String), updated_at: expect.any(String) },
        { ...WAREHOUSES[1], created_at: expect.any(String), updated_at: expect.any(String) },
      ],
      pagination: { next_cursor: null, has_more: false },
    });
    const methods = await client(key).v1["shipping-methods"].$get();
    expect(methods.body.data).toEqual(
      SHIPPING_METHODS.map((m) => ({
        ...m,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      })),
    );
    // carrier_name is optional and reads back as null when not given.
    const bare = await admin["shipping-methods"].$post({
      json: {
        id: "sm_zz_bare",
        name: "Bare",
        carrier: "zz",
        service_code: "B",
      },
    });
    expect(bare.body).toMatchObject({ id: "sm_zz_bare", carrier_name: null });

    const firstPage = await client(key).v1.warehouses.$get({ query: { limit: "1" } });
    expect(firstPage.body.pagination.has_more).toBe(true);
    const second = await client(key).v1.warehouses.$get({
      query: { limit: "1", cursor: firstPage.body.pagination.next_cursor ?? undefined },
    });
    expect(second.body.data[0]?.id).toBe("wh_mel_1");
    expect(second.body.pagination).toEqual({ next_cursor: null, has_more: false });
  });

  it("rejects duplicates with 409 and bad fields with 422", async () => {
    const [warehouse] = WAREHOUSES;
    const [method] = SHIPPING_METHODS;
    assert(warehouse && method, "the seed holds reference data");
    await admin.warehouses.$post({ json: warehouse });
    expectError(
      await admin.warehouses.$post({ json: warehouse }),
      409,
      "duplicate_warehouse",
      "id",
    );
    await admin["shipping-methods"].$post({ json: method });
    expectError(
      await admin["shipping-methods"].$post({ json: method }),
      409,
      "duplicate_shipping_method",
      "id",
    );
    expectError(
      await admin.warehouses.$post({
        json: { ...warehouse, id: "wh_x", address: { ...warehouse.address, country: "ZZ" } },
      }),
      422,
      "validation_error",
      "address.country",
    );
    expectError(
      await admin.warehouses.$post({ json: { ...warehouse, id: "has space" } }),
      422,
      "validation_error",
      "id",
    );
    expectError(
      await raw("POST", "/admin/v1/shipping-methods", {
        key: ADMIN_TOKEN,
        json: { id: "sm_x", name: "X", carrier: "auspost" },
      }),
      422,
      "validation_error",
      "service_code",
    );
  });
});
