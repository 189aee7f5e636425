import { DELIVERY_STATUSES, type DeliveryStatus } from "../../domain/statuses";
import { type ApiFailure, type ConsoleContext, outcome } from "../api";
import { ActionButton } from "../components/action-button";
import { SelectField } from "../components/fields";
import { Filters } from "../components/filters";
import { Problem, Refused, RefusedUnlessPlaced } from "../components/messages";
import { PAGE_SIZE, Pager } from "../components/pager";
import { Badge, Time } from "../components/values";
import { filtersOf, noticeOf, readForm, text } from "../forms";
import { render } from "../layout";
import { DeliveriesTable } from "./webhook/deliveries";
import { OnceShownSecret } from "./webhook/once-shown-secret";
import { webhookPath } from "./webhook/path";
import { RecoverForm, type RecoverState } from "./webhook/recover-form";

interface WebhookState {
  secret?: { value: string; previousExpiresAt?: string };
  /** A refused action button (test, rotate, enable, redeliver). */
  refused?: ApiFailure;
  recover?: RecoverState;
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
          <ActionButton action={`${webhookPath(w.id)}/test`} csrf={csrf} label="Send test event" />
          <ActionButton
            action={`${webhookPath(w.id)}/rotate-secret`}
            csrf={csrf}
            label="Rotate secret"
            tone="secondary"
          />
          {w.status === "disabled" ? (
            <ActionButton
              action={`${webhookPath(w.id)}/enable`}
              csrf={csrf}
              label="Enable"
              tone="secondary"
            />
          ) : null}
        </div>
        <RecoverForm id={w.id} csrf={csrf} state={state.recover} />
      </section>
      <h2>Deliveries</h2>
      <Filters action={webhookPath(w.id)} label="Filter deliveries">
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
            base={webhookPath(w.id)}
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
  if (sent.ok) return c.redirect(`${webhookPath(id)}?notice=test_sent`, 303);
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
  if (enabled.ok) return c.redirect(`${webhookPath(id)}?notice=enabled`, 303);
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
  if (queued.ok) return c.redirect(`${webhookPath(id)}?notice=redelivered`, 303);
  return renderWebhook(c, id, { refused: queued }, queued.status);
}
