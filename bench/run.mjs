// `npm run bench`: builds the Worker with wrangler, serves it from one workerd through
// Miniflare's Node API (no dev proxy, no request log) next to two helper workers, seeds a
// tenant, and drives each scenario with autocannon from this process:
//   (a) GET /ceiling → {}                        the runtime's ceiling (bench/ceiling.ts)
//   (b) POST /v1/orders, 2 lines, unique keys    order intake
//   (c) GET /v1/shipments?updated_since=…        a poll, at 10k and at 100k shipments
//   (d) 200 concurrent one-unit orders on a SKU with 100 in stock: zero oversell
// plus the CPU price of one D1 / KV / Durable Object call (bench/primitives.ts), which
// turns the profile of (b) into a budget. It prints requests/s and p50/p99 per scenario,
// each against (a), and writes bench/results.md. Everything listens on 127.0.0.1 only and
// is disposed at the end.
//
// Knobs (environment): BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2),
// BENCH_CONNECTIONS (default 32).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { buildApi, bundle, migrate } from "../scripts/local-worker.mjs";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const BUILD = "bench/.build";
const RESULTS = "bench/results.md";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** The poll's own latency, without queueing behind 31 others on workerd's one thread. */
const SOLO_DURATION = Math.max(2, DURATION / 2);
const PRIMITIVE_DURATION = 2;
const HOT_STOCK = 100;
const HOT_ORDERS = 200;
const SHIPMENTS_SMALL = 10_000;
const SHIPMENTS_LARGE = 100_000;
const SEED_CHUNK = 10_000;
const POLL_LIMIT = 100;
/** Targets from the issue. */
const MIN_INTAKE_SHARE = 0.1;
const MAX_POLL_GROWTH = 1.3;

const WAREHOUSE = {
  id: "wh_bench_1",
  name: "Bench DC",
  code: "BEN",
  address: {
    address1: "1 Freight Rd",
    city: "Sydney",
    state: "NSW",
    postcode: "2000",
    country: "AU",
  },
};
const SKU_A = "BENCH-A";
const SKU_B = "BENCH-B";
const SKU_HOT = "BENCH-HOT";
const SHIP_TO = {
  name: "Bench Buyer",
  address1: "9 Dock St",
  city: "Melbourne",
  state: "VIC",
  postcode: "3000",
  country: "AU",
};

/**
 * The calls one create makes, from reading src/ (see PROFILE), priced with the primitive
 * each most resembles. Multi-statement D1 batches are priced as one round trip: the
 * primitives show a batch of 3 costs about what a single statement does.
 */
const CREATE_CALLS = [
  ["kv-get-hit", 1, "API key lookup (cached principal)"],
  ["kv-get-miss", 1, "idempotency cache lookup (a new key)"],
  ["do-rpc", 3, "rate limiter, 2 stock objects"],
  ["do-rpc-new-object", 1, "the order's own, new object"],
  ["d1-insert", 6, "D1 batches on the response path"],
  ["d1-insert", 3, "webhook relay statements (waitUntil)"],
  ["kv-put", 1, "idempotency mapping (waitUntil)"],
];

