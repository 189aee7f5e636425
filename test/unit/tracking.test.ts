import { describe, expect, it } from "vitest";
import { MAX_TRACKING_EVENTS_PER_PARCEL, type TrackingEvent } from "../../src/domain/shapes";
import type { TrackingEventStatus } from "../../src/domain/statuses";
import type { ShipmentRecord } from "../../src/shipments/shipments.rules";
import {
  decideScans,
  parcelTracking,
  statusFromParcels,
  timeline,
} from "../../src/shipments/shipments.tracking";
import { carrierScans, SIM_EXCEPTION_REASON } from "../../src/simulator/carrier-scans";

const event = (
  id: string,
  status: TrackingEventStatus,
  occurred_at: string,
  extra: Partial<TrackingEvent> = {},
): TrackingEvent => ({
  id,
  occurred_at,
  status,
  description: status,
  location: null,
  reason_code: null,
  estimated_delivery: null,
  proof_of_delivery: null,
  ...extra,
});

const parcelWith = (...statuses: (TrackingEventStatus | null)[]) =>
  statuses.map((s) => ({
    trackingEvents: s ? [event(`${s}-1`, s, "2026-07-03T00:00:00.000Z")] : null,
  }));

function record(events: TrackingEvent[][] = [[]]): ShipmentRecord {
  return {
    row: {
      id: "shp_1",
      tenantId: "ten_1",
      orderId: "ord_1",
      orderNumber: "SO-1",
      warehouseId: "wh_syd_1",
      status: "shipped",
      statusHistory: [{ status: "shipped", occurred_at: "2026-07-02T00:00:00.000Z" }],
      shippedAt: "2026-07-02T00:00:00.000Z",
      costAmount: null,
      costCurrency: null,
      voided: false,
      voidedAt: null,
      version: 1,
      createdAt: "",
      updatedAt: "",
      changeSeq: 0,
    },
    parcels: events.map((e, position) => ({
      shipmentId: "shp_1",
      position,
      trackingNumber: `TN${position}`,
      trackingUrl: null,
      packaging: null,
      carrier: "auspost",
      service: "Parcel Post",
      weight: null,
      dimensions: null,
      trackingEvents: e.length > 0 ? e : null,
    })),
    items: [],
  };
}

describe("a parcel's timeline and status", () => {
  it("orders by occurred_at, ties in the order received", () => {
    const events = [
      event("c", "in_transit", "2026-07-03T00:00:00.000Z"),
      event("a", "label_created", "2026-07-01T00:00:00.000Z"),
      event("d", "out_for_delivery", "2026-07-03T00:00:00.000Z"),
    ];
    expect(timeline(events).map((e) => e.id)).toEqual(["a", "c", "d"]);
    expect(parcelTracking(events).status).toBe("out_for_delivery");
    expect(parcelTracking(null)).toEqual({
      status: null,
      estimated_delivery: null,
      proof_of_delivery: null,
    });
  });

  it("keeps the latest estimate given, and shows proof only while delivered", () => {
    const proof = { signed_by: "J" };
    const delivered = [
      event("a", "picked_up", "2026-07-01T00:00:00.000Z", { estimated_delivery: "2026-07-04" }),
      event("b", "in_transit", "2026-07-02T00:00:00.000Z", { estimated_delivery: "2026-07-05" }),
      event("c", "out_for_delivery", "2026-07-03T00:00:00.000Z"),
      event("d", "delivered", "2026-07-04T00:00:00.000Z", { proof_of_delivery: proof }),
    ];
    expect(parcelTracking(delivered)).toEqual({
      status: "delivered",
      estimated_delivery: "2026-07-05",
      proof_of_delivery: proof,
    });
    const returned = [...delivered, event("e", "returned_to_sender", "2026-07-09T00:00:00.000Z")];
    expect(parcelTracking(returned).proof_of_delivery).toBeNull();
  });
});

describe("statusFromParcels", () => {
  it.each([
    [["delivered", "delivered"], "delivered"],
    [["delivered", "out_for_delivery"], "out_for_delivery"],
    [["delivered", null], "shipped"],
    [["picked_up", "out_for_delivery"], "in_transit"],
    [["label_created"], "shipped"],
    [["delivered", "exception"], "exception"],
    [["returned_to_sender", "delivered"], "exception"],
  ] as const)("%j → %s", (statuses, expected) => {
    expect(statusFromParcels(parcelWith(...statuses))).toBe(expected);
  });
});

