-- The control database (binding DB): the tenants and the shard that holds each one's data,
-- the API keys, the reference data every tenant shares, and the idempotency claims of
-- platform keys, which act across tenants and so across shards. Everything a tenant does
-- lives in its shard (migrations/shard). Tables both sets create are declared identically.
--
-- A tenant's shard is a binding name from SHARDS (src/db/shards.ts). frozen_at is set while
-- the tenant moves between shards (docs/deploying.md): until it is cleared, nothing reads or
-- writes the tenant's data.
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`shard` text NOT NULL,
	`frozen_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);--> statement-breakpoint
CREATE INDEX `tenants_shard_idx` ON `tenants` (`shard`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`name` text,
	`key_hash` text NOT NULL,
	`key_prefix` text NOT NULL,
	`last_four` text NOT NULL,
	`scopes` text NOT NULL,
	`rate_limit_per_minute` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_tenant_idx` ON `api_keys` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `warehouses` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`address` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);--> statement-breakpoint
CREATE INDEX `warehouses_feed_idx` ON `warehouses` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `shipping_methods` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`carrier` text NOT NULL,
	`carrier_name` text,
	`service_code` text NOT NULL,
	-- Other names an order's free-text shipping_method may use for this method.
	`aliases` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);--> statement-breakpoint
CREATE INDEX `shipping_methods_name_idx` ON `shipping_methods` (`name`);--> statement-breakpoint
CREATE INDEX `shipping_methods_feed_idx` ON `shipping_methods` (`updated_at`,`id`);--> statement-breakpoint
-- One claim mechanism for every write a client may retry (src/db/idempotency.ts).
CREATE TABLE `idempotency_claims` (
	`owner` text NOT NULL,
	`key` text NOT NULL,
	`operation` text NOT NULL,
	`anchor` text NOT NULL,
	`resource_id` text NOT NULL,
	`claim_token` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_claims_pk` ON `idempotency_claims` (`owner`,`key`);--> statement-breakpoint
-- The retention cron archives expired claims oldest first (src/retention).
CREATE INDEX `idempotency_claims_expiry_idx` ON `idempotency_claims` (`expires_at`);--> statement-breakpoint
-- The key that seals X-Consistency-Token and the token inside cursors (src/http/consistency.ts):
-- a token names a D1 bookmark, a point in a whole database's commit log, which no tenant may
-- read. Random per deploy and made here, so every Worker everywhere reads the same key.
CREATE TABLE `secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);--> statement-breakpoint
INSERT INTO `secrets` (`name`, `value`) VALUES ('consistency_token', lower(hex(randomblob(32))));
