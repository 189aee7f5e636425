import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { products, tenants, warehouses } from "../db/schema";
import { Refused, refused } from "../domain/refusals";
import { answered } from "../durable/answers";
import { stockObject } from "../durable/stubs";
import type { CreateAdjustment } from "./inventory.routes";
import type { AdjustmentSnapshot } from "./inventory.snapshot";

/**
 * POST /v1/ops/inventory-adjustments: resolve the tenant (a platform key names it), check
 * the warehouse and SKU, then let the SKU's stock object apply the delta once per
 * adjustment id.
 */
export async function adjustStock(
  who: { env: Env; db: Db; tenantId: string | null; actor: string },
  body: CreateAdjustment,
  adjustmentId: string,
): Promise<AdjustmentSnapshot> {
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
      .select({ id: products.id })
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
  if (product.length === 0) {
    throw refused("unknown_sku", { field: "sku", sku: body.sku });
  }
  const result = answered(
    await stockObject(who.env, {
      tenantId,
      warehouseId: body.warehouse_id,
      sku: body.sku,
    }).adjust({
      id: adjustmentId,
      delta: body.quantity_delta,
      reason: body.reason,
      note: body.note ?? null,
      actor: who.actor,
    }),
  );
  if ("refused" in result) {
    throw new Refused({
      code: result.refused === "stock_in_picking" ? "stock_in_picking" : "insufficient_stock",
      field: "quantity_delta",
      on_hand: "onHand" in result ? result.onHand : 0,
      allocated: "allocated" in result ? result.allocated : 0,
      quantity_delta: body.quantity_delta,
      ...("orders" in result ? { orders: result.orders.join(", ") } : {}),
    });
  }
  return result.adjustment;
}
