-- Cancellation requests (issue 21): once picking has started, the partner asks the floor to
-- stop an order and the floor accepts or rejects. The request lives on its order, as the API
-- shows it (JSON, NULL while none was made): one request at a time, read with the order.
ALTER TABLE `orders` ADD `cancellation_request` text;--> statement-breakpoint
-- How the sandbox's simulated floor answers such a request, and the reason it gives when it
-- refuses. Development and sandbox only; production never reads it.
ALTER TABLE `sandbox_settings` ADD `cancellation_requests` text DEFAULT 'accept' NOT NULL;--> statement-breakpoint
ALTER TABLE `sandbox_settings` ADD `cancellation_rejection_reason` text DEFAULT 'Already packed and on the dock.' NOT NULL;
