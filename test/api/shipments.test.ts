import { describe, expect, it } from "vitest";
import {
  type Api,
  admin,
  client,
  expectError,
  expectStatus,
  ok,
  type QueryOf,
  raw,
  succeeded,
} from "../support/client";
import { bookmarkIn, bookmarkOfToken, TOKEN, tokenOf } from "../support/consistency";
import { merchant, orderBody, othersOf, parcel, ship, stockOf } from "../support/merchant";

const twoLines = () =>
  orderBody({
    items: [
      { sku: "WIDGET-BLUE-M", quantity: 3 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ],
  });

async function readyOrder(stock = { "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 5 }) {
  const tenant = await merchant(stock);
  const order = await ok(client(tenant.key).v1.orders.$post({ json: twoLines() }));
  expect(order.status).toBe("received");
  return { ...tenant, order };
}

describe("POST /v1/ops/shipments", () => {
  it("records a two-parcel shipment in the guide's shape and consumes stock", async () => {
    const { key, order } = await readyOrder();
    const boxes = [
      parcel({
        weight: { value: 1.2, unit: "kg" },
        dimensions: { length: 30, width: 20, height: 10, unit: "cm" },
      }),
      parcel(),
    ];
    const res = await client(key).v1.ops.shipments.$post({
      json: {
        order_id: order.id,
        parcels: boxes,
        items: [{ sku: "WIDGET-BLUE-M", quantity: 2 }],
        cost: { amount: "12.40", currency: "AUD" },
        shipped_at: "2026-07-02T22:04:11Z",
      },
      header: { "idempotency-key": crypto.randomUUID() },
    });
    expectStatus(res, 201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^shp_[A-Za-z0-9]{22}$/),
      order_id: order.id,
      order_number: order.order_number,
      status: "shipped",
      warehouse_id: "wh_syd_1",
      shipped_at: "2026-07-02T22:04:11.000Z",
      created_at: expect.stringMatching(/Z$/),
      updated_at: res.body.created_at,
      cost: { amount: "12.40", currency: "AUD" },
      voided: false,
      // No carrier scan yet: each parcel's tracking is empty.
      parcels: boxes.map((box) => ({
        ...box,
        status: null,
        estimated_delivery: null,
        proof_of_delivery: null,
        tracking_events: [],
      })),
      items: [
        {
          order_line_id: expect.stringMatching(/^li_/),
          line_id: null,
          sku: "WIDGET-BLUE-M",
          quantity: 2,
          serials: [],
          lots: [],
        },
      ],
      status_history: [{ status: "shipped", occurred_at: "2026-07-02T22:04:11.000Z" }],
      version: "1",
      archived: false,
    });
    expect(
      (await client(key).v1.shipments[":id"].$get({ param: { id: res.body.id } })).body,
    ).toEqual(res.body);
    const after = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(after.status).toBe("partially_shipped");
    expect(after.shipments).toEqual([res.body]);
    expect(after.items[0]).toMatchObject({ shipped_quantity: 2, allocated_quantity: 1 });
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({
      on_hand: 8,
      allocated: 1,
      available: 7,
    });
  });

  it("moves partially_shipped then shipped, then refuses cancel with already_shipped", async () => {
    const { key, order } = await readyOrder();
    await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 3 }]);
    expect((await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }))).status).toBe(
      "partially_shipped",
    );
    expectError(
      await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id } }),
      409,
      "already_shipped",
    );
    await ship(key, order.id, [{ sku: "WIDGET-RED-S", quantity: 1 }]);
    const done = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(done.status).toBe("shipped");
    expect(done.shipments).toHaveLength(2);
    // Everything left the shelf: fulfilled, nothing held, waiting or backordered.
    expect(done.allocation_status).toBe("fulfilled");
    for (const item of done.items) {
      expect(item).toMatchObject({ allocation_status: "fulfilled", allocated_quantity: 0 });
      expect(item.shipped_quantity).toBe(item.quantity);
    }
    const cancel = await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id } });
    expect(expectError(cancel, 409, "already_shipped").order_status).toBe("shipped");
    expectError(
      await client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { packing_note: "x" },
      }),
      409,
      "too_late_to_amend",
    );
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({
      on_hand: 7,
      allocated: 0,
      available: 7,
    });
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({ on_hand: 4, allocated: 0 });
  });

  it("refuses an order id this API never issued, a slash in it included, and answers no 5xx", async () => {
    const { key } = await readyOrder();
    for (const orderId of ["/", "ord_abc/def", "ten_x//y", "not-an-order"]) {
      const res = await client(key).v1.ops.shipments.$post({
        json: {
          order_id: orderId,
          parcels: [parcel()],
          items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
        },
      });
      expectError(res, 422, "unknown_order", "order_id");
    }
    const amend = await raw("PATCH", `/v1/orders/${encodeURIComponent("ord_a/b")}`, {
      key,
      json: { packing_note: "x" },
    });
    expectError(amend, 404, "not_found");
  });

  it("adds up lines of one SKU into one shipment item", async () => {
    const { key, order } = await readyOrder();
    const shipped = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", quantity: 1 },
      { sku: "WIDGET-RED-S", quantity: 1 },
      { sku: "WIDGET-BLUE-M", quantity: 2 },
    ]);
    expect(shipped.items.map((i) => [i.sku, i.quantity])).toEqual([
      ["WIDGET-BLUE-M", 3],
      ["WIDGET-RED-S", 1],
    ]);
  });

  it("422s over-shipping, a sku not on the order, no parcels and repeated tracking numbers", async () => {
    const { key, order } = await readyOrder();
    await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 2 }]);
    const over = await client(key).v1.ops.shipments.$post({
      json: {
        order_id: order.id,
        parcels: [parcel()],
        items: [{ sku: "WIDGET-BLUE-M", quantity: 2 }],
      },
    });
    expect(expectError(over, 422, "over_shipment", "items[0].quantity").remaining).toBe(1);
    expectError(
      await client(key).v1.ops.shipments.$post({
        json: {
          order_id: order.id,
          parcels: [parcel()],
          items: [{ sku: "GADGET-PRO", quantity: 1 }],
        },
      }),
      422,
      "sku_not_in_order",
      "items[0].sku",
    );
    expectError(
      await client(key).v1.ops.shipments.$post({
        json: { order_id: order.id, parcels: [], items: [{ sku: "WIDGET-RED-S", quantity: 1 }] },
      }),
      422,
      "validation_error",
      "parcels",
    );
    const same = parcel();
    expectError(
      await client(key).v1.ops.shipments.$post({
        json: {
          order_id: order.id,
          parcels: [same, { ...same }],
          items: [{ sku: "WIDGET-RED-S", quantity: 1 }],
        },
      }),
      422,
      "validation_error",
      "parcels[1].tracking_number",
    );
    expectError(
      await client(key).v1.ops.shipments.$post({
        json: {
          order_id: "ord_nope",
          parcels: [parcel()],
          items: [{ sku: "WIDGET-RED-S", quantity: 1 }],
        },
      }),
      422,
      "unknown_order",
      "order_id",
    );
    expect(
      (await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }))).shipments,
    ).toHaveLength(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 8, allocated: 1 });
  });

  it("409s shipping a cancelled, held or backordered order", async () => {
    const { key, order } = await readyOrder();
    await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id } });
    const res = await client(key).v1.ops.shipments.$post({
      json: {
        order_id: order.id,
        parcels: [parcel()],
        items: [{ sku: "WIDGET-RED-S", quantity: 1 }],
      },
    });
    expect(expectError(res, 409, "order_cancelled").order_status).toBe("cancelled");
    const waiting = await ok(
      client(key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "WIDGET-RED-S", quantity: 50 }] }),
      }),
    );
    expectError(
      await client(key).v1.ops.shipments.$post({
        json: {
          order_id: waiting.id,
          parcels: [parcel()],
          items: [{ sku: "WIDGET-RED-S", quantity: 1 }],
        },
      }),
      409,
      "not_allocated",
    );
  });

  it("is idempotent with Idempotency-Key, even under concurrent retries", async () => {
    const { key, order } = await readyOrder();
    const body = {
      order_id: order.id,
      parcels: [parcel()],
      items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
    };
    const headers = { "idempotency-key": crypto.randomUUID() };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        client(key).v1.ops.shipments.$post({ json: body, header: headers }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === 200)
        .every((r) => r.headers.get("idempotent-replayed") === "true"),
    ).toBe(true);
    expect(new Set(results.filter(succeeded).map((r) => r.body.id)).size).toBe(1);
    expect(
      (await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }))).shipments,
    ).toHaveLength(1);
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 9, allocated: 2 });
    const reused = await client(key).v1.ops.shipments.$post({
      json: { ...body, parcels: [parcel()] },
      header: headers,
    });
    expectError(reused, 422, "idempotency_key_reused", "Idempotency-Key");
  });
});

