import api from "../src/index";
import { statementListeners } from "../src/lib/metering";
import type { WebhookMessage } from "../src/webhooks/delivery";

export { JanitorObject, OrderObject, RateLimiter, StockObject } from "../src/index";

/**
 * The deploy bundle's Worker plus one route for the bench: GET /bench/statements answers how
 * many D1 statements each database (by binding: DB, SHARD_0, …) has been sent since the
 * isolate started, as src/lib/metering.ts sees them (the Worker's, its Durable Objects',
 * waitUntil work and queue consumers'; they share this one isolate under workerd). The bench
 * diffs two readings around a request to count the shards it touched.
 */
const statements: Record<string, number> = {};
statementListeners.add((ran) => {
  statements[ran.database] = (statements[ran.database] ?? 0) + 1;
});

export default {
  ...api,
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname !== "/bench/statements") return api.fetch(request, env, ctx);
    return Response.json(statements);
  },
} satisfies ExportedHandler<Env, WebhookMessage>;
