import type { z } from "@hono/zod-openapi";
import type { InventoryAdjustment, SkuInventory } from "./inventory.routes";
import type { AdjustmentSnapshot, SkuSnapshot } from "./inventory.snapshot";

/** The SKU inventory object of guide §3, shared by GET /v1/inventory and `inventory.*` events. */
export function renderSkuInventory(s: SkuSnapshot): z.infer<typeof SkuInventory> {
  return {
    sku: s.sku,
    updated_at: s.updatedAt,
    version: String(s.changeSeq),
    warehouses: s.warehouses.map((w) => ({
      warehouse_id: w.warehouseId,
      on_hand: w.onHand,
      available: Math.max(w.onHand - w.allocated, 0),
      allocated: w.allocated,
      incoming: w.incoming,
      backordered: w.backordered,
    })),
  };
}

/** The guide's adjustment object (§5b). */
export function renderAdjustment(a: AdjustmentSnapshot): z.infer<typeof InventoryAdjustment> {
  return {
    id: a.id,
    sku: a.sku,
    warehouse_id: a.warehouseId,
    quantity_delta: a.quantityDelta,
    reason: a.reason,
    note: a.note,
    adjusted_at: a.adjustedAt,
  };
}
