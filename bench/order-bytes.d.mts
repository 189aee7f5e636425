// Types for bench/order-bytes.mjs, which stays plain JavaScript so Node runs it as is.

interface Db {
  prepare(sql: string): D1PreparedStatement;
  batch(statements: D1PreparedStatement[]): Promise<unknown>;
}

export declare const ORDER_BYTES_TARGETS: { allIn: number; kept: number };
export declare const TRANSIENT_TABLES: string[];
export declare function dbBytes(db: Db): Promise<number>;

interface Requested<Body> {
  body: Body;
  idempotencyKey: string;
}

export declare function orderRequest(spec: {
  prefix: string;
  i: number;
  skus: string[];
  warehouseId: string;
  shippingMethodId: string;
}): Requested<{
  order_number: string;
  reference: string;
  warehouse_id: string;
  shipping_method_id: string;
  ship_to: {
    name: string;
    address1: string;
    city: string;
    state: string;
    postcode: string;
    country: string;
  };
  items: { sku: string; quantity: number }[];
}>;

export declare function shipmentRequest(spec: {
  prefix: string;
  i: number;
  orderId: string;
  skus: string[];
}): Requested<{
  order_id: string;
  parcels: { tracking_number: string; carrier: string; service: string }[];
  items: { sku: string; quantity: number }[];
}>;

export declare function expireTransient(db: Db, tenantId: string): Promise<void>;
export declare function breakdown(
  db: Db,
  tenantId: string,
  orders: number,
): Promise<Record<string, Record<string, number>>>;
