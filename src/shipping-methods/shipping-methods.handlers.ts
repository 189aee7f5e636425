import { eq } from "drizzle-orm";
import { isUniqueViolation } from "../db/errors";
import { stampFeed } from "../db/feed";
import { replicate } from "../db/replicas";
import { shippingMethods } from "../db/schema";
import { NOW } from "../db/sql";
import { refused } from "../domain/refusals";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import type { adminCreate, adminUpdate, list } from "./shipping-methods.routes";

export const renderShippingMethod = (row: typeof shippingMethods.$inferSelect) => ({
  id: row.id,
  name: row.name,
  carrier: row.carrier,
  carrier_name: row.carrierName,
  service_code: row.serviceCode,
  aliases: row.aliases,
  created_at: row.createdAt,
  updated_at: row.updatedAt,
});

export const listShippingMethods: AppRouteHandler<typeof list> = async (c) => {
  const { updated_since, cursor, limit } = c.req.valid("query");
  const feed = await stampFeed(c.var.db, shippingMethods, [], {
    updatedSince: updated_since,
    cursor,
    limit,
  });
  return c.json(
    page(feed.rows, limit, renderShippingMethod, feed.positionOf, await consistencyToken(c)),
    200,
  );
};

export const createShippingMethod: AppRouteHandler<typeof adminCreate> = async (c) => {
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
        aliases: body.aliases ?? [],
      })
      .returning();
    await replicate(c.env, "shipping_methods", [body.id]);
    return c.json(renderShippingMethod(row as typeof shippingMethods.$inferSelect), 201);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw refused("duplicate_shipping_method", { field: "id", id: body.id });
    }
    throw err;
  }
};

export const updateShippingMethod: AppRouteHandler<typeof adminUpdate> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const [row] = await c.var.db
    .update(shippingMethods)
    .set({
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.carrier_name !== undefined ? { carrierName: body.carrier_name } : {}),
      ...(body.service_code !== undefined ? { serviceCode: body.service_code } : {}),
      ...(body.aliases !== undefined ? { aliases: body.aliases } : {}),
      updatedAt: NOW,
    })
    .where(eq(shippingMethods.id, id))
    .returning();
  if (!row) throw refused("not_found", { resource: "shipping method", id: id });
  await replicate(c.env, "shipping_methods", [id]);
  return c.json(renderShippingMethod(row), 200);
};
