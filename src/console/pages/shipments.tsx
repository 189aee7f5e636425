import { SHIPMENT_STATUSES, type ShipmentStatus } from "../../domain/statuses";
import { environmentOf } from "../../lib/environment";
import { type ConsoleContext, outcome } from "../api";
import {
  ActionButton,
  Badge,
  type Column,
  DataTable,
  Empty,
  ExternalLink,
  Field,
  PAGE_SIZE,
  Pager,
  RefusedUnlessPlaced,
  SelectField,
  Time,
} from "../components";
import { filtersOf, noticeOf } from "../forms";
import { hasSandbox, render } from "../layout";
import type { ShipmentView } from "../views";

const FILTERS = ["order_id", "status", "updated_since"] as const;

/** Where an action taken from a list goes back to; never a URL taken from the form. */
export type ReturnTo = "order" | "shipments" | "sandbox";

export function ParcelList(props: { shipment: ShipmentView }) {
  return (
    <ul>
      {props.shipment.parcels.map((p) => (
        <li>
          <ExternalLink href={p.tracking_url}>
            <code>{p.tracking_number}</code>
          </ExternalLink>{" "}
          <span class="meta">
            {p.carrier} · {p.service}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Shipments as rows: parcels with their tracking links, and in development and sandbox a
 * button that moves each one on to its next carrier status.
 */
export function ShipmentsTable(props: {
  shipments: ShipmentView[];
  advance?: { csrf: string; returnTo: ReturnTo };
}) {
  if (props.shipments.length === 0) return <Empty text="No shipments." />;
  const { advance } = props;
  const columns: Column<ShipmentView>[] = [
    { label: "Shipment", cell: (s) => <code>{s.id}</code> },
    {
      label: "Order",
      cell: (s) => (
        <a href={`/console/orders/${encodeURIComponent(s.order_id)}`}>{s.order_number}</a>
      ),
    },
    { label: "Status", cell: (s) => <Badge value={s.voided ? "voided" : s.status} /> },
    { label: "Shipped", cell: (s) => <Time at={s.shipped_at} /> },
    { label: "Parcels and tracking", cell: (s) => <ParcelList shipment={s} /> },
    {
      label: "Items",
      cell: (s) =>
        s.items.map((i) => (
          <div>
            <code>{i.sku}</code> × {i.quantity}
          </div>
        )),
    },
    { label: "Version", num: true, cell: (s) => s.version },
  ];
  if (advance) {
    columns.push({
      label: "Sandbox",
      cell: (s) => (
        <ActionButton
          action="/console/sandbox/advance"
          csrf={advance.csrf}
          label="Advance"
          tone="secondary"
          hidden={{ shipment_id: s.id, return_to: advance.returnTo }}
        />
      ),
    });
  }
  return <DataTable label="Shipments" rows={props.shipments} columns={columns} />;
}

export async function shipmentsPage(c: ConsoleContext) {
  const filters = filtersOf(c, FILTERS);
  const listed = await outcome(
    c.var.api.v1.shipments.$get({
      query: {
        ...filters,
        status: filters.status as ShipmentStatus | undefined,
        cursor: c.req.query("cursor") || undefined,
        limit: String(PAGE_SIZE),
      },
    }),
  );
  const failure = listed.ok ? undefined : listed;
  const csrf = c.var.session?.csrf ?? "";
  return render(
    c,
    {
      title: "Shipments",
      section: "shipments",
      notice: noticeOf(c),
      status: listed.status,
    },
    <>
      <h1>Shipments</h1>
      <form method="get" action="/console/shipments" class="filters" aria-label="Filter shipments">
        <Field name="order_id" label="Order id" value={filters.order_id} failure={failure} />
        <SelectField
          name="status"
          label="Status"
          value={filters.status}
          options={SHIPMENT_STATUSES}
          blank="Any status"
          failure={failure}
        />
        <Field
          name="updated_since"
          label="Updated since"
          value={filters.updated_since}
          placeholder="2026-07-02"
          failure={failure}
        />
        <button type="submit">Filter</button>
      </form>
      {listed.ok ? (
        <>
          <ShipmentsTable
            shipments={listed.body.data}
            advance={hasSandbox(environmentOf(c.env)) ? { csrf, returnTo: "shipments" } : undefined}
          />
          <Pager
            base="/console/shipments"
            filters={filters}
            nextCursor={listed.body.pagination.next_cursor}
          />
        </>
      ) : (
        <RefusedUnlessPlaced failure={listed} names={FILTERS} what="shipments" />
      )}
    </>,
  );
}
