import type { SQL } from "drizzle-orm";
import type { Scope } from "../api-keys/scopes";
import type { Db } from "../db/client";
import { events } from "../db/schema";
import { ApiError } from "../http/errors";
import { newId } from "../lib/ids";
import { EVENT_TYPES, type EventType } from "./event-types";

export { EVENT_TYPES, type EventType };

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
  webhook: "webhooks:manage",
} as const satisfies Record<EventFamily, Scope>;

export const readScopeOf = (type: EventType): Scope =>
  READ_SCOPE[type.slice(0, type.indexOf(".")) as EventFamily];

export const readableEventTypes = (scopes: readonly Scope[]): EventType[] =>
  EVENT_TYPES.filter((type) => scopes.includes(readScopeOf(type)));

/** 403 unless `scopes` may read every one of `types` (`"*"` standing for all of them). */
export function assertReadable(types: readonly string[], scopes: readonly Scope[]) {
  const type = (
    types.includes("*") ? EVENT_TYPES : EVENT_TYPES.filter((t) => types.includes(t))
  ).find((t) => !scopes.includes(readScopeOf(t)));
  if (type) {
    const scope = readScopeOf(type);
    throw new ApiError(
      403,
      "insufficient_scope",
      `Events of type '${type}' carry data that needs the '${scope}' scope, which this API key lacks.`,
      { event_type: type, required_scope: scope },
    );
  }
}

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
