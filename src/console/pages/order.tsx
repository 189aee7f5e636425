import { MAX_LINES } from "../../domain/shapes";
import { environmentOf } from "../../lib/environment";
import { type ApiFailure, type ConsoleContext, type Outcome, outcome } from "../api";
import { ActionButton } from "../components/action-button";
import { CheckboxField, CsrfField, Field, type FormState, unplaced } from "../components/fields";
import { Problem, Refused } from "../components/messages";
import { ShipmentsTable } from "../components/shipments-table";
import { type Column, DataTable } from "../components/table";
import { Badge, Empty, Json, Time } from "../components/values";
import { type Form, noticeOf, optional, readForm, text, whole } from "../forms";
import { type ChainVerdict, checkChain } from "../history-check";
import { hasSandbox, render } from "../layout";
import type { AmendBody, HistoryRow, OrderView } from "../views";

/** An order's history is walked whole to check its chain; this caps a pathological one. */
const HISTORY_PAGES = 10;
const HISTORY_PAGE_SIZE = 200;

const SHIP_TO_FIELDS = [
  ["name", "Name", true],
  ["company", "Company", false],
  ["email", "Email", false],
  ["phone", "Phone", false],
  ["address1", "Address line 1", true],
  ["address2", "Address line 2", false],
  ["city", "City", true],
  ["state", "State", false],
  ["postcode", "Postcode", false],
  ["country", "Country (ISO 3166 alpha-2)", true],
] as const;
type ShipToField = (typeof SHIP_TO_FIELDS)[number][0];

const HANDLING_TEXT = ["packing_note", "gift_message", "shipping_method_id"] as const;
const HANDLING_FLAGS = ["signature_required", "insurance"] as const;

/** The amend form's values for an order: each named by its path in the API's body. */
function formValues(order: OrderView): Record<string, string> {
  const values: Record<string, string> = { version: order.version };
  for (const name of HANDLING_TEXT) values[name] = order[name] ?? "";
  for (const name of HANDLING_FLAGS) values[name] = order[name] ? "on" : "";
  for (const [name] of SHIP_TO_FIELDS) values[`ship_to.${name}`] = order.ship_to[name] ?? "";
  order.items.forEach((item, i) => {
    values[`items[${i}].sku`] = item.sku;
    values[`items[${i}].quantity`] = String(item.quantity);
  });
  return values;
}

function submittedValues(form: Form): Record<string, string> {
  const values: Record<string, string> = { version: text(form, "version") };
  for (const name of [...HANDLING_TEXT, ...HANDLING_FLAGS]) values[name] = text(form, name);
  for (const [name] of SHIP_TO_FIELDS) values[`ship_to.${name}`] = text(form, `ship_to.${name}`);
  // Lines come from the form the order was shown with: items[0] up to the first gap.
  for (let i = 0; text(form, `items[${i}].sku`) !== "" && i < MAX_LINES; i++) {
    values[`items[${i}].sku`] = text(form, `items[${i}].sku`);
    values[`items[${i}].quantity`] = text(form, `items[${i}].quantity`);
  }
  return values;
}

/**
 * The PATCH body: only what differs from the order as it is now, as the API's amend
 * expects. `items` is the full set of lines whenever any quantity changed.
 */
function amendBody(order: OrderView, sent: Record<string, string>): AmendBody {
  const now = formValues(order);
  const body: AmendBody = {};
  for (const name of HANDLING_TEXT) {
    if (sent[name] !== now[name]) body[name] = optional(sent[name] ?? "");
  }
  for (const name of HANDLING_FLAGS) {
    if (sent[name] !== now[name]) body[name] = sent[name] === "on";
  }
  const shipTo: Partial<Record<ShipToField, string | null>> = {};
  for (const [name, , required] of SHIP_TO_FIELDS) {
    const value = sent[`ship_to.${name}`] ?? "";
    if (value !== now[`ship_to.${name}`]) shipTo[name] = required ? value : optional(value);
  }
  if (Object.keys(shipTo).length > 0) body.ship_to = shipTo as AmendBody["ship_to"];
  const lines = Object.keys(sent).filter((k) => /^items\[\d+\]\.sku$/.test(k)).length;
  const items = Array.from({ length: lines }, (_, i) => ({
    sku: sent[`items[${i}].sku`] ?? "",
    quantity: whole(sent[`items[${i}].quantity`] ?? ""),
  }));
  const changed =
    items.length !== order.items.length ||
    items.some(
      (item, i) => item.sku !== order.items[i]?.sku || item.quantity !== order.items[i]?.quantity,
    );
  if (changed) body.items = items;
  return body;
}

