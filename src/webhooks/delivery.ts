import { eq, sql } from "drizzle-orm";
import pkg from "../../package.json";
import { type Db, database } from "../db/client";
import { events, webhookAttempts, webhookDeliveries, webhookSubscriptions } from "../db/schema";
import { TenantFrozen, tenantShard } from "../db/shards";
import { NOW, nowPlus } from "../db/sql";
import { renderEvent } from "../events/events.render";
import { inRow, keptInRow } from "./attempts";
import { destinationRefusal } from "./destination";
import { signatureHeaders } from "./signing";
import {
  type Delivery,
  deliveryId,
  deliveryKeyColumns,
  isDelivery,
  messageOf,
  type WebhookMessage,
} from "./webhooks.delivery-key";

/** The delivery a message names, or undefined for a legacy id that names none. */
async function deliveryOf(db: Db, message: WebhookMessage): Promise<Delivery | undefined> {
  const { subscription_id, event_at, event_id, generation } = message;
  if (
    subscription_id !== undefined &&
    event_at !== undefined &&
    event_id !== undefined &&
    generation !== undefined
  ) {
    return {
      tenantId: message.tenant_id,
      legacyId: null,
      subscriptionId: subscription_id,
      eventAt: event_at,
      eventId: event_id,
      generation,
    };
  }
  const [row] = await db
    .select(deliveryKeyColumns)
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.legacyId, message.delivery_id));
  return row && { ...row, tenantId: message.tenant_id };
}

const LEASE_SECONDS = 60;

/** A receiver has this long to answer 2xx; `WEBHOOK_TIMEOUT_MS` overrides the guide's 10 s. */
export const deliveryTimeoutMs = (env: Env) => Number(env.WEBHOOK_TIMEOUT_MS ?? "10000");

/** 10 s, 1 min, 5 min, 30 min, then hourly to about a day; `WEBHOOK_RETRY_SCHEDULE` overrides. */
const DEFAULT_SCHEDULE = [10, 60, 300, 1800, ...Array<number>(23).fill(3600)];

export function retrySchedule(env: Env): number[] {
  const raw = env.WEBHOOK_RETRY_SCHEDULE?.trim();
  if (!raw) return DEFAULT_SCHEDULE;
  return raw.split(",").map((n) => Math.max(0, Number.parseInt(n, 10) || 0));
}

const disableAfterHours = (env: Env) => Number(env.WEBHOOK_DISABLE_AFTER_HOURS ?? "72");

type Result = { retryIn?: number };

type Outcome = { statusCode: number | null; error: string | null };

/**
 * Sends one attempt, unless its destination is refused now (src/webhooks/destination.ts):
 * that is a failed attempt like any other, so the delivery is retried on the usual schedule.
 */
async function post(
  env: Env,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<Outcome> {
  const refused = await destinationRefusal(env, url);
  if (refused) return { statusCode: null, error: refused };
  try {
    const res = await fetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(deliveryTimeoutMs(env)),
    });
    await res.body?.cancel();
    const ok = res.status >= 200 && res.status < 300;
    return { statusCode: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const error =
      err instanceof Error && err.name === "TimeoutError"
        ? `timeout after ${deliveryTimeoutMs(env) / 1000} s`
        : `network error: ${String(err)}`;
    return { statusCode: null, error };
  }
}

/**
 * Makes one attempt of one delivery. A lease claimed with a conditional update makes
 * the attempt exclusive, so a duplicate queue message (at-least-once) never sends twice
 * at once, and a finished delivery is never sent again.
 */
