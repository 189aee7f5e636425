import type { RefusalCode } from "../../domain/refusals";
import { quoted, type Rendering } from "./rendering";

/** What the request names: resources, references, URLs and times. */
export const RESOURCE_REFUSALS = {
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
      "A time before the retention window (`retention_days`): events and deliveries for `recover` and redelivery, or the orders' hot window for an `updated_since` of orders, shipments and returns; `earliest_allowed` is the first one accepted.",
    message: (d) =>
      d.archives === "orders"
        ? `${d.field} is ${d.time}, before the ${d.retention_days}-day hot window: orders last changed more than ${d.retention_days} days ago in a final state are archived with their shipments and returns, and lists no longer include them (read one by its id or reference). The earliest allowed is ${d.earliest_allowed}.`
        : `${d.field === "id" ? "The event's created_at" : d.field} is ${d.time}, before the ${d.retention_days}-day retention window: events and webhook deliveries older than ${d.retention_days} days are archived and no longer served. The earliest allowed is ${d.earliest_allowed}.`,
    messageOnly: ["time", "archives"],
  },
} as const satisfies Partial<Record<RefusalCode, Rendering>>;
