-- The relay reads one tenant's undispatched events; the sweep finds deliveries whose first
-- attempt never happened or whose attempt died holding its lease.
CREATE INDEX `events_tenant_undispatched_idx` ON `events` (`tenant_id`,`seq`) WHERE dispatched_at IS NULL;
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_open_idx` ON `webhook_deliveries` (`status`,`created_at`) WHERE status IN ('pending', 'sending');
