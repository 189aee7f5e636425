import { describe, expect, it } from "vitest";
import {
  adjustStock,
  admin,
  call,
  expectError,
  merchant,
  orderBody,
  SHIP_TO,
  stockOf,
} from "./helpers";

/*
 * What an ERP client written from the integration guide alone expects: its words are
 * quoted where a test follows them.
 */

const key = () => ({ "idempotency-key": crypto.randomUUID() });

describe("guide §1: the key and the reference are the dedup anchor", () => {
  it("replays the same key and reference even when the rebuilt body differs; nothing changes", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10 });
    const headers = key();
    const body = orderBody({
      items: [{ sku: "WIDGET-BLUE-M", quantity: 2, unit_price: "19.99", currency: "AUD" }],
    });
    const first = await call("POST", "/v1/orders", { key: apiKey, headers, body });
    expect(first.status).toBe(201);
    // The ERP rebuilt the body for its retry: a fresh order_date, a reformatted price.
    const rebuilt = {
      ...body,
      order_date: "2026-07-03T01:00:00Z",
      items: [{ sku: "WIDGET-BLUE-M", quantity: 2, unit_price: "19.990", currency: "AUD" }],
    };
    const retry = await call("POST", "/v1/orders", { key: apiKey, headers, body: rebuilt });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await stockOf(apiKey, "WIDGET-BLUE-M")).toMatchObject({ allocated: 2 });
  });

  it("refuses the same key with another reference, naming the order the key belongs to", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10 });
    const headers = key();
    const first = await call("POST", "/v1/orders", { key: apiKey, headers, body: orderBody() });
    const other = await call("POST", "/v1/orders", { key: apiKey, headers, body: orderBody() });
    const error = expectError(other, 422, "idempotency_key_reused", "Idempotency-Key");
    expect(error.resource_id).toBe(first.body.id);
    expect(error.message).toContain(first.body.id);
  });
});

describe("guide §1: PATCH leaves unsent fields untouched", () => {
  it("runs the guide's own PATCH example: the address merges, lines keep what is not sent", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 10 });
    const created = await call("POST", "/v1/orders", {
      key: apiKey,
      body: orderBody({
        shipping_method_id: "sm_auspost_parcel",
        items: [
          {
            sku: "WIDGET-BLUE-M",
            description: "Blue Widget — Medium",
            quantity: 2,
            unit_price: "19.99",
            currency: "AUD",
          },
        ],
      }),
    });
    const patched = await call("PATCH", `/v1/orders/${created.body.id}`, {
      key: apiKey,
      headers: { "if-match": `"${created.body.version}"` },
      body: {
        shipping_method_id: "sm_auspost_express",
        ship_to: {
          name: "Jane Doe",
          address1: "456 New Street",
          address2: "Unit 5",
          city: "Sydney",
          state: "NSW",
          postcode: "2010",
          country: "AU",
        },
        items: [
          { sku: "WIDGET-BLUE-M", quantity: 1 },
          { sku: "WIDGET-RED-S", quantity: 3 },
        ],
      },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({
      status: "received",
      version: "2",
      shipping_method_id: "sm_auspost_express",
      ship_to: {
        ...SHIP_TO,
        address1: "456 New Street",
        address2: "Unit 5",
        postcode: "2010",
      },
    });
    expect(patched.body.ship_to).toMatchObject({
      company: SHIP_TO.company,
      email: SHIP_TO.email,
      phone: SHIP_TO.phone,
    });
    expect(patched.body.items).toEqual([
      expect.objectContaining({
        sku: "WIDGET-BLUE-M",
        quantity: 1,
        description: "Blue Widget — Medium",
        unit_price: "19.99",
        currency: "AUD",
      }),
      expect.objectContaining({
        sku: "WIDGET-RED-S",
        quantity: 3,
        description: null,
        unit_price: null,
      }),
    ]);

    const cleared = await call("PATCH", `/v1/orders/${created.body.id}`, {
      key: apiKey,
      body: {
        ship_to: { company: null, phone: null },
        items: [
          { sku: "WIDGET-BLUE-M", quantity: 1, description: null },
          { sku: "WIDGET-RED-S", quantity: 3, unit_price: "5.00", currency: "AUD" },
        ],
      },
    });
    expect(cleared.body.ship_to).toMatchObject({
      company: null,
      phone: null,
      email: SHIP_TO.email,
    });
    expect(cleared.body.items[0]).toMatchObject({ description: null, unit_price: "19.99" });
    expect(cleared.body.items[1]).toMatchObject({ unit_price: "5.00", currency: "AUD" });
    expectError(
      await call("PATCH", `/v1/orders/${created.body.id}`, {
        key: apiKey,
        // The line keeps its price "5.00" but loses its currency: a price needs one.
        body: { items: [{ sku: "WIDGET-RED-S", quantity: 3, currency: null }] },
      }),
      422,
      "validation_error",
      "items[0].currency",
    );
    expectError(
      await call("PATCH", `/v1/orders/${created.body.id}`, {
        key: apiKey,
        body: { ship_to: { name: null } },
      }),
      422,
      "validation_error",
      "ship_to.name",
    );
  });
});

