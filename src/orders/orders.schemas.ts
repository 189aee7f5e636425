import { z } from "@hono/zod-openapi";
import { deliverable } from "../domain/addresses";
import {
  Address,
  CancellationRequest,
  CountryCode,
  CurrencyCode,
  MAX_LINE_ID_LENGTH,
  MAX_LINES,
  MAX_QUANTITY,
  MAX_REFERENCE_LENGTH,
  MAX_TAX_IDS,
  Money,
  MoneyAmount,
  optionalText,
  ShipTo,
  Sku,
  Timestamp,
  text,
  UtcDateTime,
} from "../domain/shapes";
import {
  LINE_ALLOCATION_STATUSES,
  ORDER_ALLOCATION_STATUSES,
  ORDER_STATUSES,
} from "../domain/statuses";
import {
  cursorParam,
  limitParam,
  orderParam,
  Pagination,
  updatedSinceParam,
} from "../http/pagination";
import { Shipment } from "../shipments/shipments.schemas";

/**
 * A tariff number: the 6-digit Harmonized System heading, or a country's 8- or 10-digit
 * extension of it (any length from 6 to 10). The dots tariffs print (`6109.10.00`) are
 * accepted and removed: the code is stored and returned as digits alone.
 */
const HS_CODE = /^\d{4}\.?\d{2}(?:\.?\d{1,2}){0,2}$/;
export const HsCode = z
  .string()
  .regex(HS_CODE, {
    message: "must be an HS code of 6 to 10 digits, dots allowed, such as '6109.10' or '61091000'",
  })
  .transform((v) => v.replaceAll(".", ""))
  .openapi({ example: "6109.10", pattern: HS_CODE.source });

/** The ICC's Incoterms 2020 rules. */
export const INCOTERMS = [
  "EXW",
  "FCA",
  "CPT",
  "CIP",
  "DAP",
  "DPU",
  "DDP",
  "FAS",
  "FOB",
  "CFR",
  "CIF",
] as const;

export const TAX_ID_TYPES = ["VAT", "EORI", "ABN", "GST", "IOSS", "EIN", "OTHER"] as const;

export const TaxId = z
  .strictObject({ type: z.enum(TAX_ID_TYPES), value: text(50) })
  .openapi("TaxId", { example: { type: "EORI", value: "GB123456789000" } });

/** A calendar date, YYYY-MM-DD, with no time or zone: the day as the parties agree it. */
export const CalendarDate = z.iso.date().openapi({ example: "2026-07-06" });

/** What an international shipment declares for the line, each clearable with `null`. */
const customsFields = {
  hs_code: HsCode.nullable().optional(),
  country_of_origin: CountryCode.nullable().optional().openapi({
    description: "Where the goods were made (ISO-3166 alpha-2), for customs.",
  }),
  customs_value: Money.nullable().optional().openapi({
    description: "The declared value of one unit, for customs.",
  }),
};

const LineFields = z.strictObject({
  line_id: z.string().min(1).max(MAX_LINE_ID_LENGTH).optional().openapi({
    description:
      "Your own id for the line, unique within the order: shipments, returns and events name the line by it.",
    example: "10",
  }),
  sku: Sku,
  description: optionalText(500),
  quantity: z.number().int().positive().max(MAX_QUANTITY),
  unit_price: MoneyAmount.nullable().optional(),
  currency: CurrencyCode.nullable().optional(),
  ...customsFields,
});

/**
 * The same rule for the document, which zod cannot derive from a refinement. It also asks
 * for a currency beside `unit_price: null`, which the API lets pass: stricter, never looser.
 * The metadata type predates JSON Schema 2020-12's `dependentRequired`, which OpenAPI 3.1
 * documents carry.
 */
const PRICE_NEEDS_CURRENCY = {
  dependentRequired: { unit_price: ["currency"] },
} as unknown as { description?: string };

