import type { z } from "@hono/zod-openapi";
import type { ConditionMove, InventoryAdjustment, SkuInventory } from "./inventory.routes";
import type { AdjustmentSnapshot, ConditionMoveSnapshot, SkuSnapshot } from "./inventory.snapshot";

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
      quarantine: w.quarantine,
      damaged: w.damaged,
      expired: w.expired,
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

/** A floor move between conditions, as its audit record. */
export function renderConditionMove(m: ConditionMoveSnapshot): z.infer<typeof ConditionMove> {
  return {
    id: m.id,
    sku: m.sku,
    warehouse_id: m.warehouseId,
    from: m.fromCondition,
    to: m.toCondition,
    quantity: m.quantity,
    reason: m.reason,
    note: m.note,
    actor: m.actor,
    moved_at: m.movedAt,
  };
}
