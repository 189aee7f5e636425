import { beforeAll, describe, expect, it } from "vitest";
import { client, expectError, expectStatus, ok, raw } from "../support/client";
import { createTenant } from "../support/merchant";

let key: string;
let otherKey: string;
beforeAll(async () => {
  ({ key } = await createTenant("Catalog A"));
  ({ key: otherKey } = await createTenant("Catalog B"));
});

const widget = {
  sku: "WIDGET-BLUE-M",
  name: "Blue Widget — Medium",
  description: "A widget",
  barcode: "9300000000001",
  weight: { value: 1.2, unit: "kg" as const },
  dimensions: { length: 30, width: 20, height: 10, unit: "cm" as const },
};

describe("products", () => {
  it("creates a product with explicit units and reads it back by sku", async () => {
    const res = await client(key).v1.products.$post({ json: widget });
    expectStatus(res, 201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^prd_[A-Za-z0-9]{22}$/),
      ...widget,
      low_stock_threshold: null,
      serial_tracked: false,
      lot_tracked: false,
      expiry_tracked: false,
      min_shelf_life_days: 0,
      version: "1",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: res.body.created_at,
    });
    const got = await client(key).v1.products[":sku"].$get({ param: { sku: "WIDGET-BLUE-M" } });
    expectStatus(got, 200);
    expect(got.body).toEqual(res.body);
  });

  it("409s a duplicate sku within a tenant but not across tenants", async () => {
    await client(key).v1.products.$post({ json: { sku: "DUP-1", name: "Dup" } });
    expectError(
      await client(key).v1.products.$post({ json: { sku: "DUP-1", name: "Again" } }),
      409,
      "duplicate_sku",
      "sku",
    );
    expect(
      (await client(otherKey).v1.products.$post({ json: { sku: "DUP-1", name: "Mine" } })).status,
    ).toBe(201);
  });

  it("hides one tenant's products from another (404, never 403)", async () => {
    await client(key).v1.products.$post({ json: { sku: "SECRET-1", name: "Secret" } });
    expectError(
      await client(otherKey).v1.products[":sku"].$get({ param: { sku: "SECRET-1" } }),
      404,
      "not_found",
    );
    expectError(
      await client(otherKey).v1.products[":sku"].$patch({
        param: { sku: "SECRET-1" },
        json: { name: "Stolen" },
      }),
      404,
      "not_found",
    );
    const list = await client(otherKey).v1.products.$get({ query: { sku: "SECRET-1" } });
    expect(list.body.data).toEqual([]);
    expect(
      (await ok(client(key).v1.products[":sku"].$get({ param: { sku: "SECRET-1" } }))).name,
    ).toBe("Secret");
  });

  it("validates sku, units and numbers naming the field", async () => {
    expectError(
      await client(key).v1.products.$post({ json: { sku: " leading space", name: "X" } }),
      422,
      "validation_error",
      "sku",
    );
    expectError(
      await client(key).v1.products.$post({
        json: {
          sku: "D-1",
          name: "X",
          dimensions: { length: 1, width: 1, height: -1, unit: "cm" },
        },
      }),
      422,
      "validation_error",
      "dimensions.height",
    );
    expectError(
      await raw("POST", "/v1/products", {
        key,
        json: { sku: "W-2", name: "X", weight: { value: 1 } },
      }),
      422,
      "validation_error",
      "weight.unit",
    );
    expectError(
      await client(key).v1.products.$post({ json: { sku: "N-1", name: "   " } }),
      422,
      "validation_error",
      "name",
    );
    expectError(
      await client(key).v1.products[":sku"].$get({ param: { sku: "bad%07sku" } }),
      400,
      "invalid_parameter",
      "sku",
    );
  });

  it("patches only the fields sent, clears with null and bumps version", async () => {
    const created = await ok(
      client(key).v1.products.$post({ json: { ...widget, sku: "PATCH-1" } }),
    );
    const patched = await client(key).v1.products[":sku"].$patch({
      param: { sku: "PATCH-1" },
      json: { name: "Renamed", weight: null },
    });
    expectStatus(patched, 200);
    expect(patched.body).toEqual({
      ...created,
      name: "Renamed",
      weight: null,
      version: "2",
      updated_at: expect.any(String),
    });
    expect(patched.body.updated_at > created.updated_at).toBe(true);
    const unchanged = await client(key).v1.products[":sku"].$patch({
      param: { sku: "PATCH-1" },
      json: {},
    });
    expect(unchanged.body).toEqual(patched.body);
    expectError(
      await raw("PATCH", "/v1/products/PATCH-1", { key, json: { sku: "OTHER" } }),
      422,
      "validation_error",
      "sku",
    );
    expectError(
      await client(key).v1.products[":sku"].$patch({
        param: { sku: "NOPE-1" },
        json: { name: "x" },
      }),
      404,
      "not_found",
    );
  });

  it("lists by change order: updated_since is inclusive and a cursor walk sees each product once", async () => {
    const { key: fresh } = await createTenant("Feed");
    const created = [];
    for (let i = 0; i < 7; i++) {
      created.push(
        await ok(
          client(fresh).v1.products.$post({ json: { sku: `FEED-${i}`, name: `Feed ${i}` } }),
        ),
      );
    }
    await client(fresh).v1.products[":sku"].$patch({
      param: { sku: "FEED-2" },
      json: { name: "Feed 2 renamed" },
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await client(fresh).v1.products.$get({
        query: { limit: 3, cursor: cursor ?? undefined },
      });
      expectStatus(res, 200);
      seen.push(...res.body.data.map((p) => p.sku));
      cursor = res.body.pagination.next_cursor;
      expect(res.body.pagination.has_more).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual(["FEED-0", "FEED-1", "FEED-3", "FEED-4", "FEED-5", "FEED-6", "FEED-2"]);

    const since = created[4]?.updated_at;
    const incremental = await client(fresh).v1.products.$get({ query: { updated_since: since } });
    expect(incremental.body.data.map((p) => p.sku)).toEqual([
      "FEED-4",
      "FEED-5",
      "FEED-6",
      "FEED-2",
    ]);
  });

  it("does not repeat a product changed during a walk; the next poll returns it", async () => {
    const { key: fresh } = await createTenant("Walk");
    for (let i = 0; i < 4; i++)
      await client(fresh).v1.products.$post({ json: { sku: `W-${i}`, name: `W ${i}` } });
    const first = await client(fresh).v1.products.$get({ query: { limit: "2" } });
    expect(first.body.data.map((p) => p.sku)).toEqual(["W-0", "W-1"]);
    await client(fresh).v1.products[":sku"].$patch({
      param: { sku: "W-0" },
      json: { name: "changed mid-walk" },
    });
    const rest = await client(fresh).v1.products.$get({
      query: { limit: "2", cursor: first.body.pagination.next_cursor ?? undefined },
    });
    expect(rest.body.data.map((p) => p.sku)).toEqual(["W-2", "W-3"]);
    expect(rest.body.pagination.has_more).toBe(false);
    const mark = rest.body.data[1]?.updated_at;
    const next = await client(fresh).v1.products.$get({ query: { updated_since: mark } });
    expect(next.body.data.map((p) => [p.sku, p.name])).toEqual([
      ["W-3", "W 3"],
      ["W-0", "changed mid-walk"],
    ]);
  });
});
