import type { Child } from "hono/jsx";
import type { ListOrder } from "./list-order";

/** A list page's filters: a GET form whose query the page passes on to the API, in the list's order if it has one. */
export function Filters(props: {
  action: string;
  label: string;
  order?: ListOrder;
  children: Child;
}) {
  return (
    <form method="get" action={props.action} class="filters" aria-label={props.label}>
      {props.order ? <input type="hidden" name="order" value={props.order} /> : null}
      {props.children}
      <button type="submit">Filter</button>
    </form>
  );
}
