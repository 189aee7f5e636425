-- The key that seals X-Consistency-Token and the token inside cursors (src/http/consistency.ts).
-- The token is a D1 bookmark, a point in the whole database's commit log, which no tenant may
-- read. Random per database and made here, so every Worker everywhere reads the same key.
CREATE TABLE `secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `secrets` (`name`, `value`) VALUES ('consistency_token', lower(hex(randomblob(32))));
