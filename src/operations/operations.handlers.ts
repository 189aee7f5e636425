import type { Context } from "hono";
import { Refused, refused } from "../domain/refusals";
import type { AppEnv, AppRouteHandler } from "../http/context";
import { once } from "../http/idempotent";
import { floorCaller, type Target } from "../http/request-context";
import { closeReceiving, receiveInbound as receive } from "../inbound/inbound.commands";
import { renderInbound } from "../inbound/inbound.render";
import { adjustStock, moveStockCondition } from "../inventory/inventory.commands";
import { renderAdjustment, renderConditionMove } from "../inventory/inventory.render";
import { runOrderCommand, shipmentOf } from "../orders/orders.commands";
import { renderOrder } from "../orders/orders.render";
import * as returns from "../returns/returns.commands";
import { renderReturn } from "../returns/returns.render";
import { ownerOfShipment } from "../shipments/shipments.reads";
import { renderShipment } from "../shipments/shipments.render";
import { storedEvent } from "../shipments/shipments.tracking";
import type * as routes from "./operations.routes";

/** The floor acts on any tenant with a platform key, in the shard of what it names. */
const who = floorCaller;

const orderRow = (id: string): Target => ({ table: "orders", id });
const inboundRow = (id: string): Target => ({ table: "inbound_shipments", id });
const returnRow = (id: string): Target => ({ table: "returns", id });

export const startPicking: AppRouteHandler<typeof routes.startPicking> = async (c) => {
  const { id } = c.req.valid("param");
  return once(c, "order.start_picking", { resourceId: id, params: { id } }, async () => {
    const { order } = await runOrderCommand(await who(c, orderRow(id)), id, {
      type: "start_picking",
      actor: c.var.principal.keyId,
    });
    return { status: 200, body: renderOrder(order) };
  });
};

export const hold: AppRouteHandler<typeof routes.hold> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  return once(c, "order.hold", { resourceId: id, params: { id }, body }, async () => {
    const { order } = await runOrderCommand(await who(c, orderRow(id)), id, {
      type: "hold",
      actor: c.var.principal.keyId,
      reason: body.reason,
    });
    return { status: 200, body: renderOrder(order) };
  });
};

export const release: AppRouteHandler<typeof routes.release> = async (c) => {
  const { id } = c.req.valid("param");
  return once(c, "order.release", { resourceId: id, params: { id } }, async () => {
    const { order } = await runOrderCommand(await who(c, orderRow(id)), id, {
      type: "release",
      actor: c.var.principal.keyId,
    });
    return { status: 200, body: renderOrder(order) };
  });
};

export const acceptCancellation: AppRouteHandler<typeof routes.acceptCancellation> = async (c) => {
  const { id } = c.req.valid("param");
  return once(c, "order.accept_cancellation", { resourceId: id, params: { id } }, async () => {
    const { order } = await runOrderCommand(await who(c, orderRow(id)), id, {
      type: "accept_cancellation",
      actor: c.var.principal.keyId,
    });
    return { status: 200, body: renderOrder(order) };
  });
};

export const rejectCancellation: AppRouteHandler<typeof routes.rejectCancellation> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const request = { resourceId: id, params: { id }, body };
  return once(c, "order.reject_cancellation", request, async () => {
    const { order } = await runOrderCommand(await who(c, orderRow(id)), id, {
      type: "reject_cancellation",
      actor: c.var.principal.keyId,
      reason: body.reason,
    });
    return { status: 200, body: renderOrder(order) };
  });
};

export const ship: AppRouteHandler<typeof routes.ship> = async (c) => {
  const body = c.req.valid("json");
  const acting = await who(c, orderRow(body.order_id));
  return once(
    c,
    "shipment.create",
    { resourceId: acting.mint("shp"), body },
    async (shipmentId) => {
      const outcome = await runOrderCommand(acting, body.order_id, {
        type: "ship",
        actor: c.var.principal.keyId,
        shipmentId,
        parcels: body.parcels.map((p) => ({
          trackingNumber: p.tracking_number,
          trackingUrl: p.tracking_url ?? null,
          carrier: p.carrier,
          service: p.service,
          weight: p.weight ?? null,
          dimensions: p.dimensions ?? null,
          packaging: p.packaging ?? null,
        })),
        items: body.items.map((i) => ({
          sku: i.sku,
          lineId: i.line_id,
          quantity: i.quantity,
          serials: i.serials,
        })),
        cost: body.cost ?? null,
        shippedAt: body.shipped_at ?? new Date().toISOString(),
      }).catch((err: unknown) => {
        // The order is named in the body, so an unknown one is a field error, not a missing path.
        if (err instanceof Refused && err.refusal.code === "not_found") {
          throw refused("unknown_order", { field: "order_id", order_id: body.order_id });
        }
        throw err;
      });
      const shipment = renderShipment(shipmentOf(outcome));
      if (outcome.created) c.header("Location", `/v1/shipments/${shipment.id}`);
      return { status: outcome.created ? 201 : 200, body: shipment, created: outcome.created };
    },
  );
};

