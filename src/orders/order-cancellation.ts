import { EDITABLE } from "../domain/actions";
import type { EventType } from "../domain/events";
import {
  type Change,
  type Decision,
  isChange,
  type OrderCommand,
  type OrderRow,
  type OrderState,
} from "./order";
import { change, demandOf, ruled, UNCHANGED } from "./order-change";

/*
 * Cancellation requests, with no I/O. Before picking a request is a cancel, accepted at
 * once. Once picking started it waits, pending, for the floor: accepted, the order is
 * cancelled and every allocation goes back as a cancel does; rejected, the order goes on.
 * Units that left the building cannot be called back, so an order that shipped anything
 * refuses, and a shipment reported while a request waits answers it: rejected, shipped.
 */

type Command<T extends OrderCommand["type"]> = Extract<OrderCommand, { type: T }>;
type Request = NonNullable<OrderRow["cancellationRequest"]>;

/** What a request answered by a shipment says, for the partner who asked. */
export const SHIPPED_FIRST = "The order shipped before the request was answered.";

export function requestCancellation(
  state: OrderState,
  cmd: Command<"request_cancellation">,
  now: string,
): Decision {
  const refused = ruled("request_cancellation", state);
  if (refused) return refused;
  const request: Request = {
    status: "pending",
    reason: cmd.reason,
    requested_at: now,
    decided_at: null,
    rejection_reason: null,
  };
  if (EDITABLE.includes(state.order.status)) {
    return cancelled(state, cmd.actor, "cancelled", {
      ...request,
      status: "accepted",
      decided_at: now,
    });
  }
  return change(state, {
    action: "cancellation_requested",
    actor: cmd.actor,
    diff: { cancellation_request: { status: "pending", reason: cmd.reason } },
    order: { ...state.order, cancellationRequest: request },
  });
}

export function acceptCancellation(
  state: OrderState,
  cmd: Command<"accept_cancellation">,
  now: string,
): Decision {
  const request = state.order.cancellationRequest;
  if (request?.status === "accepted") return UNCHANGED;
  const refused = ruled("answer_cancellation", state);
  if (refused || !request) return refused ?? UNCHANGED;
  return cancelled(state, cmd.actor, "cancellation_accepted", {
    ...request,
    status: "accepted",
    decided_at: now,
  });
}

export function rejectCancellation(
  state: OrderState,
  cmd: Command<"reject_cancellation">,
  now: string,
): Decision {
  const request = state.order.cancellationRequest;
  if (request?.status === "rejected" && request.rejection_reason === cmd.reason) return UNCHANGED;
  const refused = ruled("answer_cancellation", state);
  if (refused || !request) return refused ?? UNCHANGED;
  return rejected(state, cmd.actor, request, cmd.reason, now);
}

/**
 * A shipment reported while a request waits: the floor has answered it by shipping. The
 * shipment's change also closes the request, so the partner hears why.
 */
export function answeredByShipment(state: OrderState, decision: Decision, now: string): Decision {
  const request = state.order.cancellationRequest;
  if (!isChange(decision) || request?.status !== "pending") return decision;
  const closed = closedRequest(request, SHIPPED_FIRST, now);
  return {
    ...decision,
    diff: { ...decision.diff, cancellation_request: { from: "pending", to: "rejected" } },
    order: { ...decision.order, cancellationRequest: closed },
  };
}

/** The event a change of the request emits beside the order's own: the acceptance is `order.cancelled`. */
export function requestEvent(before: OrderState | null, after: Change): EventType | undefined {
  const was = before?.order.cancellationRequest;
  const now = after.order.cancellationRequest;
  if (!now || (was?.status === now.status && was.requested_at === now.requested_at)) return;
  if (now.status === "pending") return "order.cancellation_requested";
  if (now.status === "rejected") return "order.cancellation_rejected";
  return undefined;
}

function cancelled(state: OrderState, actor: string, action: string, request: Request): Change {
  const { status } = state.order;
  return change(state, {
    action,
    actor,
    diff: {
      status: { from: status, to: "cancelled" },
      reason: request.reason,
      cancellation_request: { status: "accepted" },
    },
    order: {
      ...state.order,
      status: "cancelled",
      cancelReason: request.reason,
      cancelledAt: request.decided_at,
      cancellationRequest: request,
    },
    demands: state.lines.map((l) => ({ ...demandOf(l), quantity: 0 })),
  });
}

function rejected(
  state: OrderState,
  actor: string,
  request: Request,
  reason: string,
  now: string,
): Change {
  return change(state, {
    action: "cancellation_rejected",
    actor,
    diff: { cancellation_request: { from: "pending", to: "rejected" }, rejection_reason: reason },
    order: { ...state.order, cancellationRequest: closedRequest(request, reason, now) },
  });
}

const closedRequest = (request: Request, reason: string, now: string): Request => ({
  ...request,
  status: "rejected",
  decided_at: now,
  rejection_reason: reason,
});
