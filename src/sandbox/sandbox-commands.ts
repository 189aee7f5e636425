import { orderRule, shipmentRule } from "../domain/actions";
import { Refused, refused } from "../domain/refusals";
import { MAX_SERIALS } from "../domain/shapes";
import type { TrackingStatus } from "../domain/statuses";
import { receiveInbound } from "../inbound/inbound.commands";
import { createInbound } from "../inbound/inbound.create";
import { lotRulesOf } from "../inventory/inventory.lots";
import { addDays, utcToday } from "../lib/calendar";
import { type Actor, runOrderCommand, shipmentOf, tenantOfOrder } from "../orders/orders.commands";
import type { Committed } from "../orders/orders.reads";
import { readOrder } from "../orders/orders.reads";
import { factsOf } from "../orders/orders.render";
import { trackedSkus } from "../serials/serials.store";
import { ownerOfShipment } from "../shipments/shipments.reads";
import { type ShipItem, shippedByLine } from "../shipments/shipments.rules";
import { isInternational, missingCustoms, namedGaps } from "../simulator/simulator.customs";
import { nextTrackingStatus } from "../simulator/simulator.plan";
import { readSettings } from "../simulator/simulator.settings";
import {
  simulatedScans,
  simulatedShipment,
  warehouseCountry,
} from "../simulator/simulator.shipment";

/*
 * The sandbox's explicit controls: each is the operations API's own commands, with the
 * parcels, scans and receipts a real warehouse would have supplied.
 */

/** Every allocated unit of an open order that has not shipped yet. */
function allocatedUnshipped({ order, lines, shipments }: Committed): ShipItem[] {
  if (order.status === "cancelled") return [];
  const shipped = shippedByLine(shipments);
  return lines
    .filter((l) => l.allocation === "allocated")
    .map((l) => ({ sku: l.sku, lineId: l.id, quantity: l.quantity - (shipped.get(l.id) ?? 0) }))
    .filter((i) => i.quantity > 0);
}

/** Picks if picking has not started, then ships `items` or every allocated unit left. */
export async function fulfilOrder(
  who: Actor,
  orderId: string,
  shipmentId: string,
  input: { items?: ShipItem[]; parcels?: number },
) {
  const tenantId = who.tenantId ?? (await tenantOfOrder(who.db, orderId));
  const acting = { ...who, tenantId };
  let committed = await readOrder(who.db, tenantId, orderId);
  if (!committed) throw refused("not_found", { resource: "order", id: orderId });
  // The floor asks before it picks, as the auto-fulfilling one does, and changes nothing.
  const origin = await warehouseCountry(who.db, committed.order.warehouseId);
  const missing = isInternational(origin, committed.order)
    ? missingCustoms(committed.order, committed.lines)
    : [];
  if (missing.length > 0 && committed.order.status !== "cancelled") {
    throw refused("customs_data_required", {
      order_id: orderId,
      origin,
      destination: committed.order.shipTo.country,
      missing: namedGaps(missing),
    });
  }
  // Items named are the ship command's to judge; otherwise the rule the console offers
  // "Fulfil now" by says whether anything allocated is left, before picking starts.
  const items = input.items ?? allocatedUnshipped(committed);
  const refusal = input.items ? null : orderRule("fulfil", factsOf(committed));
  if (refusal) throw new Refused({ ...refusal, order_id: orderId });
  if (committed.order.status === "received") {
    committed = (
      await runOrderCommand(acting, orderId, { type: "start_picking", actor: who.actor })
    ).order;
  }
  const { order } = committed;
  const settings = await readSettings(who.db, tenantId);
  const ship = await simulatedShipment(
    who.db,
    order,
    committed.shipments.length,
    items,
    input.parcels ?? settings.parcelsPerOrder,
  );
  const outcome = await runOrderCommand(acting, orderId, {
    type: "ship",
    actor: who.actor,
    ...ship,
    shipmentId,
  });
  return { shipment: shipmentOf(outcome), created: outcome.created };
}

/**
 * The carrier's scans of every parcel up to its next status, or the status named: the
 * floor's own tracking-events command, with the events a carrier would have sent.
 */
export async function advanceShipment(
  who: Actor,
  shipmentId: string,
  status: TrackingStatus | undefined,
) {
  const owner = await ownerOfShipment(who.db, who.tenantId, shipmentId);
  if (!owner) throw refused("not_found", { resource: "shipment", id: shipmentId });
  const committed = await readOrder(who.db, owner.tenantId, owner.orderId);
  const record = committed?.shipments.find((s) => s.row.id === shipmentId);
  if (!committed || !record) throw refused("not_found", { resource: "shipment", id: shipmentId });
  const current = record.row.status;
  const refusal = shipmentRule(status ? "track" : "advance", current);
  if (refusal) throw new Refused(refusal);
  // With no status named the advance rule has refused a shipment that has no next scan.
  const next = status ?? (nextTrackingStatus(current) as TrackingStatus);
  const outcome = await runOrderCommand({ ...who, tenantId: owner.tenantId }, owner.orderId, {
    type: "scan",
    actor: who.actor,
    shipmentId,
    parcels: await simulatedScans(who.db, committed.order, record, next),
  });
  return shipmentOf(outcome);
}

/**
 * Stock arrives the way production stock does: an ASN, received in full. A lot-tracked
 * product's units come in a lot the caller names, or one the sandbox names (expiring a year
 * from today when the product tracks expiry).
 */
export async function replenish(
  who: Actor & { tenantId: string },
  replenishmentId: string,
  input: { sku: string; warehouse_id: string; quantity: number; lot?: string; expires_on?: string },
) {
  const rules = (await lotRulesOf(who.db, who.tenantId, [input.sku])).get(input.sku);
  const lot = rules?.lotTracked
    ? {
        lot: input.lot ?? `SBX-${replenishmentId.slice(-8)}`,
        ...(rules.expiryTracked && { expires_on: input.expires_on ?? addDays(utcToday(), 365) }),
      }
    : {
        ...(input.lot && { lot: input.lot }),
        ...(input.expires_on && { expires_on: input.expires_on }),
      };
  const reference = `SANDBOX-${replenishmentId.slice("ib_".length)}`;
  // A serial-tracked product's units arrive numbered, as a supplier's would: after the ASN.
  const serialTracked = (await trackedSkus(who.db, who.tenantId, [input.sku])).has(input.sku);
  // A receipt line lists at most MAX_SERIALS serials, as a floor's would.
  if (serialTracked && input.quantity > MAX_SERIALS) {
    throw refused("too_many_serials", { field: "quantity", sku: input.sku, max: MAX_SERIALS });
  }
  const serials = serialTracked
    ? { serials: Array.from({ length: input.quantity }, (_, i) => `${reference}-${i + 1}`) }
    : {};
  const { asn } = await createInbound(
    who,
    {
      reference,
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
  return receiveInbound(
    who,
    asn.id,
    { items: [{ sku: input.sku, received_quantity: input.quantity, ...lot, ...serials }] },
    // One receipt per replenishment: a concurrent retry counts the same receipt, once.
    `rcp_${replenishmentId.slice("ib_".length)}`,
  ).catch((err: unknown) => {
    // The receipt is ours too: its fields are the body's.
    const field = err instanceof Refused ? err.refusal.field : undefined;
    if (err instanceof Refused && typeof field === "string" && field.startsWith("items[0].")) {
      throw new Refused({ ...err.refusal, field: field.slice("items[0].".length) });
    }
    throw err;
  });
}
