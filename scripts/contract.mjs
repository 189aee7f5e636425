// `npm run contract`: the OpenAPI document checked by tools nobody here wrote, and the API
// checked against the document, on the deploy bundle booted in workerd:
//   1. Redocly's recommended rules, with example checks raised to errors: 0 errors.
//   2. Every example in the document validates against its schema (Ajv, JSON Schema 2020-12).
//   3. For every operation, requests generated from its schemas (json-schema-faker, several
//      seeds) are answered with a 2xx or a 4xx the operation documents for a reason the
//      schema cannot know (an unknown id, a conflict with state), never a 422 or 400 for
//      schema-valid input and never a 5xx; each answer matches its documented schema and
//      carries its documented required headers.
// Reference fields (SKUs, warehouse, shipping method, order ids) get values that exist, since
// a random SKU is schema-valid but names nothing. Addresses (`ship_to`, `address`, any
// `*_address`) get a real country, region and postcode, and a real phone where one was
// generated: which postcode and region a country takes is data the API checks against
// (src/domain/addresses.ts), which a schema could state only as some 190 `if`/`then`
// branches, and no schema can say which digits dial. Everything else is generated.
// CONTRACT_SEEDS (default 4) sets how many requests each operation gets.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { generate } from "json-schema-faker";
import { startApi } from "./local-worker.mjs";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
const SEEDS = Number(process.env.CONTRACT_SEEDS ?? 4);
const out = mkdtempSync(path.join(os.tmpdir(), "fulfillment-contract-"));
const adminToken = randomBytes(16).toString("hex");
const failures = [];
const fail = (what) => {
  failures.push(what);
  console.log(`FAIL ${what}`);
};

/** The document's rules, as Redocly's recommended set with examples made errors. */
async function lint(doc) {
  const config = await createConfig({
    extends: ["recommended"],
    rules: {
      "no-invalid-schema-examples": "error",
      "no-invalid-media-type-examples": "error",
      "operation-operationId": "error",
      "operation-operationId-unique": "error",
      "operation-tag-defined": "error",
    },
  });
  const problems = await lintFromString({
    source: JSON.stringify(doc),
    absoluteRef: "openapi.json",
    config,
  });
  const errors = problems.filter((p) => p.severity === "error");
  for (const p of errors) fail(`lint ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`);
  console.log(
    `lint: ${errors.length} errors, ${problems.length - errors.length} warnings (Redocly recommended)`,
  );
}

function ajvFor(doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", components: doc.components }, "doc");
  return ajv;
}

/** A schema with its `#/components/...` references pointing into the document held by Ajv. */
const anchored = (schema) =>
  JSON.parse(
    JSON.stringify(schema).replaceAll('"$ref":"#/components/', '"$ref":"doc#/components/'),
  );

