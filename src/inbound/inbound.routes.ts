import { z } from "@hono/zod-openapi";
import {
  addedUpBySku,
  ExpiryDate,
  LotCode,
  MAX_ITEMS,
  MAX_QUANTITY,
  MAX_SERIALS,
  optionalText,
  SerialNumber,
  Sku,
  Timestamp,
  text,
  UtcDateTime,
  uniqueSerials,
} from "../domain/shapes";
import { INBOUND_STATUSES } from "../domain/statuses";
import { IdempotencyKeyHeader } from "../http/idempotent";
import { apiRoute, HEADERS, jsonContent } from "../http/openapi";
import { feedQuery, listOf } from "../http/pagination";

const Quantity = z.number().int().min(1).max(MAX_QUANTITY);
const Count = z.number().int().min(0).max(MAX_QUANTITY);

const ExpectedItems = z
  .array(z.strictObject({ sku: Sku, expected_quantity: Quantity }))
  .min(1)
  .max(MAX_ITEMS)
  .transform(addedUpBySku);

export const InboundItem = z
  .object({
    sku: z.string(),
    expected_quantity: z.number().int(),
    received_quantity: z.number().int(),
    damaged_quantity: z
      .number()
      .int()
      .openapi({ description: "Part of received_quantity; never goes on the shelf." }),
    discrepancy: z
      .number()
      .int()
      .openapi({ description: "Signed: received_quantity − expected_quantity." }),
  })
  .openapi("InboundItem");

export const InboundShipment = z
  .object({
    id: z.string().openapi({ example: "ib_9932Qk2nW8xYz1AbCdEf" }),
    reference: z.string().openapi({ example: "ASN-5567" }),
    warehouse_id: z.string(),
    supplier: z.string().nullable(),
    expected_at: z.string().nullable().openapi({ example: "2026-07-08" }),
    status: z.enum(INBOUND_STATUSES),
    received_at: Timestamp.nullable(),
    closed_at: Timestamp.nullable(),
    cancelled_at: Timestamp.nullable(),
    items: z.array(InboundItem),
    version: z.string().openapi({ example: "3" }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("InboundShipment", {
    // The integration guide's example (§5a), with the fields this API adds.
    example: {
      id: "ib_9932Qk2nW8xYz1AbCdEf",
      reference: "ASN-5567",
      warehouse_id: "wh_syd_1",
      supplier: "Acme Manufacturing",
      expected_at: "2026-07-08",
      status: "received",
      received_at: "2026-07-08T03:12:00.000Z",
      closed_at: null,
      cancelled_at: null,
      items: [
        {
          sku: "WIDGET-BLUE-M",
          expected_quantity: 500,
          received_quantity: 498,
          damaged_quantity: 0,
          discrepancy: -2,
        },
        {
          sku: "WIDGET-RED-S",
          expected_quantity: 300,
          received_quantity: 300,
          damaged_quantity: 0,
          discrepancy: 0,
        },
      ],
      version: "2",
      created_at: "2026-07-02T09:00:00.000Z",
      updated_at: "2026-07-08T03:12:00.000Z",
    },
  });
export type InboundShipment = z.infer<typeof InboundShipment>;

export const CreateInbound = z
  .strictObject({
    reference: text(100).openapi({
      example: "ASN-5567",
      description: "The ERP's PO / ASN reference; unique per tenant.",
    }),
    warehouse_id: z.string().min(1).max(100).openapi({ example: "wh_syd_1" }),
    expected_at: z.iso.date().nullable().optional().openapi({ example: "2026-07-08" }),
    supplier: optionalText(200).openapi({ example: "Acme Manufacturing" }),
    items: ExpectedItems,
  })
  .openapi("CreateInboundShipment", {
    example: {
      reference: "ASN-5567",
      warehouse_id: "wh_syd_1",
      expected_at: "2026-07-08",
      supplier: "Acme Manufacturing",
      items: [
        { sku: "WIDGET-BLUE-M", expected_quantity: 500 },
        { sku: "WIDGET-RED-S", expected_quantity: 300 },
      ],
    },
  });
export type CreateInbound = z.infer<typeof CreateInbound>;

export const AmendInbound = z
  .strictObject({
    expected_at: z.iso.date().nullable().optional(),
    supplier: optionalText(200),
    items: ExpectedItems.optional().openapi({ description: "The full desired set of lines." }),
  })
  .openapi("AmendInboundShipment", {
    description: "Only the fields sent change; `items` replaces every line.",
  });

export const ReceiveInbound = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          sku: Sku,
          received_quantity: Count,
          damaged_quantity: Count.optional(),
          lot: LotCode.optional().openapi({
            description:
              "The lot the units belong to: required for a `lot_tracked` product (422 `lot_required`), refused for any other (`lot_not_tracked`). Lines of one SKU in different lots stay apart.",
          }),
          expires_on: ExpiryDate.optional(),
          serials: z.array(SerialNumber).max(MAX_SERIALS).optional().openapi({
            uniqueItems: true,
            description:
              "For a serial-tracked product, the serial of every unit received, exactly `received_quantity` of them (422 `serials_required`); none for any other (`serials_not_tracked`). A serial already in stock or out on a shipment is 422 `serial_unavailable` naming it.",
          }),
        }),
      )
      .min(1)
      .max(MAX_ITEMS)
      .superRefine(uniqueSerials)
      .transform(addedUpBySku),
    received_at: UtcDateTime.optional().openapi({
      description: "When it arrived; defaults to now.",
    }),
  })
  .openapi("InboundReceipt", {
    description:
      "What arrived, per SKU: `received_quantity` counts every unit, `damaged_quantity` the part of it that arrived damaged. Receipts accumulate; a SKU the ASN did not expect is recorded as a line of its own.",
    example: {
      items: [
        { sku: "WIDGET-BLUE-M", received_quantity: 498 },
        { sku: "WIDGET-RED-S", received_quantity: 300 },
      ],
    },
  });

