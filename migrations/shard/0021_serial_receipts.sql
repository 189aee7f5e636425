-- Serials recorded at receipt (issue 23). A receiving line of a serial-tracked product names
-- its units' serials; each is in stock until it ships, again after a void or a return. The
-- primary key keeps a serial from being in the warehouse twice, and a receipt of a serial
-- that is in stock or out on a shipment is refused.
CREATE TABLE `serial_stock` (
	`tenant_id` text NOT NULL,
	`sku` text NOT NULL,
	`serial` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `sku`, `serial`)
);--> statement-breakpoint
-- The receipt a `received` movement came with.
ALTER TABLE `serial_movements` ADD `receipt_id` text;
