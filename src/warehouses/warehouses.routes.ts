import { z } from "@hono/zod-openapi";
import { deliverable } from "../domain/addresses";
import { Address, Slug, Timestamp, text } from "../domain/shapes";
import { adminRoute, apiRoute, jsonContent } from "../http/openapi";
import { listOf, listQuery } from "../http/pagination";

export const Warehouse = z
  .object({
    id: z.string().openapi({ example: "wh_syd_1" }),
    name: z.string().openapi({ example: "Sydney DC" }),
    code: z.string().openapi({ example: "SYD" }),
    address: Address,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("Warehouse");

export const CreateWarehouse = z
  .strictObject({
    id: Slug.openapi({ example: "wh_syd_1" }),
    name: text(200),
    code: text(20),
    address: deliverable(Address),
  })
  .openapi("CreateWarehouse");

const WarehouseList = listOf(Warehouse, "WarehouseList");

export const list = apiRoute(null, {
  method: "get",
  path: "/warehouses",
  tags: ["Reference data"],
  summary: "List warehouses",
  description:
    "The warehouses orders can name in `warehouse_id`, oldest change first. Poll with `updated_since` and walk `next_cursor` like every other list.",
  request: { query: listQuery },
  responses: { 200: { description: "Warehouses", content: jsonContent(WarehouseList) } },
});

export const adminList = adminRoute({
  method: "get",
  path: "/warehouses",
  tags: ["Admin"],
  summary: "List warehouses",
  request: { query: listQuery },
  responses: { 200: { description: "Warehouses", content: jsonContent(WarehouseList) } },
});

export const adminCreate = adminRoute({
  method: "post",
  path: "/warehouses",
  tags: ["Admin"],
  summary: "Create a warehouse",
  description: "Warehouses are shared by every tenant. 409 `duplicate_warehouse` if the id exists.",
  request: { body: { required: true, content: jsonContent(CreateWarehouse) } },
  responses: {
    201: { description: "Created", content: jsonContent(Warehouse) },
    409: { description: "The id exists" },
  },
});
