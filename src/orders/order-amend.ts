import { checkAddress, deliverable } from "../domain/addresses";
import type { Refusal } from "../domain/refusals";
import { Address } from "../domain/shapes";
import { canonicalJson } from "../lib/canonical-json";
import type { LineItem } from "../shipments/shipments.rules";
import {
  AMENDABLE,
  type AmendPatch,
  type Decision,
  type LinePatch,
  type OrderCommand,
  type OrderFields,
  type OrderLine,
  type OrderState,
  TERMS,
} from "./order";
import { change, compactTerms, demandOf, lineKey, ruled, summary, UNCHANGED } from "./order-change";
import { datesInOrder } from "./orders.schemas";

/** The fields an address cannot be without: the ones its shape does not let be left out. */
const ADDRESS_REQUIRED = Object.entries(Address.shape)
  .filter(([, field]) => !field.safeParse(undefined).success)
  .map(([key]) => key);

/*
 * An amend (guide §1), with no I/O: fields not sent stay, `ship_to` merges as JSON Merge
 * Patch, and `items` is the full desired set. Each item matches a line of the order by its
 * `line_id`, else by SKU when only one line has it; a matched line keeps its ids, number and
 * unsent attributes, an unmatched item is a new line, and a line nothing matched is removed.
 * Only lines whose quantity changed ask their stock again. The merged `ship_to` is checked
 * whole, as a create checks it: a postcode that fitted the old country may not fit the new one.
 */

