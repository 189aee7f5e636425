import { z } from "@hono/zod-openapi";
import { IdempotencyKeyHeader } from "../http/idempotent";
import { apiRoute, HEADERS, jsonContent } from "../http/openapi";
import { InboundIdParam, InboundShipment, ReceiveInbound } from "../inbound/inbound.routes";
import {
  ConditionMove,
  CreateAdjustment,
  CreateConditionMove,
  InventoryAdjustment,
} from "../inventory/inventory.routes";
import { HoldOrder, Order, OrderIdParam, RejectCancellation } from "../orders/orders.schemas";
import { ReceiveReturn, RecordReturn, Return, ReturnIdParam } from "../returns/returns.routes";
import {
  CreateShipment,
  RecordTrackingEvents,
  Shipment,
  ShipmentIdParam,
  UpdateShipmentStatus,
} from "../shipments/shipments.schemas";

/*
 * The warehouse floor's API (/v1/ops): `warehouse:operate`, a tenant key on its own
 * tenant, a platform key on any. Every write takes an Idempotency-Key.
 */

const conflict = { description: "The order's or shipment's state forbids this; `code` says why" };
const replayNote =
  " A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.";
const scopeNote = " A tenant key acts on its own orders only; a platform key on any.";

const orderResponses = {
  200: { description: "The order", content: jsonContent(Order) },
  404: { description: "Unknown order" },
  409: conflict,
};

const orderOp = <P extends string>(path: P, summary: string, description: string) =>
  apiRoute("warehouse:operate", {
    method: "post",
    path: `/ops/orders/{id}/${path}`,
    tags: ["Operations"],
    summary,
    description: description + scopeNote + replayNote,
    request: { params: OrderIdParam, headers: IdempotencyKeyHeader },
    responses: orderResponses,
  });

export const startPicking = orderOp(
  "start-picking",
  "Start picking",
  "received → processing; from now on amend and cancel are 409. Needs every line allocated.",
);

export const hold = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/orders/{id}/hold",
  tags: ["Operations"],
  summary: "Put an order on hold",
  description: `Keeps its allocation; amend and cancel still work.${scopeNote}${replayNote}`,
  request: {
    params: OrderIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(HoldOrder) },
  },
  responses: orderResponses,
});

export const release = orderOp(
  "release",
  "Release a hold",
  "Back to received, or backordered if a line still waits.",
);

export const acceptCancellation = orderOp(
  "cancellation-request/accept",
  "Accept a cancellation request",
  "The floor stopped the order: its pending request becomes `accepted`, the order `cancelled`, and every allocation goes back to stock (picking's included) as a cancel does; `order.cancelled` fires. Accepting twice returns the cancelled order. 409 `no_pending_cancellation_request` when no request waits (none was made, it was rejected, or a shipment answered it).",
);

export const rejectCancellation = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/orders/{id}/cancellation-request/reject",
  tags: ["Operations"],
  summary: "Reject a cancellation request",
  description: `The order goes on: its pending request becomes \`rejected\` with the reason given, and \`order.cancellation_rejected\` fires. Rejecting again with the same reason returns the order unchanged. 409 \`no_pending_cancellation_request\` when no request waits.${scopeNote}${replayNote}`,
  request: {
    params: OrderIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(RejectCancellation) },
  },
  responses: orderResponses,
});

export const ship = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/shipments",
  tags: ["Operations"],
  summary: "Report a shipment (one or more parcels) for an order",
  description:
    "From `received` or `processing` (shipping implies picking) or `partially_shipped`. The order becomes `partially_shipped` or `shipped`; on_hand and allocated fall by the shipped units. " +
    "422 for shipping more than ordered-minus-shipped on a line (`over_shipment`), a sku not on the order, a SKU on several lines without the item's `line_id` (`ambiguous_line`), a `line_id` not on the order, no parcels, or a repeated tracking number; for a serial-tracked product's item without one serial per unit (`serials_required`), serials on any other product's item (`serials_not_tracked`), a serial named twice (`validation_error`), or a serial already out on another shipment (`serial_unavailable`, `field` naming it: of two shipments racing for one serial exactly one is created); 409 for a cancelled, held or backordered order. Nothing moves before every check passes." +
    replayNote,
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(CreateShipment) },
  },
  responses: {
    201: { description: "Shipped", content: jsonContent(Shipment) },
    200: { description: "The existing shipment (a replay)", content: jsonContent(Shipment) },
    409: conflict,
  },
});

