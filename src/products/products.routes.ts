import { z } from "@hono/zod-openapi";
import {
  Dimensions,
  MAX_QUANTITY,
  optionalText,
  Sku,
  Timestamp,
  text,
  Weight,
} from "../domain/shapes";
import { apiRoute } from "../http/openapi";
import { cursorParam, limitParam, listOf, updatedSinceParam } from "../http/pagination";

export const Product = z
  .object({
    id: z.string().openapi({ example: "prd_9xKq2mW8nB4vC7zL1aSd" }),
    sku: Sku,
    name: z.string().openapi({ example: "Blue Widget — Medium" }),
    description: z.string().nullable(),
    barcode: z.string().nullable(),
    weight: Weight.nullable(),
    dimensions: Dimensions.nullable(),
    low_stock_threshold: z.number().int().nullable().openapi({
      description:
        "When `available` in a warehouse falls below it, `inventory.low_stock` fires; when it climbs back, `inventory.restocked`.",
      example: 10,
    }),
    serial_tracked: z.boolean().openapi({
      description:
        "Each unit carries a serial number: a shipment item of it lists one per unit (`serials`), and a received return line names those that came back.",
      example: false,
    }),
    lot_tracked: z.boolean().openapi({
      description:
        "Units belong to lots: receipts, counts, condition moves name the `lot`; allocation takes lots first expiry first; shipment items and returns record their lots.",
      example: false,
    }),
    expiry_tracked: z.boolean().openapi({
      description:
        "Each lot has an expiry (`expires_on`, given at receipt). Implies `lot_tracked`. A lot past its expiry is never allocated and moves to `expired` on its own.",
      example: false,
    }),
    min_shelf_life_days: z.number().int().openapi({
      description:
        "Days a lot must still have before expiry on the day an order ships (its `ship_by`, else today) to be allocated to it.",
      example: 0,
    }),
    version: z.string().openapi({ description: "Bumped on every change", example: "1" }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("Product");

const editable = {
  name: text(200),
  description: optionalText(2000),
  barcode: optionalText(64),
  weight: Weight.nullable().optional(),
  dimensions: Dimensions.nullable().optional(),
  low_stock_threshold: z.number().int().min(0).max(MAX_QUANTITY).nullable().optional(),
  serial_tracked: z.boolean().optional().openapi({
    description:
      "Whether each unit carries a serial number; false by default. Shipments made before a change keep the serials they listed.",
  }),
  lot_tracked: z.boolean().optional().openapi({
    description:
      "Whether units belong to lots; false by default. Units received before it was set have no lot: they are allocated after every lot. Turning it off also turns off `expiry_tracked`.",
  }),
  expiry_tracked: z.boolean().optional().openapi({
    description: "Whether each lot has an expiry; false by default. True also sets `lot_tracked`.",
  }),
  min_shelf_life_days: z.number().int().min(0).max(3650).optional().openapi({
    description:
      "Shelf life a lot must have left when the order ships to be allocated to it; 0 by default.",
  }),
};

export const CreateProduct = z.strictObject({ sku: Sku, ...editable }).openapi("CreateProduct");

export const UpdateProduct = z
  .strictObject({ ...editable, name: editable.name.optional() })
  .openapi("UpdateProduct", {
    description: "Only the fields sent change; send null to clear an optional field.",
  });

const SkuParam = z.object({ sku: Sku.openapi({ param: { name: "sku", in: "path" } }) });

export const create = apiRoute("products:write", {
  method: "post",
  path: "/products",
  tags: ["Products"],
  summary: "Create a product",
  description: "`sku` is unique per tenant: 409 `duplicate_sku` if it exists.",
  request: {
    body: { required: true, content: { "application/json": { schema: CreateProduct } } },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: Product } } },
    409: { description: "Duplicate sku" },
  },
});

export const list = apiRoute("products:read", {
  method: "get",
  path: "/products",
  tags: ["Products"],
  summary: "List products",
  description: "Oldest change first; poll with `updated_since` and walk `next_cursor`.",
  request: {
    query: z.object({
      updated_since: updatedSinceParam,
      sku: Sku.optional().openapi({ param: { name: "sku", in: "query" } }),
      cursor: cursorParam,
      limit: limitParam,
    }),
  },
  responses: {
    200: {
      description: "Products",
      content: { "application/json": { schema: listOf(Product, "ProductList") } },
    },
  },
});

export const get = apiRoute("products:read", {
  method: "get",
  path: "/products/{sku}",
  tags: ["Products"],
  summary: "Retrieve a product by sku",
  request: { params: SkuParam },
  responses: {
    200: { description: "Product", content: { "application/json": { schema: Product } } },
    404: { description: "Unknown sku" },
  },
});

export const update = apiRoute("products:write", {
  method: "patch",
  path: "/products/{sku}",
  tags: ["Products"],
  summary: "Update a product",
  description: "The sku itself cannot change.",
  request: {
    params: SkuParam,
    body: { required: true, content: { "application/json": { schema: UpdateProduct } } },
  },
  responses: {
    200: { description: "Updated", content: { "application/json": { schema: Product } } },
    404: { description: "Unknown sku" },
  },
});