const t0 = Date.now();
const loadBefore = os.loadavg();
const log = (msg) => console.log(`[bench +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

// ---------------------------------------------------------------------------------------
// Build

/** A bench worker, bundled by wrangler like the API from a generated config. */
function buildHelper(name, main, compat, extra = {}) {
  const dir = `${BUILD}/${name}`;
  mkdirSync(dir, { recursive: true });
  const config = {
    name: `bench-${name}`,
    main: path.relative(dir, main),
    compatibility_date: compat.compatibilityDate,
    compatibility_flags: compat.compatibilityFlags ?? [],
    ...extra,
  };
  writeFileSync(`${dir}/wrangler.json`, JSON.stringify(config, null, 2));
  const out = `${dir}/out`;
  return { dir: out, entry: bundle(out, ["--config", `${dir}/wrangler.json`], main) };
}

// ---------------------------------------------------------------------------------------
// HTTP and D1 helpers

/** @type {URL} */
let base;

async function api(method, urlPath, token, body, headers = {}) {
  const res = await fetch(new URL(urlPath, base), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function expectStatus(status, what, promise) {
  const res = await promise;
  if (res.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** Values inlined into seeding SQL are ours, but check they cannot break out of a literal. */
function literal(value) {
  if (!/^[A-Za-z0-9_.-]+$/.test(value)) throw new Error(`unexpected identifier ${value}`);
  return `'${value}'`;
}

/**
 * Shipments i = from..to straight into D1, with one parcel and two items each. Row i is
 * updated at startMs + i seconds (plus a few ms, so timestamps are not all round) and
 * gets change_seq = seqBase + i: both strictly increase with i, as the feed requires.
 * A recursive CTE generates the rows, so no statement binds any parameter.
 */
async function seedShipments(db, { tenantId, from, to, startMs, seqBase }) {
  const tenant = literal(tenantId);
  const wh = literal(WAREHOUSE.id);
  for (let lo = from; lo <= to; lo += SEED_CHUNK) {
    const hi = Math.min(to, lo + SEED_CHUNK - 1);
    const seq = `WITH RECURSIVE seq(i) AS (SELECT ${lo} UNION ALL SELECT i + 1 FROM seq WHERE i < ${hi})`;
    const id = `'shp_bench' || printf('%07d', i)`;
    await db.batch([
      db.prepare(`${seq},
        t(i, at) AS (
          SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ',
            (${startMs} + i * 1000 + (i * 7919) % 990) / 1000.0, 'unixepoch') FROM seq)
        INSERT INTO shipments (id, tenant_id, order_id, order_number, warehouse_id, status,
          status_history, shipped_at, cost_amount, cost_currency, voided, voided_at, version,
          created_at, updated_at, change_seq)
        SELECT ${id}, ${tenant}, 'ord_bench' || printf('%07d', i), 'SO-BENCH-' || i, ${wh},
          'shipped', json_array(json_object('status', 'shipped', 'occurred_at', at)), at,
          '9.95', 'AUD', 0, NULL, 1, at, at, ${seqBase} + i
        FROM t`),
      db.prepare(`${seq}
        INSERT INTO shipment_parcels (shipment_id, position, tracking_number, tracking_url,
          carrier, service, weight, dimensions)
        SELECT ${id}, 0, 'BT' || printf('%010d', i),
          'https://auspost.com.au/mypost/track/#/details/BT' || printf('%010d', i),
          'auspost', 'Parcel Post', json_object('value', 0.5, 'unit', 'kg'),
          json_object('length', 20, 'width', 15, 'height', 5, 'unit', 'cm')
        FROM seq`),
      db.prepare(`${seq}
        INSERT INTO shipment_items (shipment_id, sku, quantity)
        SELECT ${id}, line.sku, line.quantity
        FROM seq, (SELECT '${SKU_A}' AS sku, 1 AS quantity UNION ALL SELECT '${SKU_B}', 2) AS line`),
    ]);
  }
}

async function first(db, sql, ...params) {
  return db
    .prepare(sql)
    .bind(...params)
    .first();
}

async function all(db, sql, ...params) {
  return (
    await db
      .prepare(sql)
      .bind(...params)
      .all()
  ).results;
}

// ---------------------------------------------------------------------------------------
// Load

/**
 * CPU seconds used so far by the workerd processes this script started (Linux /proc;
 * NaN elsewhere). Workerd runs every isolate on one thread, so CPU per request says what
 * caps each scenario's throughput.
 */
function workerdCpuSeconds() {
  try {
    let total = 0;
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[1] is ppid; [11] utime and [12] stime in clock ticks (100 per second).
      if (comm === "workerd" && Number(fields[1]) === process.pid) {
        total += (Number(fields[11]) + Number(fields[12])) / 100;
      }
    }
    return total;
  } catch {
    return Number.NaN;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (up to 5 s) until workerd is idle, so a scenario does not pay for the tail of the
 * last one: requests autocannon abandoned at its stop, waitUntil work, object eviction.
 */
async function settle() {
  for (let i = 0; i < 20; i++) {
    const before = workerdCpuSeconds();
    await sleep(250);
    if (!(workerdCpuSeconds() - before > 0.025)) return;
  }
}

/**
 * One autocannon run of `skip` + `duration` seconds on the same connections; only what
 * completes after `skip` counts (a warm-up that does not reconnect between warm-up and
 * measurement). Latencies (ms, unrounded) come from autocannon's per-response events.
 */
async function fire({ duration = DURATION, skip = 0, ...opts }) {
  await settle();
  const run = {
    latencies: [],
    ok: 0,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodes: {},
    errorKinds: {},
    errorAt: [],
    connections: opts.connections ?? CONNECTIONS,
  };
  let counting = skip === 0;
  let windowStart = performance.now();
  let cpuStart = workerdCpuSeconds();
  const warmup = setTimeout(() => {
    counting = true;
    windowStart = performance.now();
    cpuStart = workerdCpuSeconds();
  }, skip * 1000);
  const instance = autocannon({
    url: base.href,
    connections: CONNECTIONS,
    timeout: 30,
    ...opts,
    ...(opts.amount ? {} : { duration: skip + duration }),
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    if (!counting) return;
    run.statusCodes[status] = (run.statusCodes[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      run.ok += 1;
      run.latencies.push(ms);
    } else {
      run.non2xx += 1;
    }
  });
  instance.on("reqError", (err) => {
    if (!counting) return;
    const kind = err?.code ?? err?.message ?? String(err);
    run.errors += 1;
    if (kind === "request timed out") run.timeouts += 1;
    run.errorKinds[kind] = (run.errorKinds[kind] ?? 0) + 1;
    run.errorAt.push((performance.now() - windowStart) / 1000);
  });
  await instance;
  clearTimeout(warmup);
  run.seconds = (performance.now() - windowStart) / 1000;
  run.cpu = workerdCpuSeconds() - cpuStart;
  return run;
}

function percentile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function summarize(name, label, run) {
  const sorted = run.latencies.sort((a, b) => a - b);
  const { errorAt } = run;
  return {
    name,
    label,
    ok: run.ok,
    non2xx: run.non2xx,
    errors: run.errors,
    timeouts: run.timeouts,
    errorKinds: run.errorKinds,
    errorAt: errorAt.length
      ? `${fmt(Math.min(...errorAt), 1)}–${fmt(Math.max(...errorAt), 1)} s`
      : "",
    failed: run.non2xx + run.errors,
    statusCodes: run.statusCodes,
    connections: run.connections,
    seconds: run.seconds,
    rps: run.ok / run.seconds,
    cpuMs: (run.cpu * 1000) / (run.ok + run.non2xx),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
  };
}

/** `warmup` seconds (not counted), then `duration` seconds measured, on the same connections. */
async function measure(name, label, opts, { duration = DURATION, warmup = WARMUP } = {}) {
  const row = summarize(name, label, await fire({ ...opts, duration, skip: warmup }));
  log(
    `${name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms, ` +
      `workerd ${fmt(row.cpuMs)} ms CPU/req` +
      (row.failed
        ? `, ${row.failed} failed ${JSON.stringify({ ...row.statusCodes, ...row.errorKinds })} ${row.errorAt}`
        : ""),
  );
  return row;
}

const orderBody = (reference, items) => ({
  order_number: `SO-${reference}`,
  reference,
  warehouse_id: WAREHOUSE.id,
  ship_to: SHIP_TO,
  items,
});

/** POST /v1/orders with a new reference and Idempotency-Key on every request. */
function orderRequests(key, prefix, items, onResponse) {
  let n = 0;
  return [
    {
      method: "POST",
      path: "/v1/orders",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      setupRequest: (req) => {
        n += 1;
        const reference = `${prefix}-${n}`;
        return {
          ...req,
          headers: { ...req.headers, "idempotency-key": `idem-${reference}` },
          body: JSON.stringify(orderBody(reference, items)),
        };
      },
      ...(onResponse ? { onResponse } : {}),
    },
  ];
}

// ---------------------------------------------------------------------------------------
// Scenarios

/** The primitives worker's routes, each one call of one kind. */
async function pricePrimitives() {
  const setup = await fetch(new URL("/p/setup", base));
  if (setup.status !== 200) throw new Error(`primitives setup → ${setup.status}`);
  const { ops } = await setup.json();
  const rows = [];
  for (const op of ops) {
    const url = new URL(`/p/${op}`, base).href;
    rows.push(
      await measure(
        `p:${op}`,
        op,
        { url },
        {
          duration: PRIMITIVE_DURATION,
          warmup: 1,
        },
      ),
    );
  }
  const none = rows.find((r) => r.label === "none");
  return rows.map((r) => ({ ...r, callMs: r.cpuMs - (none?.cpuMs ?? 0) }));
}

const COUNTED = [
  "orders",
  "order_lines",
  "order_history",
  "order_references",
  "idempotency_keys",
  "stock_demands",
  "events",
];

async function rowCounts(db) {
  // One row of scalar subqueries: D1 caps the terms of a compound (UNION) SELECT.
  return first(
    db,
    `SELECT ${COUNTED.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(", ")}`,
  );
}

/** Where a poll near the end of history starts, checked with one real request. */
async function pollShape(db, key, tenantId) {
  const { n } = await first(
    db,
    "SELECT COUNT(*) AS n FROM shipments WHERE tenant_id = ?",
    tenantId,
  );
  const { bad } = await first(
    db,
    `SELECT COUNT(*) AS bad FROM (
       SELECT updated_at, LAG(updated_at) OVER (ORDER BY change_seq) AS prev FROM shipments)
     WHERE prev >= updated_at`,
  );
  if (bad > 0) throw new Error(`${bad} shipments do not have increasing updated_at`);
  const { since } = await first(
    db,
    `SELECT updated_at AS since FROM shipments WHERE tenant_id = ?
     ORDER BY updated_at DESC, change_seq DESC LIMIT 1 OFFSET ${POLL_LIMIT - 1}`,
    tenantId,
  );
  const page = await expectStatus(
    200,
    "shipments poll",
    api("GET", `/v1/shipments?updated_since=${encodeURIComponent(since)}&limit=${POLL_LIMIT}`, key),
  );
  const sample = page.data[0];
  if (
    page.data.length !== POLL_LIMIT ||
    sample?.parcels.length !== 1 ||
    sample.items.length !== 2
  ) {
    throw new Error(`unexpected poll page: ${JSON.stringify(page).slice(0, 500)}`);
  }
  return { rows: n, since, returned: page.data.length, hasMore: page.pagination.has_more };
}

/** (c) at one table size: the shared-concurrency run for the table, and a solo run. */
async function poll(db, key, tenantId, seed) {
  const began = Date.now();
  await seedShipments(db, seed);
  const shape = await pollShape(db, key, tenantId);
  log(`seeded shipments ${seed.from}..${seed.to} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  const size = shape.rows.toLocaleString("en");
  const url = new URL(
    `/v1/shipments?updated_since=${encodeURIComponent(shape.since)}&limit=${POLL_LIMIT}`,
    base,
  ).href;
  const opts = { url, headers: { authorization: `Bearer ${key}` } };
  const row = await measure(`c@${shape.rows}`, `(c) GET /v1/shipments, ${size} shipments`, opts);
  const solo = await measure(
    `c@${shape.rows} solo`,
    `${size} shipments, 1 connection`,
    { ...opts, connections: 1 },
    { duration: SOLO_DURATION },
  );
  return { ...shape, row, solo };
}

