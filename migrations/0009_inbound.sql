-- Inbound shipments (ASNs, guide §5a): what the ERP says is coming, and what arrived.
CREATE TABLE `inbound_shipments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`reference` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`supplier` text,
	`expected_at` text,
	`status` text NOT NULL,
	`request_hash` text NOT NULL,
	`received_at` text,
	`closed_at` text,
	`write_token` text,
	`cancelled_at` text,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`change_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_shipments_reference_unique` ON `inbound_shipments` (`tenant_id`,`reference`);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_shipments_tenant_seq_unique` ON `inbound_shipments` (`tenant_id`,`change_seq`);
--> statement-breakpoint
CREATE INDEX `inbound_shipments_feed_idx` ON `inbound_shipments` (`tenant_id`,`updated_at`,`change_seq`);
--> statement-breakpoint
CREATE TABLE `inbound_lines` (
	`inbound_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`expected_quantity` integer NOT NULL,
	`received_quantity` integer DEFAULT 0 NOT NULL,
	`damaged_quantity` integer DEFAULT 0 NOT NULL,
	`receipts` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_lines_pk` ON `inbound_lines` (`inbound_id`,`sku`);
--> statement-breakpoint
CREATE INDEX `inbound_lines_sku_idx` ON `inbound_lines` (`sku`,`inbound_id`);
--> statement-breakpoint
CREATE TABLE `inbound_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`inbound_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`claim_token` text NOT NULL,
	`prior_status` text NOT NULL,
	`items` text NOT NULL,
	`received_at` text NOT NULL,
	`stock_applied_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inbound_receipts_inbound_idx` ON `inbound_receipts` (`inbound_id`);
--> statement-breakpoint
CREATE INDEX `inbound_receipts_unapplied_idx` ON `inbound_receipts` (`created_at`) WHERE stock_applied_at IS NULL;
