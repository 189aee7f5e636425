// One function per scenario. Each takes the run's context ({ client, db, databaseOf, base, merchant,
// adminToken }) and returns what it measured; none writes the report.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import {
  cpuWindow,
  describe,
  fire,
  inTurns,
  knobs,
  log,
  mean,
  meanTiming,
  median,
  medianTiming,
  percentile,
  pool,
  settle,
  tally,
  workerdCpuSeconds,
} from "./harness.mjs";
import {
  CREATE_SKUS,
  CREATE_STOCK,
  catalogInD1,
  orderBody,
  products,
  SEED,
  shipments,
  stock,
  stockVersion,
  tenant,
  WAREHOUSE,
  waitingDemands,
} from "./seed.mjs";

export const WAITING_SKU_SMALL = "BENCH-WAIT-SMALL";
export const WAITING_SKU_LARGE = "BENCH-WAIT-LARGE";
export const bigSkus = () =>
  Array.from({ length: knobs.bigLines }, (_, i) => `BENCH-L-${String(i + 1).padStart(4, "0")}`);
const POLL_LIMIT = 100;

let references = 0;
/** A reference (and Idempotency-Key) no other request of this run uses. */
const nextReference = (prefix) => `${prefix}-${++references}`;

/** POST /v1/orders for autocannon: a new reference and Idempotency-Key on every request. */
function orderRequests(key, prefix, items) {
  return [
    {
      method: "POST",
      path: "/v1/orders",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      setupRequest: (req) => {
        const reference = nextReference(prefix);
        return {
          ...req,
          headers: { ...req.headers, "idempotency-key": `idem-${reference}` },
          body: JSON.stringify(orderBody(reference, items)),
        };
      },
    },
  ];
}

/** One create through the client, with its own reference and Idempotency-Key. */
const createOrder = (client, key, prefix, items) => {
  const reference = nextReference(prefix);
  return client.expect(201, "POST", "/v1/orders", key, orderBody(reference, items), {
    "idempotency-key": `idem-${reference}`,
  });
};

/** One fresh SKU per hot burst, each with `knobs.hotStock` on hand. */
export const hotSkus = () => Array.from({ length: knobs.rounds }, (_, i) => `BENCH-HOT-${i + 1}`);

/**
 * Everything the scenarios need that the API would be slow to build: the bench tenant's
 * catalog (the seed's products through the API, with stock for the two-line create),
 * the hot SKUs, the big order's SKUs and the two SKUs with waiting orders (in D1).
 */
export async function prepare({ client, db, merchant }) {
  const { key, id } = merchant;
  await products(client, key);
  for (const sku of CREATE_SKUS) await stock(client, key, sku, CREATE_STOCK);
  for (const sku of hotSkus()) {
    await products(client, key, [{ sku, name: `Bench hot SKU ${sku}` }]);
    await stock(client, key, sku, knobs.hotStock);
  }
  await catalogInD1(db, id, bigSkus(), { onHand: CREATE_STOCK });
  for (const [sku, waiting] of [
    [WAITING_SKU_SMALL, knobs.waitingSmall],
    [WAITING_SKU_LARGE, knobs.waitingLarge],
  ]) {
    await catalogInD1(db, id, [sku], { onHand: 0, backordered: waiting });
    await waitingDemands(db, id, sku, waiting);
  }
}

/** One window of the `{}` route on the same runtime: what every ratio divides by. */
const ceilingWindow = (base) => () =>
  fire({
    url: new URL("/ceiling", base).href,
    duration: knobs.duration / knobs.rounds,
    skip: knobs.warmup,
  });

/**
 * POST /v1/orders with two lines and unique keys at `knobs.connections`, taking turns
 * with the ceiling; then `knobs.soloCreates` more, one at a time, for the uncontended cost.
 */
