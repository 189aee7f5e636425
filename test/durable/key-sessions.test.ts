import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { KeySessions } from "../../src/http/key-sessions";
import { onFreshStorage } from "../support/fresh-storage";

/*
 * The console sessions a key's RateLimiter records, against a real object's storage. Times
 * are explicit Unix seconds far in the future, so nothing depends on the clock; the object,
 * which reads the clock itself, is given sessions an hour long, which no test outlasts.
 */

const T = Date.UTC(2100, 0, 1) / 1000;

const recorded = (storage: DurableObjectStorage) => [...storage.kv.list()].length;

describe("KeySessions", () => {
  it("holds a session open until it is ended or expires", () =>
    onFreshStorage(async (storage) => {
      const sessions = new KeySessions(storage.kv);
      const a = { id: "a", expiresAt: T + 60 };
      const b = { id: "b", expiresAt: T + 60 };
      expect(sessions.isOpen(a, T)).toBe(false);
      sessions.open(a, T);
      sessions.open(b, T);
      expect(sessions.isOpen(a, T)).toBe(true);
      expect(sessions.isOpen(a, T + 60)).toBe(false);
      // The expiry is part of the record: a session cannot be stretched past it.
      expect(sessions.isOpen({ ...a, expiresAt: T + 120 }, T)).toBe(false);
      sessions.end(a);
      expect(sessions.isOpen(a, T)).toBe(false);
      expect(sessions.isOpen(b, T)).toBe(true);
    }));

  it("deletes expired records a bounded batch at each sign-in", () =>
    onFreshStorage(async (storage) => {
      const sessions = new KeySessions(storage.kv);
      for (let i = 0; i < 150; i++) sessions.open({ id: `old-${i}`, expiresAt: T + 1 + i }, T);
      const live = { id: "live", expiresAt: T + 1000 };
      sessions.open(live, T + 500);
      expect(recorded(storage)).toBe(51);
      sessions.open({ id: "later", expiresAt: T + 1000 }, T + 500);
      expect(recorded(storage)).toBe(2);
      expect(sessions.isOpen(live, T + 500)).toBe(true);
      // The batch takes the soonest expired first, and never one still open.
      sessions.open({ id: "soon", expiresAt: T + 501 }, T + 500);
      expect(sessions.isOpen({ id: "soon", expiresAt: T + 501 }, T + 500)).toBe(true);
      sessions.endAll();
      expect(recorded(storage)).toBe(0);
    }));
});

describe("a key's RateLimiter", () => {
  it("ends every console session of the key, and opens no more, once revoked", async () => {
    const limiter = env.RATE_LIMITER.getByName(`key-sessions:${crypto.randomUUID()}`);
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    const sessions = [
      { id: "a", expiresAt },
      { id: "b", expiresAt },
    ];
    for (const session of sessions) expect(await limiter.openSession(session, null)).toBe(true);
    expect(await limiter.sessionIsOpen({ id: "a", expiresAt })).toBe(true);
    await limiter.endSession({ id: "a", expiresAt });
    expect(await limiter.sessionIsOpen({ id: "a", expiresAt })).toBe(false);
    expect(await limiter.sessionIsOpen({ id: "b", expiresAt })).toBe(true);

    await limiter.revoke();
    expect(await limiter.sessionIsOpen({ id: "b", expiresAt })).toBe(false);
    expect(await limiter.openSession({ id: "c", expiresAt }, null)).toBe(false);
    const kept = await runInDurableObject(limiter, (_, state) =>
      [...state.storage.kv.list()].map(([key]) => key),
    );
    expect(kept).toEqual(["revoked"]);
  });
});