export function amend(state: OrderState, cmd: Extract<OrderCommand, { type: "amend" }>): Decision {
  const { order } = state;
  const refused = ruled("amend", state);
  if (refused) return refused;
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
  const terms = amendTerms(order.terms, cmd.patch);
  if (terms && "code" in terms) return terms;
  for (const key of TERMS) {
    const [from, to] = [order.terms?.[key] ?? null, terms?.[key] ?? null];
    if (canonicalJson(from) !== canonicalJson(to)) diff[key] = { from, to };
  }
  next.terms = terms;
  let lines = state.lines;
  const demands: LineItem[] = [];
  if (cmd.lines) {
    const matched = matchLines(state.lines, cmd.lines);
    if ("code" in matched) return matched;
    let next = Math.max(0, ...state.lines.map((l) => l.lineNo));
    const proposed: OrderLine[] = cmd.lines.map((l, i) => {
      const kept = matched[i];
      return {
        orderId: order.id,
        lineNo: kept?.lineNo ?? ++next,
        id: kept?.id ?? l.id,
        // A `line_id` that named the line by its server id gives it no client id.
        lineId: l.lineId === undefined || l.lineId === kept?.id ? (kept?.lineId ?? null) : l.lineId,
        sku: l.sku,
        quantity: l.quantity,
        description: l.description === undefined ? (kept?.description ?? null) : l.description,
        unitPrice: l.unitPrice === undefined ? (kept?.unitPrice ?? null) : l.unitPrice,
        currency: l.currency === undefined ? (kept?.currency ?? null) : l.currency,
        hsCode: l.hsCode === undefined ? (kept?.hsCode ?? null) : l.hsCode,
        countryOfOrigin:
          l.countryOfOrigin === undefined ? (kept?.countryOfOrigin ?? null) : l.countryOfOrigin,
        ...(l.customs ?? {
          customsValue: kept?.customsValue ?? null,
          customsCurrency: kept?.customsCurrency ?? null,
        }),
        allocation: kept?.allocation ?? "backordered",
        allocationSeq: kept?.allocationSeq ?? 0,
      };
    });
    const unpriced = proposed.findIndex((l) => l.unitPrice !== null && l.currency === null);
    if (unpriced >= 0) return { code: "currency_required", field: `items[${unpriced}].currency` };
    if (lineKey(proposed) !== lineKey(state.lines)) {
      diff.items = { from: state.lines.map(summary), to: proposed.map(summary) };
      lines = proposed;
      const after = new Map(proposed.map((l) => [l.lineNo, l.quantity]));
      for (const l of state.lines) {
        if (!after.has(l.lineNo)) demands.push({ ...demandOf(l), quantity: 0 });
      }
      const before = new Map(state.lines.map((l) => [l.lineNo, l.quantity]));
      for (const l of proposed) {
        if (before.get(l.lineNo) !== l.quantity) demands.push(demandOf(l));
      }
    }
  }
  if (Object.keys(diff).length === 0) return UNCHANGED;
  // A new ship-by changes which lots a line may hold: every line states its demand again
  // (a row without lots answers as it did).
  if ("ship_by" in diff) {
    const declared = new Set(demands.map((d) => d.lineNo));
    for (const l of lines) if (!declared.has(l.lineNo)) demands.push(demandOf(l));
  }
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

/**
 * The order's terms after an amend: a term sent replaces (`null` clears), one not sent
 * stays, and the billing address merges like `ship_to`. Part of an address the order does not
 * have, a merged address that is not deliverable, or dates that ask for delivery before `ship_by`, is refused
 * naming the field sent.
 */
function amendTerms(
  current: OrderFields["terms"],
  patch: AmendPatch,
): OrderFields["terms"] | Refusal {
  const merged: Record<string, unknown> = { ...current };
  for (const key of TERMS) {
    if (patch[key] !== undefined) merged[key] = patch[key];
  }
  const billing = patch.billing_address;
  if (billing) {
    const missing = current?.billing_address
      ? undefined
      : ADDRESS_REQUIRED.find((f) => billing[f as keyof typeof billing] == null);
    if (missing) return { code: "billing_address_incomplete", field: `billing_address.${missing}` };
    // The merged address is checked by the one Address shape and made deliverable, as a
    // created one is.
    const address = deliverable(Address).safeParse(
      mergePatch<Record<string, unknown>>({ ...current?.billing_address }, billing),
    );
    if (!address.success) {
      const [issue] = address.error.issues;
      return {
        code: "validation_error",
        field: ["billing_address", ...(issue?.path ?? [])].join("."),
        reason: issue?.message ?? "is not an address",
      };
    }
    merged.billing_address = address.data;
  }
  const terms = compactTerms(merged);
  if (!datesInOrder(terms?.ship_by, terms?.requested_delivery_date)) {
    return {
      code: "dates_out_of_order",
      field: patch.requested_delivery_date === undefined ? "ship_by" : "requested_delivery_date",
      ship_by: terms?.ship_by,
      requested_delivery_date: terms?.requested_delivery_date,
    };
  }
  return terms;
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

/**
 * The order line each item of an amend's desired set keeps (undefined: a new line). An item
 * keeps the line that has its `line_id` (the client's, or the server's `id`); otherwise the only line of its SKU that no other
 * item claims (for an item with a new `line_id`, only a line that has none yet, which it then
 * names). A SKU left on several lines, or sent on several items that do not say which line is
 * which, is 422 naming the item; so is a `line_id` sent with another SKU than its line's.
 */
function matchLines(
  lines: readonly OrderLine[],
  items: readonly LinePatch[],
): (OrderLine | undefined)[] | Refusal {
  const claimed = new Set<number>();
  const kept: (OrderLine | undefined)[] = [];
  for (const [i, item] of items.entries()) {
    const line =
      item.lineId === undefined
        ? undefined
        : (lines.find((l) => l.lineId === item.lineId) ?? lines.find((l) => l.id === item.lineId));
    if (line && line.sku !== item.sku) {
      return {
        code: "line_sku_mismatch",
        field: `items[${i}].sku`,
        line_id: item.lineId,
        sku: line.sku,
      };
    }
    if (line) claimed.add(line.lineNo);
    kept.push(line);
  }
  const bySku = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    if (!kept[i]) bySku.set(item.sku, (bySku.get(item.sku) ?? 0) + 1);
  }
  for (const [i, item] of items.entries()) {
    if (kept[i]) continue;
    const ofSku = lines.filter(
      (l) =>
        l.sku === item.sku &&
        !claimed.has(l.lineNo) &&
        (item.lineId === undefined || l.lineId === null),
    );
    if (ofSku.length === 0) continue;
    if (ofSku.length > 1 || (bySku.get(item.sku) ?? 0) > 1) {
      return {
        code: "ambiguous_line",
        field: `items[${i}].line_id`,
        sku: item.sku,
        line_ids: ofSku.map((l) => l.lineId ?? l.id).join(", "),
      };
    }
    kept[i] = ofSku[0];
    claimed.add((ofSku[0] as OrderLine).lineNo);
  }
  return kept;
}