const ItemInput = LineFields.superRefine((item, ctx) => {
  if (item.unit_price != null && item.currency == null) {
    ctx.addIssue({ code: "custom", path: ["currency"], message: "is required with unit_price" });
  }
}).openapi(PRICE_NEEDS_CURRENCY);

/** A line of the full desired set: what it does not send, the line it matches keeps. */
const AmendItemInput = LineFields.openapi("AmendOrderItem", {
  // A new line needs a currency beside its price; a kept line has one. The document asks for
  // it whenever a price is sent: stricter than the API, never looser.
  ...PRICE_NEEDS_CURRENCY,
  description:
    "`sku` and `quantity` are required. The item keeps the order's line with its `line_id` (yours, or the line's `id`), else the only line of its SKU; that line keeps its `description`, `unit_price`, `currency`, `hs_code`, `country_of_origin` and `customs_value` unless sent (`null` clears). A SKU on several lines needs `line_id`.",
});

const lineSet = <T extends z.ZodType<{ line_id?: string }>>(item: T) =>
  z
    .array(item)
    .min(1)
    .max(MAX_LINES)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (item.line_id === undefined) return;
        if (seen.has(item.line_id)) {
          ctx.addIssue({
            code: "custom",
            path: [i, "line_id"],
            message: `duplicate line_id '${item.line_id}': each line of an order has its own`,
          });
        }
        seen.add(item.line_id);
      });
    })
    .openapi({
      description: `1 to ${MAX_LINES} lines; a SKU may be on several lines, each \`line_id\` on one.`,
    });

const Items = lineSet(ItemInput);

const handling = {
  shipping_method_id: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .openapi({ example: "sm_auspost_express" }),
  shipping_method: optionalText(200).openapi({
    description: "Free-text method name, matched to a shipping method's `name` when no id is sent.",
  }),
  signature_required: z.boolean().optional(),
  insurance: z.boolean().optional(),
  gift_message: optionalText(1000),
  packing_note: optionalText(1000),
};

/** The order's billing, trade and date terms, each optional and clearable with `null`. */
const terms = {
  incoterms: z.enum(INCOTERMS).nullable().optional().openapi({
    description: "Who pays what to whom on the way (Incoterms 2020), e.g. DAP or DDP.",
  }),
  tax_ids: z.array(TaxId).max(MAX_TAX_IDS).nullable().optional().openapi({
    description:
      "Up to 10 tax registrations for customs and invoices; sent whole, `null` or `[]` clears.",
  }),
  ship_by: CalendarDate.nullable().optional().openapi({
    description: "The last day the order should leave the warehouse.",
  }),
  requested_delivery_date: CalendarDate.nullable().optional().openapi({
    description: "The day the customer asked to receive it; not before `ship_by`.",
  }),
};

/**
 * Delivery cannot be asked for before the day the order may still ship. JSON Schema cannot
 * compare two fields, so this is `dates_out_of_order`, not a shape's `validation_error`.
 */
export const datesInOrder = (ship_by?: string | null, requested?: string | null) =>
  !ship_by || !requested || requested >= ship_by;

export const CreateOrder = z
  .strictObject({
    order_number: text(MAX_REFERENCE_LENGTH).openapi({ example: "SO-100423" }),
    reference: text(MAX_REFERENCE_LENGTH).openapi({ example: "F-100423-1" }),
    order_date: UtcDateTime.nullable().optional(),
    warehouse_id: z.string().min(1).max(100).openapi({ example: "wh_syd_1" }),
    ...handling,
    ship_to: deliverable(ShipTo),
    billing_address: deliverable(Address).nullable().optional().openapi({
      description: "Where the invoice goes, if not to `ship_to`; checked as `ship_to` is.",
    }),
    ...terms,
    items: Items,
  })
  .openapi("CreateOrder", {
    // The integration guide's own example (§1).
    example: {
      order_number: "SO-100423",
      reference: "F-100423-1",
      order_date: "2026-07-02T09:15:00Z",
      warehouse_id: "wh_syd_1",
      shipping_method_id: "sm_auspost_express",
      signature_required: false,
      insurance: false,
      gift_message: null,
      packing_note: "Leave in porch",
      ship_to: {
        name: "Jane Doe",
        company: "Acme Pty Ltd",
        email: "jane@example.com",
        phone: "+61 400 123 456",
        address1: "123 Main St",
        address2: null,
        city: "Sydney",
        state: "NSW",
        postcode: "2000",
        country: "AU",
      },
      items: [
        {
          sku: "WIDGET-BLUE-M",
          description: "Blue Widget — Medium",
          quantity: 2,
          unit_price: "19.99",
          currency: "AUD",
        },
      ],
    },
  });
