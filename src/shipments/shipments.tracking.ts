import { shipmentRule } from "../domain/actions";
import type { Refusal } from "../domain/refusals";
import { MAX_TRACKING_EVENTS_PER_PARCEL, type TrackingEvent } from "../domain/shapes";
import type { ShipmentStatus, TrackingEventStatus } from "../domain/statuses";
import { canonicalJson } from "../lib/canonical-json";
import type { ParcelRow, ShipmentRecord } from "./shipments.rules";
import type { RecordTrackingEvents } from "./shipments.schemas";

/*
 * Carrier scans, with no I/O. Scans arrive late and out of order, and a carrier resends
 * them: a parcel keeps each carrier event id once, its status is its latest scan by
 * `occurred_at`, and the shipment's status follows its parcels:
 *   - `exception` while any parcel's latest scan is an exception or a return to sender;
 *   - otherwise the least advanced parcel's stage (shipped < in_transit <
 *     out_for_delivery < delivered), so `delivered` once every parcel is.
 * A parcel with no scan yet counts as `shipped`.
 */

/** What a parcel's latest scan makes of the shipment it travels in. */
const STAGE: Record<TrackingEventStatus, ShipmentStatus> = {
  label_created: "shipped",
  picked_up: "in_transit",
  in_transit: "in_transit",
  out_for_delivery: "out_for_delivery",
  delivered: "delivered",
  exception: "exception",
  returned_to_sender: "exception",
};
const PROGRESS: readonly ShipmentStatus[] = [
  "shipped",
  "in_transit",
  "out_for_delivery",
  "delivered",
];

/** A parcel's scans as they happened: by `occurred_at`, ties in the order received. */
export const timeline = (events: readonly TrackingEvent[] | null): TrackingEvent[] =>
  // Array sort is stable, and events are stored in the order received.
  [...(events ?? [])].sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));

/** What a parcel's scans say of it now: its latest status, the carrier's estimate, the proof. */
export function parcelTracking(events: readonly TrackingEvent[] | null) {
  const ordered = timeline(events);
  const latest = ordered.at(-1);
  const estimate = ordered.filter((e) => e.estimated_delivery !== null).at(-1);
  return {
    status: latest?.status ?? null,
    estimated_delivery: estimate?.estimated_delivery ?? null,
    proof_of_delivery: latest?.status === "delivered" ? latest.proof_of_delivery : null,
  };
}

/** The shipment's status as its parcels' latest scans make it (the rule above). */
export function statusFromParcels(parcels: readonly Pick<ParcelRow, "trackingEvents">[]) {
  const stages = parcels.map((p) => {
    const latest = timeline(p.trackingEvents).at(-1);
    return latest ? STAGE[latest.status] : "shipped";
  });
  if (stages.includes("exception")) return "exception";
  const least = Math.min(...stages.map((s) => PROGRESS.indexOf(s)));
  return PROGRESS[least] ?? "shipped";
}

/** Scans of one parcel, named by its tracking number. */
export interface ParcelScans {
  trackingNumber: string;
  events: TrackingEvent[];
}

const COMPARED = [
  "occurred_at",
  "status",
  "description",
  "location",
  "reason_code",
  "estimated_delivery",
  "proof_of_delivery",
] as const satisfies readonly (keyof TrackingEvent)[];

/** The first member of a resent event that differs from the one recorded under its id. */
const differing = (recorded: TrackingEvent, sent: TrackingEvent) =>
  COMPARED.find((k) => canonicalJson(recorded[k]) !== canonicalJson(sent[k]));

/**
 * Adds each parcel's new scans. An id the parcel already has is a resend: the same content
 * adds nothing, other content is refused. Nothing new at all is "unchanged" (a replay
 * writes nothing); anything new is a new version, and a new status entry when the
 * shipment's status moves. Refusals name fields as the floor's body does, one parcel's.
 */
export function decideScans(
  record: ShipmentRecord,
  scans: readonly ParcelScans[],
): Refusal | "unchanged" | ShipmentRecord {
  const refusal = shipmentRule("scan", record.row.status);
  if (refusal) return refusal;
  let parcels = record.parcels;
  for (const scan of scans) {
    const parcel = parcels.find((p) => p.trackingNumber === scan.trackingNumber);
    if (!parcel) {
      return {
        code: "parcel_not_found",
        field: "tracking_number",
        tracking_number: scan.trackingNumber,
        shipment_id: record.row.id,
      };
    }
    const recorded = parcel.trackingEvents ?? [];
    const added: TrackingEvent[] = [];
    for (const [i, event] of scan.events.entries()) {
      const same = recorded.find((e) => e.id === event.id) ?? added.find((e) => e.id === event.id);
      if (!same) {
        added.push(event);
        continue;
      }
      const member = differing(same, event);
      if (member) {
        return {
          code: "tracking_event_conflict",
          field: `events[${i}].${member}`,
          event_id: event.id,
          tracking_number: scan.trackingNumber,
        };
      }
    }
    if (added.length === 0) continue;
    if (recorded.length + added.length > MAX_TRACKING_EVENTS_PER_PARCEL) {
      return {
        code: "too_many_tracking_events",
        field: "events",
        tracking_number: scan.trackingNumber,
        recorded: recorded.length,
        limit: MAX_TRACKING_EVENTS_PER_PARCEL,
      };
    }
    const grown = { ...parcel, trackingEvents: [...recorded, ...added] };
    parcels = parcels.map((p) => (p === parcel ? grown : p));
  }
  if (parcels === record.parcels) return "unchanged";
  const status = statusFromParcels(parcels);
  const row = { ...record.row, version: record.row.version + 1 };
  if (status !== record.row.status) {
    // When the carrier's scans put it there: the newest of the parcels' latest scans.
    const at = parcels
      .map((p) => timeline(p.trackingEvents).at(-1)?.occurred_at ?? "")
      .reduce((a, b) => (a > b ? a : b));
    row.status = status;
    row.statusHistory = [...row.statusHistory, { status, occurred_at: at }];
  }
  return { ...record, row, parcels };
}

/** An event as the floor sent it, as a parcel keeps it: every member present, null when not given. */
export const storedEvent = (e: RecordTrackingEvents["events"][number]): TrackingEvent => ({
  id: e.id,
  occurred_at: e.occurred_at,
  status: e.status,
  description: e.description,
  location: e.location
    ? {
        city: e.location.city ?? null,
        region: e.location.region ?? null,
        country: e.location.country,
      }
    : null,
  reason_code: e.status === "exception" ? e.reason_code : null,
  estimated_delivery: e.estimated_delivery ?? null,
  proof_of_delivery: (e.status === "delivered" && e.proof_of_delivery) || null,
});
