import { sha256Hex } from "../lib/crypto";

/*
 * How archived rows become R2 objects. One tenant's rows of one table and one day go under
 * `archive/<table>/<tenant>/<YYYY-MM-DD>/`, as one or more immutable part objects: R2 has no
 * append, and rewriting a whole day's object on every run would read and write it again
 * each minute, growing to the day's full size in one Worker's memory. A part is named by
 * its earliest row's time and the hash of its bytes, and its lines are in a fixed order,
 * so putting the same rows again writes the same object instead of a second copy.
 */

export interface Layout<R> {
  /** The D1 table, which is also the key's first segment under `archive/`. */
  table: string;
  /** The tenant the row belongs to (an idempotency claim's owner): one per object. */
  ownerOf(row: R): string;
  /** When the row was created, ISO-8601 UTC: its date is the object's day. */
  createdAt(row: R): string;
  /** A total order of rows, so the same rows always make the same bytes. */
  compare(a: R, b: R): number;
}

export interface Part<R> {
  key: string;
  owner: string;
  day: string;
  rows: R[];
  /** NDJSON: one row per line, each line ending in `\n`. */
  body: string;
  /** Hex SHA-256 of `body`: part of the key, and the checksum R2 verifies on the put. */
  sha256: string;
}

export const ARCHIVE_PREFIX = "archive";

const dayOf = (at: string) => at.slice(0, 10);

/** `14:03:07.120Z` as `140307.120Z`: sorts like the time, without `:` in the key. */
const timeOf = (at: string) => at.slice(11).replaceAll(":", "");

/** The rows grouped into one part per owner and day, in the order each group first appears. */
export async function partsOf<R>(layout: Layout<R>, rows: readonly R[]): Promise<Part<R>[]> {
  const groups = new Map<string, { owner: string; day: string; rows: R[] }>();
  for (const row of rows) {
    const owner = layout.ownerOf(row);
    const day = dayOf(layout.createdAt(row));
    const id = JSON.stringify([owner, day]);
    const group = groups.get(id) ?? { owner, day, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return Promise.all(
    [...groups.values()].map(async ({ owner, day, rows: grouped }) => {
      const sorted = [...grouped].sort((a, b) => layout.compare(a, b));
      const body = sorted.map((r) => `${JSON.stringify(r)}\n`).join("");
      const sha256 = await sha256Hex(body);
      const earliest = sorted.map((r) => layout.createdAt(r)).sort()[0] ?? day;
      const key = `${ARCHIVE_PREFIX}/${layout.table}/${owner}/${day}/${timeOf(earliest)}-${sha256.slice(0, 16)}.ndjson`;
      return { key, owner, day, rows: sorted, body, sha256 };
    }),
  );
}