/** (d): HOT_ORDERS one-unit orders at once on a SKU with HOT_STOCK on hand. */
async function hotSku(db, key) {
  const created = [];
  const fired = await fire({
    connections: HOT_ORDERS,
    amount: HOT_ORDERS,
    requests: orderRequests(key, "d", [{ sku: SKU_HOT, quantity: 1 }], (status, body) => {
      if (status === 201) {
        const order = JSON.parse(body);
        created.push({ id: order.id, status: order.status });
      }
    }),
  });
  const row = summarize("d", `(d) ${HOT_ORDERS} concurrent orders, 1 hot SKU`, fired);
  const tally = (statuses) => {
    const out = {};
    for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
    return out;
  };
  const persisted = [];
  for (let i = 0; i < created.length; i += 20) {
    const chunk = created.slice(i, i + 20);
    const orders = await Promise.all(
      chunk.map((o) => expectStatus(200, `order ${o.id}`, api("GET", `/v1/orders/${o.id}`, key))),
    );
    persisted.push(...orders.map((o) => o.status));
  }
  const inv = await expectStatus(
    200,
    "inventory",
    api("GET", `/v1/inventory?sku=${encodeURIComponent(SKU_HOT)}`, key),
  );
  const stock = inv.data[0]?.warehouses.find((w) => w.warehouse_id === WAREHOUSE.id);
  const demands = await all(
    db,
    `SELECT status, COUNT(*) AS orders, SUM(quantity) AS units FROM stock_demands
     WHERE sku = ? GROUP BY status ORDER BY status`,
    SKU_HOT,
  );
  const counts = tally(persisted);
  const allocatedDemand = demands.find((d) => d.status === "allocated");
  const ok =
    created.length === HOT_ORDERS &&
    counts.received === HOT_STOCK &&
    counts.backordered === HOT_ORDERS - HOT_STOCK &&
    stock?.on_hand === HOT_STOCK &&
    stock.allocated === HOT_STOCK &&
    stock.backordered === HOT_ORDERS - HOT_STOCK &&
    stock.available === 0 &&
    allocatedDemand?.units === HOT_STOCK;
  return {
    row,
    ok,
    created: tally(created.map((o) => o.status)),
    persisted: counts,
    inventory: stock ?? null,
    demands,
  };
}

