import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { AmendOrder, CreateOrder } from "../../src/orders/orders.schemas";
import type { SandboxSettingsBody } from "../../src/sandbox/sandbox.routes";
import { client, expectError, expectStatus, ok } from "../support/client";
import { merchant, orderBody, SHIP_TO, seedReferenceData } from "../support/merchant";
import { eventually } from "../support/receiver";

/*
 * International and dated orders (issue 21): a billing address, Incoterms, tax ids, ship-by
 * and delivery dates on the order, customs data on each line. Stored, returned, amendable
 * before picking, in the events; and the sandbox's floor will not ship one across a border
 * without its customs data, and prices every parcel by weight and zone.
 */

type OrderInput = z.input<typeof CreateOrder>;
const BLUE = "WIDGET-BLUE-M";
const RED = "WIDGET-RED-S";
const TO_US = {
  ...SHIP_TO,
  company: null,
  phone: "+1 212 555 0100",
  address1: "350 Fifth Ave",
  city: "New York",
  state: "NY",
  postcode: "10118",
  country: "US",
};
const BILLING = {
  address1: "1 Ledger Lane",
  address2: "Level 3",
  city: "Melbourne",
  state: "VIC",
  postcode: "3000",
  country: "AU",
};
const CUSTOMS = {
  hs_code: "6109.10",
  country_of_origin: "CN",
  customs_value: { amount: "12.50", currency: "AUD" },
};

const international = (overrides: Partial<OrderInput> = {}) =>
  orderBody({
    ship_to: TO_US,
    billing_address: BILLING,
    incoterms: "DDP",
    tax_ids: [
      { type: "ABN", value: "51 824 753 556" },
      { type: "EORI", value: "GB123456789000" },
    ],
    ship_by: "2026-07-06",
    requested_delivery_date: "2026-07-10",
    items: [
      { line_id: "1", sku: BLUE, quantity: 2, unit_price: "19.99", currency: "AUD", ...CUSTOMS },
    ],
    ...overrides,
  });

const create = (key: string, json: OrderInput) => client(key).v1.orders.$post({ json });
const amend = (key: string, id: string, json: z.input<typeof AmendOrder>) =>
  client(key).v1.orders[":id"].$patch({ param: { id }, json });
const read = (key: string, id: string) => ok(client(key).v1.orders[":id"].$get({ param: { id } }));

beforeAll(seedReferenceData);

