import type { events } from "../db/schema";
import type { Event } from "./events.routes";

/**
 * An event as receivers see it, the same in a webhook body and in GET /v1/events, so one
 * handler serves both: the guide's "always be able to fall back to a poll".
 */
export const eventPayload = (
  row: Pick<typeof events.$inferSelect, "id" | "type" | "createdAt" | "data">,
): Event => ({
  event_id: row.id,
  event_type: row.type,
  created_at: row.createdAt,
  data: row.data,
});
