import { ORDER_STATUSES, type OrderStatus } from "../../domain/statuses";
import { type ConsoleContext, outcome } from "../api";
import { Field, SelectField } from "../components/fields";
import { Filters } from "../components/filters";
import { ListOrderToggle, listOrderOf } from "../components/list-order";
import { RefusedUnlessPlaced } from "../components/messages";
import { PAGE_SIZE, Pager } from "../components/pager";
import { type Column, DataTable } from "../components/table";
import { Badge, Empty, Time } from "../components/values";
import { filtersOf, noticeOf } from "../forms";
import { render } from "../layout";
import type { OrderView } from "../views";

const FILTERS = ["status", "reference", "updated_since"] as const;

const units = (order: OrderView) => order.items.reduce((sum, item) => sum + item.quantity, 0);

const ORDER_COLUMNS: Column<OrderView>[] = [
  {
    label: "Order",
    cell: (o) => <a href={`/console/orders/${encodeURIComponent(o.id)}`}>{o.order_number}</a>,
  },
  { label: "Reference", cell: (o) => o.reference },
  { label: "Status", cell: (o) => <Badge value={o.status} /> },
  { label: "Warehouse", cell: (o) => o.warehouse_id },
  { label: "Lines", num: true, cell: (o) => o.items.length },
  { label: "Units", num: true, cell: units },
  { label: "Updated", cell: (o) => <Time at={o.updated_at} /> },
  { label: "Version", num: true, cell: (o) => o.version },
];

function OrdersTable(props: { orders: OrderView[] }) {
  if (props.orders.length === 0) return <Empty text="No orders match." />;
  return <DataTable label="Orders" rows={props.orders} columns={ORDER_COLUMNS} />;
}

export async function ordersPage(c: ConsoleContext) {
  const filters = filtersOf(c, FILTERS);
  const order = listOrderOf(c);
  const cursor = c.req.query("cursor") || undefined;
  const listed = await outcome(
    c.var.api.v1.orders.$get({
      query: {
        ...filters,
        // The API judges the status: a hand-edited one comes back as its 400 on the filter.
        status: filters.status as OrderStatus | undefined,
        cursor,
        limit: String(PAGE_SIZE),
        order,
      },
    }),
  );
  const failure = listed.ok ? undefined : listed;
  return render(
    c,
    {
      title: "Orders",
      section: "orders",
      notice: noticeOf(c),
      status: listed.status,
    },
    <>
      <h1>Orders</h1>
      <ListOrderToggle base="/console/orders" filters={filters} order={order} />
      <Filters action="/console/orders" label="Filter orders" order={order}>
        <SelectField
          name="status"
          label="Status"
          value={filters.status}
          options={ORDER_STATUSES}
          blank="Any status"
          failure={failure}
        />
        <Field name="reference" label="Reference" value={filters.reference} failure={failure} />
        <Field
          name="updated_since"
          label="Updated since"
          value={filters.updated_since}
          placeholder="2026-07-02"
          hint="A date, or a UTC time"
          failure={failure}
        />
      </Filters>
      {listed.ok ? (
        <>
          <OrdersTable orders={listed.body.data} />
          <Pager
            base="/console/orders"
            filters={{ ...filters, order }}
            nextCursor={listed.body.pagination.next_cursor}
          />
        </>
      ) : (
        <RefusedUnlessPlaced failure={listed} names={FILTERS} what="orders" />
      )}
    </>,
  );
}