describe("guide §1: a free-text shipping method as a fallback", () => {
  it("matches a name, a service code or an alias case-insensitively, and lists the names on a miss", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10 });
    for (const text of ["Express", "express post", "EXP", "auspost express"]) {
      const res = await call("POST", "/v1/orders", {
        key: apiKey,
        body: orderBody({ shipping_method_id: undefined, shipping_method: text }),
      });
      expect(res.status, text).toBe(201);
      expect(res.body).toMatchObject({
        shipping_method_id: "sm_auspost_express",
        shipping_method: "Express Post",
      });
    }
    const miss = expectError(
      await call("POST", "/v1/orders", {
        key: apiKey,
        body: orderBody({ shipping_method_id: undefined, shipping_method: "Teleport" }),
      }),
      422,
      "invalid_shipping_method",
      "shipping_method",
    );
    expect(miss.message).toContain("'Express Post'");
    expect(miss.message).toContain("'Parcel Post'");
  });

  it("lets operators manage aliases, and refuses a name two methods answer to", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10 });
    const updated = await admin("PATCH", "/shipping-methods/sm_auspost_parcel", {
      aliases: ["Economy", "Slow boat"],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.aliases).toEqual(["Economy", "Slow boat"]);
    const byAlias = await call("POST", "/v1/orders", {
      key: apiKey,
      body: orderBody({ shipping_method_id: undefined, shipping_method: "slow BOAT" }),
    });
    expect(byAlias.body.shipping_method_id).toBe("sm_auspost_parcel");
    await admin("POST", "/shipping-methods", {
      id: "sm_other_express",
      name: "Other Express",
      carrier: "other",
      service_code: "OX",
      aliases: ["Economy"],
    });
    expectError(
      await call("POST", "/v1/orders", {
        key: apiKey,
        body: orderBody({ shipping_method_id: undefined, shipping_method: "economy" }),
      }),
      422,
      "ambiguous_shipping_method",
      "shipping_method",
    );
    expectError(
      await admin("PATCH", "/shipping-methods/sm_nope", { aliases: [] }),
      404,
      "not_found",
    );
    expectError(
      await admin("PATCH", "/shipping-methods/sm_auspost_parcel", { aliases: ["A", "a"] }),
      422,
      "validation_error",
      "aliases",
    );
  });
});

