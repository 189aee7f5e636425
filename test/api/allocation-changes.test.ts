import { assert, describe, expect, it } from "vitest";
import { client, expectStatus, ok } from "../support/client";
import { adjustStock, merchant, orderBody, stockOf } from "../support/merchant";

/*
 * Stock that moves between orders: a fill or a release is a change of the order it
 * touches (version, history, event, feed), and no pair of orders can ever wait on each
 * other while stock moves between them.
 */

const lines = (o: { items: { sku: string; allocation_status: string }[] }) =>
  Object.fromEntries(o.items.map((i) => [i.sku, i.allocation_status]));

async function create(key: string, items: { sku: string; quantity: number }[]) {
  const res = await client(key).v1.orders.$post({ json: orderBody({ items }) });
  expectStatus(res, 201);
  return res.body;
}

async function amend(key: string, id: string, items: { sku: string; quantity: number }[]) {
  const res = await client(key).v1.orders[":id"].$patch({ param: { id }, json: { items } });
  expectStatus(res, 200);
  return res.body;
}

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms),
    ),
  ]);

describe("allocation changes", () => {
  it("records a fill of one of two waiting lines as a change: version, history, event, poll", async () => {
    const { key } = await merchant({ "FILL-X": 0, "FILL-Y": 0 });
    const order = await create(key, [
      { sku: "FILL-X", quantity: 2 },
      { sku: "FILL-Y", quantity: 2 },
    ]);
    expect(order).toMatchObject({
      status: "backordered",
      allocation_status: "backordered",
      version: "1",
    });
    const mark = order.updated_at;

    await adjustStock(key, "FILL-X", 2);
    const after = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(after).toMatchObject({
      status: "backordered",
      allocation_status: "partially_allocated",
      version: "2",
    });
    expect(lines(after)).toEqual({ "FILL-X": "allocated", "FILL-Y": "backordered" });
    expect(after.updated_at > mark).toBe(true);

    const history = (
      await ok(client(key).v1.orders[":id"].history.$get({ param: { id: order.id } }))
    ).data;
    expect(history.at(-1)).toMatchObject({
      action: "allocation_changed",
      actor: "system",
      changes: { items: [{ sku: "FILL-X", allocation: { from: "backordered", to: "allocated" } }] },
    });
    const feed = (await ok(client(key).v1.events.$get({ query: { type: "order.updated" } }))).data;
    expect(feed.at(-1)?.data).toEqual(after);
    const polled = (await ok(client(key).v1.orders.$get({ query: { updated_since: mark } }))).data;
    expect(polled.map((o) => [o.id, o.version])).toContainEqual([order.id, "2"]);

    await adjustStock(key, "FILL-Y", 2);
    const filled = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(filled).toMatchObject({
      status: "received",
      allocation_status: "allocated",
      version: "3",
    });
  });

  it("settles crossed amends that free each other's stock, five pairs at once, without waiting forever", async () => {
    const { key } = await merchant({ "CROSS-X": 0, "CROSS-Z": 0 });
    const pairs = await Promise.all(
      Array.from({ length: 5 }, async (_, n) => {
        // Each pair gets its own units of X and Z, so the pairs only race each other.
        await adjustStock(key, "CROSS-X", 5);
        const a = await create(key, [{ sku: "CROSS-X", quantity: 5 }]);
        await adjustStock(key, "CROSS-Z", 5);
        const b = await create(key, [{ sku: "CROSS-Z", quantity: 5 }]);
        return { n, a, b };
      }),
    );
    // A holds all of its X and now waits on Z; B holds all of its Z and waits on X.
    for (const { a, b } of pairs) {
      expect(
        lines(
          await amend(key, a.id, [
            { sku: "CROSS-X", quantity: 5 },
            { sku: "CROSS-Z", quantity: 1 },
          ]),
        ),
      ).toEqual({
        "CROSS-X": "allocated",
        "CROSS-Z": "backordered",
      });
      expect(
        lines(
          await amend(key, b.id, [
            { sku: "CROSS-Z", quantity: 5 },
            { sku: "CROSS-X", quantity: 1 },
          ]),
        ),
      ).toEqual({
        "CROSS-Z": "allocated",
        "CROSS-X": "backordered",
      });
    }
    // Every A frees its X and every B frees its Z, all at the same moment: each release
    // fills a waiting line of an order that is itself busy releasing.
    const crossed = await within(
      20_000,
      Promise.all(
        pairs.flatMap(({ a, b }) => [
          client(key).v1.orders[":id"].$patch({
            param: { id: a.id },
            json: { items: [{ sku: "CROSS-Z", quantity: 1 }] },
          }),
          client(key).v1.orders[":id"].$patch({
            param: { id: b.id },
            json: { items: [{ sku: "CROSS-X", quantity: 1 }] },
          }),
        ]),
      ),
    );
    expect(crossed.map((r) => r.status)).toEqual(Array(10).fill(200));
    const orders = await within(
      10_000,
      Promise.all(
        pairs
          .flatMap(({ a, b }) => [a.id, b.id])
          .map((id) => client(key).v1.orders[":id"].$get({ param: { id } })),
      ),
    );
    for (const o of orders)
      expect(o.body).toMatchObject({ status: "received", allocation_status: "allocated" });
    expect(await stockOf(key, "CROSS-X")).toMatchObject({
      on_hand: 25,
      allocated: 5,
      backordered: 0,
    });
    expect(await stockOf(key, "CROSS-Z")).toMatchObject({
      on_hand: 25,
      allocated: 5,
      backordered: 0,
    });
    // And the orders still answer afterwards.
    const [first] = pairs;
    assert(first);
    const later = await within(
      5_000,
      client(key).v1.orders[":id"].cancel.$post({ param: { id: first.a.id } }),
    );
    expectStatus(later, 200);
  });
});
