import { ActionButton } from "../../components/action-button";
import { type Column, DataTable } from "../../components/table";
import { Badge, Empty, Time } from "../../components/values";
import type { DeliveryView } from "../../views";
import { webhookPath } from "./path";

type AttemptView = DeliveryView["attempts"][number];

const ATTEMPT_COLUMNS: Column<AttemptView>[] = [
  { label: "#", num: true, cell: (a) => a.attempt },
  {
    label: "Response",
    cell: (a) => (
      <>
        {a.status_code !== null ? (
          <Badge
            value={String(a.status_code)}
            tone={a.status_code >= 200 && a.status_code < 300 ? "good" : "bad"}
          />
        ) : null}
        {a.error ? <div class="meta">{a.error}</div> : null}
      </>
    ),
  },
  { label: "Latency", num: true, cell: (a) => `${a.duration_ms} ms` },
  { label: "At", cell: (a) => <Time at={a.attempted_at} /> },
  { label: "Next retry", cell: (a) => <Time at={a.next_retry_at} /> },
];

function Attempts(props: { delivery: DeliveryView }) {
  const { attempts } = props.delivery;
  if (attempts.length === 0) return <span class="meta">No attempt yet</span>;
  return <DataTable label="Attempts" rows={attempts} columns={ATTEMPT_COLUMNS} nested />;
}

export function DeliveriesTable(props: {
  webhookId: string;
  deliveries: DeliveryView[];
  csrf: string;
}) {
  if (props.deliveries.length === 0) return <Empty text="No deliveries yet." />;
  const columns: Column<DeliveryView>[] = [
    {
      label: "Event",
      cell: (d) => (
        <>
          {d.event_type}
          <div class="meta">
            <code>{d.event_id}</code>
          </div>
        </>
      ),
    },
    {
      label: "Status",
      cell: (d) => (
        <>
          <Badge value={d.status} />
          {d.last_error ? <div class="meta">{d.last_error}</div> : null}
        </>
      ),
    },
    { label: "Attempts", cell: (d) => <Attempts delivery={d} /> },
    { label: "Created", cell: (d) => <Time at={d.created_at} /> },
    {
      label: "Replay",
      cell: (d) => (
        <ActionButton
          action={`${webhookPath(props.webhookId)}/redeliver`}
          csrf={props.csrf}
          label="Redeliver"
          tone="secondary"
          hidden={{ event_id: d.event_id }}
        />
      ),
    },
  ];
  return <DataTable label="Deliveries" rows={props.deliveries} columns={columns} />;
}