// ---------------------------------------------------------------------------------------
// Report

function machine() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) cpu = line.split(":").slice(1).join(":").trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  const version = (pkg) =>
    JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")).version;
  let revision = "unknown";
  try {
    const git = (...args) => execFileSync("git", args, { encoding: "utf8" }).trim();
    const dirty = git("status", "--porcelain", "--", "src", "migrations", "wrangler.toml");
    revision = `${git("rev-parse", "--short", "HEAD")}${dirty ? " + uncommitted changes in src/" : ""}`;
  } catch {
    // not a git checkout
  }
  const load = (l) => l.map((n) => n.toFixed(2)).join(" / ");
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    wrangler: version("wrangler"),
    miniflare: version("miniflare"),
    workerd: version("workerd"),
    autocannon: version("autocannon"),
    revision,
    loadBefore: load(loadBefore),
    loadAfter: load(os.loadavg()),
  };
}

function fmt(n, digits = 2) {
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

function table(rows, ceiling) {
  const lines = [
    "| scenario | conns | req/s | p50 ms | p99 ms | req/s ÷ (a) | p50 ÷ (a) | p99 ÷ (a) | workerd CPU ms/req | 2xx | failed |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${r.connections} | ${fmt(r.rps, 0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ` +
        `${fmt(r.rps / ceiling.rps, 3)} | ${fmt(r.p50 / ceiling.p50)} | ${fmt(r.p99 / ceiling.p99)} | ` +
        `${fmt(r.cpuMs)} | ${r.ok} | ${r.failed} |`,
    );
  }
  return lines.join("\n");
}

