import type { Context } from "hono";
import { timingSafeEqualText } from "../lib/crypto";
import type { Session } from "./session";

/*
 * Two independent checks on every console POST. The Origin (or, from a browser that omits
 * it, Sec-Fetch-Site) must be this console's own; and the form must carry the session's
 * CSRF token, which only a page this console rendered for that session contains. The
 * SameSite=Strict cookie is a third line: a cross-site POST does not even carry it.
 */

export const CSRF_FIELD = "csrf";

export function sameOrigin(c: Context): boolean {
  const origin = c.req.header("origin");
  if (origin !== undefined) return origin === new URL(c.req.url).origin;
  return c.req.header("sec-fetch-site") === "same-origin";
}

export async function tokenMatches(session: Session | null, presented: unknown): Promise<boolean> {
  if (!session || typeof presented !== "string" || presented === "") return false;
  return timingSafeEqualText(presented, session.csrf);
}