async function walkHistory(c: ConsoleContext, id: string): Promise<Outcome<HistoryRow[]>> {
  const entries: HistoryRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const got = await outcome(
      c.var.api.v1.orders[":id"].history.$get({
        param: { id },
        query: { cursor, limit: String(HISTORY_PAGE_SIZE) },
      }),
    );
    if (!got.ok) return got;
    entries.push(...got.body.data);
    if (!got.body.pagination.has_more || !got.body.pagination.next_cursor) break;
    cursor = got.body.pagination.next_cursor;
  }
  return { ok: true, status: 200, body: entries };
}

function Facts(props: { order: OrderView }) {
  const o = props.order;
  const rows: [string, unknown][] = [
    ["Id", <code>{o.id}</code>],
    ["Reference", o.reference],
    ["Status", <Badge value={o.status} />],
    ["Allocation", <Badge value={o.allocation_status} />],
    ["Warehouse", o.warehouse_id],
    ["Shipping method", o.shipping_method ?? o.shipping_method_id ?? "—"],
    ["Order date", <Time at={o.order_date} />],
    ["Version", o.version],
    ["Created", <Time at={o.created_at} />],
    ["Updated", <Time at={o.updated_at} />],
    ["Cancelled", <Time at={o.cancelled_at} />],
    ["Hold reason", o.hold_reason ?? "—"],
    ["Cancel reason", o.cancel_reason ?? "—"],
    ["Packing note", o.packing_note ?? "—"],
    ["Gift message", o.gift_message ?? "—"],
    [
      "Signature / insurance",
      `${o.signature_required ? "signature" : "no signature"} · ${o.insurance ? "insured" : "not insured"}`,
    ],
  ];
  const to = o.ship_to;
  return (
    <div class="summary">
      <dl class="facts wide">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      <section aria-labelledby="ship-to">
        <h2 id="ship-to">Ship to</h2>
        <address>
          {[
            to.name,
            to.company,
            to.address1,
            to.address2,
            [to.city, to.state, to.postcode].filter(Boolean).join(" "),
            to.country,
            to.email,
            to.phone,
          ]
            .filter(Boolean)
            .map((line) => (
              <div>{line}</div>
            ))}
        </address>
      </section>
    </div>
  );
}

type Line = OrderView["items"][number];

const LINE_COLUMNS: Column<Line>[] = [
  { label: "SKU", cell: (i) => <code>{i.sku}</code> },
  { label: "Description", cell: (i) => i.description ?? "" },
  { label: "Ordered", num: true, cell: (i) => i.quantity },
  { label: "Allocated", num: true, cell: (i) => i.allocated_quantity },
  { label: "Shipped", num: true, cell: (i) => i.shipped_quantity },
  { label: "Allocation", cell: (i) => <Badge value={i.allocation_status} /> },
  {
    label: "Unit price",
    num: true,
    cell: (i) => (i.unit_price ? `${i.unit_price} ${i.currency ?? ""}` : "—"),
  },
];

const HISTORY_COLUMNS: Column<HistoryRow>[] = [
  { label: "Seq", num: true, cell: (e) => e.seq },
  { label: "At", cell: (e) => <Time at={e.at} /> },
  { label: "Actor", cell: (e) => <code>{e.actor}</code> },
  { label: "Action", cell: (e) => e.action },
  { label: "Changes", cell: (e) => <Json value={e.changes} /> },
  { label: "Hash", cell: (e) => <code title={e.hash}>{e.hash.slice(0, 12)}…</code> },
];

