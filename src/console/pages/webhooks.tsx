import { SUBSCRIBABLE } from "../../domain/events";
import { DELIVERY_STATUSES, type DeliveryStatus } from "../../domain/statuses";
import { type ApiFailure, type ConsoleContext, outcome } from "../api";
import { ActionButton } from "../components/action-button";
import { CsrfField, Field, type FormState, SelectField, unplaced } from "../components/fields";
import { Filters } from "../components/filters";
import { Problem, Refused, RefusedUnlessPlaced } from "../components/messages";
import { PAGE_SIZE, Pager } from "../components/pager";
import { type Column, DataTable } from "../components/table";
import { Badge, Empty, Time } from "../components/values";
import { filtersOf, noticeOf, readForm, text, texts } from "../forms";
import { render } from "../layout";
import type { DeliveryView, WebhookView } from "../views";

const path = (id: string) => `/console/webhooks/${encodeURIComponent(id)}`;

/** The signing secret, the one time the API returns it. */
function OnceShownSecret(props: { secret: string; previousExpiresAt?: string }) {
  return (
    <div class="secret" role="status">
      <p>
        <strong>Signing secret — copy it now; it is not shown again:</strong>
      </p>
      <p>
        <code>{props.secret}</code>
      </p>
      {props.previousExpiresAt ? (
        <p class="meta">
          The previous secret keeps signing alongside it until <Time at={props.previousExpiresAt} />
          .
        </p>
      ) : null}
    </div>
  );
}

function CreateForm(props: { csrf: string; state?: FormState & { events?: string[] } }) {
  const failure = props.state?.failure;
  const values = props.state?.values ?? {};
  const chosen = new Set(props.state?.events ?? []);
  const rest = unplaced(failure, ["url", "events", "description"]);
  const eventsError = failure?.field?.startsWith("events") ? failure.message : undefined;
  return (
    <form method="post" action="/console/webhooks" class="panel" aria-labelledby="create-title">
      <h2 id="create-title">Subscribe an endpoint</h2>
      {rest ? <Problem failure={rest} title="The API refused the subscription" /> : null}
      <CsrfField token={props.csrf} />
      <Field
        name="url"
        label="URL"
        type="url"
        value={values.url}
        placeholder="https://erp.example.com/webhooks"
        failure={failure}
      />
      <fieldset aria-describedby={eventsError ? "f-events-error" : undefined}>
        <legend>Events</legend>
        <div class="checks">
          {["*", ...SUBSCRIBABLE].map((type) => (
            <label>
              <input type="checkbox" name="events" value={type} checked={chosen.has(type)} />
              {type === "*" ? "every event (*)" : type}
            </label>
          ))}
        </div>
        {eventsError ? (
          <p class="field-error" id="f-events-error">
            {eventsError}
          </p>
        ) : null}
      </fieldset>
      <Field
        name="description"
        label="Description (optional)"
        value={values.description}
        failure={failure}
      />
      <button type="submit">Subscribe</button>
    </form>
  );
}

const WEBHOOK_COLUMNS: Column<WebhookView>[] = [
  {
    label: "Endpoint",
    cell: (w) => (
      <>
        <a href={path(w.id)}>{w.url}</a>
        <div class="meta">
          <code>{w.id}</code>
        </div>
      </>
    ),
  },
  { label: "Events", cell: (w) => w.events.join(", ") },
  {
    label: "Status",
    cell: (w) => (
      <>
        <Badge value={w.status} />
        {w.disabled_reason ? <div class="meta">{w.disabled_reason}</div> : null}
      </>
    ),
  },
  { label: "Description", cell: (w) => w.description ?? "" },
  { label: "Created", cell: (w) => <Time at={w.created_at} /> },
];

function WebhooksTable(props: { webhooks: WebhookView[] }) {
  if (props.webhooks.length === 0) return <Empty text="No subscriptions yet." />;
  return <DataTable label="Subscriptions" rows={props.webhooks} columns={WEBHOOK_COLUMNS} />;
}

