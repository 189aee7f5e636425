import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SkuInventory } from "../../src/inventory/inventory.routes";
import { admin, client, expectError, expectStatus, ok, raw } from "../support/client";
import { adjustStock, merchant, orderBody, SHIP_TO, stockOf } from "../support/merchant";
import { publishStock } from "../support/stock";

/*
 * What an ERP client written from the integration guide alone expects: its words are
 * quoted where a test follows them.
 */

const key = () => ({ "idempotency-key": crypto.randomUUID() });

describe("guide §1: the key and the reference are the dedup anchor", () => {
  it("replays the same key and reference even when the rebuilt body differs; nothing changes", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10 });
    const header = key();
    const body = orderBody({
      items: [{ sku: "WIDGET-BLUE-M", quantity: 2, unit_price: "19.99", currency: "AUD" }],
    });
    const first = await client(apiKey).v1.orders.$post({ json: body, header });
    expect(first.status).toBe(201);
    // The ERP rebuilt the body for its retry: a fresh order_date, a reformatted price.
    const rebuilt = {
      ...body,
      order_date: "2026-07-03T01:00:00Z",
      items: [{ sku: "WIDGET-BLUE-M", quantity: 2, unit_price: "19.990", currency: "AUD" }],
    };
    const retry = await client(apiKey).v1.orders.$post({ json: rebuilt, header });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await stockOf(apiKey, "WIDGET-BLUE-M")).toMatchObject({ allocated: 2 });
  });

  it("refuses the same key with another reference, naming the order the key belongs to", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10 });
    const header = key();
    const first = await ok(client(apiKey).v1.orders.$post({ json: orderBody(), header }));
    const other = await client(apiKey).v1.orders.$post({ json: orderBody(), header });
    const error = expectError(other, 422, "idempotency_key_reused", "Idempotency-Key");
    expect(error.resource_id).toBe(first.id);
    expect(error.message).toContain(first.id);
  });
});

