import { type ConsoleContext, outcome } from "../api";
import { ChargesTable } from "../components/charges-table";
import { Refused } from "../components/messages";
import { PAGE_SIZE, Pager } from "../components/pager";
import { type Column, DataTable } from "../components/table";
import { Badge, Empty, Time } from "../components/values";
import { render } from "../layout";
import type { InvoiceView } from "../views";

const INVOICE_COLUMNS: Column<InvoiceView>[] = [
  {
    label: "Month",
    cell: (i) => <a href={`/console/billing/${encodeURIComponent(i.id)}`}>{i.period}</a>,
  },
  { label: "Status", cell: (i) => <Badge value={i.status} /> },
  { label: "Lines", num: true, cell: (i) => i.lines },
  { label: "Subtotal", num: true, cell: (i) => i.subtotal },
  { label: "Tax", num: true, cell: (i) => i.tax },
  { label: "Total", num: true, cell: (i) => `${i.total} ${i.currency}` },
  { label: "Issued", cell: (i) => <Time at={i.issued_at} /> },
];

/** The merchant's invoices: this month's draft and every month issued. */
export async function billingPage(c: ConsoleContext) {
  const listed = await outcome(c.var.api.v1.invoices.$get({ query: { limit: "100" } }));
  return render(
    c,
    { title: "Billing", section: "billing", status: listed.status },
    <>
      <h1>Billing</h1>
      <p class="lead">
        One invoice a month: a draft while the month is open, issued once it has closed. Every line
        was priced by the rate card in force when its shipment, receipt, return or day of storage
        happened.
      </p>
      {listed.ok ? (
        listed.body.data.length === 0 ? (
          <Empty text="No charges yet." />
        ) : (
          <DataTable
            label="Invoices"
            rows={[...listed.body.data].sort((a, b) => b.period.localeCompare(a.period))}
            columns={INVOICE_COLUMNS}
          />
        )
      ) : (
        <Refused failure={listed} what="invoices" />
      )}
    </>,
  );
}

/** One invoice: its totals per fee, and a page of its lines. */
export async function invoicePage(c: ConsoleContext) {
  const id = c.req.param("id") ?? "";
  const cursor = c.req.query("cursor") || undefined;
  const [found, lines] = await Promise.all([
    outcome(c.var.api.v1.invoices[":id"].$get({ param: { id } })),
    outcome(
      c.var.api.v1.invoices[":id"].lines.$get({
        param: { id },
        query: { limit: String(PAGE_SIZE), cursor },
      }),
    ),
  ]);
  if (!found.ok) {
    return render(
      c,
      { title: "Invoice", section: "billing", status: found.status },
      <>
        <h1>Invoice</h1>
        <Refused failure={found} what="this invoice" />
      </>,
    );
  }
  const invoice = found.body;
  const fees = Object.entries(invoice.totals_by_fee);
  return render(
    c,
    { title: `Invoice ${invoice.period}`, section: "billing" },
    <>
      <p>
        <a href="/console/billing">← Billing</a>
      </p>
      <h1>
        Invoice {invoice.period} <Badge value={invoice.status} />
      </h1>
      <DataTable
        label="Totals per fee"
        rows={[
          ...fees,
          ["subtotal", invoice.subtotal],
          ["tax", invoice.tax],
          ["total", invoice.total],
        ]}
        columns={[
          { label: "Fee", cell: ([fee]) => <code>{fee}</code> },
          { label: `Amount (${invoice.currency})`, num: true, cell: ([, amount]) => amount },
        ]}
      />
      <p>
        <a href={`/console/billing/${encodeURIComponent(invoice.id)}/lines.csv`}>
          Download the lines as CSV
        </a>
      </p>
      <h2>Lines</h2>
      {lines.ok ? (
        <>
          <ChargesTable label={`Lines of ${invoice.period}`} lines={lines.body.data} />
          <Pager
            base={`/console/billing/${encodeURIComponent(invoice.id)}`}
            filters={{}}
            nextCursor={lines.body.pagination.next_cursor}
          />
        </>
      ) : (
        <Refused failure={lines} what="its lines" />
      )}
    </>,
  );
}

/** The invoice's lines as the API exports them. */
export async function invoiceCsv(c: ConsoleContext) {
  const id = c.req.param("id") ?? "";
  const res = await c.var.api.v1.invoices[":id"]["lines.csv"].$get({ param: { id } });
  return new Response(res.body, {
    status: res.status,
    headers: {
      "Content-Type": res.headers.get("content-type") ?? "text/csv",
      "Content-Disposition": res.headers.get("content-disposition") ?? "attachment",
    },
  });
}
