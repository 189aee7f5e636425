import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/*
 * The SQL every store shares. D1 allows 100 bound parameters and 100 KB per statement,
 * so nothing whose size follows the input is ever spelled out as one parameter per
 * value: lists travel as one JSON parameter read with json_each, and row sets larger
 * than one statement's byte budget are cut by `chunked`.
 */

/** The database's clock, ISO-8601 UTC with milliseconds: every stored timestamp uses it. */
export const NOW = sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/** The database's clock moved by a SQLite modifier such as `'+1 day'`. */
export const nowPlus = (modifier: string) =>
  sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${modifier})`;

/** `column IN (values)` with one bound parameter, whatever the number of values. */
export const inList = (column: SQLWrapper, values: readonly (string | number)[]): SQL =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;

/** One JSON parameter holding many rows, for `INSERT … SELECT … FROM json_each(?)`. */
export const jsonRows = (rows: readonly unknown[]): SQL => sql`json_each(${JSON.stringify(rows)})`;

/** Keeps a statement's JSON parameter under D1's 100 KB statement limit with room to spare. */
export const MAX_STATEMENT_JSON_BYTES = 64 * 1024;

/**
 * Splits rows into groups whose JSON stays under `maxBytes`, so one `jsonRows` insert per
 * group never exceeds a statement's size. Each row is measured once.
 */
export function chunked<T>(rows: readonly T[], maxBytes = MAX_STATEMENT_JSON_BYTES): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 2;
  for (const row of rows) {
    const bytes = new TextEncoder().encode(JSON.stringify(row)).byteLength + 1;
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