export const InboundIdParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "ib_9932Qk2nW8xYz1AbCdEf" }),
});
const one = (description: string) => ({ description, content: jsonContent(InboundShipment) });
const conflict = { description: "The ASN's state forbids this; `code` says why" };
const tags = ["Inbound"];

export const create = apiRoute("inbound:write", {
  method: "post",
  path: "/inbound-shipments",
  tags,
  summary: "Announce an inbound shipment (ASN)",
  description:
    "Exactly once, like orders: the `Idempotency-Key` and the `reference` together are the dedup anchor. The same key with the same reference returns the existing ASN with 200; the same key with another reference is 422 `idempotency_key_reused`; without a key the same reference with a different body is 409 `duplicate_reference`.",
  request: {
    headers: IdempotencyKeyHeader,
    body: { required: true, content: jsonContent(CreateInbound) },
  },
  responses: {
    201: { ...one("Announced"), headers: z.object({ Location: HEADERS.location }) },
    200: {
      ...one("The existing ASN (a replay)"),
      headers: z.object({ "Idempotent-Replayed": HEADERS.replayed }),
    },
    409: conflict,
  },
});

export const list = apiRoute("inbound:read", {
  method: "get",
  path: "/inbound-shipments",
  tags,
  summary: "ASNs changed since a time",
  description: "Oldest change first; poll with `updated_since` (inclusive) and walk `next_cursor`.",
  request: {
    query: z.object({
      ...feedQuery,
      status: z
        .enum(INBOUND_STATUSES)
        .optional()
        .openapi({ param: { name: "status", in: "query" } }),
      reference: z
        .string()
        .optional()
        .openapi({ param: { name: "reference", in: "query" } }),
    }),
  },
  responses: {
    200: {
      description: "ASNs",
      content: jsonContent(listOf(InboundShipment, "InboundShipmentList")),
    },
  },
});

export const get = apiRoute("inbound:read", {
  method: "get",
  path: "/inbound-shipments/{id}",
  tags,
  summary: "Retrieve an ASN",
  request: { params: InboundIdParam },
  responses: { 200: one("The ASN"), 404: { description: "Unknown ASN" } },
});

export const amend = apiRoute("inbound:write", {
  method: "patch",
  path: "/inbound-shipments/{id}",
  tags,
  summary: "Amend an ASN before anything arrives",
  description: "While the ASN is `expected`; afterwards 409 `inbound_not_open`.",
  request: { params: InboundIdParam, body: { required: true, content: jsonContent(AmendInbound) } },
  responses: { 200: one("Amended"), 404: { description: "Unknown ASN" }, 409: conflict },
});

export const cancel = apiRoute("inbound:write", {
  method: "post",
  path: "/inbound-shipments/{id}/cancel",
  tags,
  summary: "Cancel an ASN before anything arrives",
  description:
    "While the ASN is `expected`; afterwards 409 `inbound_not_open`. Its units stop counting as incoming.",
  request: { params: InboundIdParam },
  responses: { 200: one("Cancelled"), 404: { description: "Unknown ASN" }, 409: conflict },
});
