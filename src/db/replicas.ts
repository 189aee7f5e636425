import { type SQL, sql } from "drizzle-orm";
import { type Db, database, rowsOf, statement } from "./client";
import { shards } from "./shards";
import { chunked, jsonRows } from "./sql";

/*
 * Reference data lives in the control database, which the admin API writes and lists, and
 * in a copy in every shard: a tenant's write checks the warehouse and shipping method it
 * names inside its one D1 batch, and a batch cannot reach another database. A shard also
 * holds the control row of each of its own tenants, which its products reference.
 *
 * The admin API writes every copy in the same request, the row exactly as the control
 * database stored it (timestamps included), so a tenant's feed of warehouses reads like the
 * operator's and the control database stays the one source of truth. D1 has no transaction
 * across databases, so a copy can miss a write (a shard failed mid-request) or start empty
 * (a shard added since): each shard's unit of background work (src/janitor.ts) compares its
 * copy with the control rows each minute and writes what differs. Reference data is a few
 * hundred rows, so whole tables are compared; tenants are compared a page at a time.
 */

type Row = Record<string, unknown>;

/** The tables copied to every shard, whole. */
export const REFERENCE_TABLES = ["warehouses", "shipping_methods"] as const;
type Copied = (typeof REFERENCE_TABLES)[number] | "tenants";

const byId = (rows: Row[]) => new Map(rows.map((r) => [String(r.id), JSON.stringify(r)]));

/** Inserts `rows` (every column, as the control database stores them) into `db`'s copy, or overwrites by id. */
async function upsert(db: Db, table: Copied, rows: readonly Row[]) {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) return;
  const names = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const values = sql.join(
    columns.map((c) => sql`j.value ->> ${c}`),
    sql`, `,
  );
  const updates = sql.join(
    columns
      .filter((c) => c !== "id")
      .map((c) => sql`${sql.identifier(c)} = excluded.${sql.identifier(c)}`),
    sql`, `,
  );
  const [first, ...rest] = chunked(rows).map((chunk) =>
    statement(
      db,
      // `WHERE true` tells SQLite the ON CONFLICT belongs to the INSERT, not to the SELECT.
      sql`INSERT INTO ${sql.identifier(table)} (${names})
        SELECT ${values} FROM ${jsonRows(chunk)} AS j WHERE true
        ON CONFLICT (id) DO UPDATE SET ${updates}`,
    ),
  );
  if (first) await db.batch([first, ...rest]);
}

const read = (db: Db, query: SQL) => rowsOf<Row>(db, query);

/** The control rows with these ids, every column as stored. */
const controlRows = (control: Db, table: Copied, ids: readonly string[]) =>
  read(
    control,
    sql`SELECT * FROM ${sql.identifier(table)} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );

/**
 * After an admin write to the control database: copies those rows of a reference table to
 * every shard, now. A shard that fails fails the request; the cron mends it.
 */
export async function replicate(
  env: { DB: D1Database; SHARDS?: string },
  table: (typeof REFERENCE_TABLES)[number],
  ids: readonly string[],
) {
  const rows = await controlRows(database(env.DB), table, ids);
  await Promise.all(shards(env).map(({ d1 }) => upsert(database(d1), table, rows)));
}

/** Writes into `copy` whichever of `wanted` it lacks or holds otherwise; returns how many. */
async function mend(copy: Db, table: Copied, wanted: Row[], held: Row[]) {
  const have = byId(held);
  const stale = wanted.filter((r) => have.get(String(r.id)) !== JSON.stringify(r));
  await upsert(copy, table, stale);
  return stale.length;
}

const everything = (db: Db, table: Copied) => read(db, sql`SELECT * FROM ${sql.identifier(table)}`);

/** Makes one shard's reference tables equal to the control database's; returns the rows written. */
async function mendReference(control: Db, copy: Db) {
  let written = 0;
  for (const table of REFERENCE_TABLES) {
    const [wanted, held] = await Promise.all([everything(control, table), everything(copy, table)]);
    written += await mend(copy, table, wanted, held);
  }
  return written;
}

/** The most tenants one unit of background work mends, so its rows read stay bounded. */
export const TENANTS_PER_MEND = 200;

/**
 * Makes one shard's copies of its tenants' control rows equal to them, those after `after` in
 * id order (at most `limit`), leaving frozen tenants alone: their move copies their row.
 * `next` is where the following page starts, undefined after the last.
 */
async function mendTenants(
  control: Db,
  shard: { name: string; d1: D1Database },
  after: string,
  limit?: number,
) {
  const copy = database(shard.d1);
  const placed = await read(
    control,
    sql`SELECT * FROM tenants WHERE shard = ${shard.name} AND frozen_at IS NULL AND id > ${after}
      ORDER BY id ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`,
  );
  const last = placed.at(-1)?.id;
  const next = limit !== undefined && placed.length === limit ? String(last) : undefined;
  // Up to the page's last tenant: a row past it is the next page's business.
  const held = await read(
    copy,
    sql`SELECT * FROM tenants WHERE id > ${after} ${next === undefined ? sql`` : sql`AND id <= ${next}`}`,
  );
  return { written: await mend(copy, "tenants", placed, held), next };
}

/**
 * Makes one shard's copies equal to the control rows: the reference tables whole, and the rows
 * of every tenant placed there. Returns how many rows it wrote.
 */
export async function mendShard(env: { DB: D1Database }, shard: { name: string; d1: D1Database }) {
  const control = database(env.DB);
  const reference = await mendReference(control, database(shard.d1));
  return reference + (await mendTenants(control, shard, "")).written;
}

/**
 * The cron's part, once per unit of background work on a shard: the reference tables, and
 * TENANTS_PER_MEND of its tenants from `after` on. Each minute's unit takes the next page.
 */
export async function mendPage(
  env: { DB: D1Database },
  shard: { name: string; d1: D1Database },
  after: string,
) {
  const control = database(env.DB);
  const reference = await mendReference(control, database(shard.d1));
  const tenants = await mendTenants(control, shard, after, TENANTS_PER_MEND);
  return { written: reference + tenants.written, next: tenants.next };
}
