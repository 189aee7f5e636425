import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Scope } from "../../domain/scopes";
import { now } from "./shared";

export const tenants = sqliteTable(
  "tenants",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** The binding, among SHARDS, of the database that holds the tenant's data. */
    shard: text("shard").notNull(),
    /** Set while the tenant moves between shards: nothing reads or writes its data until cleared. */
    frozenAt: text("frozen_at"),
    /** The hash of `id` that the ids of everything it owns carry (src/lib/ids.ts routeOf). */
    route: text("route"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    // By id within a shard: the background units mend a shard's tenants a page at a time.
    index("tenants_shard_idx").on(t.shard, t.id),
    // What each background unit asks first: which tenants are frozen (normally none).
    index("tenants_frozen_idx").on(t.id).where(sql`frozen_at IS NOT NULL`),
    // From an id's route to its tenant, and the tenants created before routes to fill in.
    uniqueIndex("tenants_route_idx").on(t.route),
  ],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    // null for platform keys, which belong to the 3PL rather than to a merchant.
    tenantId: text("tenant_id").references(() => tenants.id),
    name: text("name"),
    keyHash: text("key_hash").notNull(),
    keyPrefix: text("key_prefix").notNull(),
    lastFour: text("last_four").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<Scope[]>().notNull(),
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull(),
    createdAt: text("created_at").notNull().default(now),
    revokedAt: text("revoked_at"),
    /** When the key stops working; for a rotated key, the end of the overlap chosen. */
    expiresAt: text("expires_at"),
    /** To the minute at best: its RateLimiter writes it at most once a minute. */
    lastUsedAt: text("last_used_at"),
    /** The key this one replaced when it was rotated. */
    rotatedFrom: text("rotated_from"),
    /** The key a rotation issued in this one's place; set once, so a key rotates once. */
    replacedBy: text("replaced_by"),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_unique").on(t.keyHash),
    index("api_keys_tenant_idx").on(t.tenantId),
    // A tenant's working keys, counted when it issues one itself.
    index("api_keys_live_idx").on(t.tenantId, t.expiresAt).where(sql`revoked_at IS NULL`),
  ],
);
