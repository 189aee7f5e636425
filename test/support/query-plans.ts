import { env } from "cloudflare:test";
import { d1Of } from "../../src/db/shards";
import { type Ran, statementListeners } from "../../src/lib/metering";

/*
 * Whether statements read only what their request names. SQLite's EXPLAIN QUERY PLAN says,
 * for each table a statement visits, whether it walks the table or an index from one end
 * (`SCAN`), or seeks it (`SEARCH … (col=? AND …)`). A statement passes when it scans no
 * table but the shared reference data and the rows it was handed (a VALUES list or
 * json_each, its own subqueries), and when no seek is constrained by tenant_id alone, which walks every row the
 * tenant has unless the index is unique on tenant_id. An automatic index is a scan that
 * SQLite pays to build one at run time, so it fails too.
 */

/** Tables every tenant shares that stay small whatever tenants do: copied reference data. */
const REFERENCE = new Set(["warehouses", "shipping_methods", "tenants", "d1_migrations"]);

/**
 * Every statement metered bindings run while `work` does, once per database and SQL text,
 * with the most rows any run of it read.
 */
export async function capture(work: () => Promise<void>): Promise<Ran[]> {
  const seen = new Map<string, Ran>();
  const listen = (ran: Ran) => {
    const key = `${ran.database}\n${ran.sql}`;
    const before = seen.get(key);
    if (!before) seen.set(key, ran);
    else before.rowsRead = Math.max(before.rowsRead ?? 0, ran.rowsRead ?? 0);
  };
  statementListeners.add(listen);
  try {
    await work();
  } finally {
    statementListeners.delete(listen);
  }
  return [...seen.values()];
}

interface Catalogue {
  tables: Set<string>;
  /** Index name → its table, whether it is unique, and its columns in order. */
  indexes: Map<string, { table: string; unique: boolean; columns: string[] }>;
  /** The statements inside each trigger, with NEW/OLD columns as parameters. */
  triggers: { name: string; sql: string; params: number }[];
}

const catalogues = new Map<string, Promise<Catalogue>>();

