/*
 * The one place that names Durable Objects. An object reads its identity back from its
 * name (`ctx.id.name`), so callers never pass the ids it guards.
 *
 * Order, stock and janitor objects do their work in D1, several round trips per command or
 * unit, so they are created in the region of the database's primary rather than near
 * whoever first called them. A hint counts only when an object is created: one already
 * living elsewhere stays there.
 */

/**
 * The regions D1 can put a primary in (`wrangler d1 create --location`), each also a
 * Durable Object location hint. D1_REGION names the primary's region, so the Durable
 * Object hints D1 cannot hold a primary in (sam, afr, me) are refused with the rest.
 */
export const D1_REGIONS = [
  "wnam",
  "enam",
  "weur",
  "eeur",
  "apac",
  "oc",
] as const satisfies readonly DurableObjectLocationHint[];

export type D1Region = (typeof D1_REGIONS)[number];

/** The configured primary region; a deploy without a valid one fails on its first object call. */
export function d1Region(env: { D1_REGION?: string }): D1Region {
  const region = D1_REGIONS.find((r) => r === env.D1_REGION);
  if (region) return region;
  const got = env.D1_REGION === undefined ? "is not set" : `is '${env.D1_REGION}'`;
  throw new Error(
    `D1_REGION ${got}: set it in wrangler.toml [vars] to the region of the D1 primary, one of ${D1_REGIONS.join(", ")}.`,
  );
}

/** One stock row: a tenant's SKU in one warehouse. */
export interface StockKey {
  tenantId: string;
  warehouseId: string;
  sku: string;
}

/**
 * A stock object's name. Tenant and warehouse ids never contain '/', and the SKU is
 * percent-encoded, so two different rows can never share a name whatever their SKUs hold.
 */
export const stockName = (key: StockKey) =>
  `${key.tenantId}/${key.warehouseId}/${encodeURIComponent(key.sku)}`;

export function parseStockName(name: string): StockKey {
  const [tenantId, warehouseId, sku] = name.split("/");
  if (!tenantId || !warehouseId || sku === undefined) throw new Error(`bad stock name '${name}'`);
  return { tenantId, warehouseId, sku: decodeURIComponent(sku) };
}

/** A stock writer's name: one per tenant × warehouse, whose stock objects commit through it. */
export const stockWriterName = (key: Omit<StockKey, "sku">) => `${key.tenantId}/${key.warehouseId}`;

export function parseStockWriterName(name: string): Omit<StockKey, "sku"> {
  const [tenantId, warehouseId] = name.split("/");
  if (!tenantId || !warehouseId) throw new Error(`bad stock writer name '${name}'`);
  return { tenantId, warehouseId };
}

export const orderObjectName = (tenantId: string, orderId: string) => `${tenantId}/${orderId}`;

export function parseOrderObjectName(name: string): { tenantId: string; orderId: string } {
  const [tenantId, orderId] = name.split("/");
  if (!tenantId || !orderId) throw new Error(`bad order object name '${name}'`);
  return { tenantId, orderId };
}

// D1_REGION may be missing from a deploy's vars: `d1Region` then says what to set.
type Namespaces = Pick<Env, "ORDERS" | "STOCK"> & { D1_REGION?: string };

export const orderObject = (env: Namespaces, tenantId: string, orderId: string) =>
  env.ORDERS.getByName(orderObjectName(tenantId, orderId), { locationHint: d1Region(env) });

export const stockObject = (env: Namespaces, key: StockKey) =>
  env.STOCK.getByName(stockName(key), { locationHint: d1Region(env) });

export const stockWriter = (
  env: Pick<Env, "STOCK_WRITERS"> & { D1_REGION?: string },
  key: Omit<StockKey, "sku">,
) => env.STOCK_WRITERS.getByName(stockWriterName(key), { locationHint: d1Region(env) });

/** A database's janitor (src/janitor.ts), named by its binding: a shard's, or DB for the control database. */
export const janitorObject = (
  env: Pick<Env, "JANITORS"> & { D1_REGION?: string },
  binding: string,
) => env.JANITORS.getByName(binding, { locationHint: d1Region(env) });
