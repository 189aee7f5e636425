import { type ConsoleContext, type Outcome, outcome } from "../../api";
import { Refused } from "../../components/messages";
import { type Column, DataTable } from "../../components/table";
import { Json, Time } from "../../components/values";
import type { ChainVerdict } from "../../history-check";
import type { HistoryRow } from "../../views";

/** An order's history is walked whole to check its chain; this caps a pathological one. */
const HISTORY_PAGES = 10;
const HISTORY_PAGE_SIZE = 200;

export async function walkHistory(c: ConsoleContext, id: string): Promise<Outcome<HistoryRow[]>> {
  const entries: HistoryRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const got = await outcome(
      c.var.api.v1.orders[":id"].history.$get({
        param: { id },
        query: { cursor, limit: String(HISTORY_PAGE_SIZE) },
      }),
    );
    if (!got.ok) return got;
    entries.push(...got.body.data);
    if (!got.body.pagination.has_more || !got.body.pagination.next_cursor) break;
    cursor = got.body.pagination.next_cursor;
  }
  return { ok: true, status: 200, body: entries };
}

const HISTORY_COLUMNS: Column<HistoryRow>[] = [
  { label: "Seq", num: true, cell: (e) => e.seq },
  { label: "At", cell: (e) => <Time at={e.at} /> },
  { label: "Actor", cell: (e) => <code>{e.actor}</code> },
  { label: "Action", cell: (e) => e.action },
  { label: "Changes", cell: (e) => <Json value={e.changes} /> },
  { label: "Hash", cell: (e) => <code title={e.hash}>{e.hash.slice(0, 12)}…</code> },
];

export function History(props: { history: Outcome<HistoryRow[]>; verdict: ChainVerdict | null }) {
  const { history, verdict } = props;
  if (!history.ok) return <Refused failure={history} what="the history" />;
  return (
    <>
      {verdict?.intact ? (
        <div class="verdict good" role="status">
          <p>
            Hash chain verified on this page: {verdict.entries}{" "}
            {verdict.entries === 1 ? "entry" : "entries"}, each hash recomputed from the genesis
            hash.
          </p>
        </div>
      ) : verdict ? (
        <div class="verdict broken" role="alert">
          <p>
            Hash chain broken at entry {verdict.seq}: {verdict.reason}.
          </p>
        </div>
      ) : null}
      <DataTable label="History" rows={history.body} columns={HISTORY_COLUMNS} />
    </>
  );
}
