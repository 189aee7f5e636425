import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { EVENT_TYPES } from "../../domain/events";
import type { DeliveryOrigin, DeliveryStatus, WebhookStatus } from "../../domain/statuses";
import { now } from "./shared";

/** The outbox: every state change inserts its event in the same atomic write. */
export const events = sqliteTable(
  "events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(),
    tenantId: text("tenant_id").notNull(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    resourceId: text("resource_id").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: text("created_at").notNull().default(now),
    dispatchedAt: text("dispatched_at"),
  },
  (t) => [
    uniqueIndex("events_id_unique").on(t.id),
    index("events_tenant_idx").on(t.tenantId, t.seq),
    index("events_tenant_type_idx").on(t.tenantId, t.type, t.seq),
    index("events_undispatched_idx").on(t.seq).where(sql`dispatched_at IS NULL`),
    index("events_tenant_undispatched_idx").on(t.tenantId, t.seq).where(sql`dispatched_at IS NULL`),
    index("events_created_idx").on(t.createdAt),
  ],
);

export const webhookSubscriptions = sqliteTable(
  "webhook_subscriptions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    url: text("url").notNull(),
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    description: text("description"),
    secret: text("secret").notNull(),
    // During a rotation the old secret keeps signing alongside the new one until this time.
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: text("previous_secret_expires_at"),
    status: text("status").$type<WebhookStatus>().notNull(),
    disabledReason: text("disabled_reason"),
    failingSince: text("failing_since"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    deletedAt: text("deleted_at"),
  },
  (t) => [
    index("webhook_subscriptions_tenant_idx").on(t.tenantId),
    index("webhook_subscriptions_feed_idx").on(t.tenantId, t.updatedAt, t.id),
    index("webhook_subscriptions_previous_secret_idx")
      .on(t.previousSecretExpiresAt)
      .where(sql`previous_secret IS NOT NULL`),
  ],
);

/**
 * One event owed to one subscription; `generation` > 0 for each replay. Its attempts are
 * `webhook_attempts` rows, but for a first attempt that succeeded, kept in the row itself
 * (src/webhooks/attempts.ts). `origin` says what
 * created it: the outbox relay, a test, a redeliver or a recover.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull(),
    tenantId: text("tenant_id").notNull(),
    subscriptionId: text("subscription_id").notNull(),
    eventId: text("event_id").notNull(),
    generation: integer("generation").notNull(),
    origin: text("origin").$type<DeliveryOrigin>().notNull().default("relay"),
    status: text("status").$type<DeliveryStatus>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    leaseUntil: text("lease_until"),
    nextAttemptAt: text("next_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    // A first attempt that succeeded is kept here rather than in webhook_attempts: when it
    // started (milliseconds after createdAt) and how long it took.
    sentAfterMs: integer("sent_after_ms"),
    durationMs: integer("duration_ms"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_id_unique").on(t.id),
    uniqueIndex("webhook_deliveries_unique").on(t.eventId, t.subscriptionId, t.generation),
    index("webhook_deliveries_subscription_idx").on(t.subscriptionId, t.seq),
    index("webhook_deliveries_open_idx")
      .on(t.status, t.createdAt)
      .where(sql`status IN ('pending', 'sending')`),
    index("webhook_deliveries_recovering_idx")
      .on(t.subscriptionId)
      .where(sql`origin = 'recover' AND status IN ('pending', 'sending')`),
    index("webhook_deliveries_settled_idx")
      .on(t.updatedAt)
      .where(sql`status IN ('succeeded', 'failed')`),
  ],
);

/** WITHOUT ROWID: read only through its delivery. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    deliveryId: text("delivery_id").notNull(),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    attemptedAt: text("attempted_at").notNull(),
    nextRetryAt: text("next_retry_at"),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);
