import { z } from "@hono/zod-openapi";
import { optionalText, Slug, Timestamp, text } from "../domain/shapes";
import { adminRoute, apiRoute, jsonContent } from "../http/openapi";
import { listOf, listQuery } from "../http/pagination";

// Names match case-insensitively, so `Express` after `express` adds nothing: it is dropped
// rather than refused, since JSON Schema's uniqueItems cannot say "ignoring case". An exact
// repeat is refused, as uniqueItems says.
const Aliases = z
  .array(text(100))
  .max(20)
  .refine((names) => new Set(names).size === names.length, { message: "must not repeat a name" })
  .transform((names) =>
    names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i),
  )
  .openapi({
    uniqueItems: true,
    description:
      "Other names an order's free-text `shipping_method` may use for this method, matched case-insensitively like its `name` and `service_code`; a name repeated in another case is kept once.",
    example: ["Express", "AusPost Express"],
  });

export const ShippingMethod = z
  .object({
    id: z.string().openapi({ example: "sm_auspost_express" }),
    name: z.string().openapi({ example: "Express Post" }),
    carrier: z.string().openapi({ example: "auspost" }),
    carrier_name: z.string().nullable().openapi({ example: "Australia Post" }),
    service_code: z.string().openapi({ example: "EXP" }),
    aliases: Aliases,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("ShippingMethod");

export const CreateShippingMethod = z
  .strictObject({
    id: Slug.openapi({ example: "sm_auspost_express" }),
    name: text(200),
    carrier: Slug.openapi({ example: "auspost" }),
    carrier_name: optionalText(200),
    service_code: text(50),
    aliases: Aliases.optional(),
  })
  .openapi("CreateShippingMethod");

export const UpdateShippingMethod = z
  .strictObject({
    name: text(200).optional(),
    carrier_name: optionalText(200),
    service_code: text(50).optional(),
    aliases: Aliases.optional().openapi({ description: "Replaces every alias." }),
  })
  .openapi("UpdateShippingMethod", { description: "Only the fields sent change." });

const ShippingMethodList = listOf(ShippingMethod, "ShippingMethodList");
const IdParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "sm_auspost_express" }),
});

export const list = apiRoute(null, {
  method: "get",
  path: "/shipping-methods",
  tags: ["Reference data"],
  summary: "List shipping methods",
  description:
    "Carrier services orders can name in `shipping_method_id`, or as a fallback by free text in `shipping_method` (matched case-insensitively against `name`, `service_code` and `aliases`). Oldest change first; poll with `updated_since`.",
  request: { query: listQuery },
  responses: { 200: { description: "Shipping methods", content: jsonContent(ShippingMethodList) } },
});

export const adminList = adminRoute({
  method: "get",
  path: "/shipping-methods",
  tags: ["Admin"],
  summary: "List shipping methods",
  request: { query: listQuery },
  responses: { 200: { description: "Shipping methods", content: jsonContent(ShippingMethodList) } },
});

export const adminCreate = adminRoute({
  method: "post",
  path: "/shipping-methods",
  tags: ["Admin"],
  summary: "Create a shipping method",
  description: "Shared by every tenant. 409 `duplicate_shipping_method` if the id exists.",
  request: { body: { required: true, content: jsonContent(CreateShippingMethod) } },
  responses: {
    201: { description: "Created", content: jsonContent(ShippingMethod) },
    409: { description: "The id exists" },
  },
});

export const adminUpdate = adminRoute({
  method: "patch",
  path: "/shipping-methods/{id}",
  tags: ["Admin"],
  summary: "Change a shipping method, its aliases included",
  request: {
    params: IdParam,
    body: { required: true, content: jsonContent(UpdateShippingMethod) },
  },
  responses: {
    200: { description: "Updated", content: jsonContent(ShippingMethod) },
    404: { description: "Unknown shipping method" },
  },
});
