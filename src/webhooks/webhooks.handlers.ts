import { eq, isNull, sql } from "drizzle-orm";
import { eventStatements } from "../db/events";
import { stampFeed } from "../db/feed";
import { webhookSubscriptions } from "../db/schema";
import { NOW } from "../db/sql";
import { Refused, refused } from "../domain/refusals";
import { assertReadable } from "../events/events.service";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { environmentOf } from "../lib/environment";
import { newId } from "../lib/ids";
import { rotateSecret } from "./secrets";
import { newSecret } from "./signing";
import { findSubscription as find, renderSubscription as render } from "./subscriptions";
import { webhookUrlRefusal } from "./url-policy";
import { deliveryId } from "./webhooks.delivery-key";
import { createDeliveries, deliverNow, forgetSubscriptions } from "./webhooks.outbox";
import type * as routes from "./webhooks.routes";

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const tenantId = tenantOf(c);
  const body = c.req.valid("json");
  const refusal = webhookUrlRefusal(body.url, environmentOf(c.env));
  if (refusal) throw new Refused({ ...refusal, field: "url" });
  assertReadable(body.events, c.var.principal.scopes);
  const [row] = await c.var.db
    .insert(webhookSubscriptions)
    .values({
      id: newId("whk", tenantId),
      tenantId,
      url: body.url,
      events: [...new Set(body.events)],
      description: body.description ?? null,
      secret: newSecret(),
      status: "enabled",
    })
    .returning();
  if (!row) throw new Error("webhook insert returned no row");
  forgetSubscriptions(tenantId);
  return c.json({ ...render(row), secret: row.secret }, 201);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const { updated_since, cursor, limit } = c.req.valid("query");
  const feed = await stampFeed(
    c.var.db,
    webhookSubscriptions,
    [eq(webhookSubscriptions.tenantId, tenantOf(c)), isNull(webhookSubscriptions.deletedAt)],
    { updatedSince: updated_since, cursor, limit },
  );
  return c.json(page(feed.rows, limit, render, feed.positionOf, await consistencyToken(c)), 200);
};

export const get: AppRouteHandler<typeof routes.get> = async (c) =>
  c.json(render(await find(c, c.req.valid("param").id)), 200);

export const remove: AppRouteHandler<typeof routes.remove> = async (c) => {
  const sub = await find(c, c.req.valid("param").id);
  await c.var.db
    .update(webhookSubscriptions)
    .set({ deletedAt: NOW, updatedAt: NOW })
    .where(eq(webhookSubscriptions.id, sub.id));
  forgetSubscriptions(sub.tenantId);
  return c.json({ id: sub.id, deleted: true as const }, 200);
};

export const rotate: AppRouteHandler<typeof routes.rotate> = async (c) => {
  const { id } = c.req.valid("param");
  const row = await rotateSecret(c.var.db, tenantOf(c), id);
  if (!row?.previousSecretExpiresAt) throw refused("not_found", { resource: "webhook", id: id });
  return c.json(
    { ...render(row), secret: row.secret, previous_secret_expires_at: row.previousSecretExpiresAt },
    200,
  );
};

export const test: AppRouteHandler<typeof routes.test> = async (c) => {
  const sub = await find(c, c.req.valid("param").id);
  if (sub.status !== "enabled") {
    throw refused("webhook_disabled", { disabled_reason: sub.disabledReason });
  }
  const payload = {
    webhook_id: sub.id,
    message:
      "A test event from the fulfillment API. If you can verify its signature, you are ready.",
  };
  const eventId = newId("evt", sub.tenantId);
  const [record, ...rest] = eventStatements(c.var.db, sub.tenantId, [
    {
      events: [{ type: "webhook.test" }],
      resources: [sub.id],
      snapshot: () => sql`json(${JSON.stringify(payload)})`,
      ids: [eventId],
      // A test goes to this endpoint only; the relay must not fan it out to others.
      dispatched: true,
    },
  ]);
  if (!record) throw new Error("a test event with nothing to write");
  await c.var.db.batch([record, ...rest]);
  const [delivery] = await createDeliveries(
    c.var.db,
    [{ tenantId: sub.tenantId, subscriptionId: sub.id, eventId }],
    "test",
  );
  if (!delivery) throw new Error("test delivery was not created");
  c.executionCtx.waitUntil(deliverNow(c.env, c.var.db, [delivery]));
  return c.json({ event_id: eventId, delivery_id: deliveryId(delivery) }, 202);
};

export const enable: AppRouteHandler<typeof routes.enable> = async (c) => {
  const sub = await find(c, c.req.valid("param").id);
  const [row] = await c.var.db
    .update(webhookSubscriptions)
    .set({ status: "enabled", disabledReason: null, failingSince: null, updatedAt: NOW })
    .where(eq(webhookSubscriptions.id, sub.id))
    .returning();
  forgetSubscriptions(sub.tenantId);
  return c.json(render(row ?? sub), 200);
};
