// The demo tenant `npm run dev` seeds, and the docs check runs its quickstart against.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const KEY_FILE = ".wrangler/demo-api-key";
// The one seed every local run shares: the tests and the benchmark read it too.
const SEED = JSON.parse(readFileSync("fixtures/seed.json", "utf8"));
const { warehouses: WAREHOUSES, shipping_methods: SHIPPING_METHODS, products: PRODUCTS } = SEED;

async function api(base, method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Creates-or-accepts: reruns hit 409 for what the last run already made. */
async function ensure(base, path, token, body, label) {
  const res = await api(base, "POST", path, token, body);
  if (res.status !== 201 && res.status !== 409) {
    throw new Error(`POST ${path} (${label}) → ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** The tenant key is shown once at creation, so we keep it; a wiped local D1 invalidates it. */
async function demoKey(base, admin, log, keyFile) {
  let tenant;
  let cursor = "";
  do {
    const res = await api(base, "GET", `/admin/v1/tenants?limit=200${cursor}`, admin);
    if (res.status !== 200) throw new Error(`GET /admin/v1/tenants → ${res.status}`);
    tenant = res.body.data.find((t) => t.name === "Demo Merchant");
    const next = res.body.pagination.next_cursor;
    cursor = next ? `&cursor=${encodeURIComponent(next)}` : "";
  } while (!tenant && cursor);

  mkdirSync(path.dirname(keyFile), { recursive: true });
  if (!tenant) {
    const res = await api(base, "POST", "/admin/v1/tenants", admin, { name: "Demo Merchant" });
    if (res.status !== 201) throw new Error(`POST /admin/v1/tenants → ${res.status}`);
    writeFileSync(keyFile, res.body.api_key.key);
    log(`created tenant Demo Merchant (${res.body.id})`);
    return res.body.api_key.key;
  }
  const saved = existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : "";
  if (saved && (await api(base, "GET", "/v1/warehouses", saved)).status === 200) return saved;
  const res = await api(base, "POST", `/admin/v1/tenants/${tenant.id}/api-keys`, admin, {
    name: "Demo key",
  });
  if (res.status !== 201) throw new Error(`POST tenant api-keys → ${res.status}`);
  writeFileSync(keyFile, res.body.key);
  log(`issued a new demo key for ${tenant.id}`);
  return res.body.key;
}

const DEMO_STOCK_NOTE = "demo stock";

/**
 * Stocks each SKU × warehouse once. The seed's own adjustments (note "demo stock") mark
 * what is done, so a rerun never adds stock twice, finishes a seed that stopped half-way,
 * and leaves stock you have since moved (even to zero) alone.
 */
async function seedStock(base, key, log) {
  for (const { sku, stock_per_warehouse: units } of PRODUCTS) {
    const seeded = new Set();
    let cursor = "";
    do {
      const path = `/v1/inventory-adjustments?sku=${encodeURIComponent(sku)}&limit=200${cursor}`;
      const res = await api(base, "GET", path, key);
      if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
      for (const a of res.body.data) if (a.note === DEMO_STOCK_NOTE) seeded.add(a.warehouse_id);
      const next = res.body.pagination.next_cursor;
      cursor = next ? `&cursor=${encodeURIComponent(next)}` : "";
    } while (cursor);
    const missing = WAREHOUSES.filter((w) => !seeded.has(w.id));
    for (const { id: warehouse_id } of missing) {
      const res = await api(base, "POST", "/v1/ops/inventory-adjustments", key, {
        sku,
        warehouse_id,
        quantity_delta: units,
        reason: "found",
        note: DEMO_STOCK_NOTE,
      });
      if (res.status !== 201) {
        throw new Error(
          `stocking ${sku} in ${warehouse_id} → ${res.status} ${JSON.stringify(res.body)}`,
        );
      }
    }
    if (missing.length > 0) {
      log(`stocked ${sku}: ${units} in ${missing.map((w) => w.id).join(", ")}`);
    }
  }
}

/**
 * The demo tenant every local run starts from: reference data, the tenant and its key (kept
 * in .wrangler/demo-api-key), the seed's products and their stock. Safe to run again.
 */
export async function seedDemo(base, admin, log = () => {}, keyFile = KEY_FILE) {
  for (const w of WAREHOUSES) await ensure(base, "/admin/v1/warehouses", admin, w, w.id);
  for (const m of SHIPPING_METHODS)
    await ensure(base, "/admin/v1/shipping-methods", admin, m, m.id);
  const key = await demoKey(base, admin, log, keyFile);
  for (const { stock_per_warehouse: _, ...product } of PRODUCTS) {
    await ensure(base, "/v1/products", key, product, product.sku);
  }
  await seedStock(base, key, log);
  return key;
}
