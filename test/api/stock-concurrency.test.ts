import { describe, expect, it } from "vitest";
import { client, ok, succeeded } from "../support/client";
import { adjustStock, merchant, orderBody, stockOf } from "../support/merchant";

const oneUnit = () => orderBody({ items: [{ sku: "HOT-1", quantity: 1 }] });

describe("a hot SKU under concurrent orders", () => {
  it("allocates exactly the stock there is, backorders the rest, and fills the oldest first", async () => {
    const { key } = await merchant({ "HOT-1": 10 });
    const results = await Promise.all(
      Array.from({ length: 30 }, () => client(key).v1.orders.$post({ json: oneUnit() })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const orders = results.filter(succeeded).map((r) => r.body);
    const statuses = orders.map((o) => o.status);
    expect(statuses.filter((s) => s === "received")).toHaveLength(10);
    expect(statuses.filter((s) => s === "backordered")).toHaveLength(20);
    expect(await stockOf(key, "HOT-1")).toEqual({
      warehouse_id: "wh_syd_1",
      on_hand: 10,
      allocated: 10,
      available: 0,
      incoming: 0,
      backordered: 20,
      quarantine: 0,
      damaged: 0,
      expired: 0,
    });

    await adjustStock(key, "HOT-1", 5);
    const after = await Promise.all(
      orders.map((o) => ok(client(key).v1.orders[":id"].$get({ param: { id: o.id } }))),
    );
    const waitedThenFilled = after.filter(
      (o, i) => orders[i]?.status === "backordered" && o.status === "received",
    );
    const stillWaiting = after.filter((o) => o.status === "backordered");
    expect(waitedThenFilled).toHaveLength(5);
    expect(stillWaiting).toHaveLength(15);
    const newestFilled = waitedThenFilled
      .map((o) => o.created_at)
      .sort()
      .at(-1) as string;
    for (const o of stillWaiting) expect(o.created_at >= newestFilled).toBe(true);
    expect(await stockOf(key, "HOT-1")).toMatchObject({
      on_hand: 15,
      allocated: 15,
      available: 0,
      backordered: 15,
    });
  });
});
