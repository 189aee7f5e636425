// The capacity model (docs/capacity.md): what one order's life costs one D1 database,
// measured here one request at a time, and what that means for a shard's throughput and
// storage. Measured figures come from this run; the model's assumptions are stated as such.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { log, mean, settle } from "./harness.mjs";
import { dbBytes, expireTransient, orderRequest, shipmentRequest } from "./order-bytes.mjs";
import { CREATE_SKUS, CREATE_STOCK, products, SEED, stock, tenant } from "./seed.mjs";

const ORDERS = Number(process.env.BENCH_CAPACITY_ORDERS ?? 200);
const POLL_LIMIT = 100;
/** D1's documented ceiling for one database. */
const SHARD_BYTES = 10 * 1024 ** 3;
/** Keep each shard's single writer thread at most half busy at the peak. */
const UTILISATION = 0.5;
/** Fill shards to at most this share of their 10 GB, leaving room to grow and to move. */
const FILL = 0.8;
/** Events and webhook deliveries are archived and deleted after this many days. */
const RETENTION_DAYS = 30;
/** D1's documented sizing: a 1 ms average query gives about 1,000 queries/s. */
const PLATFORM_MS_PER_QUERY = 1;
/** D1's documented account limits (Workers Paid): storage, raisable on request, and databases. */
const ACCOUNT_BYTES = 1024 ** 4;
const ACCOUNT_DATABASES = 50_000;
/** Workers' documented ceiling on one script's bindings: each shard is one. */
const WORKER_BINDINGS = 5_000;
/** The ERP's feed walked this many times, so the poll's D1 time is a mean over many pages. */
const POLL_WALKS = 10;

/** The issue's named target. */
export const TARGET = {
  merchants: 300,
  ordersPerMerchantPerDay: 10_000,
  peakFactor: 5,
  pollEverySeconds: 120,
  /** Feeds each merchant polls: shipments and inventory. */
  feeds: 2,
};

/** Round-trip times between regions, from public latency tables: assumptions, not measured. */
const RTT_MS = {
  "Sydney → Oceania (same region)": 10,
  "London → Oceania": 250,
  "New York → Oceania": 200,
};

