import { z } from "@hono/zod-openapi";
import { ExpiryDate, LotCode, Sku, Timestamp, text } from "../domain/shapes";
import { CANCELLATION_ANSWERS, TRACKING_STATUSES } from "../domain/statuses";
import { IdempotencyKeyHeader } from "../http/idempotent";
import { apiRoute, HEADERS, jsonContent } from "../http/openapi";
import { InboundShipment } from "../inbound/inbound.routes";
import { OrderIdParam } from "../orders/orders.schemas";
import { Shipment, ShipmentIdParam } from "../shipments/shipments.schemas";
import { DEFAULT_SETTINGS } from "../simulator/simulator.plan";

/*
 * /v1/sandbox: the warehouse played by the API itself, in development and sandbox only
 * (production answers 404). Every step goes through the same order commands as /v1/ops.
 */

const tags = ["Sandbox"];
const seconds = (what: string, fallback: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(86_400)
    .optional()
    .openapi({ description: `${what}; default ${fallback}.`, example: fallback });

export const SandboxSettingsBody = z
  .strictObject({
    auto_fulfill: z.boolean().openapi({
      description:
        "Fulfil every fully allocated order by itself. Applies to orders created or changed from now on.",
    }),
    pick_after_seconds: seconds(
      "From allocated to `processing`",
      DEFAULT_SETTINGS.pickAfterSeconds,
    ),
    ship_after_seconds: seconds(
      "From `processing` to `shipped`",
      DEFAULT_SETTINGS.shipAfterSeconds,
    ),
    deliver_after_seconds: seconds(
      "From `shipped` to `delivered`, through `in_transit` and `out_for_delivery` at even intervals",
      DEFAULT_SETTINGS.deliverAfterSeconds,
    ),
    parcels_per_order: z
      .number()
      .int()
      .min(1)
      .max(5)
      .optional()
      .openapi({
        description: `Parcels in each shipment; default ${DEFAULT_SETTINGS.parcelsPerOrder}.`,
      }),
    cancellation_requests: z
      .enum(CANCELLATION_ANSWERS)
      .optional()
      .openapi({
        description: `How the warehouse answers a cancellation request made once picking started, \`pick_after_seconds\` after it came, while \`auto_fulfill\` is on: \`accept\` cancels the order, \`reject\` lets it go on; default \`${DEFAULT_SETTINGS.cancellationRequests}\`. With \`auto_fulfill\` off the request waits for \`/v1/ops/orders/{id}/cancellation-request/accept\` or \`/reject\`.`,
      }),
    cancellation_rejection_reason: text(500)
      .optional()
      .openapi({
        description: `The \`rejection_reason\` a rejected request carries; default "${DEFAULT_SETTINGS.cancellationRejectionReason}"`,
      }),
  })
  .openapi("SandboxSettingsInput", {
    description: "The whole settings: a field left out takes its default.",
    example: {
      auto_fulfill: true,
      pick_after_seconds: 2,
      ship_after_seconds: 2,
      deliver_after_seconds: 6,
      parcels_per_order: 2,
      cancellation_requests: "reject",
      cancellation_rejection_reason: "Already packed and on the dock.",
    },
  });

export const SandboxSettings = z
  .object({
    auto_fulfill: z.boolean(),
    pick_after_seconds: z.number().int(),
    ship_after_seconds: z.number().int(),
    deliver_after_seconds: z.number().int(),
    parcels_per_order: z.number().int(),
    cancellation_requests: z.enum(CANCELLATION_ANSWERS),
    cancellation_rejection_reason: z.string(),
    updated_at: Timestamp.nullable().openapi({ description: "null until first set." }),
  })
  .openapi("SandboxSettings");

export const FulfillOrder = z
  .strictObject({
    parcels: z.number().int().min(1).max(5).optional().openapi({
      description: "Parcels in the shipment; default the settings' `parcels_per_order`.",
    }),
    items: z
      .array(z.strictObject({ sku: Sku, quantity: z.number().int().min(1) }))
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: "What to ship; default every allocated unit not yet shipped." }),
  })
  .openapi("SandboxFulfill");

export const AdvanceShipment = z
  .strictObject({
    status: z.enum(TRACKING_STATUSES).optional().openapi({
      description:
        "The status to record; default the carrier's next one (shipped → in_transit → out_for_delivery → delivered).",
    }),
  })
  .openapi("SandboxAdvance");

