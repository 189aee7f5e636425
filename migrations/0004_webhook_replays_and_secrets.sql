ALTER TABLE `webhook_deliveries` ADD `origin` text DEFAULT 'relay' NOT NULL;--> statement-breakpoint
CREATE INDEX `webhook_deliveries_recovering_idx` ON `webhook_deliveries` (`subscription_id`) WHERE origin = 'recover' AND status IN ('pending', 'sending');--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_previous_secret_idx` ON `webhook_subscriptions` (`previous_secret_expires_at`) WHERE previous_secret IS NOT NULL;