export type CreateOrder = z.infer<typeof CreateOrder>;

export const AmendOrder = z
  .strictObject({
    order_number: text(MAX_REFERENCE_LENGTH).optional(),
    order_date: UtcDateTime.nullable().optional(),
    warehouse_id: z.string().min(1).max(100).optional().openapi({
      description:
        "Accepted only unchanged: moving an order between warehouses is cancel and recreate.",
    }),
    ...handling,
    ship_to: ShipTo.partial().optional().openapi({
      description:
        "Merged the JSON Merge Patch way (RFC 7396): fields not sent keep their value, `null` clears an optional one. The merged address must be deliverable, as on create: a 422 names the field it fails on (`ship_to.postcode`).",
    }),
    billing_address: Address.partial().nullable().optional().openapi({
      description:
        "Merged like `ship_to`; `null` removes the billing address. Without one stored, `address1`, `city` and `country` are required.",
    }),
    ...terms,
    items: lineSet(AmendItemInput).optional().openapi({
      description:
        "The full desired set of lines (guide §1): a line left out is removed, a new quantity replaces the old.",
    }),
  })
  .openapi("AmendOrder", {
    description:
      "Fields you don't send are left untouched (guide §1); `ship_to` merges; `items` is the full desired set.",
    // The integration guide's own example (§1).
    example: {
      shipping_method_id: "sm_auspost_express",
      ship_to: {
        name: "Jane Doe",
        address1: "456 New Street",
        address2: "Unit 5",
        city: "Sydney",
        state: "NSW",
        postcode: "2010",
        country: "AU",
      },
      items: [
        { sku: "WIDGET-BLUE-M", quantity: 1 },
        { sku: "WIDGET-RED-S", quantity: 3 },
      ],
    },
  });
export type AmendOrder = z.infer<typeof AmendOrder>;

export const OrderItem = z
  .object({
    id: z.string().openapi({
      example: "li_4fQ9zK2mX7",
      description: "The line's id, assigned by this API and stable for the line's life.",
    }),
    line_id: z
      .string()
      .nullable()
      .openapi({ example: "10", description: "Your id for the line, as sent; null if none." }),
    sku: z.string(),
    description: z.string().nullable(),
    quantity: z.number().int(),
    unit_price: z.string().nullable(),
    currency: z.string().nullable(),
    allocation_status: z.enum(LINE_ALLOCATION_STATUSES).openapi({
      description:
        "Each line is allocated whole or waits whole; `released` once cancelled; `fulfilled` once every unit has shipped (nothing left to allocate).",
    }),
    allocated_quantity: z
      .number()
      .int()
      .openapi({ description: "Units reserved and not yet shipped" }),
    shipped_quantity: z.number().int(),
    hs_code: z.string().nullable().openapi({ example: "610910", description: "Digits only." }),
    country_of_origin: z.string().nullable(),
    // The shapes' fields, not their components: a nullable `$ref` renders as an `allOf` that
    // null cannot satisfy.
    customs_value: z
      .object(Money.shape)
      .nullable()
      .openapi({ description: "Declared per unit; null if not." }),
  })
  .openapi("OrderItem");

