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
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: text("created_at").notNull().default(now),
    // 1 once relayed (a time, for events relayed before migration 0022); null until then.
    dispatched: integer("dispatched"),
  },
  (t) => [
    uniqueIndex("events_id_unique").on(t.id),
    index("events_tenant_idx").on(t.tenantId, t.seq),
    index("events_tenant_type_idx").on(t.tenantId, t.type, t.seq),
    index("events_created_second_idx").on(sql`unixepoch(created_at)`),
    index("events_undispatched_idx").on(t.seq).where(sql`dispatched IS NULL`),
    index("events_tenant_undispatched_idx").on(t.tenantId, t.seq).where(sql`dispatched IS NULL`),
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
 * One event owed to one subscription; `generation` > 0 for each replay. WITHOUT ROWID, keyed
 * as its subscription's log reads it (migrations/shard/0022_lean_outbox.sql); its id is
 * derived from that key (src/webhooks/webhooks.delivery-key.ts), or is `legacyId` for a delivery made
 * before. Its tenant is its subscription's. Its attempts are `webhook_attempts` rows, but for a first attempt that succeeded,
 * kept in the row itself (src/webhooks/attempts.ts). `origin` says what created it: the
 * outbox relay, a test, a redeliver or a recover.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    subscriptionId: text("subscription_id").notNull(),
    /** The event's `created_at`: a log lists deliveries by their event, newest first. */
    eventAt: text("event_at").notNull(),
    eventId: text("event_id").notNull(),
    generation: integer("generation").notNull(),
    legacyId: text("legacy_id"),
    /** Null for the relay's: what else made it. */
    origin: text("origin").$type<Exclude<DeliveryOrigin, "relay">>(),
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
    primaryKey({ columns: [t.subscriptionId, t.eventAt, t.eventId, t.generation] }),
    uniqueIndex("webhook_deliveries_legacy_idx").on(t.legacyId).where(sql`legacy_id IS NOT NULL`),
    index("webhook_deliveries_open_idx")
      .on(t.status, t.createdAt)
      .where(sql`status IN ('pending', 'sending')`),
    index("webhook_deliveries_recovering_idx")
      .on(t.subscriptionId)
      .where(sql`origin = 'recover' AND status IN ('pending', 'sending')`),
  ],
);

/** WITHOUT ROWID: read only through its delivery. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    deliveryId: text("delivery_id").notNull(),
    attempt: integer("attempt").notNull(),
    tenantId: text("tenant_id").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    attemptedAt: text("attempted_at").notNull(),
    nextRetryAt: text("next_retry_at"),
  },
  (t) => [
    primaryKey({ columns: [t.deliveryId, t.attempt] }),
    index("webhook_attempts_tenant_idx").on(t.tenantId),
  ],
);
