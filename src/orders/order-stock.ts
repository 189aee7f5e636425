import { answered } from "../durable/answers";
import { stockObject } from "../durable/stubs";
import type { DemandAnswer, Notice } from "../inventory/inventory.notices";
import type { LineItem } from "../shipments/shipments.rules";
import type { Change, StockAnswer } from "./order";

/**
 * Sends a change's stock moves to each line's stock object, all at once, and gathers what
 * they answer: each line's allocation, and the other lines their fills touched. When it
 * moves several lines, their objects commit through the warehouse's stock writer, so the
 * lines share D1 batches rather than taking a round trip each.
 */
export async function moveStock(
  env: Env,
  id: { tenantId: string; orderId: string },
  change: Change,
): Promise<{ answers: StockAnswer[]; notices: Notice[] }> {
  const { warehouseId, priority } = change.order;
  const shipBy = change.order.terms?.ship_by ?? null;
  const answers: StockAnswer[] = [];
  const notices: Notice[] = [];
  const take = (line: LineItem, answer: DemandAnswer) => {
    answers.push({
      lineNo: line.lineNo,
      sku: line.sku,
      status: answer.status,
      seq: answer.seq,
      ...(answer.lots && { lots: answer.lots }),
    });
    notices.push(...answer.notices);
  };
  const stock = (sku: string) => stockObject(env, { tenantId: id.tenantId, warehouseId, sku });
  const ref = (line: LineItem) => ({ orderId: id.orderId, lineNo: line.lineNo });
  const together = change.demands.length + change.locks.length + change.moves.length > 1;
  await Promise.all([
    ...change.demands.map(async (d) =>
      take(
        d,
        answered(await stock(d.sku).setDemand(ref(d), d.quantity, priority, shipBy, together)),
      ),
    ),
    ...change.locks.map(async (l) => take(l, answered(await stock(l.sku).lock(ref(l), together)))),
    ...change.moves.map(async (m) => {
      const moved = answered(
        await stock(m.sku).move(ref(m), m.ref, m.quantity, priority, m.lots, together),
      );
      // The rules checked this order's own allocation before anything moved, so only a
      // race lands here: fail, and let the journaled retry settle it.
      if ("refused" in moved)
        throw new Error(`stock refused ${m.ref} for ${m.sku}: ${moved.refused}`);
      take(m, moved);
    }),
  ]);
  return { answers, notices };
}
