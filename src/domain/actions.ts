import type { Refusal } from "./refusals";
import type {
  CancellationRequestStatus,
  OrderStatus,
  ShipmentStatus,
  TrackingStatus,
} from "./statuses";

/*
 * Which action each status allows, and the refusal when it does not. The order and shipment
 * rules answer commands with these, and the console offers a button only where they say yes,
 * so a screen never offers what the API would refuse with a 409. They sit here, beside the
 * vocabularies, because the console may read nothing of the features.
 */

/** Statuses an order can still be changed in: amended, held, cancelled outright. */
export const EDITABLE: readonly OrderStatus[] = ["received", "backordered", "on_hold"];
/** Statuses where units have left the building and cannot be called back. */
export const SHIPPED: readonly OrderStatus[] = ["partially_shipped", "shipped"];

/** What an action asks of an order: the state it is in, as the API and the console both see it. */
export interface OrderFacts {
  status: OrderStatus;
  request: CancellationRequestStatus | null;
  /** Allocated units not yet shipped: what the sandbox's floor would pick. */
  unshippedAllocated: number;
}

/** A repeated command that changes nothing: answered with the resource as it is. */
export const NO_CHANGE = "unchanged";
type Answer = Refusal | typeof NO_CHANGE | null;

const ORDER_RULES = {
  amend: ({ status }: OrderFacts): Refusal | null => {
    if (EDITABLE.includes(status)) return null;
    if (status === "cancelled") return { code: "order_cancelled", order_status: status };
    return { code: "too_late_to_amend", order_status: status };
  },
  cancel: ({ status }: OrderFacts): Answer => {
    if (status === "cancelled") return NO_CHANGE;
    if (SHIPPED.includes(status)) return { code: "already_shipped", order_status: status };
    if (status === "processing") return { code: "not_cancelable", order_status: status };
    return null;
  },
  /** Before picking a request cancels at once; once picking started it waits for the floor. */
  request_cancellation: ({ status, request }: OrderFacts): Answer => {
    if (status === "cancelled") return NO_CHANGE;
    if (SHIPPED.includes(status)) return { code: "already_shipped", order_status: status };
    // A second request while one waits is the same request.
    if (request === "pending") return NO_CHANGE;
    return null;
  },
  /** The floor's accept or reject: only a pending request has an answer to give. */
  answer_cancellation: ({ status, request }: OrderFacts): Refusal | null =>
    request === "pending"
      ? null
      : {
          code: "no_pending_cancellation_request",
          order_status: status,
          cancellation_request_status: request,
        },
  hold: ({ status }: OrderFacts): Refusal | null =>
    EDITABLE.includes(status) ? null : { code: "not_holdable", order_status: status },
  release: ({ status }: OrderFacts): Refusal | null =>
    status === "on_hold" ? null : { code: "not_on_hold", order_status: status },
  /** The sandbox's floor picks and ships every allocated unit left. */
  fulfil: ({ status, unshippedAllocated }: OrderFacts): Refusal | null => {
    if (status === "cancelled") return { code: "order_cancelled", order_status: status };
    if (status === "on_hold") return { code: "order_on_hold", order_status: status };
    if (status === "backordered") return { code: "not_allocated", order_status: status };
    if (unshippedAllocated === 0) return { code: "nothing_to_ship", order_status: status };
    return null;
  },
} as const;

export type OrderAction = keyof typeof ORDER_RULES;

/** What the API answers `action` on an order in this state: a refusal, unchanged, or null (it acts). */
export const orderRule = <A extends OrderAction>(
  action: A,
  order: OrderFacts,
): ReturnType<(typeof ORDER_RULES)[A]> =>
  ORDER_RULES[action](order) as ReturnType<(typeof ORDER_RULES)[A]>;

/** Whether `action` would change the order: neither refused nor a repeat. */
export const orderAllows = (action: OrderAction, order: OrderFacts): boolean =>
  orderRule(action, order) === null;

/** The carrier's usual next scan; `exception` and the final statuses have none. */
export const NEXT_TRACKING: Partial<Record<ShipmentStatus, TrackingStatus>> = {
  shipped: "in_transit",
  in_transit: "out_for_delivery",
  out_for_delivery: "delivered",
};

/** Nothing moves a shipment out of `voided` or `delivered`. */
function shipmentFinal(status: ShipmentStatus): Refusal | null {
  if (status === "voided") return { code: "shipment_voided", shipment_status: status };
  if (status === "delivered") return { code: "already_delivered", shipment_status: status };
  return null;
}

const SHIPMENT_RULES = {
  /** A carrier status reported by the floor. */
  track: (status: ShipmentStatus): Refusal | null => shipmentFinal(status),
  /** A carrier's scans of the parcels: late ones still count once delivered, none once voided. */
  scan: (status: ShipmentStatus): Refusal | null =>
    status === "voided" ? { code: "shipment_voided", shipment_status: status } : null,
  /** The sandbox's carrier scan with no status named: the usual next one. */
  advance: (status: ShipmentStatus): Refusal | null =>
    shipmentFinal(status) ??
    (NEXT_TRACKING[status]
      ? null
      : { code: "status_required", field: "status", shipment_status: status }),
  /** A delivered parcel cannot be unshipped; voiding twice is a repeat. */
  void: (status: ShipmentStatus): Answer => {
    if (status === "voided") return NO_CHANGE;
    if (status === "delivered") return { code: "already_delivered", shipment_status: status };
    return null;
  },
} as const;

export type ShipmentAction = keyof typeof SHIPMENT_RULES;

export const shipmentRule = <A extends ShipmentAction>(
  action: A,
  status: ShipmentStatus,
): ReturnType<(typeof SHIPMENT_RULES)[A]> =>
  SHIPMENT_RULES[action](status) as ReturnType<(typeof SHIPMENT_RULES)[A]>;

export const shipmentAllows = (action: ShipmentAction, status: ShipmentStatus): boolean =>
  shipmentRule(action, status) === null;
