import { and, eq } from "drizzle-orm";
import { archivedOrderOfShipment } from "../db/archived-orders";
import { feedRows } from "../db/feed";
import { shipments } from "../db/schema";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { assertWithinHotWindow } from "../retention/retention.window";
import { loadShipments } from "./shipments.reads";
import { renderShipment } from "./shipments.render";
import type * as routes from "./shipments.routes";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  assertWithinHotWindow(c.env, query);
  const { rows, positionOf } = await feedRows(
    c.var.db,
    shipments,
    tenantId,
    [
      query.order_id ? eq(shipments.orderId, query.order_id) : undefined,
      query.status ? eq(shipments.status, query.status) : undefined,
    ],
    {
      updatedSince: query.updated_since,
      cursor: query.cursor,
      limit: query.limit,
      order: query.order,
    },
  );
  const records = await loadShipments(c.var.db, rows.slice(0, query.limit));
  const byId = new Map(records.map((r) => [r.row.id, r]));
  return c.json(
    page(
      rows,
      query.limit,
      (r) => renderShipment(byId.get(r.id) ?? { row: r, parcels: [], items: [] }),
      positionOf,
      await consistencyToken(c),
    ),
    200,
  );
};

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const { id } = c.req.valid("param");
  const tenantId = tenantOf(c);
  const [row] = await c.var.db
    .select()
    .from(shipments)
    .where(and(eq(shipments.id, id), eq(shipments.tenantId, tenantId)));
  if (row) {
    const [record] = await loadShipments(c.var.db, [row]);
    return c.json(renderShipment(record ?? { row, parcels: [], items: [] }), 200);
  }
  const archived = await archivedOrderOfShipment(c.env.ARCHIVE, c.var.db, tenantId, id);
  const record = archived?.shipments.find((s) => s.row.id === id);
  if (!record) throw refused("not_found", { resource: "shipment", id: id });
  return c.json(renderShipment(record, true), 200);
};
