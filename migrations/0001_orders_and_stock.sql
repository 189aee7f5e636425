CREATE TABLE `events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`type` text NOT NULL,
	`resource_id` text NOT NULL,
	`data` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`dispatched_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_id_unique` ON `events` (`id`);--> statement-breakpoint
CREATE INDEX `events_tenant_idx` ON `events` (`tenant_id`,`seq`);--> statement-breakpoint
CREATE INDEX `events_tenant_type_idx` ON `events` (`tenant_id`,`type`,`seq`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`order_id` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_keys_pk` ON `idempotency_keys` (`tenant_id`,`key`);--> statement-breakpoint
CREATE TABLE `inventory` (
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`sku` text NOT NULL,
	`on_hand` integer NOT NULL,
	`allocated` integer NOT NULL,
	`backordered` integer NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_pk` ON `inventory` (`tenant_id`,`warehouse_id`,`sku`);--> statement-breakpoint
CREATE TABLE `inventory_adjustments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`sku` text NOT NULL,
	`quantity_delta` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`actor` text NOT NULL,
	`adjusted_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`change_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_adjustments_change_seq_unique` ON `inventory_adjustments` (`change_seq`);--> statement-breakpoint
CREATE INDEX `inventory_adjustments_feed_idx` ON `inventory_adjustments` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE TABLE `inventory_skus` (
	`tenant_id` text NOT NULL,
	`sku` text NOT NULL,
	`updated_at` text NOT NULL,
	`change_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_skus_pk` ON `inventory_skus` (`tenant_id`,`sku`);--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_skus_change_seq_unique` ON `inventory_skus` (`change_seq`);--> statement-breakpoint
CREATE INDEX `inventory_skus_feed_idx` ON `inventory_skus` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE TABLE `order_history` (
	`order_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_history_pk` ON `order_history` (`order_id`,`seq`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`order_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`description` text,
	`quantity` integer NOT NULL,
	`unit_price` text,
	`currency` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_lines_pk` ON `order_lines` (`order_id`,`sku`);--> statement-breakpoint
CREATE INDEX `order_lines_no_idx` ON `order_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `order_references` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`reference` text NOT NULL,
	`order_id` text NOT NULL,
	`request_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_references_unique` ON `order_references` (`tenant_id`,`reference`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`order_number` text NOT NULL,
	`reference` text NOT NULL,
	`order_date` text,
	`warehouse_id` text NOT NULL,
	`shipping_method_id` text,
	`shipping_method` text,
	`signature_required` integer NOT NULL,
	`insurance` integer NOT NULL,
	`gift_message` text,
	`packing_note` text,
	`ship_to` text NOT NULL,
	`status` text NOT NULL,
	`hold_reason` text,
	`cancel_reason` text,
	`priority` integer NOT NULL,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`cancelled_at` text,
	`change_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_tenant_reference_unique` ON `orders` (`tenant_id`,`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_change_seq_unique` ON `orders` (`change_seq`);--> statement-breakpoint
CREATE INDEX `orders_tenant_feed_idx` ON `orders` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE INDEX `orders_tenant_number_idx` ON `orders` (`tenant_id`,`order_number`);--> statement-breakpoint
CREATE TABLE `stock_demands` (
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`sku` text NOT NULL,
	`order_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`status` text NOT NULL,
	`priority` integer NOT NULL,
	`notify_pending` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_demands_pk` ON `stock_demands` (`tenant_id`,`warehouse_id`,`sku`,`order_id`);--> statement-breakpoint
CREATE INDEX `stock_demands_order_idx` ON `stock_demands` (`order_id`);