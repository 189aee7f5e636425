import { describe, expect, it } from "vitest";
import { call, expectError, merchant, orderBody, stockOf } from "./helpers";

describe("POST /v1/orders", () => {
  it("creates an order in the guide's shape with lines, version and allocation", async () => {
    const { key } = await merchant({ "WIDGET-BLUE-M": 10 });
    const body = orderBody();
    const res = await call("POST", "/v1/orders", { key, body, headers: { "idempotency-key": crypto.randomUUID() } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^ord_[A-Za-z0-9]{20}$/),
      order_number: body.order_number,
      reference: body.reference,
      status: "received",
      warehouse_id: "wh_syd_1",
      shipping_method_id: "sm_auspost_express",
      shipping_method: "Express Post",
      order_date: "2026-07-02T09:15:00.000Z",
      ship_to: body.ship_to,
      items: [
        {
          sku: "WIDGET-BLUE-M",
          description: "Blue Widget — Medium",
          quantity: 2,
          unit_price: "19.99",
          currency: "AUD",
          allocation_status: "allocated",
          allocated_quantity: 2,
        },
      ],
      allocation_status: "allocated",
      version: "1",
      shipments: [],
    });
    expect(res.headers.get("location")).toBe(`/v1/orders/${res.body.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    const got = await call("GET", `/v1/orders/${res.body.id}`, { key });
    expect(got.body).toEqual(res.body);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toEqual({
      warehouse_id: "wh_syd_1",
      on_hand: 10,
      available: 8,
      allocated: 2,
      incoming: 0,
      backordered: 0,
    });
  });
});