function History(props: { history: Outcome<HistoryRow[]>; verdict: ChainVerdict | null }) {
  const { history, verdict } = props;
  if (!history.ok) return <Refused failure={history} what="the history" />;
  return (
    <>
      {verdict?.intact ? (
        <div class="verdict good" role="status">
          <p>
            Hash chain verified on this page: {verdict.entries}{" "}
            {verdict.entries === 1 ? "entry" : "entries"}, each hash recomputed from the genesis
            hash.
          </p>
        </div>
      ) : verdict ? (
        <div class="verdict broken" role="alert">
          <p>
            Hash chain broken at entry {verdict.seq}: {verdict.reason}.
          </p>
        </div>
      ) : null}
      <DataTable label="History" rows={history.body} columns={HISTORY_COLUMNS} />
    </>
  );
}

function AmendForm(props: { order: OrderView; csrf: string; state?: FormState }) {
  const { order, csrf } = props;
  const values = props.state?.values ?? formValues(order);
  const failure = props.state?.failure;
  const names = Object.keys(values);
  const rest = unplaced(failure, names);
  return (
    <form
      method="post"
      action={`/console/orders/${encodeURIComponent(order.id)}/amend`}
      class="panel"
      aria-labelledby="amend-title"
    >
      <h2 id="amend-title">Amend</h2>
      <p class="meta">
        Sends only what you change, with If-Match on version {values.version}. The API decides
        whether the order can still change.
      </p>
      {rest ? <Problem failure={rest} title="The API refused the amendment" /> : null}
      <CsrfField token={csrf} />
      <input type="hidden" name="version" value={values.version} />
      <fieldset>
        <legend>Handling</legend>
        <Field
          name="packing_note"
          label="Packing note"
          value={values.packing_note}
          failure={failure}
        />
        <Field
          name="gift_message"
          label="Gift message"
          value={values.gift_message}
          failure={failure}
        />
        <Field
          name="shipping_method_id"
          label="Shipping method id"
          value={values.shipping_method_id}
          failure={failure}
        />
        <CheckboxField
          name="signature_required"
          label="Signature required"
          checked={values.signature_required === "on"}
          failure={failure}
        />
        <CheckboxField
          name="insurance"
          label="Insurance"
          checked={values.insurance === "on"}
          failure={failure}
        />
      </fieldset>
      <fieldset>
        <legend>Ship to</legend>
        <div class="grid">
          {SHIP_TO_FIELDS.map(([name, label]) => (
            <Field
              name={`ship_to.${name}`}
              label={label}
              value={values[`ship_to.${name}`]}
              failure={failure}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Quantities</legend>
        <div class="grid">
          {names
            .filter((n) => /^items\[\d+\]\.sku$/.test(n))
            .map((skuName) => {
              const base = skuName.slice(0, -".sku".length);
              return (
                <>
                  <input type="hidden" name={skuName} value={values[skuName]} />
                  <Field
                    name={`${base}.quantity`}
                    label={`Quantity of ${values[skuName]}`}
                    value={values[`${base}.quantity`]}
                    inputmode="numeric"
                    failure={failure}
                  />
                </>
              );
            })}
        </div>
      </fieldset>
      <button type="submit">Amend order</button>
    </form>
  );
}

function CancelForm(props: { order: OrderView; csrf: string; state?: FormState }) {
  const failure = props.state?.failure;
  const rest = unplaced(failure, ["reason"]);
  return (
    <form
      method="post"
      action={`/console/orders/${encodeURIComponent(props.order.id)}/cancel`}
      class="panel"
      aria-labelledby="cancel-title"
    >
      <h2 id="cancel-title">Cancel</h2>
      {rest ? <Problem failure={rest} title="The API refused the cancellation" /> : null}
      <CsrfField token={props.csrf} />
      <Field
        name="reason"
        label="Reason (optional)"
        value={props.state?.values.reason}
        failure={failure}
      />
      <button type="submit" class="danger">
        Cancel order
      </button>
    </form>
  );
}

interface PageState {
  amend?: FormState;
  cancel?: FormState;
  fulfil?: ApiFailure;
}

/** The whole order page; after a refused action, with that refusal and the API's status. */
export async function renderOrder(
  c: ConsoleContext,
  id: string,
  state: PageState = {},
  status?: number,
) {
  const [found, history] = await Promise.all([
    outcome(c.var.api.v1.orders[":id"].$get({ param: { id } })),
    walkHistory(c, id),
  ]);
  if (!found.ok) {
    return render(
      c,
      { title: "Order", section: "orders", status: found.status },
      <>
        <h1>Order</h1>
        <Refused failure={found} what="this order" />
        <p>
          <a href="/console/orders">All orders</a>
        </p>
      </>,
    );
  }
  const order = found.body;
  const verdict = history.ok ? await checkChain(history.body) : null;
  const csrf = c.var.session?.csrf ?? "";
  const sandbox = hasSandbox(environmentOf(c.env));
  return render(
    c,
    {
      title: `Order ${order.order_number}`,
      section: "orders",
      notice: noticeOf(c),
      status,
    },
    <>
      <p>
        <a href="/console/orders">← Orders</a>
      </p>
      <h1>
        Order {order.order_number} <Badge value={order.status} />
      </h1>
      <Facts order={order} />
      <h2>Lines</h2>
      <DataTable label="Lines" rows={order.items} columns={LINE_COLUMNS} />
      <h2>Shipments</h2>
      <ShipmentsTable
        shipments={order.shipments}
        advance={sandbox ? { csrf, returnTo: "order" } : undefined}
      />
      {sandbox ? (
        <section class="panel" aria-labelledby="sandbox-title">
          <h2 id="sandbox-title">Sandbox warehouse</h2>
          {state.fulfil ? <Problem failure={state.fulfil} title="The sandbox refused" /> : null}
          <p class="meta">
            Picks and ships every allocated unit not yet shipped, in tracked parcels.
          </p>
          <ActionButton
            action="/console/sandbox/fulfill"
            csrf={csrf}
            label="Fulfil now"
            hidden={{ order_id: order.id, return_to: "order" }}
          />
        </section>
      ) : null}
      <div class="grid">
        <AmendForm order={order} csrf={csrf} state={state.amend} />
        <CancelForm order={order} csrf={csrf} state={state.cancel} />
      </div>
      <h2>History</h2>
      {history.ok && history.body.length === 0 ? <Empty text="No history yet." /> : null}
      <History history={history} verdict={verdict} />
    </>,
  );
}

export const orderPage = (c: ConsoleContext) => renderOrder(c, c.req.param("id") ?? "");

export async function amendOrder(c: ConsoleContext) {
  const id = c.req.param("id") ?? "";
  const form = await readForm(c);
  const found = await outcome(c.var.api.v1.orders[":id"].$get({ param: { id } }));
  if (!found.ok) return renderOrder(c, id, {}, found.status);
  const sent = submittedValues(form);
  const body = amendBody(found.body, sent);
  if (Object.keys(body).length === 0) {
    return c.redirect(`/console/orders/${encodeURIComponent(id)}?notice=nothing_changed`, 303);
  }
  const amended = await outcome(
    c.var.api.v1.orders[":id"].$patch({
      param: { id },
      header: { "if-match": `"${sent.version}"` },
      json: body,
    }),
  );
  if (amended.ok) {
    return c.redirect(`/console/orders/${encodeURIComponent(id)}?notice=amended`, 303);
  }
  return renderOrder(c, id, { amend: { values: sent, failure: amended } }, amended.status);
}

export async function cancelOrder(c: ConsoleContext) {
  const id = c.req.param("id") ?? "";
  const reason = text(await readForm(c), "reason");
  const cancelled = await outcome(
    c.var.api.v1.orders[":id"].cancel.$post({ param: { id }, json: { reason: optional(reason) } }),
  );
  if (cancelled.ok) {
    return c.redirect(`/console/orders/${encodeURIComponent(id)}?notice=cancelled`, 303);
  }
  return renderOrder(
    c,
    id,
    { cancel: { values: { reason }, failure: cancelled } },
    cancelled.status,
  );
}