async function renderWebhooks(
  c: ConsoleContext,
  extra: {
    created?: { id: string; secret: string };
    create?: FormState & { events?: string[] };
  } = {},
  status?: number,
) {
  const listed = await outcome(
    c.var.api.v1.webhooks.$get({
      query: { cursor: c.req.query("cursor") || undefined, limit: String(PAGE_SIZE) },
    }),
  );
  const csrf = c.var.session?.csrf ?? "";
  return render(
    c,
    {
      title: "Webhooks",
      section: "webhooks",
      notice: noticeOf(c),
      status: status ?? listed.status,
    },
    <>
      <h1>Webhooks</h1>
      {extra.created ? (
        <>
          <OnceShownSecret secret={extra.created.secret} />
          <p>
            <a href={path(extra.created.id)}>Open the new subscription</a>
          </p>
        </>
      ) : null}
      {listed.ok ? (
        <>
          <WebhooksTable webhooks={listed.body.data} />
          <Pager
            base="/console/webhooks"
            filters={{}}
            nextCursor={listed.body.pagination.next_cursor}
          />
          <CreateForm csrf={csrf} state={extra.create} />
        </>
      ) : (
        <Refused failure={listed} what="webhook subscriptions" />
      )}
    </>,
  );
}

export const webhooksPage = (c: ConsoleContext) => renderWebhooks(c);

export async function createWebhook(c: ConsoleContext) {
  const form = await readForm(c);
  const values = { url: text(form, "url"), description: text(form, "description") };
  const events = texts(form, "events");
  const created = await outcome(
    c.var.api.v1.webhooks.$post({
      json: {
        url: values.url,
        // The API judges each type; a hand-made one comes back as its 422 on `events`.
        events: events as (typeof SUBSCRIBABLE)[number][],
        description: values.description.trim() === "" ? null : values.description,
      },
    }),
  );
  if (created.ok) {
    return renderWebhooks(
      c,
      { created: { id: created.body.id, secret: created.body.secret } },
      201,
    );
  }
  return renderWebhooks(c, { create: { values, events, failure: created } }, created.status);
}

type AttemptView = DeliveryView["attempts"][number];

const ATTEMPT_COLUMNS: Column<AttemptView>[] = [
  { label: "#", num: true, cell: (a) => a.attempt },
  {
    label: "Response",
    cell: (a) => (
      <>
        {a.status_code !== null ? (
          <Badge
            value={String(a.status_code)}
            tone={a.status_code >= 200 && a.status_code < 300 ? "good" : "bad"}
          />
        ) : null}
        {a.error ? <div class="meta">{a.error}</div> : null}
      </>
    ),
  },
  { label: "Latency", num: true, cell: (a) => `${a.duration_ms} ms` },
  { label: "At", cell: (a) => <Time at={a.attempted_at} /> },
  { label: "Next retry", cell: (a) => <Time at={a.next_retry_at} /> },
];

function Attempts(props: { delivery: DeliveryView }) {
  const { attempts } = props.delivery;
  if (attempts.length === 0) return <span class="meta">No attempt yet</span>;
  return <DataTable label="Attempts" rows={attempts} columns={ATTEMPT_COLUMNS} nested />;
}

function DeliveriesTable(props: { webhookId: string; deliveries: DeliveryView[]; csrf: string }) {
  if (props.deliveries.length === 0) return <Empty text="No deliveries yet." />;
  const columns: Column<DeliveryView>[] = [
    {
      label: "Event",
      cell: (d) => (
        <>
          {d.event_type}
          <div class="meta">
            <code>{d.event_id}</code>
          </div>
        </>
      ),
    },
    {
      label: "Status",
      cell: (d) => (
        <>
          <Badge value={d.status} />
          {d.last_error ? <div class="meta">{d.last_error}</div> : null}
        </>
      ),
    },
    { label: "Attempts", cell: (d) => <Attempts delivery={d} /> },
    { label: "Created", cell: (d) => <Time at={d.created_at} /> },
    {
      label: "Replay",
      cell: (d) => (
        <ActionButton
          action={`${path(props.webhookId)}/redeliver`}
          csrf={props.csrf}
          label="Redeliver"
          tone="secondary"
          hidden={{ event_id: d.event_id }}
        />
      ),
    },
  ];
  return <DataTable label="Deliveries" rows={props.deliveries} columns={columns} />;
}

