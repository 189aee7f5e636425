import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, getTableName, gte, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { Refused } from "../domain/refusals";
import { decodeCursor } from "../lib/cursor";
import type { Db } from "./client";

/*
 * The change feed behind every `updated_since` list. Each write moves its row to the
 * end of its tenant's feed with a `change_seq` and an `updated_at` that the database
 * assigns inside the write (D1 has one writer, so both are strictly ordered and never
 * go backwards). Sequences count per tenant, so no cursor or version tells a tenant
 * anything about another's writes. A walk is bounded by the tenant's newest
 * `change_seq` when it started, so it never repeats a row; whatever changes during the
 * walk lands after the poller's high-water mark and comes in its next poll
 * (`updated_since` is inclusive).
 */

/** The position a cursor names in a list of `shape`; a cursor this API did not issue is refused. */
export function cursorPosition<T extends z.ZodType>(cursor: string, shape: T): z.infer<T> {
  const position = decodeCursor(cursor, shape);
  if (position === undefined) throw new Refused({ code: "invalid_cursor", field: "cursor" });
  return position;
}

/** The tenant's newest row of `column` in `table`'s feed head (0 or '' before its first write). */
const head = (table: FeedTable, tenantId: string | SQL, column: "change_seq" | "updated_at") =>
  sql`COALESCE((SELECT ${sql.raw(column)} FROM feed_heads
    WHERE tenant_id = ${tenantId} AND feed = ${table}), ${column === "change_seq" ? 0 : ""})`;

/**
 * SQL values that place a row written for `tenantId` at the end of `table`'s feed: one past
 * the feed's head (migrations/shard/0001_feed_heads.sql; triggers advance it with the row),
 * and no earlier than the head's time. SQLite reads each once per statement, so a statement
 * writing several rows adds its own offset to `changeSeq`.
 */
export function feedStamp(table: FeedTable, tenantId: string | SQL) {
  return {
    changeSeq: sql`(${head(table, tenantId, "change_seq")} + 1)`,
    updatedAt: sql`(SELECT MAX(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ${head(table, tenantId, "updated_at")}))`,
  };
}

/**
 * The same stamp for an `INSERT … SELECT`, with the feed head read once: join `from`, and
 * take `changeSeq` and `updatedAt` from it. `feedStamp`'s two subqueries read it twice,
 * which a write made once per line pays once per line.
 */
export function feedStampJoined(table: FeedTable, tenantId: string | SQL) {
  return {
    from: sql`LEFT JOIN feed_heads AS head ON head.tenant_id = ${tenantId} AND head.feed = ${table}`,
    changeSeq: sql`(COALESCE(head.change_seq, 0) + 1)`,
    updatedAt: sql`MAX(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), COALESCE(head.updated_at, ''))`,
  };
}

export type FeedTable =
  | "products"
  | "orders"
  | "shipments"
  | "inventory_skus"
  | "inventory_adjustments"
  | "inventory_condition_moves"
  | "inbound_shipments"
  | "returns"
  | "charges"
  | "invoices";

const FeedCursor = z.object({
  u: z.string(),
  s: z.number().int(),
  h: z.number().int(),
  // Set only on a newest-first walk, so cursors issued before it existed read as oldest first.
  d: z.literal(true).optional(),
});
type FeedCursor = z.infer<typeof FeedCursor>;

interface FeedColumns {
  updatedAt: SQLiteColumn;
  changeSeq: SQLiteColumn;
}

export interface FeedRequest {
  updatedSince?: string;
  cursor?: string;
  limit: number;
  /** Oldest change first unless `desc`: the same rows, bounded the same way, walked backwards. */
  order?: "asc" | "desc";
}

/**
 * Where/order/limit for one page of a feed, plus how to name the position after a row.
 * `snapshot` is read once per walk (the first page) and carried in the cursor.
 */
