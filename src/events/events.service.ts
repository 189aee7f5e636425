import type { SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { events } from "../db/schema";
import { newId } from "../lib/ids";

export const EVENT_TYPES = [
  "order.created",
  "order.updated",
  "order.cancelled",
  "order.backordered",
  "shipment.created",
  "shipment.updated",
  "inbound.received",
  "inbound.discrepancy",
  "return.received",
  "webhook.test",
  "inventory.updated",
  "inventory.adjusted",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/**
 * The outbox insert for one event, to be placed in the same `db.batch` as the change it
 * describes. `data` is the full resource; pass SQL when part of it (timestamps) is only
 * known inside the write.
 */
export function recordEvent(
  db: Db,
  tenantId: string,
  type: EventType,
  resourceId: string,
  data: Record<string, unknown> | SQL,
) {
  return db.insert(events).values({ id: newId("evt"), tenantId, type, resourceId, data });
}
