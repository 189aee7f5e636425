import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";

export const database = (d1: D1Database) => drizzle(d1, { schema });
export type Db = ReturnType<typeof database>;

const dialect = new SQLiteAsyncDialect();

/*
 * Raw SQL that also works inside `db.batch`. drizzle's own `db.run`/`db.all` prepare
 * nothing before a batch, so a raw statement with parameters fails there; these prepare
 * the statement on the D1 binding the way drizzle's query builders do.
 */
function raw<T>(db: Db, query: SQL, map: (result: D1Result) => T) {
  const built = dialect.sqlToQuery(query);
  const prepared = {
    stmt: db.$client.prepare(built.sql),
    getQuery: () => built,
    mapResult: (result: D1Result) => map(result),
  };
  const execute = async () => map(await prepared.stmt.bind(...built.params).run());
  return Object.assign(db.run(query), {
    _prepare: () => prepared,
    execute,
  }) as unknown as ReturnType<Db["run"]> & { readonly _: { result: T } } & PromiseLike<T>;
}

/** A raw write for a batch; resolves to D1's result (with `meta.changes`). */
export const statement = (db: Db, query: SQL) => raw(db, query, (r) => r);

/** A raw read for a batch; resolves to its rows. */
export const rowsOf = <T>(db: Db, query: SQL) => raw(db, query, (r) => r.results as T[]);
