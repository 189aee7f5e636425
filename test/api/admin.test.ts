import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { SCOPES } from "../../src/api-keys/scopes";
import { sha256Hex } from "../../src/lib/crypto";
import {
  ADMIN_TOKEN,
  admin,
  call,
  callIn,
  callWithEnvironmentVar,
  createTenant,
  expectError,
  SHIPPING_METHODS,
  WAREHOUSES,
} from "../support/helpers";

describe("admin authentication", () => {
  it("rejects a missing or wrong ADMIN_TOKEN with 401", async () => {
    const missing = await call("GET", "/admin/v1/tenants");
    expectError(missing, 401, "invalid_admin_token");
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expectError(
      await call("GET", "/admin/v1/tenants", { key: "test-admin-tokeN" }),
      401,
      "invalid_admin_token",
    );
  });

  it("does not accept a tenant API key on admin routes", async () => {
    const { key } = await createTenant("Sneaky");
    expectError(await call("GET", "/admin/v1/tenants", { key }), 401, "invalid_admin_token");
  });
});

describe("tenants", () => {
  it("creates a tenant with a first key holding every scope, shown once", async () => {
    const res = await admin("POST", "/tenants", { name: "Acme Outdoor" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^ten_[A-Za-z0-9]{20}$/),
      name: "Acme Outdoor",
      api_key: {
        id: expect.stringMatching(/^key_/),
        key: expect.stringMatching(/^wms_test_[A-Za-z0-9]{40}$/),
        scopes: [...SCOPES],
        rate_limit_per_minute: 1000,
      },
    });
    const keys = await admin("GET", `/tenants/${res.body.id}/api-keys`);
    expect(keys.status).toBe(200);
    expect(keys.body.data).toHaveLength(1);
    expect(JSON.stringify(keys.body)).not.toContain(res.body.api_key.key);
    expect(keys.body.data[0].redacted_key).toBe(`wms_test_…${res.body.api_key.key.slice(-4)}`);

    const got = await admin("GET", `/tenants/${res.body.id}`);
    expect(got.body).toEqual({
      id: res.body.id,
      name: "Acme Outdoor",
      created_at: expect.any(String),
    });
    const listed = await admin("GET", "/tenants?limit=200");
    expect(listed.body.data.map((t: { id: string }) => t.id)).toContain(res.body.id);
  });

  it("stores keys only as SHA-256", async () => {
    const { key } = await createTenant("Hashing Co");
    const rows = await env.DB.prepare("SELECT * FROM api_keys").all();
    const dump = JSON.stringify(rows.results);
    expect(dump).not.toContain(key);
    expect(dump).toContain(await sha256Hex(key));
  });

  it("validates the tenant body and 404s unknown tenants", async () => {
    expectError(await admin("POST", "/tenants", {}), 422, "validation_error", "name");
    expectError(
      await admin("POST", "/tenants", { name: "x", plan: "gold" }),
      422,
      "validation_error",
      "plan",
    );
    expectError(await admin("GET", "/tenants/ten_nope"), 404, "not_found");
    expectError(await admin("GET", "/tenants/ten_nope/api-keys"), 404, "not_found");
    expectError(await admin("POST", "/tenants/ten_nope/api-keys", {}), 404, "not_found");
  });
});

