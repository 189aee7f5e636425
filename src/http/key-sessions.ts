/*
 * The console sessions signed in with one key, as its RateLimiter keeps them. That object is
 * where the key's revocation lives and every request of the key already passes through it, so
 * one call there tells, strongly consistently in every location, whether a session is still
 * open: not signed out, not expired, its key not revoked. A table in the control database
 * would need a read on every console page (and the console would go down with that database,
 * which the API rides out on its caches), a janitor for the expired rows, and a second write
 * for revocation to end them; KV could not make sign-out immediate everywhere.
 */

const PREFIX = "console-session:";

/**
 * Expiry first, zero-padded (Unix seconds have ten digits until 2286), so listing from the
 * prefix meets the expired records first.
 */
const keyOf = (expiresAt: number, id: string) =>
  `${PREFIX}${String(expiresAt).padStart(12, "0")}:${id}`;

/** Each sign-in deletes at most this many expired records: its work stays bounded. */
const PRUNED_PER_OPEN = 100;

export interface SessionRecord {
  /** Random, so signing out ends one browser's session and not every session of the key. */
  id: string;
  /** Unix seconds, as sealed in the session's cookie. */
  expiresAt: number;
}

/** `now`, where a method takes it, is Unix seconds. */
export class KeySessions {
  constructor(private readonly kv: SyncKvStorage) {}

  /**
   * Records a new session, after deleting up to PRUNED_PER_OPEN expired ones: sign-ins clear
   * expired records far faster than they add new ones, and no sign-in's work grows with them.
   */
  open(session: SessionRecord, now: number): void {
    const expired = this.kv.list({
      start: PREFIX,
      end: keyOf(now + 1, ""),
      limit: PRUNED_PER_OPEN,
    });
    for (const [key] of expired) this.kv.delete(key);
    this.kv.put(keyOf(session.expiresAt, session.id), true);
  }

  isOpen(session: SessionRecord, now: number): boolean {
    return session.expiresAt > now && this.kv.get(keyOf(session.expiresAt, session.id)) === true;
  }

  end(session: SessionRecord): void {
    this.kv.delete(keyOf(session.expiresAt, session.id));
  }

  /** For a revoked key, whose sessions can never open again: nothing is kept for them. */
  endAll(): void {
    for (const [key] of this.kv.list({ prefix: PREFIX })) this.kv.delete(key);
  }
}