export async function creates({ base, client, db, merchant }) {
  const before = await db.prepare("SELECT COUNT(*) AS n FROM orders").first();
  const twoLines = CREATE_SKUS.map((sku, i) => ({ sku, quantity: i + 1 }));
  const [ceilings, windows] = await inTurns([
    ceilingWindow(base),
    () =>
      fire({
        url: base.href,
        requests: orderRequests(merchant.key, "create", twoLines),
        duration: knobs.duration / knobs.rounds,
        skip: knobs.warmup,
      }),
  ]);
  const ceiling = describe("ceiling (with creates)", pool(ceilings));
  const row = describe("create", pool(windows));
  const statuses = await db
    .prepare(
      "SELECT status, COUNT(*) AS n FROM orders WHERE reference LIKE 'create-%' GROUP BY status",
    )
    .all();
  const after = await db.prepare("SELECT COUNT(*) AS n FROM orders").first();
  await settle();
  const solo = [];
  const cpu = cpuWindow();
  for (let i = 0; i < knobs.soloCreates; i++) {
    const res = await createOrder(client, merchant.key, "solo", twoLines);
    solo.push({ ...res.timing, clientMs: res.ms });
  }
  const soloCpu = cpu();
  return {
    ceiling,
    row,
    ratio: row.rps / ceiling.rps,
    timing: meanTiming(row.timings),
    medianTiming: medianTiming(row.timings),
    timed: row.timings.length,
    ordersWritten: after.n - before.n,
    statuses: Object.fromEntries(statuses.results.map((s) => [s.status, s.n])),
    solo: {
      count: solo.length,
      timing: medianTiming(solo),
      clientMs: median(solo.map((x) => x.clientMs)),
      cpuMs: (soloCpu.workerdSeconds * 1000) / solo.length,
      sysMs: (soloCpu.workerdSysSeconds * 1000) / solo.length,
    },
  };
}

/** What one burst left behind on its SKU, read back through the API and D1. */
async function checkBurst({ client, db, merchant }, burst) {
  const { key, id } = merchant;
  const created = burst.row.bodies.map((b) => JSON.parse(b));
  const persisted = [];
  for (let i = 0; i < created.length; i += 20) {
    const chunk = await Promise.all(
      created.slice(i, i + 20).map((o) => client.expect(200, "GET", `/v1/orders/${o.id}`, key)),
    );
    persisted.push(...chunk.map((r) => r.body.status));
  }
  const { body: inv } = await client.expect(
    200,
    "GET",
    `/v1/inventory?sku=${encodeURIComponent(burst.sku)}`,
    key,
  );
  const levels = inv.data[0]?.warehouses.find((w) => w.warehouse_id === WAREHOUSE) ?? null;
  const demands = (
    await db
      .prepare(
        `SELECT status, COUNT(*) AS orders, SUM(quantity) AS units FROM stock_demands
         WHERE tenant_id = ? AND sku = ? GROUP BY status ORDER BY status`,
      )
      .bind(id, burst.sku)
      .all()
  ).results;
  const persistedCounts = tally(persisted);
  const received = persistedCounts.received ?? 0;
  const allocatedDemands = demands.find((d) => d.status === "allocated")?.units ?? 0;
  // Units promised beyond the shelf: by the inventory, by its demands, or by the orders.
  const oversold = Math.max(
    0,
    (levels?.allocated ?? Number.NaN) - (levels?.on_hand ?? Number.NaN),
    allocatedDemands - knobs.hotStock,
    received - knobs.hotStock,
  );
  const commits = burst.versionAfter - burst.versionBefore;
  log(
    `hot ${burst.sku}: ${(burst.row.ok / burst.row.seconds).toFixed(1)} orders/s, ${commits} commits, ` +
      `orders ${JSON.stringify(persistedCounts)}, inventory ${JSON.stringify(levels)}`,
  );
  return {
    sku: burst.sku,
    row: burst.row,
    ordersPerS: burst.row.ok / burst.row.seconds,
    created: tally(created.map((o) => o.status)),
    persisted: persistedCounts,
    complete: burst.row.ok === knobs.hotOrders && persisted.length === knobs.hotOrders,
    levels,
    demands,
    oversold: Number.isFinite(oversold) ? oversold : Number.NaN,
    versionBefore: burst.versionBefore,
    versionAfter: burst.versionAfter,
    commits,
  };
}

/**
 * `knobs.hotOrders` one-unit orders at once, one per connection, on a SKU with
 * `knobs.hotStock` on hand: one burst per round on a fresh SKU, taking turns with the
 * ceiling; then every order and each SKU's inventory read back.
 */
