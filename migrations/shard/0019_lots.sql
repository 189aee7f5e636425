-- Lots and expiry (issue 23). A product may be lot tracked (its receipts and counts name a
-- lot) and expiry tracked (each lot has the last day it may be sold), and may ask that a lot
-- keeps a minimum shelf life when it ships.
ALTER TABLE `products` ADD `lot_tracked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `expiry_tracked` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `min_shelf_life_days` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- One lot's units in one stock row, written only by that row's stock object, beside the row's
-- totals in `inventory`: sellable (on hand, of which allocated) and held in each condition.
CREATE TABLE `stock_lots` (
	`tenant_id` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`sku` text NOT NULL,
	`lot` text NOT NULL,
	`expires_on` text,
	`on_hand` integer NOT NULL,
	`allocated` integer NOT NULL,
	`quarantine` integer NOT NULL,
	`damaged` integer NOT NULL,
	`expired` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `warehouse_id`, `sku`, `lot`)
) WITHOUT ROWID;--> statement-breakpoint
CREATE INDEX `stock_lots_sku_idx` ON `stock_lots` (`tenant_id`,`sku`);--> statement-breakpoint
-- Which lots an allocated demand holds (a JSON object, lot → units; NULL in a row with no
-- lots), and the order's ship-by that decides which lots it may take.
ALTER TABLE `stock_demands` ADD `lots` text;--> statement-breakpoint
ALTER TABLE `stock_demands` ADD `ship_by` text;--> statement-breakpoint
-- The lots a movement took or brought back, so a retried shipment answers the lots it took
-- and a void puts units back where they came from.
ALTER TABLE `stock_movements` ADD `lots` text;--> statement-breakpoint
-- What left per shipment item ([{lot, expires_on, quantity}]), what a return line brought
-- back, and the lot a count or a condition move was about.
ALTER TABLE `shipment_items` ADD `lots` text;--> statement-breakpoint
ALTER TABLE `return_lines` ADD `lot` text;--> statement-breakpoint
ALTER TABLE `inventory_adjustments` ADD `lot` text;--> statement-breakpoint
ALTER TABLE `inventory_adjustments` ADD `expires_on` text;--> statement-breakpoint
ALTER TABLE `inventory_condition_moves` ADD `lot` text;
