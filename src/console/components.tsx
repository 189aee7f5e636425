import type { Child } from "hono/jsx";
import type { ApiFailure } from "./api";
import { CSRF_FIELD } from "./csrf";

/*
 * The console's small pieces. Everything goes through Hono's JSX, which escapes every text
 * and attribute value: no page builds HTML from strings.
 */

/** What a form shows again after the API refused it: the values sent and the refusal. */
export interface FormState {
  values: Record<string, string>;
  failure?: ApiFailure;
}

/** A stable element id for a field named by its API path, e.g. `items[0].quantity`. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]+/g, "-")}`;

/** The refusal's message when it names this field. */
export const errorFor = (failure: ApiFailure | undefined, name: string) =>
  failure?.field === name ? failure.message : undefined;

/** A refusal no field of the form answers for: shown above the form instead. */
export const unplaced = (failure: ApiFailure | undefined, names: readonly string[]) =>
  failure && !(failure.field && names.includes(failure.field)) ? failure : undefined;

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

interface FieldProps {
  name: string;
  label: string;
  value?: string;
  failure?: ApiFailure;
  type?: "text" | "password" | "number" | "url" | "search";
  hint?: string;
  placeholder?: string;
  autocomplete?: string;
  inputmode?: "numeric" | "text";
}

/** A labelled input with the API's error for its field right under it. */
export function Field(props: FieldProps) {
  const id = fieldId(props.name);
  const error = errorFor(props.failure, props.name);
  const described = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        placeholder={props.placeholder}
        autocomplete={props.autocomplete ?? "off"}
        inputmode={props.inputmode}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  value?: string;
  options: readonly (string | { value: string; label: string })[];
  failure?: ApiFailure;
  blank?: string;
}) {
  const id = fieldId(props.name);
  const error = errorFor(props.failure, props.name);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
        {props.options.map((o) => {
          const { value, label } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option value={value} selected={value === props.value}>
              {label}
            </option>
          );
        })}
      </select>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CheckboxField(props: {
  name: string;
  label: string;
  checked: boolean;
  failure?: ApiFailure;
}) {
  const id = fieldId(props.name);
  const error = errorFor(props.failure, props.name);
  return (
    <div class="field check">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        value="on"
        checked={props.checked}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label for={id}>{props.label}</label>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The API's refusal, plainly: status, code, message and the request id to quote. */
export function Problem(props: { failure: ApiFailure; title?: string }) {
  const { failure } = props;
  return (
    <div class="problem" role="alert">
      {props.title ? (
        <p>
          <strong>{props.title}</strong>
        </p>
      ) : null}
      <p>
        <strong>
          {failure.status} {failure.code}
        </strong>
        : {failure.message}
      </p>
      {failure.requestId ? <p class="meta">Request {failure.requestId}</p> : null}
    </div>
  );
}

/** A section the API would not show this key: a missing scope says so, anything else as is. */
export function Refused(props: { failure: ApiFailure; what: string }) {
  const { failure } = props;
  if (failure.status === 403 && failure.requiredScope) {
    return (
      <div class="problem" role="alert">
        <p>
          This API key lacks the <code>{failure.requiredScope}</code> scope, so {props.what} cannot
          be shown.
        </p>
      </div>
    );
  }
  return <Problem failure={failure} />;
}

/** One button that POSTs, with the session's CSRF token and any hidden values. */
export function ActionButton(props: {
  action: string;
  csrf: string;
  label: string;
  hidden?: Record<string, string>;
  tone?: "secondary" | "danger";
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField token={props.csrf} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.tone}>
        {props.label}
      </button>
    </form>
  );
}

export function Notice(props: { text: string | undefined }) {
  return props.text ? (
    <div class="notice" role="status">
      <p>{props.text}</p>
    </div>
  ) : null;
}

export interface Column<Row> {
  label: string;
  cell: (row: Row) => Child;
  num?: boolean;
}

/**
 * A table whose cells carry their column's name: on a phone-width screen each row becomes a
 * card of labelled values (see the stylesheet) instead of a table to scroll sideways.
 */
export function DataTable<Row>(props: {
  label: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** A table inside another's cell: no scrolling region of its own. */
  nested?: boolean;
}) {
  const table = (
    <table class={props.nested ? "stack nested" : "stack"}>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th scope="col" class={c.num ? "num" : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            {props.columns.map((c) => (
              <td class={c.num ? "num" : undefined} data-label={c.label}>
                <div class="cell">{c.cell(row)}</div>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (props.nested) return table;
  return (
    // Focusable, so a table wider than the screen can be scrolled from the keyboard too.
    <section class="table-wrap" aria-label={props.label} tabindex={0}>
      {table}
    </section>
  );
}

/** Every list page asks the API for this many: the API's default page. */
export const PAGE_SIZE = 50;

/** The link to the next page, keeping the filters: lists walk `next_cursor`. */
export function Pager(props: {
  base: string;
  filters: Record<string, string | undefined>;
  nextCursor: string | null;
}) {
  if (!props.nextCursor) return null;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(props.filters)) {
    if (value) query.set(name, value);
  }
  query.set("cursor", props.nextCursor);
  return (
    <p class="pager">
      <a href={`${props.base}?${query}`} rel="next">
        Next page →
      </a>
    </p>
  );
}

export function Time(props: { at: string | null | undefined }) {
  return props.at ? <time datetime={props.at}>{props.at.replace("T", " ")}</time> : <span>—</span>;
}

const GOOD = new Set(["succeeded", "delivered", "shipped", "enabled", "received", "allocated"]);
const BAD = new Set(["failed", "exception", "cancelled", "disabled", "backordered", "voided"]);

export function Badge(props: { value: string; tone?: "good" | "bad" }) {
  const tone = props.tone ?? (GOOD.has(props.value) ? "good" : BAD.has(props.value) ? "bad" : "");
  return <span class={`badge ${tone}`.trim()}>{props.value}</span>;
}

export function Json(props: { value: unknown }) {
  return <pre class="json">{JSON.stringify(props.value, null, 2)}</pre>;
}

/** Only web links become links: a stored URL never runs script when followed. */
export function ExternalLink(props: { href: string | null | undefined; children: Child }) {
  const safe = props.href && /^https?:\/\//i.test(props.href) ? props.href : undefined;
  return safe ? (
    <a href={safe} rel="noopener noreferrer">
      {props.children}
    </a>
  ) : (
    <span>{props.children}</span>
  );
}

export function Empty(props: { text: string }) {
  return <p class="empty">{props.text}</p>;
}

/** A refusal naming one of the filters shows beside it; anything else above the list. */
export function RefusedUnlessPlaced(props: {
  failure: ApiFailure;
  names: readonly string[];
  what: string;
}) {
  const rest = unplaced(props.failure, props.names);
  return rest ? <Refused failure={rest} what={props.what} /> : null;
}
