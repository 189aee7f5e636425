// The capacity model (docs/capacity.md): what one order's life costs one D1 database,
// measured here one request at a time on the production floor path (a tenant key creates,
// a platform key ships, over several shards), and what that means for shards, storage and
// the platform's limits (the arithmetic is bench/capacity-model.mjs). Measured figures come
// from this run; the model's assumptions are stated as such.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { ASSUME, fmtBytes, LIMITS, model } from "./capacity-model.mjs";
import { log, mean, settle } from "./harness.mjs";
import { dbBytes, expireTransient } from "./order-bytes.mjs";
import { CREATE_SKUS, CREATE_STOCK, products, SEED, stock, tenant } from "./seed.mjs";

const ORDERS = Number(process.env.BENCH_CAPACITY_ORDERS ?? 200);
const POLL_LIMIT = 100;
/** The ERP's feed walked this many times, so the poll's D1 time is a mean over many pages. */
const POLL_WALKS = 10;

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

/** Ships whose D1 statements are counted per database, one at a time, once work settled. */
const TRACED_SHIPS = Number(process.env.BENCH_TRACED_SHIPS ?? 5);

/**
 * A platform key, as the warehouse floor holds: issued by the admin, no tenant, scope
 * `warehouse:operate`, so its writes reach a tenant's shard only through the ids they name.
 */
export async function platformKey(client, adminToken) {
  const { body } = await client.expect(201, "POST", "/admin/v1/api-keys", adminToken, {
    name: "bench floor",
    scopes: ["warehouse:operate"],
    rate_limit_per_minute: 1_000_000,
  });
  return body.key;
}

/**
 * The databases a request sent D1 statements to, its waitUntil work (the relay) and the
 * Durable Objects it called included: bench/api-worker.ts's counts per database, read once
 * workerd is idle before and after.
 */
async function databasesTouched(ctx, tenantId, request) {
  // Nothing the tenant's stock rows owe their alarms may land inside the window.
  await ctx.publishStock(tenantId);
  await settle();
  const before = await ctx.statements();
  const res = await request();
  await settle();
  const after = await ctx.statements();
  const touched = Object.keys(after).filter((db) => (after[db] ?? 0) > (before[db] ?? 0));
  return { res, touched, shards: touched.filter((db) => ctx.shards.includes(db)) };
}

/**
 * `ORDERS` creates by the tenant's key on /v1/orders, then a ship of each by the floor's
 * platform key on /v1/ops/shipments (production's path), with the database's size read after
 * each phase; the first `TRACED_SHIPS` ships count the databases they touched.
 */
async function lifecycle(ctx, name, subscribeTo) {
  const { client, databaseOf, adminToken, floorKey, statements } = ctx;
  const shop = await tenant(client, adminToken, name);
  // Each change published alone, as sparse traffic has it (no burst sums several up), and the
  // statements the publications sent to the tenant's shard counted: no response reports them.
  let published = 0;
  const publishStock = async (tenantId) => {
    const before = await statements();
    await ctx.publishStock(tenantId);
    const after = await statements();
    published += (after[shop.shard] ?? 0) - (before[shop.shard] ?? 0);
  };
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
  const creates = [];
  for (let i = 0; i < ORDERS; i++) {
    const reference = `${shop.id}-${i}`;
    creates.push(
      await client.expect(
        201,
        "POST",
        "/v1/orders",
        shop.key,
        {
          order_number: `SO-CAP-${i}`,
          reference,
          warehouse_id: SEED.warehouses[0].id,
          shipping_method_id: SEED.shipping_methods[0].id,
          ship_to: {
            name: "A",
            address1: "1 St",
            city: "Sydney",
            state: "NSW",
            postcode: "2000",
            country: "AU",
          },
          items: CREATE_SKUS.map((sku) => ({ sku, quantity: 1 })),
        },
        { "idempotency-key": `cap-${reference}` },
      ),
    );
    await publishStock(shop.id);
  }
  await settle();
  sizes.created = await dbBytes(db);
  const ships = [];
  const traced = [];
  for (const [i, created] of creates.entries()) {
    const ship = () =>
      client.expect(
        201,
        "POST",
        "/v1/ops/shipments",
        floorKey,
        {
          order_id: created.body.id,
          parcels: [
            {
              tracking_number: `CAP${String(i).padStart(9, "0")}AU`,
              carrier: "auspost",
              service: "Express Post",
            },
          ],
          items: CREATE_SKUS.map((sku) => ({ sku, quantity: 1 })),
        },
        { "idempotency-key": `cap-ship-${shop.id}-${i}` },
      );
    if (i < TRACED_SHIPS) {
      const t = await databasesTouched(ctx, shop.id, ship);
      traced.push({ touched: t.touched, shards: t.shards });
      ships.push(t.res);
    } else {
      ships.push(await ship());
    }
    await publishStock(shop.id);
  }
  await settle();
  sizes.shipped = await dbBytes(db);
  const events = await db
    .prepare("SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM events WHERE tenant_id = ?")
    .bind(shop.id)
    .first();
  // What stays once retention has taken the events and deliveries: the database shrinks
  // (local D1 runs SQLite with auto-vacuum), so this is measured, not estimated.
  await expireTransient(db, shop.id);
  sizes.expired = await dbBytes(db);
  return {
    shop,
    since,
    creates,
    ships,
    traced,
    bytesPerCreate: (sizes.created - sizes.start) / ORDERS,
    bytesPerShip: (sizes.shipped - sizes.created) / ORDERS,
    bytesKept: (sizes.expired - sizes.start) / ORDERS,
    eventsPerOrder: Number(events.n) / ORDERS,
    publishStatementsPerOrder: published / ORDERS,
    eventDataBytesPerOrder: Number(events.bytes) / ORDERS,
  };
}

