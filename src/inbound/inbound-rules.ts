import type { Refusal } from "../domain/refusals";
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
  /** For a lot-tracked product: the lot, and its expiry when the product tracks one. */
  lot?: string;
  expires_on?: string;
  /** For a serial-tracked product: one serial per unit received. */
  serials?: string[];
}

/** Units that go on the shelf: what arrived, less what arrived damaged. */
export const goodUnits = (item: ReceiptItem) =>
  item.received_quantity - (item.damaged_quantity ?? 0);

/** The first receipt line whose damaged units exceed what arrived, refused by its path. */
export function overDamaged(items: readonly ReceiptItem[]): Refusal | undefined {
  const i = items.findIndex((item) => (item.damaged_quantity ?? 0) > item.received_quantity);
  return i >= 0
    ? {
        code: "validation_error",
        field: `items[${i}].damaged_quantity`,
        reason: "cannot be more than received_quantity",
      }
    : undefined;
}

/**
 * Receiving goes on until it is closed (late units of a received ASN still count, as
 * over-receipts do); amending and cancelling need an ASN nothing has arrived for.
 */
export function mayReceive(asn: {
  status: InboundStatus;
  closedAt: string | null;
}): Refusal | undefined {
  return asn.status === "cancelled" || asn.closedAt
    ? { code: "inbound_not_open", inbound_status: asn.status }
    : undefined;
}

export function mayChange(status: InboundStatus): Refusal | undefined {
  return status === "expected"
    ? undefined
    : { code: "inbound_not_open", inbound_status: status, change: "amend" };
}

/**
 * The events an ASN change emits. Receipts of one ASN count in concurrently, each inside its
 * own write, so whether a receipt completed the ASN, whether its lines then disagree with
 * what was expected, and the version it reached are known only there: the discrepancy event
 * names the condition the write checks, and each event's snapshot, read in the write,
 * carries the version.
 */
export type InboundEvent =
  | { type: "inbound.received" }
  | { type: "inbound.discrepancy"; when: "completed_with_discrepancy" | "has_discrepancy" }
  /** `incoming` moved for these SKUs: each one's stock changed for pollers and receivers. */
  | { type: "inventory.updated"; skus: readonly string[] };

/** A new, amended or cancelled ASN changes what is on its way, and nothing else. */
export const incomingEvents = (skus: readonly string[]): InboundEvent[] => [
  { type: "inventory.updated", skus },
];

/** A receipt: counted into the ASN, a discrepancy if it completed it short or over. */
export const receiptEvents = (skus: readonly string[]): InboundEvent[] => [
  { type: "inbound.received" },
  { type: "inbound.discrepancy", when: "completed_with_discrepancy" },
  ...incomingEvents(skus),
];

/** Closing receiving: what never came stops being incoming, and a discrepancy left is told. */
export const closeEvents = (skus: readonly string[]): InboundEvent[] => [
  { type: "inbound.discrepancy", when: "has_discrepancy" },
  ...incomingEvents(skus),
];
