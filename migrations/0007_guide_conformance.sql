-- A product may name the available level below which its stock is low (guide: inventory
-- events "when stock crosses a threshold").
ALTER TABLE `products` ADD `low_stock_threshold` integer;
--> statement-breakpoint
-- Free-text shipping method names resolve against aliases the operator manages.
ALTER TABLE `shipping_methods` ADD `aliases` text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
-- Reference data becomes a feed like every other list: updated_since and a cursor.
ALTER TABLE `shipping_methods` ADD `updated_at` text DEFAULT '' NOT NULL;
--> statement-breakpoint
UPDATE `shipping_methods` SET `updated_at` = `created_at`;
--> statement-breakpoint
CREATE INDEX `shipping_methods_feed_idx` ON `shipping_methods` (`updated_at`,`id`);
--> statement-breakpoint
ALTER TABLE `warehouses` ADD `updated_at` text DEFAULT '' NOT NULL;
--> statement-breakpoint
UPDATE `warehouses` SET `updated_at` = `created_at`;
--> statement-breakpoint
CREATE INDEX `warehouses_feed_idx` ON `warehouses` (`updated_at`,`id`);
--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_feed_idx` ON `webhook_subscriptions` (`tenant_id`,`updated_at`,`id`);