/** Every `example` the document gives a schema, a parameter or a media type, checked. */
function checkExamples(doc, ajv) {
  let checked = 0;
  const visit = (node, pointer, schemaHere) => {
    if (!node || typeof node !== "object") return;
    if ("example" in node && (schemaHere ?? node.schema)) {
      const schema = schemaHere ?? node.schema;
      const validate = ajv.compile(anchored(schema));
      checked += 1;
      if (!validate(node.example)) {
        fail(`example at ${pointer}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === "example") continue;
      const isSchema =
        k === "schema" || pointer.endsWith("/schemas") || pointer.endsWith("/properties");
      visit(
        v,
        `${pointer}/${k}`,
        isSchema && v && typeof v === "object" && !Array.isArray(v) ? v : undefined,
      );
    }
  };
  visit(doc.paths, "#/paths");
  visit(doc.components, "#/components");
  console.log(`examples: ${checked} checked`);
}

const call = async (base, method, url, { token, body, headers = {} } = {}) => {
  const res = await fetch(new URL(url, base), {
    method,
    headers: {
      // A fresh connection each time: on a loaded machine the lint takes long enough that
      // workerd closes the idle one, and a POST sent on it fails ("other side closed").
      connection: "close",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, body: json };
};

/** A tenant with stock, an order, a shipment-ready state and an ASN: ids requests can name. */
async function world(base) {
  const seed = JSON.parse(readFileSync("fixtures/seed.json", "utf8"));
  for (const w of seed.warehouses) {
    await call(base, "POST", "/admin/v1/warehouses", { token: adminToken, body: w });
  }
  for (const m of seed.shipping_methods) {
    await call(base, "POST", "/admin/v1/shipping-methods", { token: adminToken, body: m });
  }
  const tenant = await call(base, "POST", "/admin/v1/tenants", {
    token: adminToken,
    body: { name: "Contract" },
  });
  if (tenant.status !== 201) throw new Error(`tenant: ${JSON.stringify(tenant.body)}`);
  const key = tenant.body.api_key.key;
  const skus = Array.from({ length: 8 }, (_, i) => `CONTRACT-${i + 1}`);
  for (const sku of skus) {
    await call(base, "POST", "/v1/products", { token: key, body: { sku, name: sku } });
    await call(base, "POST", "/v1/ops/inventory-adjustments", {
      token: key,
      body: { sku, warehouse_id: "wh_syd_1", quantity_delta: 1000, reason: "cycle_count" },
      headers: { "idempotency-key": randomUUID() },
    });
  }
  const methods = await call(base, "GET", "/v1/shipping-methods", { token: key });
  return {
    key,
    tenantId: tenant.body.id,
    skus,
    warehouse: "wh_syd_1",
    method: methods.body.data[0],
  };
}

/** A deliverable address's parts; the street, city and name stay generated. */
const REAL_ADDRESS = { state: "NSW", postcode: "2000", country: "AU" };
const isAddress = (key) => key === "ship_to" || key === "address" || key.endsWith("_address");

/** Fills reference fields with values that exist; the rest of the body stays generated. */
function grounded(value, w, ids) {
  if (Array.isArray(value)) {
    const skus = [...w.skus];
    const items = value.map((v) => grounded(v, w, ids));
    const lines = items.filter((i) => i && typeof i === "object" && "sku" in i);
    if (lines.length === 0) return items;
    // Lines name each SKU once and each line id once (orders, shipments, returns): JSON Schema
    // cannot say "unique by sku" or "unique by line_id", so these are the rules the generator
    // is told; extra lines are dropped. Line ids are the fixture order's (`L1` for its line).
    return lines.slice(0, skus.length).map((line, i) => ({
      ...line,
      sku: skus[i],
      ...("line_id" in line ? { line_id: `L${i + 1}` } : {}),
    }));
  }
  if (!value || typeof value !== "object") return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "tenant_id") continue;
    if (k === "sku") out[k] = w.skus[0];
    else if (k === "warehouse_id") out[k] = w.warehouse;
    else if (k === "shipping_method_id") out[k] = w.method.id;
    else if (k === "shipping_method") out[k] = w.method.name;
    else if (k === "order_id") out[k] = ids.order ?? v;
    // A receiver that is not there: deliveries fail fast and quietly, off the network.
    else if (k === "url") out[k] = "http://127.0.0.1:9/hooks";
    else if (isAddress(k) && v && typeof v === "object") {
      out[k] = { ...grounded(v, w, ids), ...REAL_ADDRESS };
      if (typeof v.phone === "string") out[k].phone = "+61 400 123 456";
    } else out[k] = grounded(v, w, ids);
  }
  if ("shipping_method" in out && "shipping_method_id" in out) delete out.shipping_method;
  return out;
}

const pathParam = (name, route, w, ids) => {
  if (name === "sku") return w.skus[0];
  if (route.includes("/orders/")) return ids.order ?? "ord_missing";
  if (route.includes("/shipments/")) return ids.shipment ?? "shp_missing";
  if (route.includes("/inbound-shipments/")) return ids.asn ?? "ib_missing";
  if (route.includes("/returns/")) return ids.return ?? "ret_missing";
  if (route.includes("/tenants/")) return w.tenantId;
  if (route.includes("/webhooks/")) return ids.webhook ?? "wh_missing";
  return `${name}_missing`;
};

/** Why a documented 4xx may answer schema-valid input: state or identity, never shape. */
const SHAPE_CODES = new Set([
  "validation_error",
  "invalid_parameter",
  "bad_request",
  "invalid_json",
]);

async function exercise(base, doc, ajv, w) {
  const ids = {};
  const order = await call(base, "POST", "/v1/orders", {
    token: w.key,
    body: {
      order_number: "C-1",
      reference: `C-${randomUUID()}`,
      warehouse_id: w.warehouse,
      shipping_method_id: w.method.id,
      ship_to: {
        name: "Jane Doe",
        address1: "1 Main St",
        city: "Sydney",
        state: "NSW",
        postcode: "2000",
        country: "AU",
      },
      items: [{ line_id: "L1", sku: w.skus[0], quantity: 1 }],
    },
  });
  if (order.status !== 201) throw new Error(`order: ${JSON.stringify(order.body)}`);
  ids.order = order.body.id;
  let operations = 0;
  let requests = 0;
  const statuses = new Map();
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      operations += 1;
      for (let seed = 1; seed <= SEEDS; seed++) {
        requests += 1;
        const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
        let url = route;
        const query = new URLSearchParams();
        const headers = {};
        for (const p of params) {
          if (p.in === "path")
            url = url.replace(`{${p.name}}`, encodeURIComponent(pathParam(p.name, route, w, ids)));
          else if (p.in === "query" && (p.required || seed % 2 === 0)) {
            const v = grounded(
              { [p.name]: await generate(anchoredFaker(p.schema, doc), { seed }) },
              w,
              ids,
            )[p.name];
            // A cursor or `after` names a position the API handed out: no generator can know one.
            if (v !== undefined && p.name !== "cursor" && p.name !== "after")
              query.set(p.name, Array.isArray(v) ? v.join(",") : String(v));
          } else if (p.in === "header" && p.name.toLowerCase() === "idempotency-key") {
            headers[p.name] = randomUUID();
          }
        }
        const media = op.requestBody?.content?.["application/json"];
        const body = media ? await validBody(ajv, doc, media.schema, seed, w, ids) : undefined;
        const admin = route.startsWith("/admin/");
        if (route === "/admin/v1/api-keys" && method === "post") continue;
        const qs = query.toString();
        const res = await call(base, method.toUpperCase(), `${url}${qs ? `?${qs}` : ""}`, {
          token: route === "/health" ? undefined : admin ? adminToken : w.key,
          body,
          headers,
        });
        const where = `${method.toUpperCase()} ${route} (seed ${seed}) → ${res.status}`;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const documented = op.responses?.[String(res.status)] ?? op.responses?.default;
        const code = res.body?.error?.code;
        if (res.status >= 500) fail(`${where} ${code}: ${res.body?.error?.message}`);
        else if (!documented) fail(`${where} is not documented (${code ?? "no code"})`);
        else if (SHAPE_CODES.has(code)) {
          fail(
            `${where} refused schema-valid input: ${res.body.error.message} body=${JSON.stringify(body)?.slice(0, 300)} query=${qs}`,
          );
        } else {
          checkResponse(ajv, doc, documented, res, where);
        }
        if (res.status < 300 && method === "post" && res.body?.id) {
          if (route === "/v1/webhooks") ids.webhook ??= res.body.id;
          if (route === "/v1/inbound-shipments") ids.asn ??= res.body.id;
          if (route === "/v1/returns") ids.return ??= res.body.id;
          if (route === "/v1/ops/shipments") ids.shipment ??= res.body.id;
        }
      }
    }
  }
  const seen = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n}× ${s}`);
  console.log(`requests: ${requests} across ${operations} operations: ${seen.join(", ")}`);
}

/**
 * A body the schema accepts, as a client would build it: generated, grounded, and checked
 * with Ajv, since the generator alone sometimes strays (an `exclusiveMinimum` it ignores).
 */
async function validBody(ajv, doc, schema, seed, w, ids) {
  const validate = ajv.compile(anchored(schema));
  for (let attempt = 0; attempt < 25; attempt++) {
    const body = grounded(
      await generate(anchoredFaker(schema, doc), {
        seed: seed * 1000 + attempt,
        optionalsProbability: seed / SEEDS,
      }),
      w,
      ids,
    );
    if (validate(body)) return body;
  }
  throw new Error(`no schema-valid body generated for ${JSON.stringify(schema).slice(0, 200)}`);
}

/**
 * The schema as json-schema-faker can follow it: references inlined (past a few levels of
 * them it falls back to zero values that break `minimum`), and `exclusiveMinimum`, which it
 * ignores, as a `minimum` one above.
 */
function anchoredFaker(schema, doc, depth = 0) {
  if (Array.isArray(schema)) return schema.map((s) => anchoredFaker(s, doc, depth));
  if (!schema || typeof schema !== "object") return schema;
  if (typeof schema.$ref === "string") {
    if (depth > 8) throw new Error(`references nest too deep at ${schema.$ref}`);
    return anchoredFaker(resolveRef(doc, schema), doc, depth + 1);
  }
  const out = Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [k, anchoredFaker(v, doc, depth)]),
  );
  if (typeof out.exclusiveMinimum === "number") {
    out.minimum = out.exclusiveMinimum + 1;
    delete out.exclusiveMinimum;
  }
  return out;
}

const resolveRef = (doc, node) =>
  node?.$ref
    ? node.$ref
        .replace("#/", "")
        .split("/")
        .reduce((n, k) => n?.[k], doc)
    : node;

function checkResponse(ajv, doc, documented, res, where) {
  const response = resolveRef(doc, documented);
  const schema = response.content?.["application/json"]?.schema;
  if (schema && res.body !== undefined) {
    const validate = ajv.compile(anchored(schema));
    if (!validate(res.body)) {
      fail(`${where} body does not match its schema: ${ajv.errorsText(validate.errors)}`);
    }
  }
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const h = resolveRef(doc, header);
    if (h.required && !res.headers.has(name)) fail(`${where} lacks required header ${name}`);
  }
}

let dispose = async () => {};
try {
  const api = await startApi(out, adminToken);
  dispose = api.dispose;
  const spec = await call(api.base, "GET", "/v1/openapi.json");
  const doc = spec.body;
  await lint(doc);
  const ajv = ajvFor(doc);
  checkExamples(doc, ajv);
  await exercise(api.base, doc, ajv, await world(api.base));
} catch (err) {
  fail(`contract run: ${err instanceof Error ? err.stack : String(err)}`);
} finally {
  await dispose();
  rmSync(out, { recursive: true, force: true });
}
console.log(failures.length === 0 ? "contract: ok" : `contract: ${failures.length} failures`);
process.exit(failures.length === 0 ? 0 : 1);
