import { z } from "@hono/zod-openapi";
import {
  addedUpBySku,
  LotCode,
  MAX_ITEMS,
  MAX_LINE_ID_LENGTH,
  MAX_QUANTITY,
  MAX_REFERENCE_LENGTH,
  MAX_SERIALS,
  optionalText,
  SerialNumber,
  Sku,
  Timestamp,
  text,
  uniqueSerials,
} from "../domain/shapes";
import { RETURN_CONDITIONS, RETURN_STATUSES } from "../domain/statuses";
import { IdempotencyKeyHeader } from "../http/idempotent";
import { apiRoute, HEADERS, jsonContent } from "../http/openapi";
import { feedQuery, listOf } from "../http/pagination";

const Quantity = z.number().int().positive().max(MAX_QUANTITY);

const LineIds = {
  order_line_id: z.string().nullable().openapi({
    description: "The order line's `id`; null only for lines recorded before lines had ids.",
  }),
  line_id: z.string().nullable().openapi({ description: "The order line's `line_id`, yours." }),
};

export const ReturnItem = z
  .object({
    ...LineIds,
    sku: z.string(),
    quantity: z.number().int(),
    condition: z
      .enum(RETURN_CONDITIONS)
      .nullable()
      .openapi({ description: "How the unit came back; null until the return is received." }),
    restocked: z.boolean().nullable().openapi({
      description:
        "Whether the floor restocked the unit; null until received. Restocked `resellable` units went back into on_hand; every other unit is counted in the SKU's `damaged` stock.",
    }),
    serials: z.array(z.string()).openapi({
      description:
        "The serial numbers of the units that came back, for a serial-tracked product; empty for any other and while expected.",
    }),
    lot: z.string().nullable().openapi({
      description:
        "The lot the units came back from, for a lot-tracked product (named, or the one lot the order shipped of the SKU); null otherwise and while expected.",
    }),
  })
  .openapi("ReturnItem");

export const Return = z
  .object({
    id: z.string().openapi({ example: "ret_2201Qk2nW8xYz1AbCdEf" }),
    order_id: z.string().openapi({ description: "The original order" }),
    order_number: z.string(),
    rma: z.string().nullable().openapi({ description: "Null for a return that came unannounced" }),
    status: z.enum(RETURN_STATUSES).openapi({ description: "expected → received → processed" }),
    received_at: Timestamp.nullable(),
    warehouse_id: z.string(),
    items: z.array(ReturnItem).openapi({
      description: "What arrived, line by line; while `expected`, the RMA's lines.",
    }),
    expected_items: z
      .array(z.object({ ...LineIds, sku: z.string(), quantity: z.number().int() }))
      .openapi({ description: "The RMA's lines as authorised; empty for an unannounced return." }),
    reason: z.string().nullable(),
    processed_at: Timestamp.nullable(),
    version: z.string().openapi({ description: "Bumped on every change", example: "2" }),
    created_at: Timestamp,
    updated_at: Timestamp,
    archived: z.boolean().openapi({
      description: "True once its order was archived: read from there, unchanging.",
    }),
  })
  .openapi("Return", {
    // The integration guide's example (§5c), with the fields this API adds.
    example: {
      id: "ret_2201Qk2nW8xYz1AbCdEf",
      order_id: "ord_8Kd92mQ4xTa1Bc2De3Fg",
      order_number: "SO-100423",
      rma: "RMA-100423",
      status: "received",
      received_at: "2026-07-10T22:00:00.000Z",
      warehouse_id: "wh_syd_1",
      items: [
        {
          order_line_id: "li_4fQ9zK2mX7",
          line_id: "10",
          sku: "WIDGET-BLUE-M",
          quantity: 1,
          condition: "resellable",
          restocked: true,
          serials: [],
          lot: null,
        },
        {
          order_line_id: "li_8sLq2Wn5Rt",
          line_id: "20",
          sku: "WIDGET-RED-S",
          quantity: 1,
          condition: "damaged",
          restocked: false,
          serials: [],
          lot: null,
        },
      ],
      expected_items: [
        { order_line_id: "li_4fQ9zK2mX7", line_id: "10", sku: "WIDGET-BLUE-M", quantity: 1 },
        { order_line_id: "li_8sLq2Wn5Rt", line_id: "20", sku: "WIDGET-RED-S", quantity: 1 },
      ],
      reason: "Customer changed their mind",
      processed_at: null,
      version: "2",
      created_at: "2026-07-09T08:00:00.000Z",
      updated_at: "2026-07-10T22:00:00.000Z",
      archived: false,
    },
  });
export type ReturnView = z.infer<typeof Return>;

const OrderId = z.string().min(1).max(100).openapi({ description: "The original order" });