function failures(rows) {
  const bad = rows.filter((r) => r.failed > 0);
  if (bad.length === 0) return "No request failed.";
  return bad
    .map(
      (r) =>
        `- ${r.label}: ${r.non2xx} non-2xx, ${r.errors} errors ${JSON.stringify(r.errorKinds)} ` +
        `(${r.timeouts} timeouts${r.errorAt ? `, at ${r.errorAt} into the run` : ""}); ` +
        `status codes ${JSON.stringify(r.statusCodes)}`,
    )
    .join("\n");
}

function targets({ ceiling, intake, polls, hot }) {
  const verdict = (ok) => (ok ? "**met**" : "**missed**");
  const share = intake.rps / ceiling.rps;
  const solo = polls.large.solo.p50 / polls.small.solo.p50;
  const loaded = polls.large.row.p50 / polls.small.row.p50;
  const cpu = polls.large.row.cpuMs / polls.small.row.cpuMs;
  const small = SHIPMENTS_SMALL.toLocaleString("en");
  const large = SHIPMENTS_LARGE.toLocaleString("en");
  return [
    `- (b) order intake ≥ ${MIN_INTAKE_SHARE * 100}% of (a)'s req/s: ${fmt(share * 100, 1)}% → ${verdict(share >= MIN_INTAKE_SHARE)}`,
    `- (c) poll p50 at ${large} ÷ p50 at ${small} shipments ≤ ${MAX_POLL_GROWTH}, one connection ` +
      `(the poll's own cost): ${fmt(solo)} → ${verdict(solo <= MAX_POLL_GROWTH)}. ` +
      `At ${CONNECTIONS} connections the p50 ratio is ${fmt(loaded)} (mostly queueing on ` +
      `workerd's one thread, so noisy) and the CPU-per-poll ratio is ${fmt(cpu)}.`,
    `- (d) zero oversell (exactly ${HOT_STOCK} allocated, ${HOT_ORDERS - HOT_STOCK} backordered): ${verdict(hot.ok)}`,
  ].join("\n");
}

const PROFILE = `### What one \`POST /v1/orders\` does (read from src/, per request)

In order, with the round trips each step makes (2 lines → 2 stock objects):

1. **Auth** (\`http/auth.ts\`): SHA-256 of the key, then **KV get** \`apikey:<hash>\` (cached a
   minute; a miss adds a **D1** select + **KV put**), then a **RateLimiter DO RPC** \`take()\`
   (one object per key, a synchronous storage.kv put inside).
2. **Body**: \`jsonBody\` reads and \`JSON.parse\`s the body; the zod validator parses it again.
3. **Handler** (\`orders.handlers.ts\`): SHA-256 of the canonical body; with an Idempotency-Key,
   SHA-256 of the key and a **KV get** \`idem:…\` (always a miss for a new key).
4. **resolveReferences**: one **D1 batch** of 3 selects (warehouse, shipping method, SKUs).
5. **claimOrder**: one **D1 batch** of 5 statements (expire old key, claim reference, claim
   key, read both back).
6. **OrderObject DO RPC** \`create()\` on a **new object per order**: storage.kv put of the
   intent + **setAlarm**; \`load()\` = one **D1 batch** of 3 selects that finds nothing for a
   new order; then per line, in parallel, a **StockObject DO RPC** \`setDemand()\`, each:
   (first call per object only) a **D1 batch** loading the stock row and *every* open demand
   on it, then one **D1 batch** commit (inventory upsert, inventory_skus feed stamp,
   stock_demands upsert, \`inventory.updated\` event built by subqueries); then \`persist()\` =
   one **D1 batch** (order row with feed stamp, lines, history entry with a SHA-256 chain
   hash, \`order.created\` event built with \`json_set\` subqueries, select of the stamps);
   storage.kv delete + **deleteAlarm**.
7. **After the response** (\`waitUntil\`): **KV put** of the idempotency mapping, and the webhook
   relay (\`app.ts\` relayEvents → \`dispatchPending\`): **D1** select of up to 100 undispatched
   events, **D1** select of subscriptions, and a **D1** update marking them dispatched.

Round trips on the response path: 2 KV gets, 4 DO RPCs (rate limiter, new order object,
2 × stock), 6 D1 batches (≈ 24 statements); afterwards 1 KV put and 3 D1 statements. The
two stock objects serialise every order for their SKU, so intake of one SKU is capped near
1 ÷ (stock commit latency) in production.`;

