-- Fewer bytes per order (issue 19), in what expires: events and webhook deliveries.
--
-- Order, shipment and return events are stored packed from now on (src/db/event-data.ts): no
-- schema change, the `data` column holds the packed form, and older rows read as they are.
--
-- A delivery that succeeds at its first attempt, as nearly every one does, keeps that attempt
-- in its own row rather than in a `webhook_attempts` row of its own: when it started, as
-- milliseconds after the delivery was created, and how long it took. Its status code and
-- error are the row's `last_status_code` and `last_error`. Both are null for every other
-- delivery, whose attempts are rows of `webhook_attempts` as before.
ALTER TABLE `webhook_deliveries` ADD `sent_after_ms` integer;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `duration_ms` integer;
