import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Refusal, RefusalCode } from "../lib/refusal";
import { ApiError } from "./errors";

type Details = Record<string, unknown>;

interface Rendering {
  status: ContentfulStatusCode;
  /** The code the client sees, when it differs from the domain's. */
  wire?: string;
  message: (d: Details) => string;
}

/** The one table from a domain refusal to an HTTP status and a message a person can act on. */
const REFUSALS: Record<RefusalCode, Rendering> = {
  not_found: { status: 404, message: (d) => `No order with id '${d.order_id ?? d.operation_id}'.` },
  shipment_not_found: {
    status: 404,
    wire: "not_found",
    message: (d) => `No shipment with id '${d.shipment_id}'.`,
  },
  version_conflict: {
    status: 409,
    message: (d) =>
      `If-Match names version ${d.if_match} but the order is at version ${d.current_version}; re-read it and retry.`,
  },
  too_late_to_amend: {
    status: 409,
    message: () =>
      "Order is being picked or has shipped and can no longer be amended; cancel to change it.",
  },
  order_cancelled: {
    status: 409,
    message: () =>
      "The order is cancelled; nothing more can change it. Create a new order with a new reference (a reference stays used forever, e.g. F-100423-2 after F-100423-1).",
  },
  warehouse_change_not_allowed: {
    status: 422,
    message: () =>
      "An order cannot move between warehouses: cancel it and create a new one there, with a new reference (a reference stays used forever, e.g. F-100423-2 after F-100423-1).",
  },
  already_shipped: { status: 409, message: () => "Order has shipped." },
  not_cancelable: {
    status: 409,
    message: () => "Order is being picked and can no longer be cancelled.",
  },
  not_holdable: {
    status: 409,
    message: (d) => `An order that is ${d.order_status} cannot be put on hold.`,
  },
  not_on_hold: { status: 409, message: (d) => `The order is ${d.order_status}, not on hold.` },
  not_allocated: {
    status: 409,
    message: () =>
      "Lines are still waiting for stock; picking and shipping need every line allocated.",
  },
  order_on_hold: { status: 409, message: () => "The order is on hold; release it first." },
  sku_not_in_order: { status: 422, message: (d) => `sku '${d.sku}' is not a line of this order.` },
  over_shipment: {
    status: 422,
    message: (d) => `Only ${d.remaining} of '${d.sku}' remain to ship (ordered ${d.ordered}).`,
  },
  shipment_voided: {
    status: 409,
    message: () => "The shipment is voided; its status can no longer change.",
  },
  already_delivered: {
    status: 409,
    message: () => "The shipment is delivered; it can no longer change or be voided.",
  },
  insufficient_stock: {
    status: 409,
    message: (d) =>
      Number(d.on_hand) + Number(d.quantity_delta) < 0
        ? `Only ${d.on_hand} on hand; a delta of ${d.quantity_delta} would go below zero.`
        : `${d.allocated} of the ${d.on_hand} on hand are allocated to open orders; amend or cancel them before removing more than ${Number(d.on_hand) - Number(d.allocated)}.`,
  },
  stock_in_picking: {
    status: 409,
    message: (d) =>
      `Only ${d.on_hand} on hand and ${d.allocated} allocated: the shortfall is held by orders already being picked (${d.orders}); finish or void their picking before recording this loss.`,
  },
  order_busy: {
    status: 503,
    message: (d) =>
      `A previous change to this order is still being completed; retry in ${d.retry_after} s. Nothing was changed by this request.`,
  },
  currency_required: {
    status: 422,
    wire: "validation_error",
    message: (d) => `${d.field}: is required with unit_price.`,
  },
  retry_failed: {
    status: 409,
    message: (d) => `The operation failed again and stays parked: ${d.error}`,
  },
};

export function refusalError(refusal: Refusal): ApiError {
  const { code, ...details } = refusal;
  const rendering = REFUSALS[code];
  const headers: Record<string, string> =
    code === "order_busy" ? { "Retry-After": String(details.retry_after) } : {};
  return new ApiError(
    rendering.status,
    rendering.wire ?? code,
    rendering.message(details),
    details,
    headers,
  );
}
