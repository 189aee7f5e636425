import { eq } from "drizzle-orm";
import { unlessArchived } from "../db/archived-orders";
import type { Db } from "../db/client";
import { resolveReferences } from "../db/references";
import { orders } from "../db/schema";
import { type Refusal, Refused } from "../domain/refusals";
import { answered } from "../durable/answers";
import { orderObject } from "../durable/stubs";
import { newLineId, routeOfId } from "../lib/ids";
import { tellOrders } from "./allocation-notices";
import type { AmendPatch, OrderCommand } from "./order";
import type { AmendOrder } from "./orders.schemas";
import type { Outcome } from "./outcome";

/** Who is asking: a tenant acts on its own orders; a platform key (tenant null) on any. */
export interface Actor {
  env: Env;
  db: Db;
  tenantId: string | null;
  actor: string;
}

export type Applied = Extract<Outcome, { ok: true }>;

/** The shipment a ship, track or void command named or made. */
export function shipmentOf(applied: Applied) {
  if (!applied.shipment) throw new Error("a shipment command answered without its shipment");
  return applied.shipment;
}

export async function tenantOfOrder(db: Db, orderId: string): Promise<string> {
  const [row] = await db
    .select({ tenantId: orders.tenantId })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (row) return row.tenantId;
  const refusal: Refusal = { code: "not_found", resource: "order", id: orderId };
  throw new Refused(await unlessArchived(db, null, orderId, refusal));
}

/**
 * One command on one order, as every handler runs it: find the order's object, run the
 * command there, turn a refusal into its HTTP error, and tell the orders whose waiting
 * lines the change filled before answering.
 */
export async function runOrderCommand(
  who: Actor,
  orderId: string,
  command: OrderCommand | ((tenantId: string) => OrderCommand),
): Promise<Applied> {
  // An id this API never issued names no order, and must not name an object either: a `/`
  // in it would break the object's name apart.
  if (!orderId.startsWith("ord_") || "malformed" in routeOfId(orderId)) {
    throw new Refused({ code: "not_found", resource: "order", id: orderId });
  }
  const tenantId = who.tenantId ?? (await tenantOfOrder(who.db, orderId));
  const cmd = typeof command === "function" ? command(tenantId) : command;
  const outcome = answered(await orderObject(who.env, tenantId, orderId).execute(cmd));
  if (!outcome.ok)
    throw new Refused(await unlessArchived(who.db, tenantId, orderId, outcome.refusal));
  await tellOrders(who.env, tenantId, outcome.notices);
  return outcome;
}

/** PATCH /v1/orders/{id}: resolve what the amend refers to, then let the order decide. */
export async function amendOrder(
  who: Actor & { tenantId: string },
  orderId: string,
  body: AmendOrder,
  ifMatch: number | undefined,
): Promise<Applied> {
  const { shipping } = await resolveReferences(who.db, who.tenantId, {
    shipping_method_id: body.shipping_method_id,
    shipping_method: body.shipping_method,
    items: body.items,
  });
  const patch: AmendPatch = {
    order_number: body.order_number,
    order_date: body.order_date,
    shipping_method_id: shipping?.shippingMethodId,
    shipping_method: shipping?.shippingMethod,
    signature_required: body.signature_required,
    insurance: body.insurance,
    gift_message: body.gift_message,
    packing_note: body.packing_note,
    ship_to: body.ship_to,
    billing_address: body.billing_address,
    incoterms: body.incoterms,
    tax_ids: body.tax_ids,
    ship_by: body.ship_by,
    requested_delivery_date: body.requested_delivery_date,
  };
  return runOrderCommand(who, orderId, {
    type: "amend",
    actor: who.actor,
    ifMatch,
    warehouseId: body.warehouse_id,
    patch,
    lines: body.items?.map((i) => ({
      id: newLineId(),
      lineId: i.line_id,
      sku: i.sku,
      quantity: i.quantity,
      description: i.description,
      unitPrice: i.unit_price,
      currency: i.currency,
      hsCode: i.hs_code,
      countryOfOrigin: i.country_of_origin,
      customs:
        i.customs_value === undefined
          ? undefined
          : {
              customsValue: i.customs_value?.amount ?? null,
              customsCurrency: i.customs_value?.currency ?? null,
            },
    })),
  });
}
