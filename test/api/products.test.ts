import { beforeAll, describe, expect, it } from "vitest";
import { call, createTenant, expectError } from "../support/helpers";

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
  weight: { value: 1.2, unit: "kg" },
  dimensions: { length: 30, width: 20, height: 10, unit: "cm" },
};

describe("products", () => {
  it("creates a product with explicit units and reads it back by sku", async () => {
    const res = await call("POST", "/v1/products", { key, body: widget });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^prd_[A-Za-z0-9]{20}$/),
      ...widget,
      version: 1,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: res.body.created_at,
    });
    const got = await call("GET", "/v1/products/WIDGET-BLUE-M", { key });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it("409s a duplicate sku within a tenant but not across tenants", async () => {
    await call("POST", "/v1/products", { key, body: { sku: "DUP-1", name: "Dup" } });
    expectError(
      await call("POST", "/v1/products", { key, body: { sku: "DUP-1", name: "Again" } }),
      409,
      "duplicate_sku",
      "sku",
    );
    expect(
      (await call("POST", "/v1/products", { key: otherKey, body: { sku: "DUP-1", name: "Mine" } }))
        .status,
    ).toBe(201);
  });

  it("hides one tenant's products from another (404, never 403)", async () => {
    await call("POST", "/v1/products", { key, body: { sku: "SECRET-1", name: "Secret" } });
    expectError(await call("GET", "/v1/products/SECRET-1", { key: otherKey }), 404, "not_found");
    expectError(
      await call("PATCH", "/v1/products/SECRET-1", { key: otherKey, body: { name: "Stolen" } }),
      404,
      "not_found",
    );
    const list = await call("GET", "/v1/products?sku=SECRET-1", { key: otherKey });
    expect(list.body.data).toEqual([]);
    expect((await call("GET", "/v1/products/SECRET-1", { key })).body.name).toBe("Secret");
  });

  it("validates sku, units and numbers naming the field", async () => {
    expectError(
      await call("POST", "/v1/products", { key, body: { sku: "has space", name: "X" } }),
      422,
      "validation_error",
      "sku",
    );
    expectError(
      await call("POST", "/v1/products", {
        key,
        body: {
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
      await call("POST", "/v1/products", {
        key,
        body: { sku: "W-2", name: "X", weight: { value: 1 } },
      }),
      422,
      "validation_error",
      "weight.unit",
    );
    expectError(
      await call("POST", "/v1/products", { key, body: { sku: "N-1", name: "   " } }),
      422,
      "validation_error",
      "name",
    );
    expectError(
      await call("GET", "/v1/products/bad%20sku", { key }),
      400,
      "invalid_parameter",
      "sku",
    );
  });

  it("patches only the fields sent, clears with null and bumps version", async () => {
    const created = await call("POST", "/v1/products", {
      key,
      body: { ...widget, sku: "PATCH-1" },
    });
    const patched = await call("PATCH", "/v1/products/PATCH-1", {
      key,
      body: { name: "Renamed", weight: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      ...created.body,
      name: "Renamed",
      weight: null,
      version: 2,
      updated_at: expect.any(String),
    });
    expect(patched.body.updated_at > created.body.updated_at).toBe(true);
    const unchanged = await call("PATCH", "/v1/products/PATCH-1", { key, body: {} });
    expect(unchanged.body).toEqual(patched.body);
    expectError(
      await call("PATCH", "/v1/products/PATCH-1", { key, body: { sku: "OTHER" } }),
      422,
      "validation_error",
      "sku",
    );
    expectError(
      await call("PATCH", "/v1/products/NOPE-1", { key, body: { name: "x" } }),
      404,
      "not_found",
    );
  });

  it("lists by change order: updated_since is inclusive and a cursor walk sees each product once", async () => {
    const { key: fresh } = await createTenant("Feed");
    const created = [];
    for (let i = 0; i < 7; i++) {
      created.push(
        (
          await call("POST", "/v1/products", {
            key: fresh,
            body: { sku: `FEED-${i}`, name: `Feed ${i}` },
          })
        ).body,
      );
    }
    await call("PATCH", "/v1/products/FEED-2", { key: fresh, body: { name: "Feed 2 renamed" } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : "";
      const res = await call("GET", `/v1/products?limit=3${q}`, { key: fresh });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((p: { sku: string }) => p.sku));
      cursor = res.body.pagination.next_cursor;
      expect(res.body.pagination.has_more).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toEqual(["FEED-0", "FEED-1", "FEED-3", "FEED-4", "FEED-5", "FEED-6", "FEED-2"]);

    const since = created[4].updated_at;
    const incremental = await call("GET", `/v1/products?updated_since=${since}`, { key: fresh });
    expect(incremental.body.data.map((p: { sku: string }) => p.sku)).toEqual([
      "FEED-4",
      "FEED-5",
      "FEED-6",
      "FEED-2",
    ]);
  });

  it("does not repeat a product changed during a walk; the next poll returns it", async () => {
    const { key: fresh } = await createTenant("Walk");
    for (let i = 0; i < 4; i++)
      await call("POST", "/v1/products", { key: fresh, body: { sku: `W-${i}`, name: `W ${i}` } });
    const first = await call("GET", "/v1/products?limit=2", { key: fresh });
    expect(first.body.data.map((p: { sku: string }) => p.sku)).toEqual(["W-0", "W-1"]);
    await call("PATCH", "/v1/products/W-0", { key: fresh, body: { name: "changed mid-walk" } });
    const rest = await call(
      "GET",
      `/v1/products?limit=2&cursor=${first.body.pagination.next_cursor}`,
      { key: fresh },
    );
    expect(rest.body.data.map((p: { sku: string }) => p.sku)).toEqual(["W-2", "W-3"]);
    expect(rest.body.pagination.has_more).toBe(false);
    const mark = rest.body.data[1].updated_at;
    const next = await call("GET", `/v1/products?updated_since=${mark}`, { key: fresh });
    expect(next.body.data.map((p: { sku: string; name: string }) => [p.sku, p.name])).toEqual([
      ["W-3", "W 3"],
      ["W-0", "changed mid-walk"],
    ]);
  });
});
