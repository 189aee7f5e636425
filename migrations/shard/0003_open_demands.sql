-- A SKU's stock object loads its open demands only, but released ones stay as history: an
-- index of the open ones alone keeps that load reading what is open, however many orders
-- the SKU has ever had. The load names the status as a literal so SQLite can use it.
CREATE INDEX `stock_demands_open_idx` ON `stock_demands` (`tenant_id`,`warehouse_id`,`sku`) WHERE status <> 'released';
