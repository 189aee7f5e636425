import type { EventType } from "../domain/events";
import type { Refusal } from "../domain/refusals";
import type { OrderStatus } from "../domain/statuses";
import {
  decideShipment,
  decideTracking,
  decideVoid,
  fulfilmentStatus,
  lineFor,
} from "../shipments/shipments.rules";
import { decideScans } from "../shipments/shipments.tracking";
import type { Change, ChangeEvent, Decision, OrderCommand, OrderState, StockAnswer } from "./order";
import { amend } from "./order-amend";
import {
  acceptCancellation,
  answeredByShipment,
  rejectCancellation,
  requestCancellation,
  requestEvent,
} from "./order-cancellation";
import {
  ALLOCATING,
  allAllocated,
  change,
  demandOf,
  ruled,
  summary,
  UNCHANGED,
} from "./order-change";

/*
 * An order's rules, with no I/O: `decide(state, command)` answers with a refusal, with
 * "nothing to do" (a repeated command), or with the change to make and the stock it
 * needs. Stock answers come back through `settle`, which is where allocation decides
 * between `received` and `backordered`, and which events the change emits. The order
 * object runs the steps; the store writes the result.
 */

export function decide(
  identity: { tenantId: string; orderId: string },
  state: OrderState | null,
  cmd: OrderCommand,
  now: string,
): Decision {
  if (cmd.type === "create") {
    if (state) return UNCHANGED;
    const lines = cmd.lines.map((l, i) => ({
      ...l,
      orderId: identity.orderId,
      lineNo: i + 1,
      allocation: "backordered" as const,
      allocationSeq: 0,
    }));
    return {
      action: "created",
      actor: cmd.actor,
      diff: {},
      order: {
        ...cmd.order,
        id: identity.orderId,
        tenantId: identity.tenantId,
        status: "received",
        priority: cmd.priority,
        holdReason: null,
        cancelReason: null,
        cancelledAt: null,
        cancellationRequest: null,
      },
      lines,
      linesChanged: true,
      touchesOrder: true,
      demands: lines.map(demandOf),
      moves: [],
      locks: [],
      allocationDecides: true,
      version: 1,
      events: [],
    };
  }
  if (!state) return { code: "not_found", resource: "order", id: identity.orderId };
  const status = state.order.status;
  switch (cmd.type) {
    case "amend":
      return amend(state, cmd);
    case "cancel":
      return (
        ruled("cancel", state) ??
        change(state, {
          action: "cancelled",
          actor: cmd.actor,
          diff: { status: { from: status, to: "cancelled" }, reason: cmd.reason },
          order: {
            ...state.order,
            status: "cancelled",
            cancelReason: cmd.reason,
            cancelledAt: now,
          },
          demands: state.lines.map((l) => ({ ...demandOf(l), quantity: 0 })),
        })
      );
    case "request_cancellation":
      return requestCancellation(state, cmd, now);
    case "accept_cancellation":
      return acceptCancellation(state, cmd, now);
    case "reject_cancellation":
      return rejectCancellation(state, cmd, now);
    case "hold":
      if (status === "on_hold" && state.order.holdReason === cmd.reason) return UNCHANGED;
      return (
        ruled("hold", state) ??
        change(state, {
          action: "held",
          actor: cmd.actor,
          diff: { status: { from: status, to: "on_hold" }, reason: cmd.reason },
          order: { ...state.order, status: "on_hold", holdReason: cmd.reason },
        })
      );
    case "release": {
      const refused = ruled("release", state);
      if (refused) return refused;
      const to = allAllocated(state.lines) ? "received" : "backordered";
      return change(state, {
        action: "released",
        actor: cmd.actor,
        diff: { status: { from: status, to } },
        order: { ...state.order, status: to, holdReason: null },
      });
    }
    case "start_picking":
      if (status === "processing") return UNCHANGED;
      if (status !== "received") return notPickable(status);
      return change(state, {
        action: "picking_started",
        actor: cmd.actor,
        diff: { status: { from: status, to: "processing" } },
        order: { ...state.order, status: "processing" },
        locks: state.lines.map(demandOf),
      });
    case "ship":
      return answeredByShipment(state, ship(state, cmd), now);
    case "track": {
      const record = state.shipments.find((s) => s.row.id === cmd.shipmentId);
      if (!record) return { code: "shipment_not_found", shipment_id: cmd.shipmentId };
      const next = decideTracking(record, cmd.status, cmd.occurredAt, cmd.note);
      if (next === "unchanged") return UNCHANGED;
      if ("code" in next) return next;
      return change(state, {
        action: "shipment_tracked",
        actor: cmd.actor,
        diff: {},
        touchesOrder: false,
        shipment: { record: next, created: false },
      });
    }
    case "scan": {
      const record = state.shipments.find((s) => s.row.id === cmd.shipmentId);
      if (!record) return { code: "shipment_not_found", shipment_id: cmd.shipmentId };
      const next = decideScans(record, cmd.parcels);
      if (next === "unchanged") return UNCHANGED;
      if ("code" in next) return next;
      return change(state, {
        action: "shipment_scanned",
        actor: cmd.actor,
        diff: {},
        touchesOrder: false,
        shipment: { record: next, created: false },
      });
    }
    case "void": {
      const record = state.shipments.find((s) => s.row.id === cmd.shipmentId);
      if (!record) return { code: "shipment_not_found", shipment_id: cmd.shipmentId };
      const voided = decideVoid(record, state.lines, now);
      if (voided === "unchanged") return UNCHANGED;
      if ("code" in voided) return voided;
      const all = state.shipments.map((s) => (s.row.id === record.row.id ? voided.record : s));
      const to = fulfilmentStatus(state.lines, all);
      return change(state, {
        action: "shipment_voided",
        actor: cmd.actor,
        diff: { shipment_id: cmd.shipmentId, status: { from: status, to } },
        order: { ...state.order, status: to },
        moves: voided.moves,
        shipment: { record: voided.record, created: false },
      });
    }
    case "allocation_changed": {
      const line = state.lines.find((l) => l.lineNo === cmd.lineNo && l.sku === cmd.sku);
      if (!line || cmd.seq <= line.allocationSeq || line.allocation === cmd.status) {
        return UNCHANGED;
      }
      return change(state, {
        action: "allocation_changed",
        actor: "system",
        diff: {},
        allocationDecides: true,
      });
    }
  }
}

