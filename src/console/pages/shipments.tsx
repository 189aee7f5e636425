import { SHIPMENT_STATUSES, type ShipmentStatus } from "../../domain/statuses";
import { environmentOf } from "../../lib/environment";
import { type ConsoleContext, outcome } from "../api";
import { Field, SelectField } from "../components/fields";
import { Filters } from "../components/filters";
import { ListOrderToggle, listOrderOf } from "../components/list-order";
import { RefusedUnlessPlaced } from "../components/messages";
import { PAGE_SIZE, Pager } from "../components/pager";
import { ShipmentsTable } from "../components/shipments-table";
import { filtersOf, noticeOf } from "../forms";
import { hasSandbox, render } from "../layout";

const FILTERS = ["order_id", "status", "updated_since"] as const;

export async function shipmentsPage(c: ConsoleContext) {
  const filters = filtersOf(c, FILTERS);
  const order = listOrderOf(c);
  const listed = await outcome(
    c.var.api.v1.shipments.$get({
      query: {
        ...filters,
        status: filters.status as ShipmentStatus | undefined,
        cursor: c.req.query("cursor") || undefined,
        limit: String(PAGE_SIZE),
        order,
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
      <ListOrderToggle base="/console/shipments" filters={filters} order={order} />
      <Filters action="/console/shipments" label="Filter shipments" order={order}>
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
      </Filters>
      {listed.ok ? (
        <>
          <ShipmentsTable
            shipments={listed.body.data}
            advance={hasSandbox(environmentOf(c.env)) ? { csrf, returnTo: "shipments" } : undefined}
          />
          <Pager
            base="/console/shipments"
            filters={{ ...filters, order }}
            nextCursor={listed.body.pagination.next_cursor}
          />
        </>
      ) : (
        <RefusedUnlessPlaced failure={listed} names={FILTERS} what="shipments" />
      )}
    </>,
  );
}
