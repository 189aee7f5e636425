import type { AllocationStatus } from "../domain/statuses";
import { answered } from "../durable/answers";
import { orderObject } from "../durable/stubs";
import type { Cost } from "../lib/cost";

/*
 * What passes between a stock object and the orders whose lines it holds: the answer to an
 * order's demand, and the notice an order is owed when another change filled or took back
 * its line. Orders read these; only the stock object writes them.
 */

/** Tells one order what its line in this stock row now holds, as of stock version `seq`. */
export interface Notice {
  orderId: string;
  sku: string;
  status: AllocationStatus;
  seq: number;
}

export interface DemandAnswer {
  status: AllocationStatus;
  seq: number;
  /** Other orders whose waiting lines this change filled; the caller should tell them. */
  notices: Notice[];
  cost?: Cost;
}

/**
 * Tells one order what its line now holds: true once the order took the notice, false while
 * an unfinished change of its own keeps it from applying one (it is told again later).
 */
export async function tellOrder(env: Env, tenantId: string, notice: Notice): Promise<boolean> {
  return answered(await orderObject(env, tenantId, notice.orderId).allocationChanged(notice));
}