/** A receiver that answers 200 to every delivery, so webhook rows are part of the measure. */
async function receiver() {
  let deliveries = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      deliveries += 1;
      res.writeHead(200).end("ok");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    count: () => deliveries,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const sumOf = (rows, field) =>
  rows.reduce((n, r) => n + (Number.isFinite(r[field]) ? r[field] : 0), 0);

/** Mean Server-Timing figures of a list of responses. */
function perRequest(responses) {
  const t = responses.map((r) => r.timing);
  return {
    requests: responses.length,
    statements: mean(t.map((x) => x.d1Statements)),
    rounds: mean(t.map((x) => x.d1Rounds)),
    rowsRead: mean(t.map((x) => x.d1RowsRead)),
    rowsWritten: mean(t.map((x) => x.d1RowsWritten)),
    dbMs: sumOf(t, "d1DbMs") / t.length,
    d1WallMs: sumOf(t, "d1Ms") / t.length,
  };
}

/** `ORDERS` creates, then a ship of each, with the database's size read after each phase. */
async function lifecycle(ctx, name, subscribeTo) {
  const { client, databaseOf, adminToken } = ctx;
  const shop = await tenant(client, adminToken, name);
  // One shard's size and work: the tenant's, which holds all its rows.
  const db = await databaseOf(shop.shard);
  await products(client, shop.key, SEED.products.slice(0, 2));
  for (const sku of CREATE_SKUS) await stock(client, shop.key, sku, CREATE_STOCK);
  if (subscribeTo) {
    await client.expect(201, "POST", "/v1/webhooks", shop.key, { url: subscribeTo, events: ["*"] });
  }
  await settle();
  const since = new Date().toISOString();
  const sizes = { start: await dbBytes(db) };
  const spec = (i) => ({
    prefix: shop.id,
    i,
    skus: CREATE_SKUS,
    warehouseId: SEED.warehouses[0].id,
    shippingMethodId: SEED.shipping_methods[0].id,
  });
  const send = (path, { body, idempotencyKey }) =>
    client.expect(201, "POST", path, shop.key, body, { "idempotency-key": idempotencyKey });
  const creates = [];
  for (let i = 0; i < ORDERS; i++) creates.push(await send("/v1/orders", orderRequest(spec(i))));
  await settle();
  sizes.created = await dbBytes(db);
  const ships = [];
  for (const [i, created] of creates.entries()) {
    const request = shipmentRequest({ ...spec(i), orderId: created.body.id });
    ships.push(await send("/v1/ops/shipments", request));
  }
  await settle();
  sizes.shipped = await dbBytes(db);
  const events = await db
    .prepare("SELECT COUNT(*) AS n FROM events WHERE tenant_id = ?")
    .bind(shop.id)
    .first();
  // As retention leaves it once events and deliveries are past their window.
  await expireTransient(db, shop.id);
  sizes.expired = await dbBytes(db);
  return {
    shop,
    since,
    creates,
    ships,
    bytesPerCreate: (sizes.created - sizes.start) / ORDERS,
    bytesPerShip: (sizes.shipped - sizes.created) / ORDERS,
    bytesKept: (sizes.expired - sizes.start) / ORDERS,
    eventsPerOrder: Number(events.n) / ORDERS,
  };
}

/**
 * Two tenants' orders, one request at a time: one tenant without webhooks, one subscribed
 * to every event (so the difference is what deliveries store), then the ERP's poll of
 * the shipments. Sizes are the database's (D1's `meta.size_after`), once work settled,
 * and again once each tenant's events and deliveries are deleted as retention does.
 */
export async function capacity(ctx) {
  const { client } = ctx;
  const hook = await receiver();
  try {
    const plain = await lifecycle(ctx, "Bench Capacity", undefined);
    const hooked = await lifecycle(ctx, "Bench Capacity Webhooks", hook.url);
    const polls = [];
    for (let walk = 0; walk < POLL_WALKS; walk++) {
      let cursor = "";
      do {
        const res = await client.expect(
          200,
          "GET",
          `/v1/shipments?updated_since=${plain.since}&limit=${POLL_LIMIT}${cursor ? `&cursor=${cursor}` : ""}`,
          plain.shop.key,
        );
        polls.push(res);
        cursor = res.body.pagination.has_more ? res.body.pagination.next_cursor : "";
      } while (cursor);
    }
    const perOrder = (x) => x.bytesPerCreate + x.bytesPerShip;
    const result = {
      orders: ORDERS,
      deliveries: hook.count(),
      create: perRequest(plain.creates),
      ship: perRequest(plain.ships),
      poll: { ...perRequest(polls), rowsPerPage: POLL_LIMIT },
      bytes: {
        perCreate: plain.bytesPerCreate,
        perShip: plain.bytesPerShip,
        perOrder: perOrder(plain),
        webhooksPerOrder: perOrder(hooked) - perOrder(plain),
        eventsPerOrder: plain.eventsPerOrder,
        // Issue 19's figures: the tenant with a subscription, everything and what stays.
        allIn: perOrder(hooked),
        kept: hooked.bytesKept,
      },
    };
    log(
      `capacity: ${ORDERS} orders; per create ${result.create.statements.toFixed(1)} statements, ` +
        `${result.create.rowsWritten.toFixed(1)} rows written, ${result.bytes.perCreate.toFixed(0)} B; ` +
        `per ship ${result.ship.rowsWritten.toFixed(1)} rows, ${result.bytes.perShip.toFixed(0)} B; ` +
        `webhooks ${result.bytes.webhooksPerOrder.toFixed(0)} B per order over ${result.deliveries} deliveries`,
    );
    return result;
  } finally {
    await hook.close();
  }
}

/**
 * The model's arithmetic. A poll's D1 time is its measured mean; if every page read under
 * Miniflare's millisecond resolution it is priced at the writes' mean time per statement.
 */
function model(c) {
  const writeStatements = c.create.statements + c.ship.statements;
  const msPerStatement = (c.create.dbMs + c.ship.dbMs) / writeStatements;
  const pollMs = c.poll.dbMs > 0 ? c.poll.dbMs : c.poll.statements * msPerStatement;
  const deliveriesPerOrder = c.deliveries / c.orders;
  // A delivery's own writes (the claim, the attempt row, the outcome) happen in the queue
  // consumer, outside any response's Server-Timing: priced at 3 statements each.
  const deliveryMs = deliveriesPerOrder * 3 * msPerStatement;
  const orderMs = c.create.dbMs + c.ship.dbMs + deliveryMs;
  // Events and deliveries are archived and deleted after the retention window: what that
  // frees is measured, by deleting them.
  const keptBytes = c.bytes.kept;
  const allInBytes = c.bytes.allIn;
  const transientBytes = allInBytes - keptBytes;

  const t = TARGET;
  const ordersPerDay = t.merchants * t.ordersPerMerchantPerDay;
  const peakOrdersPerS = (ordersPerDay / 86_400) * t.peakFactor;
  const pollsPerS = (t.merchants * t.feeds) / t.pollEverySeconds;
  const peakDbMsPerS = peakOrdersPerS * orderMs + pollsPerS * pollMs;
  const shardsForThroughput = Math.ceil(peakDbMsPerS / (1000 * UTILISATION));
  // Cloudflare's own sizing for D1: about 1 ms per query on the platform.
  const statementsPerOrder = c.create.statements + c.ship.statements + deliveriesPerOrder * 3;
  const platformDbMsPerS =
    peakOrdersPerS * statementsPerOrder * PLATFORM_MS_PER_QUERY +
    pollsPerS * c.poll.statements * PLATFORM_MS_PER_QUERY;
  const shardsForPlatformThroughput = Math.ceil(platformDbMsPerS / (1000 * UTILISATION));
  const yearBytes = ordersPerDay * keptBytes * 365 + ordersPerDay * transientBytes * RETENTION_DAYS;
  const shardsForAYear = Math.ceil(yearBytes / (SHARD_BYTES * FILL));
  const dayBytes = ordersPerDay * keptBytes;
  return {
    msPerStatement,
    pollMs,
    deliveriesPerOrder,
    deliveryMs,
    orderMs,
    transientBytes,
    keptBytes,
    allInBytes,
    shardOrdersPerS: (1000 * UTILISATION) / orderMs,
    ordersUntilFullAllIn: SHARD_BYTES / allInBytes,
    ordersUntilFullKept: SHARD_BYTES / keptBytes,
    ordersPerDay,
    peakOrdersPerS,
    pollsPerS,
    peakDbMsPerS,
    shardsForThroughput,
    statementsPerOrder,
    platformDbMsPerS,
    shardsForPlatformThroughput,
    yearBytes,
    shardsForAYear,
    shardsPerDay: dayBytes / (SHARD_BYTES * FILL),
    accountYears: ACCOUNT_BYTES / (dayBytes * 365),
    shards: Math.max(shardsForThroughput, shardsForPlatformThroughput, shardsForAYear),
  };
}

const f = (n, digits = 1) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits }) : "n/a";

