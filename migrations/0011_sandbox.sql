-- A tenant's sandbox warehouse: whether it fulfils orders by itself, and how fast.
-- Development and sandbox only; production never reads it.
CREATE TABLE `sandbox_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`auto_fulfill` integer NOT NULL,
	`pick_after_seconds` integer NOT NULL,
	`ship_after_seconds` integer NOT NULL,
	`deliver_after_seconds` integer NOT NULL,
	`parcels_per_order` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
