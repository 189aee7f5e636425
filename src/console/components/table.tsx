import type { Child } from "hono/jsx";

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
