import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/*
 * What a key's RateLimiter decides of each request beyond its budget: revocation, expiry and
 * when the key's use is due to be written. The object reads Date.now() in this isolate, so
 * the clock is held still and moved by hand.
 */

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.UTC(2030, 0, 1));
});
afterEach(() => {
  vi.useRealTimers();
});

const limiter = () => env.RATE_LIMITER.getByName(`key_${crypto.randomUUID()}`);
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

describe("RateLimiter.admit", () => {
  it("judges the record's expiry until one is set on the object, which then wins either way", async () => {
    const key = limiter();
    expect(await key.admit(10, at(1000))).toMatchObject({ allowed: true });
    expect(await key.admit(10, at(0))).toBe("expired");
    // Lifted on the object: a record (a cache) still carrying the old expiry no longer counts.
    await key.setExpiry(null);
    expect(await key.admit(10, at(-1000))).toMatchObject({ allowed: true });
    // Brought forward on the object: a record saying "never" no longer counts either.
    await key.setExpiry(at(60_000));
    expect(await key.admit(10, null)).toMatchObject({ allowed: true });
    vi.setSystemTime(Date.now() + 60_000);
    expect(await key.admit(10, null)).toBe("expired");
  });

  it("refuses a revoked key before anything else", async () => {
    const key = limiter();
    await key.setExpiry(null);
    await key.revoke();
    expect(await key.admit(10, null)).toBe("revoked");
  });

  it("asks for the key's use to be written at most once a minute", async () => {
    const key = limiter();
    const first = await key.admit(10, null);
    expect(first).toMatchObject({ usedAt: new Date().toISOString() });
    vi.setSystemTime(Date.now() + 59_999);
    expect(await key.admit(10, null)).toMatchObject({ usedAt: null });
    vi.setSystemTime(Date.now() + 1);
    expect(await key.admit(10, null)).toMatchObject({ usedAt: new Date().toISOString() });
  });
});
