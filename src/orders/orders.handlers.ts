import { z } from "@hono/zod-openapi";
import { and, asc, eq, gt, gte, sql } from "drizzle-orm";
import type { Context } from "hono";
import { archivedOrder } from "../db/archived-orders";
import { cursorPosition, feedRows } from "../db/feed";
import { orderHistory, orders } from "../db/schema";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppEnv, AppRouteHandler } from "../http/context";
import { once } from "../http/idempotent";
import { page } from "../http/pagination";
import { GENESIS_HASH } from "../lib/hash-chain";
import { assertWithinHotWindow } from "../retention/retention.window";
import { createOrder } from "./create-order";
import { amendOrder, runOrderCommand } from "./orders.commands";
import type { Committed } from "./orders.reads";
import { archivedByReference, findOrder, readOrders } from "./orders.reads";
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

function respond(c: Context<AppEnv>, order: Committed, archived = false) {
  c.header("ETag", `"${order.order.version}"`);
  return c.json(renderOrder(order, archived), 200);
}

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const key = c.req.valid("header")["idempotency-key"];
  const {
    order: committed,
    created,
    archived,
  } = await createOrder(who(c), c.req.valid("json"), key);
  const order = renderOrder(committed, archived);
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
  assertWithinHotWindow(c.env, query);
  const { rows, positionOf } = await feedRows(
    c.var.db,
    orders,
    tenantId,
    [
      query.status ? eq(orders.status, query.status) : undefined,
      query.order_number ? eq(orders.orderNumber, query.order_number) : undefined,
      query.reference ? eq(orders.reference, query.reference) : undefined,
    ],
    {
      updatedSince: query.updated_since,
      cursor: query.cursor,
      limit: query.limit,
      order: query.order,
    },
  );
  const read = new Map(
    (await readOrders(c.var.db, rows.slice(0, query.limit))).map((o) => [o.order.id, o]),
  );
  // A lookup by reference still finds an order past the hot window: the reference names it.
  const archived =
    query.reference && rows.length === 0 && !query.cursor && !query.updated_since
      ? await archivedByReference(c.env, c.var.db, tenantId, query.reference)
      : undefined;
  if (archived && matches(archived.order, query)) {
    const data = [renderOrder(archived, true)];
    return c.json({ data, pagination: { next_cursor: null, has_more: false } }, 200);
  }
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

/** Whether an order found by its reference passes the list's other filters. */
const matches = (row: Committed["order"], query: { status?: string; order_number?: string }) =>
  (!query.status || row.status === query.status) &&
  (!query.order_number || row.orderNumber === query.order_number);

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const { id } = c.req.valid("param");
  const found = await findOrder(c.env, c.var.db, tenantOf(c), id);
  if (!found) throw refused("not_found", { resource: "order", id: id });
  return respond(c, found.order, found.archived);
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

export const requestCancellation: AppRouteHandler<typeof routes.requestCancellation> = async (
  c,
) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json") ?? {};
  const actor = who(c);
  const request = { resourceId: id, params: { id }, body };
  return once(c, "order.request_cancellation", request, async () => {
    const { order } = await runOrderCommand(actor, id, {
      type: "request_cancellation",
      actor: actor.actor,
      reason: body.reason ?? null,
    });
    c.header("ETag", `"${order.order.version}"`);
    return { status: 200, body: renderOrder(order) };
  });
};

export const history: AppRouteHandler<typeof routes.history> = async (c) => {
  const { id } = c.req.valid("param");
  const tenantId = tenantOf(c);
  const { updated_since, cursor, limit } = c.req.valid("query");
  const after = cursor ? cursorPosition(cursor, SeqCursor).seq : 0;
  const live = await c.var.db.query.orders.findFirst({
    where: and(eq(orders.id, id), eq(orders.tenantId, tenantId)),
    columns: { id: true },
  });
  const archived = live ? undefined : await archivedOrder(c.env.ARCHIVE, c.var.db, tenantId, id);
  if (!live && !archived) throw refused("not_found", { resource: "order", id: id });
  // An entry's prev_hash is not stored: it is the hash of the entry before, by its key.
  const rows = archived
    ? archived.history
        .map((entry, i, all) => ({ entry, prevHash: all[i - 1]?.hash ?? GENESIS_HASH }))
        .filter(({ entry }) => entry.seq > after && (!updated_since || entry.at >= updated_since))
        .slice(0, limit + 1)
    : await c.var.db
        .select({
          entry: orderHistory,
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
  const token = await consistencyToken(c);
  return c.json(
    { ...page(rows, limit, render, (r) => ({ seq: r.entry.seq }), token), archived: !live },
    200,
  );
};
