import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type Checked,
  ControlCache,
  dropIsolateMemory,
  RETRY_MS,
  STALE_MS,
} from "../../src/db/control-cache";
import { Refused } from "../../src/domain/refusals";
import { expectFailureLogs } from "../support/faults";

/*
 * The cache in front of the control database, against the real local KV. The clock is
 * faked (Date only) so each test says how much time passes; the control database is a
 * function the test switches between answering, failing and never answering.
 */

const FRESH_MS = 30_000;
const REWRITE_MS = 60 * 60_000;

/** A control database that answers `value`, until the test makes it fail or go silent. */
function controlDb(value: string) {
  const db = {
    value,
    state: "up" as "up" | "failing" | "silent" | "gone",
    asked: 0,
    ask: async (): Promise<Checked<string> | undefined> => {
      db.asked += 1;
      if (db.state === "failing") throw new Error("D1_ERROR: injected outage");
      if (db.state === "silent") return new Promise(() => {});
      if (db.state === "gone") return undefined;
      return { value: db.value, checked_at: Date.now() };
    },
  };
  return db;
}

function newCache(kvFreshMs = 0) {
  const name = `test-${crypto.randomUUID()}`;
  const cache = new ControlCache<string>({
    name,
    freshMs: FRESH_MS,
    kvFreshMs,
    kvRewriteMs: REWRITE_MS,
    maxEntries: 10,
    subject: (id) => id,
  });
  const inKv = () => env.KV.get<Checked<string>>(`${name}:id`, "json");
  const putInKv = (entry: Checked<string>) => env.KV.put(`${name}:id`, JSON.stringify(entry));
  return {
    cache,
    inKv,
    putInKv,
    get: (db: ReturnType<typeof controlDb>) => cache.get(env.KV, "id", db.ask),
  };
}

const pass = (ms: number) => vi.setSystemTime(Date.now() + ms);

let logs: ReturnType<typeof expectFailureLogs>;
const warnings = () => logs.logged.map((line) => JSON.parse(line));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  logs = expectFailureLogs('"event":"control_');
});

afterEach(() => {
  logs.restore();
  vi.useRealTimers();
});

async function refusalOf(pending: Promise<unknown>) {
  const err = await pending.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Refused);
  return (err as Refused).refusal;
}

describe("while the control database answers", () => {
  it("uses an answer without asking while it is fresh, then asks again", async () => {
    const { get } = newCache();
    const db = controlDb("SHARD_0");
    expect(await get(db)).toBe("SHARD_0");
    db.value = "SHARD_1";
    pass(FRESH_MS - 1);
    expect(await get(db)).toBe("SHARD_0");
    expect(db.asked).toBe(1);
    pass(1);
    expect(await get(db)).toBe("SHARD_1");
    expect(db.asked).toBe(2);
    expect(warnings()).toEqual([]);
  });

  it("writes KV when it learns an answer, and again only when it changes or grows old", async () => {
    const { get, inKv } = newCache();
    const db = controlDb("SHARD_0");
    await get(db);
    const first = await inKv();
    expect(first?.value).toBe("SHARD_0");

    pass(FRESH_MS);
    await get(db);
    expect(await inKv()).toEqual(first);

    db.value = "SHARD_1";
    pass(FRESH_MS);
    await get(db);
    const changed = await inKv();
    expect(changed?.value).toBe("SHARD_1");

    pass(REWRITE_MS);
    await get(db);
    expect((await inKv())?.checked_at).toBeGreaterThan(changed?.checked_at ?? Infinity);
  });

  it("never writes over a newer entry in KV", async () => {
    const { get, inKv, putInKv } = newCache();
    const db = controlDb("SHARD_0");
    const newer = { value: "SHARD_1", checked_at: Date.now() + 60_000 };
    await putInKv(newer);
    expect(await get(db)).toBe("SHARD_0");
    expect(await inKv()).toEqual(newer);
  });

  it("uses a fresh KV entry without asking, when the cache says KV may stand for an answer", async () => {
    const { get } = newCache(60_000);
    const db = controlDb("key");
    await get(db);
    dropIsolateMemory();
    pass(59_000);
    expect(await get(db)).toBe("key");
    expect(db.asked).toBe(1);
    pass(FRESH_MS);
    await get(db);
    expect(db.asked).toBe(2);
  });

  it("forgets what the control database no longer has, in memory and in KV", async () => {
    const { get, inKv } = newCache();
    const db = controlDb("SHARD_0");
    await get(db);
    db.state = "gone";
    pass(FRESH_MS);
    expect(await get(db)).toBeUndefined();
    expect(await inKv()).toBeNull();
    db.state = "failing";
    pass(FRESH_MS);
    expect((await refusalOf(get(db))).code).toBe("control_unavailable");
  });
});

