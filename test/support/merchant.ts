import { expect } from "vitest";
import type { z } from "zod";
import seed from "../../fixtures/seed.json";
import type { CreateApiKey } from "../../src/api-keys/api-keys.routes";
import type { CreateOrder } from "../../src/orders/orders.schemas";
import type { CreateShipment } from "../../src/shipments/shipments.schemas";
import { admin, client, expectStatus } from "./client";

/** The seed every local run shares (`npm run dev`, the benchmark, these tests). */
export const WAREHOUSES = seed.warehouses;
export const SHIPPING_METHODS = seed.shipping_methods;

export async function createTenant(name = "Acme") {
  const res = await admin.tenants.$post({ json: { name } });
  expectStatus(res, 201);
  return { tenantId: res.body.id, key: res.body.api_key.key, shard: res.body.shard };
}

/**
 * Two more tenants: one on `shard` and one on another, so an isolation test covers tenants
 * that share a database and tenants that do not. New tenants fill the emptiest shard, so
 * this creates a few at most.
 */
export async function othersOf(shard: string) {
  let same: Awaited<ReturnType<typeof createTenant>> | undefined;
  let other: Awaited<ReturnType<typeof createTenant>> | undefined;
  for (let i = 0; i < 8 && !(same && other); i++) {
    const t = await createTenant(`Other ${i}`);
    if (t.shard === shard) same ??= t;
    else other ??= t;
  }
  if (!same || !other) throw new Error(`could not place tenants on and off ${shard}`);
  return [same, other] as const;
}

export async function createKey(tenantId: string, spec: z.input<typeof CreateApiKey> = {}) {
  const res = await admin.tenants[":id"]["api-keys"].$post({ param: { id: tenantId }, json: spec });
  expectStatus(res, 201);
  return res.body;
}

/** Reference data shared by all tenants; safe to call from every test file. */
export async function seedReferenceData() {
  for (const w of WAREHOUSES) {
    const res = await admin.warehouses.$post({ json: w });
    expect([201, 409]).toContain(res.status);
  }
  for (const m of SHIPPING_METHODS) {
    const res = await admin["shipping-methods"].$post({ json: m });
    expect([201, 409]).toContain(res.status);
  }
}

export const SHIP_TO = {
  name: "Jane Doe",
  company: "Acme Pty Ltd",
  email: "jane@example.com",
  phone: "+61 400 123 456",
  address1: "123 Main St",
  address2: null,
  city: "Sydney",
  state: "NSW",
  postcode: "2000",
  country: "AU",
};

type OrderInput = z.input<typeof CreateOrder>;

let orderCounter = 0;

/** A valid create-order body (the guide's example), overridable field by field. */
export function orderBody(overrides: Partial<OrderInput> = {}): OrderInput {
  orderCounter += 1;
  return {
    order_number: `SO-${100000 + orderCounter}`,
    reference: `F-${crypto.randomUUID()}`,
    order_date: "2026-07-02T09:15:00Z",
    warehouse_id: "wh_syd_1",
    shipping_method_id: "sm_auspost_express",
    signature_required: false,
    insurance: false,
    gift_message: null,
    packing_note: "Leave in porch",
    ship_to: SHIP_TO,
    items: [
      {
        sku: "WIDGET-BLUE-M",
        description: "Blue Widget — Medium",
        quantity: 2,
        unit_price: "19.99",
        currency: "AUD",
      },
    ],
    ...overrides,
  };
}

/** A tenant with reference data, the given SKUs in its catalog and stock in wh_syd_1. */
export async function merchant(stock: Record<string, number> = { "WIDGET-BLUE-M": 100 }) {
  await seedReferenceData();
  const tenant = await createTenant();
  for (const [sku, quantity] of Object.entries(stock)) {
    const product = await client(tenant.key).v1.products.$post({ json: { sku, name: sku } });
    expectStatus(product, 201);
    if (quantity > 0) await adjustStock(tenant.key, sku, quantity);
  }
  return tenant;
}

export async function adjustStock(
  key: string,
  sku: string,
  delta: number,
  warehouse_id = "wh_syd_1",
) {
  const res = await client(key).v1.ops["inventory-adjustments"].$post({
    json: { sku, warehouse_id, quantity_delta: delta, reason: delta > 0 ? "found" : "damaged" },
  });
  expectStatus(res, 201);
  return res.body;
}

/** The SKU's row in one warehouse; undefined until stock was ever recorded there. */
export async function stockOf(key: string, sku: string, warehouse = "wh_syd_1") {
  const res = await client(key).v1.inventory.$get({ query: { sku } });
  expectStatus(res, 200);
  return res.body.data[0]?.warehouses.find((w) => w.warehouse_id === warehouse);
}

type Parcel = z.input<typeof CreateShipment>["parcels"][number];

let parcelCounter = 0;

export function parcel(overrides: Partial<Parcel> = {}): Parcel {
  parcelCounter += 1;
  const tracking = `ABC${String(100000000 + parcelCounter)}AU`;
  return {
    tracking_number: tracking,
    tracking_url: `https://auspost.com.au/track/${tracking}`,
    carrier: "auspost",
    service: "Express Post",
    ...overrides,
  };
}

export async function ship(
  key: string,
  orderId: string,
  items: z.input<typeof CreateShipment>["items"],
  extra: Partial<z.input<typeof CreateShipment>> = {},
) {
  const res = await client(key).v1.ops.shipments.$post({
    json: { order_id: orderId, parcels: [parcel()], items, ...extra },
  });
  expectStatus(res, 201);
  return res.body;
}
