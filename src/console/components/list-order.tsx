import type { Context } from "hono";

/*
 * Which end of a list the console shows first. A screen wants today's orders on page one, so
 * it asks the API for `order=desc`; the API's own default, oldest first, is the poller's.
 */

export type ListOrder = "asc" | "desc";

export const listOrderOf = (c: Context): ListOrder =>
  c.req.query("order") === "asc" ? "asc" : "desc";

/** The line that says which end comes first, with the link that turns the list round. */
export function ListOrderToggle(props: {
  base: string;
  filters: Record<string, string | undefined>;
  order: ListOrder;
}) {
  const other: ListOrder = props.order === "desc" ? "asc" : "desc";
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(props.filters)) {
    if (value) query.set(name, value);
  }
  // A cursor walks one direction only, so turning the list round starts from its first page.
  query.set("order", other);
  return (
    <p class="lead">
      {props.order === "desc" ? "Newest change first." : "Oldest change first."}{" "}
      <a href={`${props.base}?${query}`} id="list-order">
        {other === "asc" ? "Show oldest first" : "Show newest first"}
      </a>
    </p>
  );
}
