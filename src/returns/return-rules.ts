import type { EventType } from "../domain/events";
import type { Refusal } from "../domain/refusals";
import type { ReturnCondition } from "../domain/statuses";

/*
 * What a customer return may say, checked against what really happened to its order:
 * only units that shipped can come back, and each unit only once.
 */

export interface ReturnedItem {
  sku: string;
  quantity: number;
}

export interface ReceivedItem extends ReturnedItem {
  condition: ReturnCondition;
  restocked: boolean;
}

/** The order a return names, as the database saw it when the return was checked. */
export interface OrderFacts {
  order: { id: string; tenantId: string; orderNumber: string; warehouseId: string } | null;
  /** Units per SKU on the order's shipments that are not voided. */
  shipped: Map<string, number>;
  /** Units per SKU that the order's received or processed returns brought back. */
  returned: Map<string, number>;
}

/**
 * Why a return of `items` for the order the body names is refused, or undefined when it may
 * come back: the order and the warehouse are fields of the request (422), not missing paths.
 */
export function refuseReturn(
  facts: OrderFacts,
  body: {
    order_id: string;
    warehouse?: { id: string; resolved: string | null };
    items: readonly ReturnedItem[];
  },
): Refusal | undefined {
  if (!facts.order) return { code: "unknown_order", field: "order_id", order_id: body.order_id };
  if (body.warehouse && body.warehouse.resolved === null) {
    return { code: "invalid_warehouse", field: "warehouse_id", warehouse_id: body.warehouse.id };
  }
  return unreturnable(body.items, facts);
}

/**
 * The first line that would bring back a SKU that never shipped, or more units than shipped
 * minus what already came back (lines of one SKU add up); undefined when every line may.
 */
export function unreturnable(
  items: readonly ReturnedItem[],
  facts: OrderFacts,
): Refusal | undefined {
  const claimed = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const shipped = facts.shipped.get(item.sku) ?? 0;
    if (shipped === 0) return { code: "sku_not_shipped", field: `items[${i}].sku`, sku: item.sku };
    const returned = facts.returned.get(item.sku) ?? 0;
    const earlierLines = claimed.get(item.sku) ?? 0;
    if (returned + earlierLines + item.quantity > shipped) {
      return {
        code: "over_return",
        field: `items[${i}].quantity`,
        sku: item.sku,
        shipped,
        returned,
        earlier_lines: earlierLines,
      };
    }
    claimed.set(item.sku, earlierLines + item.quantity);
  }
  return undefined;
}

/** Restocked units per SKU: what goes back on the shelf. */
export function restockedBySku(
  items: readonly { sku: string; quantity: number; restocked: boolean | null }[],
) {
  const units = new Map<string, number>();
  for (const item of items) {
    if (item.restocked) units.set(item.sku, (units.get(item.sku) ?? 0) + item.quantity);
  }
  return units;
}

/** Whether a receipt repeats the one already recorded, line for line. */
export const sameReceipt = (
  recorded: readonly {
    sku: string;
    quantity: number;
    condition: string | null;
    restocked: boolean | null;
  }[],
  items: readonly ReceivedItem[],
) =>
  recorded.length === items.length &&
  recorded.every((line, i) => {
    const item = items[i];
    return (
      item !== undefined &&
      line.sku === item.sku &&
      line.quantity === item.quantity &&
      line.condition === item.condition &&
      line.restocked === item.restocked
    );
  });

/**
 * What a return's arrival emits, whether announced or recorded by the floor: the return as
 * received, at the version the arrival gives it.
 */
export const arrivalEvents = (version: number): { type: EventType; version: number }[] => [
  { type: "return.received", version },
];
