import type { serialMovements } from "../db/schema";
import type { SerialStatus } from "../domain/statuses";
import type { SerialView } from "./serials.routes";
import type { SerialUnit } from "./serials.store";

type Movement = typeof serialMovements.$inferSelect;

const STATUS_AFTER = {
  received: "in_stock",
  shipped: "shipped",
  voided: "in_stock",
  returned: "returned",
} as const satisfies Record<Movement["kind"], SerialStatus>;

/** Where a unit is, from its movements (oldest first); undefined for one that never moved. */
export function renderSerial(
  unit: SerialUnit,
  movements: readonly Movement[],
): SerialView | undefined {
  const last = movements[movements.length - 1];
  if (!last) return undefined;
  const shipped = [...movements].reverse().find((m) => m.kind === "shipped");
  const out = last.kind !== "voided" ? shipped : undefined;
  return {
    sku: unit.sku,
    serial: unit.serial,
    status: STATUS_AFTER[last.kind],
    shipment_id: out?.shipmentId ?? null,
    order_id: out?.orderId ?? null,
    shipped_at: out?.occurredAt ?? null,
    return_id: last.kind === "returned" ? last.returnId : null,
    returned_at: last.kind === "returned" ? last.occurredAt : null,
    history: movements.map((m) => ({
      movement: m.kind,
      occurred_at: m.occurredAt,
      shipment_id: m.shipmentId,
      // A receipt's movement belongs to no order.
      order_id: m.orderId || null,
      return_id: m.returnId,
      receipt_id: m.receiptId ?? null,
    })),
  };
}
