import { z } from "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { database } from "../db/client";
import { ControlCache } from "../db/control-cache";
import { secrets } from "../db/schema";
import { Bookmark, reading } from "../db/sessions";
import { NOW } from "../db/sql";
import { Refused, refused } from "../domain/refusals";
import { newest } from "../lib/bookmarks";
import { aesKey, seal, unseal } from "../lib/crypto";
import { cursorToken } from "../lib/cursor";
import type { AppEnv } from "./context";

/*
 * Reads may be served by a D1 read replica; writes always go to the primary. Every response
 * that touched D1 names, in CONSISTENCY_TOKEN, the newest database state it saw or wrote
 * (a D1 session bookmark, its objects' writes included). A read that sends it back, or
 * that follows a cursor (which carries its page's token), is served from a copy at least
 * that new: it sees that write, and a walk never steps back in time.
 *
 * A bookmark is a position in the whole database's commit log, so two of them tell how much
 * every tenant wrote in between. Tokens are therefore sealed (AES-GCM, with the key the
 * control database makes in its migrations): they show nothing, and a forged one is refused.
 *
 * A token names its database too (the request's `home`: a tenant's shard, or the control
 * database), since each D1 database has its own commit log. A token of another database (a
 * tenant moved to another shard since it was issued) cannot say which state to start from,
 * so that read goes to the primary, which holds every committed write.
 */

export const CONSISTENCY_TOKEN = "X-Consistency-Token";
const HEADER = CONSISTENCY_TOKEN.toLowerCase();

/** What a sealed token looks like from outside: base64url, nothing more to read. */
export const ConsistencyToken = z.string().regex(/^[A-Za-z0-9_-]+$/);

/** Where the key is: the control database, and KV for its cache. */
type Control = { DB: D1Database; KV: KVNamespace };

const DAY_MS = 24 * 60 * 60_000;

/*
 * The key never changes once its migration made it, so it is cached like placement
 * (src/db/control-cache.ts), in memory and KV, and served from there while the control
 * database fails: an isolate started during an outage still seals and opens tokens. It sits
 * in KV as hex, readable only by this account's Workers, as the control database holds it.
 */
const keys = new ControlCache<string>({
  name: "consistency-key",
  freshMs: DAY_MS,
  kvFreshMs: DAY_MS,
  kvRewriteMs: DAY_MS,
  maxEntries: 1,
  subject: () => "the consistency token key",
});
const imported = new Map<string, Promise<CryptoKey>>();

async function keyOf(control: Control): Promise<CryptoKey> {
  const hex = await keys.get(control.KV, "consistency_token", async () => {
    const [row] = await database(control.DB)
      .select({ value: secrets.value, at: sql<string>`${NOW}` })
      .from(secrets)
      .where(eq(secrets.name, "consistency_token"));
    return row && { value: row.value, checked_at: Date.parse(row.at) };
  });
  if (!hex) throw new Error("secrets has no consistency_token: apply the D1 migrations");
  let key = imported.get(hex);
  if (!key) {
    key = aesKey(hex);
    imported.set(hex, key);
  }
  return key;
}

/** A state of one database: its binding, and a D1 bookmark in its commit log. */
export interface State {
  database: string;
  bookmark: string;
}

/**
 * The token naming `bookmark` of `database`, or null for a request that reached no state of
 * it. `control` is the control database, which holds the key.
 */
export async function tokenFor(
  control: Control,
  database: string,
  bookmark: string | null | undefined,
): Promise<string | null> {
  return bookmark ? seal(await keyOf(control), `${database} ${bookmark}`) : null;
}

/** The state a token this API sealed names; undefined for anything else. */
export async function stateOf(control: Control, token: string): Promise<State | undefined> {
  const [database, bookmark, ...rest] =
    (await unseal(await keyOf(control), token))?.split(" ") ?? [];
  if (!database || rest.length > 0 || !Bookmark.safeParse(bookmark).success) return undefined;
  return { database, bookmark: bookmark as string };
}

/**
 * The token of the newest state of the request's database that its queries, and the objects
 * it called, have reached so far: what a page's cursor carries for the next page to start from.
 */
export const consistencyToken = (c: Context<AppEnv>) => {
  const { name } = c.var.home;
  return tokenFor(c.env, name, c.var.meter.cost.d1.bookmarks[name]);
};

const isRead = (method: string) => method === "GET" || method === "HEAD";

/** The state the token a read sent names: a token this API did not seal is a 400. */
async function sentState(c: Context<AppEnv>): Promise<State | undefined> {
  const sent = c.req.header(HEADER)?.trim();
  if (sent === undefined) return undefined;
  const state = await stateOf(c.env, sent);
  if (state) return state;
  throw refused("invalid_parameter", { field: HEADER });
}

async function followedState(c: Context<AppEnv>): Promise<State | undefined> {
  const token = cursorToken(c.req.query("cursor"));
  if (token === undefined) return undefined;
  const state = token === null ? undefined : await stateOf(c.env, token);
  if (state) return state;
  throw new Refused({ code: "invalid_cursor", field: "cursor" });
}

/** Where a read's session starts: the newest state it was sent, or the primary for another database's. */
function startOf(home: string, states: (State | undefined)[]): string {
  const sent = states.filter((s) => s !== undefined);
  if (sent.some((s) => s.database !== home)) return "first-primary";
  return newest(...sent.map((s) => s.bookmark)) ?? "first-unconstrained";
}

/**
 * Runs after authentication, which points a tenant's request at its shard (and whose key
 * lookups stay on the control primary, so a new key is never refused by a replica that has
 * not seen it yet): a read gets a session of that database that starts from the newest of
 * its token and its cursor's, or anywhere when it has neither.
 */
export const consistentReads: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (isRead(c.req.method)) {
    const states = await Promise.all([sentState(c), followedState(c)]);
    c.set("db", reading(c.var.home.d1, startOf(c.var.home.name, states)));
  }
  await next();
  const token = await consistencyToken(c);
  if (token) c.res.headers.set(CONSISTENCY_TOKEN, token);
};
