-- Keys a partner manages itself (issue 21): a key may expire, and rotating one issues a new key
-- (rotated_from names the one it replaced) while the old one, marked replaced_by, keeps working
-- until its expires_at, the end of the overlap the partner chose. last_used_at is written at
-- most once a minute per key (src/http/rate-limiter.ts), never once per request.
ALTER TABLE `api_keys` ADD `expires_at` text;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `last_used_at` text;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `rotated_from` text;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `replaced_by` text;--> statement-breakpoint
-- A tenant's working keys, which a key it issues itself is counted against
-- (src/api-keys/api-keys.service.ts): revoked keys, which only grow, are not in it.
CREATE INDEX `api_keys_live_idx` ON `api_keys` (`tenant_id`,`expires_at`) WHERE revoked_at IS NULL;
