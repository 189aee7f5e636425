import { z } from "@hono/zod-openapi";
import {
  ExpiryDate,
  LotCode,
  MAX_QUANTITY,
  MAX_STOCK_NOTE_LENGTH,
  optionalText,
  Sku,
  Timestamp,
} from "../domain/shapes";
import { ADJUSTMENT_REASONS, CONDITION_MOVE_REASONS, STOCK_CONDITIONS } from "../domain/statuses";
import { apiRoute, jsonContent } from "../http/openapi";
import { cursorParam, limitParam, listOf, orderParam, updatedSinceParam } from "../http/pagination";

export const LotStock = z
  .object({
    lot: z.string().openapi({ example: "L2026-11-A" }),
    expires_on: z.string().nullable().openapi({
      description: "The lot's last sellable day; null when the product has no expiry.",
      example: "2027-05-31",
    }),
    on_hand: z.number().int().openapi({ description: "Sellable units of this lot" }),
    allocated: z.number().int().openapi({ description: "Of on_hand, held by open orders" }),
    available: z.number().int().openapi({ description: "on_hand − allocated, never below 0" }),
    quarantine: z.number().int(),
    damaged: z.number().int(),
    expired: z.number().int().openapi({
      description: "Units of this lot moved to `expired` (on their own the day after expiry)",
    }),
  })
  .openapi("LotStock");

export const WarehouseStock = z
  .object({
    warehouse_id: z.string().openapi({ example: "wh_syd_1" }),
    on_hand: z
      .number()
      .int()
      .openapi({ description: "Sellable units physically in the warehouse" }),
    available: z.number().int().openapi({ description: "on_hand − allocated, never below 0" }),
    allocated: z.number().int().openapi({ description: "Reserved for open orders" }),
    incoming: z.number().int().openapi({ description: "On open inbound shipments" }),
    backordered: z.number().int().openapi({ description: "Ordered but waiting for stock" }),
    quarantine: z.number().int().openapi({
      description: "In the warehouse, held for inspection: not in on_hand, never allocated",
    }),
    damaged: z.number().int().openapi({
      description:
        "In the warehouse, not sellable (damaged on arrival or in the warehouse, returns not restocked): not in on_hand, never allocated",
    }),
    expired: z.number().int().openapi({
      description: "In the warehouse, past expiry: not in on_hand, never allocated",
    }),
    lots: z.array(LotStock).optional().openapi({
      description:
        "With `by=lot`: each lot's stock, first expiry first (empty for a SKU whose stock has no lots). Units received without a lot are in the warehouse's totals and in no lot.",
    }),
  })
  .openapi("WarehouseStock");

export const SkuInventory = z
  .object({
    sku: z.string(),
    updated_at: Timestamp,
    version: z
      .string()
      .openapi({ description: "Grows with every change to any warehouse's row for this SKU" }),
    warehouses: z.array(WarehouseStock),
  })
  .openapi("SkuInventory", {
    // The integration guide's example (§3), with the version every resource carries.
    example: {
      sku: "WIDGET-BLUE-M",
      updated_at: "2026-07-02T22:05:00.000Z",
      version: "42",
      warehouses: [
        {
          warehouse_id: "wh_syd_1",
          on_hand: 120,
          available: 96,
          allocated: 24,
          incoming: 0,
          backordered: 0,
          quarantine: 2,
          damaged: 1,
          expired: 0,
        },
        {
          warehouse_id: "wh_mel_1",
          on_hand: 40,
          available: 40,
          allocated: 0,
          incoming: 30,
          backordered: 5,
          quarantine: 0,
          damaged: 0,
          expired: 0,
        },
      ],
    },
  });

export const InventoryAdjustment = z
  .object({
    id: z.string().openapi({ example: "adj_4471Qk2nW8xYz1AbCdEf" }),
    sku: z.string(),
    warehouse_id: z.string(),
    quantity_delta: z.number().int().openapi({ description: "Signed: negative removes stock" }),
    reason: z.enum(ADJUSTMENT_REASONS),
    lot: z
      .string()
      .nullable()
      .openapi({ description: "The lot counted; null for a product without lots." }),
    expires_on: z.string().nullable(),
    note: z.string().nullable(),
    adjusted_at: Timestamp,
  })
  .openapi("InventoryAdjustment", {
    // The integration guide's example (§5b).
    example: {
      id: "adj_4471Qk2nW8xYz1AbCdEf",
      sku: "WIDGET-BLUE-M",
      warehouse_id: "wh_syd_1",
      quantity_delta: -3,
      reason: "damaged",
      lot: null,
      expires_on: null,
      note: "Water damage, pallet 12",
      adjusted_at: "2026-07-02T05:00:00.000Z",
    },
  });

export const CreateAdjustment = z
  .strictObject({
    sku: Sku,
    warehouse_id: z.string().min(1).max(100),
    quantity_delta: z
      .number()
      .int()
      .min(-MAX_QUANTITY)
      .max(MAX_QUANTITY)
      .refine((n) => n !== 0, { message: "must not be 0" })
      .openapi({ not: { const: 0 } }),
    reason: z.enum(ADJUSTMENT_REASONS),
    lot: LotCode.optional().openapi({
      description:
        "The lot counted: required for a `lot_tracked` product (422 `lot_required`), refused for any other. A loss takes units of this lot only.",
    }),
    expires_on: ExpiryDate.optional(),
    note: optionalText(MAX_STOCK_NOTE_LENGTH),
    tenant_id: z.string().optional().openapi({
      description: "Required with a platform key (which serves every tenant); ignored otherwise.",
    }),
  })
  .openapi("CreateInventoryAdjustment");
