import { assert, describe, expect, it } from "vitest";
import { admin, client, expectError, expectStatus, ok } from "../support/client";
import { merchant, orderBody, SHIP_TO, WAREHOUSES } from "../support/merchant";

/*
 * Guide §1: "Return a 422 with the offending field if it's undeliverable." Every address
 * field goes through one check (src/domain/addresses.ts); these tests drive it the way a
 * partner would, through an order's `ship_to`, an amend of it, and a warehouse's `address`.
 */

const idem = () => ({ "idempotency-key": crypto.randomUUID() });

type ShipTo = typeof SHIP_TO;

async function create(key: string, shipTo: Partial<Record<keyof ShipTo, string | null>>) {
  return client(key).v1.orders.$post({
    json: orderBody({ ship_to: shipTo as ShipTo }),
    header: idem(),
  });
}

describe("ship_to on create", () => {
  it.each([
    [
      { country: "AU", postcode: "ABCDE" },
      "ship_to.postcode",
      /postcode for AU is 4 digits, e\.g\. \d{4}/,
    ],
    [
      { country: "AU", postcode: null },
      "ship_to.postcode",
      /is required: postcode for AU is 4 digits/,
    ],
    [
      { state: null },
      "ship_to.state",
      /is required for AU: a state of AU: one of ACT, NSW,.* or WA/,
    ],
    [{ state: "Sydney" }, "ship_to.state", /is not a state of AU: one of ACT, NSW,.*or its name/],
    [
      { state: "VIC" },
      "ship_to.postcode",
      /^ship_to\.postcode: 2000 is not a postcode of VIC, AU: VIC's look like 3000/,
    ],
    [{ country: "Australia" }, "ship_to.country", /ISO 3166-1 alpha-2/],
    [{ phone: "12" }, "ship_to.phone", /international form, e\.g\. \+61 4\d{2} \d{3} \d{3}/],
    [{ phone: "+61 2 9999 9999 ext. 12" }, "ship_to.phone", /without an extension/],
    [
      { country: "US", state: "CA", postcode: "9501" },
      "ship_to.postcode",
      /US ZIP code looks like 95014 or 22162-1010/,
    ],
    [{ country: "US", state: "Calif", postcode: "95014" }, "ship_to.state", /state of US/],
    [{ country: "GB", state: null, postcode: "2000" }, "ship_to.postcode", /GB looks like/],
    [{ country: "JP", state: null, postcode: "100-0001" }, "ship_to.state", /prefecture of JP/],
  ])("refuses %j naming %s and the expected format", async (change, field, message) => {
    const { key } = await merchant();
    const res = await create(key, { ...SHIP_TO, ...change });
    const error = expectError(res, 422, "validation_error", field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(error.message).toMatch(message);
  });

  it("keeps the phone in E.164, whether sent internationally or as dialled at home", async () => {
    const { key } = await merchant();
    const international = await ok(create(key, { ...SHIP_TO, phone: "+61 (0)2 9374 4000" }));
    expect(international.ship_to.phone).toBe("+61293744000");
    const national = await ok(create(key, { ...SHIP_TO, phone: "0412 345 678" }));
    expect(national.ship_to.phone).toBe("+61412345678");
    const read = await ok(client(key).v1.orders[":id"].$get({ param: { id: national.id } }));
    expect(read.ship_to.phone).toBe("+61412345678");
  });

  it.each([
    ["AU by state code", { state: "NSW", postcode: "2000", country: "AU" }],
    ["AU by state name", { state: "New South Wales", postcode: "2000", country: "AU" }],
    ["US ZIP+4", { city: "Cupertino", state: "CA", postcode: "95014-2083", country: "US" }],
    [
      "CA province in French",
      { city: "Montréal", state: "Québec", postcode: "H3Z 2Y7", country: "CA" },
    ],
    ["GB with no county", { city: "London", state: null, postcode: "SW1A 1AA", country: "GB" }],
    ["DE", { city: "Berlin", state: null, postcode: "10117", country: "DE" }],
    [
      "JP by prefecture code",
      { city: "Chiyoda-ku", state: "13", postcode: "100-0001", country: "JP" },
    ],
    [
      "JP by romanised name",
      { city: "Chiyoda-ku", state: "Tokyo", postcode: "1000001", country: "JP" },
    ],
    ["IE without an Eircode", { city: "Ballina", state: null, postcode: null, country: "IE" }],
    [
      "IE with an Eircode",
      { city: "Dublin", state: "Co. Dublin", postcode: "D02 X285", country: "IE" },
    ],
    ["HK with no postcode", { city: "Kowloon", state: "Kowloon", postcode: null, country: "HK" }],
  ])("accepts a real %s address", async (_, address) => {
    const { key } = await merchant();
    const order = await ok(create(key, { ...SHIP_TO, phone: null, ...address }));
    expect(order.ship_to).toMatchObject(address);
  });

  it("writes a postcode in the case its country's post uses", async () => {
    const { key } = await merchant();
    const order = await ok(
      create(key, { ...SHIP_TO, city: "Toronto", state: "ON", postcode: "m5v 2t6", country: "CA" }),
    );
    expect(order.ship_to.postcode).toBe("M5V 2T6");
  });
});

describe("ship_to on amend", () => {
  it("checks the merged address and names the field the merge made wrong", async () => {
    const { key } = await merchant();
    const created = await ok(create(key, SHIP_TO));
    const orders = client(key).v1.orders;
    const param = { id: created.id };
    // Only the country changes: NSW and 2000 stay, and are no US state or ZIP code.
    const moved = await orders[":id"].$patch({ param, json: { ship_to: { country: "US" } } });
    const error = expectError(moved, 422, "validation_error", "ship_to.postcode");
    expect(error.message).toMatch(/^ship_to\.postcode: US ZIP code looks like 95014/);
    const stateless = await orders[":id"].$patch({ param, json: { ship_to: { state: null } } });
    expectError(stateless, 422, "validation_error", "ship_to.state");
    // Sydney's postcode stays; Victoria's are 3000s and 8000s.
    const otherState = await orders[":id"].$patch({ param, json: { ship_to: { state: "VIC" } } });
    expectError(otherState, 422, "validation_error", "ship_to.postcode");
    const badPhone = await orders[":id"].$patch({ param, json: { ship_to: { phone: "0000" } } });
    expectError(badPhone, 422, "validation_error", "ship_to.phone");

    const unchanged = await ok(orders[":id"].$get({ param }));
    expect(unchanged.version).toBe(created.version);
    expect(unchanged.ship_to).toEqual(created.ship_to);

    const fixed = await ok(
      orders[":id"].$patch({
        param,
        json: {
          ship_to: { city: "Cupertino", state: "CA", postcode: "95014", country: "US" },
        },
      }),
    );
    // The AU mobile kept from the create stays in E.164 and still dials from anywhere.
    expect(fixed.ship_to).toMatchObject({ state: "CA", postcode: "95014", phone: "+61400123456" });
    const newPhone = await ok(
      orders[":id"].$patch({ param, json: { ship_to: { phone: "(408) 996-1010" } } }),
    );
    expect(newPhone.ship_to.phone).toBe("+14089961010");
  });
});

describe("warehouse address", () => {
  it("refuses an undeliverable address naming address.<field>, and accepts a real one", async () => {
    const [warehouse] = WAREHOUSES;
    assert(warehouse, "the seed holds a warehouse");
    const id = `wh_${crypto.randomUUID().slice(0, 8)}`;
    const refused = await admin.warehouses.$post({
      json: { ...warehouse, id, address: { ...warehouse.address, postcode: "20000" } },
    });
    const error = expectError(refused, 422, "validation_error", "address.postcode");
    expect(error.message).toMatch(/^address\.postcode: postcode for AU is 4 digits/);
    expectError(
      await admin.warehouses.$post({
        json: { ...warehouse, id, address: { ...warehouse.address, state: undefined } },
      }),
      422,
      "validation_error",
      "address.state",
    );
    const created = await admin.warehouses.$post({
      json: {
        ...warehouse,
        id,
        address: {
          address1: "1 Logistics Way",
          city: "Reno",
          state: "NV",
          postcode: "89502",
          country: "US",
        },
      },
    });
    expectStatus(created, 201);
    expect(created.body.address).toMatchObject({ state: "NV", postcode: "89502" });
  });
});
