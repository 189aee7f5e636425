import { z } from "@hono/zod-openapi";
import { adminRoute, apiRoute } from "../http/openapi";
import { listOf, listQuery } from "../http/pagination";
import { optionalText, Slug, Timestamp, text } from "../http/shapes";

export const ShippingMethod = z
  .object({
    id: z.string().openapi({ example: "sm_auspost_express" }),
    name: z.string().openapi({ example: "Express Post" }),
    carrier: z.string().openapi({ example: "auspost" }),
    carrier_name: z.string().nullable().openapi({ example: "Australia Post" }),
    service_code: z.string().openapi({ example: "EXP" }),
    created_at: Timestamp,
  })
  .openapi("ShippingMethod");

export const CreateShippingMethod = z
  .strictObject({
    id: Slug.openapi({ example: "sm_auspost_express" }),
    name: text(200),
    carrier: Slug.openapi({ example: "auspost" }),
    carrier_name: optionalText(200),
    service_code: text(50),
  })
  .openapi("CreateShippingMethod");

const ShippingMethodList = listOf(ShippingMethod, "ShippingMethodList");

export const list = apiRoute(null, {
  method: "get",
  path: "/shipping-methods",
  tags: ["Reference data"],
  summary: "List shipping methods",
  description:
    "Carrier services orders can name in `shipping_method_id` (or, as a fallback, by `name` in `shipping_method`).",
  request: { query: listQuery },
  responses: {
    200: {
      description: "Shipping methods",
      content: { "application/json": { schema: ShippingMethodList } },
    },
  },
});

export const adminList = adminRoute({
  method: "get",
  path: "/shipping-methods",
  tags: ["Admin"],
  summary: "List shipping methods",
  request: { query: listQuery },
  responses: {
    200: {
      description: "Shipping methods",
      content: { "application/json": { schema: ShippingMethodList } },
    },
  },
});

export const adminCreate = adminRoute({
  method: "post",
  path: "/shipping-methods",
  tags: ["Admin"],
  summary: "Create a shipping method",
  description: "Shared by every tenant. 409 `duplicate_shipping_method` if the id exists.",
  request: {
    body: { required: true, content: { "application/json": { schema: CreateShippingMethod } } },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: ShippingMethod } } },
  },
});
