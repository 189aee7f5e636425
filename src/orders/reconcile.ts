import type { Db } from "../db/client";
import { answered } from "../durable/answers";
import { stockObject } from "../durable/stubs";
import { releaseSerials } from "../serials/serials.store";
import { decideShipment, decideVoid, type LineItem } from "../shipments/shipments.rules";
import { isChange, type OrderCommand, type OrderState, type StockAnswer } from "./order";
import { amend } from "./order-amend";
import { heldUnits } from "./order-change";

/**
 * Makes stock agree with the order as committed, whatever part of `command` ran before it
 * was given up: a movement for a shipment or void that never committed is undone, then
 * every line the command touched declares what the committed order holds, and a shipment
 * that never committed lets go of the serials it claimed. Returns the stock rows' answers
 * for the order to record.
 */
export async function reconcile(
  env: Env,
  db: Db,
  id: { tenantId: string; orderId: string },
  state: OrderState | null,
  command: OrderCommand,
): Promise<StockAnswer[]> {
  const created = command.type === "create" ? command : undefined;
  const warehouseId = state?.order.warehouseId ?? created?.order.warehouseId;
  if (!warehouseId) return [];
  const priority = state?.order.priority ?? created?.priority ?? 0;
  const stock = (sku: string) => stockObject(env, { tenantId: id.tenantId, warehouseId, sku });
  const ref = (lineNo: number) => ({ orderId: id.orderId, lineNo });
  const lines = state?.lines ?? [];
  const shipment =
    "shipmentId" in command
      ? state?.shipments.find((s) => s.row.id === command.shipmentId)
      : undefined;
  if (command.type === "ship" && !shipment) await releaseSerials(db, command.shipmentId);
  if (command.type === "ship" && !shipment && state) {
    // The rules decide again what the ship moved, line by line, to undo exactly that.
    const decided = decideShipment(state.order, lines, state.shipments, command);
    if (!("code" in decided)) {
      for (const m of decided.moves) {
        answered(await stock(m.sku).undo(ref(m.lineNo), m.ref, -m.quantity, priority));
      }
    }
  }
  if (command.type === "void" && shipment && !shipment.row.voided && state) {
    const decided = decideVoid(shipment, lines, "");
    if (typeof decided === "object" && !("code" in decided)) {
      for (const m of decided.moves) {
        answered(await stock(m.sku).undo(ref(m.lineNo), m.ref, -m.quantity, priority));
      }
    }
  }
  const held = new Map((state ? heldUnits(state) : []).map((h) => [h.lineNo, h]));
  // Lines the command made that the committed order does not have hold nothing after all:
  // deciding it again on the committed order names them as it did.
  const made: LineItem[] =
    command.type === "create"
      ? command.lines.map((l, i) => ({ lineNo: i + 1, sku: l.sku, quantity: 0 }))
      : [];
  if (command.type === "amend" && state) {
    const decided = amend(state, command);
    if (isChange(decided)) made.push(...decided.demands);
  }
  for (const line of made) {
    if (!held.has(line.lineNo)) held.set(line.lineNo, { ...line, quantity: 0 });
  }
  const answers: StockAnswer[] = [];
  for (const line of held.values()) {
    const answer = answered(
      await stock(line.sku).setDemand(ref(line.lineNo), line.quantity, priority),
    );
    answers.push({ lineNo: line.lineNo, sku: line.sku, status: answer.status, seq: answer.seq });
  }
  return answers;
}