const ReceivedItems = z
  .array(
    z.strictObject({
      sku: Sku,
      line_id: z.string().min(1).max(MAX_LINE_ID_LENGTH).optional().openapi({
        description:
          "The order line the units return to: its `line_id` or its `id`. Needed when several lines shipped the SKU.",
      }),
      quantity: Quantity,
      condition: z.enum(RETURN_CONDITIONS),
      restocked: z.boolean().openapi({
        description:
          "True when the units go back on the shelf: with condition `resellable` they add to on_hand. Units not restocked, or of any other condition, are counted in the SKU's `damaged` stock, never allocated.",
      }),
      serials: z
        .array(SerialNumber)
        .max(MAX_SERIALS)
        .optional()
        .openapi({
          uniqueItems: true,
          description:
            "The serial number of each unit that came back, exactly `quantity` of them, for a serial-tracked product (422 `serials_required` otherwise; `serials_not_tracked` for any other product). Each must be out on a shipment of the order: 422 `serial_not_shipped` names one that is not. A returned serial may ship again.",
          example: ["SN-7Q2K-0042"],
        }),
      lot: LotCode.optional().openapi({
        description:
          "The lot the units came back from, for a lot-tracked product: one the order shipped of the SKU (422 `lot_not_shipped`). Without it, the order's only lot of the SKU; when it shipped several, 422 `lot_required`. Refused for a product without lots (`lot_not_tracked`).",
      }),
    }),
  )
  .min(1)
  .max(MAX_ITEMS)
  .superRefine(uniqueSerials)
  .openapi({
    description:
      "One line per SKU (and order line) and condition; lines of one SKU add up. Each SKU must have shipped on the order, and no more than its line shipped minus already returned can come back.",
  });

export const CreateReturn = z
  .strictObject({
    order_id: OrderId,
    rma: text(MAX_REFERENCE_LENGTH).openapi({
      description: "Your RMA number, unique per tenant: the create's dedup anchor.",
      example: "RMA-100423",
    }),
    warehouse_id: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "Where the return will arrive; the order's warehouse by default." }),
    items: z
      .array(
        z.strictObject({
          sku: Sku,
          line_id: z.string().min(1).max(MAX_LINE_ID_LENGTH).optional().openapi({
            description:
              "The order line the units return to: its `line_id` or its `id`. Needed when several lines shipped the SKU.",
          }),
          quantity: Quantity,
        }),
      )
      .min(1)
      .max(MAX_ITEMS)
      .transform(addedUpBySku),
    reason: optionalText(500),
  })
  .openapi("CreateReturn");
export type CreateReturn = z.infer<typeof CreateReturn>;

export const ReceiveReturn = z.strictObject({ items: ReceivedItems }).openapi("ReceiveReturn");
export type ReceiveReturn = z.infer<typeof ReceiveReturn>;

export const RecordReturn = z
  .strictObject({
    order_id: OrderId,
    rma: text(MAX_REFERENCE_LENGTH).optional(),
    warehouse_id: z.string().min(1).max(100),
    items: ReceivedItems,
    reason: optionalText(500),
  })
  .openapi("RecordReturn");
export type RecordReturn = z.infer<typeof RecordReturn>;

export const ReturnIdParam = z.object({
  id: z
    .string()
    .openapi({ param: { name: "id", in: "path" }, example: "ret_2201Qk2nW8xYz1AbCdEf" }),
});

export const create = apiRoute("returns:write", {
  method: "post",
  path: "/returns",
  tags: ["Returns"],
  summary: "Authorise an expected return (an RMA)",
  description:
    "Status `expected` until the warehouse receives it. Exactly once: the `Idempotency-Key` and the `rma` together are the dedup anchor, as for orders: the same key with the same rma returns the existing return with 200 and `Idempotent-Replayed: true`; without a key, the same rma with the same body is a replay and with another body 409 `duplicate_rma`. " +
    "422 `unknown_order` (field `order_id`) for an order that is not yours, `sku_not_shipped` (`items[i].sku`) for a SKU that never shipped on it, `over_return` (`items[i].quantity`) for more than its line shipped minus already returned, and `ambiguous_line` (`items[i].line_id`) when several lines shipped the SKU and the item has no `line_id`. An order archived after its hot window takes no more returns: 409 `order_archived`.",
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(CreateReturn) },
  },
  responses: {
    201: {
      description: "Created",
      content: jsonContent(Return),
      headers: z.object({ Location: HEADERS.location }),
    },
    200: {
      description: "The existing return (a replay)",
      content: jsonContent(Return),
      headers: z.object({ "Idempotent-Replayed": HEADERS.replayed }),
    },
    409: { description: "The rma belongs to another return (`duplicate_rma`)" },
  },
});

export const list = apiRoute("returns:read", {
  method: "get",
  path: "/returns",
  tags: ["Returns"],
  summary: "List returns (incremental)",
  description:
    "Oldest change first. Poll with `updated_since` (inclusive) and walk `next_cursor` until `has_more` is false; a walk never repeats a return, and changes made during it come in the next poll. " +
    "Returns are archived with their order once it leaves the hot window (ORDER_HOT_DAYS, 90 by default), so an `updated_since` before the window is 422 `beyond_retention` with `earliest_allowed`.",
  request: {
    query: z.object({
      ...feedQuery,
      status: z
        .enum(RETURN_STATUSES)
        .optional()
        .openapi({ param: { name: "status", in: "query" } }),
      order_id: z
        .string()
        .min(1)
        .optional()
        .openapi({ param: { name: "order_id", in: "query" } }),
    }),
  },
  responses: {
    200: { description: "Returns", content: jsonContent(listOf(Return, "ReturnList")) },
  },
});

export const get = apiRoute("returns:read", {
  method: "get",
  path: "/returns/{id}",
  tags: ["Returns"],
  summary: "Retrieve a return",
  description:
    "A return of an archived order is read from the archive, the same but with `archived: true`.",
  request: { params: ReturnIdParam },
  responses: {
    200: { description: "The return", content: jsonContent(Return) },
    404: { description: "Unknown return" },
  },
});