export const Replenish = z
  .strictObject({
    sku: Sku,
    warehouse_id: z.string().min(1).max(100).openapi({ example: "wh_syd_1" }),
    quantity: z.number().int().min(1).max(1_000_000),
    lot: LotCode.optional().openapi({
      description:
        "For a lot-tracked product, the lot that arrives; the sandbox names one when it is left out.",
    }),
    expires_on: ExpiryDate.optional().openapi({
      description:
        "For an expiry-tracked product, the lot's expiry; a year from today when it is left out.",
    }),
  })
  .openapi("SandboxReplenish", {
    example: { sku: "WIDGET-BLUE-M", warehouse_id: "wh_syd_1", quantity: 50 },
  });

const replayNote =
  " A retry with the same `Idempotency-Key` returns the first result with `Idempotent-Replayed: true`.";

export const getSettings = apiRoute("warehouse:operate", {
  method: "get",
  path: "/sandbox/settings",
  operationId: "sandboxGetSettings",
  tags,
  summary: "Read the sandbox warehouse's settings",
  responses: { 200: { description: "The settings", content: jsonContent(SandboxSettings) } },
});

export const putSettings = apiRoute("warehouse:operate", {
  method: "put",
  path: "/sandbox/settings",
  operationId: "sandboxUpdateSettings",
  tags,
  summary: "Set how the sandbox warehouse fulfils orders by itself",
  description:
    "With `auto_fulfill` on, each fully allocated order is picked, shipped with tracked parcels and delivered on its own, through the same commands, events, webhooks and history (actor `sandbox-simulator`) as the operations API. Backordered orders wait until they are allocated. A `packing_note` marker picks a scenario: `[sim:exception]`, `[sim:split]`, `[sim:hold]`, `[sim:void]`.",
  request: { body: { required: true, content: jsonContent(SandboxSettingsBody) } },
  responses: { 200: { description: "The settings", content: jsonContent(SandboxSettings) } },
});

export const fulfill = apiRoute("warehouse:operate", {
  method: "post",
  path: "/sandbox/orders/{id}/fulfill",
  tags,
  summary: "Pick and ship an order now",
  description:
    "Starts picking if the order has not started, then ships the given items, or every allocated unit not yet shipped, in realistic parcels for the order's carrier. 409 `nothing_to_ship` when nothing allocated is left to ship." +
    replayNote,
  request: {
    params: OrderIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: false, content: jsonContent(FulfillOrder) },
  },
  responses: {
    201: {
      description: "Shipped",
      content: jsonContent(Shipment),
      headers: z.object({ Location: HEADERS.location }),
    },
    200: { description: "The existing shipment (a replay)", content: jsonContent(Shipment) },
    404: { description: "Unknown order" },
    409: { description: "The order's state forbids shipping; `code` says why" },
  },
});

export const advance = apiRoute("warehouse:operate", {
  method: "post",
  path: "/sandbox/shipments/{id}/advance",
  tags,
  summary: "Move a shipment to its next carrier status",
  description:
    "The next status, or the one given (`exception` included). 409 `already_delivered` once delivered, `shipment_voided` once voided; 422 `status_required` with no status given after an `exception`, which has no usual next scan." +
    replayNote,
  request: {
    params: ShipmentIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: false, content: jsonContent(AdvanceShipment) },
  },
  responses: {
    200: { description: "Advanced", content: jsonContent(Shipment) },
    404: { description: "Unknown shipment" },
    409: { description: "The shipment cannot move; `code` says why" },
  },
});

export const replenish = apiRoute("warehouse:operate", {
  method: "post",
  path: "/sandbox/inventory/replenish",
  tags,
  summary: "Receive stock as a real delivery would",
  description:
    "Announces an inbound shipment (reference `SANDBOX-…`) and receives it in full, so the stock arrives the way production stock does: `incoming`, then `on_hand`, filling waiting backorders oldest first, with `inbound.received`." +
    replayNote,
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(Replenish) },
  },
  responses: {
    201: {
      description: "Received",
      content: jsonContent(InboundShipment),
      headers: z.object({ Location: HEADERS.location }),
    },
    200: {
      description: "The same replenishment (a replay)",
      content: jsonContent(InboundShipment),
      headers: z.object({ "Idempotent-Replayed": HEADERS.replayed }),
    },
    422: { description: "An unknown `sku` or `warehouse_id`, or a bad `quantity`" },
  },
});
