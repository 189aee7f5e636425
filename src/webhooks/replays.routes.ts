import { z } from "@hono/zod-openapi";
import { Timestamp, UtcDateTime } from "../domain/shapes";
import { DELIVERY_STATUSES } from "../domain/statuses";
import { apiRoute, jsonContent } from "../http/openapi";
import { feedQuery, listOf } from "../http/pagination";
import { DEFAULT_RETENTION_DAYS } from "../retention/retention.window";
import { RECOVER_PAGE, REPLAYS_PER_MINUTE } from "./webhooks.outbox";
import { base, EVENT_SCOPES, error, IdParam } from "./webhooks.routes";

/*
 * What was sent to an endpoint and sending it again: the delivery log, recover (every event
 * since a time) and redeliver (one event).
 */

const REPLAY_LIMITS = `Each endpoint takes ${REPLAYS_PER_MINUTE} recover or redeliver calls a minute (429 \`rate_limited\` with \`Retry-After\` beyond that).`;

const RETENTION = `Events are kept for the retention window, ${DEFAULT_RETENTION_DAYS} days unless the deploy sets another, then archived: a \`since\` before it is 422 \`beyond_retention\` with \`field: since\`, \`retention_days\` and \`earliest_allowed\`.`;

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
    status: z.enum(DELIVERY_STATUSES),
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

export const deliveries = apiRoute("webhooks:manage", {
  ...base,
  method: "get",
  path: "/webhooks/{id}/deliveries",
  summary: "Delivery log: every attempt of every event sent to this endpoint",
  description: `Newest event first; an event's replays come before its first delivery, newest first. \`updated_since\` keeps the deliveries changed since then (inclusive); walk \`next_cursor\` until \`has_more\` is false. A delivery that succeeded or failed more than the retention window ago (${DEFAULT_RETENTION_DAYS} days unless the deploy sets another) is archived and no longer listed.`,
  request: {
    params: IdParam,
    query: z.object({
      status: z
        .enum(DELIVERY_STATUSES)
        .optional()
        .openapi({ param: { name: "status", in: "query" } }),
      ...feedQuery,
    }),
  },
  responses: {
    200: {
      description: "Deliveries, newest event first",
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
  .openapi("RecoverWebhook", { oneOf: [{ required: ["since"] }, { required: ["cursor"] }] });

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
