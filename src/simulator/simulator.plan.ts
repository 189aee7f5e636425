import type { orderLines, StoredOrder } from "../db/schema";
import { NEXT_TRACKING } from "../domain/actions";
import type { CancellationAnswer, ShipmentStatus, TrackingStatus } from "../domain/statuses";
import { type ShipItem, type ShipmentRecord, shippedByLine } from "../shipments/shipments.rules";
import {
  CUSTOMS_HOLD,
  customsHoldReason,
  isInternational,
  missingCustoms,
} from "./simulator.customs";

/*
 * What the sandbox's warehouse does next with an order, with no I/O: the order object asks
 * after every change and sets its alarm for the answer. Each step is one the operations API
 * also takes, so a partner sees exactly what production will send.
 */

/** What the simulator reads of an order: its row, its lines and its shipments, as committed. */
export interface SimulatedOrder {
  order: StoredOrder;
  lines: (typeof orderLines.$inferSelect)[];
  shipments: ShipmentRecord[];
}

export interface SimulationSettings {
  autoFulfill: boolean;
  pickAfterSeconds: number;
  shipAfterSeconds: number;
  deliverAfterSeconds: number;
  parcelsPerOrder: number;
  /** How the floor answers a cancellation request, `pick_after_seconds` after it came. */
  cancellationRequests: CancellationAnswer;
  cancellationRejectionReason: string;
}

export const DEFAULT_SETTINGS: SimulationSettings = {
  autoFulfill: false,
  pickAfterSeconds: 5,
  shipAfterSeconds: 10,
  deliverAfterSeconds: 60,
  parcelsPerOrder: 1,
  cancellationRequests: "accept",
  cancellationRejectionReason: "Already packed and on the dock.",
};

