import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gt, gte, ne, sql } from "drizzle-orm";
import type { Context } from "hono";
import { cursorPosition } from "../db/feed";
import { events, webhookAttempts, webhookDeliveries } from "../db/schema";
import { inList } from "../db/sql";
import { refused } from "../domain/refusals";
import { assertReadable } from "../events/events.service";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppEnv, AppRouteHandler } from "../http/context";
import { IdCursor, page } from "../http/pagination";
import { encodeCursor } from "../lib/cursor";
import { assertWithinRetention, retentionDays } from "../retention/retention.window";
import { attemptsOf } from "./attempts";
import type * as routes from "./replays.routes";
import { findSubscription as find } from "./subscriptions";
import { deliveryId } from "./webhooks.delivery-key";
import {
  activeSubscriptions,
  createDeliveries,
  enqueue,
  RECOVER_PAGE,
  REPLAYS_PER_MINUTE,
  startRecovery,
  subscribedTo,
} from "./webhooks.outbox";

/** Position in a subscription's delivery log: the last delivery's event time, event and generation. */
const DeliveryCursor = z.object({ at: z.string(), e: z.string(), g: z.number().int() });

export const deliveries: AppRouteHandler<typeof routes.deliveries> = async (c) => {
  const sub = await find(c, c.req.valid("param").id);
  const { status, updated_since, cursor, limit } = c.req.valid("query");
  const before = cursor ? cursorPosition(cursor, DeliveryCursor) : undefined;
  const d = webhookDeliveries;
  const rows = await c.var.db
    .select({ delivery: d, eventType: events.type })
    .from(d)
    .innerJoin(events, eq(events.id, d.eventId))
    .where(
      and(
        eq(d.subscriptionId, sub.id),
        status ? eq(d.status, status) : undefined,
        updated_since ? gte(d.updatedAt, updated_since) : undefined,
        before !== undefined
          ? sql`(${d.eventAt}, ${d.eventId}, ${d.generation}) < (${before.at}, ${before.e}, ${before.g})`
          : undefined,
      ),
    )
    .orderBy(desc(d.eventAt), desc(d.eventId), desc(d.generation))
    .limit(limit + 1);
  const listed = rows.map((r) => ({
    ...r,
    id: deliveryId({ ...r.delivery, tenantId: sub.tenantId }),
  }));
  const ids = listed.slice(0, limit).map((r) => r.id);
  const attempts =
    ids.length === 0
      ? []
      : await c.var.db
          .select()
          .from(webhookAttempts)
          .where(inList(webhookAttempts.deliveryId, ids))
          .orderBy(asc(webhookAttempts.attempt));
  const view = (r: (typeof listed)[number]) => ({
    id: r.id,
    event_id: r.delivery.eventId,
    event_type: r.eventType,
    status: r.delivery.status,
    attempts: attemptsOf(
      r.delivery,
      attempts.filter((a) => a.deliveryId === r.id),
    ),
    last_error: r.delivery.lastError,
    next_attempt_at: r.delivery.nextAttemptAt,
    created_at: r.delivery.createdAt,
    updated_at: r.delivery.updatedAt,
  });
  return c.json(
    page(
      listed,
      limit,
      view,
      (r) => ({ at: r.delivery.eventAt, e: r.delivery.eventId, g: r.delivery.generation }),
      await consistencyToken(c),
    ),
    200,
  );
};

async function spendReplay(env: Env, subscriptionId: string) {
  const decision = await env.RATE_LIMITER.getByName(`replay:${subscriptionId}`).take(
    REPLAYS_PER_MINUTE,
  );
  // Replay budgets are never revoked; only API keys are.
  if (decision !== "revoked" && !decision.allowed) {
    throw refused("rate_limited", {
      retry_after: decision.retryAfter,
      webhook_id: subscriptionId,
      limit: decision.limit,
    });
  }
}

/** Where a recover's cursor resumes: the position of the last event it sent. */
async function cursorEvent(c: Context<AppEnv>, tenantId: string, cursor: string) {
  const { id } = cursorPosition(cursor, IdCursor);
  const [event] = await c.var.db
    .select({ seq: events.seq })
    .from(events)
    .where(and(eq(events.id, id), eq(events.tenantId, tenantId)));
  if (!event) {
    throw refused("invalid_cursor", {
      field: "cursor",
      walk: "recover",
      retention_days: retentionDays(c.env),
    });
  }
  return event.seq;
}

export const recover: AppRouteHandler<typeof routes.recover> = async (c) => {
  const sub = await find(c, c.req.valid("param").id);
  assertReadable(sub.events, c.var.principal.scopes);
  const { since, cursor } = c.req.valid("json");
  if (since !== undefined) assertWithinRetention(c.env, since, "since");
  await spendReplay(c.env, sub.id);
  const after = cursor === undefined ? undefined : await cursorEvent(c, sub.tenantId, cursor);
  const rows = await c.var.db
    .select({ id: events.id, seq: events.seq })
    .from(events)
    .where(
      and(
        eq(events.tenantId, sub.tenantId),
        after !== undefined ? gt(events.seq, after) : undefined,
        since !== undefined ? gte(events.createdAt, since) : undefined,
        sub.events.includes("*")
          ? ne(events.type, "webhook.test")
          : inList(events.type, sub.events),
      ),
    )
    .orderBy(asc(events.seq))
    .limit(RECOVER_PAGE + 1);
  const replayed = rows.slice(0, RECOVER_PAGE);
  const deliveries = await startRecovery(
    c.var.db,
    sub,
    replayed.map((e) => e.id),
  );
  if (!deliveries) {
    throw refused("recovery_in_progress");
  }
  await enqueue(c.env, deliveries);
  const last = replayed.at(-1);
  const hasMore = rows.length > RECOVER_PAGE;
  return c.json(
    {
      events: replayed.length,
      has_more: hasMore,
      next_cursor: hasMore && last ? encodeCursor({ id: last.id }) : null,
    },
    202,
  );
};

export const redeliver: AppRouteHandler<typeof routes.redeliver> = async (c) => {
  const tenantId = tenantOf(c);
  const { id } = c.req.valid("param");
  const { subscription_id } = c.req.valid("json");
  const [event] = await c.var.db
    .select()
    .from(events)
    .where(and(eq(events.id, id), eq(events.tenantId, tenantId)));
  if (!event) throw refused("not_found", { resource: "event", id: id });
  assertReadable([event.type], c.var.principal.scopes);
  // Past the window the archive may take the event at any moment: no new delivery for it.
  assertWithinRetention(c.env, event.createdAt, "id");
  const subscriptions = subscription_id
    ? [
        await find(c, subscription_id).catch(() => {
          throw refused("not_found", {
            resource: "webhook",
            id: subscription_id,
            field: "subscription_id",
          });
        }),
      ]
    : (await activeSubscriptions(c.var.db, [tenantId])).filter((s) =>
        subscribedTo(s.events, event.type),
      );
  for (const s of subscriptions) await spendReplay(c.env, s.id);
  const deliveries = await createDeliveries(
    c.var.db,
    subscriptions.map((s) => ({ tenantId, subscriptionId: s.id, eventId: event.id })),
    "redeliver",
  );
  await enqueue(c.env, deliveries);
  return c.json({ deliveries: deliveries.map(deliveryId) }, 202);
};
