import { z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../domain/events";
import { ErrorEnvelope, optionalText, Timestamp, UtcDateTime } from "../domain/shapes";
import { apiRoute, jsonContent } from "../http/openapi";
import { feedQuery, listOf, listQuery } from "../http/pagination";
import { DEFAULT_RETENTION_DAYS } from "../retention/retention.window";
import { RECOVER_PAGE, REPLAYS_PER_MINUTE } from "./webhooks.outbox";

const SUBSCRIBABLE = EVENT_TYPES.filter((t) => t !== "webhook.test");

export const Webhook = z
  .object({
    id: z.string().openapi({ example: "whk_9f2aQ3kL9mN2pR5sT8vW" }),
    url: z.string(),
    events: z.array(z.string()).openapi({ example: ["shipment.created", "order.cancelled"] }),
    description: z.string().nullable(),
    status: z.enum(["enabled", "disabled"]),
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
    url: z.url().max(2000),
    events: z
      .array(z.enum(["*", ...SUBSCRIBABLE]))
      .min(1)
      .openapi({ description: '`"*"` subscribes to every event type.' }),
    description: optionalText(500),
  })
  .openapi("CreateWebhook");

export const Attempt = z
  .object({
    attempt: z.number().int(),
    status_code: z.number().int().nullable(),
    error: z.string().nullable(),
    duration_ms: z.number().int(),
    attempted_at: Timestamp,
    next_retry_at: Timestamp.nullable(),
  })
  .openapi("WebhookAttempt");

export const Delivery = z
  .object({
    id: z.string().openapi({ example: "del_3kTq9x2VbN8mLp4Rz7Yw" }),
    event_id: z.string(),
    event_type: z.string(),
    status: z.enum(["pending", "sending", "succeeded", "failed"]),
    attempts: z.array(Attempt),
    last_error: z
      .string()
      .nullable()
      .openapi({ description: "Why the last attempt failed, or why none was made" }),
    next_attempt_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("WebhookDelivery");

const error = (description: string) => ({ description, content: jsonContent(ErrorEnvelope) });

const EVENT_SCOPES =
  "Each event type needs the read scope of its resource as well: `order.*` `orders:read`, `shipment.*` `shipments:read`, `inventory.*` `inventory:read`, `inbound.*` `inbound:read`, `return.*` `returns:read`.";

const REPLAY_LIMITS = `Each endpoint takes ${REPLAYS_PER_MINUTE} recover or redeliver calls a minute (429 \`rate_limited\` with \`Retry-After\` beyond that).`;

const RETENTION = `Events are kept for the retention window, ${DEFAULT_RETENTION_DAYS} days unless the deploy sets another, then archived: a \`since\` before it is 422 \`beyond_retention\` with \`field: since\`, \`retention_days\` and \`earliest_allowed\`.`;

const IdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });
const base = { tags: ["Webhooks"] };

export const create = apiRoute("webhooks:manage", {
  ...base,
  method: "post",
  path: "/webhooks",
  summary: "Subscribe an endpoint",
  description: [
    "The secret is returned once, here.",
    "The URL must be https on port 443 to a public host: no credentials, no IP literal in a loopback, private, link-local, unique-local, CGNAT, multicast or reserved range (IPv4, IPv6 or IPv4-mapped), no `localhost`, `*.localhost`, `*.local`, `*.internal` or single-label name (422 `insecure_url` or `url_not_allowed`, `field: url`). In local development, loopback receivers may use http and any port.",
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

export const deliveries = apiRoute("webhooks:manage", {
  ...base,
  method: "get",
  path: "/webhooks/{id}/deliveries",
  summary: "Delivery log: every attempt of every event sent to this endpoint",
  description: `Newest first. \`updated_since\` keeps the deliveries changed since then (inclusive); walk \`next_cursor\` until \`has_more\` is false. A delivery that succeeded or failed more than the retention window ago (${DEFAULT_RETENTION_DAYS} days unless the deploy sets another) is archived and no longer listed.`,
  request: {
    params: IdParam,
    query: z.object({
      status: z
        .enum(["pending", "sending", "succeeded", "failed"])
        .optional()
        .openapi({ param: { name: "status", in: "query" } }),
      ...feedQuery,
    }),
  },
  responses: {
    200: {
      description: "Deliveries, newest first",
      content: jsonContent(listOf(Delivery, "WebhookDeliveryList")),
    },
    404: { description: "Unknown" },
  },
});

export const RecoverWebhook = z
  .strictObject({
    since: UtcDateTime.optional().openapi({
      description:
        "Start with the first event created at or after this time, which must be inside the retention window.",
    }),
    cursor: z.string().min(1).optional().openapi({
      description: "Resume after the last event an earlier recover sent: its `next_cursor`.",
    }),
  })
  .refine((b) => (b.since === undefined) !== (b.cursor === undefined), {
    message: "send either since or cursor",
    path: ["since"],
  })
  .openapi("RecoverWebhook");

export const recover = apiRoute("webhooks:manage", {
  ...base,
  method: "post",
  path: "/webhooks/{id}/recover",
  summary: "Re-send the matching events since a time, a page at a time",
  description: [
    `Each is delivered again with its original event_id, so receivers dedupe as usual. One call sends at most ${RECOVER_PAGE} events, oldest first; while \`has_more\` is true, call again with \`next_cursor\` once this call's deliveries have finished.`,
    "One recovery per endpoint is in flight at a time: until every delivery of the previous one has succeeded or failed, recover is 409 `recovery_in_progress`.",
    RETENTION,
    "A `cursor` whose event has since been archived is 400 `invalid_cursor`: start again with `since`.",
    REPLAY_LIMITS,
    `${EVENT_SCOPES} Recovering an endpoint subscribed to a type the key cannot read is 403.`,
  ].join(" "),
  request: {
    params: IdParam,
    body: { required: true, content: jsonContent(RecoverWebhook) },
  },
  responses: {
    202: {
      description: "Queued",
      content: jsonContent(
        z
          .object({
            events: z.number().int().openapi({ description: "Events queued by this call" }),
            has_more: z.boolean(),
            next_cursor: z.string().nullable().openapi({
              description: "Pass as `cursor` to continue; null when nothing more matched.",
            }),
          })
          .openapi("WebhookRecoverQueued"),
      ),
    },
    403: error("The key lacks `webhooks:manage`, or the read scope of a subscribed type"),
    404: { description: "Unknown" },
    409: error("The previous recover of this endpoint is still in flight"),
    422: error(
      "Invalid body (`field` names it), or `since` before the retention window (`beyond_retention`)",
    ),
    429: error("Too many replays for this endpoint; see Retry-After"),
  },
});

export const redeliver = apiRoute("webhooks:manage", {
  tags: ["Events"],
  method: "post",
  path: "/events/{id}/redeliver",
  summary: "Deliver one event again",
  description: [
    "To one subscription (`subscription_id`) or to every enabled one that matches; same event_id.",
    `An event older than the retention window (default ${DEFAULT_RETENTION_DAYS} days) is 422 \`beyond_retention\`; once archived it is 404.`,
    REPLAY_LIMITS,
    "The key also needs the read scope of the event's type (403 otherwise).",
  ].join(" "),
  request: {
    params: IdParam,
    body: {
      required: false,
      content: jsonContent(
        z.strictObject({ subscription_id: z.string().optional() }).openapi("RedeliverEvent"),
      ),
    },
  },
  responses: {
    202: {
      description: "Queued",
      content: jsonContent(
        z.object({ deliveries: z.array(z.string()) }).openapi("RedeliverQueued"),
      ),
    },
    403: error("The key lacks `webhooks:manage`, or the read scope of the event's type"),
    404: { description: "Unknown event or subscription" },
    422: error("Invalid body, or an event older than the retention window (`beyond_retention`)"),
    429: error("Too many replays for an endpoint; see Retry-After"),
  },
});
