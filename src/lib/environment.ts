/*
 * The deploy's configuration beyond its bindings. Bindings and the vars wrangler.toml sets are
 * typed in src/env.d.ts, which `npm run cf-typegen` generates from wrangler.toml; below are
 * the secrets (`wrangler secret put`, locally .dev.vars) and the optional vars a deploy may
 * add, each with the default its reader states.
 */

declare global {
  namespace Cloudflare {
    interface Env {
      /** The operator's bearer token for /admin/v1; without it the admin API answers 503. */
      ADMIN_TOKEN: string;
      /** Signs and encrypts the console's session cookie; required outside development. */
      CONSOLE_SESSION_SECRET?: string;
      /** Comma-separated retry delays in seconds; the default is 10 s … hourly for a day. */
      WEBHOOK_RETRY_SCHEDULE?: string;
      /** Seconds a frozen tenant's webhook message waits before it is tried again; default 60. */
      WEBHOOK_FROZEN_DELAY_SECONDS?: string;
      /** Milliseconds a receiver has to answer; default 10000 (the guide's 10 s). */
      WEBHOOK_TIMEOUT_MS?: string;
      /** The DoH JSON endpoint that resolves webhook hosts; default https://cloudflare-dns.com/dns-query. */
      WEBHOOK_DOH_URL?: string;
      /** Hours of nothing but failures before an endpoint is disabled; default 72. */
      WEBHOOK_DISABLE_AFTER_HOURS?: string;
      /** Days events and webhook deliveries stay in D1 before the archive takes them; default 30. */
      RETENTION_DAYS?: string;
      /**
       * Milliseconds from a commit that moved a SKU's stock to its publication (feed position
       * and `inventory.updated`); default 1000.
       */
      STOCK_PUBLISH_AFTER_MS?: string;
    }
  }
}

export const ENVIRONMENTS = ["development", "sandbox", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * The rules this deploy runs under. Anything but an explicit "development" or "sandbox"
 * (unset, misspelt) gets production's: live keys only, no tenant floor access, no
 * simulator. A deploy that forgets its ENVIRONMENT fails safe, never open.
 */
export const environmentOf = (env: { ENVIRONMENT?: string }): Environment =>
  env.ENVIRONMENT === "development" || env.ENVIRONMENT === "sandbox"
    ? env.ENVIRONMENT
    : "production";