/**
 * Two tenants' orders, one request at a time: one tenant without webhooks, one subscribed
 * to every event (so the difference is what deliveries store), then the ERP's poll of
 * the shipments. Sizes are the database's (D1's `meta.size_after`), once work settled.
 */
export async function capacity(ctx) {
  const { client, adminToken } = ctx;
  const hook = await receiver();
  try {
    const floor = { ...ctx, floorKey: await platformKey(client, adminToken) };
    const plain = await lifecycle(floor, "Bench Capacity", undefined);
    const hooked = await lifecycle(floor, "Bench Capacity Webhooks", hook.url);
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
    const traced = [...plain.traced, ...hooked.traced];
    const result = {
      orders: ORDERS,
      shards: ctx.shards,
      floor: {
        ships: traced.length,
        /** The most shard databases any traced platform-key ship touched. */
        shardsTouched: traced.length ? Math.max(...traced.map((t) => t.shards.length)) : Number.NaN,
        touched: traced.map((t) => t.touched),
        tenants: [plain.shop.shard, hooked.shop.shard],
      },
      deliveries: hook.count(),
      create: perRequest(plain.creates),
      ship: perRequest(plain.ships),
      publish: { statements: plain.publishStatementsPerOrder },
      poll: { ...perRequest(polls), rowsPerPage: POLL_LIMIT },
      bytes: {
        perCreate: plain.bytesPerCreate,
        perShip: plain.bytesPerShip,
        perOrder: perOrder(plain),
        webhooksPerOrder: perOrder(hooked) - perOrder(plain),
        eventsPerOrder: plain.eventsPerOrder,
        eventDataPerOrder: plain.eventDataBytesPerOrder,
        /** The webhook tenant's order: every row of its life, and what stays after retention. */
        allIn: perOrder(hooked),
        kept: hooked.bytesKept,
      },
    };
    log(
      `capacity: ${ORDERS} orders; per create ${result.create.statements.toFixed(1)} statements, ` +
        `${result.create.rowsWritten.toFixed(1)} rows written, ${result.bytes.perCreate.toFixed(0)} B; ` +
        `per ship ${result.ship.rowsWritten.toFixed(1)} rows, ${result.bytes.perShip.toFixed(0)} B; ` +
        `webhooks ${result.bytes.webhooksPerOrder.toFixed(0)} B per order over ${result.deliveries} deliveries; ` +
        `platform-key ships touched ${JSON.stringify(result.floor.touched)} (tenants on ${result.floor.tenants.join(", ")})`,
    );
    return result;
  } finally {
    await hook.close();
  }
}

const f = (n, digits = 1) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits }) : "n/a";
const pct = (x) => `${f(100 * x, 0)} %`;
const hotDays = (d) =>
  d > 0 ? f(Math.floor(d), 0) : "none (events and deliveries alone are over)";
const days = (d) => (Number.isFinite(d) ? `${f(d, 0)} days` : "never (it levels off below)");

