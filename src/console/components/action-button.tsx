import { CsrfField } from "./fields";

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