describe("international and dated orders", () => {
  it("stores and returns every field, with the HS code as digits", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    const created = await ok(create(key, international()));
    const expected = {
      billing_address: BILLING,
      incoterms: "DDP",
      tax_ids: [
        { type: "ABN", value: "51 824 753 556" },
        { type: "EORI", value: "GB123456789000" },
      ],
      ship_by: "2026-07-06",
      requested_delivery_date: "2026-07-10",
      items: [
        {
          line_id: "1",
          hs_code: "610910",
          country_of_origin: "CN",
          customs_value: { amount: "12.50", currency: "AUD" },
        },
      ],
    };
    expect(created).toMatchObject(expected);
    expect(await read(key, created.id)).toMatchObject(expected);
    // Lists read the terms too.
    const all = await ok(client(key).v1.orders.$get({ query: {} }));
    expect(all.data.find((o) => o.id === created.id)).toMatchObject(expected);

    // An order without them reads them as null, and as no tax ids.
    const plain = await ok(create(key, orderBody()));
    expect(plain).toMatchObject({
      billing_address: null,
      incoterms: null,
      tax_ids: [],
      ship_by: null,
      requested_delivery_date: null,
      items: [{ hs_code: null, country_of_origin: null, customs_value: null }],
    });
    // Optional address fields are present as null, as on ship_to.
    const partial = await ok(
      create(
        key,
        international({
          billing_address: {
            address1: "1 A St",
            city: "Perth",
            state: "WA",
            postcode: "6000",
            country: "AU",
          },
        }),
      ),
    );
    expect(partial.billing_address).toEqual({
      address1: "1 A St",
      address2: null,
      city: "Perth",
      state: "WA",
      postcode: "6000",
      country: "AU",
    });
  });

  it("refuses each bad value with 422 naming its path, and stores nothing", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    const line = (extra: object) => ({
      items: [{ sku: BLUE, quantity: 1, ...extra }] as OrderInput["items"],
    });
    const cases: [Partial<OrderInput>, string][] = [
      [line({ hs_code: "6109" }), "items[0].hs_code"],
      [line({ hs_code: "61091000123" }), "items[0].hs_code"],
      [line({ hs_code: "6109-10" }), "items[0].hs_code"],
      [line({ country_of_origin: "XX" }), "items[0].country_of_origin"],
      [line({ customs_value: { amount: "-1", currency: "AUD" } }), "items[0].customs_value.amount"],
      [
        line({ customs_value: { amount: "1.00", currency: "ZZZ" } }),
        "items[0].customs_value.currency",
      ],
      [line({ customs_value: "12.50" }), "items[0].customs_value"],
      [{ incoterms: "FOO" as "DAP" }, "incoterms"],
      [{ tax_ids: [{ type: "SSN" as "VAT", value: "1" }] }, "tax_ids[0].type"],
      [{ tax_ids: [{ type: "VAT", value: "x".repeat(51) }] }, "tax_ids[0].value"],
      [{ tax_ids: [{ type: "VAT", value: "" }] }, "tax_ids[0].value"],
      [{ ship_by: "2026-02-30" }, "ship_by"],
      [{ ship_by: "2026-07-06T10:00:00Z" }, "ship_by"],
      [{ requested_delivery_date: "10/07/2026" }, "requested_delivery_date"],
      [
        { billing_address: { address1: "1 A St", city: "Perth", country: "Australia" } },
        "billing_address.country",
      ],
      [{ billing_address: { city: "Perth", country: "AU" } as never }, "billing_address.address1"],
    ];
    for (const [overrides, field] of cases) {
      expectError(await create(key, orderBody(overrides)), 422, "validation_error", field);
    }
    // JSON Schema cannot compare two fields: its own code, still naming the field.
    expectError(
      await create(
        key,
        orderBody({ ship_by: "2026-07-10", requested_delivery_date: "2026-07-09" }),
      ),
      422,
      "dates_out_of_order",
      "requested_delivery_date",
    );
    const orders = await ok(client(key).v1.orders.$get({ query: {} }));
    expect(orders.data).toHaveLength(0);
  });

  it("amends them before picking: billing_address merges, lines keep what is not sent", async () => {
    const { key } = await merchant({ [BLUE]: 10, [RED]: 10 });
    const order = await ok(
      create(
        key,
        international({
          items: [
            { line_id: "1", sku: BLUE, quantity: 2, ...CUSTOMS },
            { line_id: "2", sku: RED, quantity: 1, hs_code: "6204.62.40", country_of_origin: "VN" },
          ],
        }),
      ),
    );
    const amended = await ok(
      amend(key, order.id, {
        billing_address: { address2: null, postcode: "3001" },
        incoterms: "DAP",
        tax_ids: [{ type: "VAT", value: "GB999999973" }],
        requested_delivery_date: null,
        items: [
          // Sends only its quantity: keeps its customs data.
          { line_id: "1", sku: BLUE, quantity: 3 },
          // Clears its HS code, sets a value, keeps its origin.
          {
            line_id: "2",
            sku: RED,
            quantity: 1,
            hs_code: null,
            customs_value: { amount: "40", currency: "USD" },
          },
        ],
      }),
    );
    expect(amended).toMatchObject({
      billing_address: { ...BILLING, address2: null, postcode: "3001" },
      incoterms: "DAP",
      tax_ids: [{ type: "VAT", value: "GB999999973" }],
      ship_by: "2026-07-06",
      requested_delivery_date: null,
      items: [
        {
          line_id: "1",
          quantity: 3,
          hs_code: "610910",
          country_of_origin: "CN",
          customs_value: CUSTOMS.customs_value,
        },
        {
          line_id: "2",
          hs_code: null,
          country_of_origin: "VN",
          customs_value: { amount: "40", currency: "USD" },
        },
      ],
    });
    const history = await ok(
      client(key).v1.orders[":id"].history.$get({ param: { id: order.id } }),
    );
    expect(history.data.at(-1)?.changes).toMatchObject({
      incoterms: { from: "DDP", to: "DAP" },
      requested_delivery_date: { from: "2026-07-10", to: null },
    });

    // Dates are checked against what the order keeps: the field sent is named.
    expectError(
      await amend(key, order.id, { requested_delivery_date: "2026-07-01" }),
      422,
      "dates_out_of_order",
      "requested_delivery_date",
    );
    await ok(amend(key, order.id, { requested_delivery_date: "2026-07-08" }));
    expectError(
      await amend(key, order.id, { ship_by: "2026-07-09" }),
      422,
      "dates_out_of_order",
      "ship_by",
    );

    // null removes the billing address; a partial one then cannot stand on its own.
    const cleared = await ok(amend(key, order.id, { billing_address: null, tax_ids: [] }));
    expect(cleared).toMatchObject({ billing_address: null, tax_ids: [] });
    expectError(
      await amend(key, order.id, { billing_address: { address1: "2 B St", country: "AU" } }),
      422,
      "billing_address_incomplete",
      "billing_address.city",
    );
    const added = await ok(
      amend(key, order.id, {
        billing_address: {
          address1: "2 B St",
          city: "Hobart",
          state: "TAS",
          postcode: "7000",
          country: "AU",
        },
      }),
    );
    expect(added.billing_address).toEqual({
      address1: "2 B St",
      address2: null,
      city: "Hobart",
      state: "TAS",
      postcode: "7000",
      country: "AU",
    });

    // Every term cleared: the order reads as one that never had any.
    const bare = await ok(
      amend(key, order.id, {
        billing_address: null,
        incoterms: null,
        ship_by: null,
        requested_delivery_date: null,
      }),
    );
    expect(bare).toMatchObject({
      billing_address: null,
      incoterms: null,
      tax_ids: [],
      ship_by: null,
      requested_delivery_date: null,
    });
    expect(await read(key, order.id)).toEqual(bare);
  });

  it("refuses an amend once picking has started, as for every field", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    const order = await ok(create(key, international()));
    await ok(client(key).v1.ops.orders[":id"]["start-picking"].$post({ param: { id: order.id } }));
    expectError(await amend(key, order.id, { incoterms: "DAP" }), 409, "too_late_to_amend");
    expectError(
      await amend(key, order.id, {
        items: [{ line_id: "1", sku: BLUE, quantity: 2, hs_code: null }],
      }),
      409,
      "too_late_to_amend",
    );
    expect(await read(key, order.id)).toMatchObject({
      incoterms: "DDP",
      items: [{ hs_code: "610910" }],
    });
  });

  it("carries them in order events", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    const order = await ok(create(key, international()));
    await ok(
      amend(key, order.id, {
        incoterms: "CIF",
        items: [{ line_id: "1", sku: BLUE, quantity: 2, country_of_origin: "IN" }],
      }),
    );
    const events = await ok(client(key).v1.events.$get({ query: {} }));
    const dataOf = (type: string) =>
      events.data.find((e) => e.event_type === type && e.data.id === order.id)?.data;
    expect(dataOf("order.created")).toMatchObject({
      billing_address: BILLING,
      incoterms: "DDP",
      tax_ids: [{ type: "ABN" }, { type: "EORI" }],
      ship_by: "2026-07-06",
      requested_delivery_date: "2026-07-10",
      items: [{ hs_code: "610910", country_of_origin: "CN", customs_value: CUSTOMS.customs_value }],
    });
    expect(dataOf("order.updated")).toMatchObject({
      incoterms: "CIF",
      items: [{ hs_code: "610910", country_of_origin: "IN" }],
    });
  });
});

