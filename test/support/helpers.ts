import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { expect } from "vitest";
import seed from "../../fixtures/seed.json";
import { type Environment, environmentOf } from "../../src/env";
import worker from "../../src/index";

export const ADMIN_TOKEN = "test-admin-token";
const BASE = "https://api.test";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  key?: string | null;
  /** Bindings to replace for this call only, e.g. a queue that fails. */
  env?: Record<string, unknown>;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

/**
 * One HTTP call exactly as a partner would make it, through the Worker's fetch handler
 * with its real bindings. (The pool's SELF adds a hop that slows with every call made,
 * cloudflare/workers-sdk#15446, so requests go to the handler directly.)
 */
export function call<T = any>(method: string, path: string, options: CallOptions = {}) {
  return callIn<T>(environmentOf(env), method, path, options);
}

/**
 * The same Worker and bindings, deployed as another environment: how the sandbox and
 * production rules (key prefixes, floor scopes) are exercised without a second deploy.
 */
export function callIn<T = any>(
  environment: Environment,
  method: string,
  path: string,
  options: CallOptions = {},
) {
  return send<T>(
    async (req) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(
        req,
        { ...env, ...options.env, ENVIRONMENT: environment } as typeof env,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return res;
    },
    method,
    path,
    options,
  );
}

/**
 * The same Worker with the raw ENVIRONMENT var a deploy would give it, `undefined` meaning
 * the var is missing: how a deploy that forgot or misspelt it behaves.
 */
export function callWithEnvironmentVar<T = any>(
  value: string | undefined,
  method: string,
  path: string,
  options: CallOptions = {},
) {
  return send<T>(
    async (req) => {
      const ctx = createExecutionContext();
      const { ENVIRONMENT: _, ...rest } = { ...env, ...options.env } as typeof env;
      const bindings = value === undefined ? rest : { ...rest, ENVIRONMENT: value };
      const res = await worker.fetch(req, bindings, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    },
    method,
    path,
    options,
  );
}

async function send<T>(
  fetcher: (req: Request) => Promise<Response>,
  method: string,
  path: string,
  { key, body, rawBody, headers = {} }: CallOptions,
): Promise<ApiResponse<T>> {
  const h: Record<string, string> = { ...headers };
  if (key) h.authorization = `Bearer ${key}`;
  let payload: BodyInit | undefined = rawBody;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    h["content-type"] ??= "application/json";
  }
  const res = await fetcher(new Request(`${BASE}${path}`, { method, headers: h, body: payload }));
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // non-JSON bodies (the docs page) stay as text
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export const admin = <T = any>(method: string, path: string, body?: unknown) =>
  call<T>(method, `/admin/v1${path}`, { key: ADMIN_TOKEN, body });

/** Asserts the shared error envelope and returns its `error` object. */
export function expectError(res: ApiResponse, status: number, code: string, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toEqual(expect.any(String));
  expect(res.body.error.request_id).toMatch(/^req_/);
  expect(res.headers.get("x-request-id")).toBe(res.body.error.request_id);
  if (field !== undefined) expect(res.body.error.field).toBe(field);
  return res.body.error;
}

export async function createTenant(name = "Acme") {
  const res = await admin("POST", "/tenants", { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { tenantId: res.body.id as string, key: res.body.api_key.key as string };
}

export async function createKey(tenantId: string, spec: Record<string, unknown> = {}) {
  const res = await admin("POST", `/tenants/${tenantId}/api-keys`, spec);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; key: string };
}

/** The seed every local run shares (`npm run dev`, the benchmark, these tests). */
export const WAREHOUSES = seed.warehouses;
export const SHIPPING_METHODS = seed.shipping_methods;

/** Reference data shared by all tenants; safe to call from every test file. */
export async function seedReferenceData() {
  for (const w of WAREHOUSES) {
    const res = await admin("POST", "/warehouses", w);
    expect([201, 409]).toContain(res.status);
  }
  for (const m of SHIPPING_METHODS) {
    const res = await admin("POST", "/shipping-methods", m);
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

let orderCounter = 0;

/** A valid create-order body (the guide's example), overridable field by field. */
export function orderBody(overrides: Record<string, unknown> = {}) {
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
    const product = await call("POST", "/v1/products", {
      key: tenant.key,
      body: { sku, name: sku },
    });
    expect(product.status, JSON.stringify(product.body)).toBe(201);
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
  const res = await call("POST", "/v1/ops/inventory-adjustments", {
    key,
    body: { sku, warehouse_id, quantity_delta: delta, reason: delta > 0 ? "found" : "damaged" },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function stockOf(key: string, sku: string, warehouse = "wh_syd_1") {
  const res = await call("GET", `/v1/inventory?sku=${sku}`, { key });
  expect(res.status).toBe(200);
  const row = res.body.data[0]?.warehouses.find(
    (w: { warehouse_id: string }) => w.warehouse_id === warehouse,
  );
  return row as {
    on_hand: number;
    available: number;
    allocated: number;
    backordered: number;
    incoming: number;
  };
}

let parcelCounter = 0;

export function parcel(overrides: Record<string, unknown> = {}) {
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
  items: { sku: string; quantity: number }[],
  extra: Record<string, unknown> = {},
) {
  const res = await call("POST", "/v1/ops/shipments", {
    key,
    body: { order_id: orderId, parcels: [parcel()], items, ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