export async function hotSku(ctx) {
  const { base, db, merchant } = ctx;
  const skus = hotSkus();
  const raw = [];
  const [ceilings] = await inTurns([
    ceilingWindow(base),
    async () => {
      const sku = skus[raw.length];
      const versionBefore = await stockVersion(db, merchant.id, sku);
      const row = await fire({
        url: base.href,
        connections: knobs.hotOrders,
        amount: knobs.hotOrders,
        keepBodies: true,
        requests: orderRequests(merchant.key, "hot", [{ sku, quantity: 1 }]),
      });
      const versionAfter = await stockVersion(db, merchant.id, sku);
      raw.push({ sku, row, versionBefore, versionAfter });
      return row;
    },
  ]);
  const ceiling = describe("ceiling (with hot bursts)", pool(ceilings));
  const bursts = [];
  for (const burst of raw) bursts.push(await checkBurst(ctx, burst));
  const row = pool(bursts.map((b) => b.row));
  const orders = bursts.length * knobs.hotOrders;
  const commits = bursts.reduce((n, b) => n + b.commits, 0);
  return {
    ceiling,
    row,
    bursts,
    ordersPerS: row.ok / row.seconds,
    ratio: row.ok / row.seconds / ceiling.rps,
    timing: meanTiming(row.timings),
    complete: bursts.every((b) => b.complete),
    oversold: bursts.reduce((n, b) => n + b.oversold, 0),
    commits,
    commitsPerOrder: commits / orders,
  };
}

/**
 * The cost of one new demand on a SKU with `knobs.waitingLarge` orders waiting vs one
 * with `knobs.waitingSmall`, both with nothing on hand. One order first wakes each stock
 * object (its one-time load of the waiting lines is not timed); then one-unit orders
 * alternate between the two SKUs, one at a time, each timed on its own.
 */
export async function demandCost({ client, db, merchant }) {
  const { key, id } = merchant;
  const skus = [
    { sku: WAITING_SKU_SMALL, waiting: knobs.waitingSmall },
    { sku: WAITING_SKU_LARGE, waiting: knobs.waitingLarge },
  ];
  const one = (sku) => createOrder(client, key, "demand", [{ sku, quantity: 1 }]);
  for (const s of skus) {
    s.wake = await one(s.sku);
    s.samples = [];
  }
  await settle();
  for (let i = 0; i < knobs.demandOrders; i++) {
    // Alternate which goes first, so neither always follows the other.
    const order = i % 2 === 0 ? skus : [...skus].reverse();
    for (const s of order) {
      const cpu = workerdCpuSeconds();
      const res = await one(s.sku);
      s.samples.push({
        ...res.timing,
        clientMs: res.ms,
        cpuMs: (workerdCpuSeconds() - cpu) * 1000,
      });
    }
  }
  for (const s of skus) {
    const row = await db
      .prepare(
        `SELECT COUNT(*) AS n, SUM(status = 'backordered') AS waiting FROM stock_demands
         WHERE tenant_id = ? AND sku = ?`,
      )
      .bind(id, s.sku)
      .first();
    s.demandsAfter = row;
    s.statuses = tally(
      (
        await db
          .prepare(
            `SELECT o.status FROM orders o JOIN order_lines l ON l.order_id = o.id
             WHERE o.tenant_id = ? AND l.sku = ?`,
          )
          .bind(id, s.sku)
          .all()
      ).results.map((r) => r.status),
    );
    s.median = {
      doMs: median(s.samples.map((x) => x.doMs)),
      totalMs: median(s.samples.map((x) => x.totalMs)),
      clientMs: median(s.samples.map((x) => x.clientMs)),
      d1DbMs: median(s.samples.map((x) => x.d1DbMs)),
      d1Statements: median(s.samples.map((x) => x.d1Statements)),
    };
    s.cpuMs = mean(s.samples.map((x) => x.cpuMs));
    log(
      `demand on ${s.sku} (${s.waiting} waiting): do p50 ${s.median.doMs} ms, total p50 ${s.median.totalMs} ms, ` +
        `workerd ${s.cpuMs.toFixed(2)} ms CPU/order; wake order do ${s.wake.timing.doMs} ms, ` +
        `${s.wake.timing.d1Statements} statements`,
    );
  }
  const [small, large] = skus;
  return {
    small,
    large,
    figure: "Server-Timing do",
    ratio: large.median.doMs / small.median.doMs,
    totalRatio: large.median.totalMs / small.median.totalMs,
    cpuRatio: large.cpuMs / small.cpuMs,
  };
}