type Settings = z.input<typeof SandboxSettingsBody>;
const FAST: Settings = {
  auto_fulfill: true,
  pick_after_seconds: 0,
  ship_after_seconds: 0,
  deliver_after_seconds: 0,
  parcels_per_order: 1,
};
const WAIT_MS = 15_000;

describe("the sandbox floor and customs", () => {
  it("holds an international order without customs data, then ships it once amended", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    expectStatus(await client(key).v1.sandbox.settings.$put({ json: FAST }), 200);
    const order = await ok(
      create(key, orderBody({ ship_to: TO_US, items: [{ line_id: "1", sku: BLUE, quantity: 2 }] })),
    );
    const held = await eventually(
      () => read(key, order.id),
      (o) => o.status === "on_hold",
      "the customs hold",
      WAIT_MS,
    );
    expect(held.hold_reason).toBe(
      "customs: hs_code, country_of_origin and customs_value are required on every line, and incoterms on the order, for an international shipment (AU to US); missing incoterms, items[0].hs_code, items[0].country_of_origin, items[0].customs_value",
    );
    expect(held.shipments).toHaveLength(0);

    // Part of the data is not enough: the hold stays.
    await ok(amend(key, order.id, { incoterms: "DAP" }));
    const stillHeld = await read(key, order.id);
    expect(stillHeld.status).toBe("on_hold");

    await ok(
      amend(key, order.id, { items: [{ line_id: "1", sku: BLUE, quantity: 2, ...CUSTOMS }] }),
    );
    const shipped = await eventually(
      () => read(key, order.id),
      (o) => o.shipments[0]?.status === "delivered",
      "release and delivery",
      WAIT_MS,
    );
    expect(shipped.status).toBe("shipped");
    expect(shipped.hold_reason).toBeNull();
    expect(shipped.shipments[0]?.cost).toEqual({ amount: "43.95", currency: "AUD" });
    const history = await ok(
      client(key).v1.orders[":id"].history.$get({ param: { id: order.id } }),
    );
    expect(history.data.map((h) => h.action)).toEqual([
      "created",
      "held",
      "amended",
      "amended",
      "released",
      "picking_started",
      "shipped",
    ]);
  });

  it("leaves a domestic order without customs data alone", async () => {
    const { key } = await merchant({ [BLUE]: 10 });
    expectStatus(await client(key).v1.sandbox.settings.$put({ json: FAST }), 200);
    const order = await ok(create(key, orderBody()));
    const done = await eventually(
      () => read(key, order.id),
      (o) => o.shipments[0]?.status === "delivered",
      "delivery",
      WAIT_MS,
    );
    expect(done.shipments[0]?.cost).toEqual({ amount: "12.45", currency: "AUD" });
  });

  it("prices parcels by weight and zone, the same every time; refuses to fulfil without customs", async () => {
    const { key } = await merchant({ [BLUE]: 100 });
    const fulfil = (id: string) =>
      client(key).v1.sandbox.orders[":id"].fulfill.$post({ param: { id }, json: {} });
    const costOf = async (json: OrderInput) => {
      const order = await ok(create(key, json));
      const shipment = await ok(fulfil(order.id));
      // 2 units of no recorded weight (0.5 kg each) and their carton: 1.1 kg, three half kilos.
      expect(shipment.parcels[0]?.weight).toEqual({ value: 1.1, unit: "kg" });
      return shipment.cost;
    };
    const domestic = await costOf(orderBody());
    const regional = await costOf(
      international({
        ship_to: { ...TO_US, city: "Wellington", country: "NZ", state: null, postcode: "6011" },
      }),
    );
    const overseas = await costOf(international());
    expect(domestic).toEqual({ amount: "12.45", currency: "AUD" });
    expect(regional).toEqual({ amount: "27.95", currency: "AUD" });
    expect(overseas).toEqual({ amount: "43.95", currency: "AUD" });
    expect(await costOf(international())).toEqual(overseas);

    const bare = await ok(create(key, orderBody({ ship_to: TO_US })));
    const refused = expectError(await fulfil(bare.id), 409, "customs_data_required");
    expect(refused).toMatchObject({ origin: "AU", destination: "US" });
    expect((await read(key, bare.id)).status).toBe("received");
  });
});
