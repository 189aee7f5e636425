import { type ApiFailure, type ConsoleContext, outcome } from "../api";
import { ActionButton } from "../components/action-button";
import { CsrfField, Field, type FormState, SelectField, unplaced } from "../components/fields";
import { Problem, Refused } from "../components/messages";
import { Time } from "../components/values";
import { noticeOf, optional, readForm, text, whole } from "../forms";
import { render } from "../layout";
import type { ApiKeyView } from "../views";
import { IdempotencyField, idempotencyOf, KeyStatus, keyPath, OnceShownKey } from "./key/key-facts";

const OVERLAPS = [
  { value: "0", label: "None: the old key stops now" },
  { value: "3600", label: "1 hour" },
  { value: "86400", label: "24 hours" },
  { value: "604800", label: "7 days (the most)" },
];

interface KeyState {
  rotated?: { id: string; key: string; previousExpiresAt: string };
  rotate?: FormState;
  update?: FormState;
  /** A refused button (revoke). */
  refused?: ApiFailure;
}

function RotateForm(props: { id: string; csrf: string; state?: FormState }) {
  const failure = props.state?.failure;
  const rest = unplaced(failure, ["overlap_seconds"]);
  return (
    <form method="post" action={`${keyPath(props.id)}/rotate`} aria-labelledby="rotate-title">
      <h3 id="rotate-title">Rotate</h3>
      <p class="meta">
        Issues a new key with the same name, scopes and rate limit; its secret is shown once.
      </p>
      {rest ? <Problem failure={rest} title="The API refused the rotation" /> : null}
      <CsrfField token={props.csrf} />
      <IdempotencyField />
      <SelectField
        name="overlap_seconds"
        label="The old key keeps working for"
        value={props.state?.values.overlap_seconds ?? "86400"}
        options={OVERLAPS}
        failure={failure}
      />
      <button type="submit">Rotate key</button>
    </form>
  );
}

function UpdateForm(props: { apiKey: ApiKeyView; csrf: string; state?: FormState }) {
  const failure = props.state?.failure;
  const values = props.state?.values ?? {
    name: props.apiKey.name ?? "",
    expires_at: props.apiKey.expires_at ?? "",
  };
  const rest = unplaced(failure, ["name", "expires_at"]);
  return (
    <form
      method="post"
      action={`${keyPath(props.apiKey.id)}/update`}
      aria-labelledby="update-title"
    >
      <h3 id="update-title">Name and expiry</h3>
      {rest ? <Problem failure={rest} title="The API refused the change" /> : null}
      <CsrfField token={props.csrf} />
      <Field name="name" label="Name" value={values.name} failure={failure} />
      <Field
        name="expires_at"
        label="Expires at"
        value={values.expires_at}
        placeholder="2027-01-31T00:00:00Z"
        hint="An ISO-8601 time with its offset; blank for never."
        failure={failure}
      />
      <button type="submit" class="secondary">
        Save
      </button>
    </form>
  );
}

