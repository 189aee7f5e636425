-- The shards' copy of `tenants` is declared as the control database's is
-- (migrations/control/0005_background_units.sql, where the background units read it).
CREATE INDEX `tenants_frozen_idx` ON `tenants` (`id`) WHERE frozen_at IS NOT NULL;--> statement-breakpoint
DROP INDEX `tenants_shard_idx`;--> statement-breakpoint
CREATE INDEX `tenants_shard_idx` ON `tenants` (`shard`,`id`);