describe("shipment status and void", () => {
  it("moves through carrier statuses, never out of delivered, and shows up in the next poll", async () => {
    const { key, order } = await readyOrder();
    const shipment = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", quantity: 3 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ]);
    const mark = shipment.updated_at;
    const moved = await client(key).v1.ops.shipments[":id"].status.$post({
      param: { id: shipment.id },
      json: { status: "in_transit", occurred_at: "2026-07-03T01:00:00Z" },
    });
    expectStatus(moved, 200);
    expect(moved.body).toMatchObject({ status: "in_transit", version: "2" });
    expect(moved.body.updated_at > mark).toBe(true);
    expect(moved.body.status_history.at(-1)).toEqual({
      status: "in_transit",
      occurred_at: "2026-07-03T01:00:00.000Z",
    });
    const poll = await client(key).v1.shipments.$get({ query: { updated_since: mark } });
    expect(poll.body.data.map((s) => [s.id, s.status])).toEqual([[shipment.id, "in_transit"]]);

    await client(key).v1.ops.shipments[":id"].status.$post({
      param: { id: shipment.id },
      json: { status: "exception", note: "Damaged label" },
    });
    await client(key).v1.ops.shipments[":id"].status.$post({
      param: { id: shipment.id },
      json: { status: "out_for_delivery" },
    });
    const delivered = await ok(
      client(key).v1.ops.shipments[":id"].status.$post({
        param: { id: shipment.id },
        json: { status: "delivered" },
      }),
    );
    expect(delivered.status_history.map((h) => h.status)).toEqual([
      "shipped",
      "in_transit",
      "exception",
      "out_for_delivery",
      "delivered",
    ]);
    const again = await ok(
      client(key).v1.ops.shipments[":id"].status.$post({
        param: { id: shipment.id },
        json: { status: "delivered" },
      }),
    );
    expect(again.version).toBe(delivered.version);
    expectError(
      await client(key).v1.ops.shipments[":id"].status.$post({
        param: { id: shipment.id },
        json: { status: "in_transit" },
      }),
      409,
      "already_delivered",
    );
    expectError(
      await client(key).v1.ops.shipments[":id"].void.$post({ param: { id: shipment.id } }),
      409,
      "already_delivered",
    );
    expectError(
      await raw("POST", `/v1/ops/shipments/${shipment.id}/status`, {
        key,
        json: { status: "voided" },
      }),
      422,
      "validation_error",
      "status",
    );
    expect(
      (await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }))).shipments[0]
        ?.status,
    ).toBe("delivered");
  });

  it("void keeps the row, returns stock to allocated and recomputes the order", async () => {
    const { key, order } = await readyOrder();
    const first = await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 3 }]);
    const second = await ship(key, order.id, [{ sku: "WIDGET-RED-S", quantity: 1 }]);
    expect((await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }))).status).toBe(
      "shipped",
    );

    const voided = await client(key).v1.ops.shipments[":id"].void.$post({
      param: { id: second.id },
    });
    expectStatus(voided, 200);
    expect(voided.body).toMatchObject({
      id: second.id,
      status: "voided",
      voided: true,
      version: "2",
    });
    expect(await stockOf(key, "WIDGET-RED-S")).toMatchObject({
      on_hand: 5,
      allocated: 1,
      available: 4,
    });
    const order1 = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(order1.status).toBe("partially_shipped");
    expect(order1.shipments.map((s) => [s.id, s.voided])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    expect(
      (await ok(client(key).v1.ops.shipments[":id"].void.$post({ param: { id: second.id } })))
        .version,
    ).toBe("2");

    await client(key).v1.ops.shipments[":id"].void.$post({ param: { id: first.id } });
    expect((await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }))).status).toBe(
      "processing",
    );
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ on_hand: 10, allocated: 3 });
    const reship = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", quantity: 3 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ]);
    expect(reship.status).toBe("shipped");
    expect((await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }))).status).toBe(
      "shipped",
    );
  });
});

