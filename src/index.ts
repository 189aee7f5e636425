import { consoleSessions } from "./api-keys/api-keys.sessions";
import { createApp } from "./app";
import { consoleApp } from "./console/console.index";
import { handOut } from "./janitor";
import { consumeDeadLetters, consumeWebhooks } from "./webhooks/delivery";
import type { WebhookMessage } from "./webhooks/webhooks.delivery-key";

export { RateLimiter } from "./http/rate-limiter";
export { StockObject } from "./inventory/stock-object";
export { StockWriter } from "./inventory/stock-writer";
export { JanitorObject } from "./janitor";
export { OrderObject } from "./orders/order-object";

const app = createApp();
// The console has its own session sign-in, so it sits outside /v1's key authentication, and
// reaches the API as a client, through this app's own fetch; its sessions are recorded with
// their keys, so sign-out and revocation end them.
app.route("/console", consoleApp(app.fetch, consoleSessions));

export default {
  fetch: app.fetch,
  /** Dead-letter queues are named `…-dlq`; everything else is a delivery attempt. */
  queue: (batch, env) =>
    batch.queue.endsWith("-dlq") ? consumeDeadLetters(batch, env) : consumeWebhooks(batch, env),
  /**
   * Every minute, one bounded unit of background work per shard and one for the control
   * database, each handed to that database's janitor object (src/janitor.ts), which runs it
   * in an invocation of its own; this handler makes no D1 query, so its work grows with the
   * shards only by one call each. On a shard: relay any committed event not yet handed to the
   * queue, end rotated secrets' overlap, move what is past retention (events, settled
   * deliveries, expired idempotency claims) to the R2 archive, put restocked receipts' and
   * returns' units on the shelf where a crash stopped them, and mend the shard's copy of the
   * control rows; never a frozen tenant's rows. On the control database: archive platform
   * keys' expired claims. Each job starts whatever the others do, one failing never stops the
   * rest, and each unit logs its failures as one line.
   */
  scheduled: async (_controller, env) => {
    await handOut(env);
  },
} satisfies ExportedHandler<Env, WebhookMessage>;
