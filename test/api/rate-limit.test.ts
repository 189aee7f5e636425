import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_TOKEN,
  admin,
  client,
  expectError,
  expectStatus,
  type Reply,
  raw,
} from "../support/client";
import { createKey, createTenant } from "../support/merchant";

describe("per-key rate limiting", () => {
  // The key's bucket refills with time (Date.now() in its object, in this isolate): held
  // still, no refill can land between two requests however slow the machine is.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now());
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("advertises the default limit on every authenticated response, errors included", async () => {
    const { key } = await createTenant();
    const allowed = await client(key).v1.warehouses.$get();
    expect(allowed.headers.get("x-ratelimit-limit")).toBe("1000");
    expect(allowed.headers.get("x-ratelimit-remaining")).toBe("999");
    const reset = Number(allowed.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 61);

    const invalid = await raw("POST", "/v1/products", { key, json: {} });
    expect(invalid.status).toBe(422);
    // An error spends from the budget too.
    expect(invalid.headers.get("x-ratelimit-remaining")).toBe("998");
    const missing = await raw("GET", "/v1/nothing-here", { key });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  it("429s after the per-key limit with Retry-After and the envelope", async () => {
    const { tenantId } = await createTenant();
    const { key } = await createKey(tenantId, { rate_limit_per_minute: 5 });
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client(key).v1.warehouses.$get();
      expectStatus(res, 200);
      remaining.push(res.headers.get("x-ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const limited = await client(key).v1.warehouses.$get();
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
    await client(a.key).v1.warehouses.$get();
    await client(a.key).v1.warehouses.$get();
    expect((await client(a.key).v1.warehouses.$get()).status).toBe(429);
    expect((await client(b.key).v1.warehouses.$get()).status).toBe(200);
  });

  it("never lets two concurrent bursts exceed the limit in total", async () => {
    const { tenantId } = await createTenant();
    const { key } = await createKey(tenantId, { rate_limit_per_minute: 12 });
    const burst = () => Array.from({ length: 15 }, () => client(key).v1.warehouses.$get());
    const results = await Promise.all([...burst(), ...burst()]);
    const statuses = results.map((r): number => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.filter((s) => s === 429)).toHaveLength(18);
  });
});

/**
 * Runs a burst that must land in one of the rate-limit binding's windows (Miniflare counts
 * in 60 s windows aligned to the minute). If the window turned while it ran, a failure is
 * the turn's doing, not the API's: the burst runs again from fresh addresses (`attempt`
 * picks them). Speed never decides the outcome.
 */
async function inOneWindow(burst: (attempt: number) => Promise<void>) {
  for (let attempt = 0; ; attempt++) {
    const window = Math.floor(Date.now() / 60_000);
    try {
      await burst(attempt);
      return;
    } catch (err) {
      if (attempt >= 2 || Math.floor(Date.now() / 60_000) === window) throw err;
    }
  }
}

/** The API as called from one client address. */
const from = (address: string, key?: string) =>
  client(key, { headers: { "cf-connecting-ip": address } });

/** Every limiter is per 60 s (wrangler.toml), and a blocked address waits out one period. */
function expectThrottled(res: Reply, code: string) {
  const error = expectError(res, 429, code);
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(error.retry_after).toBe(retryAfter);
}

describe("failed authentication is throttled per client address", () => {
  it("429s an address after 30 refused keys, with Retry-After; other addresses go on", async () => {
    await inOneWindow(async (attempt) => {
      const guesser = `203.0.113.${10 + attempt}`;
      for (let i = 0; i < 30; i++) {
        const res = await from(guesser, `wms_test_guess${i}`).v1.warehouses.$get();
        expectError(res, 401, "invalid_api_key");
      }
      const limited = await from(guesser, "wms_test_guess30").v1.warehouses.$get();
      expectThrottled(limited, "too_many_failed_attempts");
      expect(limited.headers.get("retry-after")).toBe("60");
    });

    const neighbour = await from("2001:db8::10", "wms_test_guess").v1.warehouses.$get();
    expectError(neighbour, 401, "invalid_api_key");
  });

  it("counts every kind of refused key, yet answers a correct key from that address", async () => {
    const { tenantId, key } = await createTenant();
    const revoked = await createKey(tenantId);
    await admin["api-keys"][":id"].$delete({ param: { id: revoked.id } });
    const refusals: [string | undefined, string][] = [
      [undefined, "missing_api_key"],
      ["wms_test_nope", "invalid_api_key"],
      ["wms_live_nope", "wrong_environment"],
      [revoked.key, "revoked_api_key"],
    ];
    await inOneWindow(async (attempt) => {
      const guesser = `203.0.113.${20 + attempt}`;
      for (let i = 0; i < 30; i++) {
        const [presented, code] = refusals[i % refusals.length] as [string | undefined, string];
        expectError(await from(guesser, presented).v1.warehouses.$get(), 401, code);
      }
      expectThrottled(
        await from(guesser, "wms_test_nope").v1.warehouses.$get(),
        "too_many_failed_attempts",
      );
      // A neighbour behind the same address is judged by its own key's budget.
      const right = await from(guesser, key).v1.warehouses.$get();
      expectStatus(right, 200);
      expect(right.headers.get("x-ratelimit-limit")).not.toBeNull();
      expectThrottled(
        await from(guesser, "wms_test_still_wrong").v1.warehouses.$get(),
        "too_many_failed_attempts",
      );
    });
  });

  it("never locks a valid key out for its address: 100 bad keys, then a good one answers 200", async () => {
    const { key } = await createTenant();
    const shared = "203.0.113.30";
    const statuses = new Set<number>();
    for (let i = 0; i < 100; i++) {
      statuses.add((await from(shared, `wms_test_misconfigured${i}`).v1.warehouses.$get()).status);
    }
    // However the limiter's window fell, the address ended up throttled.
    expect(statuses).toContain(429);
    const good = await from(shared, key).v1.warehouses.$get();
    expectStatus(good, 200);
    expect(good.headers.get("x-ratelimit-remaining")).not.toBeNull();
  });
});

describe("the admin API is throttled per client address", () => {
  it("429s an address after 10 wrong tokens, then refuses the right one from there too", async () => {
    const { key } = await createTenant();
    await inOneWindow(async (attempt) => {
      const guesser = `198.51.100.${10 + attempt}`;
      for (let i = 0; i < 10; i++) {
        const res = await from(guesser, `guess-${i}`).admin.v1.tenants.$get();
        expectError(res, 401, "invalid_admin_token");
      }
      expectThrottled(
        await from(guesser, "guess-10").admin.v1.tenants.$get(),
        "too_many_failed_attempts",
      );
      expectThrottled(
        await from(guesser, ADMIN_TOKEN).admin.v1.tenants.$get(),
        "too_many_failed_attempts",
      );
      // Admin guesses do not lock the address out of the partner API.
      expect((await from(guesser, key).v1.warehouses.$get()).status).toBe(200);
    });
    expect((await from("198.51.100.50", ADMIN_TOKEN).admin.v1.tenants.$get()).status).toBe(200);
  });

  it("caps every admin request at 1200 a minute per address, the right token included", async () => {
    await inOneWindow(async (attempt) => {
      const operator = `198.51.100.${20 + attempt}`;
      for (let sent = 0; sent < 1200; sent += 50) {
        const batch = await Promise.all(
          Array.from({ length: 50 }, () =>
            from(operator, ADMIN_TOKEN).admin.v1.tenants.$get({ query: { limit: 1 } }),
          ),
        );
        expect(batch.map((r) => r.status)).toEqual(Array(50).fill(200));
      }
      const limited = await from(operator, ADMIN_TOKEN).admin.v1.tenants.$get({
        query: { limit: 1 },
      });
      expectThrottled(limited, "rate_limited");
    });

    const colleague = await from("198.51.100.60", ADMIN_TOKEN).admin.v1.tenants.$get({
      query: { limit: 1 },
    });
    expectStatus(colleague, 200);
  });
});