interface WebhookState {
  secret?: { value: string; previousExpiresAt?: string };
  /** A refused action button (test, rotate, enable, redeliver). */
  refused?: ApiFailure;
  recover?: FormState & { queued?: { events: number; nextCursor: string | null } };
}

function RecoverForm(props: { id: string; csrf: string; state?: WebhookState["recover"] }) {
  const failure = props.state?.failure;
  const queued = props.state?.queued;
  const rest = unplaced(failure, ["since"]);
  return (
    <form
      method="post"
      action={`${path(props.id)}/recover`}
      class="inline-form"
      aria-label="Recover"
    >
      <CsrfField token={props.csrf} />
      <Field
        name="since"
        label="Recover events since"
        value={props.state?.values.since}
        placeholder="2026-07-02T09:15:00Z"
        failure={failure}
      />
      {queued?.nextCursor ? <input type="hidden" name="cursor" value={queued.nextCursor} /> : null}
      <button type="submit" class="secondary">
        {queued?.nextCursor ? "Recover the next page" : "Recover"}
      </button>
      {rest ? <Problem failure={rest} title="The API refused the recovery" /> : null}
      {queued ? (
        <p role="status">
          Queued {queued.events} {queued.events === 1 ? "event" : "events"} for delivery
          {queued.nextCursor ? "; more match: recover the next page once these have gone." : "."}
        </p>
      ) : null}
    </form>
  );
}

async function renderWebhook(
  c: ConsoleContext,
  id: string,
  state: WebhookState = {},
  status?: number,
) {
  const filters = filtersOf(c, ["status"] as const);
  const [found, deliveries] = await Promise.all([
    outcome(c.var.api.v1.webhooks[":id"].$get({ param: { id } })),
    outcome(
      c.var.api.v1.webhooks[":id"].deliveries.$get({
        param: { id },
        query: {
          status: filters.status as DeliveryStatus | undefined,
          cursor: c.req.query("cursor") || undefined,
          limit: String(PAGE_SIZE),
        },
      }),
    ),
  ]);
  if (!found.ok) {
    return render(
      c,
      { title: "Webhook", section: "webhooks", status: found.status },
      <>
        <h1>Webhook</h1>
        <Refused failure={found} what="this subscription" />
      </>,
    );
  }
  const w = found.body;
  const csrf = c.var.session?.csrf ?? "";
  return render(
    c,
    {
      title: `Webhook ${w.url}`,
      section: "webhooks",
      notice: noticeOf(c),
      status: status ?? deliveries.status,
    },
    <>
      <p>
        <a href="/console/webhooks">← Webhooks</a>
      </p>
      <h1>
        {w.url} <Badge value={w.status} />
      </h1>
      {state.secret ? (
        <OnceShownSecret
          secret={state.secret.value}
          previousExpiresAt={state.secret.previousExpiresAt}
        />
      ) : null}
      {state.refused ? <Problem failure={state.refused} title="The API refused" /> : null}
      <dl class="facts">
        <dt>Id</dt>
        <dd>
          <code>{w.id}</code>
        </dd>
        <dt>Events</dt>
        <dd>{w.events.join(", ")}</dd>
        <dt>Description</dt>
        <dd>{w.description ?? "—"}</dd>
        <dt>Disabled because</dt>
        <dd>{w.disabled_reason ?? "—"}</dd>
        <dt>Created</dt>
        <dd>
          <Time at={w.created_at} />
        </dd>
      </dl>
      <section class="panel" aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        <div class="actions">
          <ActionButton action={`${path(w.id)}/test`} csrf={csrf} label="Send test event" />
          <ActionButton
            action={`${path(w.id)}/rotate-secret`}
            csrf={csrf}
            label="Rotate secret"
            tone="secondary"
          />
          {w.status === "disabled" ? (
            <ActionButton
              action={`${path(w.id)}/enable`}
              csrf={csrf}
              label="Enable"
              tone="secondary"
            />
          ) : null}
        </div>
        <RecoverForm id={w.id} csrf={csrf} state={state.recover} />
      </section>
      <h2>Deliveries</h2>
      <Filters action={path(w.id)} label="Filter deliveries">
        <SelectField
          name="status"
          label="Status"
          value={filters.status}
          options={DELIVERY_STATUSES}
          blank="Any status"
          failure={deliveries.ok ? undefined : deliveries}
        />
      </Filters>
      {deliveries.ok ? (
        <>
          <DeliveriesTable webhookId={w.id} deliveries={deliveries.body.data} csrf={csrf} />
          <Pager
            base={path(w.id)}
            filters={filters}
            nextCursor={deliveries.body.pagination.next_cursor}
          />
        </>
      ) : (
        <RefusedUnlessPlaced failure={deliveries} names={["status"]} what="deliveries" />
      )}
    </>,
  );
}

