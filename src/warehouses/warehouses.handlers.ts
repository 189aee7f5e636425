import type { RouteHandler } from "@hono/zod-openapi";
import { isUniqueViolation } from "../db/errors";
import { stampFeed } from "../db/feed";
import { replicate } from "../db/replicas";
import { warehouses } from "../db/schema";
import type { AppEnv } from "../env";
import { consistencyToken } from "../http/consistency";
import { conflict } from "../http/errors";
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

export const listWarehouses: RouteHandler<typeof list, AppEnv> = async (c) => {
  const { updated_since, cursor, limit } = c.req.valid("query");
  const feed = await stampFeed(c.var.db, warehouses, [], {
    updatedSince: updated_since,
    cursor,
    limit,
  });
  return c.json(page(feed.rows, limit, render, feed.positionOf, await consistencyToken(c)), 200);
};

export const createWarehouse: RouteHandler<typeof adminCreate, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  try {
    const [row] = await c.var.db.insert(warehouses).values(body).returning();
    await replicate(c.env, "warehouses", [body.id]);
    return c.json(render(row as typeof warehouses.$inferSelect), 201);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict("duplicate_warehouse", `A warehouse with id '${body.id}' already exists.`, {
        field: "id",
      });
    }
    throw err;
  }
};
