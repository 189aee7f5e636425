import type { ShippedLot } from "../domain/shapes";
import type { AllocationStatus } from "../domain/statuses";
import { answered } from "../durable/answers";
import { orderObject } from "../durable/stubs";
import type { Cost } from "../lib/cost";

/*
 * What passes between a stock object and the orders whose lines it holds: the answer to an
 * order's demand, and the notice an order is owed when another change filled or took back
 * its line. Orders read these; only the stock object writes them.
 */

/** One order line, as a stock row knows it: each line holds its own demand. */
export interface LineRef {
  orderId: string;
  lineNo: number;
}

/** The key a stock row files a line's demand under; order ids never hold a `#`. */
export const holderOf = (line: LineRef) => `${line.orderId}#${line.lineNo}`;

export function lineOf(holder: string): LineRef {
  const at = holder.lastIndexOf("#");
  return { orderId: holder.slice(0, at), lineNo: Number(holder.slice(at + 1)) };
}

/** Tells one order what its line in this stock row now holds, as of stock version `seq`. */
export interface Notice extends LineRef {
  sku: string;
  status: AllocationStatus;
  seq: number;
}

export interface DemandAnswer {
  status: AllocationStatus;
  seq: number;
  /** Other lines whose wait this change ended or began; the caller should tell their orders. */
  notices: Notice[];
  /** For a shipment's move in a row with lots: the lots its units left from. */
  lots?: ShippedLot[];
  cost?: Cost;
}

/**
 * Tells one order what its line now holds: true once the order took the notice, false while
 * an unfinished change of its own keeps it from applying one (it is told again later).
 */
export async function tellOrder(env: Env, tenantId: string, notice: Notice): Promise<boolean> {
  return answered(await orderObject(env, tenantId, notice.orderId).allocationChanged(notice));
}
