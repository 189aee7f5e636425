import { sql } from "drizzle-orm";
import { type Db, rowsOf, statement } from "../db/client";
import {
  type ClaimRequest,
  type ClaimRow,
  claimJson,
  claimStatement,
  interpretClaim,
} from "../db/idempotency";
import { checkReferences, type Resolved, referencesHold, referencesJson } from "../db/references";
import { Refused, refused } from "../domain/refusals";
import { orderObject } from "../durable/stubs";
import { keyReused, requestHash } from "../http/idempotent";
import { newId } from "../lib/ids";
import { tellOrders } from "./allocation-notices";
import type { LineInput } from "./order";
import type { Committed } from "./orders.reads";
import { readOrder } from "./orders.reads";
import type { CreateOrder } from "./orders.schemas";

export interface Caller {
  env: Env;
  db: Db;
  tenantId: string;
  actor: string;
}

interface ReferenceClaim {
  seq: number;
  orderId: string;
  requestHash: string;
  createdAt: string;
}

export const toLines = (items: CreateOrder["items"]): LineInput[] =>
  items.map((i) => ({
    sku: i.sku,
    description: i.description ?? null,
    quantity: i.quantity,
    unitPrice: i.unit_price ?? null,
    currency: i.currency ?? null,
  }));

/**
 * POST /v1/orders, top to bottom.
 *
 * 1. One D1 batch checks every reference the order makes and claims its `reference`
 *    (and its Idempotency-Key) for a new order id, or finds the order they already
 *    name. A request that is refused claims nothing.
 * 2. A retry of a create that finished is answered from D1.
 * 3. Otherwise the order's object creates it: each line allocated by its stock row,
 *    then one D1 batch with the order, its lines, its history and its events.
 */
export async function createOrder(
  caller: Caller,
  input: CreateOrder,
  idempotencyKey: string | undefined,
): Promise<{ order: Committed; created: boolean }> {
  const { db, tenantId } = caller;
  const candidate = newId("ord");
  const hash = await requestHash(input);
  const holds = referencesHold(tenantId, input);
  const claimedBy = sql`(SELECT order_id FROM order_references WHERE tenant_id = ${tenantId} AND reference = ${input.reference})`;
  const keyClaim: ClaimRequest | undefined = idempotencyKey
    ? {
        owner: tenantId,
        key: idempotencyKey,
        operation: "order.create",
        // Guide §1: the key and the reference together are the dedup anchor.
        anchor: input.reference,
        resourceId: sql`COALESCE(${claimedBy}, ${candidate})`,
        token: crypto.randomUUID(),
      }
    : undefined;

  const claimKey = keyClaim
    ? [
        claimStatement(
          db,
          keyClaim,
          sql`${holds} AND NOT EXISTS (SELECT 1 FROM order_references WHERE tenant_id = ${tenantId}
            AND reference = ${input.reference} AND request_hash != ${hash})`,
        ),
      ]
    : [];
  const results = await db.batch([
    ...claimKey,
    statement(
      db,
      sql`INSERT INTO order_references (tenant_id, reference, order_id, request_hash)
      SELECT ${tenantId}, ${input.reference}, ${candidate}, ${hash}
      WHERE ${holds} ${
        keyClaim
          ? sql`AND NOT EXISTS (SELECT 1 FROM idempotency_claims WHERE owner = ${tenantId}
              AND key = ${keyClaim.key} AND (operation != 'order.create' OR anchor != ${input.reference}))`
          : sql``
      }
      ON CONFLICT (tenant_id, reference) DO NOTHING`,
    ),
    rowsOf<{ ref: string | null; claim: string | null; refs: string }>(
      db,
      sql`SELECT
      (SELECT json_object('seq', seq, 'orderId', order_id, 'requestHash', request_hash, 'createdAt', created_at)
        FROM order_references WHERE tenant_id = ${tenantId} AND reference = ${input.reference}) AS ref,
      ${keyClaim ? claimJson(tenantId, keyClaim.key) : sql`NULL`} AS claim,
      ${referencesJson(tenantId, input)} AS refs`,
    ),
  ] as unknown as Parameters<Db["batch"]>[0]);
  const [row] = results[results.length - 1] as {
    ref: string | null;
    claim: string | null;
    refs: string;
  }[];
  if (!row) throw new Error("order claim read back nothing");
  const ref = row.ref ? (JSON.parse(row.ref) as ReferenceClaim) : undefined;
  const resolved = JSON.parse(row.refs) as Resolved;

  let orderId: string | undefined;
  if (keyClaim) {
    const outcome = interpretClaim(
      keyClaim,
      row.claim ? (JSON.parse(row.claim) as ClaimRow) : undefined,
    );
    if (outcome?.kind === "reused") throw keyReused(outcome.operation, outcome.resourceId);
    orderId = outcome?.resourceId;
  }
  if (!orderId) {
    checkReferences(input, resolved);
    if (!ref) throw new Error("reference claim read back nothing");
    if (ref.requestHash !== hash) {
      throw refused("duplicate_reference", { field: "reference", order_id: ref.orderId });
    }
    orderId = ref.orderId;
  }

  if (orderId !== candidate) {
    const existing = await readOrder(db, tenantId, orderId);
    if (existing) return { order: existing, created: false };
  }
  if (!ref) throw new Error("a claimed order without its reference");
  const { shipping } = checkReferences(input, resolved);
  const outcome = await orderObject(caller.env, tenantId, orderId).execute({
    type: "create",
    actor: caller.actor,
    // The claim's sequence and time: "oldest first" means the order accepted first.
    priority: ref.seq,
    createdAt: ref.createdAt,
    order: {
      orderNumber: input.order_number,
      reference: input.reference,
      orderDate: input.order_date ?? null,
      warehouseId: input.warehouse_id,
      shippingMethodId: shipping?.shippingMethodId ?? null,
      shippingMethod: shipping?.shippingMethod ?? null,
      signatureRequired: input.signature_required ?? false,
      insurance: input.insurance ?? false,
      giftMessage: input.gift_message ?? null,
      packingNote: input.packing_note ?? null,
      shipTo: input.ship_to,
    },
    lines: toLines(input.items),
  });
  if (!outcome.ok) throw new Refused(outcome.refusal);
  await tellOrders(caller.env, tenantId, outcome.notices);
  return { order: outcome.order, created: outcome.created };
}
