import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Keys the database makes for itself in its migrations, by name (`consistency_token`). */
export const secrets = sqliteTable("secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
});
