import { createApp } from "./app";
import type { Env } from "./env";

export { RateLimiter } from "./api-keys/rate-limiter";
export { StockObject } from "./inventory/stock-object";
export { OrderObject } from "./orders/order-object";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
