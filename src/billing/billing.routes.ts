import { z } from "@hono/zod-openapi";
import { CurrencyCode, MoneyAmount, Slug, Timestamp } from "../domain/shapes";
import { CHARGE_FEES, CHARGE_SOURCES, INVOICE_STATUSES } from "../domain/statuses";
import { adminRoute, apiRoute, jsonContent } from "../http/openapi";
import { cursorParam, limitParam, listOf, updatedSinceParam } from "../http/pagination";
import { CalendarDate } from "../orders/orders.schemas";

const Percent = z
  .string()
  .regex(/^(0|[1-9]\d{0,2})(\.\d{1,2})?$/, {
    message: "must be a percentage such as '10' or '12.5'",
  })
  .openapi({ example: "10" });

const Fees = z
  .strictObject({
    order: MoneyAmount.openapi({
      description: "Pick and pack, per order: charged with its first shipment, for its first unit.",
      example: "2.50",
    }),
    additional_unit: MoneyAmount.openapi({
      description: "Every unit an order ships beyond its first.",
      example: "0.35",
    }),
    receiving_unit: MoneyAmount.openapi({
      description: "Every unit a receipt counts, damaged or not.",
      example: "0.20",
    }),
    return: MoneyAmount.openapi({ description: "Each return processed.", example: "3.00" }),
    storage_per_unit_day: z
      .strictObject({ small: MoneyAmount, medium: MoneyAmount, large: MoneyAmount })
      .openapi({
        description:
          "Per unit held (sellable, quarantined, damaged or expired) per day, by the product's size class: small up to 1 litre, medium up to 27 litres, large beyond (medium without dimensions). Up to four decimals: a fraction of a cent.",
        example: { small: "0.0050", medium: "0.0100", large: "0.0400" },
      }),
    packaging: z
      .array(z.strictObject({ type: Slug, amount: MoneyAmount }))
      .max(50)
      .superRefine((types, ctx) => {
        const seen = new Set<string>();
        types.forEach((p, i) => {
          if (seen.has(p.type)) {
            ctx.addIssue({
              code: "custom",
              path: [i, "type"],
              message: `'${p.type}' is priced twice`,
            });
          }
          seen.add(p.type);
        });
      })
      .openapi({
        description:
          "Per parcel, by the packaging type the floor names on it (`parcels[].packaging`), each type once; a type the card does not list is not charged.",
        example: [
          { type: "mailer_small", amount: "0.40" },
          { type: "box_medium", amount: "1.10" },
        ],
      }),
    freight_markup_percent: Percent.openapi({
      description:
        "Freight passes through at the shipment's `cost` plus this markup (0 for cost); a cost in another currency than the card's is not charged.",
      example: "10",
    }),
  })
  .openapi("RateCardFees");

export const CreateRateCard = z
  .strictObject({
    effective_from: CalendarDate.openapi({
      description:
        "The UTC day the card takes effect: today or later, and after every card the tenant already has (422 `rate_card_overlap`). It stays in force until the next card's day.",
    }),
    currency: CurrencyCode,
    fees: Fees,
    tax_rate_percent: Percent.openapi({
      description: "Tax on every line, rounded per line to the currency's minor unit.",
    }),
  })
  .openapi("CreateRateCard");
export type CreateRateCard = z.infer<typeof CreateRateCard>;

// Its own object, not an extension: the strict input's closed schema would refuse the rest.
export const RateCard = z
  .object({
    ...CreateRateCard.shape,
    id: z.string().openapi({ example: "rc_8Kd92mQ4xTa1Bc2De3Fg" }),
    version: z
      .string()
      .openapi({ description: "1 for the tenant's first card, then +1.", example: "1" }),
    created_at: Timestamp,
  })
  .openapi("RateCard");

export const Charge = z
  .object({
    id: z.string().openapi({ example: "chg_8Kd92mQ4xTa1Bc2De3Fg" }),
    fee: z.enum(CHARGE_FEES),
    source_type: z.enum(CHARGE_SOURCES),
    source_id: z.string().openapi({
      description: "The shipment, receipt or return charged, or `tenant:day` for a day's storage.",
    }),
    order_id: z.string().nullable(),
    warehouse_id: z.string().nullable(),
    description: z.string(),
    quantity: z.number().int(),
    unit_rate: MoneyAmount.openapi({ description: "The card's rate, up to four decimals." }),
    amount: z.string().openapi({
      description: "quantity × unit_rate, rounded once, signed: a credit is negative.",
      example: "2.50",
    }),
    tax: z.string().openapi({ example: "0.25" }),
    currency: z.string(),
    rate_card_id: z.string(),
    credit_for: z.string().nullable().openapi({ description: "The charge a credit line negates." }),
    occurred_on: CalendarDate,
    invoice_period: z.string().openapi({ example: "2026-12" }),
    created_at: Timestamp,
  })
  .openapi("Charge");

