import { z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../domain/events";
import { ErrorEnvelope, Timestamp } from "../domain/shapes";
import { apiRoute } from "../http/openapi";
import { feedQuery, listOf, orderParam } from "../http/pagination";
import { DEFAULT_RETENTION_DAYS } from "../retention/retention.window";

export const Event = z
  .object({
    event_id: z.string().openapi({ example: "evt_01J8XQ3kTq9x2VbN8mLp" }),
    event_type: z.enum(EVENT_TYPES),
    created_at: Timestamp,
    data: z.record(z.string(), z.unknown()).openapi({
      description: "The full resource as of this event, including its `version`.",
    }),
  })
  .openapi("Event", {
    description:
      "Exactly a webhook's body, so a handler written for webhooks reads the polled feed unchanged.",
  });
export type Event = z.infer<typeof Event>;

export const list = apiRoute("events:read", {
  method: "get",
  path: "/events",
  tags: ["Events"],
  summary: "The ordered change feed",
  description:
    "Every event the key may read, oldest first, in commit order: the backstop for webhooks. Walk `next_cursor` until `has_more` is false; next time, resume with `after` = the id of the last event you processed. `order=desc` lists newest first instead, for screens; `after` then stays the floor of the walk. " +
    "Each event carries its full resource, so each type needs that resource's read scope too: `order.*` `orders:read`, `shipment.*` `shipments:read`, `inventory.*` `inventory:read`, `inbound.*` `inbound:read`, `return.*` `returns:read`, `webhook.test` `webhooks:manage`. Types the key cannot read are left out. " +
    `Events are kept for the retention window (${DEFAULT_RETENTION_DAYS} days unless the deploy sets another) and then archived: they are no longer served, so \`updated_since\` before the window returns only what is left, and \`after\` or \`cursor\` naming an archived event is 400. A consumer away longer than the window restarts with \`updated_since\`.`,
  request: {
    query: z.object({
      type: z
        .enum(EVENT_TYPES)
        .optional()
        .openapi({
          param: { name: "type", in: "query" },
          description: "A type the key cannot read is 403 `insufficient_scope`.",
        }),
      delivery_status: z
        .enum(["pending", "succeeded", "failed"])
        .optional()
        .openapi({
          param: { name: "delivery_status", in: "query" },
          description:
            "Only events with a webhook delivery in this state (in flight counts as pending).",
        }),
      after: z
        .string()
        .optional()
        .openapi({
          param: { name: "after", in: "query" },
          description: "Only events committed after this event id (yours, from an earlier read).",
          example: "evt_01J8XQ3kTq9x2VbN8mLp",
        }),
      order: orderParam,
      ...feedQuery,
    }),
  },
  responses: {
    200: {
      description: "Events",
      content: { "application/json": { schema: listOf(Event, "EventList") } },
    },
    403: {
      description:
        "The key lacks `events:read`, or `type` names events it cannot read (`event_type`, `required_scope`)",
      content: { "application/json": { schema: ErrorEnvelope } },
    },
  },
});