const WHAT_COULD_GO = `### What could go

- **A new Durable Object per order**: creating an object (and its SQLite storage for the
  intent + alarm) is by far the priciest single call in the price list above. The intent could live in the stock or
  a per-tenant object, or the order object could be created only when the order is amended,
  cancelled or shipped.
- **Idempotency KV get on a new key**: the D1 claim already answers replays; the KV read only
  saves work on a retry, and costs a (slow, uncached) KV miss on every first attempt. The
  **KV put** afterwards is the costliest KV call and only serves that read.
- **Webhook relay after every write**: 3 D1 statements in \`waitUntil\` per create, and
  concurrent relays race for the same undispatched rows. Coalesce (one relay in flight per
  isolate), or skip it when the tenant has no subscription.
- **OrderObject \`load()\` on create**: a D1 round trip to learn a brand-new order does not
  exist; the object's own storage (the intent it just wrote) could say so.
- **resolveReferences + claimOrder**: two D1 batches that could be one (the claim guarded by
  \`WHERE EXISTS\` on the references, or the checks folded into the claim batch).
- **Stock commit cost grows with open demands**: \`copy()\` clones the whole demand map and
  \`fill()\` scans and sorts it on every setDemand, so each order on a busy SKU costs
  O(open orders on that SKU) CPU inside the one object that serialises that SKU.
- **\`inventory.updated\` per line**: each stock commit renders the SKU's inventory JSON with
  subqueries into an event (plus the feed stamp's MAX subqueries) even when nobody listens.
- **Rate limiter RPC on every request**: a DO round trip before any work; a per-isolate token
  lease (take N at a time) would cut it to one RPC per N requests.
- **Double JSON parse** of the body (jsonBody, then the validator).`;

function budget(prices, intake) {
  const price = new Map(prices.map((p) => [p.label, p.callMs]));
  let total = 0;
  const lines = CREATE_CALLS.map(([op, count, what]) => {
    const ms = count * (price.get(op) ?? Number.NaN);
    total += ms;
    return `| ${what} | ${count} × ${op} | ${fmt(ms)} |`;
  });
  return [
    "| calls | priced as | workerd CPU ms |",
    "| --- | --- | ---: |",
    ...lines,
    `| **sum of the calls** | | **${fmt(total)}** |`,
    `| measured per create in (b) | | ${fmt(intake.cpuMs)} |`,
    `| rest: the Worker's own JS (routing, zod, drizzle, hashing, rendering) and what the real batches (3–5 statements with subqueries and JSON) cost beyond a one-row insert | | ${fmt(intake.cpuMs - total)} |`,
  ].join("\n");
}

