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
      ...(w.lots && {
        lots: w.lots.map((l) => ({
          lot: l.lot,
          expires_on: l.expiresOn,
          on_hand: l.onHand,
          allocated: l.allocated,
          available: Math.max(l.onHand - l.allocated, 0),
          quarantine: l.quarantine,
          damaged: l.damaged,
          expired: l.expired,
        })),
      }),
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
    lot: a.lot ?? null,
    expires_on: a.expiresOn ?? null,
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
    lot: m.lot ?? null,
    reason: m.reason,
    note: m.note,
    actor: m.actor,
    moved_at: m.movedAt,
  };
}
