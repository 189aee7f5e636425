import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { events, webhookDeliveries, webhookSubscriptions } from "../db/schema";
import type { Env } from "../env";
import { newId } from "../http/ids";

export interface WebhookMessage {
  delivery_id: string;
}

type BatchItem = Parameters<Db["batch"]>[0][number];

const BATCH = 100;
const DELIVERIES_PER_INSERT = 12; // 7 bound values each, under D1's 100 per statement

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

/** Inserts deliveries (ignoring ones that exist) and returns the ids still waiting to be sent. */
export async function createDeliveries(
  db: Db,
  rows: { tenantId: string; subscriptionId: string; eventId: string; generation: number }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserts: BatchItem[] = [];
  for (let i = 0; i < rows.length; i += DELIVERIES_PER_INSERT) {
    inserts.push(
      db
        .insert(webhookDeliveries)
        .values(
          rows
            .slice(i, i + DELIVERIES_PER_INSERT)
            .map((r) => ({ ...r, id: newId("del"), status: "pending" as const })),
        )
        .onConflictDoNothing(),
    );
  }
  await db.batch(inserts as [BatchItem, ...BatchItem[]]);
  const keys = JSON.stringify(rows.map((r) => [r.eventId, r.subscriptionId, r.generation]));
  const waiting = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        sql`(${webhookDeliveries.eventId}, ${webhookDeliveries.subscriptionId}, ${webhookDeliveries.generation})
          IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(${keys}))`,
      ),
    );
  return waiting.map((r) => r.id);
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
  const subscriptions = await db
    .select({
      id: webhookSubscriptions.id,
      tenantId: webhookSubscriptions.tenantId,
      events: webhookSubscriptions.events,
    })
    .from(webhookSubscriptions)
    .where(
      and(
        inArray(webhookSubscriptions.tenantId, tenants),
        eq(webhookSubscriptions.status, "enabled"),
        isNull(webhookSubscriptions.deletedAt),
      ),
    );
  const rows = pending.flatMap((event) =>
    subscriptions
      .filter((s) => s.tenantId === event.tenantId && subscribedTo(s.events, event.type))
      .map((s) => ({
        tenantId: event.tenantId,
        subscriptionId: s.id,
        eventId: event.id,
        generation: 0,
      })),
  );
  await enqueue(env, await createDeliveries(db, rows));
  await db
    .update(events)
    .set({ dispatchedAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` })
    .where(
      sql`${events.seq} IN (SELECT value FROM json_each(${JSON.stringify(pending.map((e) => e.seq))}))`,
    );
  return pending.length;
}

/** Relays until the outbox is empty (bounded), for the cron sweep. */
export async function sweep(env: Env, db: Db) {
  for (let round = 0; round < 50; round++) {
    if ((await dispatchPending(env, db)) < BATCH) return;
  }
}