export const track = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/shipments/{id}/status",
  tags: ["Operations"],
  summary: "Record a carrier status",
  description:
    "in_transit, out_for_delivery, delivered or exception, with when it happened, for the whole shipment: for a floor whose carrier does not report parcel by parcel. Nothing moves a shipment out of `delivered` or `voided` (409). Once any of its parcels has tracking events (`POST /v1/ops/shipments/{id}/tracking-events`) their scans set its status, and this is 409 `tracked_by_parcels`." +
    replayNote,
  request: {
    params: ShipmentIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(UpdateShipmentStatus) },
  },
  responses: {
    200: { description: "Updated", content: jsonContent(Shipment) },
    404: { description: "Unknown shipment" },
    409: conflict,
  },
});

export const trackingEvents = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/shipments/{id}/tracking-events",
  tags: ["Operations"],
  summary: "Record a parcel's carrier tracking events",
  description:
    "One parcel, by `tracking_number`, and one or more of the carrier's scans, in any order and however late. Each carrier event id is recorded once per parcel: sending it again with the same content changes nothing (the shipment comes back as it is, no event fires), with different content it is 409 `tracking_event_conflict` naming the member that differs. " +
    "The parcel's `status` is its latest event by `occurred_at` (ties: the order received); the shipment's is `exception` while any parcel's latest is an exception or a return to sender, otherwise the least advanced parcel's stage (shipped for label_created or no scan, in_transit for picked_up and in_transit, out_for_delivery, delivered), so `delivered` once every parcel is. A status change is added to `status_history`. " +
    "Anything new fires `shipment.updated` with the shipment and moves it up the `updated_since` feed. `reason_code` is required for an `exception` and refused otherwise; `proof_of_delivery` only goes on a `delivered` event. A voided shipment refuses events (409 `shipment_voided`); a delivered one still takes late ones. 422 `parcel_not_found` for a tracking number not on the shipment, `too_many_tracking_events` past the per-parcel limit." +
    scopeNote +
    replayNote,
  request: {
    params: ShipmentIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(RecordTrackingEvents) },
  },
  responses: {
    200: { description: "The shipment with the events recorded", content: jsonContent(Shipment) },
    404: { description: "Unknown shipment" },
    409: conflict,
  },
});

export const voidShipment = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/shipments/{id}/void",
  tags: ["Operations"],
  summary: "Void a shipment's label",
  description:
    "The shipment stays, flagged `voided`; its units go back to allocated, its serials may ship again, and the order returns to what its remaining shipments imply. Voiding twice is a no-op; a delivered shipment cannot be voided (409)." +
    replayNote,
  request: { params: ShipmentIdParam, headers: IdempotencyKeyHeader },
  responses: {
    200: { description: "Voided", content: jsonContent(Shipment) },
    404: { description: "Unknown shipment" },
    409: conflict,
  },
});

export const adjust = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/inventory-adjustments",
  tags: ["Operations"],
  summary: "Adjust stock on hand",
  description:
    "A signed delta with a reason. Stock that arrives is allocated to waiting lines, oldest order first. 409 `insufficient_stock` if on_hand would go below zero or below what is allocated to open orders." +
    replayNote,
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(CreateAdjustment) },
  },
  responses: {
    201: { description: "Recorded", content: jsonContent(InventoryAdjustment) },
    200: { description: "The first result (a replay)", content: jsonContent(InventoryAdjustment) },
    409: { description: "Would take on_hand below zero or below what is allocated" },
  },
});

export const moveCondition = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/inventory/condition-moves",
  tags: ["Operations"],
  summary: "Move units between stock conditions",
  description:
    "`quantity` units of a SKU in one warehouse go from one condition (`sellable`, `quarantine`, `damaged`, `expired`) to another, with a reason; the move is recorded with who made it (`GET /v1/inventory/condition-moves`), and the SKU's `inventory.updated` follows about a second later. Only sellable units (on_hand) are ever allocated. " +
    "Out of `sellable` is a loss of sellable stock, by the rules of a negative adjustment: allocations of orders not yet being picked go back to waiting, newest first, and only a shortfall held by orders being picked refuses it (409 `stock_in_picking`). Into `sellable` is a receipt: the units fill waiting lines, oldest order first. " +
    "409 `insufficient_condition_stock` (field `quantity`) when `from` holds fewer units; nothing moves then. 422 when `to` equals `from`." +
    replayNote,
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(CreateConditionMove) },
  },
  responses: {
    201: { description: "Moved", content: jsonContent(ConditionMove) },
    200: { description: "The first result (a replay)", content: jsonContent(ConditionMove) },
    409: { description: "`from` holds fewer units, or only stock being picked could cover them" },
  },
});

