import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { stuckOperations } from "../db/schema";

/* Operations an order object gave up retrying, listed in D1 for operators (/admin/v1). */

/** Lists a parked intent for operators; idempotent, so a retried park never duplicates it. */
export async function registerStuck(
  db: Db,
  id: { tenantId: string; orderId: string },
  intent: { id: string; command: { type: string }; attempts: number; lastError?: string },
) {
  await db
    .insert(stuckOperations)
    .values({
      id: intent.id,
      tenantId: id.tenantId,
      orderId: id.orderId,
      operation: intent.command.type,
      command: intent.command,
      attempts: intent.attempts,
      lastError: intent.lastError ?? "",
      status: "parked",
    })
    .onConflictDoNothing();
}

export async function resolveStuck(
  db: Db,
  id: string,
  status: "retried" | "discarded",
  resolution: string,
) {
  await db
    .update(stuckOperations)
    .set({ status, resolution, resolvedAt: new Date().toISOString() })
    .where(eq(stuckOperations.id, id));
}
