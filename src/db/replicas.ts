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
 * (a shard added since): the cron compares every copy with the control rows each minute and
 * writes what differs. Reference data is a few hundred rows, so whole tables are compared.
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

/**
 * Makes one shard's copies equal to the control rows: the reference tables whole, and the
 * rows of the tenants placed there. Returns how many rows it wrote.
 */
export async function mendShard(env: { DB: D1Database }, shard: { name: string; d1: D1Database }) {
  const control = database(env.DB);
  const copy = database(shard.d1);
  let written = 0;
  for (const table of REFERENCE_TABLES) {
    const [wanted, held] = await Promise.all([everything(control, table), everything(copy, table)]);
    written += await mend(copy, table, wanted, held);
  }
  const [placed, held] = await Promise.all([
    read(control, sql`SELECT * FROM tenants WHERE shard = ${shard.name}`),
    everything(copy, "tenants"),
  ]);
  return written + (await mend(copy, "tenants", placed, held));
}

/** The cron's part: every shard mended. Returns the rows written per shard. */
export async function mendReplicas(env: { DB: D1Database; SHARDS?: string }) {
  const written = await Promise.all(
    shards(env).map(async (s) => [s.name, await mendShard(env, s)]),
  );
  return Object.fromEntries(written) as Record<string, number>;
}