export async function attemptDelivery(env: Env, db: Db, key: Delivery): Promise<Result> {
  const [delivery] = await db
    .update(webhookDeliveries)
    .set({
      status: "sending",
      leaseUntil: nowPlus(`+${LEASE_SECONDS} seconds`),
    })
    .where(
      sql`${isDelivery(key)} AND (${webhookDeliveries.status} = 'pending'
        OR (${webhookDeliveries.status} = 'sending' AND ${webhookDeliveries.leaseUntil} < ${NOW}))`,
    )
    .returning();
  if (!delivery) return {};
  // A delivery made before its key named it keeps its id, whatever the message carried.
  const named = { ...key, legacyId: delivery.legacyId };
  const id = deliveryId(named);
  const [[subscription], [event]] = await db.batch([
    db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, delivery.subscriptionId)),
    db.select().from(events).where(eq(events.id, key.eventId)),
  ]);
  if (!subscription || subscription.deletedAt || subscription.status !== "enabled" || !event) {
    const why =
      !subscription || subscription.deletedAt
        ? "subscription deleted"
        : !event
          ? "event missing"
          : "endpoint disabled";
    await db
      .update(webhookDeliveries)
      .set({
        status: "failed",
        leaseUntil: null,
        nextAttemptAt: null,
        lastError: why,
        updatedAt: NOW,
      })
      .where(isDelivery(key));
    return {};
  }

  const body = JSON.stringify(renderEvent(event));
  const secrets = [subscription.secret];
  if (
    subscription.previousSecret &&
    (subscription.previousSecretExpiresAt ?? "") > new Date().toISOString()
  ) {
    secrets.push(subscription.previousSecret);
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": `fulfillment-api-webhooks/${pkg.version}`,
    ...(await signatureHeaders(secrets, event.id, timestamp, body)),
  };

  const started = Date.now();
  const { statusCode, error } = await post(env, subscription.url, headers, body);
  const durationMs = Date.now() - started;
  const ok = error === null;
  const attempt = delivery.attempts + 1;
  const schedule = retrySchedule(env);
  const exhausted = !ok && attempt > schedule.length;
  const retryIn = ok || exhausted ? undefined : schedule[attempt - 1];
  const nextRetryAt =
    retryIn === undefined ? null : new Date(Date.now() + retryIn * 1000).toISOString();

  const kept = keptInRow(attempt, ok);
  await db.batch([
    db
      .update(webhookDeliveries)
      .set({
        status: ok ? "succeeded" : exhausted ? "failed" : "pending",
        attempts: attempt,
        leaseUntil: null,
        lastStatusCode: statusCode,
        lastError: error,
        nextAttemptAt: nextRetryAt,
        updatedAt: NOW,
        ...(kept ? inRow(delivery, started, durationMs) : {}),
      })
      .where(isDelivery(key)),
    ...(kept
      ? []
      : [
          db.insert(webhookAttempts).values({
            deliveryId: id,
            attempt,
            tenantId: key.tenantId,
            statusCode,
            error,
            durationMs,
            attemptedAt: new Date(started).toISOString(),
            nextRetryAt,
          }),
        ]),
    ok
      ? db
          .update(webhookSubscriptions)
          .set({ failingSince: null })
          .where(eq(webhookSubscriptions.id, subscription.id))
      : db
          .update(webhookSubscriptions)
          .set({
            failingSince: sql`COALESCE(${webhookSubscriptions.failingSince}, ${NOW})`,
            status: sql`CASE WHEN ${webhookSubscriptions.failingSince} IS NOT NULL
              AND julianday(${NOW}) - julianday(${webhookSubscriptions.failingSince}) >= ${disableAfterHours(env) / 24}
              THEN 'disabled' ELSE ${webhookSubscriptions.status} END`,
            disabledReason: sql`CASE WHEN ${webhookSubscriptions.failingSince} IS NOT NULL
              AND julianday(${NOW}) - julianday(${webhookSubscriptions.failingSince}) >= ${disableAfterHours(env) / 24}
              THEN 'Every delivery has failed since ' || ${webhookSubscriptions.failingSince} || ${`; fix the endpoint, then POST /v1/webhooks/${subscription.id}/enable.`}
              ELSE ${webhookSubscriptions.disabledReason} END`,
            updatedAt: sql`CASE WHEN ${webhookSubscriptions.failingSince} IS NOT NULL
              AND julianday(${NOW}) - julianday(${webhookSubscriptions.failingSince}) >= ${disableAfterHours(env) / 24}
              THEN ${NOW} ELSE ${webhookSubscriptions.updatedAt} END`,
          })
          .where(eq(webhookSubscriptions.id, subscription.id)),
  ]);
  if (exhausted) {
    await env.WEBHOOK_DLQ.send(messageOf(named));
  }
  return { retryIn };
}

/** The delivery's shard, found through its tenant. */
const shardDb = async (env: Env, message: WebhookMessage) =>
  database((await tenantShard(env, message.tenant_id)).d1);

/** Seconds a frozen tenant's message waits to be tried again; `WEBHOOK_FROZEN_DELAY_SECONDS`. */
const frozenDelay = (env: Env) => Number(env.WEBHOOK_FROZEN_DELAY_SECONDS ?? "60");

/**
 * While its tenant is frozen for a move, nothing may touch a delivery, for as long as the move
 * takes. `retry()` would count an attempt toward max_retries, and a freeze longer than that
 * window would dead-letter the message. So the message goes back to its queue as a new one,
 * delayed, and the one in hand is acked; false if the queue refused it (then retry counts).
 */
async function postponed(
  queue: Queue<WebhookMessage>,
  message: Message<WebhookMessage>,
  env: Env,
): Promise<boolean> {
  try {
    await queue.send(message.body, { delaySeconds: frozenDelay(env) });
  } catch {
    return false;
  }
  message.ack();
  console.log(
    JSON.stringify({
      level: "info",
      msg: "webhook postponed: tenant frozen",
      delivery: message.body.delivery_id,
      tenant: message.body.tenant_id,
    }),
  );
  return true;
}

/**
 * Queue consumer: each message is acked or retried on its own, never the whole batch. A
 * tenant frozen for a move stops its attempt here, before anything is sent or written, and
 * the message is postponed without spending an attempt.
 */
export async function consumeWebhooks(batch: MessageBatch<WebhookMessage>, env: Env) {
  for (const message of batch.messages) {
    try {
      const db = await shardDb(env, message.body);
      const delivery = await deliveryOf(db, message.body);
      const { retryIn } = delivery ? await attemptDelivery(env, db, delivery) : {};
      if (retryIn === undefined) message.ack();
      else message.retry({ delaySeconds: retryIn });
    } catch (err) {
      if (err instanceof TenantFrozen && (await postponed(env.WEBHOOK_QUEUE, message, env))) {
        continue;
      }
      console.error(
        JSON.stringify({
          level: "error",
          msg: "webhook attempt crashed",
          delivery: message.body.delivery_id,
          err: String(err),
        }),
      );
      message.retry({ delaySeconds: retrySchedule(env)[0] ?? 10 });
    }
  }
}

/** Dead letters: whatever reaches here is recorded as failed so it shows in the log. */
export async function consumeDeadLetters(batch: MessageBatch<WebhookMessage>, env: Env) {
  for (const message of batch.messages) {
    const db = await shardDb(env, message.body).catch(async (err: unknown) => {
      if (err instanceof TenantFrozen && (await postponed(env.WEBHOOK_DLQ, message, env))) return;
      throw err;
    });
    if (!db) continue;
    const delivery = await deliveryOf(db, message.body);
    if (delivery) {
      await db
        .update(webhookDeliveries)
        .set({ status: "failed", leaseUntil: null, nextAttemptAt: null, updatedAt: NOW })
        .where(sql`${isDelivery(delivery)} AND ${webhookDeliveries.status} != 'succeeded'`);
    }
    message.ack();
  }
}
