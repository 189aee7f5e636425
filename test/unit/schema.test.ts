import { env } from "cloudflare:test";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../src/db/schema";
import { shardNames } from "../../src/db/shards";
import { OPEN_INBOUND } from "../../src/domain/statuses";

/*
 * Migrations are hand-written SQL and src/db/schema/ is their typed mirror: every table,
 * column and index the code declares must exist, with the same nullability, in the
 * databases the migrations build. A table is the control database's (migrations/control),
 * the shards' (migrations/shard), or both (the copied reference data): wherever it is, it
 * is the same table, and every shard has the same ones.
 */

const tables = Object.values(schema).filter((t) => is(t, SQLiteTable)) as SQLiteTable[];

/** The table's columns (name → required) and index names in `db`; undefined where it is absent. */
async function shapeIn(db: D1Database, name: string) {
  const columns = await db
    .prepare(`SELECT name, "notnull" AS required FROM pragma_table_info(?)`)
    .bind(name)
    .all<{ name: string; required: number }>();
  if (columns.results.length === 0) return undefined;
  const indexes = await db
    .prepare("SELECT name FROM pragma_index_list(?)")
    .bind(name)
    .all<{ name: string }>();
  return {
    columns: Object.fromEntries(columns.results.map((c) => [c.name, c.required === 1])),
    indexes: new Set(indexes.results.map((i) => i.name)),
  };
}

const databases = () => [
  { name: "DB", d1: env.DB },
  ...shardNames(env).map((name) => ({ name, d1: Reflect.get(env, name) as D1Database })),
];

describe("src/db/schema matches the migrations", () => {
  it.each(tables.map((t) => [getTableConfig(t).name, t] as const))("%s", async (name, table) => {
    const config = getTableConfig(table);
    const declared = Object.fromEntries(
      config.columns.map((c) => [c.name, c.notNull || c.primary]),
    );
    const found = [];
    for (const db of databases()) {
      const shape = await shapeIn(db.d1, name);
      if (!shape) continue;
      found.push(db.name);
      expect(shape.columns, `${name} in ${db.name}`).toEqual(declared);
      for (const index of config.indexes) expect(shape.indexes).toContain(index.config.name);
    }
    expect(found.length, `${name} is in no database`).toBeGreaterThan(0);
    const shards = found.filter((n) => n !== "DB");
    expect(shards.length === 0 || shards.length === shardNames(env).length).toBe(true);
  });

  it("puts tenants' data only in the shards, and keys only in the control database", async () => {
    const where = async (name: string) => {
      const found: string[] = [];
      for (const db of databases()) if (await shapeIn(db.d1, name)) found.push(db.name);
      return found;
    };
    const everyShard = shardNames(env);
    for (const name of ["orders", "events", "webhook_deliveries", "products", "inventory"]) {
      expect(await where(name), name).toEqual(everyShard);
    }
    expect(await where("api_keys")).toEqual(["DB"]);
    for (const name of ["tenants", "warehouses", "shipping_methods"]) {
      expect(await where(name), name).toEqual(["DB", ...everyShard]);
    }
  });

  it("keeps incoming stock for the ASN statuses the domain calls open", async () => {
    const [shard] = shardNames(env);
    const { results } = await (Reflect.get(env, shard as string) as D1Database)
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%incoming_stock%'",
      )
      .all<{ name: string; sql: string }>();
    const open = `(${OPEN_INBOUND.map((s) => `'${s}'`).join(", ")})`;
    const statusLists = results.flatMap((r) => [
      ...r.sql.matchAll(/status` (?:NOT )?IN (\([^)]*\))/g),
    ]);
    expect(statusLists.length).toBeGreaterThanOrEqual(2);
    for (const [, list] of statusLists) expect(list).toBe(open);
  });
});
