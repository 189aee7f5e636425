import { answered } from "../durable/answers";
import { stockObject } from "../durable/stubs";
import type { DemandAnswer, Notice } from "../inventory/inventory.notices";
import type { Change, StockAnswer } from "./order";

/**
 * Sends a change's stock moves to each SKU's stock object, all at once, and gathers what
 * they answer: each line's allocation, and the other orders their fills touched.
 */
export async function moveStock(
  env: Env,
  id: { tenantId: string; orderId: string },
  change: Change,
): Promise<{ answers: StockAnswer[]; notices: Notice[] }> {
  const { warehouseId, priority } = change.order;
  const answers: StockAnswer[] = [];
  const notices: Notice[] = [];
  const take = (sku: string, answer: DemandAnswer) => {
    answers.push({ sku, status: answer.status, seq: answer.seq });
    notices.push(...answer.notices);
  };
  const stock = (sku: string) => stockObject(env, { tenantId: id.tenantId, warehouseId, sku });
  await Promise.all([
    ...change.demands.map(async (d) =>
      take(d.sku, answered(await stock(d.sku).setDemand(id.orderId, d.quantity, priority))),
    ),
    ...change.locks.map(async (sku) => take(sku, answered(await stock(sku).lock(id.orderId)))),
    ...change.moves.map(async (m) => {
      const moved = answered(await stock(m.sku).move(id.orderId, m.ref, m.quantity, priority));
      // The rules checked this order's own allocation before anything moved, so only a
      // race lands here: fail, and let the journaled retry settle it.
      if ("refused" in moved)
        throw new Error(`stock refused ${m.ref} for ${m.sku}: ${moved.refused}`);
      take(m.sku, moved);
    }),
  ]);
  return { answers, notices };
}
