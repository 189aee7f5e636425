-- Retention (src/retention): the cron archives events, settled webhook deliveries and
-- expired idempotency claims oldest first, so each needs an index in that order; without
-- them every run would scan the whole table to find the few rows past the window.
CREATE INDEX `events_created_idx` ON `events` (`created_at`);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_settled_idx` ON `webhook_deliveries` (`updated_at`) WHERE status IN ('succeeded', 'failed');
