import type { orderLines, orders } from "../db/schema";
import type { AllocationStatus } from "../inventory/allocation";
import type { Refusal } from "../lib/refusal";
import {
  decideShipment,
  decideTracking,
  decideVoid,
  fulfilmentStatus,
  type Item,
  type Move,
  type ShipInput,
  type ShipmentRecord,
  type TrackingStatus,
} from "../shipments/shipment-rules";

/*
 * An order's rules, with no I/O: `decide(state, command)` answers with a refusal, with
 * "nothing to do" (a repeated command), or with the change to make and the stock it
 * needs. Stock answers come back through `settle`, which is where allocation decides
 * between `received` and `backordered`. The order object runs the steps; the store
 * writes the result.
 */

export const ORDER_STATUSES = [
  "received",
  "processing",
  "partially_shipped",
  "shipped",
  "on_hold",
  "backordered",
  "cancelled",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderRow = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
/** The order's own columns, before the database stamps version, times and feed position. */
export type OrderFields = Omit<OrderRow, "version" | "createdAt" | "updatedAt" | "changeSeq">;
export type NewOrder = Omit<
  OrderFields,
  "id" | "tenantId" | "status" | "priority" | "holdReason" | "cancelReason" | "cancelledAt"
>;
export type LineInput = Pick<
  OrderLine,
  "sku" | "description" | "quantity" | "unitPrice" | "currency"
>;

export interface HistoryHead {
  seq: number;
  hash: string;
}

export interface OrderState {
  order: OrderRow;
  lines: OrderLine[];
  shipments: ShipmentRecord[];
  head: HistoryHead;
}

/** API field → column, for the fields an amend may change. */
export const AMENDABLE = {
  order_number: "orderNumber",
  order_date: "orderDate",
  shipping_method_id: "shippingMethodId",
  shipping_method: "shippingMethod",
  signature_required: "signatureRequired",
  insurance: "insurance",
  gift_message: "giftMessage",
  packing_note: "packingNote",
  ship_to: "shipTo",
} as const satisfies Record<string, keyof OrderFields>;
export type AmendPatch = { [K in keyof typeof AMENDABLE]?: OrderFields[(typeof AMENDABLE)[K]] };

export type OrderCommand =
  | {
      type: "create";
      actor: string;
      order: NewOrder;
      lines: LineInput[];
      priority: number;
      createdAt: string;
    }
  | {
      type: "amend";
      actor: string;
      ifMatch?: number;
      warehouseId?: string;
      patch: AmendPatch;
      lines?: LineInput[];
    }
  | { type: "cancel"; actor: string; reason: string | null }
  | { type: "hold"; actor: string; reason: string }
  | { type: "release"; actor: string }
  | { type: "start_picking"; actor: string }
  | ({ type: "ship"; actor: string } & ShipInput)
  | {
      type: "track";
      actor: string;
      shipmentId: string;
      status: TrackingStatus;
      occurredAt: string;
      note: string | null;
    }
  | { type: "void"; actor: string; shipmentId: string }
  | ({ type: "allocation_changed" } & StockAnswer);

/** What a stock row says about one of this order's lines, as of its version `seq`. */
export interface StockAnswer {
  sku: string;
  status: AllocationStatus;
  seq: number;
}

export interface Change {
  action: string;
  actor: string;
  /** What changed, for the history entry. */
  diff: Record<string, unknown>;
  order: OrderFields;
  lines: OrderLine[];
  linesChanged: boolean;
  /** False for a carrier update: only the shipment row changes. */
  touchesOrder: boolean;
  /** Units each touched SKU should now hold for this order (0 releases). */
  demands: Item[];
  moves: Move[];
  shipment?: { record: ShipmentRecord; created: boolean };
  /** Whether stock answers pick between `received` and `backordered`. */
  allocationDecides: boolean;
}

export type Decision = Refusal | { unchanged: true } | Change;

export const isChange = (d: Decision): d is Change => "action" in d;

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
      allocationDecides: true,
    };
  }
  if (!state) return { code: "not_found", order_id: identity.orderId };
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
  for (const [field, column] of Object.entries(AMENDABLE) as [
    keyof AmendPatch,
    keyof OrderFields,
  ][]) {
    const value = cmd.patch[field];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(order[column])) continue;
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
        ...l,
        orderId: order.id,
        lineNo: i + 1,
        allocation: kept?.allocation ?? ("backordered" as const),
        allocationSeq: kept?.allocationSeq ?? 0,
      };
    });
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