/** Runs a command on the order a shipment belongs to. */
async function onShipment(
  c: Context<AppEnv>,
  shipmentId: string,
  command: Parameters<typeof runOrderCommand>[2],
) {
  const acting = await who(c, { table: "shipments", id: shipmentId });
  const owner = await ownerOfShipment(acting.db, acting.tenantId, shipmentId);
  if (!owner) throw refused("not_found", { resource: "shipment", id: shipmentId });
  const outcome = await runOrderCommand(
    { ...acting, tenantId: owner.tenantId },
    owner.orderId,
    command,
  );
  return renderShipment(shipmentOf(outcome));
}

export const track: AppRouteHandler<typeof routes.track> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  return once(c, "shipment.track", { resourceId: id, params: { id }, body }, async () => ({
    status: 200,
    body: await onShipment(c, id, {
      type: "track",
      actor: c.var.principal.keyId,
      shipmentId: id,
      status: body.status,
      occurredAt: body.occurred_at ?? new Date().toISOString(),
      note: body.note ?? null,
    }),
  }));
};

export const trackingEvents: AppRouteHandler<typeof routes.trackingEvents> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  return once(c, "shipment.scan", { resourceId: id, params: { id }, body }, async () => ({
    status: 200,
    body: await onShipment(c, id, {
      type: "scan",
      actor: c.var.principal.keyId,
      shipmentId: id,
      parcels: [{ trackingNumber: body.tracking_number, events: body.events.map(storedEvent) }],
    }),
  }));
};

export const voidShipment: AppRouteHandler<typeof routes.voidShipment> = async (c) => {
  const { id } = c.req.valid("param");
  return once(c, "shipment.void", { resourceId: id, params: { id } }, async () => ({
    status: 200,
    body: await onShipment(c, id, { type: "void", actor: c.var.principal.keyId, shipmentId: id }),
  }));
};

export const adjust: AppRouteHandler<typeof routes.adjust> = async (c) => {
  const body = c.req.valid("json");
  const acting = await who(c, { tenantId: body.tenant_id });
  return once(
    c,
    "adjustment.create",
    { resourceId: acting.mint("adj"), body },
    async (adjustmentId) => ({
      status: 201,
      body: renderAdjustment(await adjustStock(acting, body, adjustmentId)),
    }),
  );
};

export const moveCondition: AppRouteHandler<typeof routes.moveCondition> = async (c) => {
  const body = c.req.valid("json");
  const acting = await who(c, { tenantId: body.tenant_id });
  return once(
    c,
    "condition_move.create",
    { resourceId: acting.mint("cmv"), body },
    async (moveId) => ({
      status: 201,
      body: renderConditionMove(await moveStockCondition(acting, body, moveId)),
    }),
  );
};

export const receiveInbound: AppRouteHandler<typeof routes.receiveInbound> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const acting = await who(c, inboundRow(id));
  return once(
    c,
    "inbound.receipt",
    { resourceId: acting.mint("rcp"), params: { id }, body },
    async (receiptId) => ({
      status: 200,
      body: renderInbound(await receive(acting, id, body, receiptId)),
    }),
  );
};

export const closeInbound: AppRouteHandler<typeof routes.closeInbound> = async (c) => {
  const { id } = c.req.valid("param");
  return once(c, "inbound.close", { resourceId: id, params: { id } }, async () => ({
    status: 200,
    body: renderInbound(await closeReceiving(await who(c, inboundRow(id)), id)),
  }));
};

export const recordReturn: AppRouteHandler<typeof routes.recordReturn> = async (c) => {
  const body = c.req.valid("json");
  const acting = await who(c, orderRow(body.order_id));
  return once(c, "return.record", { resourceId: acting.mint("ret"), body }, async (returnId) => {
    const { stored, created } = await returns.recordReturn(acting, returnId, body);
    const view = renderReturn(stored);
    if (created) c.header("Location", `/v1/returns/${view.id}`);
    return { status: created ? 201 : 200, body: view, created };
  });
};

export const receiveReturn: AppRouteHandler<typeof routes.receiveReturn> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  return once(c, "return.receive", { resourceId: id, params: { id }, body }, async () => ({
    status: 200,
    body: renderReturn(await returns.receiveReturn(await who(c, returnRow(id)), id, body.items)),
  }));
};

export const processReturn: AppRouteHandler<typeof routes.processReturn> = async (c) => {
  const { id } = c.req.valid("param");
  return once(c, "return.process", { resourceId: id, params: { id } }, async () => ({
    status: 200,
    body: renderReturn(await returns.processReturn(await who(c, returnRow(id)), id)),
  }));
};
