/*
 * The D1 tables, one module per area of the API; migrations/ is the source of truth and
 * these are its typed mirror (test/schema.test.ts holds them to it). Code imports tables
 * from here, never from an area's module, so a table can move between modules freely.
 */

export * from "./billing";
export * from "./catalog";
export * from "./feeds";
export * from "./idempotency";
export * from "./inbound";
export * from "./inventory";
export * from "./operations";
export * from "./orders";
export * from "./returns";
export * from "./sandbox";
export * from "./secrets";
export * from "./serials";
export type { StoredAddress } from "./shared";
export * from "./shipments";
export * from "./tenants";
export * from "./webhooks";
