import type { orderLines, StoredOrder } from "../db/schema";
import type { EventType } from "../domain/events";
import type { Refusal } from "../domain/refusals";
import type { ShippedLot } from "../domain/shapes";
import type { AllocationStatus, TrackingStatus } from "../domain/statuses";
import type { LineItem, Move, ShipInput, ShipmentRecord } from "../shipments/shipments.rules";
import type { ParcelScans } from "../shipments/shipments.tracking";

/*
 * The order as the domain sees it: its statuses, its state, the commands it takes and
 * the change a command makes. The rules that decide are in order-rules.ts.
 */

export type OrderRow = StoredOrder;
export type OrderLine = typeof orderLines.$inferSelect;
/** The order's own columns, before the database stamps version, times and feed position. */
export type OrderFields = Omit<OrderRow, "version" | "createdAt" | "updatedAt" | "changeSeq">;
export type NewOrder = Omit<
  OrderFields,
  | "id"
  | "tenantId"
  | "status"
  | "priority"
  | "holdReason"
  | "cancelReason"
  | "cancelledAt"
  | "cancellationRequest"
>;
/** A line as the client sends it, with the server id it gets if it is new. */
export type LineInput = Pick<
  OrderLine,
  | "id"
  | "lineId"
  | "sku"
  | "description"
  | "quantity"
  | "unitPrice"
  | "currency"
  | "hsCode"
  | "countryOfOrigin"
  | "customsValue"
  | "customsCurrency"
>;
/** The attributes of a line an amend may leave out, the matched line keeping its own. */
type LineAttribute =
  | "lineId"
  | "description"
  | "unitPrice"
  | "currency"
  | "hsCode"
  | "countryOfOrigin";

export interface HistoryHead {
  seq: number;
  hash: string;
}

export interface OrderState {
  order: OrderRow;
  lines: OrderLine[];
  shipments: ShipmentRecord[];
  head: HistoryHead;
}

/** API field → column, for the fields an amend may change. */
export const AMENDABLE = {
  order_number: "orderNumber",
  order_date: "orderDate",
  shipping_method_id: "shippingMethodId",
  shipping_method: "shippingMethod",
  signature_required: "signatureRequired",
  insurance: "insurance",
  gift_message: "giftMessage",
  packing_note: "packingNote",
  ship_to: "shipTo",
} as const satisfies Record<string, keyof OrderFields>;
type Terms = NonNullable<OrderFields["terms"]>;
type MergePatch<T> = { [K in keyof T]?: T[K] | null };
export type AmendPatch = {
  [K in Exclude<keyof typeof AMENDABLE, "ship_to">]?: OrderFields[(typeof AMENDABLE)[K]];
} & {
  /** A JSON Merge Patch (RFC 7396) of the address: absent keeps, null clears. */
  ship_to?: MergePatch<OrderFields["shipTo"]>;
} & {
  /** Each of the order's terms: absent keeps, null clears; the billing address merges. */
  [K in Exclude<keyof Terms, "billing_address">]?: Terms[K] | null;
} & { billing_address?: MergePatch<NonNullable<Terms["billing_address"]>> | null };

/** The terms an amend may change, in the order the API lists them. */
export const TERMS = [
  "billing_address",
  "incoterms",
  "tax_ids",
  "ship_by",
  "requested_delivery_date",
] as const satisfies readonly (keyof Terms)[];

/**
 * A line of an amend's full desired set: attributes it leaves out, the line it matches keeps
 * (by `lineId`, else by SKU); `id` is the server id it gets if it matches none.
 */
export type LinePatch = Pick<LineInput, "id" | "sku" | "quantity"> &
  Partial<Pick<LineInput, LineAttribute>> & {
    /** The declared value and its currency, set or cleared together. */
    customs?: Pick<LineInput, "customsValue" | "customsCurrency">;
  };

export type OrderCommand =
  | {
      type: "create";
      actor: string;
      order: NewOrder;
      lines: LineInput[];
      priority: number;
      createdAt: string;
    }
  | {
      type: "amend";
      actor: string;
      ifMatch?: number;
      warehouseId?: string;
      patch: AmendPatch;
      lines?: LinePatch[];
    }
  | { type: "cancel"; actor: string; reason: string | null }
  | { type: "request_cancellation"; actor: string; reason: string | null }
  | { type: "accept_cancellation"; actor: string }
  | { type: "reject_cancellation"; actor: string; reason: string }
  | { type: "hold"; actor: string; reason: string }
  | { type: "release"; actor: string }
  | { type: "start_picking"; actor: string }
  | ({ type: "ship"; actor: string } & ShipInput)
  | {
      type: "track";
      actor: string;
      shipmentId: string;
      status: TrackingStatus;
      occurredAt: string;
      note: string | null;
    }
  | { type: "scan"; actor: string; shipmentId: string; parcels: ParcelScans[] }
  | { type: "void"; actor: string; shipmentId: string }
  | ({ type: "allocation_changed" } & StockAnswer);

/** What a stock row says about one of this order's lines, as of its version `seq`. */
export interface StockAnswer {
  lineNo: number;
  sku: string;
  status: AllocationStatus;
  seq: number;
  /** For a shipment's move in a row with lots: the lots its units left from. */
  lots?: ShippedLot[];
}

/** An event a change emits: its type, and the version of the order or shipment it describes. */
export interface ChangeEvent {
  type: EventType;
  version: number;
}

export interface Change {
  action: string;
  actor: string;
  /** What changed, for the history entry. */
  diff: Record<string, unknown>;
  order: OrderFields;
  lines: OrderLine[];
  linesChanged: boolean;
  /** False for a carrier update: only the shipment row changes. */
  touchesOrder: boolean;
  /** Units each touched line should now hold in its stock row (0 releases). */
  demands: LineItem[];
  moves: Move[];
  /** Lines whose allocation picking now holds: a loss on the shelf can no longer take it. */
  locks: LineItem[];
  shipment?: { record: ShipmentRecord; created: boolean };
  /** Whether stock answers pick between `received` and `backordered`. */
  allocationDecides: boolean;
  /** The order's version once committed: one more than before when the change touches it. */
  version: number;
  /** What the change emits, decided by `settle` once allocation has answered. */
  events: ChangeEvent[];
}

export type Decision = Refusal | { unchanged: true } | Change;

export const isChange = (d: Decision): d is Change => "action" in d;
