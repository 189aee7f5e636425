import api from "../src/index";
import { handOut } from "../src/janitor";
import { Meter } from "../src/lib/metering";
import type { WebhookMessage } from "../src/webhooks/webhooks.delivery-key";

export { JanitorObject, OrderObject, RateLimiter, StockObject, StockWriter } from "../src/index";

/**
 * The deploy bundle's Worker plus one route for bench/cron.mjs: GET /bench/cron makes one
 * scheduled run as src/index.ts `scheduled` does (handOut) and answers the D1 statements the
 * handler made itself and each unit of work it handed out, as src/lib/metering.ts counts them.
 */
export default {
  ...api,
  async fetch(request, env, ctx) {
    if (new URL(request.url).pathname !== "/bench/cron") return api.fetch(request, env, ctx);
    const meter = new Meter();
    const units = await handOut(meter.env(env));
    return Response.json({ handler: meter.cost.d1.statements, units });
  },
} satisfies ExportedHandler<Env, WebhookMessage>;
