import { z } from "@hono/zod-openapi";
import { SerialNumber, Sku, Timestamp } from "../domain/shapes";
import { SERIAL_MOVEMENTS, SERIAL_STATUSES } from "../domain/statuses";
import { apiRoute, jsonContent } from "../http/openapi";

export const SerialMovementView = z
  .object({
    movement: z.enum(SERIAL_MOVEMENTS).openapi({
      description:
        "`received`: it arrived on `receipt_id`; `shipped`: it left on `shipment_id`; `voided`: that shipment's label was voided and the unit stayed; `returned`: it came back on `return_id`.",
    }),
    occurred_at: Timestamp,
    shipment_id: z.string().nullable(),
    order_id: z.string().nullable().openapi({ description: "Null for a receipt." }),
    return_id: z.string().nullable(),
    receipt_id: z.string().nullable(),
  })
  .openapi("SerialMovement");

export const Serial = z
  .object({
    sku: z.string(),
    serial: z.string().openapi({ example: "SN-7Q2K-0042" }),
    status: z.enum(SERIAL_STATUSES).openapi({
      description:
        "`in_stock` once received (or when the label it left on was voided); `shipped` while out on a shipment; `returned` once a return brought it back. A unit received before its product was serial tracked is first seen when it ships.",
    }),
    shipment_id: z
      .string()
      .nullable()
      .openapi({ description: "The shipment it last left on; null once that label was voided." }),
    order_id: z.string().nullable().openapi({ description: "That shipment's order." }),
    shipped_at: Timestamp.nullable().openapi({ description: "When it was recorded leaving." }),
    return_id: z
      .string()
      .nullable()
      .openapi({ description: "The return that brought it back, while `returned`." }),
    returned_at: Timestamp.nullable(),
    history: z
      .array(SerialMovementView)
      .openapi({ description: "Every movement of the unit, oldest first." }),
  })
  .openapi("Serial");
export type SerialView = z.infer<typeof Serial>;

const SerialParams = z.object({
  sku: Sku.openapi({ param: { name: "sku", in: "path" } }),
  serial: SerialNumber.openapi({ param: { name: "serial", in: "path" } }),
});

export const get = apiRoute("shipments:read", {
  method: "get",
  path: "/serials/{sku}/{serial}",
  tags: ["Shipments"],
  summary: "Where a serial-tracked unit is",
  description:
    "The unit's status, the shipment and order it left on, the return that brought it back, and its history. Both path segments are percent-encoded. 404 for a serial that never shipped (or another tenant's).",
  request: { params: SerialParams },
  responses: {
    200: { description: "The unit", content: jsonContent(Serial) },
    404: { description: "No unit of the SKU ever shipped with that serial" },
  },
});