/**
 * D1 rows read by a one-line create for a tenant with `knobs.wideSkus` stocked SKUs (seeded
 * in D1), from each response's `Server-Timing` `d1-rows-read` (D1's `meta.rows_read`, the
 * Durable Objects' statements included). `knobs.wideCreates` creates each on a SKU no order
 * named before (its stock object wakes and loads its row) and as many on one SKU again;
 * the figure is the larger of the two medians, so it holds for either.
 */
export async function wideCatalog({ client, databaseOf, adminToken }) {
  const shop = await tenant(client, adminToken, "Bench Wide Catalog");
  const db = await databaseOf(shop.shard);
  const skus = Array.from(
    { length: knobs.wideSkus },
    (_, i) => `BENCH-W-${String(i + 1).padStart(5, "0")}`,
  );
  await catalogInD1(db, shop.id, skus, { onHand: CREATE_STOCK });
  await settle();
  const fresh = [];
  const again = [];
  const step = Math.max(1, Math.floor(skus.length / knobs.wideCreates));
  for (let i = 0; i < knobs.wideCreates; i++) {
    const res = await createOrder(client, shop.key, "wide", [
      { sku: skus[(i * step + step - 1) % skus.length], quantity: 1 },
    ]);
    fresh.push(res.timing);
  }
  for (let i = 0; i < knobs.wideCreates; i++) {
    const res = await createOrder(client, shop.key, "wide", [{ sku: skus[step - 1], quantity: 1 }]);
    again.push(res.timing);
  }
  const rows = (list) => median(list.map((t) => t.d1RowsRead));
  const result = {
    skus: skus.length,
    fresh: {
      rowsRead: rows(fresh),
      all: fresh.map((t) => t.d1RowsRead),
      timing: medianTiming(fresh),
    },
    again: {
      rowsRead: rows(again),
      all: again.map((t) => t.d1RowsRead),
      timing: medianTiming(again),
    },
  };
  result.rowsRead = Math.max(result.fresh.rowsRead, result.again.rowsRead);
  log(
    `1-line create at ${skus.length} stocked SKUs: rows read ${result.fresh.all.join(", ")} (SKUs not ordered before), ` +
      `${result.again.all.join(", ")} (one SKU again)`,
  );
  return result;
}

/**
 * One create with `knobs.bigLines` lines, one unit of each seeded SKU. The first wakes
 * every stock object it touches and is reported on its own; the next `knobs.bigOrders`
 * are timed and their median is the figure. Then `knobs.bigAmends` amends of the last one,
 * each changing every line's quantity (2, then 1, …): D1 rows read per create and per amend
 * are the medians of their `Server-Timing` `d1-rows-read`.
 */
