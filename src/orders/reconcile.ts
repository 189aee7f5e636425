import { answered } from "../durable/answers";
import { stockObject } from "../durable/stubs";
import { moveRef } from "../shipments/shipments.rules";
import type { OrderCommand, OrderState, StockAnswer } from "./order";
import { heldUnits } from "./order-change";

/**
 * Makes stock agree with the order as committed, whatever part of `command` ran before it
 * was given up: a movement for a shipment or void that never committed is undone, then
 * every line the command touched declares what the committed order holds. Returns the
 * stock rows' answers for the order to record.
 */
export async function reconcile(
  env: Env,
  id: { tenantId: string; orderId: string },
  state: OrderState | null,
  command: OrderCommand,
): Promise<StockAnswer[]> {
  const created = command.type === "create" ? command : undefined;
  const warehouseId = state?.order.warehouseId ?? created?.order.warehouseId;
  if (!warehouseId) return [];
  const priority = state?.order.priority ?? created?.priority ?? 0;
  const stock = (sku: string) => stockObject(env, { tenantId: id.tenantId, warehouseId, sku });
  const shipment =
    "shipmentId" in command
      ? state?.shipments.find((s) => s.row.id === command.shipmentId)
      : undefined;
  if (command.type === "ship" && !shipment) {
    for (const i of command.items) {
      answered(
        await stock(i.sku).undo(
          id.orderId,
          moveRef("ship", command.shipmentId),
          i.quantity,
          priority,
        ),
      );
    }
  }
  if (command.type === "void" && shipment && !shipment.row.voided) {
    for (const i of shipment.items) {
      answered(
        await stock(i.sku).undo(
          id.orderId,
          moveRef("void", command.shipmentId),
          -i.quantity,
          priority,
        ),
      );
    }
  }
  const held = new Map((state ? heldUnits(state) : []).map((h) => [h.sku, h.quantity]));
  const touched = new Set([
    ...held.keys(),
    ...("lines" in command ? (command.lines ?? []) : []).map((l) => l.sku),
  ]);
  const answers: StockAnswer[] = [];
  for (const sku of touched) {
    const answer = answered(await stock(sku).setDemand(id.orderId, held.get(sku) ?? 0, priority));
    answers.push({ sku, status: answer.status, seq: answer.seq });
  }
  return answers;
}
