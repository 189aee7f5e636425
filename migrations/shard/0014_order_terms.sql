-- International and dated orders (issue 21): an order's billing address, Incoterms, tax ids
-- and dates share one nullable JSON column, so an order without them stores one byte more;
-- each line gets its customs declaration (HS code, origin, declared value per unit). Columns
-- added at the end of a row cost an old row nothing and a new row one header byte each when
-- null.
ALTER TABLE `orders` ADD `terms` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `hs_code` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `country_of_origin` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `customs_value` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `customs_currency` text;