describe("GET /v1/shipments", () => {
  it("filters by order_id and status and pages by cursor", async () => {
    const { key, order } = await readyOrder();
    const other = await ok(client(key).v1.orders.$post({ json: twoLines() }));
    const a = await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 1 }]);
    const b = await ship(key, other.id, [{ sku: "WIDGET-BLUE-M", quantity: 1 }]);
    const c = await ship(key, order.id, [{ sku: "WIDGET-RED-S", quantity: 1 }]);
    await client(key).v1.ops.shipments[":id"].void.$post({ param: { id: c.id } });
    const ids = async (query: QueryOf<Api["v1"]["shipments"]["$get"]> = {}) =>
      (await ok(client(key).v1.shipments.$get({ query }))).data.map((s) => s.id);
    expect(await ids({ order_id: order.id })).toEqual([a.id, c.id]);
    expect(await ids({ status: "voided" })).toEqual([c.id]);
    expect(await ids()).toEqual([a.id, b.id, c.id]);
    const first = await client(key).v1.shipments.$get({ query: { limit: "2" } });
    expect(first.body.pagination.has_more).toBe(true);
    const rest = await client(key).v1.shipments.$get({
      query: { limit: "2", cursor: first.body.pagination.next_cursor ?? undefined },
    });
    expect(rest.body.data.map((s) => s.id)).toEqual([c.id]);
    expect(rest.body.pagination).toEqual({ next_cursor: null, has_more: false });
  });

  /*
   * Each read runs in a D1 session (replicas, when the database has them): every page names
   * the state it read, its cursor carries it, and the next page starts from it. The second
   * poller also sends each poll's last token with its next poll, so no read steps back.
   */
  it.each([
    ["on its cursors alone", false],
    ["sending back each consistency token", true],
  ])(
    "a poller following the guide's loop ends with exactly the written set while 120 shipments are written, %s",
    async (_, sendToken) => {
      const { key } = await merchant({ "WIDGET-BLUE-M": 1000 });
      const orderIds: string[] = [];
      for (let i = 0; i < 12; i++) {
        const o = await ok(
          client(key).v1.orders.$post({
            json: orderBody({ items: [{ sku: "WIDGET-BLUE-M", quantity: 10 }] }),
          }),
        );
        orderIds.push(o.id);
      }
      const written = new Set<string>();
      let writing = true;
      const writers = orderIds.map(async (orderId) => {
        for (let i = 0; i < 10; i++) {
          const s = await client(key).v1.ops.shipments.$post({
            json: {
              order_id: orderId,
              parcels: [parcel()],
              items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
            },
          });
          expectStatus(s, 201);
          written.add(s.body.id);
        }
      });
      const done = Promise.all(writers).then(() => {
        writing = false;
      });

      const seen = new Set<string>();
      // From before anything was written, and inside the hot window a list covers.
      let mark = new Date(Date.now() - 86_400_000).toISOString();
      let sent: string | undefined;
      for (;;) {
        const finalPass = !writing;
        let cursor: string | null = null;
        const walk = new Set<string>();
        do {
          const res = await client(key).v1.shipments.$get(
            { query: { updated_since: mark, limit: 25, cursor: cursor ?? undefined } },
            sendToken && sent ? { headers: { [TOKEN]: sent } } : undefined,
          );
          expectStatus(res, 200);
          const reached = await tokenOf(res);
          // Never older than what the request asked for: its cursor's page, or the token sent.
          if (cursor) expect(reached >= (await bookmarkIn(cursor))).toBe(true);
          if (sendToken && sent) expect(reached >= (await bookmarkOfToken(sent))).toBe(true);
          sent = res.headers.get(TOKEN) ?? undefined;
          for (const s of res.body.data) {
            expect(walk.has(s.id), "an id repeated within one cursor walk").toBe(false);
            walk.add(s.id);
            seen.add(s.id);
            if (s.updated_at > mark) mark = s.updated_at;
          }
          cursor = res.body.pagination.next_cursor;
          expect(res.body.pagination.has_more).toBe(cursor !== null);
          if (cursor) expect(await bookmarkIn(cursor)).toBe(reached);
        } while (cursor);
        if (finalPass) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await done;
      expect(written.size).toBe(120);
      expect([...seen].sort()).toEqual([...written].sort());
    },
  );
});

