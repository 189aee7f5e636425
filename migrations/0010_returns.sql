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
);
--> statement-breakpoint
CREATE UNIQUE INDEX `returns_tenant_rma_unique` ON `returns` (`tenant_id`,`rma`);
--> statement-breakpoint
CREATE UNIQUE INDEX `returns_tenant_seq_unique` ON `returns` (`tenant_id`,`change_seq`);
--> statement-breakpoint
CREATE INDEX `returns_tenant_feed_idx` ON `returns` (`tenant_id`,`updated_at`,`change_seq`);
--> statement-breakpoint
CREATE INDEX `returns_order_idx` ON `returns` (`order_id`);
--> statement-breakpoint
CREATE INDEX `returns_stock_pending_idx` ON `returns` (`received_at`) WHERE stock_applied_at IS NULL;
--> statement-breakpoint
-- An RMA's lines (`expected`) and what the floor received (`received`), kept apart so the
-- ERP sees both what it authorised and what came back.
CREATE TABLE `return_lines` (
	`return_id` text NOT NULL,
	`stage` text NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`quantity` integer NOT NULL,
	`condition` text,
	`restocked` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_lines_pk` ON `return_lines` (`return_id`,`stage`,`line_no`);
--> statement-breakpoint
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
END;
--> statement-breakpoint
-- A return only moves forward, expected → received → processed, so of two racing
-- transitions the second fails whole instead of receiving a return twice.
CREATE TRIGGER `returns_status_forward` BEFORE UPDATE OF `status` ON `returns`
WHEN NOT ((OLD.`status` = 'expected' AND NEW.`status` = 'received')
  OR (OLD.`status` = 'received' AND NEW.`status` = 'processed'))
BEGIN
  SELECT RAISE(ABORT, 'return_status_conflict');
END;
