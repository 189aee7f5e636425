import type { Refusal } from "../domain/refusals";
import type { Notice } from "../inventory/inventory.notices";
import type { Cost } from "../lib/cost";
import type { ShipmentRecord } from "../shipments/shipments.rules";
import type { OrderCommand, OrderState } from "./order";
import type { Committed } from "./orders.reads";

/**
 * What an order object answers a command, as domain state: the order as committed and the
 * shipment the command named or made, or a refusal. Handlers render it.
 */
export type Outcome = (
  | { ok: true; order: Committed; created: boolean; shipment?: ShipmentRecord; notices: Notice[] }
  | { ok: false; refusal: Refusal }
) & { cost?: Cost };

/** The committed order, and the shipment the command named or made. */
export function outcomeOf(
  state: OrderState,
  command: OrderCommand,
  created: boolean,
  notices: Notice[],
): Outcome {
  const { head: _head, ...order } = state;
  const shipmentId = "shipmentId" in command ? command.shipmentId : undefined;
  const shipment = shipmentId ? state.shipments.find((s) => s.row.id === shipmentId) : undefined;
  return { ok: true, order, created, shipment, notices };
}
