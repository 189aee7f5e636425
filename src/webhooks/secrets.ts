import { and, eq, isNull, sql } from "drizzle-orm";
import { type JobScope, UNSCOPED, unfrozen } from "../db/background";
import type { Db } from "../db/client";
import { webhookSubscriptions } from "../db/schema";
import { NOW, nowPlus } from "../db/sql";
import { newSecret } from "./signing";

/** How long a rotated-out secret keeps signing beside its successor. */
const OVERLAP = "+1 day";
const CLEAR_BATCH = 1000;

/**
 * Rotates in one UPDATE: the database demotes whatever secret is current at that moment,
 * so of two concurrent rotations the later demotes the earlier one's secret, and every
 * secret handed out was saved. Undefined when the subscription is not the tenant's.
 */
export async function rotateSecret(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({
      previousSecret: sql`${webhookSubscriptions.secret}`,
      secret: newSecret(),
      previousSecretExpiresAt: nowPlus(OVERLAP),
      updatedAt: NOW,
    })
    .where(
      and(
        eq(webhookSubscriptions.id, id),
        eq(webhookSubscriptions.tenantId, tenantId),
        isNull(webhookSubscriptions.deletedAt),
      ),
    )
    .returning();
  return row;
}

/**
 * For the cron: forgets secrets whose overlap is over, except frozen tenants'. Signing
 * already ignores them, so a bounded batch per run is enough; true when the next run has more.
 */
export async function clearExpiredSecrets(db: Db, scope: JobScope = UNSCOPED) {
  const cleared = await db
    .update(webhookSubscriptions)
    .set({ previousSecret: null, previousSecretExpiresAt: null })
    .where(
      sql`${webhookSubscriptions.id} IN (SELECT id FROM webhook_subscriptions
        WHERE previous_secret IS NOT NULL AND previous_secret_expires_at <= ${NOW}
          AND ${unfrozen(sql.identifier("tenant_id"), scope)}
        LIMIT ${CLEAR_BATCH})`,
    );
  return cleared.meta.changes === CLEAR_BATCH;
}
