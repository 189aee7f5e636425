import { z } from "@hono/zod-openapi";
import { Timestamp } from "../domain/shapes";
import { STUCK_OPERATION_STATUSES } from "../domain/statuses";
import { adminRoute, jsonContent } from "../http/openapi";
import { cursorParam, limitParam, listOf } from "../http/pagination";
import { Order } from "../orders/orders.schemas";

export const StuckOperation = z
  .object({
    id: z.string().openapi({ example: "op_3kTq9x2VbN8mLp4Rz7Yw" }),
    tenant_id: z.string(),
    order_id: z.string(),
    operation: z
      .string()
      .openapi({ example: "ship", description: "The order command that kept failing." }),
    command: z
      .record(z.string(), z.unknown())
      .openapi({ description: "The command as it was saved." }),
    attempts: z.number().int(),
    last_error: z.string(),
    status: z.enum(STUCK_OPERATION_STATUSES),
    resolution: z.string().nullable(),
    parked_at: Timestamp,
    resolved_at: Timestamp.nullable(),
  })
  .openapi("StuckOperation");

const IdParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "op_3kTq9x2VbN8mLp4Rz7Yw" }),
});
const base = { tags: ["Admin"] };

export const list = adminRoute({
  ...base,
  method: "get",
  path: "/stuck-operations",
  summary: "Order operations that kept failing and were parked",
  description:
    "An order retries a change that moves stock with backoff, then parks it so the order takes new commands again. Newest first; `status=parked` for the ones still waiting for an operator.",
  request: {
    query: z.object({
      status: z
        .enum(STUCK_OPERATION_STATUSES)
        .optional()
        .openapi({ param: { name: "status", in: "query" } }),
      cursor: cursorParam,
      limit: limitParam,
    }),
  },
  responses: {
    200: {
      description: "Operations",
      content: jsonContent(listOf(StuckOperation, "StuckOperationList")),
    },
  },
});

export const get = adminRoute({
  ...base,
  method: "get",
  path: "/stuck-operations/{id}",
  summary: "One parked operation",
  request: { params: IdParam },
  responses: {
    200: { description: "The operation", content: jsonContent(StuckOperation) },
    404: { description: "Unknown" },
  },
});

export const retry = adminRoute({
  ...base,
  method: "post",
  path: "/stuck-operations/{id}/retry",
  summary: "Run a parked operation again",
  description:
    "Applies it to the order as it is now. If the order's rules refuse it now, its partial stock effects are undone and it is closed as refused. If it fails again it stays parked (409 `retry_failed`).",
  request: { params: IdParam },
  responses: {
    200: {
      description: "Retried",
      content: jsonContent(
        z
          .object({ operation: StuckOperation, order: Order.nullable() })
          .openapi("StuckOperationRetried"),
      ),
    },
    404: { description: "Unknown" },
    409: { description: "Not parked any more, or it failed again" },
  },
});

export const discard = adminRoute({
  ...base,
  method: "post",
  path: "/stuck-operations/{id}/discard",
  summary: "Give up a parked operation",
  description:
    "Undoes whatever part of it ran: stock movements for a shipment or void that never committed are reversed, and every line it touched holds again exactly what the order as committed says. Stock is never left inconsistent.",
  request: { params: IdParam },
  responses: {
    200: { description: "Discarded", content: jsonContent(StuckOperation) },
    404: { description: "Unknown" },
    409: { description: "Not parked any more" },
  },
});
