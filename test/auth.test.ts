import { describe, expect, it } from "vitest";
import { admin, call, createKey, createTenant, expectError } from "./helpers";

describe("API key authentication", () => {
  it("401s a missing key with a hint and a WWW-Authenticate challenge", async () => {
    const res = await call("GET", "/v1/products");
    expect(expectError(res, 401, "missing_api_key").message).toContain("Authorization: Bearer");
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="fulfillment-api"');
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("401s garbage and malformed credentials", async () => {
    expectError(
      await call("GET", "/v1/products", { key: "wms_test_notarealkey" }),
      401,
      "invalid_api_key",
    );
    expectError(await call("GET", "/v1/products", { key: "hunter2" }), 401, "invalid_api_key");
    expectError(
      await call("GET", "/v1/products", { headers: { authorization: "Basic dXNlcjpwYXNz" } }),
      401,
      "invalid_api_key",
    );
  });

  it("401s a revoked key", async () => {
    const { tenantId } = await createTenant();
    const { id, key } = await createKey(tenantId);
    expect((await call("GET", "/v1/warehouses", { key })).status).toBe(200);
    await admin("DELETE", `/api-keys/${id}`);
    expectError(await call("GET", "/v1/warehouses", { key }), 401, "revoked_api_key");
  });

  it("403s a key without the route's scope, naming the scope", async () => {
    const { tenantId } = await createTenant();
    const { key } = await createKey(tenantId, { scopes: ["products:read"] });
    expect((await call("GET", "/v1/products", { key })).status).toBe(200);
    const denied = await call("POST", "/v1/products", { key, body: { sku: "A-1", name: "A" } });
    const error = expectError(denied, 403, "insufficient_scope");
    expect(error.required_scope).toBe("products:write");
    expect(error.message).toContain("products:write");
    expect(denied.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  it("lets any key read reference data", async () => {
    const { tenantId } = await createTenant();
    const { key } = await createKey(tenantId, { scopes: ["events:read"] });
    expect((await call("GET", "/v1/warehouses", { key })).status).toBe(200);
    expect((await call("GET", "/v1/shipping-methods", { key })).status).toBe(200);
  });
});
