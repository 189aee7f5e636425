import { DurableObject } from "cloudflare:workers";
import { KeySessions, type SessionRecord } from "./key-sessions";

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * How often a key's use is written to its `last_used_at`: at most once a minute, so a busy
 * key costs the control database one write a minute rather than one per request.
 */
export const USE_NOTED_EVERY_MS = 60_000;

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

/** A request of a key let through: its rate decision, and the use to record, if one is due. */
export interface KeyAdmission extends RateDecision {
  /** When set, the caller writes it to the key's `last_used_at`: due once a minute at most. */
  usedAt: string | null;
}

/**
 * Guards one API key: its request budget (a token bucket of `limit` tokens refilled at
 * `limit` per minute), whether it is revoked or expired, when its use was last recorded,
 * and the console sessions signed in with it (src/http/key-sessions.ts). Every request of
 * the key passes through this one object, so all of them are exact in every location at
 * once, which KV (eventually consistent) and the Workers rate-limit binding (per location)
 * cannot promise; that is why revocation and changes of expiry live here rather than in a
 * cache.
 */
export class RateLimiter extends DurableObject<Env> {
  private bucket: Bucket | undefined;
  private revoked: boolean;
  /**
   * The expiry last set here (null: none), which overrides the one the key's cached record
   * carries: every change of a key's expiry is made here before the control database.
   */
  private expiry: { at: string | null } | undefined;
  private usedNotedAt: number | undefined;
  private readonly sessions: KeySessions;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.bucket = ctx.storage.kv.get<Bucket>("bucket");
    this.revoked = ctx.storage.kv.get<boolean>("revoked") ?? false;
    this.expiry = ctx.storage.kv.get<{ at: string | null }>("expiry");
    this.usedNotedAt = ctx.storage.kv.get<number>("used-noted-at");
    this.sessions = new KeySessions(ctx.storage.kv);
  }

  /** Refuses the key, and ends its console sessions, whatever any cache still says. */
  revoke(): void {
    this.revoked = true;
    this.ctx.storage.kv.put("revoked", true);
    this.sessions.endAll();
  }

  /** Sets when the key stops working (null: never), whatever its cached record says. */
  setExpiry(at: string | null): void {
    this.expiry = { at };
    this.ctx.storage.kv.put("expiry", this.expiry);
  }

  /** Past the key's expiry: this object's, else `recorded`, the one its cached record carries. */
  private expired(now: number, recorded: string | null): boolean {
    const at = this.expiry ? this.expiry.at : recorded;
    return at !== null && now >= Date.parse(at);
  }

  /**
   * One request of the key: refused if it is revoked or expired, else spent from its budget.
   * `expiresAt` is what the key's record (perhaps cached) says.
   */
  admit(limit: number, expiresAt: string | null): KeyAdmission | "revoked" | "expired" {
    if (this.revoked) return "revoked";
    const now = Date.now();
    if (this.expired(now, expiresAt)) return "expired";
    const decision = this.spend(limit, now);
    let usedAt: string | null = null;
    if (this.usedNotedAt === undefined || now - this.usedNotedAt >= USE_NOTED_EVERY_MS) {
      // Marked before the write is even tried: a failed write loses a minute's use, and an
      // outage of the control database never turns into a write per request.
      this.usedNotedAt = now;
      this.ctx.storage.kv.put("used-noted-at", now);
      usedAt = new Date(now).toISOString();
    }
    return { ...decision, usedAt };
  }

  /**
   * Records a console session signed in with the key; false once it is revoked or expired.
   * `expiresAt` is what the key's record says.
   */
  openSession(session: SessionRecord, expiresAt: string | null): boolean {
    if (this.revoked || this.expired(Date.now(), expiresAt)) return false;
    this.sessions.open(session, nowSeconds());
    return true;
  }

  /** Whether a console session may still open pages: not signed out, expired or revoked. */
  sessionIsOpen(session: SessionRecord): boolean {
    return (
      !this.revoked &&
      !this.expired(Date.now(), null) &&
      this.sessions.isOpen(session, nowSeconds())
    );
  }

  endSession(session: SessionRecord): void {
    this.sessions.end(session);
  }

  take(limit: number): RateDecision | "revoked" {
    if (this.revoked) return "revoked";
    return this.spend(limit, Date.now());
  }

  private spend(limit: number, now: number): RateDecision {
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