export const Order = z
  .object({
    id: z.string().openapi({ example: "ord_8Kd92mQ4xTa1Bc2De3Fg" }),
    order_number: z.string(),
    reference: z.string(),
    status: z.enum(ORDER_STATUSES),
    warehouse_id: z.string(),
    shipping_method_id: z.string().nullable(),
    shipping_method: z.string().nullable(),
    order_date: z.string().nullable(),
    signature_required: z.boolean(),
    insurance: z.boolean(),
    gift_message: z.string().nullable(),
    packing_note: z.string().nullable(),
    ship_to: ShipTo,
    billing_address: z
      .object(Address.shape)
      .nullable()
      .openapi({ description: "Null when the order has none." }),
    incoterms: z.enum(INCOTERMS).nullable(),
    tax_ids: z.array(TaxId),
    ship_by: z.string().nullable().openapi({ example: "2026-07-06" }),
    requested_delivery_date: z.string().nullable().openapi({ example: "2026-07-10" }),
    items: z.array(OrderItem),
    allocation_status: z.enum(ORDER_ALLOCATION_STATUSES).openapi({
      description:
        "Over the lines with units still to ship: `allocated`, `partially_allocated` or `backordered`; `fulfilled` once every unit has shipped; `released` once cancelled.",
    }),
    hold_reason: z.string().nullable(),
    cancel_reason: z.string().nullable(),
    version: z
      .string()
      .openapi({ example: "4", description: "Bumped on every change; send as If-Match." }),
    created_at: Timestamp,
    updated_at: Timestamp,
    cancelled_at: Timestamp.nullable(),
    cancellation_request: CancellationRequest.nullable(),
    shipments: z.array(Shipment),
    archived: z.boolean().openapi({
      description:
        "True once the order left D1 for the archive, ORDER_HOT_DAYS (90 by default) after its last change in a final state: it is read from there and can no longer change.",
    }),
  })
  .openapi("Order");
export type OrderView = z.infer<typeof Order>;

export const HistoryEntry = z
  .object({
    seq: z.number().int(),
    at: Timestamp,
    actor: z.string().openapi({ description: "The API key id that made the change, or `system`." }),
    action: z.string().openapi({ example: "amended" }),
    changes: z.record(z.string(), z.unknown()),
    prev_hash: z.string(),
    hash: z.string().openapi({
      description: "SHA-256 over prev_hash and this entry: the chain proves nothing was rewritten.",
    }),
  })
  .openapi("OrderHistoryEntry");

export const OrderHistory = z
  .object({
    data: z.array(HistoryEntry),
    pagination: Pagination,
    archived: z
      .boolean()
      .openapi({ description: "True when the order is archived and its history read from there." }),
  })
  .openapi("OrderHistory");

export const OrderIdParam = z.object({
  id: z
    .string()
    .openapi({ param: { name: "id", in: "path" }, example: "ord_8Kd92mQ4xTa1Bc2De3Fg" }),
});

export const ListOrdersQuery = z.object({
  updated_since: updatedSinceParam,
  order: orderParam,
  status: z
    .enum(ORDER_STATUSES)
    .optional()
    .openapi({ param: { name: "status", in: "query" } }),
  order_number: z
    .string()
    .optional()
    .openapi({ param: { name: "order_number", in: "query" } }),
  reference: z
    .string()
    .optional()
    .openapi({ param: { name: "reference", in: "query" } }),
  cursor: cursorParam,
  limit: limitParam,
});

export const CancelOrder = z.strictObject({ reason: optionalText(500) }).openapi("CancelOrder");

export const RequestCancellation = z
  .strictObject({ reason: optionalText(500) })
  .openapi("RequestCancellation", { example: { reason: "Customer changed their mind" } });

export const RejectCancellation = z
  .strictObject({ reason: text(500) })
  .openapi("RejectCancellation", { example: { reason: "Already packed and on the dock" } });

export const HoldOrder = z.strictObject({ reason: text(500) }).openapi("HoldOrder");