async function renderKey(c: ConsoleContext, id: string, state: KeyState = {}, status?: number) {
  const found = await outcome(c.var.api.v1["api-keys"][":id"].$get({ param: { id } }));
  if (!found.ok) {
    return render(
      c,
      { title: "API key", section: "keys", status: found.status },
      <>
        <h1>API key</h1>
        <Refused failure={found} what="this key" />
      </>,
    );
  }
  const k = found.body;
  const csrf = c.var.session?.csrf ?? "";
  const changeable = !k.revoked_at && !k.replaced_by;
  return render(
    c,
    { title: `API key ${k.redacted_key}`, section: "keys", notice: noticeOf(c), status },
    <>
      <p>
        <a href="/console/keys">← API keys</a>
      </p>
      <h1>
        {k.name ?? k.redacted_key} <KeyStatus apiKey={k} />
      </h1>
      {state.rotated ? (
        <OnceShownKey
          id={state.rotated.id}
          secret={state.rotated.key}
          previousExpiresAt={state.rotated.previousExpiresAt}
        />
      ) : null}
      {state.refused ? <Problem failure={state.refused} title="The API refused" /> : null}
      <dl class="facts">
        <dt>Id</dt>
        <dd>
          <code>{k.id}</code>
        </dd>
        <dt>Key</dt>
        <dd>
          <code>{k.redacted_key}</code>
        </dd>
        <dt>Scopes</dt>
        <dd>{k.scopes.join(", ")}</dd>
        <dt>Rate limit</dt>
        <dd>{k.rate_limit_per_minute} requests a minute</dd>
        <dt>Last used</dt>
        <dd>
          <Time at={k.last_used_at} /> <span class="meta">(to the minute)</span>
        </dd>
        <dt>Expires</dt>
        <dd>{k.expires_at ? <Time at={k.expires_at} /> : "never"}</dd>
        <dt>Created</dt>
        <dd>
          <Time at={k.created_at} />
        </dd>
        <dt>Revoked</dt>
        <dd>
          <Time at={k.revoked_at} />
        </dd>
        <dt>Replaces</dt>
        <dd>{k.rotated_from ? <a href={keyPath(k.rotated_from)}>{k.rotated_from}</a> : "—"}</dd>
        <dt>Replaced by</dt>
        <dd>{k.replaced_by ? <a href={keyPath(k.replaced_by)}>{k.replaced_by}</a> : "—"}</dd>
      </dl>
      <section class="panel" aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        {changeable ? (
          <>
            <RotateForm id={k.id} csrf={csrf} state={state.rotate} />
            <UpdateForm apiKey={k} csrf={csrf} state={state.update} />
          </>
        ) : null}
        {k.revoked_at ? null : (
          <div class="actions">
            <ActionButton
              action={`${keyPath(k.id)}/revoke`}
              csrf={csrf}
              label="Revoke now"
              tone="danger"
            />
          </div>
        )}
      </section>
    </>,
  );
}

const idOf = (c: ConsoleContext) => c.req.param("id") ?? "";

export const keyPage = (c: ConsoleContext) => renderKey(c, idOf(c));

export async function rotateKey(c: ConsoleContext) {
  const id = idOf(c);
  const form = await readForm(c);
  const values = { overlap_seconds: text(form, "overlap_seconds") };
  const rotated = await outcome(
    c.var.api.v1["api-keys"][":id"].rotate.$post({
      param: { id },
      header: idempotencyOf(form),
      json: { overlap_seconds: whole(values.overlap_seconds) },
    }),
  );
  if (!rotated.ok) {
    return renderKey(c, id, { rotate: { values, failure: rotated } }, rotated.status);
  }
  const { id: newId, key, previous_key_expires_at } = rotated.body;
  return renderKey(
    c,
    id,
    { rotated: { id: newId, key, previousExpiresAt: previous_key_expires_at } },
    rotated.status,
  );
}

export async function updateKey(c: ConsoleContext) {
  const id = idOf(c);
  const form = await readForm(c);
  const values = { name: text(form, "name"), expires_at: text(form, "expires_at") };
  const updated = await outcome(
    c.var.api.v1["api-keys"][":id"].$patch({
      param: { id },
      json: { name: optional(values.name), expires_at: optional(values.expires_at) },
    }),
  );
  if (updated.ok) return c.redirect(`${keyPath(id)}?notice=key_updated`, 303);
  return renderKey(c, id, { update: { values, failure: updated } }, updated.status);
}

export async function revokeKey(c: ConsoleContext) {
  const id = idOf(c);
  const revoked = await outcome(c.var.api.v1["api-keys"][":id"].$delete({ param: { id } }));
  if (revoked.ok) return c.redirect(`${keyPath(id)}?notice=key_revoked`, 303);
  return renderKey(c, id, { refused: revoked }, revoked.status);
}
