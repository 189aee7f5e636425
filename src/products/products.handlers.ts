import type { z } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import { isUniqueViolation } from "../db/errors";
import { feedRows, feedStamp } from "../db/feed";
import { products } from "../db/schema";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { newId } from "../lib/ids";
import type * as routes from "./products.routes";
import type { UpdateProduct } from "./products.routes";

type Row = typeof products.$inferSelect;

export const renderProduct = (row: Row) => ({
  id: row.id,
  sku: row.sku,
  name: row.name,
  description: row.description,
  barcode: row.barcode,
  weight:
    row.weightValue !== null && row.weightUnit
      ? { value: row.weightValue, unit: row.weightUnit as "kg" }
      : null,
  dimensions:
    row.length !== null && row.width !== null && row.height !== null && row.dimensionUnit
      ? {
          length: row.length,
          width: row.width,
          height: row.height,
          unit: row.dimensionUnit as "cm",
        }
      : null,
  low_stock_threshold: row.lowStockThreshold,
  serial_tracked: row.serialTracked,
  lot_tracked: row.lotTracked,
  expiry_tracked: row.expiryTracked,
  min_shelf_life_days: row.minShelfLifeDays,
  version: String(row.version),
  created_at: row.createdAt,
  updated_at: row.updatedAt,
});

/** Maps the API's nested, nullable fields onto columns; absent keys stay absent. */
function columns(body: z.infer<typeof UpdateProduct>) {
  const out: Partial<typeof products.$inferInsert> = {};
  if (body.name !== undefined) out.name = body.name;
  if (body.description !== undefined) out.description = body.description;
  if (body.barcode !== undefined) out.barcode = body.barcode;
  if (body.weight !== undefined) {
    out.weightValue = body.weight?.value ?? null;
    out.weightUnit = body.weight?.unit ?? null;
  }
  if (body.low_stock_threshold !== undefined) out.lowStockThreshold = body.low_stock_threshold;
  if (body.serial_tracked !== undefined) out.serialTracked = body.serial_tracked;
  if (body.lot_tracked !== undefined) out.lotTracked = body.lot_tracked;
  if (body.expiry_tracked !== undefined) out.expiryTracked = body.expiry_tracked;
  // An expiry is a lot's: tracking one tracks the other.
  if (body.expiry_tracked === true) out.lotTracked = true;
  if (body.lot_tracked === false) out.expiryTracked = false;
  if (body.min_shelf_life_days !== undefined) out.minShelfLifeDays = body.min_shelf_life_days;
  if (body.dimensions !== undefined) {
    out.length = body.dimensions?.length ?? null;
    out.width = body.dimensions?.width ?? null;
    out.height = body.dimensions?.height ?? null;
    out.dimensionUnit = body.dimensions?.unit ?? null;
  }
  return out;
}

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const tenantId = tenantOf(c);
  const body = c.req.valid("json");
  const stamp = feedStamp("products", tenantId);
  try {
    const [row] = await c.var.db
      .insert(products)
      .values({
        ...columns(body),
        name: body.name,
        id: newId("prd", tenantId),
        tenantId,
        sku: body.sku,
        changeSeq: stamp.changeSeq,
        updatedAt: stamp.updatedAt,
        createdAt: stamp.updatedAt,
      })
      .returning();
    return c.json(renderProduct(row as Row), 201);
  } catch (err) {
    if (isUniqueViolation(err, "sku")) {
      throw refused("duplicate_sku", { field: "sku", sku: body.sku });
    }
    throw err;
  }
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const feed = await feedRows(
    c.var.db,
    products,
    tenantId,
    [query.sku ? eq(products.sku, query.sku) : undefined],
    { updatedSince: query.updated_since, cursor: query.cursor, limit: query.limit },
  );
  return c.json(
    page(feed.rows, query.limit, renderProduct, feed.positionOf, await consistencyToken(c)),
    200,
  );
};

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const tenantId = tenantOf(c);
  const { sku } = c.req.valid("param");
  const row = await c.var.db.query.products.findFirst({
    where: and(eq(products.tenantId, tenantId), eq(products.sku, sku)),
  });
  if (!row) throw refused("not_found", { resource: "product", id: sku });
  return c.json(renderProduct(row), 200);
};

export const update: AppRouteHandler<typeof routes.update> = async (c) => {
  const tenantId = tenantOf(c);
  const { sku } = c.req.valid("param");
  const changes = columns(c.req.valid("json"));
  const where = and(eq(products.tenantId, tenantId), eq(products.sku, sku));
  if (Object.keys(changes).length === 0) {
    const row = await c.var.db.query.products.findFirst({ where });
    if (!row) throw refused("not_found", { resource: "product", id: sku });
    return c.json(renderProduct(row), 200);
  }
  const stamp = feedStamp("products", tenantId);
  const [row] = await c.var.db
    .update(products)
    .set({
      ...changes,
      version: sql`${products.version} + 1`,
      changeSeq: stamp.changeSeq,
      updatedAt: stamp.updatedAt,
    })
    .where(where)
    .returning();
  if (!row) throw refused("not_found", { resource: "product", id: sku });
  return c.json(renderProduct(row), 200);
};
