import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import { feedRows } from "../db/feed";
import { orders, shipmentIdempotencyKeys, shipments } from "../db/schema";
import type { AppEnv } from "../env";
import { tenantOf } from "../http/auth";
import { ApiError, notFound, validationError } from "../http/errors";
import { page } from "../http/pagination";
import { newId } from "../lib/ids";
import { requestHash, unwrap } from "../orders/orders.service";
import { renderShipment } from "./shipments.render";
import type * as routes from "./shipments.routes";
import type { ShipmentView } from "./shipments.schemas";
import { loadShipments } from "./shipments.service";

/** A tenant key sees its own rows; a platform key (the 3PL's floor) sees every tenant's. */
const visibleTo = (
  c: Context<AppEnv>,
  column: typeof orders.tenantId | typeof shipments.tenantId,
) => (c.var.principal.tenantId ? eq(column, c.var.principal.tenantId) : undefined);

function shipmentOf(outcome: Parameters<typeof unwrap>[0]): {
  shipment: ShipmentView;
  created: boolean;
} {
  const { shipment, created } = unwrap(outcome) as { shipment?: ShipmentView; created: boolean };
  if (!shipment) throw new Error("order object answered without the shipment");
  return { shipment, created };
}

/** Binds an Idempotency-Key to one shipment id; D1's unique index decides concurrent retries. */
async function claimShipmentId(c: Context<AppEnv>, tenantId: string, key: string, hash: string) {
  const db = c.var.db;
  const where = and(
    eq(shipmentIdempotencyKeys.tenantId, tenantId),
    eq(shipmentIdempotencyKeys.key, key),
  );
  const [, , [row]] = await db.batch([
    db
      .delete(shipmentIdempotencyKeys)
      .where(
        and(
          where,
          sql`${shipmentIdempotencyKeys.expiresAt} < strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
        ),
      ),
    db
      .insert(shipmentIdempotencyKeys)
      .values({
        tenantId,
        key,
        requestHash: hash,
        shipmentId: newId("shp"),
        expiresAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 day')`,
      })
      .onConflictDoNothing(),
    db.select().from(shipmentIdempotencyKeys).where(where),
  ]);
  if (!row) throw new Error("shipment idempotency claim returned no row");
  if (row.requestHash !== hash) {
    throw new ApiError(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was used with a different request body; use a new key for a new shipment.",
      { field: "Idempotency-Key" },
    );
  }
  return row.shipmentId;
}

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  const key = c.req.valid("header")["idempotency-key"];
  const [order] = await c.var.db
    .select({ tenantId: orders.tenantId })
    .from(orders)
    .where(and(eq(orders.id, body.order_id), visibleTo(c, orders.tenantId)));
  if (!order) {
    throw validationError(
      "order_id",
      `order_id '${body.order_id}' is not a known order.`,
      "unknown_order",
    );
  }
  const shipmentId = key
    ? await claimShipmentId(c, order.tenantId, key, await requestHash(body))
    : newId("shp");
  const { shipment, created } = shipmentOf(
    await c.env.ORDERS.getByName(body.order_id).ship({
      orderId: body.order_id,
      tenantId: order.tenantId,
      actor: c.var.principal.keyId,
      shipmentId,
      parcels: body.parcels.map((p) => ({
        trackingNumber: p.tracking_number,
        trackingUrl: p.tracking_url ?? null,
        carrier: p.carrier,
        service: p.service,
        weight: p.weight ?? null,
        dimensions: p.dimensions ?? null,
      })),
      items: body.items,
      cost: body.cost ?? null,
      shippedAt: body.shipped_at ?? null,
    }),
  );
  if (!created) {
    c.header("Idempotent-Replayed", "true");
    return c.json(shipment, 200);
  }
  c.header("Location", `/v1/shipments/${shipment.id}`);
  return c.json(shipment, 201);
};

async function findShipment(c: Context<AppEnv>, id: string) {
  const [row] = await c.var.db
    .select()
    .from(shipments)
    .where(and(eq(shipments.id, id), visibleTo(c, shipments.tenantId)));
  if (!row) throw notFound("shipment", id);
  return row;
}

export const updateStatus: RouteHandler<typeof routes.updateStatus, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const row = await findShipment(c, id);
  const { shipment } = shipmentOf(
    await c.env.ORDERS.getByName(row.orderId).updateShipmentStatus({
      orderId: row.orderId,
      tenantId: row.tenantId,
      actor: c.var.principal.keyId,
      shipmentId: id,
      status: body.status,
      occurredAt: body.occurred_at ?? null,
      note: body.note ?? null,
    }),
  );
  return c.json(shipment, 200);
};

export const voidShipment: RouteHandler<typeof routes.voidShipment, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const row = await findShipment(c, id);
  const { shipment } = shipmentOf(
    await c.env.ORDERS.getByName(row.orderId).voidShipment({
      orderId: row.orderId,
      tenantId: row.tenantId,
      actor: c.var.principal.keyId,
      shipmentId: id,
    }),
  );
  return c.json(shipment, 200);
};

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const { rows, positionOf } = await feedRows(
    c.var.db,
    shipments,
    [
      eq(shipments.tenantId, tenantId),
      query.order_id ? eq(shipments.orderId, query.order_id) : undefined,
      query.status ? eq(shipments.status, query.status) : undefined,
    ],
    { updatedSince: query.updated_since, cursor: query.cursor, limit: query.limit },
  );
  const records = await loadShipments(c.var.db, rows.slice(0, query.limit));
  const byId = new Map(records.map((r) => [r.row.id, r]));
  return c.json(
    page(
      rows,
      query.limit,
      (r) => renderShipment(byId.get(r.id) ?? { row: r, parcels: [], items: [] }),
      positionOf,
    ),
    200,
  );
};

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const [row] = await c.var.db
    .select()
    .from(shipments)
    .where(and(eq(shipments.id, id), eq(shipments.tenantId, tenantOf(c))));
  if (!row) throw notFound("shipment", id);
  const [record] = await loadShipments(c.var.db, [row]);
  return c.json(renderShipment(record ?? { row, parcels: [], items: [] }), 200);
};
