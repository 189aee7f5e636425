-- International and dated orders (issue 21). An order's billing address, Incoterms, tax ids
-- and dates are one JSON object in a row of their own, only for the orders that have any: a
-- column on `orders` would cost every order a byte, and the orders table sits on the byte
-- budget of issue 19 (test/api/order-bytes.test.ts). Each line gets its customs declaration
-- (HS code, origin, declared value per unit); columns added at the end of a row cost an old
-- row nothing and a new row one header byte each when null.
CREATE TABLE `order_terms` (
	`order_id` text PRIMARY KEY NOT NULL,
	`terms` text NOT NULL
) WITHOUT ROWID;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `hs_code` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `country_of_origin` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `customs_value` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `customs_currency` text;
