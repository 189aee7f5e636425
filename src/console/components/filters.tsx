import type { Child } from "hono/jsx";

/** A list page's filters: a GET form whose query the page passes on to the API. */
export function Filters(props: { action: string; label: string; children: Child }) {
  return (
    <form method="get" action={props.action} class="filters" aria-label={props.label}>
      {props.children}
      <button type="submit">Filter</button>
    </form>
  );
}
