-- What each shard's unit of background work (src/janitor.ts) asks the control database every
-- minute, answered from an index so that it reads no tenant it does not return: which tenants
-- are frozen (a partial index, normally empty), and a page of the shard's tenants in id order
-- to mend its copy of their rows (`shard`, then `id`, instead of `shard` alone).
-- migrations/shard declares the same, because the shards' copy of `tenants` is the same table.
CREATE INDEX `tenants_frozen_idx` ON `tenants` (`id`) WHERE frozen_at IS NOT NULL;--> statement-breakpoint
DROP INDEX `tenants_shard_idx`;--> statement-breakpoint
CREATE INDEX `tenants_shard_idx` ON `tenants` (`shard`,`id`);
