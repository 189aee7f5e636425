import { describe, expect, it } from "vitest";
import { client, expectError, expectStatus, ok, raw } from "../support/client";
import { merchant, orderBody, parcel, ship } from "../support/merchant";

/*
 * POST /v1/ops/shipments/{id}/tracking-events, as the floor reports a carrier's scans and a
 * partner reads them back: the parcel's timeline, its status and the shipment's, the
 * webhook event and the poll.
 */

type Body = Parameters<
  ReturnType<typeof client>["v1"]["ops"]["shipments"][":id"]["tracking-events"]["$post"]
>[0]["json"];
type EventInput = Body["events"][number];

const SYDNEY = { city: "Sydney", region: "NSW", country: "AU" };
const MELBOURNE = { city: "Melbourne", region: "VIC", country: "AU" };

/** A scan as the floor sends it; the cast lets a test send the combinations the API refuses. */
const scan = (
  id: string,
  status: EventInput["status"],
  occurred_at: string,
  extra: Record<string, unknown> = {},
) =>
  ({
    id,
    occurred_at,
    status,
    description: `${status} scan`,
    location: SYDNEY,
    ...extra,
  }) as EventInput;

async function shipped(parcels = 1) {
  const tenant = await merchant({ "WIDGET-BLUE-M": 10 });
  const order = await ok(
    client(tenant.key).v1.orders.$post({
      json: orderBody({ items: [{ sku: "WIDGET-BLUE-M", quantity: 2 }] }),
    }),
  );
  const boxes = Array.from({ length: parcels }, () => parcel());
  const shipment = await ship(tenant.key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 2 }], {
    parcels: boxes,
  });
  return { ...tenant, order, shipment, numbers: boxes.map((b) => b.tracking_number) };
}

const post = (key: string, id: string, json: Body) =>
  client(key).v1.ops.shipments[":id"]["tracking-events"].$post({ param: { id }, json });