describe("while the control database fails", () => {
  it("serves the last answer stale, logs it, and asks again after RETRY_MS", async () => {
    const { get } = newCache();
    const db = controlDb("SHARD_0");
    await get(db);
    db.state = "failing";
    pass(FRESH_MS);
    expect(await get(db)).toBe("SHARD_0");
    expect(warnings()).toEqual([
      {
        level: "warn",
        event: "control_stale",
        cache: expect.stringMatching(/^test-/),
        subject: "id",
        age_s: FRESH_MS / 1000,
        error: "D1_ERROR: injected outage",
      },
    ]);
    expect(db.asked).toBe(2);

    pass(RETRY_MS - 1);
    expect(await get(db)).toBe("SHARD_0");
    expect(db.asked).toBe(2);
    pass(1);
    expect(await get(db)).toBe("SHARD_0");
    expect(db.asked).toBe(3);

    db.state = "up";
    db.value = "SHARD_1";
    pass(RETRY_MS);
    expect(await get(db)).toBe("SHARD_1");
    expect(warnings()).toHaveLength(2);
  });

  it("serves the newer of this isolate's answer and KV's", async () => {
    const db = controlDb("SHARD_0");
    const moved = newCache();
    await moved.get(db);
    // What a move writes to KV after this isolate read the tenant's placement.
    await moved.putInKv({ value: "frozen", checked_at: Date.now() + 1 });
    const kept = newCache();
    await kept.get(db);
    // What another isolate wrote before this one read.
    await kept.putInKv({ value: "older", checked_at: Date.now() - 1 });
    db.state = "failing";
    pass(FRESH_MS);
    expect(await moved.get(db)).toBe("frozen");
    expect(await kept.get(db)).toBe("SHARD_0");
  });

  it("serves KV's answer to an isolate that holds none", async () => {
    const { get } = newCache();
    const db = controlDb("SHARD_0");
    await get(db);
    dropIsolateMemory();
    db.state = "failing";
    expect(await get(db)).toBe("SHARD_0");
    expect(warnings()).toMatchObject([{ event: "control_stale", age_s: 0 }]);
  });

  it("waits CONTROL_TIMEOUT_MS for an answer that does not come, then serves the stale one", async () => {
    const { get } = newCache();
    const db = controlDb("SHARD_0");
    await get(db);
    db.state = "silent";
    pass(FRESH_MS);
    expect(await get(db)).toBe("SHARD_0");
    expect(warnings()).toMatchObject([{ event: "control_stale", error: /^no answer within/ }]);
  });

  it("refuses with control_unavailable when nothing is cached, and logs it", async () => {
    const { get } = newCache();
    const db = controlDb("SHARD_0");
    db.state = "failing";
    const refusal = await refusalOf(get(db));
    expect(refusal).toMatchObject({ code: "control_unavailable", retry_after: expect.any(Number) });
    expect(warnings()).toMatchObject([
      { level: "warn", event: "control_unavailable", subject: "id", error: /injected outage/ },
    ]);
  });

  it("never serves an answer older than STALE_MS", async () => {
    const { get } = newCache();
    const db = controlDb("SHARD_0");
    await get(db);
    db.state = "failing";
    pass(STALE_MS);
    expect((await refusalOf(get(db))).code).toBe("control_unavailable");
  });
});
