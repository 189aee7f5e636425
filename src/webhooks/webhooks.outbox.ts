import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type Db, database } from "../db/client";
import { events, webhookSubscriptions } from "../db/schema";
import { tenantShard } from "../db/shards";
import { inList, nowPlus } from "../db/sql";
import type { DeliveryOrigin } from "../domain/statuses";
import { attemptDelivery } from "./delivery";
import { type Delivery, deliveryKeySql, messageOf } from "./webhooks.delivery-key";

/** Events per relay or sweep statement, and deliveries per queue send. */
export const BATCH = 100;
// About 100 bytes of JSON each: a chunk stays well under D1's 100 KB per statement.
const DELIVERIES_PER_STATEMENT = 500;

export const subscribedTo = (events: string[], type: string) =>
  events.includes("*") || events.includes(type);

/** Hands deliveries to the queue; the consumer is idempotent per delivery. */
export async function enqueue(env: Env, deliveries: Delivery[]) {
  for (let i = 0; i < deliveries.length; i += BATCH) {
    await env.WEBHOOK_QUEUE.sendBatch(
      deliveries.slice(i, i + BATCH).map((d) => ({ body: messageOf(d) })),
    );
  }
}

const isReplay = (origin: DeliveryOrigin) => origin === "redeliver" || origin === "recover";

/**
 * One statement inserting a chunk of `[tenant, subscription, event id]` rows, each keyed by
 * its event's time, read here from the event itself. What it returns lacks the tenant.
 */
function insertDeliveries(chunk: string, origin: DeliveryOrigin, onlyIf: SQL = sql`1`) {
  const generation = isReplay(origin)
    ? sql`COALESCE((SELECT MAX(d.generation) FROM webhook_deliveries AS d
        WHERE d.subscription_id = j.value ->> 1 AND d.event_at = e.created_at
          AND d.event_id = e.id), -1) + 1`
    : sql`0`;
  return sql`
    INSERT OR IGNORE INTO webhook_deliveries
      (subscription_id, event_at, event_id, generation, origin, status)
    SELECT j.value ->> 1, e.created_at, e.id, ${generation}, ${origin === "relay" ? null : origin},
      'pending'
    FROM json_each(${chunk}) AS j CROSS JOIN events AS e ON e.id = j.value ->> 2
    WHERE ${onlyIf}
    RETURNING ${deliveryKeySql()}`;
}

type DeliveryRow = { tenantId: string; subscriptionId: string; eventId: string };

const chunkOf = (rows: DeliveryRow[]) =>
  JSON.stringify(rows.map((r) => [r.tenantId, r.subscriptionId, r.eventId]));

type DeliveryKeyRow = Omit<Delivery, "tenantId">;

/** Inserted deliveries with their tenants, which are their subscriptions'. */
const withTenants = (rows: DeliveryRow[], inserted: DeliveryKeyRow[]): Delivery[] => {
  const tenantOf = new Map(rows.map((r) => [r.subscriptionId, r.tenantId]));
  return inserted.map((d) => {
    const tenantId = tenantOf.get(d.subscriptionId);
    if (tenantId === undefined) throw new Error(`a delivery to ${d.subscriptionId}, not asked for`);
    return { ...d, tenantId };
  });
};

/**
 * Creates deliveries and returns those to enqueue. An initial delivery (relay or test,
 * generation 0) exists at most once per event and subscription, and one still pending
 * from an earlier relay is returned again; a replay is always a new delivery, one
 * generation above the last. Rows go in as JSON, many per statement, to stay far below
 * D1's query budget.
 */
