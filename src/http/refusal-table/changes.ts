import type { RefusalCode } from "../../domain/refusals";
import { quoted, type Rendering } from "./rendering";

/** What the state of a resource, or of the service, forbids. */
export const CHANGE_REFUSALS = {
  duplicate_reference: {
    status: 409,
    about:
      "The `reference` is taken by another order (`order_id`) or ASN (`inbound_id`) with a different body.",
    message: (d) =>
      d.inbound_id
        ? `reference is already used by inbound shipment ${d.inbound_id} with a different body.`
        : `reference is already used by order ${d.order_id} with a different body.`,
  },
  version_conflict: {
    status: 409,
    about: "`If-Match` names an older version (`current_version`): read the order and retry.",
    message: (d) =>
      `If-Match names version ${d.if_match} but the order is at version ${d.current_version}; re-read it and retry.`,
  },
  too_late_to_amend: {
    status: 409,
    about: "The order is being picked or has shipped; amend is over.",
    message: () =>
      "Order is being picked or has shipped and can no longer be amended; cancel to change it.",
  },
  order_cancelled: {
    status: 409,
    about: "The order is cancelled: nothing more changes it.",
    message: () =>
      "The order is cancelled; nothing more can change it. Create a new order with a new reference (a reference stays used forever, e.g. F-100423-2 after F-100423-1).",
  },
  warehouse_change_not_allowed: {
    status: 422,
    about: "An amend names another warehouse: cancel and recreate with a new reference.",
    message: () =>
      "An order cannot move between warehouses: cancel it and create a new one there, with a new reference (a reference stays used forever, e.g. F-100423-2 after F-100423-1).",
  },
  order_archived: {
    status: 409,
    about:
      "The order was archived after its hot window (`order_id`): it can still be read, but nothing changes it any more.",
    message: (d) =>
      `Order ${d.order_id} is archived: it reached a final state long ago and can be read but not changed.`,
  },
  already_shipped: {
    status: 409,
    about:
      "The order has shipped, wholly or in part (`order_status` `partially_shipped`): shipped units cannot be called back.",
    message: (d) =>
      d.order_status === "partially_shipped"
        ? "Part of the order has shipped, and shipped units cannot be called back; nothing was changed."
        : "Order has shipped.",
  },
  not_cancelable: {
    status: 409,
    about:
      "Picking has started: cancel is over. `POST /v1/orders/{id}/cancellation-request` asks the floor to stop the order.",
    message: () =>
      "Order is being picked and can no longer be cancelled outright; POST /v1/orders/{id}/cancellation-request asks the warehouse to stop it.",
  },
  no_pending_cancellation_request: {
    status: 409,
    about:
      "The floor accepted or rejected a cancellation request the order does not have pending (`cancellation_request_status`: null, `accepted` or `rejected`).",
    message: (d) =>
      d.cancellation_request_status
        ? `The order's cancellation request is already ${d.cancellation_request_status}; there is none pending to answer.`
        : "The order has no cancellation request to answer.",
  },
  not_holdable: {
    status: 409,
    about: "Only `received`, `backordered` and `on_hold` orders can be held.",
    message: (d) => `An order that is ${d.order_status} cannot be put on hold.`,
  },
  not_on_hold: {
    status: 409,
    about: "Release of an order that is not on hold.",
    message: (d) => `The order is ${d.order_status}, not on hold.`,
  },
  not_allocated: {
    status: 409,
    about: "Picking or shipping while a line still waits for stock.",
    message: () =>
      "Lines are still waiting for stock; picking and shipping need every line allocated.",
  },
  order_on_hold: {
    status: 409,
    about: "The order is on hold: release it first.",
    message: () => "The order is on hold; release it first.",
  },
  sku_not_in_order: {
    status: 422,
    about: "A shipment item names a SKU the order does not have.",
    message: (d) => `sku ${quoted(d.sku)} is not a line of this order.`,
  },
  line_not_found: {
    status: 422,
    about:
      "An item names a `line_id` that is neither a line's `line_id` nor its `id` on this order.",
    message: (d) => `line_id ${quoted(d.line_id)} is not a line of this order.`,
  },
  line_sku_mismatch: {
    status: 422,
    about: "An item's `line_id` names a line of another SKU (`sku` says which).",
    message: (d) => `line_id ${quoted(d.line_id)} is a line of ${quoted(d.sku)}, not of this sku.`,
  },
  ambiguous_line: {
    status: 422,
    about:
      "An item names a SKU that is on several lines of the order without saying which: send `line_id` (`line_ids` lists them).",
    message: (d) =>
      `sku ${quoted(d.sku)} is on several lines of this order (${d.line_ids}); send line_id to say which.`,
  },
  over_shipment: {
    status: 422,
    about: "A shipment item is more than ordered minus shipped (`remaining`).",
    message: (d) =>
      `Only ${d.remaining} of ${quoted(d.sku)} remain to ship (ordered ${d.ordered}).`,
  },
  serials_required: {
    status: 422,
    about:
      "A shipment item of a serial-tracked product does not list one serial number per unit (`quantity`).",
    message: (d) =>
      `${quoted(d.sku)} is serial tracked: list exactly ${d.quantity} serial number${d.quantity === 1 ? "" : "s"}, one per unit (${d.given} given).`,
  },
  serials_not_tracked: {
    status: 422,
    about: "A shipment item lists serial numbers for a product that is not `serial_tracked`.",
    message: (d) =>
      `${quoted(d.sku)} is not serial tracked: its items take no serials (set the product's serial_tracked first).`,
  },
  serial_unavailable: {
    status: 422,
    about:
      "A serial number is already out on another shipment (shipped and neither voided nor returned), or a receipt names one already in stock or out; `field` names it.",
    message: (d) =>
      d.where === "in_stock"
        ? `Serial ${quoted(d.serial)} of ${quoted(d.sku)} is already in stock: a serial names one unit.`
        : d.where === "shipped"
          ? `Serial ${quoted(d.serial)} of ${quoted(d.sku)} is out on a shipment: it is received again only by a return or a void.`
          : `Serial ${quoted(d.serial)} of ${quoted(d.sku)} is already out on another shipment; a serial ships again only once voided or returned.`,
  },
  lot_required: {
    status: 422,
    about:
      "A receipt, count, condition move or return of a `lot_tracked` product does not name its `lot` (a return names it when the order shipped several lots of the SKU).",
    message: (d) =>
      d.lots
        ? `${quoted(d.sku)} shipped in several lots on this order (${d.lots}): name the lot the units came back from.`
        : `${quoted(d.sku)} is lot tracked: name the lot of these units.`,
  },
  lot_not_tracked: {
    status: 422,
    about: "A lot or an expiry date is given for a product that does not track it.",
    message: (d) =>
      `${quoted(d.sku)} is not ${d.tracks ?? "lot"} tracked: ${d.field} takes no value (set the product's ${d.tracks ?? "lot"}_tracked first).`,
  },
  expiry_required: {
    status: 422,
    about: "A receipt or count of an `expiry_tracked` product does not give `expires_on`.",
    message: (d) =>
      `${quoted(d.sku)} is expiry tracked: give the expiry date (expires_on) of lot ${quoted(d.lot)}.`,
  },
  lot_expiry_mismatch: {
    status: 422,
    about:
      "`expires_on` differs from the expiry this lot already has in the warehouse: a lot has one expiry.",
    message: (d) =>
      `Lot ${quoted(d.lot)} of ${quoted(d.sku)} expires on ${d.expires_on ?? "no date"} in this warehouse, not ${d.given}.`,
  },
  lot_not_shipped: {
    status: 422,
    about: "A return line names a lot the order never shipped for that SKU.",
    message: (d) =>
      `Lot ${quoted(d.lot)} of ${quoted(d.sku)} did not ship on this order${d.lots ? ` (it shipped ${d.lots})` : ""}.`,
  },
  too_many_serials: {
    status: 422,
    about:
      "A sandbox replenishment of a serial-tracked product asks for more units than one receipt line numbers (1,000).",
    message: (d) =>
      `${quoted(d.sku)} is serial tracked: the sandbox numbers at most ${d.max} units per replenishment; replenish in parts.`,
  },
  rate_card_overlap: {
    status: 422,
    about:
      "A new rate card's `effective_from` is before today (UTC) or not after the tenant's latest card: charges already made keep the card that priced them.",
    message: (d) =>
      d.latest
        ? `effective_from ${d.effective_from} must be today (${d.today}) or later, and after the latest card's ${d.latest}.`
        : `effective_from ${d.effective_from} must be today (${d.today}) or later.`,
  },
  currency_required: {
    status: 422,
    wire: "validation_error",
    about: "A line has `unit_price` without `currency` (answered as `validation_error`).",
    message: (d) => `${d.field}: is required with unit_price.`,
  },
  shipment_voided: {
    status: 409,
    about: "The shipment is voided: its status is final.",
    message: () => "The shipment is voided; its status can no longer change.",
  },
  already_delivered: {
    status: 409,
    about: "The shipment is delivered: it can no longer change or be voided.",
    message: () => "The shipment is delivered; it can no longer change or be voided.",
  },
  tracked_by_parcels: {
    status: 409,
    about:
      "`POST /v1/ops/shipments/{id}/status` on a shipment whose parcels have carrier tracking events: their scans set its status now (`POST /v1/ops/shipments/{id}/tracking-events`).",
    message: () =>
      "The shipment's parcels have carrier tracking events, which set its status: post scans to /tracking-events instead.",
  },
  parcel_not_found: {
    status: 422,
    about: "Tracking events name a `tracking_number` that is none of the shipment's parcels.",
    message: (d) =>
      `tracking_number: ${quoted(d.tracking_number)} is not a parcel of shipment ${d.shipment_id}.`,
    messageOnly: ["shipment_id"],
  },
  tracking_event_conflict: {
    status: 409,
    about:
      "A tracking event resends a carrier event id the parcel already has (or the request has twice) with different content; `field` names the first member that differs. The same content again is a replay that changes nothing.",
    message: (d) =>
      `${d.field}: event ${quoted(d.event_id)} of parcel ${quoted(d.tracking_number)} is already recorded with a different value.`,
  },
  too_many_tracking_events: {
    status: 422,
    about:
      "The events would take a parcel past the tracking events it keeps (see limits); `recorded` says how many it has, `limit` the most.",
    message: (d) =>
      `events: parcel ${quoted(d.tracking_number)} has ${d.recorded} tracking events and keeps at most ${d.limit}.`,
  },
  nothing_to_ship: {
    status: 409,
    about: "Sandbox fulfil of an order with no allocated units left to ship.",
    message: (d) =>
      `Order ${d.order_id} has no allocated units left to ship (it is ${d.order_status}).`,
    messageOnly: ["order_id"],
  },
  dates_out_of_order: {
    status: 422,
    about:
      "`requested_delivery_date` is before `ship_by`, as sent or as the order keeps them; `field` names the one sent.",
    message: (d) =>
      `${d.field}: requested_delivery_date ${d.requested_delivery_date} is before ship_by ${d.ship_by}.`,
  },
  billing_address_incomplete: {
    status: 422,
    about:
      "An amend sends part of a billing address the order does not have: with nothing to merge into, the address's required fields are needed (`field` names the first missing).",
    message: (d) =>
      `${d.field}: is required; the order has no billing address for a partial one to merge into.`,
  },
  customs_data_required: {
    status: 409,
    about:
      "Sandbox fulfil of an international order without its customs data: `missing` names the first five paths to send by amending the order.",
    message: (d) =>
      `Order ${d.order_id} ships from ${d.origin} to ${d.destination} and needs customs data first; missing ${d.missing}.`,
    messageOnly: ["order_id"],
  },
  status_required: {
    status: 422,
    about: "Sandbox advance of a shipment whose status has no next scan: name the status.",
    message: (d) =>
      `The shipment is ${quoted(d.shipment_status)}, which has no next scan: name the status to record.`,
    messageOnly: ["shipment_status"],
  },
  order_busy: {
    status: 503,
    about:
      "The order is still finishing an earlier change that failed part-way; nothing changed, retry after `Retry-After`.",
    message: (d) =>
      `A previous change to this order is still being completed; retry in ${d.retry_after} s. Nothing was changed by this request.`,
  },
  insufficient_stock: {
    status: 409,
    about:
      "An adjustment would take `on_hand` below zero, or below what open orders hold (`allocated`).",
    message: (d) =>
      Number(d.on_hand) + Number(d.quantity_delta) < 0
        ? `Only ${d.on_hand} on hand; a delta of ${d.quantity_delta} would go below zero.`
        : `${d.allocated} of the ${d.on_hand} on hand are allocated to open orders; amend or cancel them before removing more than ${Number(d.on_hand) - Number(d.allocated)}.`,
  },
  insufficient_condition_stock: {
    status: 409,
    about:
      "A condition move names more units than the `from` condition holds (`held`); sellable units are `on_hand`.",
    message: (d) =>
      `Only ${d.held} units of sku ${quoted(d.sku)} are ${d.from} in ${d.warehouse_id}; cannot move ${d.quantity}.`,
  },
  stock_in_picking: {
    status: 409,
    about: "A loss that only stock already being picked (`orders`) could cover.",
    message: (d) =>
      `Only ${d.on_hand} on hand and ${d.allocated} allocated: the shortfall is held by orders already being picked (${d.orders}); finish or void their picking before recording this loss.`,
  },
  duplicate_sku: {
    status: 409,
    about: "A product with this SKU exists.",
    message: (d) => `A product with sku ${quoted(d.sku)} already exists.`,
    messageOnly: ["sku"],
  },
  duplicate_warehouse: {
    status: 409,
    about: "A warehouse with this id exists.",
    message: (d) => `A warehouse with id ${quoted(d.id)} already exists.`,
    messageOnly: ["id"],
  },
  duplicate_shipping_method: {
    status: 409,
    about: "A shipping method with this id exists.",
    message: (d) => `A shipping method with id ${quoted(d.id)} already exists.`,
    messageOnly: ["id"],
  },
  inbound_not_open: {
    status: 409,
    about:
      "The ASN no longer takes receipts (cancelled or closed), or is no longer `expected` for an amend or cancel.",
    message: (d) =>
      d.change === "amend"
        ? `The ASN is ${d.inbound_status}: only an expected ASN can be amended or cancelled.`
        : `The ASN is ${d.inbound_status}${d.inbound_status === "received" ? " and closed" : ""}; nothing more can be received.`,
    messageOnly: ["change"],
  },
  duplicate_rma: {
    status: 409,
    about: "The `rma` is taken by another return (`return_id`).",
    message: (d) =>
      d.announced
        ? `rma ${quoted(d.rma)} is already used by return ${d.return_id}; receive an announced return with POST /v1/ops/returns/{id}/receive.`
        : `rma ${quoted(d.rma)} is already used by return ${d.return_id} with a different body.`,
    messageOnly: ["rma", "announced"],
  },
  sku_not_shipped: {
    status: 422,
    about: "A return line names a SKU the order never shipped.",
    message: (d) =>
      `sku ${quoted(d.sku)} never shipped on this order; only shipped units can be returned.`,
    messageOnly: ["sku"],
  },
  over_return: {
    status: 422,
    about: "A return line brings back more than shipped minus already returned.",
    message: (d) =>
      `Only ${Math.max(Number(d.shipped) - Number(d.returned) - Number(d.earlier_lines), 0)} of ${quoted(d.sku)} can still be returned: ${d.shipped} shipped, ${d.returned} already returned.`,
    messageOnly: ["earlier_lines"],
  },
  serial_not_shipped: {
    status: 422,
    about:
      "A return line names a serial number that is not out on a shipment of the return's order (never shipped on it, voided, or already returned); `field` names it.",
    message: (d) =>
      `Serial ${quoted(d.serial)} of ${quoted(d.sku)} is not out on a shipment of this order; only units shipped on it and not yet returned can come back.`,
  },
  already_received: {
    status: 409,
    about: "The return was received with other lines: a return is received once.",
    message: (d) =>
      `Return ${d.return_id} is already ${d.return_status}, with other lines; a return is received once. Record what else arrived with POST /v1/ops/returns.`,
    messageOnly: ["return_id"],
  },
  not_received: {
    status: 409,
    about: "Processing a return that is still expected: receive it first.",
    message: (d) =>
      `Return ${d.return_id} is still expected; receive it with POST /v1/ops/returns/${d.return_id}/receive before processing it.`,
    messageOnly: ["return_id"],
  },
  return_conflict: {
    status: 409,
    about: "The order's shipments changed while the return was written; send it again.",
    message: () =>
      "The order's shipments changed while this return was being written; send it again.",
  },
  expiry_in_past: {
    status: 422,
    about: "An API key's `expires_at` must be in the future; to stop a key now, revoke it.",
    message: (d) => `${d.field} must be in the future; to stop a key now, revoke it.`,
  },
  api_key_inactive: {
    status: 409,
    about:
      "The key is revoked, expired or already rotated (`reason`; `replaced_by` names its successor): it can no longer be rotated or changed.",
    message: (d) =>
      d.reason === "rotated"
        ? `API key ${d.id} was already rotated; its successor is ${d.replaced_by}.`
        : `API key ${d.id} is ${d.reason}; it can no longer be rotated or changed.`,
  },
  too_many_api_keys: {
    status: 409,
    about:
      "The merchant already holds `limit` working keys (not revoked or expired): revoke one it no longer uses first.",
    message: (d) =>
      `This merchant already holds ${d.limit} working API keys; revoke one it no longer uses, then issue another.`,
  },
  secret_not_replayable: {
    status: 409,
    about:
      "This `Idempotency-Key` already issued key `resource_id`, whose secret cannot be shown again (only its hash is kept, and a replay shows it only to the key that asked); revoke it if unused and create another.",
    message: (d) =>
      `This Idempotency-Key already issued API key ${d.resource_id}, whose secret cannot be shown again; revoke it if you never received it, and create another.`,
  },
  webhook_disabled: {
    status: 409,
    about: "The endpoint is disabled (`disabled_reason`); enable it first.",
    message: () => "This endpoint is disabled; enable it first.",
  },
  recovery_in_progress: {
    status: 409,
    about: "The endpoint's previous recover is still being delivered.",
    message: () =>
      "The previous recover of this endpoint is still being delivered; call again once its deliveries have finished (its next_cursor resumes where it stopped).",
  },
  not_parked: {
    status: 409,
    about: "The stuck operation was already retried or discarded.",
    message: (d) => `Operation ${d.operation_id} was already ${d.status}.`,
    messageOnly: ["operation_id"],
  },
  retry_failed: {
    status: 409,
    about: "A retried stuck operation failed again and stays parked.",
    message: (d) => `The operation failed again and stays parked: ${d.error}`,
  },
  tenant_unavailable: {
    status: 503,
    about:
      "The merchant's data is moving between shards; nothing changed, retry after `Retry-After`.",
    message: (d) =>
      `This merchant's data is being moved for maintenance; retry after ${d.retry_after} s. This request changed nothing.`,
  },
  control_unavailable: {
    status: 503,
    about:
      "The service cannot check this API key or merchant just now and has no recent answer to go on; nothing changed, retry after `Retry-After`.",
    message: (d) =>
      `The service cannot reach the records it needs to authorize this request right now; retry after ${d.retry_after} s. This request changed nothing.`,
  },
  internal_error: {
    status: 500,
    about:
      "The outcome is unknown: retry with the same `Idempotency-Key`, or look the resource up, before sending anything new.",
    message: () =>
      "Something went wrong on our side and the outcome is unknown: the change may still complete. Retry with the same Idempotency-Key (a retry never applies a change twice), or look the resource up (an order by its reference: GET /v1/orders?reference=…) before sending anything new. Contact support with the request_id if it persists.",
  },
} as const satisfies Partial<Record<RefusalCode, Rendering>>;
