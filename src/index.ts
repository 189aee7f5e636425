import { createApp } from "./app";
import { consoleApp } from "./console/console.index";
import { database } from "./db/client";
import { mendReplicas } from "./db/replicas";
import { shards } from "./db/shards";
import { applyStrandedReceipts } from "./inbound/inbound.commands";
import { archiveExpired } from "./retention/archive";
import { finishReturnStock } from "./returns/return-stock";
import { consumeDeadLetters, consumeWebhooks, type WebhookMessage } from "./webhooks/delivery";
import { clearExpiredSecrets } from "./webhooks/secrets";
import { sweep } from "./webhooks/webhooks.sweep";

export { RateLimiter } from "./http/rate-limiter";
export { StockObject } from "./inventory/stock-object";
export { OrderObject } from "./orders/order-object";

const app = createApp();
// The console has its own session sign-in, so it sits outside /v1's key authentication, and
// reaches the API as a client, through this app's own fetch.
app.route("/console", consoleApp(app.fetch));

export default {
  fetch: app.fetch,
  /** Dead-letter queues are named `…-dlq`; everything else is a delivery attempt. */
  queue: (batch, env) =>
    batch.queue.endsWith("-dlq") ? consumeDeadLetters(batch, env) : consumeWebhooks(batch, env),
  /**
   * Every minute, on each shard: relay any committed event not yet handed to the queue, end
   * rotated secrets' overlap, move what is past retention (events, settled deliveries,
   * expired idempotency claims) to the R2 archive and put restocked returns' units on the
   * shelf where a crash stopped them. On the control database: archive platform keys'
   * expired claims, and mend any shard's copy of the reference data. Each job starts
   * whatever the others do, so one failing never stops the rest.
   */
  scheduled: async (_controller, env) => {
    const jobs = await Promise.allSettled([
      archiveExpired(env, database(env.DB), Date.now(), { claimsOnly: true }),
      mendReplicas(env),
      ...shards(env).flatMap(({ d1 }) => {
        const db = database(d1);
        return [
          sweep(env, db),
          clearExpiredSecrets(db),
          archiveExpired(env, db),
          applyStrandedReceipts(env, db),
          finishReturnStock(env, db),
        ];
      }),
    ]);
    const failed = jobs.filter((j) => j.status === "rejected");
    if (failed.length > 0)
      throw new AggregateError(
        failed.map((j) => (j as PromiseRejectedResult).reason),
        "cron jobs failed",
      );
  },
} satisfies ExportedHandler<Env, WebhookMessage>;
