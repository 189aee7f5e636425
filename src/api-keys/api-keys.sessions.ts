import { database } from "../db/client";
import { primary } from "../db/sessions";
import type { SessionRecord } from "../http/key-sessions";
import { lookupKey } from "../http/keys";
import { randomBase62 } from "../lib/ids";

/*
 * The server's side of the console's sessions, which the app hands the console (it reaches
 * nothing but the API itself): each signed-in session is recorded by its key's RateLimiter
 * (src/http/key-sessions.ts says why there), and checked there on every console page.
 */

type Recorded = SessionRecord & { keyId: string };

export const consoleSessions = {
  /** A new session of `apiKey` until `expiresAt`, or null if the key is no longer active. */
  async open(env: Env, apiKey: string, expiresAt: number) {
    // The caches are warm from the sign-in's own API call; a miss reads the primary, as
    // authentication does, so a key issued a moment ago is found.
    const found = await lookupKey(env, database(primary(env.DB)), apiKey);
    if (found.status !== "active") return null;
    const { keyId } = found.principal;
    const id = randomBase62(32);
    const opened = await env.RATE_LIMITER.getByName(keyId).openSession(
      { id, expiresAt },
      found.principal.expiresAt ?? null,
    );
    return opened ? { keyId, id } : null;
  },

  isOpen: (env: Env, { keyId, id, expiresAt }: Recorded) =>
    env.RATE_LIMITER.getByName(keyId).sessionIsOpen({ id, expiresAt }),

  end: (env: Env, { keyId, id, expiresAt }: Recorded) =>
    env.RATE_LIMITER.getByName(keyId).endSession({ id, expiresAt }),
};