export async function bigOrder({ client, merchant }) {
  const items = bigSkus().map((sku) => ({ sku, quantity: 1 }));
  await settle();
  const first = await createOrder(client, merchant.key, "big", items);
  if (first.body.items?.length !== items.length) {
    throw new Error(`big order came back with ${first.body.items?.length} lines`);
  }
  const runs = [];
  for (let i = 0; i < knobs.bigOrders; i++) {
    await settle();
    runs.push(await createOrder(client, merchant.key, "big", items));
  }
  const ms = median(runs.map((r) => r.ms));
  log(
    `${items.length}-line create: first ${first.ms.toFixed(0)} ms, then median ${ms.toFixed(0)} ms ` +
      `(${runs.map((r) => r.ms.toFixed(0)).join(", ")}); rows read ${[first, ...runs].map((r) => r.timing.d1RowsRead).join(", ")}`,
  );
  const order = (runs.at(-1) ?? first).body;
  const amends = [];
  for (let i = 0; i < knobs.bigAmends; i++) {
    await settle();
    const quantity = i % 2 === 0 ? 2 : 1;
    const res = await client.expect(200, "PATCH", `/v1/orders/${order.id}`, merchant.key, {
      items: items.map(({ sku }) => ({ sku, quantity })),
    });
    if (res.body.items?.some((l) => l.quantity !== quantity)) {
      throw new Error(`the amend to ${quantity} of every line came back otherwise`);
    }
    amends.push(res);
  }
  const amendMs = median(amends.map((r) => r.ms));
  log(
    `${items.length}-line amend: ${amends.map((r) => `${r.ms.toFixed(0)} ms, ${r.timing.d1RowsRead} rows read, ${r.timing.d1Calls} D1 calls`).join("; ")}`,
  );
  return {
    lines: items.length,
    first: { ms: first.ms, timing: first.timing, status: first.body.status },
    runs: runs.map((r) => ({ ms: r.ms, timing: r.timing, status: r.body.status })),
    ms,
    rowsRead: median(runs.map((r) => r.timing.d1RowsRead)),
    d1Calls: median(runs.map((r) => r.timing.d1Calls)),
    amends: amends.map((r) => ({ ms: r.ms, timing: r.timing, status: r.body.status })),
    amendMs,
    amendRowsRead: median(amends.map((r) => r.timing.d1RowsRead)),
    amendD1Calls: median(amends.map((r) => r.timing.d1Calls)),
  };
}

