import { shipmentAllows } from "../../domain/actions";
import type { ShipmentView } from "../views";
import { ActionButton } from "./action-button";
import { type Column, DataTable } from "./table";
import { Badge, Empty, ExternalLink, Time } from "./values";

/** Where an action taken from a list goes back to; never a URL taken from the form. */
export type ReturnTo = "order" | "shipments" | "sandbox";

type ParcelView = ShipmentView["parcels"][number];
type Place = ParcelView["tracking_events"][number]["location"];

const placeOf = (place: Place) =>
  place ? [place.city, place.region, place.country].filter((p) => p !== null).join(", ") : "—";

/** A parcel's carrier scans, oldest first as the API gives them, and who signed for it. */
function Timeline(props: { parcel: ParcelView }) {
  const { parcel } = props;
  const proof = parcel.proof_of_delivery;
  return (
    <details class="timeline">
      <summary>
        {parcel.tracking_events.length} tracking events
        {parcel.estimated_delivery ? ` · estimated ${parcel.estimated_delivery}` : ""}
      </summary>
      <ol>
        {parcel.tracking_events.map((e) => (
          <li>
            <Time at={e.occurred_at} /> <Badge value={e.status} /> {placeOf(e.location)} —{" "}
            {e.description}
            {e.reason_code === null ? null : (
              <span class="meta">
                {" "}
                (reason <code>{e.reason_code}</code>)
              </span>
            )}
          </li>
        ))}
      </ol>
      {proof ? (
        <p>
          Proof of delivery: signed by {proof.signed_by}
          {proof.photo_url ? (
            <>
              {" · "}
              <ExternalLink href={proof.photo_url}>photo</ExternalLink>
            </>
          ) : null}
        </p>
      ) : null}
    </details>
  );
}

function ParcelList(props: { shipment: ShipmentView }) {
  return (
    <ul>
      {props.shipment.parcels.map((p) => (
        <li>
          <ExternalLink href={p.tracking_url}>
            <code>{p.tracking_number}</code>
          </ExternalLink>{" "}
          {p.status ? <Badge value={p.status} /> : null}{" "}
          <span class="meta">
            {p.carrier} · {p.service}
          </span>
          {p.tracking_events.length > 0 ? <Timeline parcel={p} /> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Shipments as rows: parcels with their tracking links and carrier timelines, and in development and sandbox a
 * button that moves each one still travelling on to its next carrier status.
 */
export function ShipmentsTable(props: {
  shipments: ShipmentView[];
  advance?: { csrf: string; returnTo: ReturnTo };
}) {
  if (props.shipments.length === 0) return <Empty text="No shipments." />;
  const { advance } = props;
  const columns: Column<ShipmentView>[] = [
    { label: "Shipment", cell: (s) => <code>{s.id}</code> },
    {
      label: "Order",
      cell: (s) => (
        <a href={`/console/orders/${encodeURIComponent(s.order_id)}`}>{s.order_number}</a>
      ),
    },
    { label: "Status", cell: (s) => <Badge value={s.voided ? "voided" : s.status} /> },
    { label: "Shipped", cell: (s) => <Time at={s.shipped_at} /> },
    { label: "Parcels and tracking", cell: (s) => <ParcelList shipment={s} /> },
    {
      label: "Items",
      cell: (s) =>
        s.items.map((i) => (
          <div>
            <code>{i.sku}</code> × {i.quantity}
            {i.line_id === null ? null : <span class="meta"> (line {i.line_id})</span>}
            {i.serials.length === 0 ? null : (
              <div class="meta">
                Serials: <code>{i.serials.join(", ")}</code>
              </div>
            )}
            {i.lots.length === 0 ? null : (
              <div class="meta">
                Lots:{" "}
                {i.lots.map((l, n) => (
                  <>
                    {n > 0 ? ", " : null}
                    <code>{l.lot}</code> × {l.quantity}
                    {l.expires_on === null ? null : ` (expires ${l.expires_on})`}
                  </>
                ))}
              </div>
            )}
          </div>
        )),
    },
    { label: "Version", num: true, cell: (s) => s.version },
  ];
  if (advance) {
    columns.push({
      label: "Sandbox",
      // The carrier has nothing after delivered, voided or an exception to move on to.
      cell: (s) =>
        shipmentAllows("advance", s.voided ? "voided" : s.status) ? (
          <ActionButton
            action="/console/sandbox/advance"
            csrf={advance.csrf}
            label="Advance"
            tone="secondary"
            hidden={{ shipment_id: s.id, return_to: advance.returnTo }}
          />
        ) : (
          "—"
        ),
    });
  }
  return <DataTable label="Shipments" rows={props.shipments} columns={columns} />;
}
