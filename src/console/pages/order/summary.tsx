import { type Column, DataTable } from "../../components/table";
import { Badge, Time } from "../../components/values";
import type { OrderView } from "../../views";

export function Facts(props: { order: OrderView }) {
  const o = props.order;
  const rows: [string, unknown][] = [
    ["Id", <code>{o.id}</code>],
    ["Reference", o.reference],
    ["Status", <Badge value={o.status} />],
    ["Allocation", <Badge value={o.allocation_status} />],
    ["Warehouse", o.warehouse_id],
    ["Shipping method", o.shipping_method ?? o.shipping_method_id ?? "—"],
    ["Order date", <Time at={o.order_date} />],
    ["Ship by", o.ship_by ?? "—"],
    ["Requested delivery", o.requested_delivery_date ?? "—"],
    ["Incoterms", o.incoterms ?? "—"],
    [
      "Tax ids",
      o.tax_ids.length > 0 ? o.tax_ids.map((t) => `${t.type} ${t.value}`).join(" · ") : "—",
    ],
    ["Version", o.version],
    ["Created", <Time at={o.created_at} />],
    ["Updated", <Time at={o.updated_at} />],
    ["Cancelled", <Time at={o.cancelled_at} />],
    ["Hold reason", o.hold_reason ?? "—"],
    ["Cancel reason", o.cancel_reason ?? "—"],
    ["Packing note", o.packing_note ?? "—"],
    ["Gift message", o.gift_message ?? "—"],
    [
      "Signature / insurance",
      `${o.signature_required ? "signature" : "no signature"} · ${o.insurance ? "insured" : "not insured"}`,
    ],
  ];
  const to = o.ship_to;
  const bill = o.billing_address;
  return (
    <div class="summary">
      <dl class="facts wide">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      <section aria-labelledby="ship-to">
        <h2 id="ship-to">Ship to</h2>
        <address>
          {[
            to.name,
            to.company,
            to.address1,
            to.address2,
            [to.city, to.state, to.postcode].filter(Boolean).join(" "),
            to.country,
            to.email,
            to.phone,
          ]
            .filter(Boolean)
            .map((line) => (
              <div>{line}</div>
            ))}
        </address>
      </section>
      {bill && (
        <section aria-labelledby="bill-to">
          <h2 id="bill-to">Billing address</h2>
          <address>
            {[
              bill.address1,
              bill.address2,
              [bill.city, bill.state, bill.postcode].filter(Boolean).join(" "),
              bill.country,
            ]
              .filter(Boolean)
              .map((line) => (
                <div>{line}</div>
              ))}
          </address>
        </section>
      )}
    </div>
  );
}

type Line = OrderView["items"][number];

const LINE_COLUMNS: Column<Line>[] = [
  { label: "Line", cell: (i) => <code title={i.id}>{i.line_id ?? "—"}</code> },
  { label: "SKU", cell: (i) => <code>{i.sku}</code> },
  { label: "Description", cell: (i) => i.description ?? "" },
  { label: "Ordered", num: true, cell: (i) => i.quantity },
  { label: "Allocated", num: true, cell: (i) => i.allocated_quantity },
  { label: "Shipped", num: true, cell: (i) => i.shipped_quantity },
  { label: "Allocation", cell: (i) => <Badge value={i.allocation_status} /> },
  {
    label: "Unit price",
    num: true,
    cell: (i) => (i.unit_price ? `${i.unit_price} ${i.currency ?? ""}` : "—"),
  },
  { label: "HS code", cell: (i) => (i.hs_code ? <code>{i.hs_code}</code> : "—") },
  { label: "Origin", cell: (i) => i.country_of_origin ?? "—" },
  {
    label: "Customs value",
    num: true,
    cell: (i) => (i.customs_value ? `${i.customs_value.amount} ${i.customs_value.currency}` : "—"),
  },
];

export function LinesTable(props: { order: OrderView }) {
  return <DataTable label="Lines" rows={props.order.items} columns={LINE_COLUMNS} />;
}
