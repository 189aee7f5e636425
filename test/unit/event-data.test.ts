import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { pack, unpacked } from "../../src/db/event-data";
import { patched } from "../../src/db/events";
import { everyShard } from "../support/shards";

const TIMES = ["2026-01-02T03:04:05.006Z", "2026-01-02T03:04:05.007Z", "2026-01-02T03:04:05.008Z"];

describe("packed event snapshots", () => {
  it("reads an event packed with dictionary 1, as events in D1 and the archive hold it", () => {
    const z =
      "AccCo0c9Cqzc8sA+weI5zMG5wy2oFYkR0HfgASt4hEGC01HfUAE0qoUIU+DQNsogkaWeKVAn0Nco6RQ9PUIdgSVXwd2NXz9o8BUA";
    expect(JSON.stringify(unpacked({ z, s: [...TIMES, null] }, TIMES[0] ?? ""))).toBe(
      '{"id":"ord_pinned","status":"shipped","ship_to":{"name":"Ä","postcode":"2000"},"items":[{"sku":"A/1 +","quantity":2,"unit_price":"9.50"}],"created_at":"2026-01-02T03:04:05.006Z","updated_at":"2026-01-02T03:04:05.007Z","shipments":[{"id":"shp_pinned","created_at":"2026-01-02T03:04:05.008Z","updated_at":null}]}',
    );
  });

  it("puts the write's values where SQLite's json_set put them", async () => {
    const [db] = everyShard();
    if (!db) throw new Error("no shard");
    const snapshot = {
      id: "ord_1",
      created_at: "",
      note: null,
      shipments: [{ id: "shp_1", updated_at: "old" }],
      row: { createdAt: "" },
    };
    // Present members, a missing one (added last), a missing parent (made), an array's end,
    // past an array's end and through a scalar (both left).
    const paths = [
      "$.created_at",
      "$.shipments[0].updated_at",
      "$.added",
      "$.missing.at",
      "$.shipments[1]",
      "$.row.createdAt",
      "$.shipments[5]",
      "$.id.x",
    ];
    const values = [TIMES[0], TIMES[1], "added", "x", null, TIMES[2], "past", "scalar"];
    const sets = paths.map((_, i) => `, ?${2 * i + 2}, ?${2 * i + 3}`).join("");
    const stored = await db
      .prepare(`SELECT json_set(?1${sets}) AS data`)
      .bind(JSON.stringify(snapshot), ...paths.flatMap((p, i) => [p, values[i]]))
      .first<{ data: string }>();
    const restored = unpacked({ z: pack(snapshot, paths), s: values }, TIMES[0] ?? "");
    expect(JSON.stringify(restored)).toBe(JSON.stringify(JSON.parse(stored?.data ?? "")));
  });

  it("keeps the write's times as milliseconds from the event's own, and they come back exact", async () => {
    const [shard] = everyShard();
    if (!shard) throw new Error("no shard");
    const snapshot = { created_at: "", updated_at: "", shipped_at: "", note: "" };
    const [row] = await database(shard).all<{ data: string; created: string }>(
      sql`SELECT ${patched(snapshot, [
        ["$.created_at", sql`${TIMES[0]}`],
        ["$.updated_at", sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`],
        ["$.shipped_at", sql`NULL`],
        ["$.note", sql`'2026-01-02'`],
      ])} AS data, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS created`,
    );
    if (!row) throw new Error("nothing read");
    const stored = JSON.parse(row.data);
    // A time written in the same statement as its event is 0 ms after it; an earlier one, before.
    expect(stored.s.slice(0, 3)).toEqual([
      Date.parse(TIMES[0] ?? "") - Date.parse(row.created),
      0,
      null,
    ]);
    // Not a time to the millisecond: kept as it is.
    expect(stored.s[3]).toBe("2026-01-02");
    expect(unpacked(stored, row.created)).toEqual({
      created_at: TIMES[0],
      updated_at: row.created,
      shipped_at: null,
      note: "2026-01-02",
    });
  });

  it("is a fraction of the snapshot it stores", () => {
    const order = {
      id: "ord_ZzCTNI9fmnGMLBEs6jZJXY",
      order_number: "SO-1",
      status: "received",
      gift_message: null,
      packing_note: null,
      billing_address: null,
      incoterms: null,
      tax_ids: [],
      items: [{ id: "li_Ml5wGwE9ue", line_id: null, sku: "WIDGET-BLUE-M", hs_code: null }],
    };
    expect(pack(order, ["$.created_at"]).length).toBeLessThan(JSON.stringify(order).length / 2);
  });
});
