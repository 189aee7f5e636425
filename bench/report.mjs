// Turns one run's measurements into issue 9's figures, the console table and
// bench/results.md. Only facts measured in the run: no claims about the code.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { model } from "./capacity-model.mjs";
import { knobs, SQLITE_OPEN_BOUND } from "./harness.mjs";

/** Issue 9's targets, on the figures of the same run. */
export const TARGETS = {
  create_ratio: [">=", 0.03],
  d1_statements_per_create: ["<=", 16],
  d1_round_trips_per_create: ["<=", 3],
  hot_sku_ratio: [">=", 0.03],
  hot_sku_commits_per_order: ["<=", 0.25],
  hot_sku_oversold: ["=", 0],
  setdemand_cost_ratio_10k_vs_10: ["<=", 2],
  poll_ratio_100k_10k: ["<=", 1.3],
  webhook_p50_ms: ["<=", 100],
  cron_max_queries_ratio_8_vs_2_shards: ["<=", 1.25],
  create_rows_read_3000_skus: ["<=", 60],
  order_500_lines_rows_read: ["<=", 2600],
  amend_500_lines_rows_read: ["<=", 2600],
  order_500_lines_d1_calls: ["<=", 50],
  amend_500_lines_d1_calls: ["<=", 50],
  floor_write_shards_touched: ["=", 1],
  bytes_per_order_all_in: ["<=", 9000],
  bytes_per_order_kept: ["<=", 4000],
  bench_non_2xx: ["=", 0],
};

const round = (n, digits) =>
  Number.isFinite(n) ? Number(n.toPrecision(digits)) : null; /* JSON has no NaN */

/** The one JSON object of `--json`, in the issue's order. */
export function figures(r) {
  const t = r.create.timing;
  const m = model(r.cap);
  return {
    create_ratio: round(r.create.ratio, 3),
    create_cpu_ms: round(r.create.row.cpuMs, 3),
    d1_statements_per_create: round(t.d1Statements, 3),
    d1_round_trips_per_create: round(t.d1Rounds, 3),
    d1_ms_per_create: round(t.d1DbMs, 3),
    single_db_creates_per_s: round(1000 / t.d1DbMs, 3),
    hot_sku_orders_per_s: round(r.hot.ordersPerS, 3),
    hot_sku_ratio: round(r.hot.ratio, 3),
    hot_sku_oversold: r.hot.oversold,
    hot_sku_commits_per_order: round(r.hot.commitsPerOrder, 3),
    setdemand_cost_ratio_10k_vs_10: round(r.demand.ratio, 3),
    poll_ratio_100k_10k: round(r.polls.ratio, 3),
    order_500_lines_ms: round(r.big.ms, 3),
    webhook_p50_ms: round(r.webhooks.p50, 3),
    cron_max_queries_ratio_8_vs_2_shards: round(r.cron.ratio, 3),
    create_rows_read_3000_skus: round(r.wide.rowsRead, 4),
    order_500_lines_rows_read: round(r.big.rowsRead, 5),
    amend_500_lines_rows_read: round(r.big.amendRowsRead, 5),
    order_500_lines_d1_calls: round(r.big.d1Calls, 4),
    amend_500_lines_d1_calls: round(r.big.amendD1Calls, 4),
    floor_write_shards_touched: Number.isFinite(r.cap.floor.shardsTouched)
      ? r.cap.floor.shardsTouched
      : null,
    bytes_per_order_all_in: round(m.allInBytes, 4),
    bytes_per_order_kept: round(m.keptBytes, 4),
    bench_non_2xx: r.answers.non2xx + r.answers.errors,
    workerd_fds_peak: r.fds.peak,
    workerd_sqlite_open_peak: r.fds.databases,
  };
}

export function verdicts(fig) {
  return Object.entries(TARGETS).map(([name, [op, target]]) => {
    const value = fig[name];
    const met =
      value !== null &&
      (op === ">=" ? value >= target : op === "<=" ? value <= target : value === target);
    return { name, op, target, value, met };
  });
}

