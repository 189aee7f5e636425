import { refused } from "../domain/refusals";

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * RETENTION_DAYS as a whole number of days. Anything else (unset, empty, 0, a typo) is the
 * default, so a misconfigured deploy never archives live data.
 */
export function retentionDays(env: Pick<Env, "RETENTION_DAYS">): number {
  const days = Number(env.RETENTION_DAYS);
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_RETENTION_DAYS;
}

/** The earliest time still inside the window: older events and deliveries go to the archive. */
export const retentionStart = (env: Pick<Env, "RETENTION_DAYS">, now = Date.now()) =>
  new Date(now - retentionDays(env) * DAY_MS).toISOString();

/**
 * Refuses `beyond_retention` unless `time` is inside the window; `field` names what carried
 * it (`id` for an event named by id, whose creation time it is).
 */
export function assertWithinRetention(
  env: Pick<Env, "RETENTION_DAYS">,
  time: string,
  field: string,
) {
  const earliest = retentionStart(env);
  if (Date.parse(time) >= Date.parse(earliest)) return;
  const days = retentionDays(env);
  throw refused("beyond_retention", {
    field,
    time,
    retention_days: days,
    earliest_allowed: earliest,
  });
}
