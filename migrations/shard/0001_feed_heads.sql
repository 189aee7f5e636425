-- Each tenant's newest position in each change feed (src/db/feed.ts). A write stamps its row
-- from here, one primary-key read, where it used to ask the table for its tenant's MAX
-- (change_seq): an index search constrained by tenant_id alone, which the query-plan test
-- (test/api/query-plans.test.ts) refuses because it cannot tell it from a scan. Triggers
-- advance the head with every row that takes a sequence, so no write path can forget to.
-- A head never goes back: rows deleted by retention or a move leave it where it was.
CREATE TABLE `feed_heads` (
	`tenant_id` text NOT NULL,
	`feed` text NOT NULL,
	`change_seq` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY (`tenant_id`, `feed`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
SELECT `tenant_id`, 'products', MAX(`change_seq`), MAX(`updated_at`) FROM `products` GROUP BY `tenant_id`;--> statement-breakpoint
CREATE TRIGGER `products_feed_head_insert` AFTER INSERT ON `products`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'products', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `products_feed_head_update` AFTER UPDATE OF `change_seq` ON `products`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'products', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
SELECT `tenant_id`, 'orders', MAX(`change_seq`), MAX(`updated_at`) FROM `orders` GROUP BY `tenant_id`;--> statement-breakpoint
CREATE TRIGGER `orders_feed_head_insert` AFTER INSERT ON `orders`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'orders', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `orders_feed_head_update` AFTER UPDATE OF `change_seq` ON `orders`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'orders', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
SELECT `tenant_id`, 'shipments', MAX(`change_seq`), MAX(`updated_at`) FROM `shipments` GROUP BY `tenant_id`;--> statement-breakpoint
CREATE TRIGGER `shipments_feed_head_insert` AFTER INSERT ON `shipments`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'shipments', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `shipments_feed_head_update` AFTER UPDATE OF `change_seq` ON `shipments`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'shipments', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
SELECT `tenant_id`, 'inventory_skus', MAX(`change_seq`), MAX(`updated_at`) FROM `inventory_skus` GROUP BY `tenant_id`;--> statement-breakpoint
CREATE TRIGGER `inventory_skus_feed_head_insert` AFTER INSERT ON `inventory_skus`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'inventory_skus', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `inventory_skus_feed_head_update` AFTER UPDATE OF `change_seq` ON `inventory_skus`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'inventory_skus', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
SELECT `tenant_id`, 'inventory_adjustments', MAX(`change_seq`), MAX(`updated_at`) FROM `inventory_adjustments` GROUP BY `tenant_id`;--> statement-breakpoint
CREATE TRIGGER `inventory_adjustments_feed_head_insert` AFTER INSERT ON `inventory_adjustments`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'inventory_adjustments', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `inventory_adjustments_feed_head_update` AFTER UPDATE OF `change_seq` ON `inventory_adjustments`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'inventory_adjustments', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
SELECT `tenant_id`, 'inbound_shipments', MAX(`change_seq`), MAX(`updated_at`) FROM `inbound_shipments` GROUP BY `tenant_id`;--> statement-breakpoint
CREATE TRIGGER `inbound_shipments_feed_head_insert` AFTER INSERT ON `inbound_shipments`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'inbound_shipments', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `inbound_shipments_feed_head_update` AFTER UPDATE OF `change_seq` ON `inbound_shipments`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'inbound_shipments', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
SELECT `tenant_id`, 'returns', MAX(`change_seq`), MAX(`updated_at`) FROM `returns` GROUP BY `tenant_id`;--> statement-breakpoint
CREATE TRIGGER `returns_feed_head_insert` AFTER INSERT ON `returns`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'returns', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `returns_feed_head_update` AFTER UPDATE OF `change_seq` ON `returns`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'returns', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;