function report({ info, when, rows, ceiling, intake, polls, hot, prices, written }) {
  const small = SHIPMENTS_SMALL.toLocaleString("en");
  const large = SHIPMENTS_LARGE.toLocaleString("en");
  const pollRows = [polls.small, polls.large].map(
    (p) =>
      `| ${p.rows.toLocaleString("en")} | ${p.since} | ${p.returned} | ${p.hasMore} | ` +
      `${fmt(p.solo.p50)} | ${fmt(p.solo.p99)} | ${fmt(p.solo.cpuMs)} |`,
  );
  const priceRows = prices.map(
    (p) => `| ${p.label} | ${fmt(p.rps, 0)} | ${fmt(p.cpuMs)} | ${fmt(p.callMs)} |`,
  );
  return `# Benchmark results

Generated by \`npm run bench\` (bench/run.mjs) on ${when}, at ${info.revision}.

## Machine and method

- nproc: ${info.nproc}; CPU: ${info.cpu}; RAM: ${info.memGiB} GiB; ${info.os}
- Node ${info.node}; wrangler ${info.wrangler}; miniflare ${info.miniflare}; workerd ${info.workerd}; autocannon ${info.autocannon}
- Load average (1 / 5 / 15 min) before: ${info.loadBefore}; after: ${info.loadAfter}. Other
  processes on the machine compete with workerd and autocannon for the ${info.nproc} cores.
- Bundles from \`wrangler deploy --dry-run\`, served by one workerd through Miniflare's Node
  API (API, ceiling and primitives workers; no dev proxy; request log off; in-memory D1, KV
  and Durable Object storage). autocannon runs in the same Node process, over 127.0.0.1,
  ${DURATION} s per scenario after a ${WARMUP} s warm-up on the same connections, each started
  once workerd is idle; (d) is one burst.
- Latencies are of 2xx responses, in ms, from autocannon's per-response timings (unrounded).
  "workerd CPU ms/req" is workerd's CPU time during the run ÷ responses. Workerd runs every
  isolate (the Worker, its Durable Objects and Miniflare's D1/KV simulators) on one thread,
  so ~1000 ÷ that number is the most a scenario can do here, whatever the concurrency.

## Results

${table(rows, ceiling)}

${failures([...rows, polls.small.solo, polls.large.solo, ...prices])}

## Targets

${targets({ ceiling, intake, polls, hot })}

### (c) poll details

Shipments were inserted straight into D1 (recursive-CTE INSERT … SELECT, one parcel and two
items each, strictly increasing \`updated_at\`/\`change_seq\`, synthetic order ids: the list
reads only shipments, parcels and items). Each poll was
\`GET /v1/shipments?updated_since=<updated_at of the ${POLL_LIMIT}th newest>&limit=${POLL_LIMIT}\`.
The last three columns are the same poll from one connection for ${fmt(SOLO_DURATION, 0)} s.

| shipments in table | updated_since | rows returned | has_more | p50 ms, 1 conn | p99 ms, 1 conn | workerd CPU ms/req |
| ---: | --- | ---: | --- | ---: | ---: | ---: |
${pollRows.join("\n")}

### (d) hot SKU details

${HOT_ORDERS} connections, one one-unit order each, all at once, on a SKU with ${HOT_STOCK} on hand.

- Responses: ${JSON.stringify(hot.row.statusCodes)}; statuses in the create responses: ${JSON.stringify(hot.created)}
- Statuses read back with GET /v1/orders/{id}: ${JSON.stringify(hot.persisted)}
- GET /v1/inventory?sku=${SKU_HOT}: ${JSON.stringify(hot.inventory)}
- stock_demands rows for the SKU: ${JSON.stringify(hot.demands)}
- The burst took ${fmt(hot.row.seconds)} s → ${fmt(hot.row.rps, 0)} orders/s

## Build

The project's own \`wrangler deploy --dry-run\` bundle, unchanged.

## Profile of (b)

${PROFILE}

### What each kind of call costs here

One call per request from bench/primitives.ts, ${PRIMITIVE_DURATION} s each at ${CONNECTIONS}
connections; "per call" subtracts the \`none\` route. These are the local simulators' costs
on workerd's one thread, not production latencies (there D1 and KV are remote and cost
wall time, not this isolate's CPU), but they rank what the Worker asks for.

| call | req/s | workerd CPU ms/req | per call |
| --- | ---: | ---: | ---: |
${priceRows.join("\n")}

### One create, priced

${budget(prices, intake)}

### Rows written per create, measured in this run

${written}

${WHAT_COULD_GO}

(${small} and ${large} refer to the shipments seeded for (c).)
`;
}