export const webhookPage = (c: ConsoleContext) => renderWebhook(c, c.req.param("id") ?? "");

const idOf = (c: ConsoleContext) => c.req.param("id") ?? "";

export async function sendTest(c: ConsoleContext) {
  const id = idOf(c);
  const sent = await outcome(c.var.api.v1.webhooks[":id"].test.$post({ param: { id } }));
  if (sent.ok) return c.redirect(`${path(id)}?notice=test_sent`, 303);
  return renderWebhook(c, id, { refused: sent }, sent.status);
}

export async function rotateSecret(c: ConsoleContext) {
  const id = idOf(c);
  const rotated = await outcome(
    c.var.api.v1.webhooks[":id"]["rotate-secret"].$post({ param: { id } }),
  );
  if (!rotated.ok) return renderWebhook(c, id, { refused: rotated }, rotated.status);
  const { secret, previous_secret_expires_at } = rotated.body;
  return renderWebhook(c, id, {
    secret: { value: secret, previousExpiresAt: previous_secret_expires_at },
  });
}

export async function enableWebhook(c: ConsoleContext) {
  const id = idOf(c);
  const enabled = await outcome(c.var.api.v1.webhooks[":id"].enable.$post({ param: { id } }));
  if (enabled.ok) return c.redirect(`${path(id)}?notice=enabled`, 303);
  return renderWebhook(c, id, { refused: enabled }, enabled.status);
}

export async function recoverWebhook(c: ConsoleContext) {
  const id = idOf(c);
  const form = await readForm(c);
  const since = text(form, "since");
  const cursor = text(form, "cursor");
  const recovered = await outcome(
    c.var.api.v1.webhooks[":id"].recover.$post({
      param: { id },
      json: cursor ? { cursor } : { since },
    }),
  );
  const values = { since };
  if (!recovered.ok) {
    return renderWebhook(c, id, { recover: { values, failure: recovered } }, recovered.status);
  }
  const queued = { events: recovered.body.events, nextCursor: recovered.body.next_cursor };
  return renderWebhook(c, id, { recover: { values, queued } }, recovered.status);
}

export async function redeliverEvent(c: ConsoleContext) {
  const id = idOf(c);
  const eventId = text(await readForm(c), "event_id");
  const queued = await outcome(
    c.var.api.v1.events[":id"].redeliver.$post({
      param: { id: eventId },
      json: { subscription_id: id },
    }),
  );
  if (queued.ok) return c.redirect(`${path(id)}?notice=redelivered`, 303);
  return renderWebhook(c, id, { refused: queued }, queued.status);
}
