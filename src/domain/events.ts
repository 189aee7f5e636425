import type { Scope } from "./scopes";

/*
 * Every kind of event the outbox records. Each names the resource it carries, whole, as of
 * the change: the store that writes the event snapshots that resource inside the write, and
 * the one renderer turns the snapshot into the API's shape when the event is read or sent.
 * Adding an event type is an entry here and the rule that emits it.
 */

/** The resources events carry, each snapshotted by its own store and rendered by its renderer. */
export type EventResource =
  | "order"
  | "shipment"
  | "sku_inventory"
  | "adjustment"
  | "inbound"
  | "return"
  | "invoice"
  | "webhook";

const EVENTS = {
  "order.created": "order",
  "order.updated": "order",
  "order.cancelled": "order",
  "order.backordered": "order",
  "order.cancellation_requested": "order",
  "order.cancellation_rejected": "order",
  "shipment.created": "shipment",
  "shipment.updated": "shipment",
  "inbound.received": "inbound",
  "inbound.discrepancy": "inbound",
  "return.received": "return",
  "invoice.issued": "invoice",
  "webhook.test": "webhook",
  "inventory.updated": "sku_inventory",
  "inventory.adjusted": "adjustment",
  "inventory.low_stock": "sku_inventory",
  "inventory.restocked": "sku_inventory",
} as const satisfies Record<string, EventResource>;

export type EventType = keyof typeof EVENTS;
export const EVENT_TYPES = Object.keys(EVENTS) as [EventType, ...EventType[]];

export const resourceOf = <T extends EventType>(type: T): (typeof EVENTS)[T] => EVENTS[type];

/** What a webhook may subscribe to: every type but the test, which goes to one endpoint only. */
export const SUBSCRIBABLE = EVENT_TYPES.filter(
  (t): t is Exclude<EventType, "webhook.test"> => t !== "webhook.test",
) as [Exclude<EventType, "webhook.test">, ...Exclude<EventType, "webhook.test">[]];

type FamilyOf<T> = T extends `${infer Family}.${string}` ? Family : never;
type EventFamily = FamilyOf<EventType>;

/**
 * The scope that reading each family of events needs. An event carries its full resource,
 * so receiving it by webhook or reading it from the feed is reading that resource.
 */
const READ_SCOPE = {
  order: "orders:read",
  shipment: "shipments:read",
  inventory: "inventory:read",
  inbound: "inbound:read",
  return: "returns:read",
  invoice: "billing:read",
  webhook: "webhooks:manage",
} as const satisfies Record<EventFamily, Scope>;

export const readScopeOf = (type: EventType): Scope =>
  READ_SCOPE[type.slice(0, type.indexOf(".")) as EventFamily];

export const readableEventTypes = (scopes: readonly Scope[]): EventType[] =>
  EVENT_TYPES.filter((type) => scopes.includes(readScopeOf(type)));

/** The first of `types` (`"*"` standing for all of them) that `scopes` may not read. */
export function unreadable(types: readonly string[], scopes: readonly Scope[]) {
  return (types.includes("*") ? EVENT_TYPES : EVENT_TYPES.filter((t) => types.includes(t))).find(
    (t) => !scopes.includes(readScopeOf(t)),
  );
}
