-- A shard database (bindings SHARD_0, SHARD_1, … listed in SHARDS): every row of the tenants
-- the control database (migrations/control) places here, and nothing of any other tenant.
-- Every tenant table is scoped by tenant_id, directly or through its parent row.
--
-- tenants holds this shard's own tenants, so products can reference them. warehouses and
-- shipping_methods are replicas of the control database's: a tenant's write checks them inside
-- its one D1 batch, which cannot reach another database. The admin API writes every copy in
-- the same request and the cron mends any it missed (src/db/replicas.ts). Tables both sets
-- create are declared identically.
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`shard` text NOT NULL,
	`frozen_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);--> statement-breakpoint
CREATE INDEX `tenants_shard_idx` ON `tenants` (`shard`);--> statement-breakpoint
CREATE TABLE `warehouses` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`address` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);--> statement-breakpoint
CREATE INDEX `warehouses_feed_idx` ON `warehouses` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `shipping_methods` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`carrier` text NOT NULL,
	`carrier_name` text,
	`service_code` text NOT NULL,
	-- Other names an order's free-text shipping_method may use for this method.
	`aliases` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);--> statement-breakpoint
CREATE INDEX `shipping_methods_name_idx` ON `shipping_methods` (`name`);--> statement-breakpoint
CREATE INDEX `shipping_methods_feed_idx` ON `shipping_methods` (`updated_at`,`id`);--> statement-breakpoint
-- One claim mechanism for every write a client may retry (src/db/idempotency.ts).
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
);--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_claims_pk` ON `idempotency_claims` (`owner`,`key`);--> statement-breakpoint
-- The retention cron archives expired claims oldest first (src/retention).
CREATE INDEX `idempotency_claims_expiry_idx` ON `idempotency_claims` (`expires_at`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`barcode` text,
	`weight_value` real,
	`weight_unit` text,
	`length` real,
	`width` real,
	`height` real,
	`dimension_unit` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`change_seq` integer NOT NULL,
	`low_stock_threshold` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
CREATE UNIQUE INDEX `products_tenant_sku_unique` ON `products` (`tenant_id`,`sku`);--> statement-breakpoint
CREATE INDEX `products_tenant_feed_idx` ON `products` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `products_tenant_seq_unique` ON `products` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE TABLE `events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`type` text NOT NULL,
	`resource_id` text NOT NULL,
	`data` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`dispatched_at` text
);--> statement-breakpoint
CREATE UNIQUE INDEX `events_id_unique` ON `events` (`id`);--> statement-breakpoint
CREATE INDEX `events_tenant_idx` ON `events` (`tenant_id`,`seq`);--> statement-breakpoint
CREATE INDEX `events_tenant_type_idx` ON `events` (`tenant_id`,`type`,`seq`);--> statement-breakpoint
CREATE INDEX `events_undispatched_idx` ON `events` (`seq`) WHERE dispatched_at IS NULL;--> statement-breakpoint
CREATE INDEX `events_tenant_undispatched_idx` ON `events` (`tenant_id`,`seq`) WHERE dispatched_at IS NULL;--> statement-breakpoint
CREATE INDEX `events_created_idx` ON `events` (`created_at`);--> statement-breakpoint
CREATE TABLE `inventory` (
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`sku` text NOT NULL,
	`on_hand` integer NOT NULL,
	`allocated` integer NOT NULL,
	`backordered` integer NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL
);--> statement-breakpoint
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
);--> statement-breakpoint
CREATE INDEX `inventory_adjustments_feed_idx` ON `inventory_adjustments` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_adjustments_tenant_seq_unique` ON `inventory_adjustments` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE TABLE `inventory_skus` (
	`tenant_id` text NOT NULL,
	`sku` text NOT NULL,
	`updated_at` text NOT NULL,
	`change_seq` integer NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_skus_pk` ON `inventory_skus` (`tenant_id`,`sku`);--> statement-breakpoint
CREATE INDEX `inventory_skus_feed_idx` ON `inventory_skus` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `inventory_skus_tenant_seq_unique` ON `inventory_skus` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE TABLE `order_history` (
	`order_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `order_history_pk` ON `order_history` (`order_id`,`seq`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`order_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`description` text,
	`quantity` integer NOT NULL,
	`unit_price` text,
	`currency` text,
	`allocation` text DEFAULT 'backordered' NOT NULL,
	`allocation_seq` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `order_lines_pk` ON `order_lines` (`order_id`,`sku`);--> statement-breakpoint
CREATE INDEX `order_lines_no_idx` ON `order_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `order_references` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`reference` text NOT NULL,
	`order_id` text NOT NULL,
	`request_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);--> statement-breakpoint
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
);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_tenant_reference_unique` ON `orders` (`tenant_id`,`reference`);--> statement-breakpoint
CREATE INDEX `orders_tenant_feed_idx` ON `orders` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE INDEX `orders_tenant_number_idx` ON `orders` (`tenant_id`,`order_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_tenant_seq_unique` ON `orders` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE TABLE `stock_demands` (
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`sku` text NOT NULL,
	`order_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`status` text NOT NULL,
	`priority` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`locked` integer DEFAULT false NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `stock_demands_pk` ON `stock_demands` (`tenant_id`,`warehouse_id`,`sku`,`order_id`);--> statement-breakpoint
CREATE INDEX `stock_demands_order_idx` ON `stock_demands` (`order_id`);--> statement-breakpoint
CREATE TABLE `shipment_items` (
	`shipment_id` text NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL
);--> statement-breakpoint
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
);--> statement-breakpoint
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
);--> statement-breakpoint
CREATE INDEX `shipments_tenant_feed_idx` ON `shipments` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE INDEX `shipments_order_idx` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_tenant_seq_unique` ON `shipments` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`sku` text NOT NULL,
	`ref` text NOT NULL,
	`order_id` text NOT NULL,
	`quantity_delta` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `stock_movements_ref_unique` ON `stock_movements` (`tenant_id`,`warehouse_id`,`sku`,`ref`);--> statement-breakpoint
CREATE TABLE `webhook_attempts` (
	`delivery_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	`attempted_at` text NOT NULL,
	`next_retry_at` text
);--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_attempts_pk` ON `webhook_attempts` (`delivery_id`,`attempt`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`event_id` text NOT NULL,
	`generation` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`lease_until` text,
	`next_attempt_at` text,
	`last_status_code` integer,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`origin` text DEFAULT 'relay' NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_id_unique` ON `webhook_deliveries` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_unique` ON `webhook_deliveries` (`event_id`,`subscription_id`,`generation`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_subscription_idx` ON `webhook_deliveries` (`subscription_id`,`seq`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_event_idx` ON `webhook_deliveries` (`event_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_recovering_idx` ON `webhook_deliveries` (`subscription_id`) WHERE origin = 'recover' AND status IN ('pending', 'sending');--> statement-breakpoint
CREATE INDEX `webhook_deliveries_open_idx` ON `webhook_deliveries` (`status`,`created_at`) WHERE status IN ('pending', 'sending');--> statement-breakpoint
CREATE INDEX `webhook_deliveries_settled_idx` ON `webhook_deliveries` (`updated_at`) WHERE status IN ('succeeded', 'failed');--> statement-breakpoint
CREATE TABLE `webhook_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`description` text,
	`secret` text NOT NULL,
	`previous_secret` text,
	`previous_secret_expires_at` text,
	`status` text NOT NULL,
	`disabled_reason` text,
	`failing_since` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text
);--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_tenant_idx` ON `webhook_subscriptions` (`tenant_id`);--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_previous_secret_idx` ON `webhook_subscriptions` (`previous_secret_expires_at`) WHERE previous_secret IS NOT NULL;--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_feed_idx` ON `webhook_subscriptions` (`tenant_id`,`updated_at`,`id`);--> statement-breakpoint
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
);--> statement-breakpoint
CREATE INDEX `stuck_operations_status_idx` ON `stuck_operations` (`status`,`parked_at`);--> statement-breakpoint
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
);--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_shipments_reference_unique` ON `inbound_shipments` (`tenant_id`,`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_shipments_tenant_seq_unique` ON `inbound_shipments` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE INDEX `inbound_shipments_feed_idx` ON `inbound_shipments` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE TABLE `inbound_lines` (
	`inbound_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`expected_quantity` integer NOT NULL,
	`received_quantity` integer DEFAULT 0 NOT NULL,
	`damaged_quantity` integer DEFAULT 0 NOT NULL,
	`receipts` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_lines_pk` ON `inbound_lines` (`inbound_id`,`sku`);--> statement-breakpoint
CREATE INDEX `inbound_lines_sku_idx` ON `inbound_lines` (`sku`,`inbound_id`);--> statement-breakpoint
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
);--> statement-breakpoint
CREATE INDEX `inbound_receipts_inbound_idx` ON `inbound_receipts` (`inbound_id`);--> statement-breakpoint
CREATE INDEX `inbound_receipts_unapplied_idx` ON `inbound_receipts` (`created_at`) WHERE stock_applied_at IS NULL;--> statement-breakpoint
-- Customer returns (guide §5c): an RMA the ERP announces, or a return the floor records as
-- it arrives. `stock_applied_at` stays NULL until the restocked units reached their stock
-- objects, so a crash between the commit and the stock is finished by the cron sweep.
CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`order_id` text NOT NULL,
	`order_number` text NOT NULL,
	`rma` text,
	`warehouse_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`request_hash` text,
	`version` integer NOT NULL,
	`received_at` text,
	`processed_at` text,
	`stock_applied_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`change_seq` integer NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `returns_tenant_rma_unique` ON `returns` (`tenant_id`,`rma`);--> statement-breakpoint
CREATE UNIQUE INDEX `returns_tenant_seq_unique` ON `returns` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE INDEX `returns_tenant_feed_idx` ON `returns` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE INDEX `returns_order_idx` ON `returns` (`order_id`);--> statement-breakpoint
CREATE INDEX `returns_stock_pending_idx` ON `returns` (`received_at`) WHERE stock_applied_at IS NULL;--> statement-breakpoint
-- A return only moves forward, expected → received → processed, so of two racing
-- transitions the second fails whole instead of receiving a return twice.
CREATE TRIGGER `returns_status_forward` BEFORE UPDATE OF `status` ON `returns`
WHEN NOT ((OLD.`status` = 'expected' AND NEW.`status` = 'received')
  OR (OLD.`status` = 'received' AND NEW.`status` = 'processed'))
BEGIN
  SELECT RAISE(ABORT, 'return_status_conflict');
END;--> statement-breakpoint
CREATE TABLE `return_lines` (
	`return_id` text NOT NULL,
	`stage` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	`condition` text,
	`restocked` integer
);--> statement-breakpoint
CREATE UNIQUE INDEX `return_lines_pk` ON `return_lines` (`return_id`,`stage`,`line_no`);--> statement-breakpoint
-- Two receipts for one order may race: whichever commits second finds the first's lines
-- here and fails whole, so together they never bring back more than the order shipped
-- (voided shipments excluded).
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
-- A tenant's sandbox warehouse: whether it fulfils orders by itself, and how fast.
-- Development and sandbox only; production never reads it.
CREATE TABLE `sandbox_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`auto_fulfill` integer NOT NULL,
	`pick_after_seconds` integer NOT NULL,
	`ship_after_seconds` integer NOT NULL,
	`deliver_after_seconds` integer NOT NULL,
	`parcels_per_order` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
