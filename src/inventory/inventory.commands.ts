import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { products, tenants, warehouses } from "../db/schema";
import { Refused, refused } from "../domain/refusals";
import { answered } from "../durable/answers";
import { stockObject } from "../durable/stubs";
import { knownExpiries, type LotFields, refuseLotFields } from "./inventory.lots";
import type { CreateAdjustment, CreateConditionMove } from "./inventory.routes";
import type { AdjustmentSnapshot, ConditionMoveSnapshot } from "./inventory.snapshot";

interface Who {
  env: Env;
  db: Db;
  tenantId: string | null;
  actor: string;
}

/**
 * The stock row a floor write names, checked before any stock moves: the tenant (a platform
 * key names it), the warehouse, and the SKU in that tenant's catalogue.
 */
async function stockRowOf(
  who: Who,
  body: LotFields & { warehouse_id: string; tenant_id?: string | undefined },
  { unitsArrive }: { unitsArrive: boolean },
) {
  const { db } = who;
  const tenantId = who.tenantId ?? body.tenant_id;
  if (!tenantId) {
    throw refused("validation_error", {
      field: "tenant_id",
      reason: "is required with a platform key",
    });
  }
  const [tenant, warehouse, product] = await db.batch([
    db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)),
    db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, body.warehouse_id)),
    db
      .select({
        id: products.id,
        lotTracked: products.lotTracked,
        expiryTracked: products.expiryTracked,
      })
      .from(products)
      .where(and(eq(products.tenantId, tenantId), eq(products.sku, body.sku))),
  ]);
  if (tenant.length === 0) {
    throw refused("unknown_tenant", { field: "tenant_id", tenant_id: tenantId });
  }
  if (warehouse.length === 0) {
    throw refused("invalid_warehouse", {
      field: "warehouse_id",
      warehouse_id: body.warehouse_id,
    });
  }
  const [rules] = product;
  if (!rules) throw refused("unknown_sku", { field: "sku", sku: body.sku });
  const row = { tenantId, warehouseId: body.warehouse_id };
  // Units that arrive may start a lot, so they name its expiry; others are of a lot held.
  const lot = refuseLotFields(rules, body, "", await knownExpiries(db, row, [body]), {
    expiryRequired: unitsArrive,
  });
  if (lot) throw new Refused(lot);
  return stockObject(who.env, { ...row, sku: body.sku });
}

/**
 * POST /v1/ops/inventory-adjustments: check the stock row, then let the SKU's stock object
 * apply the delta once per adjustment id.
 */
export async function adjustStock(
  who: Who,
  body: CreateAdjustment,
  adjustmentId: string,
): Promise<AdjustmentSnapshot> {
  const stock = await stockRowOf(who, body, { unitsArrive: body.quantity_delta > 0 });
  const result = answered(
    await stock.adjust({
      id: adjustmentId,
      delta: body.quantity_delta,
      reason: body.reason,
      note: body.note ?? null,
      actor: who.actor,
      ...(body.lot && {
        lot: {
          lot: body.lot,
          ...(body.expires_on !== undefined && { expiresOn: body.expires_on }),
        },
      }),
    }),
  );
  if ("refused" in result) {
    if (result.refused === "lot_expiry_mismatch") {
      throw new Refused({
        code: "lot_expiry_mismatch",
        field: "expires_on",
        sku: body.sku,
        lot: result.lot,
        expires_on: result.expiresOn,
        given: body.expires_on ?? null,
      });
    }
    throw new Refused({
      code: result.refused === "stock_in_picking" ? "stock_in_picking" : "insufficient_stock",
      field: "quantity_delta",
      on_hand: "onHand" in result ? result.onHand : 0,
      allocated: "allocated" in result ? result.allocated : 0,
      quantity_delta: body.quantity_delta,
      ...("lot" in result && result.lot !== undefined ? { lot: result.lot } : {}),
      ...("orders" in result ? { orders: result.orders.join(", ") } : {}),
    });
  }
  return result.adjustment;
}

/**
 * POST /v1/ops/inventory/condition-moves: check the stock row, then let the SKU's stock
 * object move the units once per move id; it refuses, changing nothing, when `from` holds
 * too few of them.
 */
export async function moveStockCondition(
  who: Who,
  body: CreateConditionMove,
  moveId: string,
): Promise<ConditionMoveSnapshot> {
  const stock = await stockRowOf(who, body, { unitsArrive: false });
  const result = answered(
    await stock.moveCondition({
      id: moveId,
      from: body.from,
      to: body.to,
      quantity: body.quantity,
      reason: body.reason,
      note: body.note ?? null,
      actor: who.actor,
      ...(body.lot && { lot: body.lot }),
    }),
  );
  if (!("refused" in result)) return result.move;
  if (result.refused === "stock_in_picking") {
    throw new Refused({
      code: "stock_in_picking",
      field: "quantity",
      on_hand: result.onHand,
      allocated: result.allocated,
      orders: result.orders.join(", "),
    });
  }
  throw new Refused({
    code: "insufficient_condition_stock",
    field: "quantity",
    sku: body.sku,
    warehouse_id: body.warehouse_id,
    from: body.from,
    ...(body.lot && { lot: body.lot }),
    held:
      result.refused === "insufficient_held_stock"
        ? result.held
        : "onHand" in result
          ? result.onHand
          : 0,
    quantity: body.quantity,
  });
}
