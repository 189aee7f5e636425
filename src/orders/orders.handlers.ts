import { z } from "@hono/zod-openapi";
import { and, asc, eq, gt, gte, sql } from "drizzle-orm";
import type { Context } from "hono";
import { cursorPosition, feedRows } from "../db/feed";
import { orderHistory, orders } from "../db/schema";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppEnv, AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { GENESIS_HASH } from "../lib/hash-chain";
import { createOrder } from "./create-order";
import { amendOrder, runOrderCommand } from "./orders.commands";
import type { Committed } from "./orders.reads";
import { readOrder, readOrders } from "./orders.reads";
import { renderOrder } from "./orders.render";
import type * as routes from "./orders.routes";

/** A position in one order's history: its own sequence, which reveals nothing of others. */
const SeqCursor = z.object({ seq: z.number().int() });

const who = (c: Context<AppEnv>) => ({
  env: c.env,
  db: c.var.db,
  tenantId: tenantOf(c),
  actor: c.var.principal.keyId,
});

function respond(c: Context<AppEnv>, order: Committed) {
  c.header("ETag", `"${order.order.version}"`);
  return c.json(renderOrder(order), 200);
}

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const key = c.req.valid("header")["idempotency-key"];
  const { order: committed, created } = await createOrder(who(c), c.req.valid("json"), key);
  const order = renderOrder(committed);
  c.header("ETag", `"${order.version}"`);
  if (!created) {
    c.header("Idempotent-Replayed", "true");
    return c.json(order, 200);
  }
  c.header("Location", `/v1/orders/${order.id}`);
  return c.json(order, 201);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const { rows, positionOf } = await feedRows(
    c.var.db,
    orders,
    tenantId,
    [
      query.status ? eq(orders.status, query.status) : undefined,
      query.order_number ? eq(orders.orderNumber, query.order_number) : undefined,
      query.reference ? eq(orders.reference, query.reference) : undefined,
    ],
    { updatedSince: query.updated_since, cursor: query.cursor, limit: query.limit },
  );
  const read = new Map(
    (await readOrders(c.var.db, rows.slice(0, query.limit))).map((o) => [o.order.id, o]),
  );
  return c.json(
    page(
      rows,
      query.limit,
      (r) => renderOrder(read.get(r.id) as Committed),
      positionOf,
      await consistencyToken(c),
    ),
    200,
  );
};

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const { id } = c.req.valid("param");
  const order = await readOrder(c.var.db, tenantOf(c), id);
  if (!order) throw refused("not_found", { resource: "order", id: id });
  return respond(c, order);
};

export const amend: AppRouteHandler<typeof routes.amend> = async (c) => {
  const { id } = c.req.valid("param");
  const ifMatch = c.req.valid("header")["if-match"];
  const version =
    ifMatch === undefined || ifMatch.trim() === "*"
      ? undefined
      : Number(ifMatch.replace(/\D/g, ""));
  const { order } = await amendOrder(who(c), id, c.req.valid("json"), version);
  return respond(c, order);
};

export const cancel: AppRouteHandler<typeof routes.cancel> = async (c) => {
  const { id } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const actor = who(c);
  const { order } = await runOrderCommand(actor, id, {
    type: "cancel",
    actor: actor.actor,
    reason: reason ?? null,
  });
  return respond(c, order);
};

export const history: AppRouteHandler<typeof routes.history> = async (c) => {
  const { id } = c.req.valid("param");
  const order = await c.var.db.query.orders.findFirst({
    where: and(eq(orders.id, id), eq(orders.tenantId, tenantOf(c))),
    columns: { id: true },
  });
  if (!order) throw refused("not_found", { resource: "order", id: id });
  const { updated_since, cursor, limit } = c.req.valid("query");
  const after = cursor ? cursorPosition(cursor, SeqCursor).seq : 0;
  const rows = await c.var.db
    .select({
      entry: orderHistory,
      // The entry before, by its key: the hash this entry's own hash covers.
      prevHash: sql<string>`COALESCE((SELECT p.hash FROM order_history AS p
        WHERE p.order_id = order_history.order_id AND p.seq = order_history.seq - 1),
        ${GENESIS_HASH})`,
    })
    .from(orderHistory)
    .where(
      and(
        eq(orderHistory.orderId, id),
        gt(orderHistory.seq, after),
        updated_since ? gte(orderHistory.at, updated_since) : undefined,
      ),
    )
    .orderBy(asc(orderHistory.seq))
    .limit(limit + 1);
  const render = ({ entry, prevHash }: (typeof rows)[number]) => ({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    changes: entry.changes,
    prev_hash: prevHash,
    hash: entry.hash,
  });
  return c.json(
    page(rows, limit, render, (r) => ({ seq: r.entry.seq }), await consistencyToken(c)),
    200,
  );
};
