-- Fewer bytes per event and delivery (issue 19), measured by test/api/order-bytes.test.ts and
-- the bench. What an event and its delivery stored beyond what they say: ids, index entries
-- and times that nothing reads.
--
-- An event no longer stores its resource's id apart from its snapshot (nothing read it), and
-- once relayed is marked 1 rather than with the time (nothing read that either): events
-- relayed before this migration keep their time, which reads as relayed just the same.
ALTER TABLE `events` DROP COLUMN `resource_id`;--> statement-breakpoint
ALTER TABLE `events` RENAME COLUMN `dispatched_at` TO `dispatched`;--> statement-breakpoint
-- Retention finds events past the window by their time (src/retention/archive.ts): indexed as
-- whole seconds since the epoch, a 4-byte integer, rather than as its 24 characters of text.
DROP INDEX `events_created_idx`;--> statement-breakpoint
CREATE INDEX `events_created_second_idx` ON `events` (unixepoch(`created_at`));--> statement-breakpoint
-- A delivery is stored in the order its subscription's log reads it, keyed by what it is: the
-- subscription, its event (by the event's time, then id) and the generation of the replay.
-- That one key serves the log, the relay's check that a delivery is made once, each replay's
-- next generation and each queue message's attempt, where a rowid table needed the rowid, a
-- text id, a unique index and a per-subscription index. Its tenant is its subscription's. A delivery's id is derived from that
-- key (src/webhooks/webhooks.delivery-key.ts); one made before this migration keeps the id it was
-- given, as `legacy_id`, for its attempts and for any queue message still naming it.
-- Retention finds settled deliveries through their subscriptions, oldest event first, so the
-- index of settled deliveries by time goes too. `origin` is null for the relay's deliveries,
-- nearly all of them, rather than the word 'relay' in each.
CREATE TABLE `webhook_deliveries_new` (
	`subscription_id` text NOT NULL,
	`event_at` text NOT NULL,
	`event_id` text NOT NULL,
	`generation` integer NOT NULL,
	`legacy_id` text,
	`origin` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`lease_until` text,
	`next_attempt_at` text,
	`last_status_code` integer,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sent_after_ms` integer,
	`duration_ms` integer,
	PRIMARY KEY (`subscription_id`, `event_at`, `event_id`, `generation`)
) WITHOUT ROWID;--> statement-breakpoint
-- A delivery's event is kept while the delivery is (src/retention/archive.ts); one whose event
-- is gone all the same takes its own time, which only places it in its log.
INSERT INTO `webhook_deliveries_new` (`subscription_id`, `event_at`, `event_id`, `generation`,
  `legacy_id`, `origin`, `status`, `attempts`, `lease_until`, `next_attempt_at`,
  `last_status_code`, `last_error`, `created_at`, `updated_at`, `sent_after_ms`, `duration_ms`)
SELECT d.`subscription_id`,
  COALESCE((SELECT e.`created_at` FROM `events` AS e WHERE e.`id` = d.`event_id`), d.`created_at`),
  d.`event_id`, d.`generation`, d.`id`, NULLIF(d.`origin`, 'relay'), d.`status`, d.`attempts`,
  d.`lease_until`, d.`next_attempt_at`, d.`last_status_code`, d.`last_error`, d.`created_at`,
  d.`updated_at`, d.`sent_after_ms`, d.`duration_ms`
FROM `webhook_deliveries` AS d;--> statement-breakpoint
DROP TABLE `webhook_deliveries`;--> statement-breakpoint
ALTER TABLE `webhook_deliveries_new` RENAME TO `webhook_deliveries`;--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_legacy_idx` ON `webhook_deliveries` (`legacy_id`) WHERE legacy_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `webhook_deliveries_open_idx` ON `webhook_deliveries` (`status`,`created_at`) WHERE status IN ('pending', 'sending');--> statement-breakpoint
CREATE INDEX `webhook_deliveries_recovering_idx` ON `webhook_deliveries` (`subscription_id`) WHERE origin = 'recover' AND status IN ('pending', 'sending');--> statement-breakpoint
-- An attempt names its tenant, as its delivery's id no longer finds the delivery by a column:
-- a tenant's move copies its attempts by it.
CREATE TABLE `webhook_attempts_new` (
	`delivery_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`tenant_id` text NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	`attempted_at` text NOT NULL,
	`next_retry_at` text,
	PRIMARY KEY (`delivery_id`, `attempt`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `webhook_attempts_new` SELECT a.`delivery_id`, a.`attempt`, s.`tenant_id`,
  a.`status_code`, a.`error`, a.`duration_ms`, a.`attempted_at`, a.`next_retry_at`
FROM `webhook_attempts` AS a JOIN `webhook_deliveries` AS d ON d.`legacy_id` = a.`delivery_id`
JOIN `webhook_subscriptions` AS s ON s.`id` = d.`subscription_id`;--> statement-breakpoint
DROP TABLE `webhook_attempts`;--> statement-breakpoint
ALTER TABLE `webhook_attempts_new` RENAME TO `webhook_attempts`;--> statement-breakpoint
CREATE INDEX `webhook_attempts_tenant_idx` ON `webhook_attempts` (`tenant_id`);
