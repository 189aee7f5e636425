import type { RouteHandler } from "@hono/zod-openapi";
import { asc, gt } from "drizzle-orm";
import { isUniqueViolation } from "../db/errors";
import { shippingMethods } from "../db/schema";
import type { AppEnv } from "../env";
import { conflict } from "../http/errors";
import { decodeCursor, IdCursor, page } from "../http/pagination";
import type { adminCreate, list } from "./shipping-methods.routes";

export const renderShippingMethod = (row: typeof shippingMethods.$inferSelect) => ({
  id: row.id,
  name: row.name,
  carrier: row.carrier,
  carrier_name: row.carrierName,
  service_code: row.serviceCode,
  created_at: row.createdAt,
});

export const listShippingMethods: RouteHandler<typeof list, AppEnv> = async (c) => {
  const { limit, cursor } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, IdCursor).id : undefined;
  const rows = await c.var.db
    .select()
    .from(shippingMethods)
    .where(after ? gt(shippingMethods.id, after) : undefined)
    .orderBy(asc(shippingMethods.id))
    .limit(limit + 1);
  return c.json(
    page(rows, limit, renderShippingMethod, (r) => ({ id: r.id })),
    200,
  );
};

export const createShippingMethod: RouteHandler<typeof adminCreate, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  try {
    const [row] = await c.var.db
      .insert(shippingMethods)
      .values({
        id: body.id,
        name: body.name,
        carrier: body.carrier,
        carrierName: body.carrier_name ?? null,
        serviceCode: body.service_code,
      })
      .returning();
    return c.json(renderShippingMethod(row as typeof shippingMethods.$inferSelect), 201);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict(
        "duplicate_shipping_method",
        `A shipping method with id '${body.id}' already exists.`,
        { field: "id" },
      );
    }
    throw err;
  }
};
