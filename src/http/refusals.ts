import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Refusal, RefusalCode } from "../domain/refusals";

type Details = Omit<Refusal, "code">;

interface Rendering {
  status: ContentfulStatusCode;
  /** The code the client sees, when it differs from the domain's. */
  wire?: string;
  /** When a client meets it and what to do: the line docs/errors.md gives it. */
  about: string;
  message: (d: Details) => string;
  /** Details the message states and the envelope does not repeat. */
  messageOnly?: readonly string[];
}

const quoted = (v: unknown) => `'${String(v)}'`;
const archived = (days: unknown) => `Events older than ${days} days are archived`;

/**
 * The one table from a refusal to what the client sees: status, message, and (in the order of
 * REFUSAL_CODES) every code the API can answer. Every other member of a refusal goes into the
 * error envelope beside `code` and `message`, unless its entry names it `messageOnly`.
 */
const REFUSALS = {
  invalid_json: {
    status: 400,
    about: "The body is not valid JSON.",
    message: (d) => `Request body is not valid JSON: ${d.reason}.`,
    messageOnly: ["reason"],
  },
  invalid_parameter: {
    status: 400,
    about: "A query parameter, path parameter or header is invalid; `field` names it.",
    message: (d) =>
      d.unknown_event !== undefined
        ? `after: no event ${quoted(d.unknown_event)} in your feed. ${archived(d.retention_days)}: a reader away that long restarts with updated_since.`
        : d.field === "x-consistency-token"
          ? "x-consistency-token: is not a token this API issued; send back an X-Consistency-Token response header unchanged."
          : `${d.field}: ${d.reason}`.replace(/\.?$/, "."),
    messageOnly: ["reason", "unknown_event", "retention_days"],
  },
  invalid_cursor: {
    status: 400,
    about:
      "`cursor` is not one this API issued, or names an event since archived: pass `pagination.next_cursor` unchanged.",
    message: (d) =>
      d.walk === "events"
        ? `cursor names no event in your feed. ${archived(d.retention_days)}: a reader away that long restarts with updated_since.`
        : d.walk === "recover"
          ? `cursor names no event in your feed: ${archived(d.retention_days).toLowerCase()}, so a recovery left that long cannot resume; start again with since.`
          : "cursor is not a cursor this API issued; pass pagination.next_cursor unchanged.",
    messageOnly: ["walk", "retention_days"],
  },
  bad_request: {
    status: 400,
    about: "A malformed request that none of the codes above describes.",
    message: (d) => `Malformed request: ${d.reason}.`,
    messageOnly: ["reason"],
  },
  payload_too_large: {
    status: 413,
    about: "The body is over 1 MiB.",
    message: () => "Request body exceeds the 1 MiB limit.",
  },
  unsupported_media_type: {
    status: 415,
    about: "A body was sent without `Content-Type: application/json`.",
    message: (d) =>
      `Request bodies must be JSON; send Content-Type: application/json${d.content_type ? ` (got ${quoted(d.content_type)})` : ""}.`,
    messageOnly: ["content_type"],
  },
  route_not_found: {
    status: 404,
    about: "No endpoint has this method and path.",
    message: (d) => `No route for ${d.method} ${d.path}.`,
    messageOnly: ["method", "path"],
  },
  validation_error: {
    status: 422,
    about: "The body is well-formed JSON but not acceptable; `field` names the path into it.",
    message: (d) => (d.field ? `${d.field}: ${d.reason}`.replace(/\.?$/, ".") : "Invalid request."),
    messageOnly: ["reason"],
  },
  idempotency_key_reused: {
    status: 422,
    about:
      "The `Idempotency-Key` was already used for a different request (`resource_id` names what it made); send a new key.",
    message: (d) =>
      `This Idempotency-Key was already used for a different request (${d.operation} of ${d.resource_id}); use a new key for a new request.`,
    messageOnly: ["operation"],
  },
  missing_api_key: {
    status: 401,
    about: "No `Authorization: Bearer <key>` header.",
    message: () => "No API key: send it as 'Authorization: Bearer <key>'.",
  },
  invalid_api_key: {
    status: 401,
    about: "The key is malformed or unknown.",
    message: (d) =>
      d.malformed
        ? "Malformed Authorization header: expected 'Bearer <key>'."
        : "The API key is not valid.",
    messageOnly: ["malformed"],
  },
  revoked_api_key: {
    status: 401,
    about: "The key was revoked.",
    message: () => "This API key has been revoked.",
  },
  wrong_environment: {
    status: 401,
    about: "A `wms_test_…` key in production, or a `wms_live_…` key in development or sandbox.",
    message: (d) =>
      `This is the ${d.environment} environment, which accepts ${d.accepts}… keys; a ${d.presented}… key belongs to ${
        d.presented === "wms_live_" ? "production" : "development and sandbox"
      }.`,
    messageOnly: ["environment", "accepts", "presented"],
  },
  invalid_admin_token: {
    status: 401,
    about: "An admin endpoint without the right `ADMIN_TOKEN`.",
    message: () => "Admin endpoints need 'Authorization: Bearer <ADMIN_TOKEN>'.",
  },
  admin_disabled: {
    status: 503,
    about: "This deploy has no `ADMIN_TOKEN` configured.",
    message: () => "ADMIN_TOKEN is not configured for this deploy.",
  },
  insufficient_scope: {
    status: 403,
    about:
      "The key lacks `required_scope`; for events, reading `event_type` needs its resource's read scope.",
    message: (d) =>
      d.event_type
        ? `Events of type ${quoted(d.event_type)} carry data that needs the ${quoted(d.required_scope)} scope, which this API key lacks.`
        : `This API key lacks the ${quoted(d.required_scope)} scope.`,
  },
  tenant_key_required: {
    status: 403,
    about: "A partner endpoint called with a platform key: it acts for one merchant.",
    message: () => "This endpoint acts for one merchant; use a tenant API key, not a platform key.",
  },
  rate_limited: {
    status: 429,
    about:
      "Over the key's requests per minute, the admin ceiling per address, or a webhook's replays per minute; wait `Retry-After` seconds.",
    message: (d) =>
      d.webhook_id
        ? `Webhook ${d.webhook_id} may be sent ${d.limit} recover or redeliver calls per minute; retry after ${d.retry_after} s.`
        : d.limit === undefined
          ? `Too many admin requests from this address; retry after ${d.retry_after} s.`
          : `Rate limit of ${d.limit} requests per minute exceeded; retry after ${d.retry_after} s.`,
    messageOnly: ["limit"],
  },
  too_many_failed_attempts: {
    status: 429,
    about:
      "Too many refused keys or admin tokens from this address: every attempt from it is refused until `Retry-After`.",
    message: (d) =>
      `Too many failed authentication attempts from this address; retry after ${d.retry_after} s.`,
  },
  not_found: {
    status: 404,
    about: "No such resource for this tenant (another tenant's ids too).",
    message: (d) => `No ${d.resource} with id ${quoted(d.id)}.`,
    messageOnly: ["resource", "id"],
  },
  shipment_not_found: {
    status: 404,
    wire: "not_found",
    about: "A floor command names a shipment the order does not have (answered as `not_found`).",
    message: (d) => `No shipment with id ${quoted(d.shipment_id)}.`,
  },
  invalid_warehouse: {
    status: 422,
    about: "`warehouse_id` names no warehouse; see `GET /v1/warehouses`.",
    message: (d) =>
      `warehouse_id ${quoted(d.warehouse_id)} is not a known warehouse; see GET /v1/warehouses.`,
    messageOnly: ["warehouse_id"],
  },
  invalid_shipping_method: {
    status: 422,
    about:
      "`shipping_method_id` names no method, or the free-text `shipping_method` matches none (the message lists the names).",
    message: (d) =>
      d.field === "shipping_method_id"
        ? `shipping_method_id ${quoted(d.value)} is not a known shipping method; see GET /v1/shipping-methods.`
        : `shipping_method ${quoted(d.value)} matches no shipping method's name, service code or alias; valid names are ${d.names}. Or send shipping_method_id from GET /v1/shipping-methods.`,
    messageOnly: ["value", "names"],
  },
  ambiguous_shipping_method: {
    status: 422,
    about: "The free-text `shipping_method` matches two methods; send `shipping_method_id`.",
    message: (d) =>
      `shipping_method ${quoted(d.value)} matches more than one shipping method (${quoted(d.first)}, ${quoted(d.second)}); send shipping_method_id instead.`,
    messageOnly: ["value", "first", "second"],
  },
  unknown_sku: {
    status: 422,
    about: "A line names a SKU that is not in the catalog; create it with `POST /v1/products`.",
    message: (d) =>
      `sku ${quoted(d.sku)} is not in your catalog; create it with POST /v1/products first.`,
    messageOnly: ["sku"],
  },
  unknown_order: {
    status: 422,
    about: "The body's `order_id` names no order.",
    message: (d) => `order_id ${quoted(d.order_id)} is not a known order.`,
    messageOnly: ["order_id"],
  },
  unknown_tenant: {
    status: 422,
    about: "A platform key's `tenant_id` names no tenant.",
    message: (d) => `tenant_id ${quoted(d.tenant_id)} is not a known tenant.`,
    messageOnly: ["tenant_id"],
  },
  scope_not_allowed: {
    status: 422,
    about: "A tenant key asked for `warehouse:operate` in production: issue a platform key.",
    message: (d) =>
      `A tenant key may not hold ${quoted(d.scope)} in ${d.environment}; issue a platform key for the warehouse floor.`,
    messageOnly: ["scope", "environment"],
  },
  insecure_url: {
    status: 422,
    about: "A webhook URL over plain http outside local development.",
    message: () =>
      "url: webhooks must use https; plain http is only for loopback receivers in development.",
  },
  url_not_allowed: {
    status: 422,
    about:
      "A webhook URL that is not absolute, carries credentials or a port, or does not reach a public host.",
    message: (d) => {
      switch (d.reason) {
        case "not_absolute":
          return "url: not an absolute URL.";
        case "scheme":
          return `url: webhooks are sent over https, not ${d.scheme}.`;
        case "credentials":
          return "url: must not contain a user name or password; deliveries are authenticated by their signature.";
        case "port":
          return `url: port ${d.port} is not allowed; webhooks are sent to port 443 only.`;
        case "single_label":
          return `url: ${quoted(d.host)} is not a fully qualified domain name.`;
        default:
          return `url: ${quoted(d.host)} is not publicly reachable (${d.locality}); webhooks must reach a public endpoint.`;
      }
    },
    messageOnly: ["reason", "scheme", "port", "host", "locality"],
  },
  beyond_retention: {
    status: 422,
    about:
      "A time before the retention window (`retention_days`); `earliest_allowed` is the first one accepted.",
    message: (d) =>
      `${d.field === "id" ? "The event's created_at" : d.field} is ${d.time}, before the ${d.retention_days}-day retention window: events and webhook deliveries older than ${d.retention_days} days are archived and no longer served. The earliest allowed is ${d.earliest_allowed}.`,
    messageOnly: ["time"],
  },
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
  already_shipped: {
    status: 409,
    about: "The order has shipped.",
    message: () => "Order has shipped.",
  },
  not_cancelable: {
    status: 409,
    about: "Picking has started: cancel is over.",
    message: () => "Order is being picked and can no longer be cancelled.",
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
  over_shipment: {
    status: 422,
    about: "A shipment item is more than ordered minus shipped (`remaining`).",
    message: (d) =>
      `Only ${d.remaining} of ${quoted(d.sku)} remain to ship (ordered ${d.ordered}).`,
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
  nothing_to_ship: {
    status: 409,
    about: "Sandbox fulfil of an order with no allocated units left to ship.",
    message: (d) =>
      `Order ${d.order_id} has no allocated units left to ship (it is ${d.order_status}).`,
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
  internal_error: {
    status: 500,
    about:
      "The outcome is unknown: retry with the same `Idempotency-Key`, or look the resource up, before sending anything new.",
    message: () =>
      "Something went wrong on our side and the outcome is unknown: the change may still complete. Retry with the same Idempotency-Key (a retry never applies a change twice), or look the resource up (an order by its reference: GET /v1/orders?reference=…) before sending anything new. Contact support with the request_id if it persists.",
  },
} as const satisfies Record<RefusalCode, Rendering>;

const CHALLENGE = 'Bearer realm="fulfillment-api"';

/** The error envelope and headers for a refusal: the one way any error reaches a client. */
export function refusalResponse(c: Context, refusal: Refusal): Response {
  const { code, ...details } = refusal;
  const rendering: Rendering = REFUSALS[code];
  const shown = Object.fromEntries(
    Object.entries(details).filter(
      ([k, v]) => v !== undefined && !rendering.messageOnly?.includes(k),
    ),
  );
  if (rendering.status === 401) c.header("WWW-Authenticate", CHALLENGE);
  if (details.retry_after !== undefined) c.header("Retry-After", String(details.retry_after));
  return c.json(
    {
      error: {
        code: rendering.wire ?? code,
        message: rendering.message(details),
        ...shown,
        request_id: c.get("requestId"),
      },
    },
    rendering.status,
  );
}

/** The message a refusal is answered with. */
export const messageOf = (refusal: Refusal) => {
  const { code, ...details } = refusal;
  return (REFUSALS[code] as Rendering).message(details);
};

/** The status a code answers with. */
export const statusOf = (code: RefusalCode) => REFUSALS[code].status;

/** Every code the API can answer, as docs/errors.md lists it. */
export const errorCatalogue = () =>
  Object.entries(REFUSALS).map(([code, r]: [string, Rendering]) => ({
    code: r.wire ?? code,
    domain: code,
    status: r.status,
    about: r.about,
  }));