export const receiveInbound = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/inbound-shipments/{id}/receipts",
  tags: ["Operations"],
  summary: "Record what arrived for an ASN",
  description:
    "Receipts accumulate. Good units (received − damaged) go on the shelf and fill waiting backorders, oldest first; damaged units are counted in the SKU's `damaged` stock, never allocated. The ASN is `partially_received` while some expected line has no receipt, `received` once every one has. `inbound.received` fires on each receipt, `inbound.discrepancy` when the ASN becomes received with a discrepancy. 409 once receiving is closed or the ASN cancelled." +
    replayNote,
  request: {
    params: InboundIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(ReceiveInbound) },
  },
  responses: {
    200: {
      description: "The ASN with this receipt counted",
      content: jsonContent(InboundShipment),
    },
    404: { description: "Unknown ASN" },
    409: conflict,
  },
});

export const closeInbound = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/inbound-shipments/{id}/close",
  tags: ["Operations"],
  summary: "Close receiving with what has arrived",
  description:
    "The ASN becomes `received` whatever is missing; its outstanding units stop counting as incoming, and any discrepancy fires `inbound.discrepancy`. Closing twice returns the closed ASN." +
    replayNote,
  request: { params: InboundIdParam, headers: IdempotencyKeyHeader },
  responses: {
    200: { description: "Closed", content: jsonContent(InboundShipment) },
    404: { description: "Unknown ASN" },
    409: conflict,
  },
});

const returnConflict = {
  description:
    "The return's state forbids this (`already_received`, `not_received`) or its rma is taken (`duplicate_rma`)",
};
const returnChecks =
  " 422 `sku_not_shipped` (`items[i].sku`) for a SKU that never shipped on the order and `over_return` (`items[i].quantity`) for more than shipped (voided shipments excluded) minus what its returns already brought back, per order line (`ambiguous_line` when several lines shipped the SKU and the item has no `line_id`); a serial-tracked product's line names the serial of each unit back (`serials_required`), each out on a shipment of the order (`serial_not_shipped`, `field` naming it), and frees it to ship again; two receipts racing for one order never both pass. Units restocked in `resellable` condition add to on_hand and fill waiting lines, oldest order first; the others (not restocked, or restocked in another condition) are counted in the SKU's `damaged` stock, never allocated. `return.received` fires with the whole return.";

export const recordReturn = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/returns",
  tags: ["Operations"],
  summary: "Record a return that arrived without an RMA",
  description: `It is \`received\` at once. 422 \`unknown_order\` (field \`order_id\`) for an order the key may not act on.${returnChecks}${scopeNote}${replayNote}`,
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(RecordReturn) },
  },
  responses: {
    201: {
      description: "Recorded",
      content: jsonContent(Return),
      headers: z.object({ Location: HEADERS.location }),
    },
    200: {
      description: "The first result (a replay)",
      content: jsonContent(Return),
      headers: z.object({ "Idempotent-Replayed": HEADERS.replayed }),
    },
    409: returnConflict,
  },
});

export const receiveReturn = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/returns/{id}/receive",
  tags: ["Operations"],
  summary: "Receive an expected return",
  description: `expected → received, with what arrived: condition and restocked per line. The same receipt again returns the return unchanged; another receipt of a received return is 409 \`already_received\`.${returnChecks}${scopeNote}${replayNote}`,
  request: {
    params: ReturnIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(ReceiveReturn) },
  },
  responses: {
    200: { description: "Received", content: jsonContent(Return) },
    404: { description: "Unknown return" },
    409: returnConflict,
  },
});

export const processReturn = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/returns/{id}/process",
  tags: ["Operations"],
  summary: "Mark a received return processed",
  description: `received → processed (the refund or write-off is settled); processing twice changes nothing. 409 \`not_received\` while it is still expected.${scopeNote}${replayNote}`,
  request: { params: ReturnIdParam, headers: IdempotencyKeyHeader },
  responses: {
    200: { description: "Processed", content: jsonContent(Return) },
    404: { description: "Unknown return" },
    409: returnConflict,
  },
});
