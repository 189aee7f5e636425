import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/*
 * The SQL every store shares. D1 allows 100 bound parameters and 100 KB per statement,
 * so nothing whose size follows the input is ever spelled out as one parameter per
 * value: lists travel as one JSON parameter, and row sets larger than one statement's
 * byte budget are cut by `chunked`.
 *
 * Rows come out of that parameter by position, through a VALUES list of the positions,
 * not through json_each: D1 bills every row a table or a virtual table such as json_each
 * yields as a row read, and a VALUES list yields none, so feeding a statement its own
 * input costs nothing and a write pays only for the rows it really looks up.
 */

/** The database's clock, ISO-8601 UTC with milliseconds: every stored timestamp uses it. */
export const NOW = sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/** The database's clock moved by a SQLite modifier such as `'+1 day'`. */
export const nowPlus = (modifier: string) =>
  sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${modifier})`;

/** `(0), (1), …` for `n` rows: positions, generated here, never input. */
const positions = (n: number) => sql.raw(Array.from({ length: n }, (_, i) => `(${i})`).join(", "));

/**
 * One JSON parameter holding many rows, as a table of `key` (the position) and `value` (the
 * row, JSON text for arrays and objects) like json_each's: `FROM ${jsonRows(rows)} AS j`.
 */
export function jsonRows(rows: readonly unknown[]): SQL {
  if (rows.length === 0) return sql`(SELECT 0 AS key, NULL AS value WHERE 0)`;
  // OFFSET 0 keeps SQLite from inlining `value` into every place the statement reads it,
  // which would extract the row again for each column taken from it.
  return sql`(SELECT column1 AS key, json_extract(${JSON.stringify(rows)}, '$[' || column1 || ']') AS value
    FROM (VALUES ${positions(rows.length)}) LIMIT -1 OFFSET 0)`;
}

/** `column IN (values)` with one bound parameter, whatever the number of values. */
export const inList = (column: SQLWrapper, values: readonly (string | number)[]): SQL =>
  sql`${column} IN (SELECT value FROM ${jsonRows(values)})`;

/** Keeps a statement's JSON parameter under D1's 100 KB statement limit with room to spare. */
export const MAX_STATEMENT_JSON_BYTES = 64 * 1024;

/**
 * Splits rows into groups whose JSON and positions stay under `maxBytes`, so one `jsonRows`
 * insert per group never exceeds a statement's size. Each row is measured once.
 */
export function chunked<T>(rows: readonly T[], maxBytes = MAX_STATEMENT_JSON_BYTES): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 2;
  for (const row of rows) {
    // The row's JSON and its comma, plus its position in the VALUES list: "(12345), ".
    const bytes =
      new TextEncoder().encode(JSON.stringify(row)).byteLength +
      1 +
      String(current.length).length +
      4;
    if (current.length > 0 && size + bytes > maxBytes) {
      groups.push(current);
      current = [];
      size = 2;
    }
    current.push(row);
    size += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