export function capacityMarkdown(c, { commit, date, storage }) {
  const m = model(c);
  const row = (name, x) =>
    `| ${name} | ${f(x.statements)} | ${f(x.rounds)} | ${f(x.rowsRead)} | ${f(x.rowsWritten)} | ${f(x.dbMs, 3)} | ${f(x.d1WallMs, 2)} |`;
  return `# Capacity model

Generated by \`npm run bench\` (bench/capacity.mjs) on ${date}, at ${commit}. The measured
figures are this run's; everything else is arithmetic on them, with its assumptions named.
One **shard** is one D1 database: single-threaded for writes, at most 10 GB.

## Measured, per operation

${c.orders} orders each by two tenants, one request at a time: one without webhooks, one
subscribed to every event (${c.deliveries} deliveries, ${f(m.deliveriesPerOrder)} per order). Each create has 2
lines; each ship 1 parcel with both lines; polls read \`GET /v1/shipments\` ${c.poll.rowsPerPage} rows a
page. From each response's \`Server-Timing\` (D1 work inside the Durable Objects included):

| operation | statements | D1 round trips | rows read | rows written | D1 ms (meta.duration) | D1 ms (wall, local) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row("create (2 lines)", c.create)}
${row("ship (1 parcel)", c.ship)}
${row("poll page (100 rows)", c.poll)}

- Bytes stored, from the database's size before and after each phase (\`meta.size_after\`),
  for a tenant without webhooks: **${f(c.bytes.perCreate, 0)} B per create** and
  **${f(c.bytes.perShip, 0)} B per ship** (${f(c.bytes.eventsPerOrder)} events per order among them). A second
  tenant subscribed to every event stores **${f(c.bytes.webhooksPerOrder, 0)} B more per order** in deliveries and
  attempts: **${f(c.bytes.allIn, 0)} B per order all in**. Once its events and deliveries are deleted as
  retention deletes them, **${f(c.bytes.kept, 0)} B per order stay** (the database shrinks: local D1 runs
  SQLite with auto-vacuum). test/api/order-bytes.test.ts measures the same life the same way
  (bench/order-bytes.mjs) and breaks it down by table and index.
- D1 ms is D1's own \`meta.duration\`, which Miniflare reports in whole milliseconds (a
  statement under 1 ms reads 0), so each figure is a mean over many requests: ${c.create.requests}
  creates, ${c.ship.requests} ships and ${c.poll.requests} poll pages (the feed walked ${POLL_WALKS} times). A poll is
  priced below at ${f(m.pollMs, 3)} ms${c.poll.dbMs > 0 ? ", as measured" : ", the writes' mean per statement, as no page reached a millisecond"}.
- Storage was ${storage.fs}; D1 here is Miniflare's local SQLite, whose \`meta.duration\` is
  this machine's time, not the platform's (which adds its own overhead per query).

## One shard

- D1 time per order's life: create ${f(c.create.dbMs, 3)} ms + ship ${f(c.ship.dbMs, 3)} ms +
  ${f(m.deliveriesPerOrder)} deliveries × 3 statements (${f(m.deliveryMs, 3)} ms) =
  **${f(m.orderMs, 3)} ms**.
- At ${UTILISATION * 100} % of the writer thread: **${f(m.shardOrdersPerS, 0)} orders/s per shard**.
- Storage per order: ${f(m.allInBytes, 0)} B all in, of which ${f(m.transientBytes, 0)} B (events and
  webhook deliveries) is archived and deleted after ${RETENTION_DAYS} days, leaving **${f(m.keptBytes, 0)} B kept**
  (order, lines, shipment, history, stock ledger rows, claims until they expire), both measured.
- Storage horizon of one 10 GB shard: **${f(m.ordersUntilFullKept, 0)} orders** kept, or
  ${f(m.ordersUntilFullAllIn, 0)} orders if nothing were ever archived.

## Shards for the target

${TARGET.merchants} merchants × ${f(TARGET.ordersPerMerchantPerDay, 0)} orders a day, a ${TARGET.peakFactor}× peak, each merchant
polling ${TARGET.feeds} feeds every ${TARGET.pollEverySeconds} s, and webhooks for every event:

| figure | value |
| --- | ---: |
| orders a day | ${f(m.ordersPerDay, 0)} |
| orders/s at the peak | ${f(m.peakOrdersPerS)} |
| poll pages/s | ${f(m.pollsPerS)} |
| D1 ms per second at the peak | ${f(m.peakDbMsPerS)} |
| shards for throughput at the measured D1 time (≤ ${UTILISATION * 100} % busy) | ${m.shardsForThroughput} |
| statements per order's life | ${f(m.statementsPerOrder)} |
| D1 ms per second at the peak at ${PLATFORM_MS_PER_QUERY} ms per statement (D1's own sizing rule) | ${f(m.platformDbMsPerS, 0)} |
| shards for throughput at that rule (≤ ${UTILISATION * 100} % busy) | ${m.shardsForPlatformThroughput} |
| bytes kept a year, plus ${RETENTION_DAYS} days of events and deliveries | ${f(m.yearBytes / 1024 ** 3, 0)} GiB |
| shards for a year of data (each ≤ ${FILL * 100} % full) | ${m.shardsForAYear} |
| **shards needed** | **${m.shards}** |

${
  m.shardsForAYear >= Math.max(m.shardsForThroughput, m.shardsForPlatformThroughput)
    ? `Storage, not throughput, decides the count: it grows with every day kept, so shards are added as they fill (new tenants go to the emptiest) and a tenant can be moved (see the runbook in docs/deploying.md). At this volume that is ${f(m.shardsPerDay)} new shards a day.`
    : "Throughput, not storage, decides the count at this size."
}

Against D1's account limits on Workers Paid: ${m.shards} shards is ${f((100 * m.shards) / ACCOUNT_DATABASES)} % of the
${f(ACCOUNT_DATABASES, 0)} databases an account may hold and ${f((100 * m.shards) / WORKER_BINDINGS)} % of the about ${f(WORKER_BINDINGS, 0)} bindings one
Worker may have (each shard is one). The data is the harder limit: an account holds 1 TB of
D1 unless Cloudflare raises it, which this volume fills in ${f(m.accountYears * 365, 0)} days. Keeping a
year of orders at this volume therefore needs that limit raised, or shipped orders moved to
the R2 archive after a window as events already are; this project archives events,
deliveries and idempotency claims, not orders.

## A create's latency budget, database in Oceania

The Worker is smart-placed next to the database and the Durable Objects carry a location
hint for its region, so a create crosses regions once: the caller's request to the
Worker and its answer back. Everything after it stays in the region. Round-trip times
are assumptions from public latency tables, not measured:

| caller | to the edge | edge → Worker (near D1) | in-region work | total |
| --- | ---: | ---: | ---: | ---: |
${Object.entries(RTT_MS)
  .map(
    ([caller, rtt]) =>
      `| ${caller.split(" →")[0]} | ~5 ms | ${rtt} ms (${rtt > 50 ? "crosses regions" : "same region"}) | ${f(c.create.rounds, 0)} D1 round trips + 4 object calls, ~${f(c.create.d1WallMs + 4, 0)} ms | ~${f(5 + rtt + c.create.d1WallMs + 4, 0)} ms |`,
  )
  .join("\n")}

In-region work is this run's D1 wall time per create (${f(c.create.d1WallMs, 2)} ms locally) plus about
a millisecond per Durable Object call; on the platform each D1 round trip inside the region
costs a few milliseconds more.
`;
}

export function writeCapacity(path, md) {
  writeFileSync(path, md);
}
