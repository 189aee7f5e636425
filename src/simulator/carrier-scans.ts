import type { TrackingEvent } from "../domain/shapes";
import type { TrackingEventStatus, TrackingStatus } from "../domain/statuses";
import { timeline } from "../shipments/shipments.tracking";
import { zoneOf } from "./postage";
import { isSimCarrier, type SimCarrier } from "./tracking-numbers";

/*
 * The scans the sandbox's carrier makes of one parcel, with no I/O: what a parcel records
 * on its way to the status the simulator moves its shipment to, in the carrier's own words,
 * at places along its route (the warehouse's city, the destination's, the border between).
 * Event ids number the parcel's scans, so the same state always gives the same ids; scans
 * are never dated before the parcel's latest, so the newest one is the status asked for.
 */

/** A place on the route, as an address gives it. */
export interface Place {
  city: string | null;
  region: string | null;
  country: string;
}

export interface Route {
  origin: Place;
  destination: Place;
  /** Who signs for it: the ship-to name. */
  recipient: string;
}

type Wording = Record<
  "label" | "pickup" | "departed" | "customs" | "arrived" | "out" | "delivered" | "exception",
  string
>;

const WORDING: Record<SimCarrier, Wording> = {
  auspost: {
    label: "Shipping information received by Australia Post",
    pickup: "Picked up from sender",
    departed: "In transit to next facility",
    customs: "Cleared by customs",
    arrived: "Arrived at facility",
    out: "Onboard for delivery",
    delivered: "Delivered",
    exception: "Delivery attempted: address incomplete",
  },
  ups: {
    label: "Shipper created a label, UPS has not received the package yet.",
    pickup: "Pickup Scan",
    departed: "Departed from Facility",
    customs: "Import Scan",
    arrived: "Arrived at Facility",
    out: "Out For Delivery Today",
    delivered: "Delivered",
    exception: "The address is incomplete. UPS will attempt to obtain the correct address.",
  },
  fedex: {
    label: "Shipment information sent to FedEx",
    pickup: "Picked up",
    departed: "Left FedEx origin facility",
    customs: "International shipment release - Import",
    arrived: "Arrived at FedEx location",
    out: "On FedEx vehicle for delivery",
    delivered: "Delivered",
    exception: "Incorrect address - Delivery exception",
  },
  dhl: {
    label: "Shipment information received",
    pickup: "Shipment picked up",
    departed: "Departed Facility",
    customs: "Clearance processing complete",
    arrived: "Arrived at Delivery Facility",
    out: "With delivery courier",
    delivered: "Delivered",
    exception: "Address information needed; contact DHL",
  },
  usps: {
    label: "Shipping Label Created, USPS Awaiting Item",
    pickup: "USPS picked up item",
    departed: "Departed USPS Regional Facility",
    customs: "Processed Through Facility (Customs)",
    arrived: "Arrived at USPS Regional Facility",
    out: "Out for Delivery",
    delivered: "Delivered, Front Door/Porch",
    exception: "Addressee Unknown",
  },
};

/** Every carrier's exceptions in the sandbox: the address scenario carriers meet most. */
export const SIM_EXCEPTION_REASON = "address_incomplete";

/** Days in transit the carrier promises at pickup, by zone. */
const TRANSIT_DAYS = { domestic: 2, regional: 5, international: 8 } as const;

interface Scan {
  status: TrackingEventStatus;
  words: keyof Wording;
  at: Place;
}

/** The scans that take a parcel from what it has recorded to `target`. */
function journey(
  recorded: readonly TrackingEvent[],
  target: TrackingStatus,
  route: Route,
  words: Wording,
): Scan[] {
  const has = (status: TrackingEventStatus) => recorded.some((e) => e.status === status);
  const { origin, destination } = route;
  const international = origin.country !== destination.country;
  const arrived = recorded.some(
    (e) => e.status === "in_transit" && e.description === words.arrived,
  );
  const scans: Scan[] = [];
  if (!has("label_created")) scans.push({ status: "label_created", words: "label", at: origin });
  if (!has("picked_up")) scans.push({ status: "picked_up", words: "pickup", at: origin });
  if (target === "exception") {
    const where = timeline(recorded).at(-1)?.location ?? origin;
    return [...scans, { status: "exception", words: "exception", at: where }];
  }
  if (target === "in_transit") {
    // Back on its way after an exception, it reaches the next facility.
    scans.push(
      has("in_transit")
        ? { status: "in_transit", words: "arrived", at: destination }
        : { status: "in_transit", words: "departed", at: origin },
    );
    return scans;
  }
  if (!has("in_transit")) scans.push({ status: "in_transit", words: "departed", at: origin });
  if (!arrived) {
    if (international) {
      scans.push({
        status: "in_transit",
        words: "customs",
        at: { city: null, region: null, country: destination.country },
      });
    }
    scans.push({ status: "in_transit", words: "arrived", at: destination });
  }
  if (!has("out_for_delivery") || target === "out_for_delivery") {
    scans.push({ status: "out_for_delivery", words: "out", at: destination });
  }
  if (target === "delivered")
    scans.push({ status: "delivered", words: "delivered", at: destination });
  return scans;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One parcel's scans up to `target`, spread evenly from the parcel's latest scan (or its
 * shipment's `shippedAt`) to `now`, the label dated when it shipped.
 */
export function carrierScans(
  parcel: { trackingNumber: string; carrier: string; trackingEvents: TrackingEvent[] | null },
  target: TrackingStatus,
  route: Route,
  shippedAt: string,
  now: number,
): TrackingEvent[] {
  const recorded = parcel.trackingEvents ?? [];
  const words = WORDING[isSimCarrier(parcel.carrier) ? parcel.carrier : "auspost"];
  const scans = journey(recorded, target, route, words);
  const latest = timeline(recorded).at(-1)?.occurred_at ?? shippedAt;
  const from = Math.max(Date.parse(latest), Date.parse(shippedAt));
  const step = Math.max(0, now - from) / scans.length;
  const promised = day(
    Date.parse(shippedAt) +
      TRANSIT_DAYS[zoneOf(route.origin.country, route.destination.country)] * DAY_MS,
  );
  return scans.map((scan, i) => {
    const at =
      scan.status === "label_created" && recorded.length === 0
        ? shippedAt
        : new Date(Math.round(from + step * (i + 1))).toISOString();
    return {
      id: `${parcel.trackingNumber}-${String(recorded.length + i + 1).padStart(3, "0")}`,
      occurred_at: at,
      status: scan.status,
      description: words[scan.words],
      location: scan.at,
      reason_code: scan.status === "exception" ? SIM_EXCEPTION_REASON : null,
      estimated_delivery: scan.status === "picked_up" ? promised : null,
      proof_of_delivery: scan.status === "delivered" ? { signed_by: route.recipient } : null,
    };
  });
}
