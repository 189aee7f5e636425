import { SCOPES } from "../../domain/scopes";
import { type ConsoleContext, outcome } from "../api";
import { CsrfField, Field, type FormState, unplaced } from "../components/fields";
import { Problem, Refused } from "../components/messages";
import { PAGE_SIZE, Pager } from "../components/pager";
import { type Column, DataTable } from "../components/table";
import { Empty, Time } from "../components/values";
import { noticeOf, optional, readForm, text, texts } from "../forms";
import { render } from "../layout";
import type { ApiKeyView } from "../views";
import { IdempotencyField, idempotencyOf, KeyStatus, keyPath, OnceShownKey } from "./key/key-facts";

type CreateState = FormState & { scopes?: string[] };

function CreateForm(props: { csrf: string; state?: CreateState }) {
  const failure = props.state?.failure;
  const values = props.state?.values ?? {};
  const chosen = new Set(props.state?.scopes ?? []);
  const rest = unplaced(failure, ["name", "expires_at"]);
  const scopesError = failure?.field?.startsWith("scopes") ? failure.message : undefined;
  return (
    <form method="post" action="/console/keys" class="panel" aria-labelledby="create-title">
      <h2 id="create-title">Issue a key</h2>
      {rest && !scopesError ? <Problem failure={rest} title="The API refused the key" /> : null}
      <CsrfField token={props.csrf} />
      <IdempotencyField />
      <Field name="name" label="Name (optional)" value={values.name} failure={failure} />
      <fieldset aria-describedby={scopesError ? "f-scopes-error" : "f-scopes-hint"}>
        <legend>Scopes</legend>
        <span class="hint" id="f-scopes-hint">
          Only scopes this key holds; none ticked gives the new key all of them.
        </span>
        <div class="checks">
          {SCOPES.map((scope) => (
            <label>
              <input type="checkbox" name="scopes" value={scope} checked={chosen.has(scope)} />
              {scope}
            </label>
          ))}
        </div>
        {scopesError ? (
          <p class="field-error" id="f-scopes-error">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <Field
        name="expires_at"
        label="Expires at (optional)"
        value={values.expires_at}
        placeholder="2027-01-31T00:00:00Z"
        hint="An ISO-8601 time with its offset; blank for never."
        failure={failure}
      />
      <button type="submit">Issue key</button>
    </form>
  );
}

const KEY_COLUMNS: Column<ApiKeyView>[] = [
  {
    label: "Key",
    cell: (k) => (
      <>
        <a href={keyPath(k.id)}>{k.name ?? k.redacted_key}</a>
        <div class="meta">
          <code>{k.redacted_key}</code> <code>{k.id}</code>
        </div>
      </>
    ),
  },
  { label: "Status", cell: (k) => <KeyStatus apiKey={k} /> },
  { label: "Scopes", cell: (k) => k.scopes.join(", ") },
  { label: "Last used", cell: (k) => <Time at={k.last_used_at} /> },
  { label: "Expires", cell: (k) => <Time at={k.expires_at} /> },
  { label: "Created", cell: (k) => <Time at={k.created_at} /> },
];

async function renderKeys(
  c: ConsoleContext,
  extra: { issued?: { id: string; key: string }; create?: CreateState } = {},
  status?: number,
) {
  const listed = await outcome(
    c.var.api.v1["api-keys"].$get({
      query: { cursor: c.req.query("cursor") || undefined, limit: String(PAGE_SIZE) },
    }),
  );
  return render(
    c,
    { title: "API keys", section: "keys", notice: noticeOf(c), status: status ?? listed.status },
    <>
      <h1>API keys</h1>
      {extra.issued ? <OnceShownKey id={extra.issued.id} secret={extra.issued.key} /> : null}
      {listed.ok ? (
        <>
          {listed.body.data.length === 0 ? (
            <Empty text="No keys." />
          ) : (
            <DataTable label="API keys" rows={listed.body.data} columns={KEY_COLUMNS} />
          )}
          <Pager
            base="/console/keys"
            filters={{}}
            nextCursor={listed.body.pagination.next_cursor}
          />
          <CreateForm csrf={c.var.session?.csrf ?? ""} state={extra.create} />
        </>
      ) : (
        <Refused failure={listed} what="this merchant's API keys" />
      )}
    </>,
  );
}

export const keysPage = (c: ConsoleContext) => renderKeys(c);

export async function issueKey(c: ConsoleContext) {
  const form = await readForm(c);
  const values = { name: text(form, "name"), expires_at: text(form, "expires_at") };
  const scopes = texts(form, "scopes");
  const issued = await outcome(
    c.var.api.v1["api-keys"].$post({
      header: idempotencyOf(form),
      json: {
        name: optional(values.name),
        // The API judges each scope; a hand-made one comes back as its 422 on `scopes`.
        scopes: scopes.length > 0 ? (scopes as (typeof SCOPES)[number][]) : undefined,
        expires_at: optional(values.expires_at),
      },
    }),
  );
  if (issued.ok) {
    return renderKeys(c, { issued: { id: issued.body.id, key: issued.body.key } }, issued.status);
  }
  return renderKeys(c, { create: { values, scopes, failure: issued } }, issued.status);
}
