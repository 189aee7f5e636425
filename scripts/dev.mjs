// `npm run dev`: one command from a fresh clone to a running, seeded local API —
// .dev.vars, local D1 migrations, `wrangler dev`, then a demo tenant with products and stock.
// Plain Node (no dependencies) so it works before anything but `npm install` has run.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Every path below (.dev.vars, .wrangler, wrangler.toml) is relative to the project root.
process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const PORT = 8787;
const BASE = `http://localhost:${PORT}`;
const KEY_FILE = ".wrangler/demo-api-key";
// Wrangler's own launcher rather than `npx wrangler`: npx runs it under `sh -c`, which does
// not pass our SIGINT/SIGTERM on, so Ctrl-C (or a kill) would orphan workerd on port 8787.
const WRANGLER = "node_modules/wrangler/bin/wrangler.js";
// Skipping the request.cf download lets `wrangler dev` start offline.
const ENV = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false" };

// The one seed every local run shares: the tests and the benchmark read it too.
const SEED = JSON.parse(readFileSync("fixtures/seed.json", "utf8"));
const { warehouses: WAREHOUSES, shipping_methods: SHIPPING_METHODS, products: PRODUCTS } = SEED;

const log = (msg) => console.log(`[dev] ${msg}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// A bounded probe: a half-started server can accept a connection and never answer.
const healthy = () =>
  fetch(`${BASE}/health`, { signal: AbortSignal.timeout(2000) }).then(
    (res) => res.status === 200,
    () => false,
  );

function readAdminToken() {
  if (!existsSync(".dev.vars")) {
    copyFileSync(".dev.vars.example", ".dev.vars");
    log("created .dev.vars from .dev.vars.example");
  }
  const line = readFileSync(".dev.vars", "utf8")
    .split(/\r?\n/)
    .find((l) => /^\s*ADMIN_TOKEN\s*=/.test(l));
  const token = line
    ?.split("=")
    .slice(1)
    .join("=")
    .trim()
    .replace(/^(["'])(.*)\1$/, "$2");
  if (!token) throw new Error("ADMIN_TOKEN is missing from .dev.vars");
  return token;
}

async function api(method, path, token, body) {
  const res = await fetch(`${BASE}${path}`, {
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
async function ensure(path, token, body, label) {
  const res = await api("POST", path, token, body);
  if (res.status !== 201 && res.status !== 409) {
    throw new Error(`POST ${path} (${label}) → ${res.status} ${JSON.stringify(res.body)}`);
  }
}

async function waitForHealth(child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode})`);
    if (await healthy()) return;
    await sleep(500);
  }
  throw new Error(`${BASE}/health did not answer 200 within 60 s`);
}

/** The tenant key is shown once at creation, so we keep it; a wiped local D1 invalidates it. */
async function demoKey(admin) {
  let tenant;
  let cursor = "";
  do {
    const res = await api("GET", `/admin/v1/tenants?limit=200${cursor}`, admin);
    if (res.status !== 200) throw new Error(`GET /admin/v1/tenants → ${res.status}`);
    tenant = res.body.data.find((t) => t.name === "Demo Merchant");
    const next = res.body.pagination.next_cursor;
    cursor = next ? `&cursor=${encodeURIComponent(next)}` : "";
  } while (!tenant && cursor);

  mkdirSync(".wrangler", { recursive: true });
  if (!tenant) {
    const res = await api("POST", "/admin/v1/tenants", admin, { name: "Demo Merchant" });
    if (res.status !== 201) throw new Error(`POST /admin/v1/tenants → ${res.status}`);
    writeFileSync(KEY_FILE, res.body.api_key.key);
    log(`created tenant Demo Merchant (${res.body.id})`);
    return res.body.api_key.key;
  }
  const saved = existsSync(KEY_FILE) ? readFileSync(KEY_FILE, "utf8").trim() : "";
  if (saved && (await api("GET", "/v1/warehouses", saved)).status === 200) return saved;
  const res = await api("POST", `/admin/v1/tenants/${tenant.id}/api-keys`, admin, {
    name: "Demo key",
  });
  if (res.status !== 201) throw new Error(`POST tenant api-keys → ${res.status}`);
  writeFileSync(KEY_FILE, res.body.key);
  log(`issued a new demo key for ${tenant.id}`);
  return res.body.key;
}

const DEMO_STOCK_NOTE = "demo stock";

/**
 * Stocks each SKU × warehouse once. The seed's own adjustments (note "demo stock") mark
 * what is done, so a rerun never adds stock twice, finishes a seed that stopped half-way,
 * and leaves stock you have since moved (even to zero) alone.
 */
async function seedStock(key) {
  for (const { sku, stock_per_warehouse: units } of PRODUCTS) {
    const seeded = new Set();
    let cursor = "";
    do {
      const path = `/v1/inventory-adjustments?sku=${encodeURIComponent(sku)}&limit=200${cursor}`;
      const res = await api("GET", path, key);
      if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
      for (const a of res.body.data) if (a.note === DEMO_STOCK_NOTE) seeded.add(a.warehouse_id);
      const next = res.body.pagination.next_cursor;
      cursor = next ? `&cursor=${encodeURIComponent(next)}` : "";
    } while (cursor);
    const missing = WAREHOUSES.filter((w) => !seeded.has(w.id));
    for (const { id: warehouse_id } of missing) {
      const res = await api("POST", "/v1/ops/inventory-adjustments", key, {
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

async function seed(admin) {
  for (const w of WAREHOUSES) await ensure("/admin/v1/warehouses", admin, w, w.id);
  for (const m of SHIPPING_METHODS) await ensure("/admin/v1/shipping-methods", admin, m, m.id);
  const key = await demoKey(admin);
  for (const { stock_per_warehouse: _, ...product } of PRODUCTS) {
    await ensure("/v1/products", key, product, product.sku);
  }
  await seedStock(key);
  return key;
}

const admin = readAdminToken();
// A second server on the port would answer our health checks and take our seed data.
if (await healthy()) {
  console.error(
    `[dev] a server is already answering on port ${PORT} (another "npm run dev"?); stop it first.`,
  );
  process.exit(1);
}
const migrate = spawnSync(
  process.execPath,
  [WRANGLER, "d1", "migrations", "apply", "DB", "--local"],
  // CI=true answers the "apply N migrations?" prompt; wrangler dev keeps its TTY hotkeys.
  { stdio: "inherit", env: { ...ENV, CI: "true" } },
);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const args = [WRANGLER, "dev", "--port", String(PORT), "--log-level", "warn"];
const child = spawn(process.execPath, args, { stdio: "inherit", env: ENV });
let failed = false;
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(failed ? 1 : (code ?? (signal ? 1 : 0))));

try {
  await waitForHealth(child);
} catch (err) {
  console.error(`[dev] ${err.message}`);
  failed = true;
  child.kill("SIGTERM");
}
if (!failed) {
  try {
    const key = await seed(admin);
    console.log(`
  Fulfillment API   ${BASE}
  API reference     ${BASE}/docs
  Console           ${BASE}/console (sign in with the demo key)
  OpenAPI document  ${BASE}/v1/openapi.json
  Demo API key      ${key}
  Admin token       ADMIN_TOKEN in .dev.vars
`);
  } catch (err) {
    // The server itself is fine, so keep it up: the developer can debug the seed against it.
    console.error(`[dev] seeding the demo tenant failed: ${err.message}`);
  }
}
