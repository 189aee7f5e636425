-- Orders own their lines' allocation: the stock object answers, the order records it.
ALTER TABLE `order_lines` ADD `allocation` text DEFAULT 'backordered' NOT NULL;
--> statement-breakpoint
ALTER TABLE `order_lines` ADD `allocation_seq` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
UPDATE `order_lines` SET `allocation` = COALESCE(
  (SELECT CASE WHEN o.`status` = 'cancelled' THEN 'released' ELSE d.`status` END
   FROM `stock_demands` d JOIN `orders` o ON o.`id` = d.`order_id`
   WHERE d.`order_id` = `order_lines`.`order_id` AND d.`sku` = `order_lines`.`sku`),
  (SELECT CASE WHEN o.`status` = 'cancelled' THEN 'released' ELSE 'backordered' END
   FROM `orders` o WHERE o.`id` = `order_lines`.`order_id`),
  'backordered');
--> statement-breakpoint
-- Each demand remembers the stock version that last changed it, so an order can tell a
-- late notification from a fresh one. Pending notifications now live in the stock
-- object's own storage.
ALTER TABLE `stock_demands` ADD `seq` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `stock_demands` DROP COLUMN `notify_pending`;
--> statement-breakpoint
-- One claim mechanism for every write a client may retry.
CREATE TABLE `idempotency_claims` (
	`owner` text NOT NULL,
	`key` text NOT NULL,
	`operation` text NOT NULL,
	`anchor` text NOT NULL,
	`resource_id` text NOT NULL,
	`claim_token` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_claims_pk` ON `idempotency_claims` (`owner`,`key`);
--> statement-breakpoint
CREATE INDEX `idempotency_claims_expiry_idx` ON `idempotency_claims` (`expires_at`);
--> statement-breakpoint
INSERT OR IGNORE INTO `idempotency_claims` (`owner`, `key`, `operation`, `anchor`, `resource_id`, `claim_token`, `expires_at`)
SELECT k.`tenant_id`, k.`key`, 'order.create',
  COALESCE((SELECT r.`reference` FROM `order_references` r WHERE r.`tenant_id` = k.`tenant_id` AND r.`order_id` = k.`order_id`), k.`request_hash`),
  k.`order_id`, 'migrated', k.`expires_at`
FROM `idempotency_keys` k;
--> statement-breakpoint
INSERT OR IGNORE INTO `idempotency_claims` (`owner`, `key`, `operation`, `anchor`, `resource_id`, `claim_token`, `expires_at`)
SELECT `tenant_id`, `key`, 'shipment.create', `request_hash`, `shipment_id`, 'migrated', `expires_at`
FROM `shipment_idempotency_keys`;
--> statement-breakpoint
DROP TABLE `idempotency_keys`;
--> statement-breakpoint
DROP TABLE `shipment_idempotency_keys`;
--> statement-breakpoint
-- Feed sequences count per tenant, so no cursor or version reveals another tenant's writes.
DROP INDEX `products_change_seq_unique`;
--> statement-breakpoint
CREATE UNIQUE INDEX `products_tenant_seq_unique` ON `products` (`tenant_id`,`change_seq`);
--> statement-breakpoint
DROP INDEX `orders_change_seq_unique`;
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_tenant_seq_unique` ON `orders` (`tenant_id`,`change_seq`);
--> statement-breakpoint
DROP INDEX `shipments_change_seq_unique`;
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_tenant_seq_unique` ON `shipments` (`tenant_id`,`change_seq`);
--> statement-breakpoint
DROP INDEX `inventory_skus_change_seq_unique`;
--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_skus_tenant_seq_unique` ON `inventory_skus` (`tenant_id`,`change_seq`);
--> statement-breakpoint
DROP INDEX `inventory_adjustments_change_seq_unique`;
--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_adjustments_tenant_seq_unique` ON `inventory_adjustments` (`tenant_id`,`change_seq`);
--> statement-breakpoint
-- Operations that kept failing, parked so their order takes new commands again.
CREATE TABLE `stuck_operations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`order_id` text NOT NULL,
	`operation` text NOT NULL,
	`command` text NOT NULL,
	`attempts` integer NOT NULL,
	`last_error` text NOT NULL,
	`status` text NOT NULL,
	`resolution` text,
	`parked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `stuck_operations_status_idx` ON `stuck_operations` (`status`,`parked_at`);
