-- How far a move into this shard has copied a tenant (scripts/tenant-copy.mjs). It lives in
-- the destination because each page of rows and its checkpoint are written there together:
-- a rerun of a crashed move continues after the last checkpoint, and removes what a page
-- that crashed before its checkpoint left behind. `move` names the source shard and the
-- freeze, so a later move starts afresh. `after` is the source key of the last row copied of
-- `table_name` (a JSON array); `mark` is that row's rowid here, so rows above it are the
-- remains of a page that never reached its checkpoint.
CREATE TABLE `tenant_moves` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`move` text NOT NULL,
	`table_name` text NOT NULL,
	`after` text,
	`mark` integer
);
