import { type JobScope, UNSCOPED } from "../db/background";
import type { Db } from "../db/client";
import { answered } from "../durable/answers";
import { stockObject } from "../durable/stubs";
import { shippedLotsOf } from "./return-lots";
import { returnedStock } from "./return-rules";
import { markStockApplied, type Stored, stockOverdue } from "./return-store";

/*
 * Returned units reach stock through each SKU's stock object, after the return is
 * committed: restocked resellable ones into on_hand, once per `return:<id>`, where they fill
 * waiting lines oldest first; the others into damaged stock, once per `return:<id>:damaged`. `stock_applied_at` is set only once every SKU took its units, so a crash
 * in between leaves the return for `finishReturnStock` to complete.
 */

async function applyReturnStock(env: Env, db: Db, { row, lines }: Stored) {
  const received = lines.filter((l) => l.stage === "received");
  const parts = returnedStock(received);
  // A lot new to this warehouse (the return came to another one) keeps the expiry it shipped with.
  const shipped = parts.some((p) => p.lot) ? await shippedLotsOf(db, row.orderId) : new Map();
  // Several parts commit together, through the warehouse's stock writer.
  const together = parts.length > 1;
  await Promise.all(
    parts.map(async ({ sku, condition, units, lot }) => {
      const ref = `return:${row.id}${lot === null ? "" : `:lot:${lot}`}`;
      const expiresOn: string | null | undefined = lot ? shipped.get(sku)?.get(lot) : undefined;
      return answered(
        await stockObject(env, {
          tenantId: row.tenantId,
          warehouseId: row.warehouseId,
          sku,
        }).receive(
          condition === "sellable" ? ref : `${ref}:damaged`,
          units,
          condition,
          lot === null ? undefined : { lot, ...(expiresOn !== undefined && { expiresOn }) },
          together,
        ),
      );
    }),
  );
  await markStockApplied(db, row.id);
}

/**
 * Applies a received return's stock unless that already happened. A failure is only
 * logged: the return is committed, and the cron finishes its stock.
 */
export async function settleReturnStock(env: Env, db: Db, stored: Stored) {
  if (stored.row.receivedAt === null || stored.row.stockAppliedAt !== null) return;
  await applyReturnStock(env, db, stored).catch((err: unknown) =>
    console.error(
      JSON.stringify({
        level: "warn",
        msg: "return stock deferred to the cron",
        return_id: stored.row.id,
        err: String(err),
      }),
    ),
  );
}

/** Returns one run finishes; each costs a statement and a stock call per SKU. */
const SWEEP_BATCH = 25;

/**
 * The cron's part: returns whose stock is still not applied a minute after receipt, a bounded
 * batch of tenants not frozen per run. True when it took a whole batch: more may be waiting.
 */
export async function finishReturnStock(env: Env, db: Db, scope: JobScope = UNSCOPED) {
  const overdue = await stockOverdue(db, SWEEP_BATCH, scope);
  const results = await Promise.allSettled(overdue.map((r) => applyReturnStock(env, db, r)));
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed.length > 0) {
    throw new AggregateError(
      failed.map((f) => f.reason),
      `${failed.length} of ${overdue.length} returns' stock still not applied`,
    );
  }
  return overdue.length === SWEEP_BATCH;
}
