import { describe, expect, it } from "vitest";
import { cursorToken } from "../../src/lib/cursor";
import { client, expectStatus, ok } from "../support/client";
import { adjustStock, merchant, orderBody } from "../support/merchant";
import { publishStock } from "../support/stock";

/*
 * Nothing a tenant sees (cursor, version, sequence) may move because another tenant
 * wrote: feed sequences count per tenant, and positions in shared logs are row ids. A
 * cursor also carries a consistency token, sealed afresh on every response, so it is the
 * position inside the cursor that must stay still.
 */

/** The position a cursor names, without its sealed consistency token. */
function positionIn(cursor: string | null) {
  expect(cursorToken(cursor ?? undefined)).toMatch(/^[A-Za-z0-9_-]+$/);
  const { b: _, ...position } = JSON.parse(
    atob((cursor ?? "").replaceAll("-", "+").replaceAll("_", "/")),
  ) as Record<string, unknown>;
  return position;
}

/** Where the first page's cursor of each feed the tenant reads points, one row a page. */
async function firstPageCursors(key: string) {
  const api = client(key).v1;
  const query = { limit: 1 };
  const pages = await Promise.all([
    api.products.$get({ query }),
    api.inventory.$get({ query }),
    api["inventory-adjustments"].$get({ query }),
    api.events.$get({ query }),
    api.orders.$get({ query }),
  ]);
  return pages.map((res) => {
    expectStatus(res, 200);
    expect(res.body.pagination.has_more).toBe(true);
    return positionIn(res.body.pagination.next_cursor);
  });
}

describe("per-tenant sequences", () => {
  it("keeps one tenant's cursors and versions still while another writes", async () => {
    const a = await merchant({ "SEQ-A1": 5, "SEQ-A2": 5 });
    const b = await merchant({ "SEQ-B": 5 });
    const order = await client(a.key).v1.orders.$post({
      json: orderBody({ items: [{ sku: "SEQ-A1", quantity: 1 }] }),
    });
    await client(a.key).v1.orders.$post({
      json: orderBody({ items: [{ sku: "SEQ-A2", quantity: 1 }] }),
    });
    // What a owes its feed is published now, not by an alarm in the middle of b's writes.
    await publishStock(a.tenantId);
    const before = await firstPageCursors(a.key);
    const versions = async () =>
      (await ok(client(a.key).v1.inventory.$get())).data.map((r) => Number(r.version));
    const newest = Math.max(...(await versions()));

    for (let i = 0; i < 5; i++) {
      await adjustStock(b.key, "SEQ-B", 1);
      await client(b.key).v1.products.$post({ json: { sku: `SEQ-B-${i}`, name: "b" } });
      await client(b.key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "SEQ-B", quantity: 1 }] }),
      });
    }

    expect(await firstPageCursors(a.key)).toEqual(before);
    await adjustStock(a.key, "SEQ-A1", 1);
    await publishStock(a.tenantId);
    // The tenant's own sequence moves by exactly its own write.
    expect(Math.max(...(await versions()))).toBe(newest + 1);
    expectStatus(order, 201);
  });
});
