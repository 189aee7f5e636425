import type { webhookAttempts, webhookDeliveries } from "../db/schema";

/*
 * Where a delivery's attempts are kept. Nearly every delivery succeeds at its first attempt,
 * and a row of its own for that attempt cost more than the delivery's row itself adds for it
 * (issue 19): such an attempt is kept in the delivery's row, its start as milliseconds after
 * the delivery was created and its duration, its status code and error being the row's last
 * ones. Every other attempt is a `webhook_attempts` row. The delivery log shows both the same.
 */

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookAttempts.$inferSelect;

/** Whether an attempt goes in its delivery's row: the first, and it succeeded. */
export const keptInRow = (attempt: number, ok: boolean) => ok && attempt === 1;

/** What the delivery's row keeps of such an attempt, started at `started` (ms since epoch). */
export const inRow = (
  delivery: Pick<DeliveryRow, "createdAt">,
  started: number,
  durationMs: number,
) => ({
  sentAfterMs: started - Date.parse(delivery.createdAt),
  durationMs,
});

/** The delivery's attempts, oldest first, from its row and from its `webhook_attempts` rows. */
export function attemptsOf(delivery: DeliveryRow, rows: readonly AttemptRow[]) {
  const kept =
    delivery.sentAfterMs === null || delivery.durationMs === null
      ? []
      : [
          {
            attempt: 1,
            status_code: delivery.lastStatusCode,
            error: delivery.lastError,
            duration_ms: delivery.durationMs,
            attempted_at: new Date(
              Date.parse(delivery.createdAt) + delivery.sentAfterMs,
            ).toISOString(),
            next_retry_at: null,
          },
        ];
  return [
    ...kept,
    ...rows.map((a) => ({
      attempt: a.attempt,
      status_code: a.statusCode,
      error: a.error,
      duration_ms: a.durationMs,
      attempted_at: a.attemptedAt,
      next_retry_at: a.nextRetryAt,
    })),
  ];
}
