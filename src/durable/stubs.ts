import type { Env } from "../env";
import { type StockKey, stockName } from "../inventory/stock-store";

/*
 * The one place that names Durable Objects. An object reads its identity back from its
 * name (`ctx.id.name`), so callers never pass the ids it guards.
 */

export const orderObjectName = (tenantId: string, orderId: string) => `${tenantId}/${orderId}`;

export function parseOrderObjectName(name: string): { tenantId: string; orderId: string } {
  const [tenantId, orderId] = name.split("/");
  if (!tenantId || !orderId) throw new Error(`bad order object name '${name}'`);
  return { tenantId, orderId };
}

export const orderObject = (env: Env, tenantId: string, orderId: string) =>
  env.ORDERS.getByName(orderObjectName(tenantId, orderId));

export const stockObject = (env: Env, key: StockKey) => env.STOCK.getByName(stockName(key));