describe("decideScans", () => {
  const scan = (trackingNumber: string, ...events: TrackingEvent[]) => ({ trackingNumber, events });

  it("adds new scans with a version, and a status entry only when the status moves", () => {
    const first = decideScans(record([[], []]), [
      scan("TN0", event("a", "in_transit", "2026-07-03T00:00:00.000Z")),
    ]);
    if (typeof first === "string" || "code" in first) throw new Error("not a change");
    expect(first.row).toMatchObject({ status: "shipped", version: 2 });
    expect(first.row.statusHistory).toHaveLength(1);
    const second = decideScans(first, [
      scan("TN1", event("b", "in_transit", "2026-07-03T04:00:00.000Z")),
    ]);
    if (typeof second === "string" || "code" in second) throw new Error("not a change");
    expect(second.row.status).toBe("in_transit");
    expect(second.row.statusHistory.at(-1)).toEqual({
      status: "in_transit",
      occurred_at: "2026-07-03T04:00:00.000Z",
    });
    expect(
      decideScans(second, [scan("TN1", event("b", "in_transit", "2026-07-03T04:00:00.000Z"))]),
    ).toBe("unchanged");
  });

  it("refuses a changed resend naming the member, an unknown parcel, a voided shipment and overflow", () => {
    const known = event("a", "in_transit", "2026-07-03T00:00:00.000Z");
    const base = record([[known]]);
    expect(
      decideScans(base, [
        scan("TN0", { ...known, location: { city: "X", region: null, country: "AU" } }),
      ]),
    ).toMatchObject({ code: "tracking_event_conflict", field: "events[0].location" });
    expect(decideScans(base, [scan("TN9", known)])).toMatchObject({
      code: "parcel_not_found",
      field: "tracking_number",
    });
    const voided = { ...base, row: { ...base.row, status: "voided" as const, voided: true } };
    expect(decideScans(voided, [scan("TN0", known)])).toMatchObject({ code: "shipment_voided" });
    const full = record([
      Array.from({ length: MAX_TRACKING_EVENTS_PER_PARCEL }, (_, i) =>
        event(`e${i}`, "in_transit", "2026-07-03T00:00:00.000Z"),
      ),
    ]);
    expect(
      decideScans(full, [scan("TN0", event("more", "in_transit", "2026-07-04T00:00:00.000Z"))]),
    ).toMatchObject({
      code: "too_many_tracking_events",
      recorded: MAX_TRACKING_EVENTS_PER_PARCEL,
    });
  });
});

describe("carrierScans", () => {
  const route = {
    origin: { city: "Sydney", region: "NSW", country: "AU" },
    destination: { city: "Auckland", region: null, country: "NZ" },
    recipient: "Kim",
  };
  const shippedAt = "2026-07-02T00:00:00.000Z";
  const now = Date.parse("2026-07-02T01:00:00.000Z");
  const parcel = { trackingNumber: "TN0", carrier: "ups", trackingEvents: null };

  it("crosses the border to delivery, numbered, in order, and ending now", () => {
    const scans = carrierScans(parcel, "delivered", route, shippedAt, now);
    expect(scans.map((s) => [s.status, s.location?.country])).toEqual([
      ["label_created", "AU"],
      ["picked_up", "AU"],
      ["in_transit", "AU"],
      ["in_transit", "NZ"],
      ["in_transit", "NZ"],
      ["out_for_delivery", "NZ"],
      ["delivered", "NZ"],
    ]);
    expect(scans.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `TN0-00${n}`));
    expect(scans.map((s) => s.occurred_at)).toEqual(timeline(scans).map((s) => s.occurred_at));
    expect(scans[0]?.occurred_at).toBe(shippedAt);
    expect(scans.at(-1)?.occurred_at).toBe(new Date(now).toISOString());
    // Australia to New Zealand is regional: five days.
    expect(scans[1]?.estimated_delivery).toBe("2026-07-07");
    expect(scans.at(-1)?.proof_of_delivery).toEqual({ signed_by: "Kim" });
  });

  it("picks up where the parcel is, and an exception carries its reason where it stands", () => {
    const first = carrierScans(parcel, "in_transit", route, shippedAt, now);
    const later = now + 60_000;
    const exception = carrierScans(
      { ...parcel, trackingEvents: first },
      "exception",
      route,
      shippedAt,
      later,
    );
    expect(exception).toEqual([
      expect.objectContaining({
        id: "TN0-004",
        status: "exception",
        reason_code: SIM_EXCEPTION_REASON,
        location: route.origin,
        occurred_at: new Date(later).toISOString(),
      }),
    ]);
  });
});
