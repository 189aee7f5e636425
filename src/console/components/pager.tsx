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
