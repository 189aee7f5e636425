import { ApiError, validationError } from "../http/errors";

/*
 * What a customer return may say, checked against what really happened to its order:
 * only units that shipped can come back, and each unit only once.
 */

export const RETURN_STATUSES = ["expected", "received", "processed"] as const;

export const RETURN_CONDITIONS = ["resellable", "damaged", "defective", "wrong_item"] as const;
type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** An RMA's lines are `expected`; what the floor found in the parcel is `received`. */
export const LINE_STAGES = ["expected", "received"] as const;

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

/** The order a body names, or a 422: it is a field of the request, not a missing path. */
export function knownOrder(facts: OrderFacts, orderId: string) {
  if (!facts.order) {
    throw validationError(
      "order_id",
      `order_id '${orderId}' is not a known order.`,
      "unknown_order",
    );
  }
  return facts.order;
}

export function knownWarehouse(resolved: string | null, warehouseId: string) {
  if (resolved === null) {
    throw validationError(
      "warehouse_id",
      `warehouse_id '${warehouseId}' is not a known warehouse; see GET /v1/warehouses.`,
      "invalid_warehouse",
    );
  }
}

/**
 * A 422 naming the first line that would bring back a SKU that never shipped, or more
 * units than shipped minus what already came back (lines of one SKU add up).
 */
export function checkReturnable(items: readonly ReturnedItem[], facts: OrderFacts) {
  const claimed = new Map<string, number>();
  items.forEach((item, i) => {
    const shipped = facts.shipped.get(item.sku) ?? 0;
    if (shipped === 0) {
      throw validationError(
        `items[${i}].sku`,
        `sku '${item.sku}' never shipped on this order; only shipped units can be returned.`,
        "sku_not_shipped",
      );
    }
    const returned = facts.returned.get(item.sku) ?? 0;
    const earlierLines = claimed.get(item.sku) ?? 0;
    const before = returned + earlierLines;
    if (before + item.quantity > shipped) {
      throw new ApiError(
        422,
        "over_return",
        `Only ${Math.max(shipped - before, 0)} of '${item.sku}' can still be returned: ${shipped} shipped, ${returned} already returned.`,
        { field: `items[${i}].quantity`, sku: item.sku, shipped, returned },
      );
    }
    claimed.set(item.sku, earlierLines + item.quantity);
  });
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
