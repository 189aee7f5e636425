import type { Principal } from "./api-keys/api-keys.service";
import type { RateLimiter } from "./api-keys/rate-limiter";
import type { Db } from "./db/client";
import type { StockObject } from "./inventory/stock-object";
import type { Meter } from "./lib/metering";
import type { OrderObject } from "./orders/order-object";
import type { WebhookMessage } from "./webhooks/outbox";

export type Environment = "development" | "sandbox" | "production";

/**
 * The rules this deploy runs under. Anything but an explicit "development" or "sandbox"
 * (unset, misspelt) gets production's: live keys only, no tenant floor access, no
 * simulator. A deploy that forgets its ENVIRONMENT fails safe, never open.
 */
export const environmentOf = (env: { ENVIRONMENT?: string }): Environment =>
  env.ENVIRONMENT === "development" || env.ENVIRONMENT === "sandbox"
    ? env.ENVIRONMENT
    : "production";

export interface Env {
  /** The control database: tenants and their shards, keys, reference data (src/db/shards.ts). */
  DB: D1Database;
  /**
   * The shard bindings, comma-separated and in order, e.g. "SHARD_0,SHARD_1": each names a D1
   * binding that holds tenants' data. Shard bindings are read by name, through src/db/shards.ts.
   */
  SHARDS?: string;
  KV: KVNamespace;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  ORDERS: DurableObjectNamespace<OrderObject>;
  STOCK: DurableObjectNamespace<StockObject>;
  WEBHOOK_QUEUE: Queue<WebhookMessage>;
  WEBHOOK_DLQ: Queue<WebhookMessage>;
  /** Events, deliveries and idempotency claims past retention, as NDJSON: src/retention. */
  ARCHIVE: R2Bucket;
  /** Per-address Workers rate limits (per location, approximate): see src/http/throttle.ts. */
  AUTH_FAILURE_LIMITER: RateLimit;
  ADMIN_FAILURE_LIMITER: RateLimit;
  ADMIN_LIMITER: RateLimit;
  /** Read through `environmentOf`, never directly: an unset value must mean production. */
  ENVIRONMENT?: string;
  /** The D1 primary's region, where order and stock objects are created: see `d1Region`. */
  D1_REGION?: string;
  /** Comma-separated retry delays in seconds; the default is 10 s … hourly for a day. */
  WEBHOOK_RETRY_SCHEDULE?: string;
  /** Milliseconds a receiver has to answer; default 10000 (the guide's 10 s). */
  WEBHOOK_TIMEOUT_MS?: string;
  /** Hours of nothing but failures before an endpoint is disabled; default 72. */
  WEBHOOK_DISABLE_AFTER_HOURS?: string;
  /** Days events and webhook deliveries stay in D1 before the archive takes them; default 30. */
  RETENTION_DAYS?: string;
  ADMIN_TOKEN: string;
  /** Signs and encrypts the console's session cookie; required outside development. */
  CONSOLE_SESSION_SECRET?: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    meter: Meter;
    /**
     * The database this request's data lives in: the tenant's shard for a tenant key, the
     * control database otherwise. Its consistency token names a state of this one.
     */
    home: { name: string; d1: D1Database };
    /** `home`, through drizzle: its primary, or a session for a read (`consistentReads`). */
    db: Db;
    principal: Principal;
  };
}

type WorkerEnv = Env;

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {}
  }
}