describe("tenant isolation", () => {
  it("hides shipments from other tenants on every route, on its shard or another", async () => {
    const { key, order, shard } = await readyOrder();
    const shipment = await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 1 }]);
    const others = await othersOf(shard);
    expect(others.map((o) => o.shard === shard)).toEqual([true, false]);
    for (const other of others) {
      expectError(
        await client(other.key).v1.shipments[":id"].$get({ param: { id: shipment.id } }),
        404,
        "not_found",
      );
      expect((await ok(client(other.key).v1.shipments.$get())).data).toEqual([]);
      expect(
        (await ok(client(other.key).v1.shipments.$get({ query: { order_id: order.id } }))).data,
      ).toEqual([]);
      expectError(
        await client(other.key).v1.ops.shipments[":id"].status.$post({
          param: { id: shipment.id },
          json: { status: "in_transit" },
        }),
        404,
        "not_found",
      );
      expectError(
        await client(other.key).v1.ops.shipments[":id"].void.$post({ param: { id: shipment.id } }),
        404,
        "not_found",
      );
      expectError(
        await client(other.key).v1.ops.shipments.$post({
          json: {
            order_id: order.id,
            parcels: [parcel()],
            items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
          },
        }),
        422,
        "unknown_order",
        "order_id",
      );
    }
    expect(
      (await ok(client(key).v1.shipments[":id"].$get({ param: { id: shipment.id } }))).status,
    ).toBe("shipped");
  });

  it("needs shipments:read to read and warehouse:operate to ship", async () => {
    const { key, tenantId, order } = await readyOrder();
    const reader = await admin.tenants[":id"]["api-keys"].$post({
      param: { id: tenantId },
      json: { scopes: ["orders:read"] },
    });
    expectError(await client(reader.body.key).v1.shipments.$get(), 403, "insufficient_scope");
    expectError(
      await client(reader.body.key).v1.ops.shipments.$post({
        json: {
          order_id: order.id,
          parcels: [parcel()],
          items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
        },
      }),
      403,
      "insufficient_scope",
    );
    const platform = await admin["api-keys"].$post({ json: {} });
    const shipped = await client(platform.body.key).v1.ops.shipments.$post({
      json: {
        order_id: order.id,
        parcels: [parcel()],
        items: [{ sku: "WIDGET-BLUE-M", quantity: 1 }],
      },
    });
    expectStatus(shipped, 201);
    expect(
      (await client(key).v1.shipments[":id"].$get({ param: { id: shipped.body.id } })).status,
    ).toBe(200);
  });
});