/** Test scenarios chosen by data, the way test card numbers work: a marker in packing_note. */
export const SCENARIOS = ["exception", "split", "hold", "void"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export function scenariosOf(packingNote: string | null): Set<Scenario> {
  const found = new Set<Scenario>();
  for (const s of SCENARIOS) if (packingNote?.includes(`[sim:${s}]`)) found.add(s);
  return found;
}

/** Scenario steps that happen once per order, so a released hold or a reshipment moves on. */
export interface SimulationMemory {
  held: boolean;
  voided: boolean;
  /** The order's hold is the floor's own, for customs data: it lifts it once the data is in. */
  customsHeld?: boolean;
}

export type SimulationStep =
  | { type: "hold"; cause: "address" | "customs"; reason: string }
  | { type: "release" }
  | { type: "start_picking" }
  | { type: "accept_cancellation" }
  | { type: "reject_cancellation"; reason: string }
  | { type: "ship"; items: ShipItem[] }
  | { type: "track"; shipmentId: string; status: TrackingStatus }
  | { type: "void"; shipmentId: string };

export interface Planned {
  at: number;
  step: SimulationStep;
}

/** The carrier's next scan; an exception scenario ends in transit. */
export function nextTrackingStatus(
  status: ShipmentStatus,
  scenarios: ReadonlySet<Scenario> = new Set(),
): TrackingStatus | undefined {
  if (status === "in_transit" && scenarios.has("exception")) return "exception";
  return NEXT_TRACKING[status];
}

const ms = (seconds: number) => seconds * 1000;
const lastScan = (record: ShipmentRecord) =>
  Date.parse(record.row.statusHistory.at(-1)?.occurred_at ?? record.row.shippedAt);

/** Units each line still has to ship: the rest of every line once picking has begun. */
export function unshipped(state: Pick<SimulatedOrder, "lines" | "shipments">): ShipItem[] {
  const shipped = shippedByLine(state.shipments);
  return state.lines
    .map((l) => ({ sku: l.sku, lineId: l.id, quantity: l.quantity - (shipped.get(l.id) ?? 0) }))
    .filter((i) => i.quantity > 0);
}

/** The first half of the units, in line order: a split order's first shipment. */
function firstHalf(items: ShipItem[]): ShipItem[] {
  let left = Math.ceil(items.reduce((n, i) => n + i.quantity, 0) / 2);
  const half: ShipItem[] = [];
  for (const item of items) {
    if (left === 0) break;
    const quantity = Math.min(item.quantity, left);
    half.push({ ...item, quantity });
    left -= quantity;
  }
  return half;
}

/** Before picking: the address scenario's hold, a customs hold, else picking. */
function pickOrHold(
  state: SimulatedOrder,
  origin: string | null,
  scenarios: ReadonlySet<Scenario>,
  memory: SimulationMemory,
): SimulationStep {
  if (scenarios.has("hold") && !memory.held) {
    return { type: "hold", cause: "address", reason: "address" };
  }
  const missing = isInternational(origin, state.order)
    ? missingCustoms(state.order, state.lines)
    : [];
  if (origin !== null && missing.length > 0) {
    return {
      type: "hold",
      cause: "customs",
      reason: customsHoldReason(origin, state.order, missing),
    };
  }
  return { type: "start_picking" };
}

/**
 * The next step and when it is due, or nothing while the order waits on someone else (a
 * backorder, a hold, a carrier exception) or is done. A pending cancellation request is
 * answered first, as the settings say. Order steps count from the order's last change;
 * carrier scans are spread evenly over deliver_after_seconds from the shipment's last scan.
 * `origin` is the warehouse's country: an order leaving it needs customs data, and the
 * floor's own customs hold lifts as soon as an amend completes it.
 */
export function nextStep(
  state: SimulatedOrder,
  settings: SimulationSettings,
  memory: SimulationMemory,
  origin: string | null = null,
): Planned | undefined {
  const { order } = state;
  const request = order.cancellationRequest;
  // The floor answers a request before it does anything more with the order.
  if (order.status === "processing" && request?.status === "pending") {
    return {
      at: Date.parse(request.requested_at) + ms(settings.pickAfterSeconds),
      step:
        settings.cancellationRequests === "accept"
          ? { type: "accept_cancellation" }
          : { type: "reject_cancellation", reason: settings.cancellationRejectionReason },
    };
  }
  const scenarios = scenariosOf(order.packingNote);
  const since = Date.parse(order.updatedAt);
  const candidates: Planned[] = [];

  if (order.status === "received") {
    candidates.push({
      at: since + ms(settings.pickAfterSeconds),
      step: pickOrHold(state, origin, scenarios, memory),
    });
  }
  if (
    order.status === "on_hold" &&
    memory.customsHeld &&
    order.holdReason?.startsWith(CUSTOMS_HOLD) &&
    missingCustoms(order, state.lines).length === 0
  ) {
    candidates.push({ at: since, step: { type: "release" } });
  }
  if (order.status === "processing" || order.status === "partially_shipped") {
    const rest = unshipped(state);
    const standing = state.shipments.filter((s) => !s.row.voided);
    const split = scenarios.has("split") && standing.length === 0;
    const items = split && rest.reduce((n, i) => n + i.quantity, 0) > 1 ? firstHalf(rest) : rest;
    if (items.length > 0) {
      candidates.push({ at: since + ms(settings.shipAfterSeconds), step: { type: "ship", items } });
    }
  }
  const scanEvery = ms(settings.deliverAfterSeconds) / 3;
  for (const record of state.shipments) {
    if (record.row.voided) continue;
    const at = lastScan(record) + scanEvery;
    if (scenarios.has("void") && !memory.voided && record.row.status === "shipped") {
      candidates.push({ at, step: { type: "void", shipmentId: record.row.id } });
      continue;
    }
    const status = nextTrackingStatus(record.row.status, scenarios);
    if (status) candidates.push({ at, step: { type: "track", shipmentId: record.row.id, status } });
  }
  return candidates.sort((a, b) => a.at - b.at)[0];
}
