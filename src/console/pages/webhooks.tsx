import { SUBSCRIBABLE } from "../../domain/events";
import { type ConsoleContext, outcome } from "../api";
import { CsrfField, Field, type FormState, unplaced } from "../components/fields";
import { Problem, Refused } from "../components/messages";
import { PAGE_SIZE, Pager } from "../components/pager";
import { type Column, DataTable } from "../components/table";
import { Badge, Empty, Time } from "../components/values";
import { noticeOf, readForm, text, texts } from "../forms";
import { render } from "../layout";
import type { WebhookView } from "../views";
import { OnceShownSecret } from "./webhook/once-shown-secret";
import { webhookPath } from "./webhook/path";

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
        <a href={webhookPath(w.id)}>{w.url}</a>
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
            <a href={webhookPath(extra.created.id)}>Open the new subscription</a>
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
