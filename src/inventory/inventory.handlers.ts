import { and, eq, sql } from "drizzle-orm";
import { feedPage, feedRows } from "../db/feed";
import { inventoryAdjustments, inventoryConditionMoves, inventorySkus } from "../db/schema";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { renderAdjustment, renderConditionMove, renderSkuInventory } from "./inventory.render";
import type * as routes from "./inventory.routes";
import { type StoredSkuSnapshot, skuSnapshot, skuSnapshotOf } from "./inventory.snapshot";

// Drizzle leaves columns unqualified in single-table queries; inside a correlated
// subquery that would silently bind to the inner table, so name the outer row in full.
const OUTER_TENANT = sql`"inventory_skus"."tenant_id"`;
const OUTER_SKU = sql`"inventory_skus"."sku"`;

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const feed = await feedPage(c.var.db, "inventory_skus", tenantId, inventorySkus, {
    updatedSince: query.updated_since,
    cursor: query.cursor,
    limit: query.limit,
    order: query.order,
  });
  const rows = await c.var.db
    .select({
      updatedAt: inventorySkus.updatedAt,
      changeSeq: inventorySkus.changeSeq,
      json: skuSnapshot(OUTER_TENANT, OUTER_SKU, query.warehouse_id, {
        withLots: query.by === "lot",
      }),
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
    page(
      rows,
      query.limit,
      (r) => renderSkuInventory(skuSnapshotOf(JSON.parse(r.json as string) as StoredSkuSnapshot)),
      feed.positionOf,
      await consistencyToken(c),
    ),
    200,
  );
};

export const listAdjustments: AppRouteHandler<typeof routes.listAdjustments> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const feed = await feedRows(
    c.var.db,
    inventoryAdjustments,
    tenantId,
    [
      query.sku ? eq(inventoryAdjustments.sku, query.sku) : undefined,
      query.warehouse_id ? eq(inventoryAdjustments.warehouseId, query.warehouse_id) : undefined,
    ],
    { updatedSince: query.updated_since, cursor: query.cursor, limit: query.limit },
  );
  return c.json(
    page(feed.rows, query.limit, renderAdjustment, feed.positionOf, await consistencyToken(c)),
    200,
  );
};

export const listConditionMoves: AppRouteHandler<typeof routes.listConditionMoves> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const feed = await feedRows(
    c.var.db,
    inventoryConditionMoves,
    tenantId,
    [
      query.sku ? eq(inventoryConditionMoves.sku, query.sku) : undefined,
      query.warehouse_id ? eq(inventoryConditionMoves.warehouseId, query.warehouse_id) : undefined,
    ],
    { updatedSince: query.updated_since, cursor: query.cursor, limit: query.limit },
  );
  return c.json(
    page(feed.rows, query.limit, renderConditionMove, feed.positionOf, await consistencyToken(c)),
    200,
  );
};
