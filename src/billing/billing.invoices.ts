import { and, asc, eq, lt, type SQL, sql } from "drizzle-orm";
import { inTime, type JobScope, UNSCOPED, unfrozen } from "../db/background";
import type { Db } from "../db/client";
import { eventStatements } from "../db/events";
import { feedStamp } from "../db/feed";
import { billingHeads, charges, invoices } from "../db/schema";
import { utcToday } from "../lib/calendar";

/*
 * Monthly invoices. A month's draft opens with its first charge (billing.charges.ts); its
 * totals are its charges' until it is issued. Once the month has ended and its last day's
 * storage is charged, the job issues it: the totals are written from its lines, in the same
 * write as `invoice.issued`, and a trigger keeps it as issued forever. A charge whose month
 * is already issued goes on the current month's invoice.
 */

/** Drafts one run issues at most. */
const ISSUE_BATCH = 20;

/** The totals of a month's lines, as SQL reads them: what an issued invoice keeps. */
const totalsOf = (invoice: { tenantId: string; period: string; currency: string }) => {
  const lines = sql`FROM charges WHERE tenant_id = ${invoice.tenantId}
    AND period = ${invoice.period} AND currency = ${invoice.currency}`;
  return {
    lines: sql<number>`(SELECT COUNT(*) ${lines})`,
    subtotal: sql<number>`(SELECT COALESCE(SUM(amount), 0) ${lines})`,
    tax: sql<number>`(SELECT COALESCE(SUM(tax), 0) ${lines})`,
    total: sql<number>`(SELECT COALESCE(SUM(amount + tax), 0) ${lines})`,
    totalsByFee: sql<string>`(SELECT json_group_object(fee, amount) FROM (SELECT fee, SUM(amount) AS amount
      ${lines} GROUP BY fee ORDER BY fee))`,
  };
};

export type InvoiceRow = typeof invoices.$inferSelect;

/** A draft's totals now, read from its lines; an issued invoice keeps its own. */
export async function withTotals(db: Db, row: InvoiceRow): Promise<Required<InvoiceRow>> {
  if (row.status === "issued") return row as Required<InvoiceRow>;
  const totals = totalsOf(row);
  const [read] = await db
    .select({
      lines: totals.lines,
      subtotal: totals.subtotal,
      tax: totals.tax,
      total: totals.total,
      totalsByFee: totals.totalsByFee,
    })
    .from(sql`(SELECT 1)`);
  return {
    ...row,
    lines: read?.lines ?? 0,
    subtotal: read?.subtotal ?? 0,
    tax: read?.tax ?? 0,
    total: read?.total ?? 0,
    totalsByFee: JSON.parse(read?.totalsByFee ?? "{}") as Record<string, number>,
  };
}

/** The invoice as committed, for its event: what GET /v1/invoices/{id} answers. */
const invoiceSnapshot = (id: SQL) => sql`(SELECT json_object('id', id, 'tenantId', tenant_id,
  'period', period, 'currency', currency, 'status', status, 'lines', lines, 'subtotal', subtotal,
  'tax', tax, 'total', total, 'totalsByFee', json(totals_by_fee), 'issuedAt', issued_at,
  'createdAt', created_at, 'updatedAt', updated_at, 'changeSeq', change_seq)
  FROM invoices WHERE id = ${id})`;

/** The last day of a month (YYYY-MM): day 0 of the next. */
function lastDayOf(period: string): string {
  const [year = 0, month = 0] = period.split("-").map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * Issues the drafts of months that have ended (as of `now`) whose last day's storage is
 * charged, a bounded number per run, tenants not frozen. True when it stopped with more left.
 */
export async function issueInvoices(
  db: Db,
  scope: JobScope = UNSCOPED,
  now = Date.now(),
): Promise<boolean> {
  const current = utcToday(now).slice(0, 7);
  const drafts = await db
    .select()
    .from(invoices)
    .where(
      and(
        sql`${invoices.status} = 'draft'`,
        lt(invoices.period, current),
        unfrozen(invoices.tenantId, scope),
      ),
    )
    .orderBy(asc(invoices.period))
    .limit(ISSUE_BATCH);
  let issued = 0;
  for (const draft of drafts) {
    if (!inTime(scope)) return true;
    const last = lastDayOf(draft.period);
    const [storage] = await db
      .select({
        ready: sql<number>`EXISTS (SELECT 1 FROM storage_progress WHERE tenant_id = ${draft.tenantId}
            AND last_day >= ${last})
          OR NOT EXISTS (SELECT 1 FROM rate_cards WHERE tenant_id = ${draft.tenantId}
            AND effective_from <= ${last})`,
      })
      .from(sql`(SELECT 1)`);
    // The month's last day is not charged yet: the storage job comes first.
    if (!storage?.ready) continue;
    const totals = totalsOf(draft);
    const stamp = feedStamp("invoices", draft.tenantId);
    await db.batch([
      db
        .update(invoices)
        .set({
          status: "issued",
          lines: totals.lines,
          subtotal: totals.subtotal,
          tax: totals.tax,
          total: totals.total,
          totalsByFee: sql`${totals.totalsByFee}`,
          issuedAt: stamp.updatedAt,
          ...stamp,
        })
        .where(and(eq(invoices.id, draft.id), sql`${invoices.status} = 'draft'`)),
      db
        .insert(billingHeads)
        .values({ tenantId: draft.tenantId, issuedThrough: draft.period })
        .onConflictDoUpdate({
          target: billingHeads.tenantId,
          set: { issuedThrough: sql`MAX(${billingHeads.issuedThrough}, excluded.issued_through)` },
        }),
      ...eventStatements(db, draft.tenantId, [
        {
          events: [{ type: "invoice.issued" }],
          resources: [draft.id],
          snapshot: (id) => invoiceSnapshot(id),
        },
      ]),
    ]);
    issued++;
  }
  return issued >= ISSUE_BATCH || drafts.length >= ISSUE_BATCH;
}

/** Lines of an invoice: its month's charges in its currency, oldest first. */
export const linesOf = (invoice: Pick<InvoiceRow, "tenantId" | "period" | "currency">) =>
  and(
    eq(charges.tenantId, invoice.tenantId),
    eq(charges.period, invoice.period),
    eq(charges.currency, invoice.currency),
  );
