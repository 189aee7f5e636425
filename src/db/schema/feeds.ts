import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Each tenant's newest position in each change feed, advanced by triggers with every row
 * that takes a sequence (migrations/shard/0001_feed_heads.sql); src/db/feed.ts stamps from it.
 */
export const feedHeads = sqliteTable(
  "feed_heads",
  {
    tenantId: text("tenant_id").notNull(),
    feed: text("feed").notNull(),
    changeSeq: integer("change_seq").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.feed] })],
);