describe("a line's allocation once it ships", () => {
  it("reads fulfilled once all its units left, and a partial shipment keeps the rest allocated", async () => {
    const { key, order } = await readyOrder();
    await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", quantity: 1 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ]);
    const partial = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(partial.status).toBe("partially_shipped");
    expect(partial.items.map((i) => [i.sku, i.allocation_status, i.allocated_quantity])).toEqual([
      ["WIDGET-BLUE-M", "allocated", 2],
      ["WIDGET-RED-S", "fulfilled", 0],
    ]);
    // What is left to ship is all allocated: the order reads allocated, not fulfilled.
    expect(partial.allocation_status).toBe("allocated");
    expect(await stockOf(key, "WIDGET-BLUE-M")).toMatchObject({ allocated: 2 });
    // The event carries the same view as the read.
    const updates = await ok(client(key).v1.events.$get({ query: { type: "order.updated" } }));
    expect(updates.data.at(-1)?.data).toMatchObject({
      version: partial.version,
      allocation_status: "allocated",
      items: partial.items,
    });

    await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 2 }]);
    const done = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(done.status).toBe("shipped");
    expect(done.allocation_status).toBe("fulfilled");
    expect(done.items.map((i) => [i.allocation_status, i.allocated_quantity])).toEqual([
      ["fulfilled", 0],
      ["fulfilled", 0],
    ]);
  });
});

describe("shipment events", () => {
  it("writes shipment.created, shipment.updated and order.updated with the full objects", async () => {
    const { key, order } = await readyOrder();
    const events = async (type: "shipment.created" | "shipment.updated" | "order.updated") =>
      (await ok(client(key).v1.events.$get({ query: { type, limit: 200 } }))).data;
    const shipment = await ship(key, order.id, [
      { sku: "WIDGET-BLUE-M", quantity: 3 },
      { sku: "WIDGET-RED-S", quantity: 1 },
    ]);
    expect((await events("shipment.created")).map((e) => e.data)).toEqual([shipment]);
    const orderUpdates = (await events("order.updated")).map((e) => e.data);
    const afterShip = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(orderUpdates.at(-1)).toEqual(afterShip);
    expect(afterShip).toMatchObject({ status: "shipped", shipments: [shipment] });

    const moved = await ok(
      client(key).v1.ops.shipments[":id"].status.$post({
        param: { id: shipment.id },
        json: { status: "in_transit" },
      }),
    );
    const voided = await ok(
      client(key).v1.ops.shipments[":id"].void.$post({ param: { id: shipment.id } }),
    );
    expect((await events("shipment.updated")).map((e) => e.data)).toEqual([moved, voided]);
    expect(voided).toMatchObject({ status: "voided", voided: true, version: "3" });
    const last = (await events("order.updated")).at(-1)?.data;
    expect(last).toEqual(
      (await client(key).v1.orders[":id"].$get({ param: { id: order.id } })).body,
    );
    expect(last).toMatchObject({ status: "processing" });
  });
});
