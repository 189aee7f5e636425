import { z } from "@hono/zod-openapi";
import { ApiError } from "./errors";
import { UtcDateTime } from "./shapes";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(DEFAULT_LIMIT)
  .openapi({ param: { name: "limit", in: "query" }, example: 50 });

export const cursorParam = z
  .string()
  .min(1)
  .optional()
  .openapi({
    param: { name: "cursor", in: "query" },
    description: "Opaque cursor from `pagination.next_cursor` of the previous page.",
  });

/** A date alone means its first instant, midnight UTC. */
const SinceDate = z.iso.date().transform((d) => `${d}T00:00:00.000Z`);

export const updatedSinceParam = z
  .union([UtcDateTime, SinceDate])
  .optional()
  .openapi({
    param: { name: "updated_since", in: "query" },
    description:
      "Inclusive lower bound on `updated_at`: an ISO-8601 UTC time, with or without fractional seconds, or a date alone (midnight UTC). Poll with the newest `updated_at` you have seen.",
    example: "2026-07-02T22:04:11Z",
  });

/** The query every list takes: an inclusive `updated_since`, a cursor and a page size. */
export const feedQuery = {
  updated_since: updatedSinceParam,
  cursor: cursorParam,
  limit: limitParam,
};

export const listQuery = z.object(feedQuery);

export const Pagination = z
  .object({
    next_cursor: z.string().nullable().openapi({ example: "eyJzIjoxMDQyMH0" }),
    has_more: z.boolean(),
  })
  .openapi("Pagination");

export const listOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ data: z.array(item), pagination: Pagination }).openapi(name);

/*
 * A cursor is a position in a list plus, under `b`, the consistency token of the state the
 * page was read at: the next page's session starts from it (see `consistentReads`), so page
 * N+1 is never read from an older copy of the database than page N. A cursor without `b`,
 * issued before cursors carried one, still pages; its next page may come from any copy.
 */

export function encodeCursor(position: object, token: string | null = null): string {
  const value = token ? { ...position, b: token } : position;
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decoded(cursor: string): unknown {
  const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export const invalidCursor = () =>
  new ApiError(
    400,
    "invalid_cursor",
    "cursor is not a cursor this API issued; pass pagination.next_cursor unchanged.",
    { field: "cursor" },
  );

/** Decodes a cursor this API issued (its token aside); anything else is a 400 naming `cursor`. */
export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.infer<T> {
  let value: unknown;
  try {
    value = decoded(cursor);
  } catch {
    throw invalidCursor();
  }
  const parsed = shape.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalidCursor();
}

/**
 * The consistency token a cursor carries, if any. A cursor that does not decode is left to
 * the list that reads it, which answers 400.
 */
export function cursorToken(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  let value: unknown;
  try {
    value = decoded(cursor);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || !("b" in value)) return undefined;
  if (typeof value.b !== "string") throw invalidCursor();
  return value.b;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only proves there is more.
 * `token` names the state the page was read at (`consistencyToken(c)`), for the next page.
 */
export function page<Row, Out>(
  rows: Row[],
  limit: number,
  render: (row: Row) => Out,
  positionOf: (row: Row) => object,
  token: string | null,
) {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    data: kept.map(render),
    pagination: {
      next_cursor: hasMore && last !== undefined ? encodeCursor(positionOf(last), token) : null,
      has_more: hasMore,
    },
  };
}

/** Position in a list ordered by a stable text id (reference data, tenants). */
export const IdCursor = z.object({ id: z.string() });
