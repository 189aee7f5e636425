/** D1 surfaces constraint failures only as message text; this is the one place that reads it. */
export function isUniqueViolation(err: unknown, column?: string): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    if (
      /UNIQUE constraint failed|SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)/.test(current.message) &&
      (!column || current.message.includes(column))
    ) {
      return true;
    }
    current = current.cause;
  }
  return false;
}
