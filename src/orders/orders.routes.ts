import { z } from "@hono/zod-openapi";
import { IdempotencyKeyHeader } from "../http/idempotent";
import { apiRoute, HEADERS, jsonContent } from "../http/openapi";
import { listOf, listQuery } from "../http/pagination";
import {
  AmendOrder,
  CancelOrder,
  CreateOrder,
  ListOrdersQuery,
  Order,
  OrderHistory,
  OrderIdParam,
  RequestCancellation,
} from "./orders.schemas";

const orderResponse = (description: string) => ({
  description,
  content: jsonContent(Order),
  headers: z.object({ ETag: HEADERS.etag }),
});
const conflict = { description: "The order's state forbids this change; `code` says why" };

const IfMatchHeaders = z.object({
  "if-match": z
    .string()
    .regex(/^\s*(\*|(W\/)?"?\d+"?)\s*$/, { message: 'must be the order version, e.g. "4", or *' })
    .optional()
    .openapi({ param: { in: "header" }, example: '"4"' }),
});

export const create = apiRoute("orders:write", {
  method: "post",
  path: "/orders",
  tags: ["Orders"],
  summary: "Create a fulfillment order",
  description:
    "Exactly once. The `Idempotency-Key` and the `reference` together are the dedup anchor (guide §1): the same key with the same reference is a retry and returns the existing order with 200 and `Idempotent-Replayed: true`, even if the rebuilt body differs (a fresh `order_date`, reformatted prices); nothing changes. " +
    "The same key with a different reference is a client bug that would drop an order: 422 `idempotency_key_reused`, naming the order the key belongs to. " +
    "Without a key, the same reference with the same body is a replay and with a different body 409 `duplicate_reference`. A `reference` stays unique per tenant forever, a cancelled order's too: to recreate a cancelled order, send a new reference such as `F-100423-2`. " +
    "A refused request claims neither its key nor its reference. " +
    "A retry whose order has since been archived answers that order the same way, with `archived: true`. " +
    "Every line is allocated whole in the order's warehouse; any line short makes the order `backordered` until stock arrives.",
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(CreateOrder) },
  },
  responses: {
    201: {
      ...orderResponse("Created"),
      headers: z.object({ ETag: HEADERS.etag, Location: HEADERS.location }),
    },
    200: {
      ...orderResponse("The existing order (a replay)"),
      headers: z.object({ ETag: HEADERS.etag, "Idempotent-Replayed": HEADERS.replayed }),
    },
    409: conflict,
  },
});

export const list = apiRoute("orders:read", {
  method: "get",
  path: "/orders",
  tags: ["Orders"],
  summary: "List orders (incremental)",
  description:
    "Oldest change first. Poll with `updated_since` (inclusive) and walk `next_cursor` until `has_more` is false; a walk never repeats an order, and changes made during it come in the next poll. " +
    "The list covers the hot window: an order last changed in a final state (`shipped`, `cancelled`) more than ORDER_HOT_DAYS ago (90 by default) is archived and no longer listed, so an `updated_since` before the window is 422 `beyond_retention` with `earliest_allowed`. " +
    "A `reference` still finds an archived order (without `updated_since` or `cursor`): the one result says `archived: true`.",
  request: { query: ListOrdersQuery },
  responses: {
    200: { description: "Orders", content: jsonContent(listOf(Order, "OrderList")) },
  },
});

export const get = apiRoute("orders:read", {
  method: "get",
  path: "/orders/{id}",
  tags: ["Orders"],
  summary: "Retrieve an order",
  description:
    "With its lines, allocation, shipments and `version` (also sent as `ETag`). An order past its hot window is read from the archive, the same but with `archived: true`; it can no longer change (409 `order_archived`).",
  request: { params: OrderIdParam },
  responses: { 200: orderResponse("The order"), 404: { description: "Unknown order" } },
});

export const amend = apiRoute("orders:write", {
  method: "patch",
  path: "/orders/{id}",
  tags: ["Orders"],
  summary: "Amend an order before picking",
  description:
    "Send only what changed; `items` replaces every line and allocation follows the difference. " +
    "`If-Match` with a stale version is 409 `version_conflict`; once picking started, 409 `too_late_to_amend` with `order_status`; an archived order is 409 `order_archived`. Changing `warehouse_id` is 422: cancel and recreate, with a new `reference` (a reference stays used forever, e.g. `F-100423-2` after `F-100423-1`).",
  request: {
    params: OrderIdParam,
    headers: IfMatchHeaders,
    body: { required: true, content: jsonContent(AmendOrder) },
  },
  responses: {
    200: orderResponse("Amended"),
    404: { description: "Unknown order" },
    409: conflict,
  },
});

export const cancel = apiRoute("orders:write", {
  method: "post",
  path: "/orders/{id}/cancel",
  tags: ["Orders"],
  summary: "Cancel an order",
  description:
    "Releases every allocation. Cancelling twice returns the cancelled order. 409 `not_cancelable` once picking started, 409 `already_shipped` once anything shipped, 409 `order_archived` once the order is archived.",
  request: { params: OrderIdParam, body: { required: false, content: jsonContent(CancelOrder) } },
  responses: {
    200: orderResponse("Cancelled"),
    404: { description: "Unknown order" },
    409: conflict,
  },
});

export const requestCancellation = apiRoute("orders:write", {
  method: "post",
  path: "/orders/{id}/cancellation-request",
  operationId: "requestOrderCancellation",
  tags: ["Orders"],
  summary: "Ask the warehouse to stop an order",
  description:
    "Works in any state before anything ships. Before picking it cancels at once, exactly as `POST /v1/orders/{id}/cancel` does: `status` `cancelled`, every allocation released, `order.cancelled`, and `cancellation_request.status` `accepted`. " +
    "Once picking started it records a request the floor answers: `cancellation_request.status` `pending` and `order.cancellation_requested`; the floor then accepts it (`cancelled`, stock back, `order.cancelled`) or rejects it with a reason (`rejected`, `rejection_reason`, `order.cancellation_rejected`) and the order goes on. A shipment reported while the request waits answers it too: `rejected`, because shipped units cannot be called back. " +
    "A second request while one is pending answers the pending one; after a rejection a new request may be made. Cancelling a cancelled order returns it. " +
    "409 `already_shipped` once anything shipped (`partially_shipped` included: the units left are not cancelled), 409 `order_archived` once the order is archived. " +
    "A retry with the same `Idempotency-Key` returns the first result with `Idempotent-Replayed: true`.",
  request: {
    params: OrderIdParam,
    headers: IdempotencyKeyHeader,
    body: { required: false, content: jsonContent(RequestCancellation) },
  },
  responses: {
    200: {
      description: "The order: cancelled, or with its request pending",
      content: jsonContent(Order),
      headers: z.object({ "Idempotent-Replayed": HEADERS.replayed.optional() }),
    },
    404: { description: "Unknown order" },
    409: conflict,
  },
});

export const history = apiRoute("orders:read", {
  method: "get",
  path: "/orders/{id}/history",
  tags: ["Orders"],
  summary: "An order's audit trail",
  description:
    "Every transition, oldest first, each hash-chained to the one before. `updated_since` keeps the entries made since then (inclusive); walk `next_cursor` until `has_more` is false. An archived order's history is read from the archive, whole, with `archived: true`.",
  request: { params: OrderIdParam, query: listQuery },
  responses: {
    200: {
      description: "History",
      content: jsonContent(OrderHistory),
    },
    404: { description: "Unknown order" },
  },
});
