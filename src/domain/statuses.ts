/*
 * Every resource's status vocabulary, at the bottom so the tables, the rules, the API
 * shapes and the console all name the same words. What a status means and which may
 * follow which is for each resource's rules to say.
 */

/** The guide's order statuses. */
export const ORDER_STATUSES = [
  "received",
  "processing",
  "partially_shipped",
  "shipped",
  "on_hold",
  "backordered",
  "cancelled",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A partner's request that the floor stop an order it has started to pick. */
export const CANCELLATION_REQUEST_STATUSES = ["pending", "accepted", "rejected"] as const;
export type CancellationRequestStatus = (typeof CANCELLATION_REQUEST_STATUSES)[number];
/** How the sandbox's simulated floor answers such a request. */
export const CANCELLATION_ANSWERS = ["accept", "reject"] as const;
export type CancellationAnswer = (typeof CANCELLATION_ANSWERS)[number];

/** What an order line holds in its stock row: allocated whole, or waiting whole. */
export const DEMAND_STATUSES = ["allocated", "backordered"] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
/** A line's allocation, `released` once it wants nothing. */
export const ALLOCATION_STATUSES = [...DEMAND_STATUSES, "released"] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];
/** A line's allocation as the API shows it: `fulfilled` once every unit has shipped. */
export const LINE_ALLOCATION_STATUSES = [...ALLOCATION_STATUSES, "fulfilled"] as const;
export type LineAllocationStatus = (typeof LINE_ALLOCATION_STATUSES)[number];
/** An order's allocation: over the lines with units still to ship, `fulfilled` once none has. */
export const ORDER_ALLOCATION_STATUSES = [
  "allocated",
  "partially_allocated",
  "backordered",
  "released",
  "fulfilled",
] as const;

export const SHIPMENT_STATUSES = [
  "shipped",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "exception",
  "voided",
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Carrier updates the floor may report; `voided` has its own command. */
export const TRACKING_STATUSES = [
  "in_transit",
  "out_for_delivery",
  "delivered",
  "exception",
] as const satisfies readonly ShipmentStatus[];
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/**
 * A carrier's scan of one parcel. A parcel's latest scan says where it is, and the shipment's
 * status follows its parcels (src/shipments/shipments.rules.ts says how).
 */
export const TRACKING_EVENT_STATUSES = [
  "label_created",
  "picked_up",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "exception",
  "returned_to_sender",
] as const;
export type TrackingEventStatus = (typeof TRACKING_EVENT_STATUSES)[number];

/** An ASN (guide §5a). */
export const INBOUND_STATUSES = [
  "expected",
  "partially_received",
  "received",
  "cancelled",
] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

/** Still on its way: its outstanding units count as `incoming` in inventory. */
export const OPEN_INBOUND: readonly InboundStatus[] = ["expected", "partially_received"];

/** A customer return (guide §5c). */
export const RETURN_STATUSES = ["expected", "received", "processed"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_CONDITIONS = ["resellable", "damaged", "defective", "wrong_item"] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** An RMA's lines are `expected`; what the floor found in the parcel is `received`. */
export const RETURN_LINE_STAGES = ["expected", "received"] as const;
export type ReturnLineStage = (typeof RETURN_LINE_STAGES)[number];

/**
 * What happened to a serial-tracked unit: it was received, it left on a shipment, the label
 * was voided, or it came back.
 */
export const SERIAL_MOVEMENTS = ["received", "shipped", "voided", "returned"] as const;
export type SerialMovement = (typeof SERIAL_MOVEMENTS)[number];

/** Where a serial-tracked unit is, from its latest movement: a voided label leaves it in stock. */
export const SERIAL_STATUSES = ["shipped", "returned", "in_stock"] as const;
export type SerialStatus = (typeof SERIAL_STATUSES)[number];

/** Why the floor changed a stock count (guide §5b). */
export const ADJUSTMENT_REASONS = ["damaged", "cycle_count", "lost", "found", "expired"] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/**
 * The conditions a SKU's units in one warehouse are held in. Only `sellable` units are
 * on_hand and can be allocated; the others are counted apart until the floor moves them.
 */
export const STOCK_CONDITIONS = ["sellable", "quarantine", "damaged", "expired"] as const;
export type StockCondition = (typeof STOCK_CONDITIONS)[number];
export type HeldCondition = Exclude<StockCondition, "sellable">;

/** Why the floor moved units from one condition to another. */
export const CONDITION_MOVE_REASONS = [
  "inspection_passed",
  "inspection_failed",
  "damaged_in_warehouse",
  "expired",
  "recalled",
  "other",
] as const;
export type ConditionMoveReason = (typeof CONDITION_MOVE_REASONS)[number];

/** An operation an order object gave up retrying, and what an operator made of it. */
export const STUCK_OPERATION_STATUSES = ["parked", "retried", "discarded"] as const;
export type StuckOperationStatus = (typeof STUCK_OPERATION_STATUSES)[number];

export const WEBHOOK_STATUSES = ["enabled", "disabled"] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export const DELIVERY_STATUSES = ["pending", "sending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What created a delivery: the outbox relay, a test, a redeliver or a recover. */
export const DELIVERY_ORIGINS = ["relay", "test", "redeliver", "recover"] as const;
export type DeliveryOrigin = (typeof DELIVERY_ORIGINS)[number];

/** What a charge line is for: the fees a rate card prices (issue 24). */
export const CHARGE_FEES = [
  "order",
  "additional_unit",
  "packaging",
  "freight",
  "receiving",
  "return",
  "storage",
] as const;
export type ChargeFee = (typeof CHARGE_FEES)[number];

/** The fact a charge line comes from. */
export const CHARGE_SOURCES = ["shipment", "receipt", "return", "storage_day"] as const;
export type ChargeSource = (typeof CHARGE_SOURCES)[number];

/** A product's storage size class, from its dimensions (src/billing/billing.rates.ts). */
export const SIZE_CLASSES = ["small", "medium", "large"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** A month's invoice: `draft` while the month is open, `issued` (and immutable) once closed. */
export const INVOICE_STATUSES = ["draft", "issued"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
