import type { RouteHandler } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import type { Context } from "hono";
import { feedRows } from "../db/feed";
import { orderHistory, orders } from "../db/schema";
import type { AppEnv } from "../env";
import { tenantOf } from "../http/auth";
import { notFound } from "../http/errors";
import { page } from "../http/pagination";
import { newId } from "../lib/ids";
import type { AmendPatch } from "./order-object";
import type * as routes from "./orders.routes";
import type { OrderView } from "./orders.schemas";
import {
  claimOrder,
  idempotencyCache,
  readOrder,
  readOrders,
  requestHash,
  resolveReferences,
  toLines,
  unwrap,
} from "./orders.service";

const orderObject = (c: Context<AppEnv>, id: string) => c.env.ORDERS.getByName(id);

function respond(c: Context<AppEnv>, order: OrderView) {
  c.header("ETag", `"${order.version}"`);
  return c.json(order, 200);
}

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const tenantId = tenantOf(c);
  const body = c.req.valid("json");
  const idempotencyKey = c.req.valid("header")["idempotency-key"];
  const hash = await requestHash(body);

  const cached = idempotencyKey
    ? await idempotencyCache.get(c.env, tenantId, idempotencyKey, hash)
    : undefined;
  if (cached) {
    const order = await readOrder(c.var.db, tenantId, cached);
    if (order) {
      c.header("Idempotent-Replayed", "true");
      return respond(c, order);
    }
  }

  const { shipping } = await resolveReferences(c.var.db, tenantId, body);
  const claim = await claimOrder(
    c.var.db,
    tenantId,
    body.reference,
    hash,
    newId("ord"),
    idempotencyKey,
  );
  const { order, created } = unwrap(
    await orderObject(c, claim.orderId).create({
      orderId: claim.orderId,
      tenantId,
      actor: c.var.principal.keyId,
      priority: claim.priority,
      createdAt: claim.createdAt,
      order: {
        orderNumber: body.order_number,
        reference: body.reference,
        orderDate: body.order_date ?? null,
        warehouseId: body.warehouse_id,
        shippingMethodId: shipping?.shippingMethodId ?? null,
        shippingMethod: shipping?.shippingMethod ?? null,
        signatureRequired: body.signature_required ?? false,
        insurance: body.insurance ?? false,
        giftMessage: body.gift_message ?? null,
        packingNote: body.packing_note ?? null,
        shipTo: body.ship_to,
      },
      lines: toLines(body.items),
    }),
  );
  if (idempotencyKey) {
    c.executionCtx.waitUntil(idempotencyCache.put(c.env, tenantId, idempotencyKey, hash, order.id));
  }
  c.header("ETag", `"${order.version}"`);
  if (!created) {
    c.header("Idempotent-Replayed", "true");
    return c.json(order, 200);
  }
  c.header("Location", `/v1/orders/${order.id}`);
  return c.json(order, 201);
};

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const { rows, positionOf } = await feedRows(
    c.var.db,
    orders,
    [
      eq(orders.tenantId, tenantId),
      query.status ? eq(orders.status, query.status) : undefined,
      query.order_number ? eq(orders.orderNumber, query.order_number) : undefined,
      query.reference ? eq(orders.reference, query.reference) : undefined,
    ],
    { updatedSince: query.updated_since, cursor: query.cursor, limit: query.limit },
  );
  const views = await readOrders(c.var.db, rows.slice(0, query.limit));
  const result = page(
    rows,
    query.limit,
    (r) => views.find((v) => v.id === r.id) as OrderView,
    positionOf,
  );
  return c.json(result, 200);
};

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const order = await readOrder(c.var.db, tenantOf(c), id);
  if (!order) throw notFound("order", id);
  return respond(c, order);
};

export const amend: RouteHandler<typeof routes.amend, AppEnv> = async (c) => {
  const tenantId = tenantOf(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const ifMatch = c.req.valid("header")["if-match"];
  const { shipping } = await resolveReferences(c.var.db, tenantId, {
    shipping_method_id: body.shipping_method_id,
    shipping_method: body.shipping_method,
    items: body.items,
  });
  const patch: AmendPatch = {
    order_number: body.order_number,
    order_date: body.order_date,
    shipping_method_id: shipping?.shippingMethodId,
    shipping_method: shipping?.shippingMethod,
    signature_required: body.signature_required,
    insurance: body.insurance,
    gift_message: body.gift_message,
    packing_note: body.packing_note,
    ship_to: body.ship_to,
  };
  const { order } = unwrap(
    await orderObject(c, id).amend({
      orderId: id,
      tenantId,
      actor: c.var.principal.keyId,
      ifMatch:
        ifMatch === undefined || ifMatch.trim() === "*"
          ? undefined
          : Number(ifMatch.replace(/\D/g, "")),
      warehouseId: body.warehouse_id,
      patch,
      lines: body.items ? toLines(body.items) : undefined,
    }),
  );
  return respond(c, order);
};

export const cancel: RouteHandler<typeof routes.cancel, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const { order } = unwrap(
    await orderObject(c, id).cancel({
      orderId: id,
      tenantId: tenantOf(c),
      actor: c.var.principal.keyId,
      reason: reason ?? null,
    }),
  );
  return respond(c, order);
};

export const history: RouteHandler<typeof routes.history, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const order = await c.var.db.query.orders.findFirst({
    where: and(eq(orders.id, id), eq(orders.tenantId, tenantOf(c))),
    columns: { id: true },
  });
  if (!order) throw notFound("order", id);
  const rows = await c.var.db
    .select()
    .from(orderHistory)
    .where(eq(orderHistory.orderId, id))
    .orderBy(asc(orderHistory.seq));
  return c.json(
    {
      data: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        changes: r.changes,
        prev_hash: r.prevHash,
        hash: r.hash,
      })),
      pagination: { next_cursor: null, has_more: false },
    },
    200,
  );
};

/** The floor acts on any tenant with a platform key, on its own with a tenant key. */
const caller = (c: Context<AppEnv>, orderId: string) => ({
  orderId,
  tenantId: c.var.principal.tenantId,
  actor: c.var.principal.keyId,
});

export const startPicking: RouteHandler<typeof routes.startPicking, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  return respond(c, unwrap(await orderObject(c, id).startPicking(caller(c, id))).order);
};

export const hold: RouteHandler<typeof routes.hold, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  return respond(c, unwrap(await orderObject(c, id).hold({ ...caller(c, id), reason })).order);
};

export const release: RouteHandler<typeof routes.release, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  return respond(c, unwrap(await orderObject(c, id).release(caller(c, id))).order);
};