function writtenRows(before, after, statuses) {
  const created = after.orders - before.orders;
  const lines = COUNTED.map((t) => {
    const n = after[t] - before[t];
    return `| ${t} | ${n} | ${fmt(n / created)} |`;
  });
  return [
    `${created} orders were created during (b) (warm-up included); their statuses: ` +
      `${JSON.stringify(Object.fromEntries(statuses.map((s) => [s.status, s.n])))}.`,
    "",
    "| table | rows added | per order |",
    "| --- | ---: | ---: |",
    ...lines,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------
// Main

async function main() {
  // Bindings, DO classes (SQLite-backed), queues and compat settings, from wrangler.toml.
  const { workerOptions, main: apiMain } = unstable_getMiniflareWorkerOptions("wrangler.toml", "");
  const compat = {
    compatibilityDate: workerOptions.compatibilityDate,
    compatibilityFlags: workerOptions.compatibilityFlags ?? [],
  };
  log("building with wrangler deploy --dry-run");
  const build = buildApi(`${BUILD}/api`, apiMain);
  const ceilingBuild = buildHelper("ceiling", "bench/ceiling.ts", compat);
  const primitivesBuild = buildHelper("primitives", "bench/primitives.ts", compat, {
    durable_objects: { bindings: [{ name: "PROBE", class_name: "Probe" }] },
    migrations: [{ tag: "v1", new_sqlite_classes: ["Probe"] }],
  });

  const adminToken = randomBytes(24).toString("hex");
  const mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    cf: false,
    logRequests: false,
    workers: [
      {
        ...workerOptions,
        name: "api",
        modules: true,
        modulesRoot: build.dir,
        scriptPath: build.entry,
        bindings: {
          ...workerOptions.bindings,
          ENVIRONMENT: "development",
          ADMIN_TOKEN: adminToken,
        },
      },
      {
        ...compat,
        name: "ceiling",
        modules: true,
        modulesRoot: ceilingBuild.dir,
        scriptPath: ceilingBuild.entry,
        routes: ["*/ceiling"],
      },
      {
        ...compat,
        name: "primitives",
        modules: true,
        modulesRoot: primitivesBuild.dir,
        scriptPath: primitivesBuild.entry,
        routes: ["*/p/*"],
        d1Databases: { DB: "bench-primitives-db" },
        kvNamespaces: { KV: "bench-primitives-kv" },
        durableObjects: { PROBE: { className: "Probe", useSQLite: true } },
      },
    ],
  });
  const stop = () => {
    mf.dispose().finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  try {
    base = await mf.ready;
    log(`serving at ${base.href}`);
    const db = await mf.getD1Database("DB", "api");
    const applied = await migrate(db);
    log(`applied ${applied.length} migrations`);

    // Tenant, bench key without a practical rate limit, products and stock.
    await expectStatus(
      201,
      "warehouse",
      api("POST", "/admin/v1/warehouses", adminToken, WAREHOUSE),
    );
    const tenant = await expectStatus(
      201,
      "tenant",
      api("POST", "/admin/v1/tenants", adminToken, { name: "Bench Merchant" }),
    );
    const { key } = await expectStatus(
      201,
      "bench key",
      api("POST", `/admin/v1/tenants/${tenant.id}/api-keys`, adminToken, {
        name: "bench",
        rate_limit_per_minute: 1_000_000,
      }),
    );
    for (const [sku, units] of [
      [SKU_A, 1_000_000],
      [SKU_B, 1_000_000],
      [SKU_HOT, HOT_STOCK],
    ]) {
      await expectStatus(
        201,
        `product ${sku}`,
        api("POST", "/v1/products", key, { sku, name: sku }),
      );
      await expectStatus(
        201,
        `stock ${sku}`,
        api("POST", "/v1/ops/inventory-adjustments", key, {
          sku,
          warehouse_id: WAREHOUSE.id,
          quantity_delta: units,
          reason: "found",
        }),
      );
    }
    log(`seeded tenant ${tenant.id}`);

    // (a) first; (c) before (b), so the polls do not pay for the aftermath of (b)'s writes
    // (hundreds of fresh order objects, relays) and 10k and 100k share their conditions.
    const ceiling = await measure("a", "(a) ceiling: Hono `{}`", {
      url: new URL("/ceiling", base).href,
    });
    const prices = await pricePrimitives();

    const { seq } = await first(db, "SELECT COALESCE(MAX(change_seq), 0) AS seq FROM shipments");
    const seed = {
      tenantId: tenant.id,
      startMs: Date.now() - 3_600_000 - (SHIPMENTS_LARGE + 1) * 1000,
      seqBase: seq,
    };
    const polls = {
      small: await poll(db, key, tenant.id, { ...seed, from: 1, to: SHIPMENTS_SMALL }),
      large: await poll(db, key, tenant.id, {
        ...seed,
        from: SHIPMENTS_SMALL + 1,
        to: SHIPMENTS_LARGE,
      }),
    };

    const before = await rowCounts(db);
    const twoLines = [
      { sku: SKU_A, quantity: 1 },
      { sku: SKU_B, quantity: 2 },
    ];
    const intake = await measure("b", "(b) POST /v1/orders, 2 lines", {
      requests: orderRequests(key, "b", twoLines),
    });
    const statuses = await all(
      db,
      "SELECT status, COUNT(*) AS n FROM orders WHERE reference LIKE 'b-%' GROUP BY status",
    );
    const written = writtenRows(before, await rowCounts(db), statuses);

    const hot = await hotSku(db, key);
    log(`d: ${JSON.stringify(hot.persisted)}; inventory ${JSON.stringify(hot.inventory)}`);

    const rows = [ceiling, intake, polls.small.row, polls.large.row, hot.row];
    const md = report({
      info: machine(),
      when: new Date().toISOString(),
      rows,
      ceiling,
      intake,
      polls,
      hot,
      prices,
      written,
    });
    writeFileSync(RESULTS, md);
    console.log(`\n${table(rows, ceiling)}\n\n${targets({ ceiling, intake, polls, hot })}`);
    console.log(`\nwrote ${RESULTS}`);
    return hot.ok;
  } finally {
    await mf.dispose();
  }
}

main().then(
  (ok) => {
    if (!ok) {
      console.error("[bench] (d) found oversell or lost orders; see bench/results.md");
      process.exitCode = 1;
    }
  },
  (err) => {
    console.error(`[bench] failed: ${err?.stack ?? err}`);
    process.exitCode = 1;
  },
);
