import { z } from "@hono/zod-openapi";
import { UtcDateTime } from "../domain/shapes";
import { encodeCursor } from "../lib/cursor";

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

/** Which end of a feed a walk starts from: pollers keep the default, screens show the newest. */
export const orderParam = z
  .enum(["asc", "desc"])
  .default("asc")
  .openapi({
    param: { name: "order", in: "query" },
    description:
      "`asc` (default): oldest change first, the order to poll in. `desc`: newest change first, for screens; a row that changes during a `desc` walk moves past where the walk began and is not listed again in it. A cursor continues only the order it came from.",
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
