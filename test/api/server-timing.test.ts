import { describe, expect, it } from "vitest";
import { client, expectStatus, raw } from "../support/client";
import { merchant, orderBody, stockOf } from "../support/merchant";

/** `Server-Timing` as a map of metric → { dur, desc }. */
function timing(header: string | null) {
  expect(header).toBeTruthy();
  return Object.fromEntries(
    (header ?? "").split(",").map((entry) => {
      const [name, ...params] = entry.trim().split(";");
      const fields = Object.fromEntries(params.map((p) => p.split("=") as [string, string]));
      return [
        name,
        {
          dur: fields.dur === undefined ? undefined : Number(fields.dur),
          desc: fields.desc?.replaceAll('"', ""),
        },
      ];
    }),
  );
}

describe("Server-Timing", () => {
  it("reports total time and D1, Durable Object and KV calls on every API response", async () => {
    const { key } = await merchant({ "ST-A": 5, "ST-B": 5 });
    for (const res of [
      await client(key).v1.warehouses.$get(),
      await raw("GET", "/v1/nope", { key }),
      await client().health.$get(),
    ]) {
      const t = timing(res.headers.get("server-timing"));
      expect(Object.keys(t)).toEqual([
        "total",
        "d1",
        "d1-statements",
        "d1-rounds",
        "d1-db",
        "d1-rows-read",
        "d1-rows-written",
        "do",
        "kv",
      ]);
      expect(t.total?.dur).toBeGreaterThanOrEqual(0);
    }
  });

  it("counts the D1 work a create does inside its objects: three round trips on the response path", async () => {
    const { key } = await merchant({ "ST-A": 5, "ST-B": 5 });
    const res = await client(key).v1.orders.$post({
      json: orderBody({
        items: [
          { sku: "ST-A", quantity: 1 },
          { sku: "ST-B", quantity: 1 },
        ],
      }),
      header: { "idempotency-key": crypto.randomUUID() },
    });
    expectStatus(res, 201);
    const t = timing(res.headers.get("server-timing"));
    // The claim batch, the two stock rows' commits (in parallel), the order's own batch.
    expect(Number(t["d1-rounds"]?.desc)).toBe(3);
    expect(Number(t["d1-statements"]?.desc)).toBeLessThanOrEqual(16);
    expect(Number(t.do?.desc?.split(" ")[0])).toBeGreaterThanOrEqual(4);
    expect(t.d1?.dur).toBeGreaterThan(0);
    // D1's own row counts: the order, its lines, history, events, stock rows, the claim.
    expect(Number(t["d1-rows-written"]?.desc)).toBeGreaterThanOrEqual(8);
    expect(Number(t["d1-rows-read"]?.desc)).toBeGreaterThan(0);
    const read = await client(key).v1.orders[":id"].$get({ param: { id: res.body.id } });
    expect(timing(read.headers.get("server-timing"))["d1-rows-written"]?.desc).toBe("0");
  });

  it("commits a multi-line change's stock through the warehouse's writer, and a one-line change's directly", async () => {
    const skus = Array.from({ length: 12 }, (_, i) => `ST-W-${i}`);
    const { key } = await merchant(Object.fromEntries(skus.map((sku) => [sku, 5])));
    const api = client(key).v1;
    const calls = (res: { headers: Headers }, metric: "d1" | "do") =>
      Number(timing(res.headers.get("server-timing"))[metric]?.desc?.split(" ")[0]);
    const one = await api.orders.$post({
      json: orderBody({ items: [{ sku: "ST-W-0", quantity: 1 }] }),
    });
    expectStatus(one, 201);
    const items = (quantity: number) => skus.map((sku) => ({ sku, quantity }));
    const created = await api.orders.$post({ json: orderBody({ items: items(1) }) });
    expectStatus(created, 201);
    const amended = await api.orders[":id"].$patch({
      param: { id: created.body.id },
      json: { items: items(2) },
    });
    expectStatus(amended, 200);
    const cancelled = await api.orders[":id"].cancel.$post({ param: { id: created.body.id } });
    expectStatus(cancelled, 200);
    // A lone line calls its stock object, which commits to D1 itself; every line of a
    // multi-line change calls its stock object, and that object calls the writer for its
    // commit (and for its first read of the row, if it was not running). How many D1 batches
    // the writer made of them depends on when they arrived: test/durable/stock-writer.test.ts
    // holds what arrives together to one, and the bench counts a 500-line order's.
    expect(calls(one, "do")).toBe(3);
    for (const res of [created, amended, cancelled]) {
      expect(calls(res, "do")).toBeGreaterThanOrEqual(2 + 2 * skus.length);
    }
    expect(cancelled.body.status).toBe("cancelled");
    for (const sku of skus.slice(1)) {
      expect(await stockOf(key, sku)).toMatchObject({ on_hand: 5, allocated: 0 });
    }
    expect(await stockOf(key, "ST-W-0")).toMatchObject({ on_hand: 5, allocated: 1 });
  });
});
