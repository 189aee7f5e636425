import { z } from "@hono/zod-openapi";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Context } from "hono";
import { database } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { cursorPosition, feedRows } from "../db/feed";
import { charges, invoices, rateCards, tenants } from "../db/schema";
import { primary } from "../db/sessions";
import { tenantShard } from "../db/shards";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppEnv, AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { utcToday } from "../lib/calendar";
import { newId } from "../lib/ids";
import { type InvoiceRow, linesOf, withTotals } from "./billing.invoices";
import { minorFactor, toBps, toRate } from "./billing.rates";
import { CSV_COLUMNS, csvRow, renderCharge, renderInvoice, renderRateCard } from "./billing.render";
import type * as routes from "./billing.routes";

export const listCharges: AppRouteHandler<typeof routes.listCharges> = async (c) => {
  const tenantId = tenantOf(c);
  const q = c.req.valid("query");
  const feed = await feedRows(
    c.var.db,
    charges,
    tenantId,
    [
      q.fee ? eq(charges.fee, q.fee) : undefined,
      q.source_type ? eq(charges.sourceType, q.source_type) : undefined,
      q.source_id ? eq(charges.sourceId, q.source_id) : undefined,
      q.order_id ? eq(charges.orderId, q.order_id) : undefined,
    ],
    { updatedSince: q.updated_since, cursor: q.cursor, limit: q.limit },
  );
  return c.json(
    page(feed.rows, q.limit, renderCharge, feed.positionOf, await consistencyToken(c)),
    200,
  );
};

export const getRateCards: AppRouteHandler<typeof routes.getRateCards> = async (c) => {
  const rows = await c.var.db
    .select()
    .from(rateCards)
    .where(eq(rateCards.tenantId, tenantOf(c)))
    .orderBy(asc(rateCards.version));
  return c.json({ data: rows.map(renderRateCard) }, 200);
};

export const listInvoices: AppRouteHandler<typeof routes.listInvoices> = async (c) => {
  const q = c.req.valid("query");
  const feed = await feedRows(c.var.db, invoices, tenantOf(c), [], {
    updatedSince: q.updated_since,
    cursor: q.cursor,
    limit: q.limit,
  });
  const rows = await Promise.all(feed.rows.map((r) => withTotals(c.var.db, r)));
  return c.json(
    page(rows, q.limit, renderInvoice, feed.positionOf, await consistencyToken(c)),
    200,
  );
};

async function invoiceOf(c: Context<AppEnv>, id: string) {
  const [row] = await c.var.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.tenantId, tenantOf(c))));
  if (!row) throw refused("not_found", { resource: "invoice", id });
  return row;
}

export const getInvoice: AppRouteHandler<typeof routes.getInvoice> = async (c) => {
  const row = await invoiceOf(c, c.req.valid("param").id);
  return c.json(renderInvoice(await withTotals(c.var.db, row)), 200);
};

/** Where a walk of an invoice's lines stands: the last line's place in the tenant's charges. */
const LineCursor = z.object({ s: z.number().int() });

/** `limit` lines of an invoice after `after`, in order, by the month's index. */
const linesAfter = (c: Context<AppEnv>, invoice: InvoiceRow, after: number, limit: number) =>
  c.var.db
    .select()
    .from(charges)
    .where(and(linesOf(invoice), sql`${charges.changeSeq} > ${after}`))
    .orderBy(asc(charges.changeSeq))
    .limit(limit);

export const listInvoiceLines: AppRouteHandler<typeof routes.listInvoiceLines> = async (c) => {
  const q = c.req.valid("query");
  const invoice = await invoiceOf(c, c.req.valid("param").id);
  const after = q.cursor ? cursorPosition(q.cursor, LineCursor).s : 0;
  const rows = await linesAfter(c, invoice, after, q.limit + 1);
  return c.json(
    page(rows, q.limit, renderCharge, (r) => ({ s: r.changeSeq }), await consistencyToken(c)),
    200,
  );
};

/** Lines one CSV read takes at a time. */
const CSV_PAGE = 1000;

export const exportInvoiceLines: AppRouteHandler<typeof routes.exportInvoiceLines> = async (c) => {
  const invoice = await invoiceOf(c, c.req.valid("param").id);
  const rows = [CSV_COLUMNS.join(",")];
  for (let after = 0; ; ) {
    const lines = await linesAfter(c, invoice, after, CSV_PAGE);
    rows.push(...lines.map((l) => csvRow(renderCharge(l))));
    const last = lines.at(-1);
    if (!last || lines.length < CSV_PAGE) break;
    after = last.changeSeq;
  }
  return c.body(`${rows.join("\r\n")}\r\n`, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${invoice.period}-${invoice.currency}-${invoice.id}.csv"`,
  });
};

/** The tenant's shard, for the operator's routes: 404 for a tenant that does not exist. */
async function shardDb(c: Context<AppEnv>, tenantId: string) {
  const tenant = await c.var.db.query.tenants.findFirst({ where: eq(tenants.id, tenantId) });
  if (!tenant) throw refused("not_found", { resource: "tenant", id: tenantId });
  return database(primary((await tenantShard(c.env, tenantId)).d1));
}

export const createRateCard: AppRouteHandler<typeof routes.createRateCard> = async (c) => {
  const { id: tenantId } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = await shardDb(c, tenantId);
  const [latest] = await db
    .select({ version: rateCards.version, effectiveFrom: rateCards.effectiveFrom })
    .from(rateCards)
    .where(eq(rateCards.tenantId, tenantId))
    .orderBy(sql`${rateCards.version} DESC`)
    .limit(1);
  const today = utcToday();
  const overlap = () =>
    refused("rate_card_overlap", {
      field: "effective_from",
      effective_from: body.effective_from,
      ...(latest ? { latest: latest.effectiveFrom } : {}),
      today,
    });
  if (body.effective_from < today || (latest && body.effective_from <= latest.effectiveFrom)) {
    throw overlap();
  }
  const { fees } = body;
  const row = {
    id: newId("rc", tenantId),
    tenantId,
    version: (latest?.version ?? 0) + 1,
    effectiveFrom: body.effective_from,
    currency: body.currency,
    minorFactor: minorFactor(body.currency),
    orderFee: toRate(fees.order),
    additionalUnit: toRate(fees.additional_unit),
    receivingUnit: toRate(fees.receiving_unit),
    returnFee: toRate(fees.return),
    storageSmall: toRate(fees.storage_per_unit_day.small),
    storageMedium: toRate(fees.storage_per_unit_day.medium),
    storageLarge: toRate(fees.storage_per_unit_day.large),
    packaging: Object.fromEntries(fees.packaging.map((p) => [p.type, toRate(p.amount)])),
    freightMarkupBps: toBps(fees.freight_markup_percent),
    taxBps: toBps(body.tax_rate_percent),
    createdAt: new Date().toISOString(),
  };
  try {
    const [stored] = await db.insert(rateCards).values(row).returning();
    return c.json(renderRateCard(stored ?? row), 201);
  } catch (err) {
    // Another card took this version or day first.
    if (isUniqueViolation(err, "rate_cards.tenant_id")) throw overlap();
    throw err;
  }
};

export const listRateCards: AppRouteHandler<typeof routes.listRateCards> = async (c) => {
  const { id: tenantId } = c.req.valid("param");
  const db = await shardDb(c, tenantId);
  const rows = await db
    .select()
    .from(rateCards)
    .where(eq(rateCards.tenantId, tenantId))
    .orderBy(asc(rateCards.version));
  return c.json({ data: rows.map(renderRateCard) }, 200);
};
