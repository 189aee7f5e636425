export type Fetch = (request: Request) => Promise<Response>;

export interface RetryPolicy {
  /** Retries after the first attempt; 0 turns retrying off. */
  retries: number;
  /** The first backoff's ceiling; each retry doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per attempt; a timed-out attempt counts as a network error. 0: none. */
  timeoutMs: number;
  /** Told before each wait, e.g. to log it. */
  onRetry?: (notice: RetryNotice) => void;
}

export interface RetryNotice {
  request: Request;
  /** The attempt that failed, 1 for the first. */
  attempt: number;
  /** The answer's status, or the network error. */
  status?: number;
  error?: unknown;
  delayMs: number;
}

/** Methods that change nothing, or change to the same end state, whatever the repeat count. */
const REPEATABLE = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const TRANSIENT = new Set([500, 502, 503, 504]);

/**
 * Milliseconds a `Retry-After` value asks for: delay-seconds or an HTTP date (RFC 9110
 * §10.2.3); undefined when absent or unreadable.
 */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with full jitter: a crowd of clients spreads out instead of retrying in step. */
const backoffMs = (attempt: number, policy: RetryPolicy) =>
  Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `fetch` that retries what is safe to retry: a 429 always (the API refuses it before doing
 * anything), and a 5xx or a network error only when repeating the request cannot apply it
 * twice (a repeatable method, or an `Idempotency-Key`, which each retry resends unchanged).
 * The last answer is returned as is, for the caller to turn into an error.
 */
export function retrying(send: Fetch, policy: RetryPolicy): Fetch {
  return async (request) => {
    const repeatable = REPEATABLE.has(request.method) || request.headers.has("idempotency-key");
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= policy.retries;
      let response: Response;
      try {
        response = await send(withTimeout(last ? request : request.clone(), policy.timeoutMs));
      } catch (err) {
        if (last || !repeatable || request.signal.aborted) throw err;
        const delayMs = backoffMs(attempt, policy);
        policy.onRetry?.({ request, attempt: attempt + 1, error: err, delayMs });
        await sleep(delayMs);
        continue;
      }
      const transient = response.status === 429 || (repeatable && TRANSIENT.has(response.status));
      if (last || !transient) return response;
      const asked = retryAfterMs(response.headers.get("retry-after"));
      // A wait longer than the policy allows is the server saying "not soon": let the caller decide.
      if (asked !== undefined && asked > policy.maxDelayMs) return response;
      await response.body?.cancel();
      // The server's wait, plus a little jitter so its clients don't all come back at once.
      const delayMs =
        asked === undefined
          ? backoffMs(attempt, policy)
          : asked + Math.random() * policy.baseDelayMs;
      policy.onRetry?.({ request, attempt: attempt + 1, status: response.status, delayMs });
      await sleep(delayMs);
    }
  };
}

function withTimeout(request: Request, timeoutMs: number): Request {
  if (timeoutMs <= 0) return request;
  return new Request(request, {
    signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]),
  });
}
