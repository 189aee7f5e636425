import { isUniqueViolation } from "../db/errors";
import { stampFeed } from "../db/feed";
import { replicate } from "../db/replicas";
import { warehouses } from "../db/schema";
import { refused } from "../domain/refusals";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import type { adminCreate, list } from "./warehouses.routes";

const render = (row: typeof warehouses.$inferSelect) => ({
  id: row.id,
  name: row.name,
  code: row.code,
  address: row.address,
  created_at: row.createdAt,
  updated_at: row.updatedAt,
});

export const listWarehouses: AppRouteHandler<typeof list> = async (c) => {
  const { updated_since, cursor, limit } = c.req.valid("query");
  const feed = await stampFeed(c.var.db, warehouses, [], {
    updatedSince: updated_since,
    cursor,
    limit,
  });
  return c.json(page(feed.rows, limit, render, feed.positionOf, await consistencyToken(c)), 200);
};

export const createWarehouse: AppRouteHandler<typeof adminCreate> = async (c) => {
  const body = c.req.valid("json");
  try {
    const [row] = await c.var.db.insert(warehouses).values(body).returning();
    await replicate(c.env, "warehouses", [body.id]);
    return c.json(render(row as typeof warehouses.$inferSelect), 201);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw refused("duplicate_warehouse", { field: "id", id: body.id });
    }
    throw err;
  }
};
