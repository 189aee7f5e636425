import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { feedPage, feedRows } from "../db/feed";
import { inventoryAdjustments, inventorySkus, products, tenants, warehouses } from "../db/schema";
import type { AppEnv } from "../env";
import { tenantOf } from "../http/auth";
import { ApiError, validationError } from "../http/errors";
import { page } from "../http/pagination";
import { skuInventoryJson } from "./inventory.render";
import type * as routes from "./inventory.routes";
import { type AdjustmentReason, stockName } from "./stock-object";

// Drizzle leaves columns unqualified in single-table queries; inside a correlated
// subquery that would silently bind to the inner table, so name the outer row in full.
const OUTER_TENANT = sql`"inventory_skus"."tenant_id"`;
const OUTER_SKU = sql`"inventory_skus"."sku"`;

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const feed = await feedPage(c.var.db, "inventory_skus", inventorySkus, {
    updatedSince: query.updated_since,
    cursor: query.cursor,
    limit: query.limit,
  });
  const rows = await c.var.db
    .select({
      updatedAt: inventorySkus.updatedAt,
      changeSeq: inventorySkus.changeSeq,
      json: skuInventoryJson(OUTER_TENANT, OUTER_SKU, query.warehouse_id),
    })
    .from(inventorySkus)
    .where(
      and(
        eq(inventorySkus.tenantId, tenantId),
        query.sku ? eq(inventorySkus.sku, query.sku) : undefined,
        query.warehouse_id
          ? sql`EXISTS (SELECT 1 FROM inventory i WHERE i.tenant_id = ${OUTER_TENANT} AND i.sku = ${OUTER_SKU} AND i.warehouse_id = ${query.warehouse_id})`
          : undefined,
        feed.where,
      ),
    )
    .orderBy(...feed.orderBy)
    .limit(feed.limit);
  return c.json(
    page(rows, query.limit, (r) => JSON.parse(r.json as string), feed.positionOf),
    200,
  );
};

export const listAdjustments: RouteHandler<typeof routes.listAdjustments, AppEnv> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const feed = await feedRows(
    c.var.db,
    inventoryAdjustments,
    [
      eq(inventoryAdjustments.tenantId, tenantId),
      query.sku ? eq(inventoryAdjustments.sku, query.sku) : undefined,
      query.warehouse_id ? eq(inventoryAdjustments.warehouseId, query.warehouse_id) : undefined,
    ],
    { updatedSince: query.updated_since, cursor: query.cursor, limit: query.limit },
  );
  const render = (r: typeof inventoryAdjustments.$inferSelect) => ({
    id: r.id,
    sku: r.sku,
    warehouse_id: r.warehouseId,
    quantity_delta: r.quantityDelta,
    reason: r.reason as AdjustmentReason,
    note: r.note,
    adjusted_at: r.adjustedAt,
  });
  return c.json(page(feed.rows, query.limit, render, feed.positionOf), 200);
};

export const adjust: RouteHandler<typeof routes.adjust, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  const tenantId = c.var.principal.tenantId ?? body.tenant_id;
  if (!tenantId) {
    throw validationError("tenant_id", "tenant_id is required with a platform key.");
  }
  if (!c.var.principal.tenantId) {
    const tenant = await c.var.db.query.tenants.findFirst({ where: eq(tenants.id, tenantId) });
    if (!tenant)
      throw validationError(
        "tenant_id",
        `tenant_id '${tenantId}' is not a known tenant.`,
        "unknown_tenant",
      );
  }
  const [warehouse, product] = await c.var.db.batch([
    c.var.db
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(eq(warehouses.id, body.warehouse_id)),
    c.var.db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.tenantId, tenantId), eq(products.sku, body.sku))),
  ]);
  if (warehouse.length === 0) {
    throw validationError(
      "warehouse_id",
      `warehouse_id '${body.warehouse_id}' is not a known warehouse.`,
      "invalid_warehouse",
    );
  }
  if (product.length === 0) {
    throw validationError("sku", `sku '${body.sku}' is not in the catalog.`, "unknown_sku");
  }
  const key = { tenantId, warehouseId: body.warehouse_id, sku: body.sku };
  const result = await c.env.STOCK.getByName(stockName(key)).adjust(key, {
    delta: body.quantity_delta,
    reason: body.reason,
    note: body.note ?? null,
    actor: c.var.principal.keyId,
  });
  if (!result.ok) {
    throw new ApiError(
      409,
      "insufficient_stock",
      result.onHand + body.quantity_delta < 0
        ? `Only ${result.onHand} on hand; a delta of ${body.quantity_delta} would go below zero.`
        : `${result.allocated} of the ${result.onHand} on hand are allocated to open orders; amend or cancel them before removing more than ${result.onHand - result.allocated}.`,
      { field: "quantity_delta", on_hand: result.onHand, allocated: result.allocated },
    );
  }
  return c.json(result.adjustment, 201);
};
