import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client";
import {
  type ClaimRequest,
  type ClaimRow,
  claimJson,
  claimStatement,
  interpretClaim,
  keyReused,
  releaseClaim,
} from "../db/idempotency";
import { type Refusal, Refused } from "../domain/refusals";
import { requestHash } from "../http/idempotent";
import { newId } from "../lib/ids";
import { findByRma, findReturn, orderFactsJson, parseFacts } from "./return-reads";
import { refuseReturn } from "./return-rules";
import { insertExpected } from "./return-store";
import type { StoredReturn } from "./returns.render";
import type { CreateReturn } from "./returns.routes";

interface RmaHolder {
  id: string;
  requestHash: string | null;
}

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
  const candidate = newId("ret");
  const hash = await requestHash(input);
  const holder = sql`(SELECT id FROM returns WHERE tenant_id = ${tenantId} AND rma = ${input.rma})`;
  const keyClaim: ClaimRequest | undefined = idempotencyKey
    ? {
        owner: tenantId,
        key: idempotencyKey,
        operation: "return.create",
        anchor: input.rma,
        resourceId: sql`COALESCE(${holder}, ${candidate})`,
        token: crypto.randomUUID(),
      }
    : undefined;

  const read = rowsOf<{
    holder: string | null;
    claim: string | null;
    facts: string;
    warehouse: string | null;
  }>(
    db,
    sql`SELECT
      (SELECT json_object('id', id, 'requestHash', request_hash) FROM returns
        WHERE tenant_id = ${tenantId} AND rma = ${input.rma}) AS holder,
      ${keyClaim ? claimJson(tenantId, keyClaim.key) : sql`NULL`} AS claim,
      ${orderFactsJson(input.order_id, tenantId)} AS facts,
      (SELECT id FROM warehouses WHERE id = ${input.warehouse_id ?? null}) AS warehouse`,
  );
  const results = keyClaim
    ? await db.batch([
        claimStatement(
          db,
          keyClaim,
          sql`NOT EXISTS (SELECT 1 FROM returns WHERE tenant_id = ${tenantId}
            AND rma = ${input.rma} AND request_hash IS NOT ${hash})`,
        ),
        read,
      ])
    : await db.batch([read]);
  const [row] = results[results.length - 1] as Awaited<typeof read>;
  if (!row) throw new Error("return claim read back nothing");

  let returnId: string | undefined;
  let claimed = false;
  if (keyClaim) {
    const outcome = interpretClaim(
      keyClaim,
      row.claim ? (JSON.parse(row.claim) as ClaimRow) : undefined,
    );
    if (outcome?.kind === "reused") throw keyReused(outcome.operation, outcome.resourceId);
    returnId = outcome?.resourceId;
    claimed = outcome?.kind === "claimed";
  }
  const existing = row.holder ? (JSON.parse(row.holder) as RmaHolder) : undefined;
  if (!returnId && existing) {
    if (existing.requestHash !== hash) throw new Refused(duplicateRma(input.rma, existing.id));
    returnId = existing.id;
  }
  returnId ??= candidate;
  if (returnId !== candidate) {
    const found = await findReturn(db, tenantId, returnId);
    if (found) return { stored: found, created: false };
  }

  const refuse = async (refusal: Refusal): Promise<never> => {
    if (keyClaim && claimed) await releaseClaim(db, keyClaim);
    throw new Refused(refusal);
  };
  const facts = parseFacts(row.facts);
  const refusal = refuseReturn(facts, {
    order_id: input.order_id,
    warehouse:
      input.warehouse_id === undefined
        ? undefined
        : { id: input.warehouse_id, resolved: row.warehouse },
    items: input.items,
  });
  if (refusal) return refuse(refusal);
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
    input.items,
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
