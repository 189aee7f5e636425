import { checkAddress } from "../domain/addresses";
import { canonicalJson } from "../lib/canonical-json";
import type { Item } from "../shipments/shipments.rules";
import {
  AMENDABLE,
  type AmendPatch,
  type Decision,
  type OrderCommand,
  type OrderFields,
  type OrderState,
} from "./order";
import { change, EDITABLE, lineKey, summary, UNCHANGED } from "./order-change";

/*
 * An amend (guide §1), with no I/O: fields not sent stay, `ship_to` merges as JSON Merge
 * Patch, and `items` is the full desired set in which a line whose SKU was on the order
 * keeps its unsent attributes. Only lines whose quantity changed ask their stock again.
 * The merged `ship_to` is checked whole, as a create checks it: a postcode that fitted the
 * old country may not fit the new one.
 */

export function amend(state: OrderState, cmd: Extract<OrderCommand, { type: "amend" }>): Decision {
  const { order } = state;
  if (!EDITABLE.includes(order.status)) {
    return order.status === "cancelled"
      ? { code: "order_cancelled", order_status: order.status }
      : { code: "too_late_to_amend", order_status: order.status };
  }
  if (cmd.ifMatch !== undefined && cmd.ifMatch !== order.version) {
    return {
      code: "version_conflict",
      if_match: String(cmd.ifMatch),
      current_version: String(order.version),
    };
  }
  if (cmd.warehouseId !== undefined && cmd.warehouseId !== order.warehouseId) {
    return { code: "warehouse_change_not_allowed", field: "warehouse_id" };
  }
  let shipTo: OrderFields["shipTo"] | undefined;
  if (cmd.patch.ship_to) {
    const checked = checkAddress(mergePatch(order.shipTo, cmd.patch.ship_to));
    if (!checked.ok) {
      const { field, reason } = checked.problem;
      return { code: "validation_error", field: `ship_to.${field}`, reason };
    }
    shipTo = checked.address;
  }
  const next: OrderFields = { ...order };
  const diff: Record<string, unknown> = {};
  const values: Partial<Record<keyof AmendPatch, unknown>> = { ...cmd.patch, ship_to: shipTo };
  for (const [field, column] of Object.entries(AMENDABLE) as [
    keyof AmendPatch,
    keyof OrderFields,
  ][]) {
    const value = values[field];
    if (value === undefined || canonicalJson(value) === canonicalJson(order[column])) continue;
    diff[field] = { from: order[column], to: value };
    (next as Record<string, unknown>)[column] = value;
  }
  let lines = state.lines;
  const demands: Item[] = [];
  if (cmd.lines) {
    const before = new Map(state.lines.map((l) => [l.sku, l]));
    const proposed = cmd.lines.map((l, i) => {
      const kept = before.get(l.sku);
      return {
        sku: l.sku,
        quantity: l.quantity,
        description: l.description === undefined ? (kept?.description ?? null) : l.description,
        unitPrice: l.unitPrice === undefined ? (kept?.unitPrice ?? null) : l.unitPrice,
        currency: l.currency === undefined ? (kept?.currency ?? null) : l.currency,
        orderId: order.id,
        lineNo: i + 1,
        allocation: kept?.allocation ?? ("backordered" as const),
        allocationSeq: kept?.allocationSeq ?? 0,
      };
    });
    const unpriced = proposed.findIndex((l) => l.unitPrice !== null && l.currency === null);
    if (unpriced >= 0) return { code: "currency_required", field: `items[${unpriced}].currency` };
    if (lineKey(proposed) !== lineKey(state.lines)) {
      diff.items = { from: state.lines.map(summary), to: proposed.map(summary) };
      lines = proposed;
      const after = new Map(proposed.map((l) => [l.sku, l.quantity]));
      for (const l of state.lines) if (!after.has(l.sku)) demands.push({ sku: l.sku, quantity: 0 });
      for (const l of proposed) {
        if (before.get(l.sku)?.quantity !== l.quantity) demands.push(summary(l));
      }
    }
  }
  if (Object.keys(diff).length === 0) return UNCHANGED;
  return change(state, {
    action: "amended",
    actor: cmd.actor,
    diff,
    order: next,
    lines,
    linesChanged: lines !== state.lines,
    demands,
    allocationDecides: true,
  });
}

/** RFC 7396 on one flat object: a key sent replaces, `null` clears, a key not sent stays. */
function mergePatch<T extends Record<string, unknown>>(
  current: T,
  patch: { [K in keyof T]?: T[K] | null },
): T {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    merged[key] = value;
  }
  return merged as T;
}