/** Where a poll near the end of a tenant's history starts, checked with one real request. */
async function pollShape({ client }, db, shop) {
  const { n } = await db
    .prepare("SELECT COUNT(*) AS n FROM shipments WHERE tenant_id = ?")
    .bind(shop.id)
    .first();
  const { since } = await db
    .prepare(
      `SELECT updated_at AS since FROM shipments WHERE tenant_id = ?
       ORDER BY updated_at DESC, change_seq DESC LIMIT 1 OFFSET ${POLL_LIMIT - 1}`,
    )
    .bind(shop.id)
    .first();
  const path = `/v1/shipments?updated_since=${encodeURIComponent(since)}&limit=${POLL_LIMIT}`;
  const { body } = await client.expect(200, "GET", path, shop.key);
  const sample = body.data[0];
  if (
    body.data.length !== POLL_LIMIT ||
    sample?.parcels.length !== 1 ||
    sample.items.length !== 2
  ) {
    throw new Error(`unexpected poll page: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return { rows: n, since, path, returned: body.data.length, hasMore: body.pagination.has_more };
}

/**
 * GET /v1/shipments?updated_since=… (the newest 100) from one connection, for a tenant
 * with `knobs.shipmentsSmall` shipments and one with `knobs.shipmentsLarge`, each in the
 * shard it was placed on. The two polls take turns in `knobs.pollRounds` short windows, so
 * whatever else the machine does meanwhile falls on both alike.
 */
export async function polls(ctx) {
  const { base, client, databaseOf, adminToken } = ctx;
  const startMs = Date.now() - 3_600_000 - (knobs.shipmentsLarge + 1) * 1000;
  const sizes = [];
  for (const [label, count] of [
    ["small", knobs.shipmentsSmall],
    ["large", knobs.shipmentsLarge],
  ]) {
    const shop = await tenant(client, adminToken, `Bench Poll ${label}`);
    const began = Date.now();
    const db = await databaseOf(shop.shard);
    await shipments(db, {
      tenantId: shop.id,
      idPrefix: `shp_${label}`,
      from: 1,
      to: count,
      startMs,
    });
    const shape = await pollShape(ctx, db, shop);
    log(`seeded ${count} shipments in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    const opts = {
      url: new URL(shape.path, base).href,
      headers: { authorization: `Bearer ${shop.key}` },
      connections: 1,
    };
    sizes.push({ ...shape, opts, windows: [] });
  }
  // Unmeasured: each poll's first requests.
  for (const size of sizes) await fire({ ...size.opts, duration: 1 });
  const window = knobs.pollDuration / knobs.pollRounds;
  for (let round = 0; round < knobs.pollRounds; round++) {
    for (const size of round % 2 === 0 ? sizes : [...sizes].reverse()) {
      size.windows.push(await fire({ ...size.opts, duration: window }));
    }
  }
  const [small, large] = sizes.map(({ opts: _, windows, ...size }) => {
    const row = describe(`poll@${size.rows}`, pool(windows));
    return { ...size, row, timing: medianTiming(row.timings) };
  });
  return {
    small,
    large,
    ratio: large.row.p50 / small.row.p50,
    cpuRatio: large.row.cpuMs / small.row.cpuMs,
  };
}

/** Standard HMAC check of the guide's `X-Webhook-Signature: t=…,v1=…`. */
function signedBy(secret, headers, body) {
  const parts = String(headers["x-webhook-signature"] ?? "").split(",");
  const t = parts.find((p) => p.startsWith("t="))?.slice(2);
  if (!t || t !== headers["x-webhook-timestamp"]) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return parts
    .filter((p) => p.startsWith("v1="))
    .some((p) => {
      const got = Buffer.from(p.slice(3), "hex");
      return got.length === expected.length && timingSafeEqual(got, expected);
    });
}

/**
 * A receiver on 127.0.0.1 in this process, subscribed to `order.created` by a tenant of
 * its own (so no earlier scenario's events are relayed to it). For each of
 * `knobs.webhookOrders` sequential creates: from the create's response (its body read)
 * to the arrival of that order's delivery, once its signature checks out.
 */
export async function webhooks(ctx) {
  const { client, adminToken } = ctx;
  /** Order id → arrival time, for deliveries that came in before anyone waited. */
  const arrivals = new Map();
  /** Order id → the waiter of the create being timed. */
  const waiters = new Map();
  const seen = { deliveries: 0, unsigned: 0, unmatched: 0 };
  let secret = "";
  const server = createServer((req, res) => {
    const arrivedAt = performance.now();
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      const body = Buffer.concat(chunks).toString("utf8");
      seen.deliveries += 1;
      if (!signedBy(secret, req.headers, body)) {
        seen.unsigned += 1;
        return;
      }
      const event = JSON.parse(body);
      const orderId = event.data?.id;
      if (event.event_type !== "order.created" || !orderId) {
        seen.unmatched += 1;
        return;
      }
      const waiter = waiters.get(orderId);
      if (waiter) waiter(arrivedAt);
      else arrivals.set(orderId, arrivedAt);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const arrivalOf = (orderId) =>
    arrivals.has(orderId)
      ? Promise.resolve(arrivals.get(orderId))
      : new Promise((resolve) => {
          const timer = setTimeout(() => resolve(undefined), 10_000);
          waiters.set(orderId, (at) => {
            clearTimeout(timer);
            resolve(at);
          });
        });
  try {
    const { port } = server.address();
    const shop = await tenant(client, adminToken, "Bench Webhooks");
    const [sku] = CREATE_SKUS;
    await products(client, shop.key, SEED.products.slice(0, 1));
    await stock(client, shop.key, sku, CREATE_STOCK);
    const { body: sub } = await client.expect(201, "POST", "/v1/webhooks", shop.key, {
      url: `http://127.0.0.1:${port}/hooks`,
      events: ["order.created"],
    });
    secret = sub.secret;
    await settle();
    const samples = [];
    let missed = 0;
    for (let i = 0; i < knobs.webhookOrders; i++) {
      const res = await createOrder(client, shop.key, "hook", [{ sku, quantity: 1 }]);
      const arrivedAt = await arrivalOf(res.body.id);
      waiters.delete(res.body.id);
      if (arrivedAt === undefined) missed += 1;
      else samples.push({ ms: arrivedAt - res.at, createMs: res.ms });
    }
    const ms = samples.map((s) => s.ms);
    const result = {
      orders: knobs.webhookOrders,
      matched: samples.length,
      missed,
      ...seen,
      p50: percentile(ms, 0.5),
      p90: percentile(ms, 0.9),
      min: Math.min(...ms),
      max: Math.max(...ms),
      early: ms.filter((x) => x < 0).length,
      createP50: median(samples.map((s) => s.createMs)),
    };
    log(
      `webhooks: p50 ${result.p50.toFixed(1)} ms, p90 ${result.p90.toFixed(1)} ms, ` +
        `${samples.length} matched, ${missed} missed, ${seen.unsigned} unsigned`,
    );
    return result;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
