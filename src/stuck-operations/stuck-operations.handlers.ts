import { z } from "@hono/zod-openapi";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import { database } from "../db/client";
import { cursorPosition } from "../db/feed";
import { ownerOf } from "../db/routes";
import { stuckOperations } from "../db/schema";
import { d1Of, shards } from "../db/shards";
import { Refused, refused } from "../domain/refusals";
import { answered } from "../durable/answers";
import { orderObject } from "../durable/stubs";
import { consistencyToken } from "../http/consistency";
import type { AppEnv, AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { renderOrder } from "../orders/orders.render";
import type * as routes from "./stuck-operations.routes";

type Row = typeof stuckOperations.$inferSelect;
const Cursor = z.object({ p: z.string(), id: z.string() });

const render = (r: Row) => ({
  id: r.id,
  tenant_id: r.tenantId,
  order_id: r.orderId,
  operation: r.operation,
  command: r.command as Record<string, unknown>,
  attempts: r.attempts,
  last_error: r.lastError,
  status: r.status,
  resolution: r.resolution,
  parked_at: r.parkedAt,
  resolved_at: r.resolvedAt,
});

/**
 * Each shard's database: an order parks its operations in its tenant's shard. Only the
 * operator's fleet-wide list reads them all; one operation is found by its id's route.
 */
const shardDbs = (c: Context<AppEnv>) => shards(c.env).map(({ d1 }) => database(d1));

async function find(c: Context<AppEnv>, id: string): Promise<Row> {
  const owner = await ownerOf(c.env, "stuck_operations", id);
  const row =
    owner &&
    (await database(d1Of(c.env, owner.shard)).query.stuckOperations.findFirst({
      where: and(eq(stuckOperations.id, id), eq(stuckOperations.tenantId, owner.tenantId)),
    }));
  if (!row) throw refused("not_found", { resource: "stuck operation", id: id });
  return row;
}

const newestFirst = (a: Row, b: Row) =>
  b.parkedAt.localeCompare(a.parkedAt) || b.id.localeCompare(a.id);

async function parked(c: Context<AppEnv>, id: string): Promise<Row> {
  const row = await find(c, id);
  if (row.status !== "parked") {
    throw refused("not_parked", { status: row.status, operation_id: id });
  }
  return row;
}

/** Newest first across every shard: each shard's page after the cursor, merged. */
export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const { status, cursor, limit } = c.req.valid("query");
  const after = cursor ? cursorPosition(cursor, Cursor) : undefined;
  const pages = await Promise.all(
    shardDbs(c).map((db) =>
      db
        .select()
        .from(stuckOperations)
        .where(
          and(
            status ? eq(stuckOperations.status, status) : undefined,
            after
              ? sql`(${stuckOperations.parkedAt}, ${stuckOperations.id}) < (${after.p}, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(desc(stuckOperations.parkedAt), desc(stuckOperations.id))
        .limit(limit + 1),
    ),
  );
  const rows = pages
    .flat()
    .sort(newestFirst)
    .slice(0, limit + 1);
  return c.json(
    page(rows, limit, render, (r) => ({ p: r.parkedAt, id: r.id }), await consistencyToken(c)),
    200,
  );
};

export const get: AppRouteHandler<typeof routes.get> = async (c) =>
  c.json(render(await find(c, c.req.valid("param").id)), 200);

export const retry: AppRouteHandler<typeof routes.retry> = async (c) => {
  const row = await parked(c, c.req.valid("param").id);
  const outcome = answered(await orderObject(c.env, row.tenantId, row.orderId).retryParked(row.id));
  if (!outcome.ok && outcome.refusal.code === "retry_failed") throw new Refused(outcome.refusal);
  return c.json(
    {
      operation: render(await find(c, row.id)),
      order: outcome.ok ? renderOrder(outcome.order) : null,
    },
    200,
  );
};

export const discard: AppRouteHandler<typeof routes.discard> = async (c) => {
  const row = await parked(c, c.req.valid("param").id);
  answered(await orderObject(c.env, row.tenantId, row.orderId).discardParked(row.id));
  return c.json(render(await find(c, row.id)), 200);
};