export const Invoice = z
  .object({
    id: z.string().openapi({ example: "inv_8Kd92mQ4xTa1Bc2De3Fg" }),
    period: z
      .string()
      .openapi({ description: "The month it bills (YYYY-MM, UTC).", example: "2026-12" }),
    status: z.enum(INVOICE_STATUSES).openapi({
      description:
        "`draft` while the month is open (its totals are its lines' now); `issued` once it has closed, and immutable.",
    }),
    currency: z.string(),
    lines: z.number().int().openapi({ description: "How many charge lines it has." }),
    totals_by_fee: z.record(z.string(), z.string()).openapi({
      description: "Each fee's lines summed, before tax.",
      example: { order: "250.00", additional_unit: "41.30", storage: "12.07" },
    }),
    subtotal: z.string(),
    tax: z.string(),
    total: z
      .string()
      .openapi({ description: "subtotal + tax: exactly the sum of its lines' amounts and taxes." }),
    issued_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("Invoice");

const chargeFilters = {
  fee: z
    .enum(CHARGE_FEES)
    .optional()
    .openapi({ param: { name: "fee", in: "query" } }),
  source_type: z
    .enum(CHARGE_SOURCES)
    .optional()
    .openapi({ param: { name: "source_type", in: "query" } }),
  source_id: z
    .string()
    .min(1)
    .optional()
    .openapi({ param: { name: "source_id", in: "query" } }),
  order_id: z
    .string()
    .min(1)
    .optional()
    .openapi({
      param: { name: "order_id", in: "query" },
      description:
        "Every charge that refers to the order: its shipments' fees, credits and returns.",
    }),
  updated_since: updatedSinceParam,
  cursor: cursorParam,
  limit: limitParam,
};

const tags = ["Billing"];

export const listCharges = apiRoute("billing:read", {
  method: "get",
  path: "/billing/charges",
  tags,
  summary: "Charge lines, oldest first",
  description:
    "Every line the 3PL charged, as it was priced when its fact happened: filter by `fee`, `source_type`, `source_id` or `order_id`; poll with `updated_since` and walk `next_cursor`. Lines never change; a void adds credit lines.",
  request: { query: z.object(chargeFilters) },
  responses: {
    200: { description: "Charges", content: jsonContent(listOf(Charge, "ChargeList")) },
  },
});

export const getRateCards = apiRoute("billing:read", {
  method: "get",
  path: "/billing/rate-cards",
  tags,
  summary: "The rate cards the 3PL prices with, oldest first",
  responses: {
    200: {
      description: "Rate cards",
      content: jsonContent(z.object({ data: z.array(RateCard) }).openapi("RateCardList")),
    },
  },
});

export const listInvoices = apiRoute("billing:read", {
  method: "get",
  path: "/invoices",
  tags,
  summary: "Monthly invoices, drafts and issued",
  description:
    "Oldest change first; an invoice changes when it is issued. Poll with `updated_since`.",
  request: {
    query: z.object({ updated_since: updatedSinceParam, cursor: cursorParam, limit: limitParam }),
  },
  responses: {
    200: { description: "Invoices", content: jsonContent(listOf(Invoice, "InvoiceList")) },
  },
});

const InvoiceIdParam = z.object({
  id: z
    .string()
    .openapi({ param: { name: "id", in: "path" }, example: "inv_8Kd92mQ4xTa1Bc2De3Fg" }),
});

export const getInvoice = apiRoute("billing:read", {
  method: "get",
  path: "/invoices/{id}",
  tags,
  summary: "An invoice with its totals",
  request: { params: InvoiceIdParam },
  responses: {
    200: { description: "The invoice", content: jsonContent(Invoice) },
    404: { description: "No such invoice for this tenant" },
  },
});

export const listInvoiceLines = apiRoute("billing:read", {
  method: "get",
  path: "/invoices/{id}/lines",
  tags,
  summary: "An invoice's lines, oldest first",
  description: "Its month's charge lines; their amounts and taxes sum to its total exactly.",
  request: { params: InvoiceIdParam, query: z.object({ cursor: cursorParam, limit: limitParam }) },
  responses: {
    200: { description: "Lines", content: jsonContent(listOf(Charge, "InvoiceLineList")) },
    404: { description: "No such invoice for this tenant" },
  },
});

export const exportInvoiceLines = apiRoute("billing:read", {
  method: "get",
  path: "/invoices/{id}/lines.csv",
  tags,
  summary: "An invoice's lines as CSV",
  description:
    "Every line, oldest first, one row each with a header row: id, occurred_on, fee, description, source_type, source_id, order_id, warehouse_id, quantity, unit_rate, amount, tax, currency, credit_for. RFC 4180 quoting.",
  request: { params: InvoiceIdParam },
  responses: {
    200: { description: "The lines", content: { "text/csv": { schema: z.string() } } },
    404: { description: "No such invoice for this tenant" },
  },
});

const TenantParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

export const createRateCard = adminRoute({
  method: "post",
  path: "/tenants/{id}/rate-cards",
  tags: ["Admin"],
  summary: "Give a tenant a new rate card version",
  description:
    "Every fee is required (422 naming the one missing). A card takes effect on its `effective_from` (UTC), today or later and after every card the tenant has (422 `rate_card_overlap`): charges already made keep the card they were priced by.",
  request: {
    params: TenantParam,
    body: { required: true, content: { "application/json": { schema: CreateRateCard } } },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: RateCard } } },
  },
});

export const listRateCards = adminRoute({
  method: "get",
  path: "/tenants/{id}/rate-cards",
  tags: ["Admin"],
  summary: "A tenant's rate cards, oldest first",
  request: { params: TenantParam },
  responses: {
    200: {
      description: "Rate cards",
      content: { "application/json": { schema: z.object({ data: z.array(RateCard) }) } },
    },
  },
});