describe("API keys", () => {
  let tenantId: string;
  beforeAll(async () => {
    ({ tenantId } = await createTenant("Keys Inc"));
  });

  it("issues a scoped key with its own rate limit and lists it redacted", async () => {
    const res = await admin("POST", `/tenants/${tenantId}/api-keys`, {
      name: "ERP reader",
      scopes: ["orders:read", "shipments:read"],
      rate_limit_per_minute: 120,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      tenant_id: tenantId,
      name: "ERP reader",
      scopes: ["orders:read", "shipments:read"],
      rate_limit_per_minute: 120,
      revoked_at: null,
    });
    const list = await admin("GET", `/tenants/${tenantId}/api-keys`);
    const listed = list.body.data.find((k: { id: string }) => k.id === res.body.id);
    expect(listed).toMatchObject({
      scopes: ["orders:read", "shipments:read"],
      rate_limit_per_minute: 120,
    });
    expect(listed.key).toBeUndefined();
  });

  it("rejects unknown or repeated scopes and a bad rate limit naming the field", async () => {
    expectError(
      await admin("POST", `/tenants/${tenantId}/api-keys`, {
        scopes: ["orders:read", "orders:nuke"],
      }),
      422,
      "validation_error",
      "scopes[1]",
    );
    expectError(
      await admin("POST", `/tenants/${tenantId}/api-keys`, {
        scopes: ["orders:read", "orders:read"],
      }),
      422,
      "validation_error",
      "scopes",
    );
    expectError(
      await admin("POST", `/tenants/${tenantId}/api-keys`, { rate_limit_per_minute: 0 }),
      422,
      "validation_error",
      "rate_limit_per_minute",
    );
  });

  it("revokes a key: it stops working at once, and revoking again is a no-op", async () => {
    const issued = await admin("POST", `/tenants/${tenantId}/api-keys`, {
      scopes: ["products:read"],
    });
    const key = issued.body.key;
    expect((await call("GET", "/v1/products", { key })).status).toBe(200);
    expect(await env.KV.get(`apikey:${await sha256Hex(key)}`)).not.toBeNull();

    const revoked = await admin("DELETE", `/api-keys/${issued.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    expect(await env.KV.get(`apikey:${await sha256Hex(key)}`)).toBeNull();
    expectError(await call("GET", "/v1/products", { key }), 401, "revoked_api_key");

    const again = await admin("DELETE", `/api-keys/${issued.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.revoked_at).toBe(revoked.body.revoked_at);
    expectError(await admin("DELETE", "/api-keys/key_unknown"), 404, "not_found");
  });

  it("issues platform keys that belong to no tenant", async () => {
    const res = await admin("POST", "/api-keys", {
      name: "Floor scanner",
      scopes: ["warehouse:operate", "products:read"],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      tenant_id: null,
      scopes: ["warehouse:operate", "products:read"],
    });
    const defaults = await admin("POST", "/api-keys", {});
    expect(defaults.body.scopes).toEqual(["warehouse:operate"]);
    const list = await admin("GET", "/api-keys");
    expect(list.body.data.map((k: { id: string }) => k.id)).toEqual(
      expect.arrayContaining([res.body.id, defaults.body.id]),
    );
    expect(list.body.data.every((k: { tenant_id: string | null }) => k.tenant_id === null)).toBe(
      true,
    );
    // Reference data is open to any key; merchant data needs a tenant.
    expect((await call("GET", "/v1/warehouses", { key: res.body.key })).status).toBe(200);
    expectError(
      await call("GET", "/v1/products", { key: res.body.key }),
      403,
      "tenant_key_required",
    );
  });
});

describe("production rules", () => {
  it("issues wms_live_ keys without warehouse:operate for tenants", async () => {
    const res = await callIn("production", "POST", "/admin/v1/tenants", {
      key: "test-admin-token",
      body: { name: "Live Merchant" },
    });
    expect(res.status).toBe(201);
    expect(res.body.api_key.key).toMatch(/^wms_live_[A-Za-z0-9]{40}$/);
    expect(res.body.api_key.scopes).toEqual(SCOPES.filter((s) => s !== "warehouse:operate"));

    const denied = await callIn("production", "POST", `/admin/v1/tenants/${res.body.id}/api-keys`, {
      key: "test-admin-token",
      body: { scopes: ["orders:read", "warehouse:operate"] },
    });
    expectError(denied, 422, "scope_not_allowed", "scopes[1]");

    const platform = await callIn("production", "POST", "/admin/v1/api-keys", {
      key: "test-admin-token",
      body: {},
    });
    expect(platform.body).toMatchObject({ scopes: ["warehouse:operate"], tenant_id: null });

    const live = await callIn("production", "GET", "/v1/products", { key: res.body.api_key.key });
    expect(live.status).toBe(200);
  });

  it("answers a key from the other environment with a 401 that says so", async () => {
    const { key } = await createTenant("Test Merchant");
    const inProd = await callIn("production", "GET", "/v1/warehouses", { key });
    expect(expectError(inProd, 401, "wrong_environment").message).toContain("production");
    const live = await callIn("production", "POST", "/admin/v1/tenants", {
      key: "test-admin-token",
      body: { name: "Live" },
    });
    expectError(
      await call("GET", "/v1/warehouses", { key: live.body.api_key.key }),
      401,
      "wrong_environment",
    );
    expectError(
      await callIn("sandbox", "GET", "/v1/warehouses", { key: live.body.api_key.key }),
      401,
      "wrong_environment",
    );
    expect((await callIn("sandbox", "GET", "/v1/warehouses", { key })).status).toBe(200);
    expect((await callIn("sandbox", "GET", "/health")).body.environment).toBe("sandbox");
  });
});

describe("an unset or unknown ENVIRONMENT", () => {
  it.each([
    ["missing", undefined],
    ["misspelt", "devlopment"],
  ])("gets production's rules when the var is %s", async (_, value) => {
    const health = await callWithEnvironmentVar(value, "GET", "/health");
    expect(health.body.environment).toBe("production");

    const tenant = await callWithEnvironmentVar(value, "POST", "/admin/v1/tenants", {
      key: ADMIN_TOKEN,
      body: { name: "Unconfigured Deploy" },
    });
    expect(tenant.status).toBe(201);
    expect(tenant.body.api_key.key).toMatch(/^wms_live_[A-Za-z0-9]{40}$/);
    expect(tenant.body.api_key.scopes).not.toContain("warehouse:operate");
    expectError(
      await callWithEnvironmentVar(value, "POST", `/admin/v1/tenants/${tenant.body.id}/api-keys`, {
        key: ADMIN_TOKEN,
        body: { scopes: ["warehouse:operate"] },
      }),
      422,
      "scope_not_allowed",
      "scopes[0]",
    );

    const { key: testKey } = await createTenant("Test Merchant");
    expectError(
      await callWithEnvironmentVar(value, "GET", "/v1/warehouses", { key: testKey }),
      401,
      "wrong_environment",
    );
  });
});

describe("reference data", () => {
  it("creates and lists warehouses and shipping methods, visible to every tenant", async () => {
    for (const w of WAREHOUSES) expect((await admin("POST", "/warehouses", w)).status).toBe(201);
    for (const m of SHIPPING_METHODS)
      expect((await admin("POST", "/shipping-methods", m)).status).toBe(201);

    const { key } = await createTenant("Reader");
    const warehouses = await call("GET", "/v1/warehouses", { key });
    expect(warehouses.status).toBe(200);
    expect(warehouses.body).toEqual({
      data: [
        { ...WAREHOUSES[1], created_at: expect.any(String) },
        { ...WAREHOUSES[0], created_at: expect.any(String) },
      ],
      pagination: { next_cursor: null, has_more: false },
    });
    const methods = await call("GET", "/v1/shipping-methods", { key });
    expect(methods.body.data).toEqual([
      { ...SHIPPING_METHODS[0], created_at: expect.any(String) },
      { ...SHIPPING_METHODS[1], created_at: expect.any(String) },
    ]);
    // carrier_name is optional and reads back as null when not given.
    const bare = await admin("POST", "/shipping-methods", {
      id: "sm_zz_bare",
      name: "Bare",
      carrier: "zz",
      service_code: "B",
    });
    expect(bare.body).toMatchObject({ id: "sm_zz_bare", carrier_name: null });

    const firstPage = await call("GET", "/v1/warehouses?limit=1", { key });
    expect(firstPage.body.pagination.has_more).toBe(true);
    const second = await call(
      "GET",
      `/v1/warehouses?limit=1&cursor=${firstPage.body.pagination.next_cursor}`,
      { key },
    );
    expect(second.body.data[0].id).toBe("wh_syd_1");
    expect(second.body.pagination).toEqual({ next_cursor: null, has_more: false });
  });

  it("rejects duplicates with 409 and bad fields with 422", async () => {
    await admin("POST", "/warehouses", WAREHOUSES[0]);
    expectError(
      await admin("POST", "/warehouses", WAREHOUSES[0]),
      409,
      "duplicate_warehouse",
      "id",
    );
    await admin("POST", "/shipping-methods", SHIPPING_METHODS[0]);
    expectError(
      await admin("POST", "/shipping-methods", SHIPPING_METHODS[0]),
      409,
      "duplicate_shipping_method",
      "id",
    );
    expectError(
      await admin("POST", "/warehouses", {
        ...WAREHOUSES[0],
        id: "wh_x",
        address: { ...WAREHOUSES[0]?.address, country: "ZZ" },
      }),
      422,
      "validation_error",
      "address.country",
    );
    expectError(
      await admin("POST", "/warehouses", { ...WAREHOUSES[0], id: "has space" }),
      422,
      "validation_error",
      "id",
    );
    expectError(
      await admin("POST", "/shipping-methods", { id: "sm_x", name: "X", carrier: "auspost" }),
      422,
      "validation_error",
      "service_code",
    );
  });
});
