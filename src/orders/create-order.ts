import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { statement } from "../db/client";
import { claimReference, type Holder } from "../db/reference-claims";
import { checkReferences } from "../db/references";
import { Refused, refused } from "../domain/refusals";
import { answered } from "../durable/answers";
import { orderObject } from "../durable/stubs";
import { requestHash } from "../http/idempotent";
import { newId, newLineId } from "../lib/ids";
import { tellOrders } from "./allocation-notices";
import { type LineInput, TERMS } from "./order";
import { compactTerms } from "./order-change";
import { type Found, findOrder } from "./orders.reads";
import { type CreateOrder, datesInOrder } from "./orders.schemas";

export interface Caller {
  env: Env;
  db: Db;
  tenantId: string;
  actor: string;
}

/** The order a reference is claimed for, with the claim's place in the tenant's queue. */
interface ReferenceHolder extends Holder {
  seq: number;
  createdAt: string;
}

export const toLines = (items: CreateOrder["items"]): LineInput[] =>
  items.map((i) => ({
    id: newLineId(),
    lineId: i.line_id ?? null,
    sku: i.sku,
    description: i.description ?? null,
    quantity: i.quantity,
    unitPrice: i.unit_price ?? null,
    currency: i.currency ?? null,
    hsCode: i.hs_code ?? null,
    countryOfOrigin: i.country_of_origin ?? null,
    customsValue: i.customs_value?.amount ?? null,
    customsCurrency: i.customs_value?.currency ?? null,
  }));

/**
 * POST /v1/orders, top to bottom.
 *
 * 1. One D1 batch checks every reference the order makes and claims its `reference`
 *    (and its Idempotency-Key) for a new order id, or finds the order they already
 *    name. A request that is refused claims nothing.
 * 2. A retry of a create that finished is answered from D1, or from the archive once the
 *    order has left D1 (its reference stays claimed, so the claim still names it).
 * 3. Otherwise the order's object creates it: each line allocated by its stock row,
 *    then one D1 batch with the order, its lines, its history and its events.
 */
export async function createOrder(
  caller: Caller,
  input: CreateOrder,
  idempotencyKey: string | undefined,
): Promise<Found & { created: boolean }> {
  const { db, tenantId } = caller;
  // Before the reference is claimed: a refused request claims nothing.
  if (!datesInOrder(input.ship_by, input.requested_delivery_date)) {
    throw refused("dates_out_of_order", {
      field: "requested_delivery_date",
      ship_by: input.ship_by,
      requested_delivery_date: input.requested_delivery_date,
    });
  }
  const candidate = newId("ord", tenantId);
  // Half the SHA-256 (128 bits) tells a retry's body from another as surely, and is what the
  // claim stores for every order it keeps; claims stored whole before compare by their half.
  const hash = (await requestHash(input)).slice(0, 32);
  const ofReference = sql`FROM order_references WHERE tenant_id = ${tenantId} AND reference = ${input.reference}`;
  const {
    id: orderId,
    holder: ref,
    resolved,
  } = await claimReference<ReferenceHolder>(db, {
    tenantId,
    idempotencyKey,
    operation: "order.create",
    reference: input.reference,
    candidate,
    requestHash: hash,
    refs: input,
    holder: sql`(SELECT json_object('id', order_id, 'seq', seq, 'requestHash', substr(request_hash, 1, 32), 'createdAt', created_at) ${ofReference})`,
    holderId: sql`(SELECT order_id ${ofReference})`,
    duplicate: (id) => ({ code: "duplicate_reference", field: "reference", order_id: id }),
    writes: (claim) => [
      statement(
        db,
        sql`INSERT INTO order_references (tenant_id, reference, order_id, request_hash)
        SELECT ${tenantId}, ${input.reference}, ${candidate}, ${hash} WHERE ${claim}
        ON CONFLICT (tenant_id, reference) DO NOTHING`,
      ),
    ],
  });

  if (orderId !== candidate) {
    const existing = await findOrder(caller.env, db, tenantId, orderId);
    if (existing) return { ...existing, created: false };
  }
  if (!ref) throw new Error("a claimed order without its reference");
  const { shipping } = checkReferences(input, resolved);
  const outcome = answered(
    await orderObject(caller.env, tenantId, orderId).execute({
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
        terms: compactTerms(
          Object.fromEntries(TERMS.map((k) => [k, input[k]])) as Record<string, unknown>,
        ),
      },
      lines: toLines(input.items),
    }),
  );
  if (!outcome.ok) throw new Refused(outcome.refusal);
  await tellOrders(caller.env, tenantId, outcome.notices);
  return { order: outcome.order, created: outcome.created, archived: false };
}
