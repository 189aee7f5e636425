-- Serial-tracked products (issue 23). A product says whether each unit carries a serial; a
-- shipment item and a received return line list theirs as a JSON array (NULL for products
-- that are not serial tracked, which costs a row one header byte).
ALTER TABLE `products` ADD `serial_tracked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `shipment_items` ADD `serials` text;--> statement-breakpoint
ALTER TABLE `return_lines` ADD `serials` text;--> statement-breakpoint
-- A serial out of the warehouse: claimed by a shipment before any stock moves, kept while it
-- stands, freed by its void or by the return that brings the unit back. The primary key is
-- what makes two shipments naming one serial never both pass.
CREATE TABLE `serial_claims` (
	`tenant_id` text NOT NULL,
	`sku` text NOT NULL,
	`serial` text NOT NULL,
	`shipment_id` text NOT NULL,
	`order_id` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `sku`, `serial`)
) WITHOUT ROWID;--> statement-breakpoint
CREATE INDEX `serial_claims_shipment_idx` ON `serial_claims` (`shipment_id`);--> statement-breakpoint
-- Every movement of a serial, oldest first: what GET /v1/serials/{sku}/{serial} tells.
CREATE TABLE `serial_movements` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`sku` text NOT NULL,
	`serial` text NOT NULL,
	`kind` text NOT NULL,
	`shipment_id` text,
	`order_id` text NOT NULL,
	`return_id` text,
	`occurred_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);--> statement-breakpoint
CREATE INDEX `serial_movements_unit_idx` ON `serial_movements` (`tenant_id`,`sku`,`serial`,`seq`);--> statement-breakpoint
-- A return brings a serial back by inserting here: the serial must still be out on the
-- return's order, so two receipts racing for one serial never both pass. A view, not a table,
-- so copying a tenant's movements to another shard (scripts/tenant-copy.mjs) never re-checks
-- claims that the returns themselves freed.
CREATE VIEW `serial_returns` AS
  SELECT `tenant_id`, `sku`, `serial`, `order_id`, `return_id` FROM `serial_movements`
  WHERE `kind` = 'returned';--> statement-breakpoint
CREATE TRIGGER `serial_returns_insert` INSTEAD OF INSERT ON `serial_returns`
BEGIN
  SELECT RAISE(ABORT, 'serial_not_out') WHERE NOT EXISTS (
    SELECT 1 FROM `serial_claims` AS c
    WHERE c.`tenant_id` = NEW.`tenant_id` AND c.`sku` = NEW.`sku` AND c.`serial` = NEW.`serial`
      AND c.`order_id` = NEW.`order_id`);
  INSERT INTO `serial_movements` (`tenant_id`, `sku`, `serial`, `kind`, `shipment_id`, `order_id`, `return_id`)
    SELECT c.`tenant_id`, c.`sku`, c.`serial`, 'returned', c.`shipment_id`, c.`order_id`, NEW.`return_id`
    FROM `serial_claims` AS c
    WHERE c.`tenant_id` = NEW.`tenant_id` AND c.`sku` = NEW.`sku` AND c.`serial` = NEW.`serial`;
  DELETE FROM `serial_claims`
    WHERE `tenant_id` = NEW.`tenant_id` AND `sku` = NEW.`sku` AND `serial` = NEW.`serial`;
END;
