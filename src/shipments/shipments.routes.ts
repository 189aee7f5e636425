import { apiRoute, jsonContent } from "../http/openapi";
import { listOf } from "../http/pagination";
import { ListShipmentsQuery, Shipment, ShipmentIdParam } from "./shipments.schemas";

const shipmentResponse = (description: string) => ({ description, content: jsonContent(Shipment) });

export const list = apiRoute("shipments:read", {
  method: "get",
  path: "/shipments",
  tags: ["Shipments"],
  summary: "Shipments created or changed since a time (the key endpoint)",
  description:
    "Oldest change first, ordered by a sequence the database assigns inside each write. The polling loop: " +
    "call with `updated_since` = your high-water mark, walk `next_cursor` until `has_more` is false, then move the mark to the newest `updated_at` you saw and dedupe by `id`. " +
    "A walk never repeats a shipment; anything that changes while you walk comes in your next poll, because `updated_since` is inclusive. " +
    "The list covers the orders' hot window: shipments are archived with their order ORDER_HOT_DAYS (90 by default) after its last change in a final state, so an `updated_since` before the window is 422 `beyond_retention` with `earliest_allowed`; an archived shipment is still read by its id.",
  request: { query: ListShipmentsQuery },
  responses: {
    200: { description: "Shipments", content: jsonContent(listOf(Shipment, "ShipmentList")) },
  },
});

export const get = apiRoute("shipments:read", {
  method: "get",
  path: "/shipments/{id}",
  tags: ["Shipments"],
  summary: "Retrieve a shipment",
  description:
    "A shipment of an archived order is read from the archive, the same but with `archived: true`.",
  request: { params: ShipmentIdParam },
  responses: { 200: shipmentResponse("The shipment"), 404: { description: "Unknown shipment" } },
});
