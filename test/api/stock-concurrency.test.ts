import { describe, expect, it } from "vitest";
import { adjustStock, call, merchant, orderBody, stockOf } from "../support/helpers";

const oneUnit = () => orderBody({ items: [{ sku: "HOT-1", quantity: 1 }] });

describe("a hot SKU under concurrent orders", () => {
  it("allocates exactly the stock there is, backorders the rest, and fills the oldest first", async () => {
    const { key } = await merchant({ "HOT-1": 10 });
    const results = await Promise.all(
      Array.from({ length: 30 }, () => call("POST", "/v1/orders", { key, body: oneUnit() })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === "received")).toHaveLength(10);
    expect(statuses.filter((s) => s === "backordered")).toHaveLength(20);
    expect(await stockOf(key, "HOT-1")).toEqual({
      warehouse_id: "wh_syd_1",
      on_hand: 10,
      allocated: 10,
      available: 0,
      incoming: 0,
      backordered: 20,
    });

    await adjustStock(key, "HOT-1", 5);
    const after = await Promise.all(
      results.map((r) => call("GET", `/v1/orders/${r.body.id}`, { key })),
    );
    const waitedThenFilled = after.filter(
      (o, i) => results[i]?.body.status === "backordered" && o.body.status === "received",
    );
    const stillWaiting = after.filter((o) => o.body.status === "backordered");
    expect(waitedThenFilled).toHaveLength(5);
    expect(stillWaiting).toHaveLength(15);
    const newestFilled = waitedThenFilled
      .map((o) => o.body.created_at as string)
      .sort()
      .at(-1) as string;
    for (const o of stillWaiting) expect(o.body.created_at >= newestFilled).toBe(true);
    expect(await stockOf(key, "HOT-1")).toMatchObject({
      on_hand: 15,
      allocated: 15,
      available: 0,
      backordered: 15,
    });
  });
});
