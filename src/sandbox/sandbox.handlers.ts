import { tenantOf } from "../http/auth";
import type { AppRouteHandler } from "../http/context";
import { once } from "../http/idempotent";
import { floorCaller } from "../http/request-context";
import { renderInbound } from "../inbound/inbound.render";
import { renderShipment } from "../shipments/shipments.render";
import { DEFAULT_SETTINGS, type SimulationSettings } from "../simulator/simulator.plan";
import { settingsRow, writeSettings } from "../simulator/simulator.settings";
import type * as routes from "./sandbox.routes";
import { advanceShipment, fulfilOrder, replenish as receiveStock } from "./sandbox-commands";

/** As on the floor: a platform key works in the shard of what it names. */
const who = floorCaller;

const settingsJson = (settings: SimulationSettings, updatedAt: string | null) => ({
  auto_fulfill: settings.autoFulfill,
  pick_after_seconds: settings.pickAfterSeconds,
  ship_after_seconds: settings.shipAfterSeconds,
  deliver_after_seconds: settings.deliverAfterSeconds,
  parcels_per_order: settings.parcelsPerOrder,
  cancellation_requests: settings.cancellationRequests,
  cancellation_rejection_reason: settings.cancellationRejectionReason,
  updated_at: updatedAt,
});

export const getSettings: AppRouteHandler<typeof routes.getSettings> = async (c) => {
  const row = await settingsRow(c.var.db, tenantOf(c));
  return c.json(settingsJson(row ?? DEFAULT_SETTINGS, row?.updatedAt ?? null), 200);
};

export const putSettings: AppRouteHandler<typeof routes.putSettings> = async (c) => {
  const body = c.req.valid("json");
  const row = await writeSettings(c.var.db, tenantOf(c), {
    autoFulfill: body.auto_fulfill,
    pickAfterSeconds: body.pick_after_seconds ?? DEFAULT_SETTINGS.pickAfterSeconds,
    shipAfterSeconds: body.ship_after_seconds ?? DEFAULT_SETTINGS.shipAfterSeconds,
    deliverAfterSeconds: body.deliver_after_seconds ?? DEFAULT_SETTINGS.deliverAfterSeconds,
    parcelsPerOrder: body.parcels_per_order ?? DEFAULT_SETTINGS.parcelsPerOrder,
    cancellationRequests: body.cancellation_requests ?? DEFAULT_SETTINGS.cancellationRequests,
    cancellationRejectionReason:
      body.cancellation_rejection_reason ?? DEFAULT_SETTINGS.cancellationRejectionReason,
  });
  return c.json(settingsJson(row, row.updatedAt), 200);
};

export const fulfill: AppRouteHandler<typeof routes.fulfill> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json") ?? {};
  const acting = await who(c, { table: "orders", id });
  return once(
    c,
    "sandbox.fulfill",
    { resourceId: acting.mint("shp"), params: { id }, body },
    async (shipmentId) => {
      const fulfilled = await fulfilOrder(acting, id, shipmentId, body);
      const shipment = renderShipment(fulfilled.shipment);
      const { created } = fulfilled;
      if (created) c.header("Location", `/v1/shipments/${shipment.id}`);
      return { status: created ? 201 : 200, body: shipment, created };
    },
  );
};

export const advance: AppRouteHandler<typeof routes.advance> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json") ?? {};
  return once(c, "sandbox.advance", { resourceId: id, params: { id }, body }, async () => ({
    status: 200,
    body: renderShipment(
      await advanceShipment(await who(c, { table: "shipments", id }), id, body.status),
    ),
  }));
};

export const replenish: AppRouteHandler<typeof routes.replenish> = async (c) => {
  const body = c.req.valid("json");
  const tenantId = tenantOf(c);
  const acting = await who(c, { tenantId });
  return once(
    c,
    "sandbox.replenish",
    { resourceId: acting.mint("ib"), body },
    async (resourceId) => {
      const asn = await receiveStock({ ...acting, tenantId }, resourceId, body);
      c.header("Location", `/v1/inbound-shipments/${asn.id}`);
      return { status: 201, body: renderInbound(asn) };
    },
  );
};
