import { describe, expect, it } from "vitest";
import { checkChain } from "../../src/console/history-check";
import {
  MIN_SECRET_LENGTH,
  newSession,
  nowSeconds,
  SESSION_SECONDS,
  seal,
  sessionSecret,
  unseal,
} from "../../src/console/session";
import { chainHash, GENESIS_HASH } from "../../src/lib/hash-chain";

const SECRET = "a-console-session-secret-for-these-tests";

const signedInAs = (apiKey: string) => ({
  ...newSession(),
  signedIn: { apiKey, keyId: "key_4fQk2nW8xYz1AbCdEf3G", id: "a-session-record-id" },
});

describe("console session cookie", () => {
  it("round-trips a session that expires in eight hours", async () => {
    const session = signedInAs("wms_test_abc");
    expect(session.expiresAt - nowSeconds()).toBe(SESSION_SECONDS);
    expect(await unseal(await seal(session, SECRET), SECRET)).toEqual(session);
    const signedOut = newSession();
    expect(await unseal(await seal(signedOut, SECRET), SECRET)).toEqual(signedOut);
  });

  it("never holds the key in clear, and seals the same session differently each time", async () => {
    const key = `wms_test_${"k".repeat(32)}`;
    const session = signedInAs(key);
    const [a, b] = [await seal(session, SECRET), await seal(session, SECRET)];
    expect(a).not.toBe(b);
    for (const value of [a, b]) {
      expect(value).not.toContain("kkkk");
      expect(
        atob(value.split(".")[2]?.replaceAll("-", "+").replaceAll("_", "/") ?? ""),
      ).not.toContain("kkkk");
    }
  });

  it("refuses a cookie that was altered, re-signed with another secret, or has expired", async () => {
    const value = await seal(signedInAs("wms_test_abc"), SECRET);
    const [version, iv, cipher, mac] = value.split(".") as [string, string, string, string];
    const flip = (part: string) => `${part[0] === "A" ? "B" : "A"}${part.slice(1)}`;
    for (const altered of [
      [version, flip(iv), cipher, mac].join("."),
      [version, iv, flip(cipher), mac].join("."),
      [version, iv, cipher, flip(mac)].join("."),
      ["v2", iv, cipher, mac].join("."),
      `${value}.extra`,
      "",
    ]) {
      expect(await unseal(altered, SECRET)).toBeNull();
    }
    expect(await unseal(value, `${SECRET}-other`)).toBeNull();
    const expired = await seal({ ...signedInAs("wms_test_abc"), expiresAt: nowSeconds() }, SECRET);
    expect(await unseal(expired, SECRET)).toBeNull();
  });

  it("needs a long enough secret, and outside development any secret at all", () => {
    expect(sessionSecret({ ENVIRONMENT: "production" })).toEqual({
      refusal: "CONSOLE_SESSION_SECRET is not configured for this deploy.",
    });
    expect(sessionSecret({ ENVIRONMENT: "sandbox" })).toHaveProperty("refusal");
    expect(sessionSecret({})).toHaveProperty("refusal");
    expect(sessionSecret({ ENVIRONMENT: "sandbox", CONSOLE_SESSION_SECRET: "short" })).toEqual({
      refusal: `CONSOLE_SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`,
    });
    expect(sessionSecret({ ENVIRONMENT: "production", CONSOLE_SESSION_SECRET: SECRET })).toEqual({
      secret: SECRET,
    });
    const development = sessionSecret({ ENVIRONMENT: "development" });
    expect(development).toHaveProperty("secret");
    expect(sessionSecret({ ENVIRONMENT: "development" })).toEqual(development);
  });
});

describe("console history check", () => {
  async function chain(length: number) {
    const entries = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= length; seq++) {
      const entry = {
        seq,
        at: `2026-07-02T09:1${seq}:00.000Z`,
        actor: "key_x",
        action: "amended",
        changes: { n: seq },
      };
      const hash = await chainHash(prev, entry);
      entries.push({ ...entry, prev_hash: prev, hash });
      prev = hash;
    }
    return entries;
  }

  it("recomputes every hash from the genesis hash", async () => {
    expect(await checkChain(await chain(3))).toEqual({ intact: true, entries: 3 });
    expect(await checkChain([])).toEqual({ intact: true, entries: 0 });
  });

  /** Entry `i` of a chain, with `change` made to it. */
  const altered = <T>(entries: T[], i: number, change: Partial<T>) => {
    const entry = entries[i];
    if (!entry) throw new Error(`no entry ${i}`);
    entries[i] = { ...entry, ...change };
    return entries;
  };

  it("finds the first rewritten, dropped or re-linked entry", async () => {
    const rewritten = altered(await chain(3), 1, { changes: { n: 99 } });
    expect(await checkChain(rewritten)).toEqual({
      intact: false,
      seq: 2,
      reason: "its hash does not match its contents",
    });
    const dropped = await chain(3);
    dropped.splice(1, 1);
    expect(await checkChain(dropped)).toMatchObject({ intact: false, seq: 3 });
    const relinked = altered(await chain(2), 0, { prev_hash: "f".repeat(64) });
    expect(await checkChain(relinked)).toEqual({
      intact: false,
      seq: 1,
      reason: "its prev_hash is not the hash of the entry before it",
    });
  });
});
