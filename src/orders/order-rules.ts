import type { Refusal } from "../domain/refusals";
import type { OrderStatus } from "../domain/statuses";
import { canonicalJson } from "../lib/canonical-json";
import {
  decideShipment,
  decideTracking,
  decideVoid,
  fulfilmentStatus,
  type Item,
} from "../shipments/shipments.rules";
import type {
  Change,
  Decision,
  OrderCommand,
  OrderFields,
  OrderLine,
  OrderState,
  StockAnswer,
} from "./order";
import { AMENDABLE, type AmendPatch } from "./order";

/*
 * An order's rules, with no I/O: `decide(state, command)` answers with a refusal, with
 * "nothing to do" (a repeated command), or with the change to make and the stock it
 * needs. Stock answers come back through `settle`, which is where allocation decides
 * between `received` and `backordered`. The order object runs the steps; the store
 * writes the result.
 */

const EDITABLE: readonly OrderStatus[] = ["received", "backordered", "on_hold"];
const ALLOCATING: readonly OrderStatus[] = ["received", "backordered"];
const SHIPPED: readonly OrderStatus[] = ["partially_shipped", "shipped"];
const UNCHANGED = { unchanged: true } as const;

const summary = (l: Pick<OrderLine, "sku" | "quantity">) => ({ sku: l.sku, quantity: l.quantity });
const lineKey = (lines: readonly OrderLine[]) =>
  JSON.stringify(lines.map((l) => [l.sku, l.description, l.quantity, l.unitPrice, l.currency]));

export const allAllocated = (lines: readonly Pick<OrderLine, "allocation">[]) =>
  lines.every((l) => l.allocation === "allocated");

/** Units each line should hold in its stock row: what is left to ship, nothing once cancelled. */
export function heldUnits(state: Pick<OrderState, "order" | "lines" | "shipments">): Item[] {
  const shipped = new Map<string, number>();
  for (const s of state.shipments) {
    if (s.row.voided) continue;
    for (const i of s.items) shipped.set(i.sku, (shipped.get(i.sku) ?? 0) + i.quantity);
  }
  return state.lines.map((l) => ({
    sku: l.sku,
    quantity: state.order.status === "cancelled" ? 0 : l.quantity - (shipped.get(l.sku) ?? 0),
  }));
}

