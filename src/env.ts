import type { Principal } from "./api-keys/api-keys.service";
import type { RateLimiter } from "./api-keys/rate-limiter";
import type { Db } from "./db/client";
import type { StockObject } from "./inventory/stock-object";
import type { OrderObject } from "./orders/order-object";

export type Environment = "development" | "sandbox" | "production";

export interface Env {
  DB: D1Database;
  KV: KVNamespace;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  ORDERS: DurableObjectNamespace<OrderObject>;
  STOCK: DurableObjectNamespace<StockObject>;
  ENVIRONMENT: Environment;
  ADMIN_TOKEN: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
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
