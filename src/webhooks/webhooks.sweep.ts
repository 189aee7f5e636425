import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { inTime, type JobScope, UNSCOPED, unfrozen } from "../db/background";
import type { Db } from "../db/client";
import { events, webhookDeliveries, webhookSubscriptions } from "../db/schema";
import { NOW, nowPlus } from "../db/sql";
import { deliveryKeyColumns } from "./webhooks.delivery-key";
import { BATCH, deliveriesFor, enqueue, markDispatched } from "./webhooks.outbox";

/** Pages of BATCH events one sweep relays: what is left waits for the next unit of work. */
const SWEEP_ROUNDS = 10;
const STRANDED_PER_SWEEP = 1000;

/**
 * The cron's backstop, run on each shard: events no relay dispatched become deliveries on the
 * queue, and deliveries whose first attempt never happened (the relay stopped part-way, a
 * queue send failed) or whose attempt died holding its lease are queued again. Bounded per
 * run, and blind to frozen tenants; true when it stopped with work left.
 */
export async function sweep(env: Env, db: Db, scope: JobScope = UNSCOPED): Promise<boolean> {
  let more = true;
  for (let round = 0; more && round < SWEEP_ROUNDS && inTime(scope); round++) {
    const pending = await db
      .select({ seq: events.seq, id: events.id, tenantId: events.tenantId, type: events.type })
      .from(events)
      .where(and(isNull(events.dispatched), unfrozen(events.tenantId, scope)))
      .orderBy(asc(events.seq))
      .limit(BATCH);
    more = pending.length === BATCH;
    if (pending.length === 0) break;
    await enqueue(env, await deliveriesFor(db, pending));
    await markDispatched(db, pending);
  }
  const stranded = await db
    .select({ ...deliveryKeyColumns, tenantId: webhookSubscriptions.tenantId })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(
      and(
        sql`(${webhookDeliveries.status} = 'pending' AND ${webhookDeliveries.attempts} = 0
          AND ${webhookDeliveries.createdAt} < ${nowPlus("-1 minute")})
        OR (${webhookDeliveries.status} = 'sending' AND ${webhookDeliveries.leaseUntil} < ${NOW})`,
        unfrozen(webhookSubscriptions.tenantId, scope),
      ),
    )
    .limit(STRANDED_PER_SWEEP);
  await enqueue(env, stranded);
  return more || stranded.length === STRANDED_PER_SWEEP;
}
