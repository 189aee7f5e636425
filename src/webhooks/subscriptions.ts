import { and, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { webhookSubscriptions } from "../db/schema";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import type { AppEnv } from "../http/context";

/* An endpoint as its tenant's handlers find it and show it. */

export type Subscription = typeof webhookSubscriptions.$inferSelect;

export const renderSubscription = (s: Subscription) => ({
  id: s.id,
  url: s.url,
  events: s.events,
  description: s.description,
  status: s.status,
  disabled_reason: s.disabledReason,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});

export async function findSubscription(c: Context<AppEnv>, id: string): Promise<Subscription> {
  const [row] = await c.var.db
    .select()
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.id, id),
        eq(webhookSubscriptions.tenantId, tenantOf(c)),
        isNull(webhookSubscriptions.deletedAt),
      ),
    );
  if (!row) throw refused("not_found", { resource: "webhook", id: id });
  return row;
}
