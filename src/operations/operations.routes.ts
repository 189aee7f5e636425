import type { z } from "@hono/zod-openapi";
import { IdempotencyKeyHeader } from "../http/idempotent";
import { apiRoute } from "../http/openapi";
import { CreateAdjustment, InventoryAdjustment } from "../inventory/inventory.routes";
import { HoldOrder, Order, OrderIdParam } from "../orders/orders.schemas";
import {
  CreateShipment,
  Shipment,
  ShipmentIdParam,
  UpdateShipmentStatus,
} from "../shipments/shipments.schemas";

/*
 * The warehouse floor's API (/v1/ops): `warehouse:operate`, a tenant key on its own
 * tenant, a platform key on any. Every write takes an Idempotency-Key.
 */

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const conflict = { description: "The order's or shipment's state forbids this; `code` says why" };
const replayNote =
  " A retry with the same `Idempotency-Key` returns the first result with 200 and `Idempotent-Replayed: true`.";
const scopeNote = " A tenant key acts on its own orders only; a platform key on any.";

const orderResponses = {
  200: { description: "The order", content: json(Order) },
  404: { description: "Unknown order" },
  409: conflict,
};

const orderOp = <P extends string>(path: P, summary: string, description: string) =>
  apiRoute("warehouse:operate", {
    method: "post",
    path: `/ops/orders/{id}/${path}`,
    tags: ["Operations"],
    summary,
    description: description + scopeNote + replayNote,
    request: { params: OrderIdParam, headers: IdempotencyKeyHeader },
    responses: orderResponses,
  });

export const startPicking = orderOp(
  "start-picking",
  "Start picking",
  "received → processing; from now on amend and cancel are 409. Needs every line allocated.",
);

export const hold = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/orders/{id}/hold",
  tags: ["Operations"],
  summary: "Put an order on hold",
  description: `Keeps its allocation; amend and cancel still work.${scopeNote}${replayNote}`,
  request: {
    params: OrderIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: json(HoldOrder) },
  },
  responses: orderResponses,
});

export const release = orderOp(
  "release",
  "Release a hold",
  "Back to received, or backordered if a line still waits.",
);

export const ship = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/shipments",
  tags: ["Operations"],
  summary: "Report a shipment (one or more parcels) for an order",
  description:
    "From `received` or `processing` (shipping implies picking) or `partially_shipped`. The order becomes `partially_shipped` or `shipped`; on_hand and allocated fall by the shipped units. " +
    "422 for shipping more than ordered-minus-shipped (`over_shipment`), a sku not on the order, no parcels, or a repeated tracking number; 409 for a cancelled, held or backordered order. Nothing moves before every check passes." +
    replayNote,
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: json(CreateShipment) },
  },
  responses: {
    201: { description: "Shipped", content: json(Shipment) },
    200: { description: "The existing shipment (a replay)", content: json(Shipment) },
    409: conflict,
  },
});

export const track = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/shipments/{id}/status",
  tags: ["Operations"],
  summary: "Record a carrier status",
  description:
    "in_transit, out_for_delivery, delivered or exception, with when it happened. Nothing moves a shipment out of `delivered` or `voided` (409)." +
    replayNote,
  request: {
    params: ShipmentIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: true, content: json(UpdateShipmentStatus) },
  },
  responses: {
    200: { description: "Updated", content: json(Shipment) },
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
    "The shipment stays, flagged `voided`; its units go back to allocated and the order returns to what its remaining shipments imply. Voiding twice is a no-op; a delivered shipment cannot be voided (409)." +
    replayNote,
  request: { params: ShipmentIdParam, headers: IdempotencyKeyHeader },
  responses: {
    200: { description: "Voided", content: json(Shipment) },
    404: { description: "Unknown shipment" },
    409: conflict,
  },
});

export const adjust = apiRoute("warehouse:operate", {
  method: "post",
  path: "/ops/inventory-adjustments",
  tags: ["Operations"],
  summary: "Adjust stock on hand",
  description:
    "A signed delta with a reason. Stock that arrives is allocated to waiting lines, oldest order first. 409 `insufficient_stock` if on_hand would go below zero or below what is allocated to open orders." +
    replayNote,
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: json(CreateAdjustment) },
  },
  responses: {
    201: { description: "Recorded", content: json(InventoryAdjustment) },
    200: { description: "The first result (a replay)", content: json(InventoryAdjustment) },
    409: { description: "Would take on_hand below zero or below what is allocated" },
  },
});
