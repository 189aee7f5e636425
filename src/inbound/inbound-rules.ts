import type { InboundStatus } from "../domain/statuses";
/*
 * An ASN's life (guide §5a): expected → partially_received while some expected lines have
 * no receipt yet → received once every one has, or when receiving is closed; cancelled
 * while still expected. Discrepancy is signed: received − expected.
 */

export interface ReceiptItem {
  sku: string;
  received_quantity: number;
  damaged_quantity?: number;
}

/** Units that go on the shelf: what arrived, less what arrived damaged. */
export const goodUnits = (item: ReceiptItem) =>
  item.received_quantity - (item.damaged_quantity ?? 0);

/** The first receipt line whose damaged units exceed what arrived, as a field path. */
export function overDamaged(items: readonly ReceiptItem[]): string | undefined {
  const i = items.findIndex((item) => (item.damaged_quantity ?? 0) > item.received_quantity);
  return i >= 0 ? `items[${i}].damaged_quantity` : undefined;
}

export type Refused = { code: "inbound_not_open"; status: InboundStatus };

/**
 * Receiving goes on until it is closed (late units of a received ASN still count, as
 * over-receipts do); amending and cancelling need an ASN nothing has arrived for.
 */
export function mayReceive(asn: {
  status: InboundStatus;
  closedAt: string | null;
}): Refused | undefined {
  return asn.status === "cancelled" || asn.closedAt
    ? { code: "inbound_not_open", status: asn.status }
    : undefined;
}

export function mayChange(status: InboundStatus): Refused | undefined {
  return status === "expected" ? undefined : { code: "inbound_not_open", status };
}
