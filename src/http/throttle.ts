import type { Context } from "hono";
import { Refused, refused } from "../domain/refusals";
import type { AppEnv } from "./context";
import { statusOf } from "./refusals";

/*
 * Per-address throttles on refused credentials and on the admin API. They use the Workers
 * rate-limit binding, which counts per Cloudflare location and approximately: a shield
 * against guessing and floods, not a quota (exact per-key limits are the RateLimiter
 * object's job).
 */

type FailureLimiter = "AUTH_FAILURE_LIMITER" | "ADMIN_FAILURE_LIMITER";

/** Every limiter in wrangler.toml counts over 60 s, so a block lasts one such period. */
export const PERIOD_SECONDS = 60;
const MAX_BLOCKED = 10_000;

/**
 * Addresses over their failure limit, until a time: their refused attempts get 429 without
 * being counted again. A correct API key from such an address is still answered, judged by
 * its own budget: ERPs behind shared egress (iPaaS, cloud ERPs) share addresses, and one
 * misconfigured neighbour must not lock every integration behind it out. Answering it tells
 * a guesser nothing usable, since keys carry about 238 bits of randomness. The admin token
 * is one operator-chosen secret of unknown strength, shared by nobody: a blocked address is
 * refused even the right one, or its guesses would go on being judged at full speed.
 */
const blocksTheRightCredential: Record<FailureLimiter, boolean> = {
  AUTH_FAILURE_LIMITER: false,
  ADMIN_FAILURE_LIMITER: true,
};

const blocked = new Map<string, number>();

/** Cloudflare always sets it on internet traffic; calls without it share one bucket. */
const clientAddress = (c: Context<AppEnv>) =>
  c.req.header("cf-connecting-ip") ?? "no-client-address";

function secondsBlocked(key: string, now: number): number {
  const until = blocked.get(key);
  if (until !== undefined && until > now) return Math.ceil((until - now) / 1000);
  blocked.delete(key);
  return 0;
}

function block(key: string, now: number) {
  if (blocked.size >= MAX_BLOCKED) {
    // Every block lasts as long, so the first inserted is the first to end.
    const first = blocked.keys().next().value;
    if (first !== undefined) blocked.delete(first);
  }
  blocked.set(key, now + PERIOD_SECONDS * 1000);
}

const tooManyFailures = (retryAfter: number) =>
  refused("too_many_failed_attempts", { retry_after: retryAfter });

/**
 * Runs an authentication step for the caller's address: a 401 it throws counts against
 * `limiter`, and once the address is over the limit its refused attempts get 429 until the
 * block ends; a right API key still goes on (see `blocksTheRightCredential`).
 */
export async function countingFailures<T>(
  c: Context<AppEnv>,
  limiter: FailureLimiter,
  attempt: () => Promise<T>,
): Promise<T> {
  const address = clientAddress(c);
  const key = `${limiter}:${address}`;
  if (blocksTheRightCredential[limiter]) {
    const wait = secondsBlocked(key, Date.now());
    if (wait > 0) throw tooManyFailures(wait);
  }
  try {
    return await attempt();
  } catch (err) {
    if (!(err instanceof Refused && statusOf(err.refusal.code) === 401)) throw err;
    const wait = secondsBlocked(key, Date.now());
    if (wait > 0) throw tooManyFailures(wait);
    const { success } = await c.env[limiter].limit({ key: address });
    if (success) throw err;
    block(key, Date.now());
    throw tooManyFailures(PERIOD_SECONDS);
  }
}

/** A generous ceiling on every admin request per address, the right token included. */
export async function throttleAdmin(c: Context<AppEnv>) {
  const { success } = await c.env.ADMIN_LIMITER.limit({ key: clientAddress(c) });
  if (!success) {
    throw refused("rate_limited", { retry_after: PERIOD_SECONDS });
  }
}
