import { createApp } from "./app";
import { database } from "./db/client";
import { purgeExpiredClaims } from "./db/idempotency";
import type { Env } from "./env";
import { consumeDeadLetters, consumeWebhooks } from "./webhooks/delivery";
import { sweep, type WebhookMessage } from "./webhooks/dispatch";

export { RateLimiter } from "./api-keys/rate-limiter";
export { StockObject } from "./inventory/stock-object";
export { OrderObject } from "./orders/order-object";

const app = createApp();
const PURGE_BATCH = 500;
const PURGE_ROUNDS = 20;

export default {
  fetch: app.fetch,
  /** Dead-letter queues are named `…-dlq`; everything else is a delivery attempt. */
  queue: (batch, env) =>
    batch.queue.endsWith("-dlq") ? consumeDeadLetters(batch, env) : consumeWebhooks(batch, env),
  /**
   * Every minute: relay any committed event not yet handed to the queue, and forget
   * expired idempotency claims a bounded batch at a time.
   */
  scheduled: async (_controller, env) => {
    const db = database(env.DB);
    await sweep(env, db);
    for (let round = 0; round < PURGE_ROUNDS; round++) {
      if ((await purgeExpiredClaims(db, PURGE_BATCH)) < PURGE_BATCH) break;
    }
  },
} satisfies ExportedHandler<Env, WebhookMessage>;
