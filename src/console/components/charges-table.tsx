import type { ChargeView } from "../views";
import { type Column, DataTable } from "./table";
import { Empty } from "./values";

const COLUMNS: Column<ChargeView>[] = [
  { label: "Day", cell: (l) => l.occurred_on },
  { label: "Fee", cell: (l) => <code>{l.fee}</code> },
  { label: "Description", cell: (l) => l.description },
  { label: "Quantity", num: true, cell: (l) => l.quantity },
  { label: "Rate", num: true, cell: (l) => l.unit_rate },
  { label: "Amount", num: true, cell: (l) => l.amount },
  { label: "Tax", num: true, cell: (l) => l.tax },
  { label: "Invoice", cell: (l) => l.invoice_period },
];

/** Charge lines as billed: a credit shows its negative amount and the line it negates. */
export function ChargesTable(props: { label: string; lines: readonly ChargeView[] }) {
  if (props.lines.length === 0) return <Empty text="Nothing charged." />;
  return <DataTable label={props.label} rows={props.lines} columns={COLUMNS} />;
}