export async function createDeliveries(
  db: Db,
  rows: DeliveryRow[],
  origin: Exclude<DeliveryOrigin, "recover">,
): Promise<Delivery[]> {
  const created: Delivery[] = [];
  for (let i = 0; i < rows.length; i += DELIVERIES_PER_STATEMENT) {
    const chunk = chunkOf(rows.slice(i, i + DELIVERIES_PER_STATEMENT));
    const inserted = await db.all<DeliveryKeyRow>(insertDeliveries(chunk, origin));
    if (isReplay(origin)) {
      created.push(...withTenants(rows, inserted));
      continue;
    }
    const waiting = await db.all<Delivery>(sql`
      SELECT ${deliveryKeySql("d")}, j.value ->> 0 AS tenantId FROM json_each(${chunk}) AS j
      CROSS JOIN events AS e ON e.id = j.value ->> 2
      CROSS JOIN webhook_deliveries AS d ON d.subscription_id = j.value ->> 1
        AND d.event_at = e.created_at AND d.event_id = e.id AND d.generation = 0
      WHERE d.status = 'pending'`);
    created.push(...waiting);
  }
  return created;
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
): Promise<Delivery[] | undefined> {
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
  const inserted = await db.all<DeliveryKeyRow>(
    insertDeliveries(chunk, "recover", sql`NOT ${inFlight}`),
  );
  return inserted.length === 0
    ? undefined
    : inserted.map((d) => ({ ...d, tenantId: subscription.tenantId }));
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

/** Hands deliveries to the queue to be attempted after `delaySeconds`. */
export async function enqueueLater(env: Env, deliveries: Delivery[], delaySeconds: number) {
  for (let i = 0; i < deliveries.length; i += BATCH) {
    await env.WEBHOOK_QUEUE.sendBatch(
      deliveries.slice(i, i + BATCH).map((d) => ({ body: messageOf(d), delaySeconds })),
    );
  }
}

/**
 * Relays one tenant's committed events (or every tenant's, `null`): each gets one delivery
 * per matching subscription, the event is marked dispatched, and each delivery's first
 * attempt is made at once rather than after the queue's batching delay; a failed attempt
 * goes to the queue for its retries. A crash anywhere leaves the event or the delivery for
 * the cron sweep; relaying twice creates no second delivery, and the delivery's lease keeps
 * each attempt single.
 */
async function relayOnce(env: Env, db: Db, tenantId: string): Promise<number> {
  const pending = await db
    .select({ seq: events.seq, id: events.id, tenantId: events.tenantId, type: events.type })
    .from(events)
    .where(and(isNull(events.dispatched), eq(events.tenantId, tenantId)))
    .orderBy(asc(events.seq))
    .limit(BATCH);
  if (pending.length === 0) return 0;
  const ids = await deliveriesFor(db, pending);
  await markDispatched(db, pending);
  await deliverNow(env, db, ids);
  return pending.length;
}

/** First attempts made here and now (`db` holds the deliveries); each failed one goes to the queue for its retries. */
export async function deliverNow(env: Env, db: Db, deliveries: Delivery[]) {
  await Promise.all(
    deliveries.map(async (delivery) => {
      const { retryIn } = await attemptDelivery(env, db, delivery);
      if (retryIn !== undefined) await enqueueLater(env, [delivery], retryIn);
    }),
  );
}

export type Pending = { seq: number; id: string; tenantId: string; type: string };

/** One delivery per event and matching subscription, created; those to enqueue come back. */
export async function deliveriesFor(db: Db, pending: Pending[]) {
  const tenants = [...new Set(pending.map((e) => e.tenantId))];
  const subscriptions = await activeSubscriptions(db, tenants);
  const rows = pending.flatMap((event) =>
    subscriptions
      .filter((s) => s.tenantId === event.tenantId && subscribedTo(s.events, event.type))
      .map((s) => ({ tenantId: event.tenantId, subscriptionId: s.id, eventId: event.id })),
  );
  return createDeliveries(db, rows, "relay");
}

export const markDispatched = (db: Db, pending: Pending[]) =>
  db
    .update(events)
    .set({ dispatched: 1 })
    .where(
      inList(
        events.seq,
        pending.map((e) => e.seq),
      ),
    );

/*
 * Per isolate: which tenants have an enabled subscription (so a tenant without one costs
 * no relay at all), and at most one relay in flight per tenant; a write that lands while
 * one runs makes it go round once more instead of starting another.
 */
const SUBSCRIBED_TTL_MS = 30_000;
const subscribed = new Map<string, { yes: boolean; until: number }>();
const inFlight = new Map<string, Promise<void>>();
const again = new Set<string>();

/** Call when a tenant's subscriptions change, so this isolate stops trusting its cache. */
export const forgetSubscriptions = (tenantId: string) => subscribed.delete(tenantId);

async function hasSubscriptions(db: Db, tenantId: string): Promise<boolean> {
  const cached = subscribed.get(tenantId);
  if (cached && cached.until > Date.now()) return cached.yes;
  const [row] = await activeSubscriptions(db, [tenantId]).limit(1);
  subscribed.set(tenantId, { yes: row !== undefined, until: Date.now() + SUBSCRIBED_TTL_MS });
  return row !== undefined;
}

/**
 * Relays a tenant's events after a write, in its shard; while one relay of the tenant runs,
 * another call makes it go round once more instead.
 */
export async function relay(env: Env, tenantId: string): Promise<void> {
  const running = inFlight.get(tenantId);
  if (running) {
    again.add(tenantId);
    return running;
  }
  const run = (async () => {
    const db = database((await tenantShard(env, tenantId)).d1);
    if (!(await hasSubscriptions(db, tenantId))) return;
    do {
      again.delete(tenantId);
      let relayed = BATCH;
      while (relayed === BATCH) relayed = await relayOnce(env, db, tenantId);
    } while (again.has(tenantId));
  })().finally(() => inFlight.delete(tenantId));
  inFlight.set(tenantId, run);
  return run;
}
