import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { database } from "../db/client";
import { secrets } from "../db/schema";
import { Bookmark, newest, reading } from "../db/sessions";
import type { AppEnv } from "../env";
import { aesKey, seal, unseal } from "../lib/crypto";
import { ApiError } from "./errors";
import { cursorToken, invalidCursor } from "./pagination";

/*
 * Reads may be served by a D1 read replica; writes always go to the primary. Every response
 * that touched D1 names, in CONSISTENCY_TOKEN, the newest database state it saw or wrote
 * (a D1 session bookmark, its objects' writes included). A read that sends it back, or
 * that follows a cursor (which carries its page's token), is served from a copy at least
 * that new: it sees that write, and a walk never steps back in time.
 *
 * A bookmark is a position in the whole database's commit log, so two of them tell how much
 * every tenant wrote in between. Tokens are therefore sealed (AES-GCM, with a key each
 * database makes in its migrations): they show nothing, and a forged one is refused.
 */

export const CONSISTENCY_TOKEN = "X-Consistency-Token";
const HEADER = CONSISTENCY_TOKEN.toLowerCase();

/** What a sealed token looks like from outside: base64url, nothing more to read. */
export const ConsistencyToken = z.string().regex(/^[A-Za-z0-9_-]+$/);

// Read once per isolate; a failed read is retried by the next request.
let key: Promise<CryptoKey> | undefined;

function keyOf(d1: D1Database): Promise<CryptoKey> {
  key ??= database(d1)
    .select({ value: secrets.value })
    .from(secrets)
    .where(eq(secrets.name, "consistency_token"))
    .then(([row]) => {
      if (!row) throw new Error("secrets has no consistency_token: apply the D1 migrations");
      return aesKey(row.value);
    })
    .catch((err: unknown) => {
      key = undefined;
      throw err;
    });
  return key;
}

/** The token naming `bookmark`, or null for a request that reached no database state. */
export const tokenFor = async (d1: D1Database, bookmark: string | null) =>
  bookmark ? seal(await keyOf(d1), bookmark) : null;

/** The bookmark a token this API sealed names; undefined for anything else. */
export async function bookmarkOf(d1: D1Database, token: string): Promise<string | undefined> {
  const opened = await unseal(await keyOf(d1), token);
  return Bookmark.safeParse(opened).success ? opened : undefined;
}

/**
 * The token of the newest state this request's queries, and the objects it called, have
 * reached so far: what a page's cursor carries for the next page to start from.
 */
export const consistencyToken = (c: Context<AppEnv>) =>
  tokenFor(c.env.DB, c.var.meter.cost.d1.bookmark);

const isRead = (method: string) => method === "GET" || method === "HEAD";

/** The state the token a read sent names: a token this API did not seal is a 400. */
async function sentBookmark(c: Context<AppEnv>): Promise<string | undefined> {
  const sent = c.req.header(HEADER)?.trim();
  if (sent === undefined) return undefined;
  const bookmark = await bookmarkOf(c.env.DB, sent);
  if (bookmark) return bookmark;
  throw new ApiError(
    400,
    "invalid_parameter",
    `${HEADER}: is not a token this API issued; send back an ${CONSISTENCY_TOKEN} response header unchanged.`,
    { field: HEADER },
  );
}

async function followedBookmark(c: Context<AppEnv>): Promise<string | undefined> {
  const token = cursorToken(c.req.query("cursor"));
  if (token === undefined) return undefined;
  const bookmark = await bookmarkOf(c.env.DB, token);
  if (bookmark) return bookmark;
  throw invalidCursor();
}

/**
 * Runs after authentication (whose key lookups stay on the primary, so a new key is never
 * refused by a replica that has not seen it yet): a read gets a session that starts from
 * the newest of its token and its cursor's, or anywhere when it has neither.
 */
export const consistentReads: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (isRead(c.req.method)) {
    const [sent, followed] = await Promise.all([sentBookmark(c), followedBookmark(c)]);
    c.set("db", reading(c.env.DB, newest(sent, followed) ?? "first-unconstrained"));
  }
  await next();
  const token = await consistencyToken(c);
  if (token) c.res.headers.set(CONSISTENCY_TOKEN, token);
};
