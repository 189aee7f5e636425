import { describe, expect, it } from "vitest";
import { type Layout, partsOf } from "../../src/retention/archive-parts";
import { retentionDays, retentionStart } from "../../src/retention/retention.window";

interface Row {
  seq: number;
  tenant_id: string;
  created_at: string;
}

const layout: Layout<Row> = {
  table: "events",
  ownerOf: (r) => r.tenant_id,
  createdAt: (r) => r.created_at,
  compare: (a, b) => a.seq - b.seq,
};

const rows: Row[] = [
  { seq: 3, tenant_id: "ten_a", created_at: "2026-05-01T23:59:59.999Z" },
  { seq: 1, tenant_id: "ten_a", created_at: "2026-05-01T08:00:00.000Z" },
  { seq: 2, tenant_id: "ten_b", created_at: "2026-05-01T09:30:00.000Z" },
  { seq: 4, tenant_id: "ten_a", created_at: "2026-05-02T00:00:00.000Z" },
];

describe("archive parts", () => {
  it("puts each tenant's rows of each day in its own part, lines in order", async () => {
    const parts = await partsOf(layout, rows);
    expect(parts.map((p) => [p.owner, p.day, p.rows.map((r) => r.seq)])).toEqual([
      ["ten_a", "2026-05-01", [1, 3]],
      ["ten_b", "2026-05-01", [2]],
      ["ten_a", "2026-05-02", [4]],
    ]);
    const [first] = parts;
    expect(first?.body).toBe(`${JSON.stringify(rows[1])}\n${JSON.stringify(rows[0])}\n`);
    expect(first?.key).toBe(
      `archive/events/ten_a/2026-05-01/080000.000Z-${first?.sha256.slice(0, 16)}.ndjson`,
    );
    expect(first?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the same rows the same way in any order, so a second put overwrites the first", async () => {
    const once = await partsOf(layout, rows);
    const again = await partsOf(layout, [...rows].reverse());
    const byKey = (ps: typeof once) => ps.map((p) => [p.key, p.body]).sort();
    expect(byKey(again)).toEqual(byKey(once));
    const fewer = await partsOf(layout, rows.slice(1, 2));
    expect(fewer[0]?.key).not.toBe(once[0]?.key);
    expect(fewer[0]?.key.split("/").slice(0, 4)).toEqual(once[0]?.key.split("/").slice(0, 4));
  });

  it("makes no part of no rows", async () => {
    expect(await partsOf(layout, [])).toEqual([]);
  });
});

describe("the retention window", () => {
  it("is RETENTION_DAYS whole days, and 30 for anything else", () => {
    expect(retentionDays({})).toBe(30);
    expect(retentionDays({ RETENTION_DAYS: "7" })).toBe(7);
    for (const wrong of ["", "0", "-3", "1.5", "30 days"]) {
      expect(retentionDays({ RETENTION_DAYS: wrong }), wrong).toBe(30);
    }
    const now = Date.parse("2026-07-31T12:00:00.000Z");
    expect(retentionStart({ RETENTION_DAYS: "30" }, now)).toBe("2026-07-01T12:00:00.000Z");
  });
});
