-- What the 3PL charges (issue 24). A tenant's rate cards are versions, each in force from its
-- date until the next one's; rates are integers in ten-thousandths of the currency's major
-- unit, so a storage rate may be a fraction of a cent and nothing is a float.
CREATE TABLE `rate_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`version` integer NOT NULL,
	`effective_from` text NOT NULL,
	`currency` text NOT NULL,
	`minor_factor` integer NOT NULL,
	`order_fee` integer NOT NULL,
	`additional_unit` integer NOT NULL,
	`receiving_unit` integer NOT NULL,
	`return_fee` integer NOT NULL,
	`storage_small` integer NOT NULL,
	`storage_medium` integer NOT NULL,
	`storage_large` integer NOT NULL,
	`packaging` text NOT NULL,
	`freight_markup_bps` integer NOT NULL,
	`tax_bps` integer NOT NULL,
	`created_at` text NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `rate_cards_tenant_from_unique` ON `rate_cards` (`tenant_id`,`effective_from`);--> statement-breakpoint
CREATE UNIQUE INDEX `rate_cards_tenant_version_unique` ON `rate_cards` (`tenant_id`,`version`);--> statement-breakpoint
-- One immutable line per chargeable fact, priced by the card in force when it happened, in
-- integer minor units. `charge_key` (source, fee, and whether it is a credit) makes a retried
-- or replayed fact charge once. A void is a credit line of its own, never an edit.
CREATE TABLE `charges` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`charge_key` text NOT NULL,
	`fee` text NOT NULL,
	`source_type` text NOT NULL,
	`source_id` text NOT NULL,
	`order_id` text,
	`warehouse_id` text,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_rate` integer NOT NULL,
	`amount` integer NOT NULL,
	`tax` integer NOT NULL,
	`currency` text NOT NULL,
	`rate_card_id` text NOT NULL,
	`credit_for` text,
	`occurred_on` text NOT NULL,
	`period` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`change_seq` integer NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `charges_tenant_key_unique` ON `charges` (`tenant_id`,`charge_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `charges_tenant_seq_unique` ON `charges` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE INDEX `charges_feed_idx` ON `charges` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
CREATE INDEX `charges_period_idx` ON `charges` (`tenant_id`,`period`,`change_seq`);--> statement-breakpoint
CREATE INDEX `charges_source_idx` ON `charges` (`tenant_id`,`source_id`);--> statement-breakpoint
CREATE INDEX `charges_order_idx` ON `charges` (`tenant_id`,`order_id`);--> statement-breakpoint
CREATE TRIGGER `charges_feed_head_insert` AFTER INSERT ON `charges`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'charges', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
-- A charge is never edited: a correction is a credit line.
CREATE TRIGGER `charges_immutable` BEFORE UPDATE ON `charges`
BEGIN
  SELECT RAISE(ABORT, 'charge_immutable');
END;--> statement-breakpoint
-- The last day whose storage each tenant was charged for: the daily job's progress.
CREATE TABLE `storage_progress` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`last_day` text NOT NULL
) WITHOUT ROWID;--> statement-breakpoint
-- The last month each tenant has an issued invoice for: a line dated in it or before goes on
-- the month after, read by the tenant's key alone.
CREATE TABLE `billing_heads` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`issued_through` text NOT NULL
);--> statement-breakpoint
-- A month's invoice per tenant and currency: a draft from its first charge while the month is
-- open (its totals are its charges'), issued once the month has closed, then immutable.
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`period` text NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`lines` integer,
	`subtotal` integer,
	`tax` integer,
	`total` integer,
	`totals_by_fee` text,
	`issued_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`change_seq` integer NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_tenant_period_unique` ON `invoices` (`tenant_id`,`period`,`currency`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_tenant_seq_unique` ON `invoices` (`tenant_id`,`change_seq`);--> statement-breakpoint
CREATE INDEX `invoices_feed_idx` ON `invoices` (`tenant_id`,`updated_at`,`change_seq`);--> statement-breakpoint
-- What the issuing job looks for: drafts, by the month they are for.
CREATE INDEX `invoices_draft_idx` ON `invoices` (`period`) WHERE `status` = 'draft';--> statement-breakpoint
CREATE TRIGGER `invoices_issued_immutable` BEFORE UPDATE ON `invoices` WHEN OLD.`status` = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'invoice_immutable');
END;--> statement-breakpoint
CREATE TRIGGER `invoices_feed_head_insert` AFTER INSERT ON `invoices`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'invoices', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `invoices_feed_head_update` AFTER UPDATE OF `change_seq` ON `invoices`
BEGIN
  INSERT INTO `feed_heads` (`tenant_id`, `feed`, `change_seq`, `updated_at`)
  VALUES (NEW.`tenant_id`, 'invoices', NEW.`change_seq`, NEW.`updated_at`)
  ON CONFLICT (`tenant_id`, `feed`) DO UPDATE SET
    `change_seq` = MAX(`change_seq`, excluded.`change_seq`),
    `updated_at` = MAX(`updated_at`, excluded.`updated_at`);
END;--> statement-breakpoint
-- Parcels name the packaging they went in, which the rate card prices by type.
ALTER TABLE `shipment_parcels` ADD `packaging` text;
