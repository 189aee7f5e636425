import { eq } from "drizzle-orm";
import { archivedOrderOfReturn } from "../db/archived-orders";
import { feedRows } from "../db/feed";
import { returns } from "../db/schema";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { assertWithinHotWindow } from "../retention/retention.window";
import { createReturn } from "./create-return";
import { findReturn, readReturns } from "./return-reads";
import { renderReturn, type StoredReturn } from "./returns.render";
import type * as routes from "./returns.routes";

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const key = c.req.valid("header")["idempotency-key"];
  const { stored, created } = await createReturn(
    { db: c.var.db, tenantId: tenantOf(c) },
    c.req.valid("json"),
    key,
  );
  const view = renderReturn(stored);
  if (!created) {
    c.header("Idempotent-Replayed", "true");
    return c.json(view, 200);
  }
  c.header("Location", `/v1/returns/${view.id}`);
  return c.json(view, 201);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  assertWithinHotWindow(c.env, query);
  const { rows, positionOf } = await feedRows(
    c.var.db,
    returns,
    tenantId,
    [
      query.status ? eq(returns.status, query.status) : undefined,
      query.order_id ? eq(returns.orderId, query.order_id) : undefined,
    ],
    { updatedSince: query.updated_since, cursor: query.cursor, limit: query.limit },
  );
  const read = new Map(
    (await readReturns(c.var.db, rows.slice(0, query.limit))).map((r) => [r.row.id, r]),
  );
  return c.json(
    page(
      rows,
      query.limit,
      (r) => renderReturn(read.get(r.id) as StoredReturn),
      positionOf,
      await consistencyToken(c),
    ),
    200,
  );
};

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const { id } = c.req.valid("param");
  const tenantId = tenantOf(c);
  const stored = await findReturn(c.var.db, tenantId, id);
  if (stored) return c.json(renderReturn(stored), 200);
  const archived = await archivedOrderOfReturn(c.env.ARCHIVE, c.var.db, tenantId, id);
  const record = archived?.returns.find((r) => r.row.id === id);
  if (!record) throw refused("not_found", { resource: "return", id: id });
  return c.json(renderReturn(record, true), 200);
};
