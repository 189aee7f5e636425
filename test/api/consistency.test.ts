import { describe, expect, it } from "vitest";
import { cursorToken, encodeCursor } from "../../src/lib/cursor";
import { client, expectError, expectStatus, ok, raw } from "../support/client";
import { bookmarkIn, sealed, stateIn, TOKEN, tokenOf } from "../support/consistency";
import { merchant, orderBody } from "../support/merchant";

/*
 * Reads run in D1 sessions and name the state they reached in X-Consistency-Token, sealed;
 * a read that sends a token back, or follows a cursor, starts from that state. Miniflare has
 * no replicas, so what is checked here is the plumbing: which state each session starts
 * from. A token naming a state newer than anything written yet makes that visible, because
 * a session keeps the newest bookmark it has seen.
 */

/** A D1 bookmark newer than any state the local database will reach in this run. */
const AHEAD = "7fffffff-00000000-00000000-00000000000000000000000000000000";

const positionIn = (cursor: string) => {
  const { b: _, ...position } = JSON.parse(
    atob(cursor.replaceAll("-", "+").replaceAll("_", "/")),
  ) as Record<string, unknown>;
  return position;
};

describe("X-Consistency-Token", () => {
  it("names the state every data request reached: reads, writes, and the objects' writes", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 5 });
    const listed = await client(key).v1.orders.$get();
    expectStatus(listed, 200);
    const before = await tokenOf(listed);

    const created = await client(key).v1.orders.$post({ json: orderBody() });
    expectStatus(created, 201);
    const afterCreate = await tokenOf(created);
    expect(afterCreate > before).toBe(true);

    // A hold without an Idempotency-Key makes no query in the Worker (the key is cached) and
    // moves no stock: the token can only come back with the order object's answer.
    const held = await client(key).v1.ops.orders[":id"].hold.$post({
      param: { id: created.body.id },
      json: { reason: "address check" },
    });
    expectStatus(held, 200);
    const afterHold = await tokenOf(held);
    expect(afterHold > afterCreate).toBe(true);

    const read = await client(key).v1.orders[":id"].$get(
      { param: { id: created.body.id } },
      { headers: { [TOKEN]: held.headers.get(TOKEN) ?? "" } },
    );
    expectStatus(read, 200);
    expect(read.body.status).toBe("on_hold");
    expect((await tokenOf(read)) >= afterHold).toBe(true);

    const health = await client().health.$get();
    expect(health.headers.get(TOKEN)).toBeNull();
  });

  it("is sealed: it shows no bookmark, differs on every response, and opens to the same state", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 5 });
    const a = await client(key).v1.warehouses.$get();
    const b = await client(key).v1.warehouses.$get(
      {},
      { headers: { [TOKEN]: a.headers.get(TOKEN) ?? "" } },
    );
    const [ta, tb] = [a.headers.get(TOKEN) ?? "", b.headers.get(TOKEN) ?? ""];
    expect(ta).toMatch(/^[A-Za-z0-9_-]{100,}$/);
    expect(ta).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{8}/);
    expect(atob(ta.replaceAll("-", "+").replaceAll("_", "/"))).not.toMatch(/[0-9a-f]{8}-/);
    expect(tb).not.toBe(ta);
    expect((await tokenOf(b)) >= (await tokenOf(a))).toBe(true);
  });

  it("starts a read from the token sent, and its cursor carries that state to the next page", async () => {
    const { key, shard } = await merchant({ "WIDGET-BLUE-M": 5 });
    for (let i = 0; i < 3; i++) await ok(client(key).v1.orders.$post({ json: orderBody() }));

    const plain = await client(key).v1.orders.$get({ query: { limit: "1" } });
    expectStatus(plain, 200);
    expect((await tokenOf(plain)) < AHEAD).toBe(true);

    const first = await client(key).v1.orders.$get(
      { query: { limit: "1" } },
      { headers: { [TOKEN]: await sealed(AHEAD, shard) } },
    );
    expectStatus(first, 200);
    expect(await tokenOf(first)).toBe(AHEAD);
    const cursor = first.body.pagination.next_cursor;
    expect(cursor).not.toBeNull();
    expect(await bookmarkIn(cursor as string)).toBe(AHEAD);

    // No header now: the cursor alone starts the second page's session.
    const second = await client(key).v1.orders.$get({
      query: { limit: "1", cursor: cursor ?? undefined },
    });
    expectStatus(second, 200);
    expect(await tokenOf(second)).toBe(AHEAD);
    expect(second.body.data[0]?.id).not.toBe(first.body.data[0]?.id);
  });

  it("reads from the primary of the tenant's shard when sent a token of another database", async () => {
    const { key, shard } = await merchant({ "WIDGET-BLUE-M": 5 });
    await ok(client(key).v1.orders.$post({ json: orderBody() }));
    // A token issued before the tenant moved shards names a state of another commit log.
    const elsewhere = shard === "SHARD_0" ? "SHARD_1" : "SHARD_0";
    const res = await client(key).v1.orders.$get(
      {},
      { headers: { [TOKEN]: await sealed(AHEAD, elsewhere) } },
    );
    expectStatus(res, 200);
    expect(res.body.data).toHaveLength(1);
    const state = await stateIn(res);
    expect(state.database).toBe(shard);
    expect(state.bookmark < AHEAD).toBe(true);
  });

  it("never steps back across pages: each cursor carries at least the state of the page before", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await ok(client(key).v1.orders.$post({ json: orderBody() }))).id);
    }
    const walked: string[] = [];
    const marks: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await client(key).v1.orders.$get({ query: { limit: "1", cursor } });
      expectStatus(res, 200);
      const reached = await tokenOf(res);
      if (cursor) expect(reached >= (await bookmarkIn(cursor))).toBe(true);
      marks.push(reached);
      walked.push(...res.body.data.map((o) => o.id));
      cursor = res.body.pagination.next_cursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(ids);
    expect(marks).toEqual([...marks].sort());
  });

  it("still pages with a cursor issued before cursors carried a token", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 5 });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      ids.push((await ok(client(key).v1.orders.$post({ json: orderBody() }))).id);
    }
    const first = await ok(client(key).v1.orders.$get({ query: { limit: "1" } }));
    const old = encodeCursor(positionIn(first.pagination.next_cursor ?? ""));
    expect(cursorToken(old)).toBeUndefined();
    const second = await client(key).v1.orders.$get({ query: { limit: "1", cursor: old } });
    expectStatus(second, 200);
    expect(second.body.data.map((o) => o.id)).toEqual([ids[1]]);
    await tokenOf(second);
  });

  it("refuses a token or a cursor token this API did not seal, naming which", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 5 });
    const issued = (await client(key).v1.warehouses.$get()).headers.get(TOKEN) ?? "";
    // A bare bookmark, a constraint, junk, and an issued token with one character changed.
    // A middle character: the last one's low bits may be base64 padding, which decodes the same.
    const at = Math.floor(issued.length / 2);
    const altered = `${issued.slice(0, at)}${issued[at] === "A" ? "B" : "A"}${issued.slice(at + 1)}`;
    for (const bad of [AHEAD, "first-primary", "garbage!", altered]) {
      const error = expectError(
        await raw("GET", "/v1/orders", { key, headers: { [TOKEN]: bad } }),
        400,
        "invalid_parameter",
        TOKEN,
      );
      expect(error.message).toContain("X-Consistency-Token");
    }
    await ok(client(key).v1.orders.$post({ json: orderBody() }));
    await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const first = await ok(client(key).v1.orders.$get({ query: { limit: "1" } }));
    const position = positionIn(first.pagination.next_cursor ?? "");
    for (const b of [AHEAD, 42, altered]) {
      expectError(
        await raw("GET", `/v1/orders?limit=1&cursor=${encodeCursor({ ...position, b })}`, { key }),
        400,
        "invalid_cursor",
        "cursor",
      );
    }
    // Authentication comes first: a bad token on an unauthenticated read is still a 401.
    expectError(
      await raw("GET", "/v1/orders", { headers: { [TOKEN]: "garbage" } }),
      401,
      "missing_api_key",
    );
  });
});
