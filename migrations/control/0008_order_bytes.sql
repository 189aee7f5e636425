-- The control database's claims (platform keys) are declared as the shards' are
-- (migrations/shard/0008_order_bytes.sql): a finished request's answer is kept in KV for its
-- replays (src/http/idempotent.ts), and the claim keeps its status.
ALTER TABLE `idempotency_claims` DROP COLUMN `response_body`;
