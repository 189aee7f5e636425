import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, statement } from "../../src/db/client";
import { Bookmark, primary, reading } from "../../src/db/sessions";
import { newest } from "../../src/lib/bookmarks";
import { combine, noCost, share } from "../../src/lib/cost";
import { Meter } from "../../src/lib/metering";

/*
 * The D1 connections a request uses: writes on the primary that still tell their bookmark,
 * reads in a session that starts from one, and the meter that keeps the newest of them
 * (its cost carries it back from objects, like the rest of the cost).
 */

const at = (n: number) => `${n.toString(16).padStart(8, "0")}-00000000-00000000-${"0".repeat(32)}`;

describe("bookmarks", () => {
  it("orders as strings, oldest to newest, whatever else is in the list", () => {
    expect(newest()).toBeNull();
    expect(newest(null, undefined)).toBeNull();
    expect(newest(at(2), null, at(10), at(9))).toBe(at(10));
    expect(Bookmark.safeParse(at(1)).success).toBe(true);
    expect(Bookmark.safeParse("first-primary").success).toBe(false);
  });

  it("travel in a cost: combined by the newest, kept whole in a shared one", () => {
    const a = noCost();
    a.d1.bookmarks.SHARD_0 = at(3);
    const b = noCost();
    b.d1.bookmarks.SHARD_0 = at(7);
    expect(combine([a, b]).d1.bookmarks.SHARD_0).toBe(at(7));
    expect(combine([b, a], true).d1.bookmarks.SHARD_0).toBe(at(7));
    expect(combine([noCost(), a]).d1.bookmarks.SHARD_0).toBe(at(3));
    expect(share(b, 4).d1.bookmarks.SHARD_0).toBe(at(7));
  });

  it("are kept per database: positions in two commit logs are never compared", () => {
    const a = noCost();
    a.d1.bookmarks = { DB: at(9), SHARD_0: at(2) };
    const b = noCost();
    b.d1.bookmarks = { SHARD_0: at(5), SHARD_1: at(1) };
    expect(combine([a, b]).d1.bookmarks).toEqual({ DB: at(9), SHARD_0: at(5), SHARD_1: at(1) });
  });
});

describe("connections", () => {
  it("writes on the primary and tells the bookmark each reached, where the plain binding cannot", async () => {
    const plain = new Meter();
    await database(plain.d1(env.DB, "DB")).run(sql`SELECT 1`);
    expect(plain.cost.d1.bookmarks.DB).toBeUndefined();

    const meter = new Meter();
    const db = database(primary(meter.d1(env.DB, "DB")));
    await db.run(sql`CREATE TABLE IF NOT EXISTS session_probe (n INTEGER)`);
    const first = meter.cost.d1.bookmarks.DB;
    expect(Bookmark.safeParse(first).success).toBe(true);
    await db.batch([
      statement(db, sql`INSERT INTO session_probe (n) VALUES (${1})`),
      statement(db, sql`INSERT INTO session_probe (n) VALUES (${2})`),
    ]);
    expect((meter.cost.d1.bookmarks.DB ?? "") > (first ?? "")).toBe(true);
    expect(meter.cost.d1.calls).toBe(2);
    expect(meter.cost.d1.statements).toBe(3);
  });

  it("reads from the state it is started at, and sees what the primary wrote", async () => {
    const meter = new Meter();
    const writes = database(primary(meter.d1(env.DB, "DB")));
    await writes.run(sql`CREATE TABLE IF NOT EXISTS session_seen (n INTEGER)`);
    await writes.run(sql`INSERT INTO session_seen (n) VALUES (${42})`);
    const written = meter.cost.d1.bookmarks.DB ?? "";

    const reads = new Meter();
    const session = reading(reads.d1(env.DB, "DB"), written);
    const rows = await session.all<{ n: number }>(sql`SELECT n FROM session_seen`);
    expect(rows).toEqual([{ n: 42 }]);
    expect((reads.cost.d1.bookmarks.DB ?? "") >= written).toBe(true);

    // A session keeps the newest bookmark it has: one started ahead stays there.
    const ahead = at(0x7fffffff);
    const later = new Meter();
    await reading(later.d1(env.DB, "DB"), ahead).all(sql`SELECT n FROM session_seen`);
    expect(later.cost.d1.bookmarks.DB).toBe(ahead);
  });
});