function notPickable(status: OrderStatus): Refusal {
  if (status === "backordered") return { code: "not_allocated", order_status: status };
  if (status === "on_hold") return { code: "order_on_hold", order_status: status };
  if (status === "cancelled") return { code: "order_cancelled", order_status: status };
  return { code: "already_shipped", order_status: status };
}

function ship(state: OrderState, cmd: Extract<OrderCommand, { type: "ship" }>): Decision {
  const { order } = state;
  if (state.shipments.some((s) => s.row.id === cmd.shipmentId)) return UNCHANGED;
  if (order.status === "cancelled") return { code: "order_cancelled", order_status: order.status };
  if (order.status === "on_hold") return { code: "order_on_hold", order_status: order.status };
  const unallocated = cmd.items.findIndex((item, i) => {
    const line = lineFor(state.lines, item, `items[${i}]`);
    return !("code" in line) && line.allocation === "backordered";
  });
  if (order.status === "backordered" || unallocated >= 0) {
    return {
      code: "not_allocated",
      order_status: order.status,
      ...(unallocated >= 0 ? { field: `items[${unallocated}].sku` } : {}),
    };
  }
  const decided = decideShipment(order, state.lines, state.shipments, cmd);
  if ("code" in decided) return decided;
  const all = [...state.shipments, decided.record];
  const to = fulfilmentStatus(state.lines, all);
  return change(state, {
    action: "shipped",
    actor: cmd.actor,
    diff: {
      shipment_id: cmd.shipmentId,
      items: cmd.items,
      status: { from: order.status, to },
    },
    order: { ...order, status: to },
    moves: decided.moves,
    // Shipping straight from `received` starts picking: every line is the picker's now.
    locks: order.status === "received" ? state.lines.map(demandOf) : [],
    shipment: { record: decided.record, created: true },
  });
}

/**
 * Applies what the stock rows answered (newer answers only), where allocation decides
 * moves the order between `received` and `backordered`, and names the events it emits.
 */
export function settle(before: OrderState | null, change: Change, answers: StockAnswer[]): Change {
  const byLine = new Map(answers.map((a) => [a.lineNo, a]));
  const allocationDiff: Record<string, unknown>[] = [];
  const lines = change.lines.map((line) => {
    const answer = byLine.get(line.lineNo);
    if (!answer || answer.sku !== line.sku || answer.seq < line.allocationSeq) return line;
    if (answer.status !== line.allocation && before && change.action === "allocation_changed") {
      allocationDiff.push({
        ...summary(line),
        allocation: { from: line.allocation, to: answer.status },
      });
    }
    return { ...line, allocation: answer.status, allocationSeq: answer.seq };
  });
  const order = { ...change.order };
  const diff = { ...change.diff };
  if (allocationDiff.length > 0) diff.items = allocationDiff;
  if (change.allocationDecides && ALLOCATING.includes(order.status)) {
    order.status = allAllocated(lines) ? "received" : "backordered";
  }
  const from = before?.order.status;
  if (!before) diff.status = order.status;
  else if (order.status !== from) diff.status = { from, to: order.status };
  const shipment = change.shipment?.created
    ? shippedLots(change.shipment, change, answers)
    : change.shipment;
  const settled = {
    ...change,
    ...(shipment && { shipment }),
    order,
    lines,
    diff,
    linesChanged: change.linesChanged || lines.some((l, i) => l !== change.lines[i]),
  };
  return { ...settled, events: eventsOf(before, settled) };
}

/**
 * A new shipment's items with the lots their units left from, as each stock row answered the
 * line's move (a line also locked for picking by the same change has a second answer).
 */
function shippedLots(
  shipment: NonNullable<Change["shipment"]>,
  change: Change,
  answers: readonly StockAnswer[],
): NonNullable<Change["shipment"]> {
  const lineNoOf = new Map(change.lines.map((l) => [l.id, l.lineNo]));
  const moved = new Map(answers.flatMap((a) => (a.lots ? [[a.lineNo, a.lots] as const] : [])));
  const items = shipment.record.items.map((item) => {
    const lots = moved.get(lineNoOf.get(item.orderLineId) ?? -1);
    return lots && lots.length > 0 ? { ...item, lots } : item;
  });
  return { ...shipment, record: { ...shipment.record, items } };
}

/**
 * What a settled change emits: its shipment's event, and the order's own when the change
 * touches it, with `order.backordered` when the order has just started to wait for stock.
 */
function eventsOf(before: OrderState | null, change: Change): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const shipment = change.shipment;
  if (shipment) {
    const type = shipment.created ? "shipment.created" : "shipment.updated";
    events.push({ type, version: shipment.record.row.version });
  }
  if (!change.touchesOrder) return events;
  const status = change.order.status;
  const type: EventType = !before
    ? "order.created"
    : status === "cancelled"
      ? "order.cancelled"
      : "order.updated";
  events.push({ type, version: change.version });
  const request = requestEvent(before, change);
  if (request) events.push({ type: request, version: change.version });
  if (status === "backordered" && before?.order.status !== "backordered") {
    events.push({ type: "order.backordered", version: change.version });
  }
  return events;
}