/** docs/capacity.md from one run's measurement `c` (see `capacity`). */
export function capacityMarkdown(c, { commit, date, storage }) {
  const m = model(c);
  const a = ASSUME;
  const [target, ...tenfold] = m.scenarios;
  const row = (name, x) =>
    `| ${name} | ${f(x.statements)} | ${f(x.rounds)} | ${f(x.rowsRead)} | ${f(x.rowsWritten)} | ${f(x.dbMs, 3)} | ${f(x.d1WallMs, 2)} |`;
  const cols = (fn) => m.scenarios.map(fn).join(" | ");
  const scenarioRow = (label, fn) => `| ${label} | ${cols(fn)} |`;
  const firstBroken = (p) => p.limits[0];
  return `# Capacity model

Generated by \`npm run bench\` (bench/capacity.mjs, arithmetic in bench/capacity-model.mjs) on
${date}, at ${commit}. The measured figures are this run's; everything else is arithmetic on
them, with its assumptions named and the platform limits it rests on linked at the end.
One **shard** is one D1 database: one writer, at most 10 GB, and it holds whole tenants.

## Measured: the production floor path over ${c.shards.length} shards

The API was served with \`SHARDS=${c.shards.join(",")}\`, as a production deploy has several. Two
tenants each created ${c.orders} orders with their own key (\`POST /v1/orders\`, 2 lines) and
the warehouse floor shipped every one with a **platform key** (no tenant, scope
\`warehouse:operate\`) on \`POST /v1/ops/shipments\` (1 parcel, both lines), one request at a
time; one tenant has no webhooks, the other is subscribed to every event (${c.deliveries}
deliveries, ${f(m.deliveriesPerOrder)} per order). Polls read \`GET /v1/shipments\` ${c.poll.rowsPerPage} rows a
page. From each response's \`Server-Timing\` (D1 work inside the Durable Objects included):

| operation | statements | D1 round trips | rows read | rows written | D1 ms (meta.duration) | D1 ms (wall, local) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row("create (2 lines, tenant key)", c.create)}
${row("ship (1 parcel, platform key)", c.ship)}
${row("poll page (100 rows)", c.poll)}

- **Shards a platform-key ship touches**: for ${c.floor.ships} ships (each tenant's first) the D1 statements each database was sent
  were counted before and after (the relay after the write included): ${c.floor.touched.map((t) => `\`${t.join(", ")}\``).join("; ")},
  for tenants on ${c.floor.tenants.join(" and ")}: at most **${c.floor.shardsTouched} shard** (the id carries its tenant's
  route; \`DB\` is the control database, which maps the route to the tenant).
- Bytes stored, from the database's size before and after each phase (\`meta.size_after\`),
  for the tenant without webhooks: **${f(c.bytes.perCreate, 0)} B per create** and
  **${f(c.bytes.perShip, 0)} B per ship** (${f(c.bytes.eventsPerOrder)} events per order among them, whose
  \`data\` alone is ${f(c.bytes.eventDataPerOrder, 0)} B). The tenant subscribed to every event
  stores **${f(c.bytes.webhooksPerOrder, 0)} B more per order** in deliveries and attempts.
- D1 ms is D1's own \`meta.duration\`, which Miniflare reports in whole milliseconds (a
  statement under 1 ms reads 0), so each figure is a mean over many requests. Storage was
  ${storage.fs}: D1 here is Miniflare's local SQLite, and \`meta.duration\` is this machine's
  time, **not the platform's**, which adds its own per query and more for writes.

## One order's life

- **Statements**: create ${f(c.create.statements)} + ship ${f(c.ship.statements)} + ${f(c.publish.statements)}
  publishing its SKUs' stock after each (their feed position and \`inventory.updated\`,
  written by the stock objects' alarms outside any response, counted at the shard) +
  ${f(m.deliveriesPerOrder)} deliveries × ${a.deliveryStatements}
  (each delivery's claim, attempt and outcome, written by the queue consumer outside any
  response) = **${f(m.statements)} statements**.
- **D1 time**: ${f(m.localMs, 2)} ms by this run's local \`meta.duration\`. That is not what the
  platform takes, so the model prices statements instead: at Cloudflare's sizing example of
  about ${a.sizingMsPerStatement} ms a query (~1,000 queries/s per database) an order's life is **${f(m.sizingMs, 0)} ms**; the
  shard count below uses the **write-time assumption of ${a.writeMsPerStatement} ms a statement** (writes "can take
  several ms", and most of these statements write): **${f(m.writeMs, 0)} ms** of one database's writer.
- **Bytes**: ${f(m.allInBytes, 0)} B all in, measured as the database's growth over one order's life
  with one webhook subscription; of it ${f(m.transientBytes, 0)} B (events and webhook deliveries, measured by
  deleting them as retention does) is archived after RETENTION_DAYS (${a.retentionDays}), and
  **${f(m.keptBytes, 0)} B is kept** with the order (order, lines, shipment, history, idempotency claims
  until they expire) until it is archived to R2 ORDER_HOT_DAYS (${a.orderHotDays}) after its final state.

## A tenant's hot window

A tenant taking _n_ orders a day holds, once its windows are full:

  _n_ × ${f(m.keptBytes, 0)} B × (${a.orderHotDays} hot days + ${a.daysToFinal} days to the final state) + _n_ × ${f(m.transientBytes, 0)} B × ${a.retentionDays} days

(${a.daysToFinal} days from create to shipped or cancelled is an assumption.) At 10,000 orders a day that is
**${fmtBytes(target.tenantBytes)}**, ${pct(target.tenantBytes / (LIMITS.databaseBytes * a.fill))} of the ${pct(a.fill)} of 10 GB one shard may fill. Without the order archive
the same tenant fills that budget in ${days(target.tenantDaysToBudgetWithoutArchive)}.
${
  target.tenantFits
    ? `It fits: ${target.tenantsPerShard} such tenant(s) per shard.`
    : `**It does not fit.** The longest hot window that fits is ORDER_HOT_DAYS = ${hotDays(target.maxHotDays)} for that tenant
(a per-tenant window), or the bytes per order must fall (the issue's targets are ≤ 4,000 B kept
and ≤ 9,000 B all in), or the tenant needs a store that can span databases (see the plan).`
}

## Shards and the account, for the target and 10× it

Merchants are taken as equal (the largest tenant is one merchant), a ${a.peakFactor}× peak over the day's
mean, each merchant polling ${a.feeds} feeds every ${a.pollEverySeconds} s, webhooks for every event. Shards =
max(throughput, storage), and at most one per tenant, since a shard holds whole tenants.

| | ${cols((p) => p.name)} |
| --- | ${cols(() => "---:")} |
${scenarioRow("merchants × orders a day each", (p) => `${f(p.merchants, 0)} × ${f(p.ordersPerMerchantPerDay, 0)}`)}
${scenarioRow("orders a day", (p) => f(p.ordersPerDay, 0))}
${scenarioRow(`orders/s at the ${a.peakFactor}× peak`, (p) => f(p.peakOrdersPerS))}
${scenarioRow(`D1 ms/s at the peak, at ${a.sizingMsPerStatement} ms / ${a.writeMsPerStatement} ms a statement`, (p) => `${f(p.sizingMsPerS, 0)} / ${f(p.writeMsPerS, 0)}`)}
${scenarioRow(`shards for throughput (≤ ${pct(a.utilisation)} busy), at ${a.writeMsPerStatement} ms (at ${a.sizingMsPerStatement} ms)`, (p) => `${f(p.shardsForThroughput, 0)} (${f(p.shardsForThroughputAtSizing, 0)})`)}
${scenarioRow("largest tenant's hot window", (p) => `${fmtBytes(p.tenantBytes)} (${pct(p.tenantBytes / (LIMITS.databaseBytes * a.fill))} of a shard's budget)`)}
${scenarioRow("tenants per shard (by storage)", (p) => (p.tenantFits ? f(p.tenantsPerShard, 0) : "0: does not fit"))}
${scenarioRow("longest ORDER_HOT_DAYS that fits the largest tenant", (p) => hotDays(p.maxHotDays))}
${scenarioRow(`largest tenant's peak on its shard's writer, at ${a.writeMsPerStatement} ms`, (p) => pct(p.tenantWriterShare))}
${scenarioRow("shards for storage", (p) => (p.tenantFits ? f(p.shardsForStorage, 0) : `${f(p.shardsForStorage, 0)} if a tenant could span databases`))}
${scenarioRow("**shards** (needed, capped at one per tenant)", (p) => `**${f(p.shards, 0)}**${p.needed > p.merchants ? ` (${f(p.needed, 0)} needed)` : ""}`)}
${scenarioRow("account D1 storage, every window counted", (p) => `${fmtBytes(p.accountBytes)} (${pct(p.accountBytes / LIMITS.accountBytes)} of 1 TB)`)}
${scenarioRow("days from empty until the account holds 1 TB", (p) => days(p.accountDaysToFull))}
${scenarioRow("D1 databases (shards + control) of 50,000", (p) => f(p.databases, 0))}
${scenarioRow(`Worker bindings (shards + ~${a.otherBindings} others) of ~5,000`, (p) => f(p.bindings, 0))}
${scenarioRow("`SHARDS` var, bytes of 5 KB", (p) => `${f(p.varBytes, 0)} (${pct(p.varBytes / LIMITS.varBytes)})`)}

The \`SHARDS\` var (\`SHARD_0,SHARD_1,…\`) can list at most **${m.shardsInVar} shards** in 5 KB.

## What breaks first

Each limit as the share of it used (over 100 % is broken), highest first:

${m.scenarios
  .map(
    (p) =>
      `- **${p.name}** (${f(p.merchants, 0)} × ${f(p.ordersPerMerchantPerDay, 0)}): ${p.limits
        .map((x) => `${x.limit} ${pct(x.used)}`)
        .join("; ")}.`,
  )
  .join("\n")}

${
  target.broken.length
    ? `**Already at the target**, ${target.broken.map((x) => x.limit).join(" and ")} ${target.broken.length > 1 ? "are" : "is"} over. `
    : "At the target every limit holds. "
}At 10×, ${tenfold.map((p) => `with ${p.name} the most broken is ${firstBroken(p).limit} (${pct(firstBroken(p).used)}), and of the limits that cannot be raised on request ${p.firstFixed.limit} (${pct(p.firstFixed.used)})`).join("; ")}. Raisable limits are a request to Cloudflare; the fixed ones need the plan below.
${tenfold
  .map((p) => {
    const fresh = p.broken.filter((x) => !target.broken.some((y) => y.limit === x.limit));
    return `New at ${p.name}, beyond what the target already breaks: ${fresh.length ? fresh.map((x) => `${x.limit} (${pct(x.used)})`).join(", ") : "nothing"}.`;
  })
  .join(" ")}

## The plan

- **Account storage.** D1's 1 TB per account is raisable on request (the limits page's
  footnote): request ${fmtBytes(target.accountBytes)} for the target with headroom, or lower the
  bytes per order first (events and deliveries, ${f(m.transientBytes, 0)} B an order for ${a.retentionDays} days, are
  ${pct((m.transientBytes * a.retentionDays) / (m.transientBytes * a.retentionDays + m.keptBytes * a.orderHotDays))} of what the hot windows hold against ${f(m.keptBytes, 0)} B kept for ${a.orderHotDays} days), or shorten
  RETENTION_DAYS or ORDER_HOT_DAYS: every day of the latter is
  ${fmtBytes(target.ordersPerDay * m.keptBytes)} at the target.
- **The largest tenant.** A database's 10 GB is not raisable. A tenant whose hot window outgrows
  ${pct(a.fill)} of it gets a shorter ORDER_HOT_DAYS of its own (${hotDays(target.maxHotDays)} days at 10,000 orders a day,
  ${hotDays(tenfold[1]?.maxHotDays)} at 100,000), and past that a store that is not one D1 database: see below.
- **10× the merchants: the Worker's shard list.** ${f(tenfold[0]?.shards, 0)} shards outgrow the \`SHARDS\` var
  (${m.shardsInVar} names in 5 KB) long before the ~5,000 D1 bindings one Worker may carry (1 MB of
  metadata, ~150 B a binding). The plan is **Workers for Platforms**: a dispatch Worker that reads
  an id's route (already in every id) and the tenant's shard group from the control database, and
  one user Worker per shard group (for example 250 shards each, with its own \`SHARDS\` and
  bindings); a dispatch namespace holds an unlimited number of scripts. Each group's cron, janitors
  and queues stay per group, so the bounded background work (one unit per shard) is unchanged.
- **10× each merchant: one tenant outgrows a database.** At 100,000 orders a day a tenant's hot
  window is ${fmtBytes(tenfold[1]?.tenantBytes)} and its peak takes ${pct(tenfold[1]?.tenantWriterShare ?? Number.NaN)} of one writer at ${a.writeMsPerStatement} ms a
  statement, so no single D1 database can hold it. The plan is **Durable Object SQLite as that
  tenant's store**: one object per tenant and period (or per tenant and warehouse), 10 GB each,
  with no account-wide storage limit for SQLite-backed objects on Workers Paid and an unlimited
  number of objects; each object is single-threaded (about 1,000 requests/s soft), so a tenant
  spans objects by period, and the feeds read across them through an index kept in D1.

## Limits this rests on (Workers Paid)

- D1 (${LIMITS.sources.d1}): 10 GB per database; 1 TB per account and 50,000
  databases per account, both raisable on request; ~5,000 D1 bindings per Worker script (1 MB of
  script metadata, ~150 B a binding, variables counted by their size); 1,000 queries per
  invocation.
- Workers (${LIMITS.sources.workers}): an environment variable holds at most 5 KB (128 variables per Worker).
- Durable Objects (${LIMITS.sources.durableObjects}): SQLite storage 10 GB per object, unlimited per account and per class;
  unlimited objects.
- Workers for Platforms (${LIMITS.sources.workersForPlatforms}): an unlimited number of scripts in a dispatch namespace.

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
