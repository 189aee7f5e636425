import { eq } from "drizzle-orm";
import { shipments } from "../db/schema";
import { Refused, refused } from "../domain/refusals";
import type { TrackingStatus } from "../domain/statuses";
import { receiveInbound } from "../inbound/inbound.commands";
import { createInbound } from "../inbound/inbound.create";
import { type Actor, runOrderCommand, tenantOfOrder } from "../orders/orders.commands";
import { readOrder } from "../orders/orders.reads";
import { ownerOfShipment } from "../shipments/shipments.reads";
import type { Item } from "../shipments/shipments.rules";
import type { ShipmentView } from "../shipments/shipments.schemas";
import { nextTrackingStatus } from "../simulator/simulator.plan";
import { readSettings } from "../simulator/simulator.settings";
import { simulatedShipment } from "../simulator/simulator.shipment";

/*
 * The sandbox's explicit controls: each is the operations API's own commands, with the
 * parcels, scans and receipts a real warehouse would have supplied.
 */

/** Picks if picking has not started, then ships `items` or every allocated unit left. */
export async function fulfilOrder(
  who: Actor,
  orderId: string,
  shipmentId: string,
  input: { items?: Item[]; parcels?: number },
) {
  const tenantId = who.tenantId ?? (await tenantOfOrder(who.db, orderId));
  const acting = { ...who, tenantId };
  let order = await readOrder(who.db, tenantId, orderId);
  if (!order) throw refused("not_found", { resource: "order", id: orderId });
  if (order.status === "received") {
    order = (await runOrderCommand(acting, orderId, { type: "start_picking", actor: who.actor }))
      .order;
  }
  const items =
    input.items ??
    order.items
      .filter((i) => i.allocation_status === "allocated")
      .map((i) => ({ sku: i.sku, quantity: i.quantity - i.shipped_quantity }))
      .filter((i) => i.quantity > 0);
  // A held, cancelled or backordered order is refused by the ship command itself, which says why.
  if (items.length === 0 && ["processing", "partially_shipped", "shipped"].includes(order.status)) {
    throw refused("nothing_to_ship", { order_status: order.status, order_id: orderId });
  }
  const settings = await readSettings(who.db, tenantId);
  const ship = await simulatedShipment(
    who.db,
    {
      id: order.id,
      tenantId,
      shippingMethodId: order.shipping_method_id,
      shippingMethod: order.shipping_method,
    },
    order.shipments.length,
    items,
    input.parcels ?? settings.parcelsPerOrder,
  );
  const outcome = await runOrderCommand(acting, orderId, {
    type: "ship",
    actor: who.actor,
    ...ship,
    shipmentId,
  });
  return { shipment: outcome.shipment as ShipmentView, created: outcome.created };
}

/** Records the carrier's next scan, or the status named. */
export async function advanceShipment(
  who: Actor,
  shipmentId: string,
  status: TrackingStatus | undefined,
) {
  const owner = await ownerOfShipment(who.db, who.tenantId, shipmentId);
  if (!owner) throw refused("not_found", { resource: "shipment", id: shipmentId });
  const [row] = await who.db
    .select({ status: shipments.status })
    .from(shipments)
    .where(eq(shipments.id, shipmentId));
  const current = row?.status ?? "shipped";
  if (current === "voided") {
    throw new Refused({ code: "shipment_voided", shipment_status: current });
  }
  if (current === "delivered") {
    throw new Refused({ code: "already_delivered", shipment_status: current });
  }
  const next = status ?? nextTrackingStatus(current);
  if (!next) {
    throw refused("status_required", { field: "status", shipment_status: current });
  }
  const outcome = await runOrderCommand({ ...who, tenantId: owner.tenantId }, owner.orderId, {
    type: "track",
    actor: who.actor,
    shipmentId,
    status: next,
    occurredAt: new Date().toISOString(),
    note: null,
  });
  return outcome.shipment as ShipmentView;
}

/** Stock arrives the way production stock does: an ASN, received in full. */
export async function replenish(
  who: Actor & { tenantId: string },
  replenishmentId: string,
  input: { sku: string; warehouse_id: string; quantity: number },
) {
  const { view } = await createInbound(
    who,
    {
      reference: `SANDBOX-${replenishmentId.slice("ib_".length)}`,
      warehouse_id: input.warehouse_id,
      supplier: "Sandbox replenishment",
      expected_at: null,
      items: [{ sku: input.sku, expected_quantity: input.quantity }],
    },
    undefined,
  ).catch((err: unknown) => {
    // The ASN is ours; the caller's body names the SKU at its top level.
    if (err instanceof Refused && err.refusal.field === "items[0].sku") {
      throw new Refused({ ...err.refusal, field: "sku" });
    }
    throw err;
  });
  const received = await receiveInbound(
    who,
    view.id,
    { items: [{ sku: input.sku, received_quantity: input.quantity }] },
    // One receipt per replenishment: a concurrent retry counts the same receipt, once.
    `rcp_${replenishmentId.slice("ib_".length)}`,
  );
  if (!received) throw new Error(`replenishment ASN ${view.id} vanished`);
  return received;
}