export type CreateAdjustment = z.infer<typeof CreateAdjustment>;

const Condition = z.enum(STOCK_CONDITIONS).openapi({
  description:
    "`sellable` is on_hand, the stock orders allocate from; `quarantine`, `damaged` and `expired` are counted apart and never allocated.",
});

export const ConditionMove = z
  .object({
    id: z.string().openapi({ example: "cmv_4471Qk2nW8xYz1AbCdEf" }),
    sku: z.string(),
    warehouse_id: z.string(),
    from: Condition,
    to: Condition,
    quantity: z.number().int().positive(),
    lot: z.string().nullable().openapi({
      description: "The lot whose units moved; null for a product without lots.",
    }),
    reason: z.enum(CONDITION_MOVE_REASONS),
    note: z.string().nullable(),
    actor: z.string().openapi({ description: "The API key id that moved the units" }),
    moved_at: Timestamp,
  })
  .openapi("InventoryConditionMove", {
    example: {
      id: "cmv_4471Qk2nW8xYz1AbCdEf",
      sku: "WIDGET-BLUE-M",
      warehouse_id: "wh_syd_1",
      from: "sellable",
      to: "quarantine",
      quantity: 4,
      lot: null,
      reason: "recalled",
      note: "Supplier recall R-2231, batch on aisle 4",
      actor: "key_7f3a9c2e",
      moved_at: "2026-07-02T05:00:00.000Z",
    },
  });

export const CreateConditionMove = z
  .strictObject({
    sku: Sku,
    warehouse_id: z.string().min(1).max(100),
    from: Condition,
    to: Condition,
    quantity: z.number().int().positive().max(MAX_QUANTITY),
    lot: LotCode.optional().openapi({
      description:
        "The lot whose units move: required for a `lot_tracked` product (422 `lot_required`), refused for any other.",
    }),
    reason: z.enum(CONDITION_MOVE_REASONS),
    note: optionalText(MAX_STOCK_NOTE_LENGTH),
    tenant_id: z.string().optional().openapi({
      description: "Required with a platform key (which serves every tenant); ignored otherwise.",
    }),
  })
  .refine((b) => b.from !== b.to, { message: "must differ from from", path: ["to"] })
  .openapi("CreateInventoryConditionMove", {
    // The refinement as JSON Schema, so generic tools know `to` differs from `from`.
    oneOf: STOCK_CONDITIONS.map((from) => ({
      properties: {
        from: { const: from },
        to: { enum: STOCK_CONDITIONS.filter((to) => to !== from) },
      },
      required: ["from", "to"],
    })),
  });
export type CreateConditionMove = z.infer<typeof CreateConditionMove>;

const filters = {
  sku: Sku.optional().openapi({ param: { name: "sku", in: "query" } }),
  warehouse_id: z
    .string()
    .min(1)
    .optional()
    .openapi({ param: { name: "warehouse_id", in: "query" } }),
  updated_since: updatedSinceParam,
  cursor: cursorParam,
  limit: limitParam,
};

export const list = apiRoute("inventory:read", {
  method: "get",
  path: "/inventory",
  tags: ["Inventory"],
  summary: "Stock per SKU, broken out per warehouse",
  description:
    "Every SKU with stock activity, oldest change first (newest first with `order=desc`); a SKU changes when any of its warehouses does. Poll with `updated_since` and walk `next_cursor`.",
  request: {
    query: z.object({
      ...filters,
      order: orderParam,
      by: z
        .enum(["warehouse", "lot"])
        .default("warehouse")
        .openapi({
          param: { name: "by", in: "query" },
          description:
            "`lot` adds each warehouse's `lots`: every lot's on-hand, allocated, available, conditions and expiry, first expiry first.",
        }),
    }),
  },
  responses: {
    200: { description: "Inventory", content: jsonContent(listOf(SkuInventory, "InventoryList")) },
  },
});

export const listAdjustments = apiRoute("inventory:read", {
  method: "get",
  path: "/inventory-adjustments",
  tags: ["Inventory"],
  summary: "Stock adjustments with their reasons",
  request: { query: z.object(filters) },
  responses: {
    200: {
      description: "Adjustments",
      content: jsonContent(listOf(InventoryAdjustment, "InventoryAdjustmentList")),
    },
  },
});

export const listConditionMoves = apiRoute("inventory:read", {
  method: "get",
  path: "/inventory/condition-moves",
  tags: ["Inventory"],
  summary: "Units the floor moved between stock conditions, with their reasons",
  description:
    "The audit record of every move (`POST /v1/ops/inventory/condition-moves`), oldest first: who moved how many units of a SKU from which condition to which, why, and when. Poll with `updated_since` and walk `next_cursor`.",
  request: { query: z.object(filters) },
  responses: {
    200: {
      description: "Condition moves",
      content: jsonContent(listOf(ConditionMove, "InventoryConditionMoveList")),
    },
  },
});
