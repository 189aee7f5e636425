// `npm run smoke`: boots the bundle `wrangler deploy` would upload, in workerd through
// Miniflare, and makes one request through each part of it (D1, KV, the rate-limiter,
// order and stock Durable Objects, the webhook queue, the cron and its R2 archive). Vitest
// compiles src/ its own way, so only this catches a bundle that cannot start in production.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { startApi } from "./local-worker.mjs";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
const out = mkdtempSync(path.join(os.tmpdir(), "fulfillment-smoke-"));
const admin = randomBytes(16).toString("hex");

let failed = false;
let dispose = async () => rmSync(out, { recursive: true, force: true });
try {
  const api = await startApi(out, admin);
  const base = api.base;
  dispose = api.dispose;
  const call = async (method, url, token, body, expected) => {
    const res = await fetch(new URL(url, base), {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    const ok = res.status === expected;
    console.log(`${ok ? "ok  " : "FAIL"} ${method} ${url} → ${res.status}`);
    if (!ok) throw new Error(JSON.stringify(json));
    return json;
  };
  await call("GET", "/health", "", undefined, 200);
  const spec = await call("GET", "/v1/openapi.json", "", undefined, 200);
  // The document is the contract: it must be valid OpenAPI, checked by a maintained validator.
  const checked = await new Validator().validate(spec);
  if (!checked.valid)
    throw new Error(`invalid OpenAPI document: ${JSON.stringify(checked.errors).slice(0, 2000)}`);
  console.log("ok   OpenAPI document is valid");
  await call(
    "POST",
    "/admin/v1/warehouses",
    admin,
    {
      id: "wh_smoke",
      name: "Smoke",
      code: "SMK",
      address: {
        address1: "1 Test St",
        city: "Sydney",
        state: "NSW",
        postcode: "2000",
        country: "AU",
      },
    },
    201,
  );
  const { api_key } = await call("POST", "/admin/v1/tenants", admin, { name: "Smoke" }, 201);
  const key = api_key.key;
  await call("POST", "/v1/products", key, { sku: "SMOKE-1", name: "Smoke" }, 201);
  await call(
    "POST",
    "/v1/ops/inventory-adjustments",
    key,
    {
      sku: "SMOKE-1",
      warehouse_id: "wh_smoke",
      quantity_delta: 5,
      reason: "found",
    },
    201,
  );
  await call("POST", "/v1/webhooks", key, { url: "http://127.0.0.1:9/", events: ["*"] }, 201);
  const order = await call(
    "POST",
    "/v1/orders",
    key,
    {
      order_number: "SO-SMOKE",
      reference: "F-SMOKE",
      warehouse_id: "wh_smoke",
      ship_to: {
        name: "Smoke",
        address1: "1 Test St",
        city: "Sydney",
        state: "NSW",
        postcode: "2000",
        country: "AU",
      },
      items: [{ sku: "SMOKE-1", quantity: 2 }],
    },
    201,
  );
  if (order.status !== "received") throw new Error(`order is ${order.status}, expected received`);
  await call("GET", `/v1/orders/${order.id}`, key, undefined, 200);
  await call("GET", "/v1/inventory?sku=SMOKE-1", key, undefined, 200);
  // The console's JSX pages are compiled by wrangler's bundler, not vitest's.
  const signIn = await fetch(new URL("/console/sign-in", base));
  const html = await signIn.text();
  const rendered = signIn.status === 200 && html.includes('name="api_key"');
  console.log(`${rendered ? "ok  " : "FAIL"} GET /console/sign-in → ${signIn.status}`);
  if (!rendered) throw new Error(html.slice(0, 2000));
  // The cron, with something past retention: it reaches the R2 archive and D1 lets it go.
  const db = await api.mf.getD1Database("DB");
  await db
    .prepare(
      `INSERT INTO idempotency_claims (owner, key, operation, anchor, resource_id, claim_token, created_at, expires_at)
       VALUES ('smoke', 'k', 'order.create', 'r', 'ord_smoke', 't', '2020-01-01T00:00:00.000Z', '2020-01-02T00:00:00.000Z')`,
    )
    .run();
  const cron = await (await api.mf.getWorker()).scheduled({ cron: "* * * * *" });
  if (cron.outcome !== "ok") throw new Error(`the cron ended with ${cron.outcome}`);
  const archived = await (await api.mf.getR2Bucket("ARCHIVE")).list({
    prefix: "archive/idempotency_claims/smoke/2020-01-01/",
  });
  const left = await db
    .prepare("SELECT COUNT(*) AS n FROM idempotency_claims WHERE owner = 'smoke'")
    .first();
  if (archived.objects.length !== 1 || left.n !== 0) {
    throw new Error(`archive: ${archived.objects.length} objects, ${left.n} claims left`);
  }
  console.log("ok   cron archives to R2");
} catch (err) {
  failed = true;
  console.error(`smoke check failed: ${err instanceof Error ? err.message : err}`);
} finally {
  await dispose();
}
process.exit(failed ? 1 : 0);
