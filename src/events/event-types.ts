/** Every kind of event the outbox records, each carrying its full resource. */
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
  "inventory.low_stock",
  "inventory.restocked",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
