import type { z } from "@hono/zod-openapi";
import type { charges, rateCards } from "../db/schema";
import type { InvoiceRow } from "./billing.invoices";
import { minorFactor, moneyText, rateText } from "./billing.rates";
import type { Charge, Invoice, RateCard } from "./billing.routes";

/** Money as the API writes it: amounts in the currency's digits, rates with up to four. */
const digitsOf = (currency: string) => Math.round(Math.log10(minorFactor(currency)));

export function renderCharge(row: typeof charges.$inferSelect): z.infer<typeof Charge> {
  const factor = minorFactor(row.currency);
  return {
    id: row.id,
    fee: row.fee,
    source_type: row.sourceType,
    source_id: row.sourceId,
    order_id: row.orderId,
    warehouse_id: row.warehouseId,
    description: row.description,
    quantity: row.quantity,
    unit_rate: rateText(row.unitRate, digitsOf(row.currency)),
    amount: moneyText(row.amount, factor),
    tax: moneyText(row.tax, factor),
    currency: row.currency,
    rate_card_id: row.rateCardId,
    credit_for: row.creditFor,
    occurred_on: row.occurredOn,
    invoice_period: row.period,
    created_at: row.createdAt,
  };
}

export function renderInvoice(row: Required<InvoiceRow>): z.infer<typeof Invoice> {
  const factor = minorFactor(row.currency);
  const money = (minor: number | null) => moneyText(minor ?? 0, factor);
  return {
    id: row.id,
    period: row.period,
    status: row.status,
    currency: row.currency,
    lines: row.lines ?? 0,
    totals_by_fee: Object.fromEntries(
      Object.entries(row.totalsByFee ?? {}).map(([fee, minor]) => [fee, money(minor)]),
    ),
    subtotal: money(row.subtotal),
    tax: money(row.tax),
    total: money(row.total),
    issued_at: row.issuedAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

export function renderRateCard(row: typeof rateCards.$inferSelect): z.infer<typeof RateCard> {
  const digits = digitsOf(row.currency);
  const rate = (r: number) => rateText(r, digits);
  return {
    id: row.id,
    version: String(row.version),
    effective_from: row.effectiveFrom,
    currency: row.currency,
    fees: {
      order: rate(row.orderFee),
      additional_unit: rate(row.additionalUnit),
      receiving_unit: rate(row.receivingUnit),
      return: rate(row.returnFee),
      storage_per_unit_day: {
        small: rate(row.storageSmall),
        medium: rate(row.storageMedium),
        large: rate(row.storageLarge),
      },
      packaging: Object.entries(row.packaging).map(([type, r]) => ({ type, amount: rate(r) })),
      freight_markup_percent: rateText(row.freightMarkupBps * 100, 0),
    },
    tax_rate_percent: rateText(row.taxBps * 100, 0),
    created_at: row.createdAt,
  };
}

/** One CSV field, quoted when it must be (RFC 4180). */
const field = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const CSV_COLUMNS = [
  "id",
  "occurred_on",
  "fee",
  "description",
  "source_type",
  "source_id",
  "order_id",
  "warehouse_id",
  "quantity",
  "unit_rate",
  "amount",
  "tax",
  "currency",
  "credit_for",
] as const;

export const csvRow = (charge: z.infer<typeof Charge>) =>
  CSV_COLUMNS.map((c) => field(charge[c])).join(",");
