import { sql } from "drizzle-orm";
import { unlessArchived } from "../db/archived-orders";
import type { Db } from "../db/client";
import { claimReference } from "../db/reference-claims";
import { type Refusal, Refused } from "../domain/refusals";
import { requestHash } from "../http/idempotent";
import { newId } from "../lib/ids";
import { type FactsJson, factsOf, findByRma, findReturn, orderFactsJson } from "./return-reads";
import { refuseReturn } from "./return-rules";
import { insertExpected } from "./return-store";
import type { StoredReturn } from "./returns.render";
import type { CreateReturn } from "./returns.routes";

const duplicateRma = (rma: string, returnId: string): Refusal => ({
  code: "duplicate_rma",
  field: "rma",
  return_id: returnId,
  rma,
});

/**
 * POST /v1/returns, top to bottom. Like an order's reference, the `rma` is the dedup
 * anchor (with the Idempotency-Key when one is sent):
 *
 * 1. One D1 batch claims the key for the return the rma names (or a new id) and reads
 *    that return, the key's claim and the order's facts.
 * 2. A repeat of a create that finished answers with the existing return.
 * 3. Otherwise the RMA is checked against what the order shipped, then written; a
 *    refused request frees the key it claimed.
 */
export async function createReturn(
  caller: { db: Db; tenantId: string },
  input: CreateReturn,
  idempotencyKey: string | undefined,
): Promise<{ stored: StoredReturn; created: boolean }> {
  const { db, tenantId } = caller;
  const candidate = newId("ret", tenantId);
  const hash = await requestHash(input);
  const ofRma = sql`FROM returns WHERE tenant_id = ${tenantId} AND rma = ${input.rma}`;
  const ofArchivedRma = sql`FROM archived_returns WHERE tenant_id = ${tenantId} AND rma = ${input.rma}`;
  const claimed = await claimReference(db, {
    tenantId,
    idempotencyKey,
    operation: "return.create",
    reference: input.rma,
    candidate,
    requestHash: hash,
    refs: {},
    // An archived return keeps its RMA: a create naming it again is told which return has it.
    holder: sql`COALESCE((SELECT json_object('id', id, 'requestHash', request_hash) ${ofRma}),
      (SELECT json_object('id', return_id, 'requestHash', NULL) ${ofArchivedRma}))`,
    holderId: sql`COALESCE((SELECT id ${ofRma}), (SELECT return_id ${ofArchivedRma}))`,
    duplicate: (id) => duplicateRma(input.rma, id),
    extra: sql`json_object('facts', json(${orderFactsJson(input.order_id, tenantId)}),
      'warehouse', (SELECT id FROM warehouses WHERE id = ${input.warehouse_id ?? null}))`,
  });
  const returnId = claimed.id;
  if (returnId !== candidate) {
    const found = await findReturn(db, tenantId, returnId);
    if (found) return { stored: found, created: false };
  }

  const refuse = async (refusal: Refusal): Promise<never> => {
    await claimed.release();
    throw new Refused(refusal);
  };
  if (!claimed.extra) throw new Error("return claim read back no order facts");
  const read = JSON.parse(claimed.extra) as { facts: FactsJson; warehouse: string | null };
  const facts = factsOf(read.facts);
  const placed = refuseReturn(facts, {
    order_id: input.order_id,
    warehouse:
      input.warehouse_id === undefined
        ? undefined
        : { id: input.warehouse_id, resolved: read.warehouse },
    items: input.items,
  });
  if (!Array.isArray(placed)) {
    return refuse(await unlessArchived(db, tenantId, input.order_id, placed));
  }
  const order = facts.order as NonNullable<typeof facts.order>;
  const stored = await insertExpected(
    db,
    {
      id: returnId,
      tenantId,
      orderId: order.id,
      orderNumber: order.orderNumber,
      rma: input.rma,
      warehouseId: input.warehouse_id ?? order.warehouseId,
      reason: input.reason ?? null,
      requestHash: hash,
    },
    placed,
  );
  if (stored) return { stored, created: true };

  // A concurrent create took the rma first: the same body is a replay, another a conflict.
  const winner = await findByRma(db, tenantId, input.rma);
  if (!winner) throw new Error(`rma ${input.rma} was neither written nor taken`);
  if (winner.row.id !== returnId && winner.row.requestHash !== hash) {
    return refuse(duplicateRma(input.rma, winner.row.id));
  }
  return { stored: winner, created: false };
}
