import type { ApiFailure } from "../api";
import { CSRF_FIELD } from "../csrf";

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