function change(
  state: OrderState,
  patch: Partial<Change> & Pick<Change, "action" | "actor" | "diff">,
): Change {
  return {
    order: { ...state.order },
    lines: state.lines,
    linesChanged: false,
    touchesOrder: true,
    demands: [],
    moves: [],
    locks: [],
    allocationDecides: false,
    ...patch,
  };
}

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
      },
      lines,
      linesChanged: true,
      touchesOrder: true,
      demands: lines.map(summary),
      moves: [],
      locks: [],
      allocationDecides: true,
    };
  }
  if (!state) return { code: "not_found", resource: "order", id: identity.orderId };
  const status = state.order.status;
  switch (cmd.type) {
    case "amend":
      return amend(state, cmd);
    case "cancel":
      if (status === "cancelled") return UNCHANGED;
      if (SHIPPED.includes(status)) return { code: "already_shipped", order_status: status };
      if (status === "processing") return { code: "not_cancelable", order_status: status };
      return change(state, {
        action: "cancelled",
        actor: cmd.actor,
        diff: { status: { from: status, to: "cancelled" }, reason: cmd.reason },
        order: { ...state.order, status: "cancelled", cancelReason: cmd.reason, cancelledAt: now },
        demands: state.lines.map((l) => ({ sku: l.sku, quantity: 0 })),
      });
    case "hold":
      if (status === "on_hold" && state.order.holdReason === cmd.reason) return UNCHANGED;
      if (!EDITABLE.includes(status)) return { code: "not_holdable", order_status: status };
      return change(state, {
        action: "held",
        actor: cmd.actor,
        diff: { status: { from: status, to: "on_hold" }, reason: cmd.reason },
        order: { ...state.order, status: "on_hold", holdReason: cmd.reason },
      });
    case "release": {
      if (status !== "on_hold") return { code: "not_on_hold", order_status: status };
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
        locks: state.lines.map((l) => l.sku),
      });
    case "ship":
      return ship(state, cmd);
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
    case "void": {
      const record = state.shipments.find((s) => s.row.id === cmd.shipmentId);
      if (!record) return { code: "shipment_not_found", shipment_id: cmd.shipmentId };
      const voided = decideVoid(record, now);
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
      const line = state.lines.find((l) => l.sku === cmd.sku);
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

function amend(state: OrderState, cmd: Extract<OrderCommand, { type: "amend" }>): Decision {
  const { order } = state;
  if (!EDITABLE.includes(order.status)) {
    return order.status === "cancelled"
      ? { code: "order_cancelled", order_status: order.status }
      : { code: "too_late_to_amend", order_status: order.status };
  }
  if (cmd.ifMatch !== undefined && cmd.ifMatch !== order.version) {
    return {
      code: "version_conflict",
      if_match: String(cmd.ifMatch),
      current_version: String(order.version),
    };
  }
  if (cmd.warehouseId !== undefined && cmd.warehouseId !== order.warehouseId) {
    return { code: "warehouse_change_not_allowed", field: "warehouse_id" };
  }
  const next: OrderFields = { ...order };
  const diff: Record<string, unknown> = {};
  const values: Partial<Record<keyof AmendPatch, unknown>> = {
    ...cmd.patch,
    ship_to: cmd.patch.ship_to && mergePatch(order.shipTo, cmd.patch.ship_to),
  };
  for (const [field, column] of Object.entries(AMENDABLE) as [
    keyof AmendPatch,
    keyof OrderFields,
  ][]) {
    const value = values[field];
    if (value === undefined || canonicalJson(value) === canonicalJson(order[column])) continue;
    diff[field] = { from: order[column], to: value };
    (next as Record<string, unknown>)[column] = value;
  }
  let lines = state.lines;
  const demands: Item[] = [];
  if (cmd.lines) {
    const before = new Map(state.lines.map((l) => [l.sku, l]));
    const proposed = cmd.lines.map((l, i) => {
      const kept = before.get(l.sku);
      return {
        sku: l.sku,
        quantity: l.quantity,
        description: l.description === undefined ? (kept?.description ?? null) : l.description,
        unitPrice: l.unitPrice === undefined ? (kept?.unitPrice ?? null) : l.unitPrice,
        currency: l.currency === undefined ? (kept?.currency ?? null) : l.currency,
        orderId: order.id,
        lineNo: i + 1,
        allocation: kept?.allocation ?? ("backordered" as const),
        allocationSeq: kept?.allocationSeq ?? 0,
      };
    });
    const unpriced = proposed.findIndex((l) => l.unitPrice !== null && l.currency === null);
    if (unpriced >= 0) return { code: "currency_required", field: `items[${unpriced}].currency` };
    if (lineKey(proposed) !== lineKey(state.lines)) {
      diff.items = { from: state.lines.map(summary), to: proposed.map(summary) };
      lines = proposed;
      const after = new Map(proposed.map((l) => [l.sku, l.quantity]));
      for (const l of state.lines) if (!after.has(l.sku)) demands.push({ sku: l.sku, quantity: 0 });
      for (const l of proposed) {
        if (before.get(l.sku)?.quantity !== l.quantity) demands.push(summary(l));
      }
    }
  }
  if (Object.keys(diff).length === 0) return UNCHANGED;
  return change(state, {
    action: "amended",
    actor: cmd.actor,
    diff,
    order: next,
    lines,
    linesChanged: lines !== state.lines,
    demands,
    allocationDecides: true,
  });
}

/** RFC 7396 on one flat object: a key sent replaces, `null` clears, a key not sent stays. */
function mergePatch<T extends Record<string, unknown>>(
  current: T,
  patch: { [K in keyof T]?: T[K] | null },
): T {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    merged[key] = value;
  }
  return merged as T;
}

function ship(state: OrderState, cmd: Extract<OrderCommand, { type: "ship" }>): Decision {
  const { order } = state;
  if (state.shipments.some((s) => s.row.id === cmd.shipmentId)) return UNCHANGED;
  if (order.status === "cancelled") return { code: "order_cancelled", order_status: order.status };
  if (order.status === "on_hold") return { code: "order_on_hold", order_status: order.status };
  const unallocated = cmd.items.findIndex(
    (item) => state.lines.find((l) => l.sku === item.sku)?.allocation === "backordered",
  );
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
    locks: order.status === "received" ? state.lines.map((l) => l.sku) : [],
    shipment: { record: decided.record, created: true },
  });
}

/**
 * Applies what the stock rows answered (newer answers only) and, where allocation
 * decides, moves the order between `received` and `backordered`.
 */
export function settle(before: OrderState | null, change: Change, answers: StockAnswer[]): Change {
  const bySku = new Map(answers.map((a) => [a.sku, a]));
  const allocationDiff: Record<string, unknown>[] = [];
  const lines = change.lines.map((line) => {
    const answer = bySku.get(line.sku);
    if (!answer || answer.seq < line.allocationSeq) return line;
    if (answer.status !== line.allocation && before && change.action === "allocation_changed") {
      allocationDiff.push({
        sku: line.sku,
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
  return {
    ...change,
    order,
    lines,
    diff,
    linesChanged: change.linesChanged || lines.some((l, i) => l !== change.lines[i]),
  };
}
