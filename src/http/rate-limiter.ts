import { DurableObject } from "cloudflare:workers";
import { KeySessions, type SessionRecord } from "./key-sessions";

const nowSeconds = () => Math.floor(Date.now() / 1000);

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the bucket is full again. */
  reset: number;
  /** Seconds until one request is allowed; 0 when allowed. */
  retryAfter: number;
}

/**
 * Guards one API key: its request budget (a token bucket of `limit` tokens refilled at
 * `limit` per minute), whether it is revoked, and the console sessions signed in with it
 * (src/http/key-sessions.ts). Every request of the key passes through this one object, so
 * all three are exact in every location at once, which KV (eventually consistent) and the
 * Workers rate-limit binding (per location) cannot promise; that is why revocation lives
 * here rather than in a cache.
 */
export class RateLimiter extends DurableObject<Env> {
  private bucket: Bucket | undefined;
  private revoked: boolean;
  private readonly sessions: KeySessions;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.bucket = ctx.storage.kv.get<Bucket>("bucket");
    this.revoked = ctx.storage.kv.get<boolean>("revoked") ?? false;
    this.sessions = new KeySessions(ctx.storage.kv);
  }

  /** Refuses the key, and ends its console sessions, whatever any cache still says. */
  revoke(): void {
    this.revoked = true;
    this.ctx.storage.kv.put("revoked", true);
    this.sessions.endAll();
  }

  /** Records a console session signed in with the key; false once the key is revoked. */
  openSession(session: SessionRecord): boolean {
    if (this.revoked) return false;
    this.sessions.open(session, nowSeconds());
    return true;
  }

  /** Whether a console session may still open pages: not signed out, expired or revoked. */
  sessionIsOpen(session: SessionRecord): boolean {
    return !this.revoked && this.sessions.isOpen(session, nowSeconds());
  }

  endSession(session: SessionRecord): void {
    this.sessions.end(session);
  }

  take(limit: number): RateDecision | "revoked" {
    if (this.revoked) return "revoked";
    const now = Date.now();
    const perMs = limit / 60_000;
    const previous = this.bucket ?? { tokens: limit, at: now };
    let tokens = Math.min(limit, previous.tokens + (now - previous.at) * perMs);
    const allowed = tokens >= 1;
    if (allowed) tokens -= 1;
    this.bucket = { tokens, at: now };
    this.ctx.storage.kv.put("bucket", this.bucket);
    return {
      allowed,
      limit,
      remaining: Math.floor(tokens),
      reset: Math.ceil((now + (limit - tokens) / perMs) / 1000),
      retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)),
    };
  }
}
