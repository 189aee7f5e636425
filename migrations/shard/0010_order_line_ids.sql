-- Order lines get an identity (issue 21): the server's `id`, stable for the line's life, and
-- the client's optional `line_id`. The same SKU may now sit on several lines, so a line is
-- keyed by its number, and what refers to a line (stock demands, shipment items, return
-- lines) names the line, not the SKU. Every existing order has one line per SKU, so each
-- reference finds its line by SKU here, once.
CREATE TABLE `order_lines_new` (
	`order_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`id` text NOT NULL,
	`line_id` text,
	`sku` text NOT NULL,
	`description` text,
	`quantity` integer NOT NULL,
	`unit_price` text,
	`currency` text,
	`allocation` text DEFAULT 'backordered' NOT NULL,
	`allocation_seq` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY (`order_id`, `line_no`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `order_lines_new` SELECT `order_id`, `line_no`,
  'li_' || lower(hex(randomblob(8))),
  NULL, `sku`, `description`, `quantity`, `unit_price`, `currency`, `allocation`, `allocation_seq`
  FROM `order_lines`;--> statement-breakpoint
DROP TABLE `order_lines`;--> statement-breakpoint
ALTER TABLE `order_lines_new` RENAME TO `order_lines`;--> statement-breakpoint
-- SQLite checks every trigger when a table is renamed, and this one reads shipment_items: it
-- is dropped while the table is rebuilt and declared again as 0008 has it. It guards the SKU's
-- total, which still holds with several lines of one SKU.
DROP TRIGGER `return_lines_within_shipped`;--> statement-breakpoint
-- An item names its line by the line's ids, kept beside the SKU so a shipment renders (and
-- archives) on its own.
CREATE TABLE `shipment_items_new` (
	`shipment_id` text NOT NULL,
	`order_line_id` text NOT NULL,
	`line_id` text,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY (`shipment_id`, `order_line_id`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `shipment_items_new`
  SELECT i.`shipment_id`, COALESCE((SELECT l.`id` FROM `order_lines` AS l
      WHERE l.`order_id` = s.`order_id` AND l.`sku` = i.`sku`), 'li_' || lower(hex(randomblob(8)))), NULL,
    i.`sku`, i.`quantity`
  FROM `shipment_items` AS i JOIN `shipments` AS s ON s.`id` = i.`shipment_id`;--> statement-breakpoint
DROP TABLE `shipment_items`;--> statement-breakpoint
ALTER TABLE `shipment_items_new` RENAME TO `shipment_items`;--> statement-breakpoint
CREATE TRIGGER `return_lines_within_shipped` BEFORE INSERT ON `return_lines`
WHEN NEW.`stage` = 'received' AND NEW.`quantity` + (
    SELECT COALESCE(SUM(l.`quantity`), 0) FROM `return_lines` AS l
    WHERE l.`stage` = 'received' AND l.`sku` = NEW.`sku` AND l.`return_id` IN (
      SELECT r.`id` FROM `returns` AS r
      WHERE r.`order_id` = (SELECT `order_id` FROM `returns` WHERE `id` = NEW.`return_id`))
  ) > (
    SELECT COALESCE(SUM(i.`quantity`), 0) FROM `shipment_items` AS i
    WHERE i.`sku` = NEW.`sku` AND i.`shipment_id` IN (
      SELECT s.`id` FROM `shipments` AS s
      WHERE s.`voided` = 0
        AND s.`order_id` = (SELECT `order_id` FROM `returns` WHERE `id` = NEW.`return_id`))
  )
BEGIN
  SELECT RAISE(ABORT, 'return_over_shipped');
END;--> statement-breakpoint
-- A stock row holds one demand per order line: two lines of one SKU wait or allocate apart.
ALTER TABLE `stock_demands` ADD `line_no` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `stock_demands` SET `line_no` = COALESCE((SELECT l.`line_no` FROM `order_lines` AS l
  WHERE l.`order_id` = `stock_demands`.`order_id` AND l.`sku` = `stock_demands`.`sku`), 0);--> statement-breakpoint
DROP INDEX `stock_demands_pk`;--> statement-breakpoint
CREATE UNIQUE INDEX `stock_demands_pk` ON `stock_demands` (`tenant_id`,`warehouse_id`,`sku`,`order_id`,`line_no`);--> statement-breakpoint
-- Nothing reads demands by order alone (a stock object reads its own row's, by the key above),
-- and the index cost every order about 80 bytes for as long as it is kept: the bytes the line
-- ids add are taken back here.
DROP INDEX `stock_demands_order_idx`;--> statement-breakpoint
-- Which order line a returned unit belongs to, by the line's ids.
ALTER TABLE `return_lines` ADD `order_line_id` text;--> statement-breakpoint
ALTER TABLE `return_lines` ADD `line_id` text;--> statement-breakpoint
UPDATE `return_lines` SET `order_line_id` = (SELECT l.`id` FROM `order_lines` AS l
  JOIN `returns` AS r ON r.`order_id` = l.`order_id`
  WHERE r.`id` = `return_lines`.`return_id` AND l.`sku` = `return_lines`.`sku`);