// ---------------------------------------------------------------------------------------
// Formatting

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en") : "–");
const json = (v) => `\`${JSON.stringify(v)}\``;
const mark = (met) => (met ? "met" : "**missed**");
const cores = (row) =>
  [row.cores.workerd, row.cores.bench, row.cores.others].map((n) => fmt(n)).join(" / ");

export function machine(loadBefore) {
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

/** The console's table: every figure, its target and whether this run met it. */
export function consoleTable(fig) {
  const rows = [["figure", "value", "target", ""]];
  const byName = Object.fromEntries(verdicts(fig).map((v) => [v.name, v]));
  for (const [name, value] of Object.entries(fig)) {
    const v = byName[name];
    rows.push([
      name,
      value === null ? "–" : String(value),
      v ? `${v.op} ${v.target}` : "",
      v ? (v.met ? "met" : "MISSED") : "",
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  "))
    .join("\n");
}

const TIMING_ROWS = [
  ["total", "totalMs", "ms"],
  ["d1 calls", "d1Calls", ""],
  ["d1 statements", "d1Statements", ""],
  ["d1 round trips", "d1Rounds", ""],
  ["d1 (summed over calls)", "d1Ms", "ms"],
  ["d1-db (D1's own meta.duration)", "d1DbMs", "ms"],
  ["Durable Object calls", "doCalls", ""],
  ["do (summed over calls)", "doMs", "ms"],
  ["KV calls", "kvCalls", ""],
  ["kv (summed over calls)", "kvMs", "ms"],
];

function timingTable(columns) {
  const head = `| Server-Timing | ${columns.map((c) => c.label).join(" | ")} |`;
  const rule = `| --- | ${columns.map(() => "---:").join(" | ")} |`;
  const lines = TIMING_ROWS.map(
    ([label, field, unit]) =>
      `| ${label}${unit ? ` (${unit})` : ""} | ${columns.map((c) => fmt(c.timing[field])).join(" | ")} |`,
  );
  return [head, rule, ...lines].join("\n");
}

function failures(rows) {
  const bad = rows.filter(([, r]) => r.failed > 0);
  if (bad.length === 0) return "No request failed.";
  return bad
    .map(
      ([name, r]) =>
        `- ${name}: ${r.non2xx} non-2xx, ${r.errors} errors; status codes ${json(r.statusCodes)}, errors ${json(r.errorKinds)}`,
    )
    .join("\n");
}

/** bench/results.md. */
export function markdown(r, fig, { loadBefore, started, runtimeOutput, storage }) {
  const info = machine(loadBefore);
  const { create, hot, demand, big, polls, webhooks } = r;
  const k = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
  const figureRows = verdicts(fig);
  const verdictOf = Object.fromEntries(figureRows.map((v) => [v.name, v]));
  const allFigures = Object.entries(fig).map(([name, value]) => {
    const v = verdictOf[name];
    return `| \`${name}\` | ${value ?? "–"} | ${v ? `${v.op} ${v.target}` : ""} | ${v ? mark(v.met) : ""} |`;
  });
  const missed = figureRows.filter((v) => !v.met).map((v) => `\`${v.name}\``);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);

  return `# Benchmark results

Generated by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString()}, at ${info.revision}, in ${seconds} s.

## Figures and targets (issues 9 and 19)

| figure | this run | target | |
| --- | ---: | --- | --- |
${allFigures.join("\n")}

${missed.length === 0 ? "Every target was met in this run." : `Missed in this run: ${missed.join(", ")}.`}
Ratios divide by the \`{}\` ceiling measured in turns with the same scenario (below).
\`single_db_creates_per_s\` is 1000 ÷ \`d1_ms_per_create\`: an estimate of
how many creates one D1 database could take from D1's own time per create (its
\`meta.duration\`, summed by the API into \`Server-Timing\` \`d1-db\`), not a measured rate.

## Machine and method

- nproc: ${info.nproc}; CPU: ${info.cpu}; RAM: ${info.memGiB} GiB; ${info.os}
- Node ${info.node}; wrangler ${info.wrangler}; miniflare ${info.miniflare}; workerd ${info.workerd}; autocannon ${info.autocannon}
- Load average (1 / 5 / 15 min) before: ${info.loadBefore}; after: ${info.loadAfter}. Over the
  whole run, in cores busy: workerd ${fmt(r.cores.workerd)}, the bench process ${fmt(r.cores.bench)}, other
  processes ${fmt(r.cores.others)} (of ${info.nproc}); per throughput run in the sections below.
- The API bundle from \`wrangler deploy --dry-run\` and the ceiling worker (bench/ceiling.ts,
  bundled the same way) served by one workerd through Miniflare's Node API: no dev proxy,
  request log off, \`ENVIRONMENT=development\`. Miniflare kept D1, KV and Durable Object
  storage (SQLite files) under ${storage.path} (${storage.fs}) for the run.
  Load comes from this Node process over 127.0.0.1 (autocannon, or sequential \`fetch\`).
- Throughput: the creates and the hot SKU bursts each took turns with the ceiling, in
  ${knobs.rounds} rounds (the order reversed every other round), so that load from other processes
  falls on both sides of each ratio. Each create or ceiling window: ${knobs.warmup} s of warm-up on the
  same connections, then ${fmt(knobs.duration / knobs.rounds, 1)} s measured (${knobs.duration} s in all), at ${knobs.connections} connections;
  every window starts once workerd is idle. Latencies are of 2xx responses.
- "workerd CPU" is the CPU time (user + kernel) of the workerd process during the measured
  window ÷ responses (Linux /proc, 10 ms ticks). That one process runs the Worker, its
  Durable Objects and Miniflare's D1/KV simulators.
- \`Server-Timing\` figures are parsed from each measured 2xx response. Its durations read
  the runtime's clock, which advances in whole milliseconds here, so D1's \`meta.duration\`
  (\`d1-db\`) reads 0 for most sub-millisecond statements: per create it is a mean over many
  creates. \`d1\` and \`do\` durations add up calls made in parallel, so they can exceed \`total\`.
- Seeded: the reference data and products of fixtures/seed.json through the API, stock
  through \`POST /v1/ops/inventory-adjustments\`; the ${knobs.bigLines} products and stock rows of the big
  order, the two SKUs with waiting orders and the shipments straight into D1.
- Durable Objects with SQLite storage at the end of the run (one file each), per class:
  ${json(r.objects)}.
- workerd printed ${runtimeOutput.lines} line(s) during the run${runtimeOutput.sample.length ? `; the first: ${runtimeOutput.sample.map((l) => json(l)).join(", ")}` : ""}.

## Ceiling: \`GET /ceiling\` → \`{}\`

| measured in turns with | windows | req/s | p50 ms | p99 ms | workerd CPU ms/req | 2xx | cores busy: workerd / bench / others |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${[
  ["the creates", create.ceiling],
  ["the hot SKU bursts", hot.ceiling],
]
  .map(
    ([what, c]) =>
      `| ${what} | ${c.windows} | ${fmt(c.rps, 0)} | ${fmt(c.p50)} | ${fmt(c.p99)} | ${fmt(c.cpuMs)} | ${c.ok} | ${cores(c)} |`,
  )
  .join("\n")}

## Create: \`POST /v1/orders\`, 2 lines, a new reference and Idempotency-Key each

${fmt(create.row.rps, 1)} req/s (÷ ceiling ${fmt(create.ratio, 4)}), p50 ${fmt(create.row.p50)} ms, p99 ${fmt(create.row.p99)} ms,
workerd ${fmt(create.row.cpuMs)} ms CPU per create (${fmt(create.row.sysMs)} ms of it kernel time); ${create.row.ok} created in the measured window
(${create.ordersWritten} orders written in all, warm-up included; statuses ${json(create.statuses)}).
Cores busy meanwhile: workerd / bench / other processes ${cores(create.row)}.

Per create, over the ${create.timed} measured creates (the figures use the means), and for
${create.solo.count} more creates made one at a time afterwards (client p50 ${fmt(create.solo.clientMs)} ms, workerd
${fmt(create.solo.cpuMs)} ms CPU per create, ${fmt(create.solo.sysMs)} ms of it kernel time):

${timingTable([
  { label: `mean, ${knobs.connections} connections`, timing: create.timing },
  { label: `median, ${knobs.connections} connections`, timing: create.medianTiming },
  { label: "median, one at a time", timing: create.solo.timing },
])}

## Hot SKU: ${knobs.hotOrders} one-unit orders at once on one SKU with ${knobs.hotStock} on hand

${hot.bursts.length} bursts, each on a fresh SKU, one connection per order, all sent at once; each SKU then
read back through \`GET /v1/orders/{id}\` (every order), \`GET /v1/inventory?sku=…\` and D1.

| SKU | orders/s | seconds | p50 ms | p99 ms | statuses (responses) | statuses (read back) | inventory: on hand / allocated / backordered | D1 commits (version before → after) | oversold units |
| --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- | ---: |
${hot.bursts
  .map(
    (b) =>
      `| ${b.sku} | ${fmt(b.ordersPerS, 1)} | ${fmt(b.row.seconds)} | ${fmt(b.row.p50)} | ${fmt(b.row.p99)} | ${json(b.created)} | ${json(b.persisted)} | ${b.levels ? `${b.levels.on_hand} / ${b.levels.allocated} / ${b.levels.backordered}` : "–"} | ${b.commits} (${b.versionBefore} → ${b.versionAfter}) | ${b.oversold} |`,
  )
  .join("\n")}

- All bursts: ${hot.row.ok} orders created in ${fmt(hot.row.seconds)} s → ${fmt(hot.ordersPerS, 1)} orders/s (÷ ceiling ${fmt(hot.ratio, 4)}); workerd ${fmt(hot.row.cpuMs)} ms CPU per order (${fmt(hot.row.sysMs)} ms kernel); cores busy: workerd / bench / other processes ${cores(hot.row)}
- ${hot.commits} D1 commits of the stock objects for ${hot.bursts.length * knobs.hotOrders} orders: ${fmt(hot.commitsPerOrder, 3)} per order
- Oversold units (allocated beyond on hand in the inventory or in \`stock_demands\`, or orders \`received\` beyond ${knobs.hotStock}), summed: ${hot.oversold}; every order answered and read back: ${hot.complete}
- \`stock_demands\` of the first SKU: ${json(hot.bursts[0]?.demands)}
- Mean per order: ${fmt(hot.timing.d1Statements)} D1 statements, ${fmt(hot.timing.d1Rounds)} round trips, do ${fmt(hot.timing.doMs)} ms, total ${fmt(hot.timing.totalMs)} ms

## One new demand: ${k(knobs.waitingLarge)} waiting orders vs ${k(knobs.waitingSmall)}

Two SKUs with nothing on hand and ${knobs.waitingSmall} and ${knobs.waitingLarge} one-unit demands waiting
(\`backordered\`), seeded into \`stock_demands\`. One order woke each stock object (its
one-time load, not timed); then ${knobs.demandOrders} one-unit orders on each, alternating between the SKUs, one
at a time. The figure is the ratio of the medians of the create's \`Server-Timing\` \`do\`
(the Durable Object calls of the create, the stock object's among them).

| SKU | waiting before | do p50 ms | total p50 ms | client p50 ms | d1-db p50 ms | D1 statements p50 | workerd CPU ms/order | wake order: do ms, statements |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${[demand.small, demand.large]
  .map(
    (s) =>
      `| ${s.sku} | ${s.waiting} | ${fmt(s.median.doMs)} | ${fmt(s.median.totalMs)} | ${fmt(s.median.clientMs)} | ${fmt(s.median.d1DbMs)} | ${fmt(s.median.d1Statements, 0)} | ${fmt(s.cpuMs)} | ${fmt(s.wake.timing.doMs)}, ${fmt(s.wake.timing.d1Statements, 0)} |`,
  )
  .join("\n")}

Ratios (large ÷ small): \`do\` ${fmt(demand.ratio, 3)} (the figure); total ${fmt(demand.totalRatio, 3)}; workerd CPU ${fmt(demand.cpuRatio, 3)}.
Afterwards \`stock_demands\` held ${json(demand.small.demandsAfter)} and ${json(demand.large.demandsAfter)}; the orders' statuses: ${json(demand.small.statuses)} and ${json(demand.large.statuses)}.

## Big order: one create with ${big.lines} lines

${big.lines} SKUs with stock, seeded in D1, one unit each. The first create woke the ${big.lines} stock
objects: ${fmt(big.first.ms, 0)} ms. The next ${big.runs.length}, one at a time: ${big.runs.map((x) => `${fmt(x.ms, 0)} ms`).join(", ")}; median ${fmt(big.ms, 0)} ms (the figure).

${timingTable([
  { label: "first (cold objects)", timing: big.first.timing },
  ...big.runs.map((x, i) => ({ label: `run ${i + 1}`, timing: x.timing })),
])}

D1 calls, the stock objects' included: the create's median ${fmt(big.d1Calls, 2)} (the figure
\`order_500_lines_d1_calls\`), the amends' ${big.amends.map((x) => fmt(x.timing.d1Calls, 2)).join(", ")}, median
${fmt(big.amendD1Calls, 2)} (\`amend_500_lines_d1_calls\`). A multi-line change's stock objects commit through
their warehouse's stock writer, which sends what arrives together as one D1 batch; each object
counts its share of the batches it was in, so the figure is the request's own calls (the claim,
the order's batch) and the writer's batches its lines took.

## D1 rows read: a one-line create at ${int(r.wide.skus)} stocked SKUs, and the ${big.lines}-line order

From each response's \`Server-Timing\` \`d1-rows-read\` (D1's \`meta.rows_read\`, summed over the
request's statements, its Durable Objects' included).

- One-line create, for a tenant with ${int(r.wide.skus)} products and stock rows (seeded in D1):
  on SKUs no order named before ${json(r.wide.fresh.all)} rows read (median ${fmt(r.wide.fresh.rowsRead, 0)}); the same SKU
  again ${json(r.wide.again.all)} (median ${fmt(r.wide.again.rowsRead, 0)}). The figure is the larger median.
- ${big.lines}-line create: ${[big.first, ...big.runs].map((x) => int(x.timing.d1RowsRead)).join(", ")} rows read (the first
  with cold stock objects; the figure is the median of the others, ${int(big.rowsRead)}).
- ${big.lines}-line amend of the last of them, every line's quantity changed (to 2, then 1, …):
  ${big.amends.map((x) => `${int(x.timing.d1RowsRead)} rows read, ${int(x.timing.d1RowsWritten)} written, ${fmt(x.ms, 0)} ms`).join("; ")}; median ${int(big.amendRowsRead)} rows read.

## The floor's path: platform-key ships over ${r.cap.shards.length} shards

The API was served with \`SHARDS=${r.cap.shards.join(",")}\`. The capacity scenario's ships
(\`POST /v1/ops/shipments\`) used a platform key (no tenant, scope \`warehouse:operate\`), as the
warehouse floor does in production. For ${r.cap.floor.ships} of them (each tenant's first), one at a time, the D1 statements
each database was sent were counted before and after (once workerd was idle, so the relay
after the write is included; bench/api-worker.ts): the databases touched were
${r.cap.floor.touched.map((t) => json(t)).join(", ")}, for tenants on ${r.cap.floor.tenants.join(" and ")}.
\`floor_write_shards_touched\` is the most shard databases any of them touched: ${r.cap.floor.shardsTouched}.

## Poll: \`GET /v1/shipments?updated_since=…&limit=${polls.small.returned}\`, one connection

Two tenants in the same D1, one with ${int(polls.small.rows)} shipments and one with ${int(polls.large.rows)}, inserted
straight into D1 (one parcel and two items each, strictly increasing
\`updated_at\`/\`change_seq\`); each tenant's poll asks for its ${polls.small.returned} newest. After 1 s of each
unmeasured, the two polls took turns in ${knobs.pollRounds} windows each, ${fmt(knobs.pollDuration / knobs.pollRounds, 1)} s per window (${knobs.pollDuration} s per
tenant), one connection, so other load on the machine falls on both alike.

| tenant's shipments | updated_since | rows | has_more | p50 ms | p99 ms | polls | workerd CPU ms/poll | D1 statements | cores busy: workerd / bench / others |
| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |
${[polls.small, polls.large]
  .map(
    (p) =>
      `| ${int(p.rows)} | ${p.since} | ${p.returned} | ${p.hasMore} | ${fmt(p.row.p50)} | ${fmt(p.row.p99)} | ${p.row.ok} | ${fmt(p.row.cpuMs)} | ${fmt(p.timing.d1Statements, 0)} | ${cores(p.row)} |`,
  )
  .join("\n")}

p50 ratio ${fmt(polls.ratio, 3)} (the figure); workerd CPU per poll ratio ${fmt(polls.cpuRatio, 3)}.

## Webhooks: create response → signed delivery at a loopback receiver

A \`node:http\` receiver on 127.0.0.1 in the bench process, subscribed to \`order.created\` by a
tenant of its own. ${webhooks.orders} creates, one at a time, each waiting for its delivery; the time is from
the create's response (body read) to the arrival of that order's delivery, counted once
its \`X-Webhook-Signature\` checked out against the subscription's secret.

- p50 ${fmt(webhooks.p50, 1)} ms, p90 ${fmt(webhooks.p90, 1)} ms, min ${fmt(webhooks.min, 1)} ms, max ${fmt(webhooks.max, 1)} ms; create p50 ${fmt(webhooks.createP50, 1)} ms
- ${webhooks.early} of the deliveries arrived before this process had read their create's response (negative times)
- ${webhooks.matched} of ${webhooks.orders} deliveries arrived within 10 s; ${webhooks.deliveries} requests received, ${webhooks.unsigned} with a bad signature, ${webhooks.unmatched} not for a timed order

## Failed requests

Every answer the bench saw in the whole run, its own client's and autocannon's (warm-ups
included): ${int(r.answers.total)}, of which ${r.answers.non2xx} not 2xx ${json(r.answers.statuses)} and ${r.answers.errors} requests
with no answer ${json(r.answers.errorKinds)}: \`bench_non_2xx\` = ${r.answers.non2xx + r.answers.errors}.
Workerd held at most ${int(r.fds.peak)} file descriptors at once, of the ${int(r.fds.limit)} its limit allows
(\`workerd_fds_peak\`), and at most ${int(r.fds.databases)} SQLite databases open
(\`workerd_sqlite_open_peak\`): every live Durable Object keeps its database open. Near the
descriptor limit SQLite cannot open one (SQLITE_CANTOPEN), and near the SQLite heap local
workerd allows the whole process (about 3,400 open databases here) every statement fails
(SQLITE_NOMEM), so the run fails past 90 % of the first or ${int(SQLITE_OPEN_BOUND)} of the second.${r.answers.first.length ? ` The first: ${r.answers.first.map((x) => json(x)).join(", ")}.` : ""}
Per measured throughput window:

${failures([
  ["ceiling (with the creates)", create.ceiling],
  ["ceiling (with the hot SKU bursts)", hot.ceiling],
  ["create", create.row],
  ["hot SKU", hot.row],
  ["poll (small)", polls.small.row],
  ["poll (large)", polls.large.row],
])}
`;
}

export function writeResults(path, md) {
  writeFileSync(path, md);
}
