import type { RouteHandler } from "@hono/zod-openapi";
import { asc, gt } from "drizzle-orm";
import { isUniqueViolation } from "../db/errors";
import { warehouses } from "../db/schema";
import type { AppEnv } from "../env";
import { conflict } from "../http/errors";
import { decodeCursor, IdCursor, page } from "../http/pagination";
import type { adminCreate, list } from "./warehouses.routes";

const render = (row: typeof warehouses.$inferSelect) => ({
  id: row.id,
  name: row.name,
  code: row.code,
  address: row.address,
  created_at: row.createdAt,
});

export const listWarehouses: RouteHandler<typeof list, AppEnv> = async (c) => {
  const { limit, cursor } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, IdCursor).id : undefined;
  const rows = await c.var.db
    .select()
    .from(warehouses)
    .where(after ? gt(warehouses.id, after) : undefined)
    .orderBy(asc(warehouses.id))
    .limit(limit + 1);
  return c.json(
    page(rows, limit, render, (r) => ({ id: r.id })),
    200,
  );
};

export const createWarehouse: RouteHandler<typeof adminCreate, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  try {
    const [row] = await c.var.db.insert(warehouses).values(body).returning();
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
