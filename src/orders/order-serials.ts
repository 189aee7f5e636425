import type { Db } from "../db/client";
import type { Refusal } from "../domain/refusals";
import { claimSerials, releaseSerials, trackedSkus } from "../serials/serials.store";
import {
  refuseSerials,
  type ShipItem,
  type ShipmentRecord,
  serialField,
  serialsOf,
} from "../shipments/shipments.rules";

/*
 * A new shipment's serial numbers, settled before any stock moves (DESIGN.md rules 1 and 7):
 * first whether its items list them as their products say, then its claim on each of them,
 * which another shipment holding one refuses.
 */

/** Whether each item lists one serial per unit exactly when its product is serial tracked. */
export async function checkSerials(
  db: Db,
  tenantId: string,
  items: readonly ShipItem[],
): Promise<Refusal | undefined> {
  const tracked = await trackedSkus(
    db,
    tenantId,
    items.map((i) => i.sku),
  );
  return refuseSerials(items, tracked);
}

/**
 * Claims the shipment's serials; when another shipment holds one, frees what this one took
 * and refuses naming the first serial taken, at its place in the request.
 */
export async function claimShipmentSerials(
  db: Db,
  record: ShipmentRecord,
  items: readonly ShipItem[],
): Promise<Refusal | undefined> {
  const units = serialsOf(record);
  if (units.length === 0) return undefined;
  const { id: shipmentId, tenantId, orderId } = record.row;
  const [taken] = await claimSerials(db, { tenantId, shipmentId, orderId }, units);
  if (!taken) return undefined;
  await releaseSerials(db, shipmentId);
  return {
    code: "serial_unavailable",
    field: serialField(items, taken.sku, taken.serial),
    sku: taken.sku,
    serial: taken.serial,
  };
}