describe("real catalogs' SKUs", () => {
  it("takes slashes, spaces and plus signs everywhere, percent-encoded in paths", async () => {
    const skus = ["TSHIRT/RED/M", "ABC 123", "KIT+2", "50%OFF", "X%2FY"];
    const { key: apiKey } = await merchant(Object.fromEntries(skus.map((s) => [s, 5])));
    for (const sku of skus) {
      const got = await call("GET", `/v1/products/${encodeURIComponent(sku)}`, { key: apiKey });
      expect(got.status, sku).toBe(200);
      expect(got.body.sku).toBe(sku);
      expect(await stockOf(apiKey, encodeURIComponent(sku))).toMatchObject({ on_hand: 5 });
    }
    // "X/Y" and "X%2FY" are different SKUs with different stock objects.
    await call("POST", "/v1/products", { key: apiKey, body: { sku: "X/Y", name: "x" } });
    await adjustStock(apiKey, "X/Y", 2);
    expect(await stockOf(apiKey, encodeURIComponent("X/Y"))).toMatchObject({ on_hand: 2 });
    expect(await stockOf(apiKey, encodeURIComponent("X%2FY"))).toMatchObject({ on_hand: 5 });
    const order = await call("POST", "/v1/orders", {
      key: apiKey,
      body: orderBody({ items: skus.map((sku) => ({ sku, quantity: 1 })) }),
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body.allocation_status).toBe("allocated");
  });

  it("refuses control characters, a space at either end and more than 100 characters", async () => {
    const { key: apiKey } = await merchant({});
    for (const sku of ["", " LEAD", "TRAIL ", "BELL\u0007", "TAB\tX", "A".repeat(101)]) {
      expectError(
        await call("POST", "/v1/products", { key: apiKey, body: { sku, name: "x" } }),
        422,
        "validation_error",
        "sku",
      );
    }
    const longest = await call("POST", "/v1/products", {
      key: apiKey,
      body: { sku: "B".repeat(100), name: "x" },
    });
    expect(longest.status).toBe(201);
  });
});

describe("every list takes updated_since and a cursor", () => {
  it("pages reference data and accepts a time without fractions or a date alone", async () => {
    const { key: apiKey } = await merchant({});
    const first = await call("GET", "/v1/warehouses?limit=1", { key: apiKey });
    expect(first.body.pagination.has_more).toBe(true);
    const rest = await call(
      "GET",
      `/v1/warehouses?limit=1&cursor=${first.body.pagination.next_cursor}`,
      { key: apiKey },
    );
    expect(rest.body.data[0].id).not.toBe(first.body.data[0].id);
    const newest = rest.body.data[0].updated_at as string;
    const since = await call("GET", `/v1/warehouses?updated_since=${encodeURIComponent(newest)}`, {
      key: apiKey,
    });
    expect(since.body.data.map((w: { id: string }) => w.id)).toContain(rest.body.data[0].id);
    const whole = newest.replace(/\.\d{3}Z$/, "Z");
    expect(
      (await call("GET", `/v1/shipping-methods?updated_since=${whole}`, { key: apiKey })).status,
    ).toBe(200);
    const day = await call("GET", "/v1/warehouses?updated_since=2020-01-01", { key: apiKey });
    expect(day.body.data.length).toBeGreaterThanOrEqual(2);
    expect(
      (await call("GET", "/v1/warehouses?updated_since=2999-01-01", { key: apiKey })).body.data,
    ).toEqual([]);
    expectError(
      await call("GET", "/v1/warehouses?updated_since=yesterday", { key: apiKey }),
      400,
      "invalid_parameter",
      "updated_since",
    );
  });

  it("pages an order's history and a tenant's webhooks", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10 });
    const order = (await call("POST", "/v1/orders", { key: apiKey, body: orderBody() })).body;
    for (const note of ["a", "b", "c"]) {
      await call("PATCH", `/v1/orders/${order.id}`, { key: apiKey, body: { packing_note: note } });
    }
    const page1 = await call("GET", `/v1/orders/${order.id}/history?limit=2`, { key: apiKey });
    expect(page1.body.data.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    const page2 = await call(
      "GET",
      `/v1/orders/${order.id}/history?limit=2&cursor=${page1.body.pagination.next_cursor}`,
      {
        key: apiKey,
      },
    );
    expect(page2.body.data.map((e: { seq: number }) => e.seq)).toEqual([3, 4]);
    expect(page2.body.pagination.has_more).toBe(false);
    const recent = await call(
      "GET",
      `/v1/orders/${order.id}/history?updated_since=${encodeURIComponent(page2.body.data[1].at)}`,
      { key: apiKey },
    );
    expect(recent.body.data.map((e: { seq: number }) => e.seq)).toEqual([4]);
    const hooks = await call("GET", "/v1/webhooks?updated_since=2020-01-01&limit=1", {
      key: apiKey,
    });
    expect(hooks.status).toBe(200);
    expect(hooks.body.pagination).toEqual({ next_cursor: null, has_more: false });
  });
});

describe("guide event catalog: inventory events when stock crosses a threshold", () => {
  it("fires low_stock when available falls below the threshold and restocked when it climbs back", async () => {
    const { key: apiKey } = await merchant({});
    await call("POST", "/v1/products", {
      key: apiKey,
      body: { sku: "LOW-1", name: "Low", low_stock_threshold: 5 },
    });
    await adjustStock(apiKey, "LOW-1", 10);
    const types = async () =>
      (
        (await call("GET", "/v1/events?limit=200", { key: apiKey })).body.data as {
          type: string;
          event_type?: string;
        }[]
      )
        .map((e) => e.event_type ?? e.type)
        .filter((t) => t.startsWith("inventory."));
    const mark = (await types()).length;
    const order = await call("POST", "/v1/orders", {
      key: apiKey,
      body: orderBody({ items: [{ sku: "LOW-1", quantity: 6 }] }),
    });
    expect(order.body.status).toBe("received");
    expect((await types()).slice(mark)).toEqual(["inventory.updated", "inventory.low_stock"]);
    // Available 4 → 5: back at the threshold is no longer below it.
    await adjustStock(apiKey, "LOW-1", 1);
    expect((await types()).slice(mark + 2)).toEqual([
      "inventory.adjusted",
      "inventory.updated",
      "inventory.restocked",
    ]);
    await adjustStock(apiKey, "LOW-1", 2);
    expect((await types()).slice(mark + 5)).toEqual(["inventory.adjusted", "inventory.updated"]);
    const product = await call("PATCH", "/v1/products/LOW-1", {
      key: apiKey,
      body: { low_stock_threshold: null },
    });
    expect(product.body.low_stock_threshold).toBeNull();
  });
});
