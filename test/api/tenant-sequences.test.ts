import { describe, expect, it } from "vitest";
import { adjustStock, call, merchant, orderBody } from "../support/helpers";

/*
 * Nothing a tenant sees (cursor, version, sequence) may move because another tenant
 * wrote: feed sequences count per tenant, and positions in shared logs are row ids.
 */

async function firstPageCursor(key: string, path: string) {
  const res = await call("GET", path, { key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.pagination.has_more).toBe(true);
  return res.body.pagination.next_cursor as string;
}

describe("per-tenant sequences", () => {
  it("keeps one tenant's cursors and versions still while another writes", async () => {
    const a = await merchant({ "SEQ-A1": 5, "SEQ-A2": 5 });
    const b = await merchant({ "SEQ-B": 5 });
    const paths = [
      "/v1/products?limit=1",
      "/v1/inventory?limit=1",
      "/v1/inventory-adjustments?limit=1",
      "/v1/events?limit=1",
    ];
    const order = await call("POST", "/v1/orders", {
      key: a.key,
      body: orderBody({ items: [{ sku: "SEQ-A1", quantity: 1 }] }),
    });
    await call("POST", "/v1/orders", {
      key: a.key,
      body: orderBody({ items: [{ sku: "SEQ-A2", quantity: 1 }] }),
    });
    paths.push("/v1/orders?limit=1");
    const before = await Promise.all(paths.map((p) => firstPageCursor(a.key, p)));
    const versions = async () =>
      ((await call("GET", "/v1/inventory", { key: a.key })).body.data as { version: string }[]).map(
        (r) => Number(r.version),
      );
    const newest = Math.max(...(await versions()));

    for (let i = 0; i < 5; i++) {
      await adjustStock(b.key, "SEQ-B", 1);
      await call("POST", "/v1/products", { key: b.key, body: { sku: `SEQ-B-${i}`, name: "b" } });
      await call("POST", "/v1/orders", {
        key: b.key,
        body: orderBody({ items: [{ sku: "SEQ-B", quantity: 1 }] }),
      });
    }

    expect(await Promise.all(paths.map((p) => firstPageCursor(a.key, p)))).toEqual(before);
    await adjustStock(a.key, "SEQ-A1", 1);
    // The tenant's own sequence moves by exactly its own write.
    expect(Math.max(...(await versions()))).toBe(newest + 1);
    expect(order.status).toBe(201);
  });
});
