import { env } from "cloudflare:test";
import { expect } from "vitest";
import { Bookmark } from "../../src/db/sessions";
import { shardNames } from "../../src/db/shards";
import { type State, stateOf, tokenFor } from "../../src/http/consistency";
import { cursorToken } from "../../src/lib/cursor";
import type { Reply } from "./client";

export const TOKEN = "x-consistency-token";

/** The state a sealed token names: it must name one, of a database this API has. */
async function opened(token: string | null | undefined, what: string): Promise<State> {
  expect(token, what).toBeTruthy();
  const state = await stateOf(env, token ?? "");
  expect(state, `${what} opens`).toBeDefined();
  expect(["DB", ...shardNames(env)]).toContain(state?.database);
  return { database: state?.database ?? "", bookmark: Bookmark.parse(state?.bookmark) };
}

/** The database and state a reply's consistency token names: it must carry one. */
export const stateIn = (reply: Reply) => opened(reply.headers.get(TOKEN), "a consistency token");

/** The D1 bookmark a reply's consistency token names: it must carry one. */
export const tokenOf = async (reply: Reply) => (await stateIn(reply)).bookmark;

/** The bookmark a `next_cursor` carries for the next page to start from: it must carry one. */
export const bookmarkIn = async (cursor: string) =>
  (await opened(cursorToken(cursor), `a token in cursor ${cursor}`)).bookmark;

/** The bookmark a token sent back names. */
export const bookmarkOfToken = async (token: string) =>
  (await opened(token, "a token sent")).bookmark;

/** A token naming `bookmark` of the database bound as `database`, sealed as the API seals them. */
export const sealed = async (bookmark: string, database: string) =>
  (await tokenFor(env, database, bookmark)) as string;