async function catalogueOf(db: D1Database): Promise<Catalogue> {
  const { results } = await db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'",
    )
    .all<{ type: string; name: string; tbl_name: string; sql: string | null }>();
  const tables = new Set(results.filter((r) => r.type === "table").map((r) => r.name));
  const indexes: Catalogue["indexes"] = new Map();
  for (const table of tables) {
    const list = await db
      .prepare('SELECT name, "unique" AS u FROM pragma_index_list(?)')
      .bind(table)
      .all<{ name: string; u: number }>();
    for (const { name, u } of list.results) {
      const info = await db
        .prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno")
        .bind(name)
        .all<{ name: string }>();
      indexes.set(name, { table, unique: u === 1, columns: info.results.map((c) => c.name) });
    }
  }
  const triggers = results
    .filter((r) => r.type === "trigger" && r.sql)
    .flatMap((r) => {
      const text = r.sql as string;
      // A trigger's WHEN runs for every row its table takes, so it is a statement too.
      const when = /\bON\s+\S+\s+(?:FOR EACH ROW\s+)?WHEN\b([\s\S]*?)\bBEGIN\b/i.exec(text)?.[1];
      const body = text.replace(/^[\s\S]*?\bBEGIN\b/i, "").replace(/\bEND\s*;?\s*$/i, "");
      return [...(when ? [`SELECT (${when})`] : []), ...body.split(/;\s*(?=\n|$)/)]
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && !/^SELECT RAISE/i.test(s))
        .map((s) => {
          let params = 0;
          const sql = s.replace(/\b(?:NEW|OLD)\.(`[^`]+`|"[^"]+"|\w+)/g, () => {
            params += 1;
            return "?";
          });
          return { name: r.name, sql, params };
        });
    });
  return { tables, indexes, triggers };
}

const catalogue = (database: string) => {
  let found = catalogues.get(database);
  if (!found) {
    found = catalogueOf(d1Of(env, database));
    catalogues.set(database, found);
  }
  return found;
};

/** Table names behind the aliases a statement gives them (`FROM orders AS o`, `JOIN x y`). */
function aliasesIn(sql: string, tables: Set<string>): Map<string, string> {
  const aliases = new Map<string, string>();
  const pattern =
    /\b(?:FROM|JOIN|INTO|UPDATE)\s+[`"]?(\w+)[`"]?(?:\s+(?:AS\s+)?[`"]?(\w+)[`"]?)?/gi;
  for (const [, table, alias] of sql.matchAll(pattern)) {
    if (!table || !tables.has(table)) continue;
    aliases.set(table, table);
    if (
      alias &&
      !/^(WHERE|ON|SET|SELECT|VALUES|LEFT|JOIN|INNER|GROUP|ORDER|LIMIT|AS|USING|DEFAULT)$/i.test(
        alias,
      )
    ) {
      aliases.set(alias, table);
    }
  }
  return aliases;
}

/** What is wrong with one plan, given the statement it is for; empty when nothing is. */
export function problemsIn(
  plan: readonly string[],
  sql: string,
  { tables, indexes }: Pick<Catalogue, "tables" | "indexes">,
): string[] {
  const aliases = aliasesIn(sql, tables);
  const subqueries = new Set(
    plan.flatMap((d) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(d)?.[1] ?? []),
  );
  const tableOf = (name: string) => aliases.get(name) ?? (tables.has(name) ? name : undefined);
  const problems: string[] = [];
  for (const step of plan) {
    if (/AUTOMATIC/.test(step)) {
      problems.push(`${step}: SQLite builds an index by scanning the table`);
      continue;
    }
    const scan = /^SCAN (\S+)/.exec(step);
    if (scan?.[1]) {
      const name = scan[1];
      if (name === "CONSTANT" || subqueries.has(name) || /VIRTUAL TABLE|VALUES CLAUSE/.test(step)) {
        continue;
      }
      if (name.startsWith("(")) continue;
      const table = tableOf(name);
      if (table && REFERENCE.has(table)) continue;
      problems.push(`${step}: walks ${table ?? name} whole`);
      continue;
    }
    const search = /^SEARCH (\S+) USING (?:COVERING )?(?:INDEX (\S+)|PRIMARY KEY) \(([^)]*)\)/.exec(
      step,
    );
    if (!search) continue;
    const [, name = "", index, constraints = ""] = search;
    const columns = constraints.split(" AND ").map((c) => c.replace(/[=<>!].*$/, ""));
    if (columns.length !== 1 || columns[0] !== "tenant_id") continue;
    const info = index ? indexes.get(index) : undefined;
    if (info?.unique && info.columns.length === 1) continue;
    problems.push(`${step}: seeks ${tableOf(name) ?? name} by tenant_id alone`);
  }
  return problems;
}

const WRITES_OR_READS = /^\s*(select|insert|update|delete|with|replace)\b/i;

/** The plan of one statement, as SQLite's EXPLAIN QUERY PLAN details. */
async function planOf(db: D1Database, sql: string, params: unknown[]): Promise<string[]> {
  const { results } = await db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

/**
 * Every statement among `ran` (and every statement in the triggers of the databases they
 * ran on) whose plan has a problem, with its plan, as readable text; empty when none does.
 */
export async function badPlans(ran: readonly Ran[]): Promise<string[]> {
  const reports: string[] = [];
  const databases = new Set<string>();
  for (const r of ran) {
    if (!WRITES_OR_READS.test(r.sql)) continue;
    databases.add(r.database);
    const db = d1Of(env, r.database);
    const plan = await planOf(db, r.sql, r.params);
    const problems = problemsIn(plan, r.sql, await catalogue(r.database));
    if (problems.length > 0) reports.push(report(r.database, r.sql, problems));
  }
  for (const database of databases) {
    const cat = await catalogue(database);
    for (const trigger of cat.triggers) {
      const params = Array.from({ length: trigger.params }, () => null);
      const plan = await planOf(d1Of(env, database), trigger.sql, params);
      const problems = problemsIn(plan, trigger.sql, cat);
      if (problems.length > 0) {
        reports.push(report(`${database} trigger ${trigger.name}`, trigger.sql, problems));
      }
    }
  }
  return reports;
}

const report = (where: string, sql: string, problems: string[]) =>
  `${where}:\n  ${sql.replace(/\s+/g, " ").slice(0, 400)}\n  → ${problems.join("\n  → ")}`;

/** The statements that read most, for a failure message: rows read and the SQL's start. */
export const heaviest = (ran: readonly Ran[], n = 5) =>
  [...ran]
    .sort((a, b) => (b.rowsRead ?? 0) - (a.rowsRead ?? 0))
    .slice(0, n)
    .map((r) => `${r.rowsRead} rows: ${r.sql.replace(/\s+/g, " ").slice(0, 160)}`)
    .join("\n");
