import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { now } from "./shared";

/**
 * One claim per Idempotency-Key and owner (a tenant, or a platform key): the first
 * request binds the key to its operation, its anchor and the resource it acts on; a
 * retry finds the binding and, once the first finished, its status (the body is in KV).
 */
export const idempotencyClaims = sqliteTable(
  "idempotency_claims",
  {
    owner: text("owner").notNull(),
    key: text("key").notNull(),
    operation: text("operation").notNull(),
    // Order creates anchor on the reference (guide §1); every other write on its body's hash.
    anchor: text("anchor").notNull(),
    resourceId: text("resource_id").notNull(),
    // Tells the request that made the claim from a retry that found it.
    claimToken: text("claim_token").notNull(),
    responseStatus: integer("response_status"),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [
    uniqueIndex("idempotency_claims_pk").on(t.owner, t.key),
    index("idempotency_claims_expiry_second_idx").on(sql`unixepoch(expires_at)`),
  ],
);
