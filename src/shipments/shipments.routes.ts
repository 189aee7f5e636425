import { z } from "@hono/zod-openapi";
import { apiRoute } from "../http/openapi";
import { listOf } from "../http/pagination";
import {
  CreateShipment,
  ListShipmentsQuery,
  Shipment,
  ShipmentIdParam,
  UpdateShipmentStatus,
} from "./shipments.schemas";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const shipmentResponse = (description: string) => ({ description, content: json(Shipment) });
const conflict = { description: "The order's or shipment's state forbids this; `code` says why" };

export const list = apiRoute("shipments:read", {
  method: "get",
  path: "/shipments",
  tags: ["Shipments"],
  summary: "Shipments created or changed since a time (the key endpoint)",
  description:
    "Oldest change first, ordered by a sequence the database assigns inside each write. The polling loop: " +
    "call with `updated_since` = your high-water mark, walk `next_cursor` until `has_more` is false, then move the mark to the newest `updated_at` you saw and dedupe by `id`. " +
    "A walk never repeats a shipment; anything that changes while you walk comes in your next poll, because `updated_since` is inclusive.",
  request: { query: ListShipmentsQuery },
  responses: { 200: { description: "Shipments", content: json(listOf(Shipment, "ShipmentList")) } },
});

export const get = apiRoute("shipments:read", {
  method: "get",
  path: "/shipments/{id}",
  tags: ["Shipments"],
  summary: "Retrieve a shipment",
  request: { params: ShipmentIdParam },
  responses: { 200: shipmentResponse("The shipment"), 404: { description: "Unknown shipment" } },
});

export const create = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/shipments",
  tags: ["Operations"],
  summary: "Report a shipment (one or more parcels) for an order",
  description:
    "From `received` or `processing` (shipping implies picking) or `partially_shipped`. The order becomes `partially_shipped` or `shipped`; on_hand and allocated fall by the shipped units. " +
    "422 for shipping more than ordered-minus-shipped (`over_shipment`), a sku not on the order, no parcels, or a repeated tracking number; 409 for a cancelled order. " +
    "Idempotent with `Idempotency-Key`: a retry returns the same shipment with 200.",
  request: {
    headers: z.object({
      "idempotency-key": z
        .string()
        .min(1)
        .max(255)
        .optional()
        .openapi({ param: { in: "header" } }),
    }),
    body: { required: true, content: json(CreateShipment) },
  },
  responses: {
    201: shipmentResponse("Shipped"),
    200: shipmentResponse("The existing shipment (a replay)"),
    409: conflict,
  },
});

export const updateStatus = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/shipments/{id}/status",
  tags: ["Operations"],
  summary: "Record a carrier status",
  description:
    "in_transit, out_for_delivery, delivered or exception, with when it happened. Nothing moves a shipment out of `delivered` or `voided` (409).",
  request: {
    params: ShipmentIdParam,
    body: { required: true, content: json(UpdateShipmentStatus) },
  },
  responses: {
    200: shipmentResponse("Updated"),
    404: { description: "Unknown shipment" },
    409: conflict,
  },
});

export const voidShipment = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/shipments/{id}/void",
  tags: ["Operations"],
  summary: "Void a shipment's label",
  description:
    "The shipment stays, flagged `voided`; its units go back to allocated and the order returns to what its remaining shipments imply. Voiding twice is a no-op; a delivered shipment cannot be voided (409).",
  request: { params: ShipmentIdParam },
  responses: {
    200: shipmentResponse("Voided"),
    404: { description: "Unknown shipment" },
    409: conflict,
  },
});
