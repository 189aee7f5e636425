-- As in the shards (migrations/shard/0023_claims_expiry.sql): retention finds platform keys'
-- expired idempotency claims by whole seconds, a 4-byte integer, not 24 characters of text.
DROP INDEX `idempotency_claims_expiry_idx`;--> statement-breakpoint
CREATE INDEX `idempotency_claims_expiry_second_idx` ON `idempotency_claims` (unixepoch(`expires_at`));
