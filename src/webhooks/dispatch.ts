import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { events, webhookDeliveries, webhookSubscriptions } from "../db/schema";
import { inList, NOW, nowPlus } from "../db/sql";
import type { Env } from "../env";
import { newId } from "../lib/ids";

export interface WebhookMessage {
  delivery_id: string;
}

const BATCH = 100;
// About 100 bytes of JSON each: a chunk stays well under D1's 100 KB per statement.
const DELIVERIES_PER_STATEMENT = 500;

export const subscribedTo = (events: string[], type: string) =>
  events.includes("*") || events.includes(type);

/** Hands delivery ids to the queue; the consumer is idempotent per delivery. */
export async function enqueue(env: Env, deliveryIds: string[]) {
  for (let i = 0; i < deliveryIds.length; i += BATCH) {
    await env.WEBHOOK_QUEUE.sendBatch(
      deliveryIds
        .slice(i, i + BATCH)
        .map((id) => ({ body: { delivery_id: id } satisfies WebhookMessage })),
    );
  }
}

export type DeliveryOrigin = (typeof webhookDeliveries.$inferSelect)["origin"];

const isReplay = (origin: DeliveryOrigin) => origin === "redeliver" || origin === "recover";

/** One statement inserting a chunk of `[id, tenant, subscription, event]` rows. */
function insertDeliveries(chunk: string, origin: DeliveryOrigin, onlyIf: SQL = sql`1`) {
  const generation = isReplay(origin)
    ? sql`COALESCE((SELECT MAX(d.generation) FROM webhook_deliveries AS d
        WHERE d.event_id = j.value ->> 3 AND d.subscription_id = j.value ->> 2), -1) + 1`
    : sql`0`;
  return sql`
    INSERT OR IGNORE INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, generation, origin, status)
    SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, ${generation}, ${origin}, 'pending'
    FROM json_each(${chunk}) AS j
    WHERE ${onlyIf}
    RETURNING id`;
}

type DeliveryRow = { tenantId: string; subscriptionId: string; eventId: string };

const chunkOf = (rows: DeliveryRow[]) =>
  JSON.stringify(rows.map((r) => [newId("del"), r.tenantId, r.subscriptionId, r.eventId]));

/**
 * Creates deliveries and returns the ids to enqueue. An initial delivery (relay or test,
 * generation 0) exists at most once per event and subscription, and one still pending
 * from an earlier relay is returned again; a replay is always a new delivery, one
 * generation above the last. Rows go in as JSON, many per statement, to stay far below
 * D1's query budget.
 */
export async function createDeliveries(
  db: Db,
  rows: DeliveryRow[],
  origin: Exclude<DeliveryOrigin, "recover">,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += DELIVERIES_PER_STATEMENT) {
    const chunk = chunkOf(rows.slice(i, i + DELIVERIES_PER_STATEMENT));
    const inserted = await db.all<{ id: string }>(insertDeliveries(chunk, origin));
    if (isReplay(origin)) {
      ids.push(...inserted.map((r) => r.id));
      continue;
    }
    const waiting = await db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          eq(webhookDeliveries.generation, 0),
          sql`(${webhookDeliveries.eventId}, ${webhookDeliveries.subscriptionId})
            IN (SELECT value ->> 3, value ->> 2 FROM json_each(${chunk}))`,
        ),
      );
    ids.push(...waiting.map((r) => r.id));
  }
  return ids;
}

/** The most events one recover call replays: one insert statement holds them all. */
export const RECOVER_PAGE = DELIVERIES_PER_STATEMENT;

/** Each replayed event is a POST to the receiver, so each endpoint gets its own budget. */
export const REPLAYS_PER_MINUTE = 10;

/**
 * A recovery's deliveries still on their way. One untouched for a day is not: every
 * retry is sooner than that, so its queue message was lost and it must not block forever.
 */
const recoveryInFlight = (subscriptionId: string) => sql`EXISTS (
  SELECT 1 FROM webhook_deliveries AS r
  WHERE r.subscription_id = ${subscriptionId}
    AND r.origin = 'recover' AND r.status IN ('pending', 'sending')
    AND r.updated_at > ${nowPlus("-1 day")})`;

/**
 * Replays up to RECOVER_PAGE events to one subscription unless its previous recovery is
 * still in flight, in which case it returns undefined. The insert checks for itself, so
 * two concurrent recovers never both start: with events to send, nothing inserted means
 * another recovery was in flight.
 */
export async function startRecovery(
  db: Db,
  subscription: { id: string; tenantId: string },
  eventIds: string[],
): Promise<string[] | undefined> {
  const inFlight = recoveryInFlight(subscription.id);
  if (eventIds.length === 0) {
    const [row] = await db.all<{ busy: number }>(sql`SELECT ${inFlight} AS busy`);
    return row?.busy ? undefined : [];
  }
  const chunk = chunkOf(
    eventIds.map((eventId) => ({
      tenantId: subscription.tenantId,
      subscriptionId: subscription.id,
      eventId,
    })),
  );
  const inserted = await db.all<{ id: string }>(
    insertDeliveries(chunk, "recover", sql`NOT ${inFlight}`),
  );
  return inserted.length === 0 ? undefined : inserted.map((r) => r.id);
}

/** The subscriptions that receive deliveries now: enabled and not deleted. */
export function activeSubscriptions(db: Db, tenantIds: string[]) {
  return db
    .select()
    .from(webhookSubscriptions)
    .where(
      and(
        inList(webhookSubscriptions.tenantId, tenantIds),
        eq(webhookSubscriptions.status, "enabled"),
        isNull(webhookSubscriptions.deletedAt),
      ),
    );
}

/**
 * The outbox relay: every committed event not yet handed over gets one delivery per
 * matching subscription, those go to the queue, and only then is the event marked
 * dispatched. A crash anywhere before that leaves the event for the next relay (after
 * the next write, or the cron sweep); relaying twice creates no second delivery.
 */
export async function dispatchPending(env: Env, db: Db): Promise<number> {
  const pending = await db
    .select({ seq: events.seq, id: events.id, tenantId: events.tenantId, type: events.type })
    .from(events)
    .where(isNull(events.dispatchedAt))
    .orderBy(asc(events.seq))
    .limit(BATCH);
  if (pending.length === 0) return 0;
  const tenants = [...new Set(pending.map((e) => e.tenantId))];
  const subscriptions = await activeSubscriptions(db, tenants);
  const rows = pending.flatMap((event) =>
    subscriptions
      .filter((s) => s.tenantId === event.tenantId && subscribedTo(s.events, event.type))
      .map((s) => ({
        tenantId: event.tenantId,
        subscriptionId: s.id,
        eventId: event.id,
      })),
  );
  await enqueue(env, await createDeliveries(db, rows, "relay"));
  await db
    .update(events)
    .set({ dispatchedAt: NOW })
    .where(
      inList(
        events.seq,
        pending.map((e) => e.seq),
      ),
    );
  return pending.length;
}

/** Relays until the outbox is empty (bounded), for the cron sweep. */
export async function sweep(env: Env, db: Db) {
  for (let round = 0; round < 50; round++) {
    if ((await dispatchPending(env, db)) < BATCH) return;
  }
}
