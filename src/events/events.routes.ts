import { z } from "@hono/zod-openapi";
import { apiRoute } from "../http/openapi";
import { cursorParam, limitParam, listOf } from "../http/pagination";
import { Timestamp } from "../http/shapes";
import { EVENT_TYPES } from "./events.service";

export const Event = z
  .object({
    id: z.string().openapi({ example: "evt_01J8XQ3kTq9x2VbN8mLp" }),
    type: z.enum(EVENT_TYPES),
    created_at: Timestamp,
    data: z.record(z.string(), z.unknown()).openapi({
      description: "The full resource as of this event, including its `version`.",
    }),
  })
  .openapi("Event");

export const list = apiRoute("events:read", {
  method: "get",
  path: "/events",
  tags: ["Events"],
  summary: "The ordered change feed",
  description:
    "Every event, oldest first, in commit order: the backstop for webhooks. Walk `next_cursor` until `has_more` is false; next time, resume with `after` = the id of the last event you processed.",
  request: {
    query: z.object({
      type: z
        .enum(EVENT_TYPES)
        .optional()
        .openapi({ param: { name: "type", in: "query" } }),
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
      cursor: cursorParam,
      limit: limitParam,
    }),
  },
  responses: {
    200: {
      description: "Events",
      content: { "application/json": { schema: listOf(Event, "EventList") } },
    },
  },
});
