-- Fewer bytes per order (issue 19). Measured by test/api/order-bytes.test.ts and the bench
-- (bench/order-bytes.mjs): every index entry repeats its key columns and the row's rowid.
--
-- Child rows always read through their parent's key get that key as their primary key,
-- WITHOUT ROWID: the row is stored in the key's b-tree, so there is no rowid and no second
-- b-tree holding the key again. Lines are read whole per order and sorted by line_no in
-- memory (a handful per order, at most 500), so (order_id, line_no) needs no index of its own.
-- The tables are rebuilt (SQLite cannot change a primary key); no trigger is declared on
-- them, but `return_lines_within_shipped` reads shipment_items, and SQLite checks every
-- trigger when a table is renamed: it is dropped while shipment_items is rebuilt, then
-- declared again as migrations/shard/0000_shard.sql has it.
CREATE TABLE `order_lines_new` (
	`order_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`description` text,
	`quantity` integer NOT NULL,
	`unit_price` text,
	`currency` text,
	`allocation` text DEFAULT 'backordered' NOT NULL,
	`allocation_seq` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY (`order_id`, `sku`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `order_lines_new` SELECT `order_id`, `line_no`, `sku`, `description`, `quantity`,
  `unit_price`, `currency`, `allocation`, `allocation_seq` FROM `order_lines`;--> statement-breakpoint
DROP TABLE `order_lines`;--> statement-breakpoint
ALTER TABLE `order_lines_new` RENAME TO `order_lines`;--> statement-breakpoint
-- An entry's prev_hash is the hash of the entry before it, which its (order_id, seq - 1) key
-- finds: it is read from there (src/orders/orders.handlers.ts), not stored twice. The hash
-- still covers it, so the chain verifies as before.
CREATE TABLE `order_history_new` (
	`order_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY (`order_id`, `seq`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `order_history_new` SELECT `order_id`, `seq`, `at`, `actor`, `action`, `changes`,
  `hash` FROM `order_history`;--> statement-breakpoint
DROP TABLE `order_history`;--> statement-breakpoint
ALTER TABLE `order_history_new` RENAME TO `order_history`;--> statement-breakpoint
-- Dropping the old table dropped 0007's guard with it: a change decided before its order was
-- archived must still fail whole when it commits after.
CREATE TRIGGER `order_history_not_archived` BEFORE INSERT ON `order_history`
WHEN EXISTS (SELECT 1 FROM `archived_orders` WHERE `order_id` = NEW.`order_id`)
BEGIN
  SELECT RAISE(ABORT, 'order_archived');
END;--> statement-breakpoint
DROP TRIGGER `return_lines_within_shipped`;--> statement-breakpoint
CREATE TABLE `shipment_items_new` (
	`shipment_id` text NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY (`shipment_id`, `sku`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `shipment_items_new` SELECT `shipment_id`, `sku`, `quantity` FROM `shipment_items`;--> statement-breakpoint
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
CREATE TABLE `shipment_parcels_new` (
	`shipment_id` text NOT NULL,
	`position` integer NOT NULL,
	`tracking_number` text NOT NULL,
	`tracking_url` text,
	`carrier` text NOT NULL,
	`service` text NOT NULL,
	`weight` text,
	`dimensions` text,
	PRIMARY KEY (`shipment_id`, `position`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `shipment_parcels_new` SELECT `shipment_id`, `position`, `tracking_number`,
  `tracking_url`, `carrier`, `service`, `weight`, `dimensions` FROM `shipment_parcels`;--> statement-breakpoint
DROP TABLE `shipment_parcels`;--> statement-breakpoint
ALTER TABLE `shipment_parcels_new` RENAME TO `shipment_parcels`;--> statement-breakpoint
CREATE TABLE `webhook_attempts_new` (
	`delivery_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	`attempted_at` text NOT NULL,
	`next_retry_at` text,
	PRIMARY KEY (`delivery_id`, `attempt`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `webhook_attempts_new` SELECT `delivery_id`, `attempt`, `status_code`, `error`,
  `duration_ms`, `attempted_at`, `next_retry_at` FROM `webhook_attempts`;--> statement-breakpoint
DROP TABLE `webhook_attempts`;--> statement-breakpoint
ALTER TABLE `webhook_attempts_new` RENAME TO `webhook_attempts`;--> statement-breakpoint
-- (event_id, subscription_id, generation) is unique and leads with event_id: it serves every
-- lookup by event, so an index on event_id alone only repeated it.
DROP INDEX `webhook_deliveries_event_idx`;
--> statement-breakpoint
-- A finished request's answer is kept in KV for its replays (src/http/idempotent.ts); the
-- claim keeps its status. A claim finished before this migration replays by running again,
-- which every write does on the resource id its claim holds.
ALTER TABLE `idempotency_claims` DROP COLUMN `response_body`;
