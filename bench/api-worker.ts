import { shards } from "../src/db/shards";
import { stockObject } from "../src/durable/stubs";
import api from "../src/index";
import { statementListeners } from "../src/lib/metering";
import type { WebhookMessage } from "../src/webhooks/webhooks.delivery-key";

export { JanitorObject, OrderObject, RateLimiter, StockObject, StockWriter } from "../src/index";

/**
 * The deploy bundle's Worker plus two routes for the bench. GET /bench/statements answers how
 * many D1 statements each database (by binding: DB, SHARD_0, …) has been sent since the
 * isolate started, as src/lib/metering.ts sees them (the Worker's, its Durable Objects',
 * waitUntil work and queue consumers'; they share this one isolate under workerd). The bench
 * diffs two readings around a request to count the shards it touched. POST
 * /bench/publish-stock publishes every stock row's owed publication now (of `?tenant=` only,
 * if named), as each object's alarm would a second later: what a change stores is then
 * measured alone, and no alarm fires inside a window that counts statements.
 */
const statements: Record<string, number> = {};
statementListeners.add((ran) => {
  statements[ran.database] = (statements[ran.database] ?? 0) + 1;
});

async function publishStock(env: Env, tenantId: string | null) {
  const rows = await Promise.all(
    shards(env).map(async ({ d1 }) => {
      const { results } = await d1
        .prepare(
          "SELECT tenant_id, warehouse_id, sku FROM inventory WHERE ?1 IS NULL OR tenant_id = ?1",
        )
        .bind(tenantId)
        .all<{ tenant_id: string; warehouse_id: string; sku: string }>();
      return results;
    }),
  );
  await Promise.all(
    rows.flat().map((r) =>
      stockObject(env, {
        tenantId: r.tenant_id,
        warehouseId: r.warehouse_id,
        sku: r.sku,
      }).publish(),
    ),
  );
  return new Response(null, { status: 204 });
}

export default {
  ...api,
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/bench/statements") return Response.json(statements);
    if (url.pathname === "/bench/publish-stock" && request.method === "POST") {
      return publishStock(env, url.searchParams.get("tenant"));
    }
    return api.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env, WebhookMessage>;
