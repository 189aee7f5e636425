/*
 * Calendar days in UTC, as YYYY-MM-DD strings: what expiry dates, ship-by dates and billing
 * days are, compared as strings and moved by whole days.
 */

/** `date` plus `days` (negative: minus). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export const utcToday = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);
