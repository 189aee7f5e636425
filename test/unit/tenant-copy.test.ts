import { describe, expect, it } from "vitest";
import { keyOf, literal, pages, TENANT_TABLES, whereFor } from "../../scripts/tenant-copy.mjs";
import { everyShard } from "../support/shards";

const [shard] = everyShard() as [D1Database];

/*
 * The statements a tenant's move writes (scripts/tenant-copy.mjs): every table it must carry,
 * and values turned into SQL that reads back as they were.
 */

describe("what a move copies", () => {
  it("covers every table of a shard but the reference data and the moves' own checkpoints", async () => {
    const { results } = await shard
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name <> 'd1_migrations'",
      )
      .all<{ name: string }>();
    const copied = TENANT_TABLES.map((t) => t.table);
    expect(new Set(copied).size).toBe(copied.length);
    expect([...copied, "warehouses", "shipping_methods", "tenant_moves"].sort()).toEqual(
      results.map((r) => r.name).sort(),
    );
  });

  it("reads each page as one range of an index, never re-sorting every row before it", async () => {
    for (const spec of TENANT_TABLES) {
      const plan: string[] = [];
      const explain = async (sql: string) => {
        const { results } = await shard
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all<{ detail: string }>();
        plan.push(...results.map((r) => r.detail));
        return [];
      };
      const after = keyOf(spec).map(() => "x");
      for await (const _ of pages(explain, spec, "ten_planned", { after })) break;
      expect(plan.join(" ; "), spec.table).not.toMatch(/TEMP B-TREE/);
    }
  });

  it("writes values as literals that read back the same", async () => {
    const values = ['it\'s "quoted"', "", "emoji 📦", 42, -1.5, null, 0];
    const row = await shard
      .prepare(
        `SELECT ${values.map((v, i) => `${literal(v)} AS v${i}`).join(", ")}, ${literal(new Uint8Array([0, 255, 16]))} AS blob`,
      )
      .first<Record<string, unknown>>();
    expect(values.map((_, i) => row?.[`v${i}`])).toEqual(values);
    expect([...new Uint8Array(row?.blob as ArrayBuffer)]).toEqual([0, 255, 16]);
    expect(literal(true)).toBe("1");
    expect(() => literal(Number.NaN)).toThrow(/cannot copy/);
    expect(() => literal({ a: 1 })).toThrow(/cannot copy/);
  });

  it("inlines only a tenant id", () => {
    expect(whereFor("tenant_id = :tenant", "ten_AbC123")).toBe("tenant_id = 'ten_AbC123'");
    for (const bad of ["ten_x' OR '1'='1", "key_abc", "", "ten_"]) {
      expect(() => whereFor("tenant_id = :tenant", bad)).toThrow(/refusing to inline/);
    }
  });
});
