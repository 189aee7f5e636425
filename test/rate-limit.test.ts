import { describe, expect, it } from "vitest";
import { call, createKey, createTenant, expectError } from "./helpers";

describe("per-key rate limiting", () => {
  it("advertises the default limit on every authenticated response, errors included", async () => {
    const { key } = await createTenant();
    const ok = await call("GET", "/v1/warehouses", { key });
    expect(ok.headers.get("x-ratelimit-limit")).toBe("1000");
    expect(ok.headers.get("x-ratelimit-remaining")).toBe("999");
    const reset = Number(ok.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 61);

    const invalid = await call("POST", "/v1/products", { key, body: {} });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("x-ratelimit-remaining")).toBe("998");
    const missing = await call("GET", "/v1/nothing-here", { key });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  it("429s after the per-key limit with Retry-After and the envelope", async () => {
    const { tenantId } = await createTenant();
    const { key } = await createKey(tenantId, { rate_limit_per_minute: 5 });
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call("GET", "/v1/warehouses", { key });
      expect(res.status).toBe(200);
      remaining.push(res.headers.get("x-ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const limited = await call("GET", "/v1/warehouses", { key });
    const error = expectError(limited, 429, "rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(12);
    expect(error.retry_after).toBe(retryAfter);
    expect(limited.headers.get("x-ratelimit-limit")).toBe("5");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
  });

  it("counts each key separately", async () => {
    const { tenantId } = await createTenant();
    const a = await createKey(tenantId, { rate_limit_per_minute: 2 });
    const b = await createKey(tenantId, { rate_limit_per_minute: 2 });
    await call("GET", "/v1/warehouses", { key: a.key });
    await call("GET", "/v1/warehouses", { key: a.key });
    expect((await call("GET", "/v1/warehouses", { key: a.key })).status).toBe(429);
    expect((await call("GET", "/v1/warehouses", { key: b.key })).status).toBe(200);
  });

  it("never lets two concurrent bursts exceed the limit in total", async () => {
    const { tenantId } = await createTenant();
    const { key } = await createKey(tenantId, { rate_limit_per_minute: 12 });
    const burst = () => Array.from({ length: 15 }, () => call("GET", "/v1/warehouses", { key }));
    const results = await Promise.all([...burst(), ...burst()]);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.filter((s) => s === 429)).toHaveLength(18);
  });
});
