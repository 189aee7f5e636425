import type { EventType } from "../domain/events";
import type { Refusal } from "../domain/refusals";
import type { ReturnCondition } from "../domain/statuses";
import { lineFor, type ShippableLine } from "../shipments/shipments.rules";

/*
 * What a customer return may say, checked against what really happened to its order:
 * only units that shipped can come back, and each unit only once.
 */

export interface ReturnedItem {
  sku: string;
  /** The order line: its `line_id` or its `id`; needed only when several lines shipped the SKU. */
  line_id?: string;
  quantity: number;
}

/** An item placed on the order line it returns, by the line's ids. */
export type Placed<T extends ReturnedItem> = T & { orderLineId: string; lineId: string | null };

export interface ReceivedItem extends ReturnedItem {
  condition: ReturnCondition;
  restocked: boolean;
  /** The units' serial numbers, for a serial-tracked product. */
  serials?: string[];
  /** The lot they came back from, for a lot-tracked product. */
  lot?: string;
}

/** The order a return names, as the database saw it when the return was checked. */
export interface OrderFacts {
  order: { id: string; tenantId: string; orderNumber: string; warehouseId: string } | null;
  /** The order's lines, by their ids and SKU. */
  lines: ShippableLine[];
  /** Units per order line (by `id`) on the order's shipments that are not voided. */
  shipped: Map<string, number>;
  /** Units per order line (by `id`) that the order's received or processed returns brought back. */
  returned: Map<string, number>;
}

/**
 * Why a return of `items` for the order the body names is refused, or the items placed on
 * the lines they return: the order and the warehouse are fields of the request (422), not
 * missing paths.
 */
export function refuseReturn<T extends ReturnedItem>(
  facts: OrderFacts,
  body: {
    order_id: string;
    warehouse?: { id: string; resolved: string | null };
    items: readonly T[];
  },
): Refusal | Placed<T>[] {
  if (!facts.order) return { code: "unknown_order", field: "order_id", order_id: body.order_id };
  if (body.warehouse && body.warehouse.resolved === null) {
    return { code: "invalid_warehouse", field: "warehouse_id", warehouse_id: body.warehouse.id };
  }
  return placeReturned(body.items, facts);
}

/**
 * Each item on the order line it returns: the line its `line_id` names, else the only line of
 * its SKU that shipped. Refused at the first item that names a SKU that never shipped, a line
 * that is not the order's, or more units than the line shipped minus what already came back
 * (items of one line add up).
 */
export function placeReturned<T extends ReturnedItem>(
  items: readonly T[],
  facts: OrderFacts,
): Refusal | Placed<T>[] {
  const claimed = new Map<string, number>();
  const placed: Placed<T>[] = [];
  for (const [i, item] of items.entries()) {
    const shippedLines = facts.lines.filter((l) => (facts.shipped.get(l.id) ?? 0) > 0);
    const line = lineFor(
      item.line_id === undefined ? shippedLines : facts.lines,
      {
        sku: item.sku,
        lineId: item.line_id,
      },
      `items[${i}]`,
    );
    if ("code" in line) {
      return line.code === "sku_not_in_order"
        ? { code: "sku_not_shipped", field: `items[${i}].sku`, sku: item.sku }
        : line;
    }
    const shipped = facts.shipped.get(line.id) ?? 0;
    if (shipped === 0) return { code: "sku_not_shipped", field: `items[${i}].sku`, sku: item.sku };
    const returned = facts.returned.get(line.id) ?? 0;
    const earlierLines = claimed.get(line.id) ?? 0;
    if (returned + earlierLines + item.quantity > shipped) {
      return {
        code: "over_return",
        field: `items[${i}].quantity`,
        sku: item.sku,
        line_id: line.lineId ?? line.id,
        shipped,
        returned,
        earlier_lines: earlierLines,
      };
    }
    claimed.set(line.id, earlierLines + item.quantity);
    placed.push({ ...item, orderLineId: line.id, lineId: line.lineId });
  }
  return placed;
}

/**
 * Why the serial numbers of what arrived are refused: a serial-tracked SKU (`tracked`) names
 * one per unit, any other none, and each must be out on the order (`out`, by `unitKey`).
 */
export function refuseReturnedSerials(
  items: readonly ReceivedItem[],
  tracked: ReadonlySet<string>,
  out: ReadonlySet<string>,
  unitKey: (u: { sku: string; serial: string }) => string,
): Refusal | undefined {
  for (const [i, item] of items.entries()) {
    const serials = item.serials ?? [];
    if (tracked.has(item.sku) && serials.length !== item.quantity) {
      return {
        code: "serials_required",
        field: `items[${i}].serials`,
        sku: item.sku,
        quantity: item.quantity,
        given: serials.length,
      };
    }
    if (!tracked.has(item.sku) && serials.length > 0) {
      return { code: "serials_not_tracked", field: `items[${i}].serials`, sku: item.sku };
    }
    const j = serials.findIndex((serial) => !out.has(unitKey({ sku: item.sku, serial })));
    const serial = serials[j];
    if (serial !== undefined) {
      return {
        code: "serial_not_shipped",
        field: `items[${i}].serials[${j}]`,
        sku: item.sku,
        serial,
      };
    }
  }
  return undefined;
}

/** The serial numbers that came back, by SKU. */
export const returnedUnits = (items: readonly { sku: string; serials?: string[] | null }[]) =>
  items.flatMap((i) => (i.serials ?? []).map((serial) => ({ sku: i.sku, serial })));

/**
 * Where a received unit lands: back in sellable stock only when restocked as resellable;
 * anything else (not restocked, or graded damaged, defective or a wrong item) is counted in
 * the SKU's damaged stock, never allocated.
 */
export const landsIn = (item: { condition: ReturnCondition | null; restocked: boolean | null }) =>
  item.restocked && item.condition === "resellable" ? ("sellable" as const) : ("damaged" as const);

/** What received lines put in stock: units per SKU (and lot) and the condition they land in. */
export function returnedStock(
  items: readonly {
    sku: string;
    quantity: number;
    condition: ReturnCondition | null;
    restocked: boolean | null;
    lot?: string | null;
  }[],
) {
  const parts = new Map<
    string,
    { sku: string; condition: "sellable" | "damaged"; units: number; lot: string | null }
  >();
  for (const item of items) {
    const condition = landsIn(item);
    const lot = item.lot ?? null;
    const key = JSON.stringify([condition, item.sku, lot]);
    const part = parts.get(key) ?? { sku: item.sku, condition, units: 0, lot };
    part.units += item.quantity;
    parts.set(key, part);
  }
  return [...parts.values()];
}

/** Whether a receipt repeats the one already recorded, line for line. */
export const sameReceipt = (
  recorded: readonly {
    sku: string;
    orderLineId: string | null;
    lineId: string | null;
    quantity: number;
    condition: string | null;
    restocked: boolean | null;
    lot: string | null;
  }[],
  items: readonly ReceivedItem[],
) =>
  recorded.length === items.length &&
  recorded.every((line, i) => {
    const item = items[i];
    return (
      item !== undefined &&
      line.sku === item.sku &&
      (item.line_id === undefined ||
        item.line_id === line.lineId ||
        item.line_id === line.orderLineId) &&
      line.quantity === item.quantity &&
      line.condition === item.condition &&
      line.restocked === item.restocked &&
      (item.lot === undefined || item.lot === line.lot)
    );
  });

/**
 * What a return's arrival emits, whether announced or recorded by the floor: the return as
 * received, at the version the arrival gives it.
 */
export const arrivalEvents = (version: number): { type: EventType; version: number }[] => [
  { type: "return.received", version },
];
