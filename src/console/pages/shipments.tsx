import { environmentOf } from "../../env";
import { SHIPMENT_STATUSES, type ShipmentStatus } from "../../shipments/shipment-rules";
import type { ShipmentView } from "../../shipments/shipments.schemas";
import { type ConsoleContext, outcome } from "../api";
import {
  ActionButton,
  Badge,
  Empty,
  ExternalLink,
  Field,
  Pager,
  SelectField,
  TableWrap,
  Time,
} from "../components";
import { filtersOf, noticeOf } from "../forms";
import { hasSandbox, render } from "../layout";
import { PAGE_SIZE, RefusedUnlessPlaced } from "./orders";

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
  return (
    <TableWrap label="Shipments">
      <table>
        <thead>
          <tr>
            <th>Shipment</th>
            <th>Order</th>
            <th>Status</th>
            <th>Shipped</th>
            <th>Parcels and tracking</th>
            <th>Items</th>
            <th class="num">Version</th>
            {advance ? <th>Sandbox</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.shipments.map((s) => (
            <tr>
              <td>
                <code>{s.id}</code>
              </td>
              <td>
                <a href={`/console/orders/${encodeURIComponent(s.order_id)}`}>{s.order_number}</a>
              </td>
              <td>
                <Badge value={s.voided ? "voided" : s.status} />
              </td>
              <td>
                <Time at={s.shipped_at} />
              </td>
              <td>
                <ParcelList shipment={s} />
              </td>
              <td>
                {s.items.map((i) => (
                  <div>
                    <code>{i.sku}</code> × {i.quantity}
                  </div>
                ))}
              </td>
              <td class="num">{s.version}</td>
              {advance ? (
                <td>
                  <ActionButton
                    action="/console/sandbox/advance"
                    csrf={advance.csrf}
                    label="Advance"
                    tone="secondary"
                    hidden={{ shipment_id: s.id, return_to: advance.returnTo }}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
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
