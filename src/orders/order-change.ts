import type { OrderTerms } from "../db/schema";
import { NO_CHANGE, type OrderAction, orderRule } from "../domain/actions";
import type { OrderStatus } from "../domain/statuses";
import { type LineItem, shippedByLine } from "../shipments/shipments.rules";
import type { Change, Decision, OrderLine, OrderState } from "./order";
import { factsOf } from "./orders.render";

/*
 * What every order rule shares: the statuses that allow what (in src/domain/actions.ts, which
 * the console reads too), and how a change starts.
 */

export const ALLOCATING: readonly OrderStatus[] = ["received", "backordered"];
export const UNCHANGED = { unchanged: true } as const;

/** The shared rule's answer to `action` as a decision, or null when the command goes ahead. */
export function ruled(action: OrderAction, state: OrderState): Decision | null {
  const answer = orderRule(action, factsOf(state));
  return answer === NO_CHANGE ? UNCHANGED : answer;
}

/** A line's units in its stock row. */
export const demandOf = (l: Pick<OrderLine, "lineNo" | "sku" | "quantity">): LineItem => ({
  lineNo: l.lineNo,
  sku: l.sku,
  quantity: l.quantity,
});

/** A line as its order's history names it: the ids that say which, its SKU and quantity. */
export const summary = (l: Pick<OrderLine, "id" | "lineId" | "sku" | "quantity">) => ({
  id: l.id,
  ...(l.lineId === null ? {} : { line_id: l.lineId }),
  sku: l.sku,
  quantity: l.quantity,
});

export const lineKey = (lines: readonly OrderLine[]) =>
  JSON.stringify(
    lines.map((l) => [
      l.id,
      l.lineId,
      l.sku,
      l.description,
      l.quantity,
      l.unitPrice,
      l.currency,
      l.hsCode,
      l.countryOfOrigin,
      l.customsValue,
      l.customsCurrency,
    ]),
  );

const isSet = (v: unknown) =>
  v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/**
 * The terms as stored: only the keys that have a value (in the billing address too), and
 * null when none has, so an order without terms stores nothing for them.
 */
export function compactTerms(terms: Record<string, unknown>): OrderTerms | null {
  const kept = Object.fromEntries(
    Object.entries(terms)
      .filter(([, v]) => isSet(v))
      .map(([k, v]) =>
        k === "billing_address"
          ? [k, Object.fromEntries(Object.entries(v as object).filter(([, a]) => isSet(a)))]
          : [k, v],
      ),
  );
  return Object.keys(kept).length > 0 ? (kept as OrderTerms) : null;
}

export const allAllocated = (lines: readonly Pick<OrderLine, "allocation">[]) =>
  lines.every((l) => l.allocation === "allocated");

/** Units each line should hold in its stock row: what is left to ship, nothing once cancelled. */
export function heldUnits(state: Pick<OrderState, "order" | "lines" | "shipments">): LineItem[] {
  const shipped = shippedByLine(state.shipments);
  return state.lines.map((l) => ({
    lineNo: l.lineNo,
    sku: l.sku,
    quantity: state.order.status === "cancelled" ? 0 : l.quantity - (shipped.get(l.id) ?? 0),
  }));
}

/**
 * A change of a committed order: it touches the order (a new version) unless it says not,
 * and what it emits is for `settle` to decide once allocation has answered.
 */
export function change(
  state: OrderState,
  patch: Partial<Change> & Pick<Change, "action" | "actor" | "diff">,
): Change {
  const touchesOrder = patch.touchesOrder ?? true;
  return {
    order: { ...state.order },
    lines: state.lines,
    linesChanged: false,
    touchesOrder,
    demands: [],
    moves: [],
    locks: [],
    allocationDecides: false,
    version: state.order.version + (touchesOrder ? 1 : 0),
    events: [],
    ...patch,
  };
}
