-- Fewer bytes per order (issue 19): retention finds expired idempotency claims by an index of
-- their expiry in whole seconds (src/retention/archive.ts), a 4-byte integer in each entry
-- rather than 24 characters of text.
DROP INDEX `idempotency_claims_expiry_idx`;--> statement-breakpoint
CREATE INDEX `idempotency_claims_expiry_second_idx` ON `idempotency_claims` (unixepoch(`expires_at`));
