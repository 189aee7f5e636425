import { refused } from "../domain/refusals";

export const DEFAULT_RETENTION_DAYS = 30;
const DEFAULT_ORDER_HOT_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * A var as a whole number of days. Anything else (unset, empty, 0, a typo) is the default,
 * so a misconfigured deploy never archives live data.
 */
const daysOf = (value: string | undefined, fallback: number) => {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 ? days : fallback;
};

export const retentionDays = (env: Pick<Env, "RETENTION_DAYS">): number =>
  daysOf(env.RETENTION_DAYS, DEFAULT_RETENTION_DAYS);

/** How long an order stays in D1 after its last change in a final state (ORDER_HOT_DAYS). */
export const orderHotDays = (env: Pick<Env, "ORDER_HOT_DAYS">): number =>
  daysOf(env.ORDER_HOT_DAYS, DEFAULT_ORDER_HOT_DAYS);

/** The earliest time still inside the orders' hot window: lists cover it and no further. */
export const hotWindowStart = (env: Pick<Env, "ORDER_HOT_DAYS">, now = Date.now()) =>
  new Date(now - orderHotDays(env) * DAY_MS).toISOString();

/**
 * Refuses `beyond_retention` for an `updated_since` before the hot window: orders, their
 * shipments and returns last changed before it may be in the archive, so a list from then
 * would silently miss them. A cursor's page is let through: its walk's first page was
 * checked, and a walk that started at the window's edge must not fail as the edge moves on.
 */
export function assertWithinHotWindow(
  env: Pick<Env, "ORDER_HOT_DAYS">,
  { updated_since: since, cursor }: { updated_since?: string; cursor?: string },
) {
  if (since === undefined || cursor !== undefined) return;
  const earliest = hotWindowStart(env);
  if (Date.parse(since) >= Date.parse(earliest)) return;
  throw refused("beyond_retention", {
    field: "updated_since",
    time: since,
    archives: "orders",
    retention_days: orderHotDays(env),
    earliest_allowed: earliest,
  });
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
