import type { InvoiceRow } from "../billing/billing.invoices";
import { renderInvoice } from "../billing/billing.render";
import { isPacked, unpacked } from "../db/event-data";
import type { events } from "../db/schema";
import { type EventResource, resourceOf } from "../domain/events";
import { type InboundSnapshot, renderInbound } from "../inbound/inbound.render";
import { renderAdjustment, renderSkuInventory } from "../inventory/inventory.render";
import {
  type AdjustmentSnapshot,
  type StoredSkuSnapshot,
  skuSnapshotOf,
} from "../inventory/inventory.snapshot";
import type { Committed } from "../orders/orders.reads";
import { renderOrder } from "../orders/orders.render";
import { renderReturn, type StoredReturn } from "../returns/returns.render";
import { renderShipment } from "../shipments/shipments.render";
import type { ShipmentRecord } from "../shipments/shipments.rules";
import type { Event } from "./events.routes";

/*
 * The one webhook renderer. An event stores its resource as committed (src/db/events.ts);
 * this turns it into the API's shape, the same in a webhook body and in GET /v1/events, so
 * one handler serves both: the guide's "always be able to fall back to a poll". Each
 * resource renders as its own endpoints show it.
 */

type Snapshot = Record<string, unknown>;

/*
 * Orders and shipments, the largest and most frequent snapshots, are stored rendered (their
 * rows' column names and the columns no view shows made each event twice the size); events
 * written before migrations/shard/0008_order_bytes.sql hold the committed rows. Orders,
 * shipments and returns written since migrations/shard/0015_event_bytes.sql are packed
 * (src/db/event-data.ts) and unpacked first; older ones are plain JSON and read as they are.
 */
const RENDER: { [R in EventResource]: (snapshot: Snapshot) => Record<string, unknown> } = {
  order: (s) => ("order" in s ? renderOrder(s as unknown as Committed) : s),
  shipment: (s) => ("row" in s ? renderShipment(s as unknown as ShipmentRecord) : s),
  sku_inventory: (s) => renderSkuInventory(skuSnapshotOf(s as unknown as StoredSkuSnapshot)),
  adjustment: (s) => renderAdjustment(s as unknown as AdjustmentSnapshot),
  inbound: (s) => renderInbound(s as unknown as InboundSnapshot),
  return: (s) => renderReturn(s as unknown as StoredReturn),
  invoice: (s) => renderInvoice(s as unknown as Required<InvoiceRow>),
  // A test event's payload is written as it is sent.
  webhook: (s) => s,
};

export const renderEvent = (
  row: Pick<typeof events.$inferSelect, "id" | "type" | "createdAt" | "data">,
): Event => ({
  event_id: row.id,
  event_type: row.type,
  created_at: row.createdAt,
  data: RENDER[resourceOf(row.type)](
    isPacked(row.data) ? unpacked(row.data, row.createdAt) : row.data,
  ),
});
