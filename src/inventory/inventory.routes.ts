import { z } from "@hono/zod-openapi";
import { MAX_QUANTITY, optionalText, Sku, Timestamp } from "../domain/shapes";
import { ADJUSTMENT_REASONS } from "../domain/statuses";
import { apiRoute, jsonContent } from "../http/openapi";
import { cursorParam, limitParam, listOf, orderParam, updatedSinceParam } from "../http/pagination";

export const WarehouseStock = z
  .object({
    warehouse_id: z.string().openapi({ example: "wh_syd_1" }),
    on_hand: z.number().int().openapi({ description: "Physically in the warehouse" }),
    available: z.number().int().openapi({ description: "on_hand − allocated, never below 0" }),
    allocated: z.number().int().openapi({ description: "Reserved for open orders" }),
    incoming: z.number().int().openapi({ description: "On open inbound shipments" }),
    backordered: z.number().int().openapi({ description: "Ordered but waiting for stock" }),
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
        },
        {
          warehouse_id: "wh_mel_1",
          on_hand: 40,
          available: 40,
          allocated: 0,
          incoming: 30,
          backordered: 5,
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
    note: optionalText(1000),
    tenant_id: z.string().optional().openapi({
      description: "Required with a platform key (which serves every tenant); ignored otherwise.",
    }),
  })
  .openapi("CreateInventoryAdjustment");
export type CreateAdjustment = z.infer<typeof CreateAdjustment>;

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
  request: { query: z.object({ ...filters, order: orderParam }) },
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
