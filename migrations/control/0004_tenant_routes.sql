-- A tenant's route: the hash of its id that every id it owns carries (src/lib/ids.ts), so a
-- platform key naming an order finds its tenant, and so its shard, with one indexed read
-- instead of asking every shard. Written when a tenant is created; the control database's
-- background unit fills it in for tenants created before routes (src/db/routes.ts).
-- migrations/shard and migrations/control declare the same: the shards' copy of `tenants`
-- is the same table, copied column for column.
ALTER TABLE `tenants` ADD `route` text;--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_route_idx` ON `tenants` (`route`);
