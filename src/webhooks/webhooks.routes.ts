import { z } from "@hono/zod-openapi";
import { SUBSCRIBABLE } from "../domain/events";
import { ErrorEnvelope, MAX_URL_LENGTH, optionalText, Timestamp } from "../domain/shapes";
import { WEBHOOK_STATUSES } from "../domain/statuses";
import { apiRoute, jsonContent } from "../http/openapi";
import { listOf, listQuery } from "../http/pagination";

export const Webhook = z
  .object({
    id: z.string().openapi({ example: "whk_9f2aQ3kL9mN2pR5sT8vW" }),
    url: z.string(),
    events: z.array(z.string()).openapi({ example: ["shipment.created", "order.cancelled"] }),
    description: z.string().nullable(),
    status: z.enum(WEBHOOK_STATUSES),
    disabled_reason: z.string().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("Webhook");

export const WebhookWithSecret = Webhook.extend({
  secret: z.string().openapi({
    description: "The signing secret, shown only in this response.",
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  }),
}).openapi("WebhookWithSecret");

export const CreateWebhook = z
  .strictObject({
    url: z.url().max(MAX_URL_LENGTH),
    events: z
      .array(z.enum(["*", ...SUBSCRIBABLE]))
      .min(1)
      .openapi({ description: '`"*"` subscribes to every event type.' }),
    description: optionalText(500),
  })
  .openapi("CreateWebhook");

export const error = (description: string) => ({
  description,
  content: jsonContent(ErrorEnvelope),
});

export const EVENT_SCOPES =
  "Each event type needs the read scope of its resource as well: `order.*` `orders:read`, `shipment.*` `shipments:read`, `inventory.*` `inventory:read`, `inbound.*` `inbound:read`, `return.*` `returns:read`.";

export const IdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
export const base = { tags: ["Webhooks"] };

export const create = apiRoute("webhooks:manage", {
  ...base,
  method: "post",
  path: "/webhooks",
  summary: "Subscribe an endpoint",
  description: [
    "The secret is returned once, here.",
    "The URL must be https on port 443 to a public host: no credentials, no IP literal in a loopback, private, link-local, unique-local, CGNAT, multicast or reserved range (IPv4, IPv6, or IPv4 carried in IPv6: mapped, NAT64, 6to4, Teredo, IPv4-compatible), no `localhost`, `*.localhost`, `*.local`, `*.internal` or single-label name (422 `insecure_url` or `url_not_allowed`, `field: url`). In local development, loopback receivers may use http and any port. Outside development the host is resolved before each delivery attempt: if any of its addresses is not public, nothing is sent and the attempt fails and is retried.",
    `${EVENT_SCOPES} Subscribing to a type the key cannot read is 403 \`insufficient_scope\` naming \`event_type\`; \`"*"\` needs all of them.`,
  ].join(" "),
  request: { body: { required: true, content: jsonContent(CreateWebhook) } },
  responses: {
    201: { description: "Subscribed", content: jsonContent(WebhookWithSecret) },
    403: error("The key lacks `webhooks:manage`, or the read scope of a subscribed type"),
    422: error("Invalid body, or a URL the policy refuses; `field` names it"),
  },
});

export const list = apiRoute("webhooks:manage", {
  ...base,
  method: "get",
  path: "/webhooks",
  summary: "List subscriptions (secrets never shown)",
  request: { query: listQuery },
  responses: {
    200: { description: "Subscriptions", content: jsonContent(listOf(Webhook, "WebhookList")) },
  },
});

export const get = apiRoute("webhooks:manage", {
  ...base,
  method: "get",
  path: "/webhooks/{id}",
  summary: "Retrieve a subscription",
  request: { params: IdParam },
  responses: {
    200: { description: "Subscription", content: jsonContent(Webhook) },
    404: { description: "Unknown" },
  },
});

export const remove = apiRoute("webhooks:manage", {
  ...base,
  method: "delete",
  path: "/webhooks/{id}",
  summary: "Delete a subscription",
  description: "Nothing further is delivered to it, including retries already scheduled.",
  request: { params: IdParam },
  responses: {
    200: {
      description: "Deleted",
      content: jsonContent(
        z.object({ id: z.string(), deleted: z.literal(true) }).openapi("DeletedWebhook"),
      ),
    },
    404: { description: "Unknown" },
  },
});

export const rotate = apiRoute("webhooks:manage", {
  ...base,
  method: "post",
  path: "/webhooks/{id}/rotate-secret",
  summary: "Rotate the signing secret",
  description: "Returns the new secret once. The old one keeps signing alongside it for 24 h.",
  request: { params: IdParam },
  responses: {
    200: {
      description: "Rotated",
      content: jsonContent(
        WebhookWithSecret.extend({ previous_secret_expires_at: Timestamp }).openapi(
          "RotatedWebhook",
        ),
      ),
    },
    404: { description: "Unknown" },
  },
});

export const test = apiRoute("webhooks:manage", {
  ...base,
  method: "post",
  path: "/webhooks/{id}/test",
  summary: "Send a webhook.test event to this endpoint",
  request: { params: IdParam },
  responses: {
    202: {
      description: "Queued",
      content: jsonContent(
        z.object({ event_id: z.string(), delivery_id: z.string() }).openapi("WebhookTestQueued"),
      ),
    },
    404: { description: "Unknown" },
    409: { description: "The endpoint is disabled" },
  },
});

export const enable = apiRoute("webhooks:manage", {
  ...base,
  method: "post",
  path: "/webhooks/{id}/enable",
  summary: "Re-enable a disabled endpoint",
  request: { params: IdParam },
  responses: {
    200: { description: "Enabled", content: jsonContent(Webhook) },
    404: { description: "Unknown" },
  },
});
