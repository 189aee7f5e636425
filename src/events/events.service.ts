import type { SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { events } from "../db/schema";
import { type EventType, readScopeOf, unreadable } from "../domain/events";
import { refused } from "../domain/refusals";
import type { Scope } from "../domain/scopes";
import { newId } from "../lib/ids";

/** 403 unless `scopes` may read every one of `types` (`"*"` standing for all of them). */
export function assertReadable(types: readonly string[], scopes: readonly Scope[]) {
  const type = unreadable(types, scopes);
  if (type) {
    const scope = readScopeOf(type);
    throw refused("insufficient_scope", { event_type: type, required_scope: scope });
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
