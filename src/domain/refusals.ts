/*
 * Every way the API says no, as a code. Rules, stores, use cases and objects return or throw
 * refusals, never HTTP statuses or messages: the table in src/http/refusals.ts alone turns a
 * code into a status, a message and the headers that go with it, and lists every code the
 * API can answer (docs/errors.md is generated from it). A refusal's other members travel to
 * the client in the error envelope; `field` names the offending path.
 */

export const REFUSAL_CODES = [
  // The request itself
  "invalid_json",
  "invalid_parameter",
  "invalid_cursor",
  "bad_request",
  "payload_too_large",
  "unsupported_media_type",
  "route_not_found",
  "method_not_allowed",
  "validation_error",
  "idempotency_key_reused",
  // Who is asking
  "missing_api_key",
  "invalid_api_key",
  "revoked_api_key",
  "expired_api_key",
  "wrong_environment",
  "invalid_admin_token",
  "admin_disabled",
  "insufficient_scope",
  "tenant_key_required",
  "rate_limited",
  "too_many_failed_attempts",
  // What the request names
  "not_found",
  "shipment_not_found",
  "invalid_warehouse",
  "invalid_shipping_method",
  "ambiguous_shipping_method",
  "unknown_sku",
  "unknown_order",
  "unknown_tenant",
  "scope_not_allowed",
  "insecure_url",
  "url_not_allowed",
  "beyond_retention",
  // Orders and shipments
  "duplicate_reference",
  "version_conflict",
  "too_late_to_amend",
  "order_cancelled",
  "order_archived",
  "warehouse_change_not_allowed",
  "already_shipped",
  "not_cancelable",
  "no_pending_cancellation_request",
  "not_holdable",
  "not_on_hold",
  "not_allocated",
  "order_on_hold",
  "sku_not_in_order",
  "line_not_found",
  "line_sku_mismatch",
  "ambiguous_line",
  "over_shipment",
  "serials_required",
  "serials_not_tracked",
  "serial_unavailable",
  "lot_required",
  "lot_not_tracked",
  "expiry_required",
  "lot_expiry_mismatch",
  "lot_not_shipped",
  "rate_card_overlap",
  "too_many_serials",
  "currency_required",
  "dates_out_of_order",
  "billing_address_incomplete",
  "shipment_voided",
  "already_delivered",
  "nothing_to_ship",
  "customs_data_required",
  "status_required",
  "tracked_by_parcels",
  "parcel_not_found",
  "tracking_event_conflict",
  "too_many_tracking_events",
  "order_busy",
  // Stock
  "insufficient_stock",
  "insufficient_condition_stock",
  "stock_in_picking",
  // Catalogue and reference data
  "duplicate_sku",
  "duplicate_warehouse",
  "duplicate_shipping_method",
  // Inbound and returns
  "inbound_not_open",
  "duplicate_rma",
  "sku_not_shipped",
  "over_return",
  "serial_not_shipped",
  "already_received",
  "not_received",
  "return_conflict",
  // API keys
  "expiry_in_past",
  "api_key_inactive",
  "too_many_api_keys",
  "secret_not_replayable",
  // Webhooks
  "webhook_disabled",
  "recovery_in_progress",
  // Operators
  "not_parked",
  "retry_failed",
  // The service
  "tenant_unavailable",
  "control_unavailable",
  "internal_error",
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

type Detail = string | number | boolean | null | undefined;

export type Refusal = { code: RefusalCode; field?: string } & { [detail: string]: Detail };

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === "object" && value !== null && "code" in value && typeof value.code === "string";

/**
 * A refusal thrown rather than returned, by code that has nothing else to answer with (a
 * use case, a store, a handler); `onError` renders it through the one table.
 */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
    this.name = "Refused";
  }
}

/** `throw refused("not_found", { resource: "order", id })`. */
export const refused = (code: RefusalCode, details: Omit<Refusal, "code"> = {}) =>
  new Refused({ ...details, code } as Refusal);
