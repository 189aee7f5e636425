import type { OrderFacts } from "../domain/actions";
import type { LineAllocationStatus } from "../domain/statuses";
import { renderShipment } from "../shipments/shipments.render";
import { shippedByLine } from "../shipments/shipments.rules";
import type { Committed } from "./orders.reads";
import type { OrderView } from "./orders.schemas";

/** Optional address fields are always present, null when not given, like every other field. */
const EMPTY_SHIP_TO = {
  company: null,
  email: null,
  phone: null,
  address2: null,
  state: null,
  postcode: null,
};

const EMPTY_ADDRESS = { address2: null, state: null, postcode: null };

type Line = Committed["lines"][number];

/**
 * A line's allocation as the API shows it. A line whose units have all left holds no stock
 * and waits for nothing: it is `fulfilled`, not allocated with nothing allocated. A line partly
 * shipped holds what is left to ship.
 */
function allocationOf(
  line: Line,
  shippedQuantity: number,
  released: boolean,
): { status: LineAllocationStatus; allocated: number } {
  if (released) return { status: "released", allocated: 0 };
  if (shippedQuantity >= line.quantity) return { status: "fulfilled", allocated: 0 };
  const allocated = line.allocation === "allocated" ? line.quantity - shippedQuantity : 0;
  return { status: line.allocation, allocated };
}

/** An order's state as the shared action rules read it, from the numbers its view shows. */
export function factsOf({ order, lines, shipments }: Omit<Committed, "head">): OrderFacts {
  const shipped = shippedByLine(shipments);
  const released = order.status === "cancelled";
  return {
    status: order.status,
    request: order.cancellationRequest?.status ?? null,
    unshippedAllocated: lines.reduce(
      (sum, l) => sum + allocationOf(l, shipped.get(l.id) ?? 0, released).allocated,
      0,
    ),
  };
}

/** Over the lines with units still to ship; `fulfilled` once every unit has left. */
function orderAllocation(
  statuses: LineAllocationStatus[],
  released: boolean,
): OrderView["allocation_status"] {
  if (released) return "released";
  const open = statuses.filter((s) => s !== "fulfilled");
  if (open.length === 0) return "fulfilled";
  const allocated = open.filter((s) => s === "allocated").length;
  if (allocated === open.length) return "allocated";
  return allocated === 0 ? "backordered" : "partially_allocated";
}

/**
 * The one rendering of an order, shared by reads, transition responses and events. `archived`:
 * read from the R2 archive rather than from D1.
 */
export function renderOrder(
  { order: row, lines, shipments }: Committed,
  archived = false,
): OrderView {
  const released = row.status === "cancelled";
  const terms = row.terms ?? {};
  const shipped = shippedByLine(shipments);
  const items = [...lines]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map((line) => {
      const shippedQuantity = shipped.get(line.id) ?? 0;
      const allocation = allocationOf(line, shippedQuantity, released);
      return {
        id: line.id,
        line_id: line.lineId,
        sku: line.sku,
        description: line.description,
        quantity: line.quantity,
        unit_price: line.unitPrice,
        currency: line.currency,
        allocation_status: allocation.status,
        allocated_quantity: allocation.allocated,
        shipped_quantity: shippedQuantity,
        // An order archived before lines had customs fields has none: undefined reads as null.
        hs_code: line.hsCode ?? null,
        country_of_origin: line.countryOfOrigin ?? null,
        customs_value:
          line.customsValue != null && line.customsCurrency != null
            ? { amount: line.customsValue, currency: line.customsCurrency }
            : null,
      };
    });
  return {
    id: row.id,
    order_number: row.orderNumber,
    reference: row.reference,
    status: row.status,
    warehouse_id: row.warehouseId,
    shipping_method_id: row.shippingMethodId,
    shipping_method: row.shippingMethod,
    order_date: row.orderDate,
    signature_required: row.signatureRequired,
    insurance: row.insurance,
    gift_message: row.giftMessage,
    packing_note: row.packingNote,
    ship_to: { ...EMPTY_SHIP_TO, ...row.shipTo },
    billing_address: terms.billing_address ? { ...EMPTY_ADDRESS, ...terms.billing_address } : null,
    incoterms: (terms.incoterms as OrderView["incoterms"] | undefined) ?? null,
    tax_ids: (terms.tax_ids as OrderView["tax_ids"] | undefined) ?? [],
    ship_by: terms.ship_by ?? null,
    requested_delivery_date: terms.requested_delivery_date ?? null,
    items,
    allocation_status: orderAllocation(
      items.map((i) => i.allocation_status),
      released,
    ),
    hold_reason: row.holdReason,
    cancel_reason: row.cancelReason,
    version: String(row.version),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    cancelled_at: row.cancelledAt,
    // Orders archived or snapshotted before requests existed have no such member.
    cancellation_request: row.cancellationRequest ?? null,
    shipments: shipments.map((s) => renderShipment(s, archived)),
    archived,
  };
}
