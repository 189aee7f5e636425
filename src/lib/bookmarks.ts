/**
 * The newest of several D1 bookmarks of one database. Bookmarks sort oldest to newest as
 * plain strings (D1 Time Travel docs), so the newest is their maximum.
 */
export function newest(...bookmarks: (string | null | undefined)[]): string | null {
  let found: string | null = null;
  for (const b of bookmarks) if (b && (found === null || b > found)) found = b;
  return found;
}
