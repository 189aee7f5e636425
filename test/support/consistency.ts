import { env } from "cloudflare:test";
import { expect } from "vitest";
import { Bookmark } from "../../src/db/sessions";
import { bookmarkOf, tokenFor } from "../../src/http/consistency";
import { cursorToken } from "../../src/http/pagination";
import type { Reply } from "./client";

export const TOKEN = "x-consistency-token";

/** The D1 bookmark a sealed token names: it must name one. */
async function opened(token: string | null | undefined, what: string): Promise<string> {
  expect(token, what).toBeTruthy();
  return Bookmark.parse(await bookmarkOf(env.DB, token ?? ""));
}

/** The state a reply's consistency token names: it must carry one. */
export const tokenOf = (reply: Reply) => opened(reply.headers.get(TOKEN), "a consistency token");

/** The state a `next_cursor` carries for the next page to start from: it must carry one. */
export const bookmarkIn = (cursor: string) =>
  opened(cursorToken(cursor), `a token in cursor ${cursor}`);

/** A token naming `bookmark`, sealed as the API seals them. */
export const sealed = async (bookmark: string) => (await tokenFor(env.DB, bookmark)) as string;
