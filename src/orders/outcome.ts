import type { Refusal } from "../domain/refusals";
import type { Notice } from "../inventory/inventory.notices";
import type { Cost } from "../lib/metering";
import { renderShipment } from "../shipments/shipments.render";
import type { ShipmentView } from "../shipments/shipments.schemas";
import type { OrderCommand, OrderState } from "./order";
import { renderOrder } from "./orders.render";
import type { OrderView } from "./orders.schemas";

/** What an order object answers a command: the order as committed, or a domain refusal. */
export type Outcome = (
  | { ok: true; order: OrderView; created: boolean; shipment?: ShipmentView; notices: Notice[] }
  | { ok: false; refusal: Refusal }
) & { cost?: Cost };

/** The committed order, and the shipment the command named or made. */
export function outcomeOf(
  state: OrderState,
  command: OrderCommand,
  created: boolean,
  notices: Notice[],
): Outcome {
  const order = renderOrder(state.order, state.lines, state.shipments);
  const shipmentId = "shipmentId" in command ? command.shipmentId : undefined;
  const record = shipmentId ? state.shipments.find((s) => s.row.id === shipmentId) : undefined;
  return { ok: true, order, created, shipment: record && renderShipment(record), notices };
}
