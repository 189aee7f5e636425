/** D1 surfaces constraint failures only as message text; this is the one place that reads it. */
function* messagesOf(err: unknown): Generator<string> {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    yield current.message;
    current = current.cause;
  }
}

export function isUniqueViolation(err: unknown, column?: string): boolean {
  for (const message of messagesOf(err)) {
    if (
      /UNIQUE constraint failed|SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)/.test(message) &&
      (!column || message.includes(column))
    ) {
      return true;
    }
  }
  return false;
}

/** Whether a trigger stopped the write with `RAISE(ABORT, reason)`. */
export function isAbort(err: unknown, reason: string): boolean {
  for (const message of messagesOf(err)) if (message.includes(reason)) return true;
  return false;
}