describe("POST /v1/ops/shipments/{id}/tracking-events", () => {
  it("records a sequence ending in delivery with proof, and the shipment follows", async () => {
    const { key, shipment, numbers } = await shipped();
    const [number = ""] = numbers;
    const first = await post(key, shipment.id, {
      tracking_number: number,
      events: [
        scan("E1", "label_created", "2026-07-02T22:00:00Z", { location: null }),
        scan("E2", "picked_up", "2026-07-02T23:00:00Z", { estimated_delivery: "2026-07-05" }),
        scan("E3", "in_transit", "2026-07-03T02:00:00Z"),
      ],
    });
    expectStatus(first, 200);
    expect(first.body).toMatchObject({ status: "in_transit", version: "2" });
    expect(first.body.parcels[0]).toMatchObject({
      status: "in_transit",
      estimated_delivery: "2026-07-05",
      proof_of_delivery: null,
    });
    expect(first.body.parcels[0]?.tracking_events[0]).toEqual({
      id: "E1",
      occurred_at: "2026-07-02T22:00:00.000Z",
      status: "label_created",
      description: "label_created scan",
      location: null,
      reason_code: null,
      estimated_delivery: null,
      proof_of_delivery: null,
    });

    await ok(
      post(key, shipment.id, {
        tracking_number: number,
        events: [scan("E4", "out_for_delivery", "2026-07-04T21:00:00Z", { location: MELBOURNE })],
      }),
    );
    const proof = { signed_by: "J. Citizen", photo_url: "https://carrier.example/pod/E5.jpg" };
    const delivered = await ok(
      post(key, shipment.id, {
        tracking_number: number,
        events: [
          scan("E5", "delivered", "2026-07-05T01:30:00Z", {
            location: { city: "Melbourne", country: "AU" },
            proof_of_delivery: proof,
          }),
        ],
      }),
    );
    expect(delivered.status).toBe("delivered");
    expect(delivered.parcels[0]).toMatchObject({ status: "delivered", proof_of_delivery: proof });
    expect(delivered.parcels[0]?.tracking_events.at(-1)?.location).toEqual({
      city: "Melbourne",
      region: null,
      country: "AU",
    });
    expect(delivered.status_history).toEqual([
      { status: "shipped", occurred_at: shipment.shipped_at },
      { status: "in_transit", occurred_at: "2026-07-03T02:00:00.000Z" },
      { status: "out_for_delivery", occurred_at: "2026-07-04T21:00:00.000Z" },
      { status: "delivered", occurred_at: "2026-07-05T01:30:00.000Z" },
    ]);
    expect(await ok(client(key).v1.shipments[":id"].$get({ param: { id: shipment.id } }))).toEqual(
      delivered,
    );
  });

  it("orders late scans by when they happened, and the latest one sets the status", async () => {
    const { key, shipment, numbers } = await shipped();
    const [number = ""] = numbers;
    const delivered = await ok(
      post(key, shipment.id, {
        tracking_number: number,
        events: [scan("D", "delivered", "2026-07-05T01:00:00Z")],
      }),
    );
    expect(delivered.status).toBe("delivered");
    const late = await ok(
      post(key, shipment.id, {
        tracking_number: number,
        events: [
          scan("B", "in_transit", "2026-07-03T00:00:00Z"),
          scan("A", "picked_up", "2026-07-02T00:00:00Z"),
          // The same instant as B: the order received breaks the tie.
          scan("C", "out_for_delivery", "2026-07-03T00:00:00Z"),
        ],
      }),
    );
    expect(late.status).toBe("delivered");
    expect(late.version).toBe("3");
    expect(late.parcels[0]?.status).toBe("delivered");
    expect(late.parcels[0]?.tracking_events.map((e) => e.id)).toEqual(["A", "B", "C", "D"]);
    expect(late.status_history.map((h) => h.status)).toEqual(["shipped", "delivered"]);
  });

  it("derives the shipment's status from all its parcels", async () => {
    const { key, shipment, numbers } = await shipped(2);
    const [one = "", two = ""] = numbers;
    const first = await ok(
      post(key, shipment.id, {
        tracking_number: one,
        events: [scan("1-A", "out_for_delivery", "2026-07-04T00:00:00Z")],
      }),
    );
    // The other box has no scan yet: the least advanced parcel is still just shipped.
    expect(first.status).toBe("shipped");
    const second = await ok(
      post(key, shipment.id, {
        tracking_number: two,
        events: [scan("2-A", "in_transit", "2026-07-03T00:00:00Z")],
      }),
    );
    expect(second.status).toBe("in_transit");
    const exception = await ok(
      post(key, shipment.id, {
        tracking_number: two,
        events: [
          scan("2-B", "exception", "2026-07-04T03:00:00Z", { reason_code: "address_incomplete" }),
        ],
      }),
    );
    expect(exception.status).toBe("exception");
    expect(exception.parcels[1]?.tracking_events.at(-1)?.reason_code).toBe("address_incomplete");
    await ok(
      post(key, shipment.id, {
        tracking_number: one,
        events: [scan("1-B", "delivered", "2026-07-04T05:00:00Z")],
      }),
    );
    const both = await ok(
      post(key, shipment.id, {
        tracking_number: two,
        events: [scan("2-C", "delivered", "2026-07-05T05:00:00Z")],
      }),
    );
    expect(both.status).toBe("delivered");
    expect(both.status_history.map((h) => h.status)).toEqual([
      "shipped",
      "in_transit",
      "exception",
      "delivered",
    ]);
  });

  it("answers a replay as it is and writes nothing; a conflicting replay is 409 naming the field", async () => {
    const { key, shipment, numbers } = await shipped();
    const [number = ""] = numbers;
    const body = {
      tracking_number: number,
      events: [scan("R1", "picked_up", "2026-07-02T23:00:00Z")],
    };
    const first = await ok(post(key, shipment.id, body));
    const replay = await post(key, shipment.id, body);
    expectStatus(replay, 200);
    expect(replay.body).toEqual(first);
    // A batch whose events are all recorded is a replay too, in another order.
    const mixed = await ok(
      post(key, shipment.id, {
        tracking_number: number,
        events: [scan("R2", "in_transit", "2026-07-03T00:00:00Z"), ...body.events],
      }),
    );
    expect(mixed.version).toBe("3");
    expect(mixed.parcels[0]?.tracking_events.map((e) => e.id)).toEqual(["R1", "R2"]);

    expectError(
      await post(key, shipment.id, {
        tracking_number: number,
        events: [scan("R1", "picked_up", "2026-07-02T23:00:00Z", { description: "Other" })],
      }),
      409,
      "tracking_event_conflict",
      "events[0].description",
    );
    expectError(
      await post(key, shipment.id, {
        tracking_number: number,
        events: [
          scan("R3", "in_transit", "2026-07-03T01:00:00Z"),
          scan("R3", "in_transit", "2026-07-03T02:00:00Z"),
        ],
      }),
      409,
      "tracking_event_conflict",
      "events[1].occurred_at",
    );
    const after = await ok(client(key).v1.shipments[":id"].$get({ param: { id: shipment.id } }));
    expect(after).toEqual(mixed);
    const events = await ok(client(key).v1.events.$get({ query: { type: "shipment.updated" } }));
    expect(events.data).toHaveLength(2);
  });

  it("needs a reason_code for an exception and refuses it otherwise", async () => {
    const { key, shipment, numbers } = await shipped();
    const [number = ""] = numbers;
    expectError(
      await post(key, shipment.id, {
        tracking_number: number,
        events: [
          scan("X0", "in_transit", "2026-07-03T00:00:00Z"),
          scan("X1", "exception", "2026-07-03T01:00:00Z"),
        ],
      }),
      422,
      "validation_error",
      "events[1].reason_code",
    );
    expectError(
      await post(key, shipment.id, {
        tracking_number: number,
        events: [scan("X2", "in_transit", "2026-07-03T01:00:00Z", { reason_code: "weather" })],
      }),
      422,
      "validation_error",
      "events[0].reason_code",
    );
    expectError(
      await post(key, shipment.id, {
        tracking_number: number,
        events: [
          scan("X3", "in_transit", "2026-07-03T01:00:00Z", {
            proof_of_delivery: { signed_by: "Someone" },
          }),
        ],
      }),
      422,
      "validation_error",
      "events[0].proof_of_delivery",
    );
  });

  it("refuses an unknown status, country or parcel naming the field", async () => {
    const { key, shipment, numbers } = await shipped();
    const [number = ""] = numbers;
    const path = `/v1/ops/shipments/${shipment.id}/tracking-events`;
    expectError(
      await raw("POST", path, {
        key,
        json: {
          tracking_number: number,
          events: [{ ...scan("U1", "in_transit", "2026-07-03T00:00:00Z"), status: "lost" }],
        },
      }),
      422,
      "validation_error",
      "events[0].status",
    );
    expectError(
      await raw("POST", path, {
        key,
        json: {
          tracking_number: number,
          events: [
            scan("U2", "in_transit", "2026-07-03T00:00:00Z", {
              location: { city: "Sydney", country: "AUS" },
            }),
          ],
        },
      }),
      422,
      "validation_error",
      "events[0].location.country",
    );
    expectError(
      await post(key, shipment.id, {
        tracking_number: "NOT-A-PARCEL",
        events: [scan("U3", "in_transit", "2026-07-03T00:00:00Z")],
      }),
      422,
      "parcel_not_found",
      "tracking_number",
    );
    expectError(
      await raw("POST", path, { key, json: { tracking_number: number, events: [] } }),
      422,
      "validation_error",
      "events",
    );
  });

  it("refuses events for a voided shipment, and another tenant's shipment is 404", async () => {
    const { key, shipment, numbers } = await shipped();
    const [number = ""] = numbers;
    const body = {
      tracking_number: number,
      events: [scan("V1", "in_transit", "2026-07-03T00:00:00Z")],
    };
    const other = await merchant({});
    expectError(await post(other.key, shipment.id, body), 404, "not_found");
    await ok(client(key).v1.ops.shipments[":id"].void.$post({ param: { id: shipment.id } }));
    expectError(await post(key, shipment.id, body), 409, "shipment_voided");
  });

  it("fires shipment.updated with the new event, and polls see each change", async () => {
    const { key, shipment, numbers } = await shipped();
    const [number = ""] = numbers;
    const mark = shipment.updated_at;
    const moved = await ok(
      post(key, shipment.id, {
        tracking_number: number,
        events: [scan("P1", "in_transit", "2026-07-03T00:00:00Z")],
      }),
    );
    expect(moved.updated_at > mark).toBe(true);
    const poll = await ok(client(key).v1.shipments.$get({ query: { updated_since: mark } }));
    expect(poll.data).toEqual([moved]);

    // A late scan changes no status, yet the shipment as shown changed: it fires and moves.
    const late = await ok(
      post(key, shipment.id, {
        tracking_number: number,
        events: [scan("P0", "picked_up", "2026-07-02T23:00:00Z")],
      }),
    );
    expect(late.status).toBe("in_transit");
    expect(late.updated_at > moved.updated_at).toBe(true);
    const next = await ok(
      client(key).v1.shipments.$get({ query: { updated_since: late.updated_at } }),
    );
    expect(next.data.map((s) => s.parcels[0]?.tracking_events.length)).toEqual([2]);

    const events = await ok(client(key).v1.events.$get({ query: { type: "shipment.updated" } }));
    expect(events.data.map((e) => e.data)).toEqual([moved, late]);
  });

  it("keeps the shipment status route for floors without parcel scans, until scans arrive", async () => {
    const { key, shipment, numbers } = await shipped();
    const [number = ""] = numbers;
    const status = (json: { status: "in_transit" | "out_for_delivery" }) =>
      client(key).v1.ops.shipments[":id"].status.$post({ param: { id: shipment.id }, json });
    expect((await ok(status({ status: "in_transit" }))).status).toBe("in_transit");
    const scanned = await ok(
      post(key, shipment.id, {
        tracking_number: number,
        events: [scan("S1", "out_for_delivery", "2026-07-04T00:00:00Z")],
      }),
    );
    expect(scanned.status).toBe("out_for_delivery");
    expectError(await status({ status: "in_transit" }), 409, "tracked_by_parcels");
  });
});
