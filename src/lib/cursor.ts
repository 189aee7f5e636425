import type { z } from "zod";

/*
 * A cursor is a position in a list plus, under `b`, the consistency token of the state the
 * page was read at: the next page's session starts from it, so page N+1 is never read from
 * an older copy of the database than page N. A cursor without `b`, issued before cursors
 * carried one, still pages; its next page may come from any copy. Cursors are base64url
 * JSON: opaque to clients, and checked against the list's own position shape when read.
 */

export function encodeCursor(position: object, token: string | null = null): string {
  const value = token ? { ...position, b: token } : position;
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decoded(cursor: string): unknown {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** The position a cursor this API issued names (its token aside); undefined for anything else. */
export function decodeCursor<T extends z.ZodType>(
  cursor: string,
  shape: T,
): z.infer<T> | undefined {
  const parsed = shape.safeParse(decoded(cursor));
  return parsed.success ? parsed.data : undefined;
}

/**
 * The consistency token a cursor carries: undefined when it carries none (or does not decode,
 * which the list that reads it refuses), null when what it carries cannot be a token.
 */
export function cursorToken(cursor: string | undefined): string | null | undefined {
  if (!cursor) return undefined;
  const value = decoded(cursor);
  if (typeof value !== "object" || value === null || !("b" in value)) return undefined;
  return typeof value.b === "string" ? value.b : null;
}
