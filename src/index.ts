import { createApp } from "./app";
import { database } from "./db/client";
import type { Env } from "./env";
import { consumeDeadLetters, consumeWebhooks } from "./webhooks/delivery";
import { sweep, type WebhookMessage } from "./webhooks/dispatch";
import { clearExpiredSecrets } from "./webhooks/secrets";

export { RateLimiter } from "./api-keys/rate-limiter";
export { StockObject } from "./inventory/stock-object";
export { OrderObject } from "./orders/order-object";

const app = createApp();

export default {
  fetch: app.fetch,
  /** Dead-letter queues are named `…-dlq`; everything else is a delivery attempt. */
  queue: (batch, env) =>
    batch.queue.endsWith("-dlq") ? consumeDeadLetters(batch, env) : consumeWebhooks(batch, env),
  /**
   * The outbox sweep (any committed event not yet handed to the queue is relayed now) and
   * the end of rotated secrets' overlap. Both start, so one failing never stops the other.
   */
  scheduled: async (_controller, env) => {
    const db = database(env.DB);
    await Promise.all([sweep(env, db), clearExpiredSecrets(db)]);
  },
} satisfies ExportedHandler<Env, WebhookMessage>;
