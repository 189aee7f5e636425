// `npm run bench [-- --json]`: issues 9's and 19's figures, measured on this machine in one run.
//
// Builds the deploy bundle with wrangler, serves it with the `{}` ceiling worker from one
// workerd (bench/harness.mjs), seeds tenants from fixtures/seed.json and D1
// (bench/seed.mjs), runs each scenario (bench/scenarios.mjs), writes bench/results.md
// (bench/report.mjs) and prints a table, or with --json one line of JSON last.
// Everything listens on 127.0.0.1 only and is disposed at the end.
//
// Knobs (environment, see bench/harness.mjs), with their defaults: BENCH_DURATION (s, 10),
// BENCH_ROUNDS (3), BENCH_WARMUP (s, 1), BENCH_CONNECTIONS (32), BENCH_SOLO_CREATES (30),
// BENCH_HOT_STOCK / _ORDERS (100 / 200), BENCH_WAITING_SMALL / _LARGE (10 / 10000),
// BENCH_DEMAND_ORDERS (50), BENCH_BIG_LINES (500), BENCH_BIG_ORDERS (3), BENCH_BIG_AMENDS (2),
// BENCH_WIDE_SKUS (3000), BENCH_WIDE_CREATES (5), BENCH_SHIPMENTS_SMALL / _LARGE
// (10000 / 100000), BENCH_POLL_DURATION (s, 6), BENCH_POLL_ROUNDS (6), BENCH_WEBHOOK_ORDERS
// (30), BENCH_CAPACITY_ORDERS (200), BENCH_TRACED_SHIPS (5), BENCH_SHARDS (4, all listed in
// SHARDS), BENCH_CLIENT_TIMEOUT_MS (300000), BENCH_STORAGE_DIR (where Miniflare keeps its
// SQLite files: /dev/shm when it exists, else os.tmpdir()).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { fileURLToPath } from "node:url";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const { answers, cpuWindow, log, runtimeOutput, SQLITE_OPEN_BOUND, serve, watchDescriptors } =
  await import("./harness.mjs");
const { referenceData, tenant } = await import("./seed.mjs");
const scenarios = await import("./scenarios.mjs");
const { consoleTable, figures, machine, markdown, writeResults } = await import("./report.mjs");
const { capacity, capacityMarkdown, writeCapacity } = await import("./capacity.mjs");

const RESULTS = "bench/results.md";
const CAPACITY = "docs/capacity.md";
const asJson = process.argv.includes("--json");

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg();
  const wholeRun = cpuWindow();
  const adminToken = randomBytes(24).toString("hex");
  const { dispose, base, databaseOf, statements, publishStock, shards, client, storage } =
    await serve(adminToken);
  const stop = () => {
    dispose().finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await referenceData(client, adminToken);
    const merchant = await tenant(client, adminToken, "Bench Merchant");
    // The merchant's rows, which the scenarios seed and count, are in its shard.
    const db = await databaseOf(merchant.shard);
    const ctx = {
      base,
      client,
      db,
      databaseOf,
      statements,
      publishStock,
      shards,
      merchant,
      adminToken,
    };
    await scenarios.prepare(ctx);
    log(`seeded tenant ${merchant.id}`);

    // First, while the shard holds little else: deleting a tenant's events and deliveries
    // frees whole pages only where they are not shared with other tenants' rows, so bytes
    // per order read as test/api/order-bytes.test.ts reads them, in a database of its own.
    const descriptors = watchDescriptors();
    const cap = await capacity(ctx);
    const create = await scenarios.creates(ctx);
    const hot = await scenarios.hotSku(ctx);
    const demand = await scenarios.demandCost(ctx);
    const wide = await scenarios.wideCatalog(ctx);
    const big = await scenarios.bigOrder(ctx);
    const polls = await scenarios.polls(ctx);
    const webhooks = await scenarios.webhooks(ctx);
    const objects = storage.objects();
    const fds = descriptors();

    const results = {
      create,
      hot,
      demand,
      wide,
      big,
      polls,
      webhooks,
      cap,
      objects,
      capacity: cap,
      cores: wholeRun(),
      cron: await (await import("./cron.mjs")).cronBound(),
      answers,
      fds,
    };
    const fig = figures(results);
    writeResults(RESULTS, markdown(results, fig, { loadBefore, started, runtimeOutput, storage }));
    log(`wrote ${RESULTS}`);
    writeCapacity(
      CAPACITY,
      capacityMarkdown(cap, {
        commit: machine(loadBefore).revision,
        date: new Date().toISOString(),
        storage,
      }),
    );
    log(`wrote ${CAPACITY}`);
    // A run that saw any failed request has not met its targets, whatever its figures say.
    if (fig.bench_non_2xx > 0) {
      console.error(
        `[bench] ${fig.bench_non_2xx} requests were not answered 2xx: statuses ${JSON.stringify(answers.statuses)}, no answer ${JSON.stringify(answers.errorKinds)}; first ${JSON.stringify(answers.first)}`,
      );
      process.exitCode = 1;
    }
    if (fds.databases >= SQLITE_OPEN_BOUND) {
      console.error(
        `[bench] workerd held ${fds.databases} SQLite databases open at once (bound ${SQLITE_OPEN_BOUND}): local workerd caps SQLite's heap for the whole process, and near it every statement fails with SQLITE_NOMEM; lower BENCH_CONNECTIONS or shorten BENCH_DURATION (docs/architecture.md#benchmark)`,
      );
      process.exitCode = 1;
    }
    if (fds.peak >= 0.9 * fds.limit) {
      console.error(
        `[bench] workerd held ${fds.peak} of its ${fds.limit} file descriptors: near the limit, SQLite fails; raise ulimit -n or shorten BENCH_DURATION (docs/architecture.md#benchmark)`,
      );
      process.exitCode = 1;
    }
    if (!hot.complete || hot.oversold !== 0) {
      console.error("[bench] the hot SKU burst oversold or lost orders; see bench/results.md");
      process.exitCode = 1;
    }
    return fig;
  } finally {
    await dispose();
  }
}

main().then(
  (fig) => {
    if (asJson) console.log(JSON.stringify(fig));
    else console.log(`\n${consoleTable(fig)}\n\nDetails: ${RESULTS}`);
  },
  (err) => {
    console.error(`[bench] failed: ${err?.stack ?? err}`);
    process.exitCode = 1;
  },
);
