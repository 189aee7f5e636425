-- A SKU's stock across warehouses, read without touching the tenant's other SKUs: every
-- `inventory.*` event and GET /v1/inventory?sku= read one SKU in every warehouse, which the
-- (tenant_id, warehouse_id, sku) key can serve only by scanning the tenant's stock rows.
CREATE INDEX `inventory_sku_idx` ON `inventory` (`tenant_id`, `sku`, `warehouse_id`);--> statement-breakpoint
-- Units on their way, per open ASN line (src/inventory/inventory.snapshot.ts reads them by
-- tenant and SKU). Kept by triggers from inbound_lines and inbound_shipments, so the rows
-- exist exactly while their ASN is open (expected or partially received): reading a SKU's
-- incoming costs its open ASNs, never the tenant's receiving history.
CREATE TABLE `incoming_stock` (
	`tenant_id` text NOT NULL,
	`sku` text NOT NULL,
	`warehouse_id` text NOT NULL,
	`inbound_id` text NOT NULL,
	`units` integer NOT NULL,
	PRIMARY KEY (`tenant_id`, `sku`, `warehouse_id`, `inbound_id`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `incoming_stock` (`tenant_id`, `sku`, `warehouse_id`, `inbound_id`, `units`)
SELECT s.`tenant_id`, l.`sku`, s.`warehouse_id`, l.`inbound_id`,
  MAX(l.`expected_quantity` - l.`received_quantity`, 0)
FROM `inbound_lines` AS l JOIN `inbound_shipments` AS s ON s.`id` = l.`inbound_id`
WHERE s.`status` IN ('expected', 'partially_received');--> statement-breakpoint
CREATE TRIGGER `inbound_lines_incoming_insert` AFTER INSERT ON `inbound_lines`
BEGIN
  INSERT INTO `incoming_stock` (`tenant_id`, `sku`, `warehouse_id`, `inbound_id`, `units`)
  SELECT s.`tenant_id`, NEW.`sku`, s.`warehouse_id`, NEW.`inbound_id`,
    MAX(NEW.`expected_quantity` - NEW.`received_quantity`, 0)
  FROM `inbound_shipments` AS s
  WHERE s.`id` = NEW.`inbound_id` AND s.`status` IN ('expected', 'partially_received');
END;--> statement-breakpoint
CREATE TRIGGER `inbound_lines_incoming_update` AFTER UPDATE OF `expected_quantity`, `received_quantity` ON `inbound_lines`
BEGIN
  UPDATE `incoming_stock` SET `units` = MAX(NEW.`expected_quantity` - NEW.`received_quantity`, 0)
  WHERE (`tenant_id`, `sku`, `warehouse_id`, `inbound_id`) =
    (SELECT s.`tenant_id`, NEW.`sku`, s.`warehouse_id`, NEW.`inbound_id`
     FROM `inbound_shipments` AS s WHERE s.`id` = NEW.`inbound_id`);
END;--> statement-breakpoint
CREATE TRIGGER `inbound_lines_incoming_delete` AFTER DELETE ON `inbound_lines`
BEGIN
  DELETE FROM `incoming_stock`
  WHERE (`tenant_id`, `sku`, `warehouse_id`, `inbound_id`) =
    (SELECT s.`tenant_id`, OLD.`sku`, s.`warehouse_id`, OLD.`inbound_id`
     FROM `inbound_shipments` AS s WHERE s.`id` = OLD.`inbound_id`);
END;--> statement-breakpoint
CREATE TRIGGER `inbound_shipments_incoming_closed` AFTER UPDATE OF `status` ON `inbound_shipments`
WHEN NEW.`status` NOT IN ('expected', 'partially_received')
BEGIN
  DELETE FROM `incoming_stock`
  WHERE `tenant_id` = NEW.`tenant_id` AND `warehouse_id` = NEW.`warehouse_id`
    AND `inbound_id` = NEW.`id`
    AND `sku` IN (SELECT `sku` FROM `inbound_lines` WHERE `inbound_id` = NEW.`id`);
END;
