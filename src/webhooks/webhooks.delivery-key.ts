import { and, eq, type SQL, sql } from "drizzle-orm";
import { webhookDeliveries } from "../db/schema";
import { derivedId } from "../lib/ids";

/*
 * A delivery is named by what it is: the subscription, the event (its time, then its id) and
 * the generation of the replay. That is the row's primary key, the order its log reads in,
 * what a queue message carries and what a tenant's move copies unchanged, so a delivery needs
 * no id column or index of its own. Its id is derived from it; a delivery made before
 * migrations/shard/0022_lean_outbox.sql keeps the id it was given.
 */

export interface DeliveryKey {
  subscriptionId: string;
  eventAt: string;
  eventId: string;
  generation: number;
}

/** A delivery as the queue and an attempt need it: the tenant is its subscription's. */
export interface Delivery extends DeliveryKey {
  tenantId: string;
  legacyId: string | null;
}

/** The columns that make a `Delivery` of a row, but its tenant: its subscription's. */
export const deliveryKeyColumns = {
  subscriptionId: webhookDeliveries.subscriptionId,
  eventAt: webhookDeliveries.eventAt,
  eventId: webhookDeliveries.eventId,
  generation: webhookDeliveries.generation,
  legacyId: webhookDeliveries.legacyId,
};

/** The same in raw SQL, for a RETURNING (no alias) or a SELECT of `webhook_deliveries` as `alias`. */
export const deliveryKeySql = (alias?: string) => {
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  return sql.raw(
    `${c("subscription_id")} AS subscriptionId, ${c("event_at")} AS eventAt,
    ${c("event_id")} AS eventId, ${c("generation")} AS generation, ${c("legacy_id")} AS legacyId`,
  );
};

/** The delivery's id, as its log, the test endpoint and a redeliver show it. */
export const deliveryId = (d: Delivery): string =>
  d.legacyId ?? derivedId("del", d.tenantId, `${d.subscriptionId} ${d.eventId} ${d.generation}`);

/** The condition that finds this one delivery by its primary key. */
export const isDelivery = (k: DeliveryKey): SQL =>
  and(
    eq(webhookDeliveries.subscriptionId, k.subscriptionId),
    eq(webhookDeliveries.eventAt, k.eventAt),
    eq(webhookDeliveries.eventId, k.eventId),
    eq(webhookDeliveries.generation, k.generation),
  ) as SQL;

/**
 * A delivery to attempt; its tenant says which shard holds it (src/db/shards.ts), and its key
 * which row it is. `delivery_id` alone names a delivery made before its key was its name
 * (migrations/shard/0022_lean_outbox.sql), found by its `legacy_id`.
 */
export interface WebhookMessage {
  tenant_id: string;
  delivery_id: string;
  subscription_id?: string;
  event_at?: string;
  event_id?: string;
  generation?: number;
}

/** The queue message that has `d` attempted. */
export const messageOf = (d: Delivery): WebhookMessage => ({
  tenant_id: d.tenantId,
  delivery_id: deliveryId(d),
  subscription_id: d.subscriptionId,
  event_at: d.eventAt,
  event_id: d.eventId,
  generation: d.generation,
});
