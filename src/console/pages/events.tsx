import { EVENT_TYPES, type EventType } from "../../domain/events";
import { DELIVERY_STATUSES, type DeliveryStatus } from "../../domain/statuses";
import { type ConsoleContext, outcome } from "../api";
import { Field, SelectField } from "../components/fields";
import { Filters } from "../components/filters";
import { ListOrderToggle, listOrderOf } from "../components/list-order";
import { RefusedUnlessPlaced } from "../components/messages";
import { PAGE_SIZE, Pager } from "../components/pager";
import { type Column, DataTable } from "../components/table";
import { Empty, Json, Time } from "../components/values";
import { filtersOf, noticeOf } from "../forms";
import { render } from "../layout";
import type { EventView } from "../views";

const FILTERS = ["type", "delivery_status", "updated_since"] as const;
/** The feed counts a delivery in flight as pending, so `sending` is no filter of its own. */
const DELIVERY_FILTERS = DELIVERY_STATUSES.filter(
  (s): s is Exclude<DeliveryStatus, "sending"> => s !== "sending",
);

/** The resource an event carries, linked where the console has a page for it. */
function Resource(props: { data: Record<string, unknown> }) {
  const { data } = props;
  const id = typeof data.id === "string" ? data.id : typeof data.sku === "string" ? data.sku : "";
  const orderId = id.startsWith("ord_")
    ? id
    : typeof data.order_id === "string"
      ? data.order_id
      : undefined;
  return (
    <>
      {orderId ? (
        <a href={`/console/orders/${encodeURIComponent(orderId)}`}>
          <code>{id}</code>
        </a>
      ) : (
        <code>{id}</code>
      )}
      {typeof data.version === "string" ? <div class="meta">version {data.version}</div> : null}
    </>
  );
}

const EVENT_COLUMNS: Column<EventView>[] = [
  { label: "Created", cell: (e) => <Time at={e.created_at} /> },
  { label: "Type", cell: (e) => e.event_type },
  { label: "Resource", cell: (e) => <Resource data={e.data} /> },
  {
    label: "Event",
    cell: (e) => (
      <details>
        <summary>
          <code>{e.event_id}</code>
        </summary>
        <Json value={e} />
      </details>
    ),
  },
];

export async function eventsPage(c: ConsoleContext) {
  const filters = filtersOf(c, FILTERS);
  const order = listOrderOf(c);
  const listed = await outcome(
    c.var.api.v1.events.$get({
      query: {
        ...filters,
        // The API judges both: a hand-made value comes back as its 400 on the filter.
        type: filters.type as EventType | undefined,
        delivery_status: filters.delivery_status as (typeof DELIVERY_FILTERS)[number] | undefined,
        cursor: c.req.query("cursor") || undefined,
        limit: String(PAGE_SIZE),
        order,
      },
    }),
  );
  const failure = listed.ok ? undefined : listed;
  return render(
    c,
    { title: "Events", section: "events", notice: noticeOf(c), status: listed.status },
    <>
      <h1>Event feed</h1>
      <p class="lead">
        Every event this key may read: each one exactly the body a webhook carries.
      </p>
      <ListOrderToggle base="/console/events" filters={filters} order={order} />
      <Filters action="/console/events" label="Filter events" order={order}>
        <SelectField
          name="type"
          label="Type"
          value={filters.type}
          options={EVENT_TYPES}
          blank="Every type"
          failure={failure}
        />
        <SelectField
          name="delivery_status"
          label="Webhook delivery"
          value={filters.delivery_status}
          options={DELIVERY_FILTERS}
          blank="Any"
          failure={failure}
        />
        <Field
          name="updated_since"
          label="Since"
          value={filters.updated_since}
          placeholder="2026-07-02"
          failure={failure}
        />
      </Filters>
      {listed.ok ? (
        listed.body.data.length === 0 ? (
          <Empty text="No events match." />
        ) : (
          <>
            <DataTable label="Events" rows={listed.body.data} columns={EVENT_COLUMNS} />
            <Pager
              base="/console/events"
              filters={{ ...filters, order }}
              nextCursor={listed.body.pagination.next_cursor}
            />
          </>
        )
      ) : (
        <RefusedUnlessPlaced failure={listed} names={FILTERS} what="events" />
      )}
    </>,
  );
}
