/**
 * A domain rule said no. Rules and Durable Objects return these, never HTTP statuses:
 * the table in src/http/refusals.ts alone turns a code into a status and a message.
 * Details travel to the client in the error envelope (`field` names the offending path).
 */
export type RefusalCode =
  | "not_found"
  | "shipment_not_found"
  | "version_conflict"
  | "too_late_to_amend"
  | "order_cancelled"
  | "warehouse_change_not_allowed"
  | "already_shipped"
  | "not_cancelable"
  | "not_holdable"
  | "not_on_hold"
  | "not_allocated"
  | "order_on_hold"
  | "sku_not_in_order"
  | "over_shipment"
  | "shipment_voided"
  | "already_delivered"
  | "insufficient_stock"
  | "stock_in_picking"
  | "order_busy"
  | "retry_failed"
  | "currency_required";

export type Refusal = { code: RefusalCode; field?: string } & Record<
  string,
  string | number | boolean | null | undefined
>;

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === "object" && value !== null && "code" in value && typeof value.code === "string";
