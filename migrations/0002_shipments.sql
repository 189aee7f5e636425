CREATE TABLE `shipment_idempotency_keys` (
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`shipment_id` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_idempotency_keys_pk` ON `shipment_idempotency_keys` (`tenant_id`,`key`);--> statement-breakpoint
CREATE TABLE `shipment_items` (
	`shipment_id` text NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_items_pk` ON `shipment_items` (`shipment_id`,`sku`);--> statement-breakpoint
CREATE TABLE `shipment_parcels` (
	`shipment_id` text NOT NULL,
	`position` integer NOT NULL,
	`tracking_number` text NOT NULL,
	`tracking_url` text,
	`carrier` text NOT NULL,
	`service` text NOT NULL,
	`weight` text,
	`dimensions` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_parcels_pk` ON `shipment_parcels` (`shipment_id`,`position`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`order_id` text NOT NULL,
	`order_number` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`status` text NOT NULL,
	`status_history` text NOT NULL,
	`shipped_at` text NOT NULL,
	`cost_amount` text,
	`cost_currency` text,
	`voided` integer NOT NULL,
	`voided_at` text,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`change_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_change_seq_unique` ON `shipments` (`change_seq`);--> statement-breakpoint
CREATE INDEX `shipments_tenant_feed_idx` ON `shipments` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE INDEX `shipments_order_idx` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`sku` text NOT NULL,
	`ref` text NOT NULL,
	`order_id` text NOT NULL,
	`quantity_delta` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_movements_ref_unique` ON `stock_movements` (`tenant_id`,`warehouse_id`,`sku`,`ref`);