describe("guide §1: PATCH leaves unsent fields untouched", () => {
  it("runs the guide's own PATCH example: the address merges, lines keep what is not sent", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10, "WIDGET-RED-S": 10 });
    const orders = client(apiKey).v1.orders;
    const created = await ok(
      orders.$post({
        json: orderBody({
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
      }),
    );
    const param = { id: created.id };
    const patched = await orders[":id"].$patch({
      param,
      header: { "if-match": `"${created.version}"` },
      json: {
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
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({
      status: "received",
      version: "2",
      shipping_method_id: "sm_auspost_express",
      ship_to: {
        ...SHIP_TO,
        phone: "+61400123456",
        address1: "456 New Street",
        address2: "Unit 5",
        postcode: "2010",
      },
    });
    expect(patched.body.ship_to).toMatchObject({
      company: SHIP_TO.company,
      email: SHIP_TO.email,
      phone: "+61400123456",
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

    const cleared = await ok(
      orders[":id"].$patch({
        param,
        json: {
          ship_to: { company: null, phone: null },
          items: [
            { sku: "WIDGET-BLUE-M", quantity: 1, description: null },
            { sku: "WIDGET-RED-S", quantity: 3, unit_price: "5.00", currency: "AUD" },
          ],
        },
      }),
    );
    expect(cleared.ship_to).toMatchObject({
      company: null,
      phone: null,
      email: SHIP_TO.email,
    });
    expect(cleared.items[0]).toMatchObject({ description: null, unit_price: "19.99" });
    expect(cleared.items[1]).toMatchObject({ unit_price: "5.00", currency: "AUD" });
    expectError(
      await orders[":id"].$patch({
        param,
        // The line keeps its price "5.00" but loses its currency: a price needs one.
        json: { items: [{ sku: "WIDGET-RED-S", quantity: 3, currency: null }] },
      }),
      422,
      "validation_error",
      "items[0].currency",
    );
    expectError(
      // The recipient's name cannot be cleared: the schema refuses it.
      await raw("PATCH", `/v1/orders/${created.id}`, {
        key: apiKey,
        json: { ship_to: { name: null } },
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
      const res = await client(apiKey).v1.orders.$post({
        json: orderBody({ shipping_method_id: undefined, shipping_method: text }),
      });
      expect(res.status, text).toBe(201);
      expect(res.body).toMatchObject({
        shipping_method_id: "sm_auspost_express",
        shipping_method: "Express Post",
      });
    }
    const miss = expectError(
      await client(apiKey).v1.orders.$post({
        json: orderBody({ shipping_method_id: undefined, shipping_method: "Teleport" }),
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
    const methods = admin["shipping-methods"];
    const updated = await methods[":id"].$patch({
      param: { id: "sm_auspost_parcel" },
      json: { aliases: ["Economy", "Slow boat"] },
    });
    expectStatus(updated, 200);
    expect(updated.body.aliases).toEqual(["Economy", "Slow boat"]);
    const byAlias = await ok(
      client(apiKey).v1.orders.$post({
        json: orderBody({ shipping_method_id: undefined, shipping_method: "slow BOAT" }),
      }),
    );
    expect(byAlias.shipping_method_id).toBe("sm_auspost_parcel");
    await methods.$post({
      json: {
        id: "sm_other_express",
        name: "Other Express",
        carrier: "other",
        service_code: "OX",
        aliases: ["Economy"],
      },
    });
    expectError(
      await client(apiKey).v1.orders.$post({
        json: orderBody({ shipping_method_id: undefined, shipping_method: "economy" }),
      }),
      422,
      "ambiguous_shipping_method",
      "shipping_method",
    );
    expectError(
      await methods[":id"].$patch({ param: { id: "sm_nope" }, json: { aliases: [] } }),
      404,
      "not_found",
    );
    expectError(
      await methods[":id"].$patch({
        param: { id: "sm_auspost_parcel" },
        json: { aliases: ["A", "A"] },
      }),
      422,
      "validation_error",
      "aliases",
    );
    // The same name in another case is the same alias: kept once, not refused.
    const cased = await methods[":id"].$patch({
      param: { id: "sm_auspost_parcel" },
      json: { aliases: ["Standard", "Regular", "AusPost Parcel", "regular"] },
    });
    expectStatus(cased, 200);
    expect(cased.body.aliases).toEqual(["Standard", "Regular", "AusPost Parcel"]);
  });
});

const InventoryPage = z.object({ data: z.array(SkuInventory) });

/**
 * The SKU's stock in wh_syd_1, its query percent-encoded by hand (`%20`, not the `+` the
 * typed client's URLSearchParams would send), as an ERP following the guide does.
 */
async function stockEncoded(key: string, sku: string) {
  const res = await raw("GET", `/v1/inventory?sku=${encodeURIComponent(sku)}`, { key });
  expectStatus(res, 200);
  const [row] = InventoryPage.parse(res.body).data;
  return row?.warehouses.find((w) => w.warehouse_id === "wh_syd_1");
}

describe("real catalogs' SKUs", () => {
  it("takes slashes, spaces and plus signs everywhere, percent-encoded in paths", async () => {
    const skus = ["TSHIRT/RED/M", "ABC 123", "KIT+2", "50%OFF", "X%2FY"];
    const { key: apiKey } = await merchant(Object.fromEntries(skus.map((s) => [s, 5])));
    const api = client(apiKey).v1;
    for (const sku of skus) {
      // The client puts a path parameter in as given, so it is encoded here.
      const got = await api.products[":sku"].$get({ param: { sku: encodeURIComponent(sku) } });
      expectStatus(got, 200);
      expect(got.body.sku).toBe(sku);
      expect(await stockEncoded(apiKey, sku)).toMatchObject({ on_hand: 5 });
    }
    // "X/Y" and "X%2FY" are different SKUs with different stock objects.
    await api.products.$post({ json: { sku: "X/Y", name: "x" } });
    await adjustStock(apiKey, "X/Y", 2);
    expect(await stockEncoded(apiKey, "X/Y")).toMatchObject({ on_hand: 2 });
    expect(await stockEncoded(apiKey, "X%2FY")).toMatchObject({ on_hand: 5 });
    const order = await api.orders.$post({
      json: orderBody({ items: skus.map((sku) => ({ sku, quantity: 1 })) }),
    });
    expectStatus(order, 201);
    expect(order.body.allocation_status).toBe("allocated");
  });

  it("refuses control characters, a space at either end and more than 100 characters", async () => {
    const { key: apiKey } = await merchant({});
    const products = client(apiKey).v1.products;
    for (const sku of ["", " LEAD", "TRAIL ", "BELL\u0007", "TAB\tX", "A".repeat(101)]) {
      expectError(
        await products.$post({ json: { sku, name: "x" } }),
        422,
        "validation_error",
        "sku",
      );
    }
    const longest = await products.$post({ json: { sku: "B".repeat(100), name: "x" } });
    expect(longest.status).toBe(201);
  });
});

describe("every list takes updated_since and a cursor", () => {
  it("pages reference data and accepts a time without fractions or a date alone", async () => {
    const { key: apiKey } = await merchant({});
    const api = client(apiKey).v1;
    const first = await ok(api.warehouses.$get({ query: { limit: "1" } }));
    expect(first.pagination.has_more).toBe(true);
    const rest = await ok(
      api.warehouses.$get({
        query: { limit: "1", cursor: first.pagination.next_cursor ?? undefined },
      }),
    );
    expect(rest.data[0]?.id).not.toBe(first.data[0]?.id);
    const newest = rest.data[0]?.updated_at ?? "";
    const since = await ok(api.warehouses.$get({ query: { updated_since: newest } }));
    expect(since.data.map((w) => w.id)).toContain(rest.data[0]?.id);
    const whole = newest.replace(/\.\d{3}Z$/, "Z");
    expect((await api["shipping-methods"].$get({ query: { updated_since: whole } })).status).toBe(
      200,
    );
    const day = await ok(api.warehouses.$get({ query: { updated_since: "2020-01-01" } }));
    expect(day.data.length).toBeGreaterThanOrEqual(2);
    expect(
      (await ok(api.warehouses.$get({ query: { updated_since: "2999-01-01" } }))).data,
    ).toEqual([]);
    expectError(
      await api.warehouses.$get({ query: { updated_since: "yesterday" } }),
      400,
      "invalid_parameter",
      "updated_since",
    );
  });

  it("pages an order's history and a tenant's webhooks", async () => {
    const { key: apiKey } = await merchant({ "WIDGET-BLUE-M": 10 });
    const api = client(apiKey).v1;
    const order = await ok(api.orders.$post({ json: orderBody() }));
    const param = { id: order.id };
    for (const note of ["a", "b", "c"]) {
      await api.orders[":id"].$patch({ param, json: { packing_note: note } });
    }
    const history = api.orders[":id"].history;
    const page1 = await ok(history.$get({ param, query: { limit: "2" } }));
    expect(page1.data.map((e) => e.seq)).toEqual([1, 2]);
    const page2 = await ok(
      history.$get({
        param,
        query: { limit: "2", cursor: page1.pagination.next_cursor ?? undefined },
      }),
    );
    expect(page2.data.map((e) => e.seq)).toEqual([3, 4]);
    expect(page2.pagination.has_more).toBe(false);
    const recent = await ok(history.$get({ param, query: { updated_since: page2.data[1]?.at } }));
    expect(recent.data.map((e) => e.seq)).toEqual([4]);
    const hooks = await api.webhooks.$get({ query: { updated_since: "2020-01-01", limit: "1" } });
    expectStatus(hooks, 200);
    expect(hooks.body.pagination).toEqual({ next_cursor: null, has_more: false });
  });
});

describe("guide event catalog: inventory events when stock crosses a threshold", () => {
  it("fires low_stock when available falls below the threshold and restocked when it climbs back", async () => {
    const { key: apiKey } = await merchant({});
    const api = client(apiKey).v1;
    await api.products.$post({ json: { sku: "LOW-1", name: "Low", low_stock_threshold: 5 } });
    await adjustStock(apiKey, "LOW-1", 10);
    // Each change is published before the feed is read, as the stock object's alarm does.
    const types = async () => {
      await publishStock();
      return (await ok(api.events.$get({ query: { limit: "200" } }))).data
        .map((e) => e.event_type)
        .filter((t) => t.startsWith("inventory."));
    };
    const mark = (await types()).length;
    const order = await ok(
      api.orders.$post({ json: orderBody({ items: [{ sku: "LOW-1", quantity: 6 }] }) }),
    );
    expect(order.status).toBe("received");
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
    const product = await ok(
      api.products[":sku"].$patch({ param: { sku: "LOW-1" }, json: { low_stock_threshold: null } }),
    );
    expect(product.low_stock_threshold).toBeNull();
  });
});
