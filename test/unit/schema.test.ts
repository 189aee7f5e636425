import { env } from "cloudflare:test";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../src/db/schema";

/*
 * Migrations are hand-written SQL and src/db/schema/ is their typed mirror: every table,
 * column and index the code declares must exist, with the same nullability, in the
 * database the migrations build.
 */

const tables = Object.values(schema).filter((t) => is(t, SQLiteTable)) as SQLiteTable[];

describe("src/db/schema matches the migrations", () => {
  it.each(tables.map((t) => [getTableConfig(t).name, t] as const))("%s", async (name, table) => {
    const config = getTableConfig(table);
    const columns = await env.DB.prepare(
      `SELECT name, "notnull" AS required FROM pragma_table_info(?)`,
    )
      .bind(name)
      .all<{ name: string; required: number }>();
    const actual = Object.fromEntries(columns.results.map((c) => [c.name, c.required === 1]));
    const declared = Object.fromEntries(
      config.columns.map((c) => [c.name, c.notNull || c.primary]),
    );
    expect(actual).toEqual(declared);
    const indexes = await env.DB.prepare("SELECT name FROM pragma_index_list(?)")
      .bind(name)
      .all<{ name: string }>();
    const names = new Set(indexes.results.map((i) => i.name));
    for (const index of config.indexes) expect(names).toContain(index.config.name);
  });
});
