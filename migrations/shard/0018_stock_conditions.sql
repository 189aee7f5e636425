-- Stock by condition (issue 23): besides its sellable units (on_hand), a SKU's row in one
-- warehouse counts units in quarantine, damaged and expired. They are never allocatable, so
-- they live beside on_hand rather than in it; existing rows hold none.
ALTER TABLE `inventory` ADD `quarantine` integer NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE `inventory` ADD `damaged` integer NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE `inventory` ADD `expired` integer NOT NULL DEFAULT 0;--> statement-breakpoint
-- Each floor move between conditions, as the audit record GET /v1/inventory/condition-moves
-- polls; the primary key makes each move apply once, whatever retried it.
CREATE TABLE `inventory_condition_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`sku` text NOT NULL,
	`from_condition` text NOT NULL,
	`to_condition` text NOT NULL,
	`quantity` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`actor` text NOT NULL,
	`moved_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`change_seq` integer NOT NULL
);--> statement-breakpoint
CREATE INDEX `inventory_condition_moves_feed_idx` ON `inventory_condition_moves` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_condition_moves_tenant_seq_unique` ON `inventory_condition_moves` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE TRIGGER `inventory_condition_moves_feed_head_insert` AFTER INSERT ON `inventory_condition_moves`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'inventory_condition_moves', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `inventory_condition_moves_feed_head_update` AFTER UPDATE OF `change_seq` ON `inventory_condition_moves`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'inventory_condition_moves', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;
