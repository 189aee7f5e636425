import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { and, asc, eq, gt } from "drizzle-orm";
import { events } from "../db/schema";
import type { AppEnv } from "../env";
import { tenantOf } from "../http/auth";
import { decodeCursor, page } from "../http/pagination";
import type * as routes from "./events.routes";
import type { EventType } from "./events.service";

const SeqCursor = z.object({ seq: z.number().int() });

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const tenantId = tenantOf(c);
  const { type, cursor, limit } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, SeqCursor).seq : undefined;
  const rows = await c.var.db
    .select()
    .from(events)
    .where(
      and(
        eq(events.tenantId, tenantId),
        type ? eq(events.type, type) : undefined,
        after !== undefined ? gt(events.seq, after) : undefined,
      ),
    )
    .orderBy(asc(events.seq))
    .limit(limit + 1);
  const render = (row: typeof events.$inferSelect) => ({
    id: row.id,
    type: row.type as EventType,
    created_at: row.createdAt,
    data: row.data,
  });
  return c.json(
    page(rows, limit, render, (r) => ({ seq: r.seq })),
    200,
  );
};
