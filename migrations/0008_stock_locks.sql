-- A demand being picked is locked: a loss counted on the shelf cannot take it back.
ALTER TABLE `stock_demands` ADD `locked` integer DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE `stock_demands` SET `locked` = true
WHERE `status` = 'allocated' AND `order_id` IN (
  SELECT `id` FROM `orders` WHERE `status` IN ('processing', 'partially_shipped', 'shipped'));