export async function feedPage(
  db: Db,
  table: FeedTable,
  tenantId: string,
  cols: FeedColumns,
  req: FeedRequest,
): Promise<{
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  positionOf: (row: { updatedAt: string; changeSeq: number }) => FeedCursor;
}> {
  const cursor = req.cursor ? cursorPosition(req.cursor, FeedCursor) : undefined;
  const backwards = req.order === "desc";
  // A cursor goes on in the direction it was issued for: the other way it would skip rows.
  if (cursor && (cursor.d ?? false) !== backwards) {
    throw new Refused({ code: "invalid_cursor", field: "cursor" });
  }
  const snapshot =
    cursor?.h ??
    (await db.get<{ h: number }>(sql`SELECT ${head(table, tenantId, "change_seq")} AS h`)).h;
  const position = sql`(${cols.updatedAt}, ${cols.changeSeq})`;
  const where = and(
    req.updatedSince ? gte(cols.updatedAt, req.updatedSince) : undefined,
    cursor
      ? backwards
        ? sql`${position} < (${cursor.u}, ${cursor.s})`
        : sql`${position} > (${cursor.u}, ${cursor.s})`
      : undefined,
    sql`${cols.changeSeq} <= ${snapshot}`,
  );
  const by = backwards ? desc : asc;
  return {
    where,
    orderBy: [by(cols.updatedAt), by(cols.changeSeq)],
    limit: req.limit + 1,
    positionOf: (row) => ({
      u: row.updatedAt,
      s: row.changeSeq,
      h: snapshot,
      ...(backwards ? { d: true as const } : {}),
    }),
  };
}

/** One page of a tenant's feed rows (plus one, to tell whether more follow), narrowed by `filters`. */
export async function feedRows<T extends SQLiteTable & FeedColumns & { tenantId: SQLiteColumn }>(
  db: Db,
  table: T,
  tenantId: string,
  filters: (SQL | undefined)[],
  req: FeedRequest,
) {
  const feed = await feedPage(db, getTableName(table) as FeedTable, tenantId, table, req);
  const rows = await db
    .select()
    .from(table as SQLiteTable)
    .where(and(eq(table.tenantId, tenantId), ...filters, feed.where))
    .orderBy(...feed.orderBy)
    .limit(feed.limit);
  return { rows: rows as T["$inferSelect"][], positionOf: feed.positionOf };
}

const StampCursor = z.object({ u: z.string(), id: z.string(), h: z.string() });

/**
 * A feed for rows that carry an `updated_at` the database assigns but no sequence (reference
 * data, subscriptions): ordered by (updated_at, id), bounded by the newest `updated_at`
 * when the walk started so it never repeats a row; anything that changes during the walk
 * comes in the next poll, because `updated_since` is inclusive.
 */
export async function stampFeed<
  T extends SQLiteTable & { updatedAt: SQLiteColumn; id: SQLiteColumn },
>(db: Db, table: T, filters: (SQL | undefined)[], req: FeedRequest) {
  const cursor = req.cursor ? cursorPosition(req.cursor, StampCursor) : undefined;
  const scope = and(...filters);
  const snapshot =
    cursor?.h ??
    (
      await db.get<{ h: string | null }>(
        sql`SELECT MAX(${table.updatedAt}) AS h FROM ${table} ${scope ? sql`WHERE ${scope}` : sql``}`,
      )
    ).h ??
    "";
  const rows = (await db
    .select()
    .from(table as SQLiteTable)
    .where(
      and(
        scope,
        req.updatedSince ? gte(table.updatedAt, req.updatedSince) : undefined,
        cursor ? sql`(${table.updatedAt}, ${table.id}) > (${cursor.u}, ${cursor.id})` : undefined,
        sql`${table.updatedAt} <= ${snapshot}`,
      ),
    )
    .orderBy(asc(table.updatedAt), asc(table.id))
    .limit(req.limit + 1)) as T["$inferSelect"][];
  return {
    rows,
    positionOf: (row: { updatedAt: string; id: string }) => ({
      u: row.updatedAt,
      id: row.id,
      h: snapshot,
    }),
  };
}
