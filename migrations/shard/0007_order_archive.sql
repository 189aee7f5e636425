-- Orders past their hot window live in R2 (src/retention/order-archive.ts): one object per
-- order at `orders/<tenant_id>/<order_id>.json`, its key made from these two columns. What
-- stays in D1 says where an archived order is, so reads by id, by reference (through
-- `order_references`, which keeps the reference taken) and by shipment or return id find it with one
-- primary-key seek, never by listing R2. Kept small: a few dozen bytes per order, shipment and return.
CREATE TABLE `archived_orders` (
	`order_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`archived_at` text NOT NULL
) WITHOUT ROWID;--> statement-breakpoint
-- An order object that read the order before the archive deleted it may still commit a
-- change decided from that read: its batch fails whole here instead of leaving history
-- behind for an order D1 no longer has.
CREATE TRIGGER `order_history_not_archived` BEFORE INSERT ON `order_history`
WHEN EXISTS (SELECT 1 FROM `archived_orders` WHERE `order_id` = NEW.`order_id`)
BEGIN
  SELECT RAISE(ABORT, 'order_archived');
END;--> statement-breakpoint
CREATE TABLE `archived_shipments` (
	`shipment_id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL
) WITHOUT ROWID;--> statement-breakpoint
CREATE TABLE `archived_returns` (
	`return_id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`rma` text NOT NULL
) WITHOUT ROWID;--> statement-breakpoint
-- An archived return keeps its RMA taken, as the returns' unique index did while it was hot.
CREATE UNIQUE INDEX `archived_returns_rma_unique` ON `archived_returns` (`tenant_id`,`rma`);--> statement-breakpoint
-- The archive's search for orders due: final orders by their last change, oldest first,
-- without a scan of every order the shard holds.
CREATE INDEX `orders_final_idx` ON `orders` (`updated_at`) WHERE status IN ('shipped', 'cancelled');
