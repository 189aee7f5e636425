// The bench's machinery: the deploy bundle served by one workerd through Miniflare's Node
// API next to the `{}` ceiling worker, an HTTP client that reads `Server-Timing`,
// autocannon runs, and the CPU time of that workerd.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Miniflare } from "miniflare";
import { bundle, localWorkerOptions, migrate, migrateAll } from "../scripts/local-worker.mjs";

const BUILD = "bench/.build";

const number = (name, fallback) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

/** Every knob, from the environment. */
export const knobs = {
  /** Seconds measured per throughput scenario (creates, and the ceiling beside them). */
  duration: number("BENCH_DURATION", 10),
  /**
   * Each throughput scenario takes turns with the ceiling in this many rounds, so load
   * from other processes falls on both alike; its `duration` is split between them.
   */
  rounds: number("BENCH_ROUNDS", 3),
  /** Seconds of unmeasured load before each window, on the same connections. */
  warmup: number("BENCH_WARMUP", 1),
  connections: number("BENCH_CONNECTIONS", 32),
  /** Seconds of one-connection polling measured at each size, in `pollRounds` turns. */
  pollDuration: number("BENCH_POLL_DURATION", 6),
  pollRounds: number("BENCH_POLL_ROUNDS", 6),
  shipmentsSmall: number("BENCH_SHIPMENTS_SMALL", 10_000),
  shipmentsLarge: number("BENCH_SHIPMENTS_LARGE", 100_000),
  /** Creates made one at a time after the loaded run, for the uncontended cost. */
  soloCreates: number("BENCH_SOLO_CREATES", 30),
  hotStock: number("BENCH_HOT_STOCK", 100),
  hotOrders: number("BENCH_HOT_ORDERS", 200),
  waitingSmall: number("BENCH_WAITING_SMALL", 10),
  waitingLarge: number("BENCH_WAITING_LARGE", 10_000),
  /** New orders timed on each of the two waiting SKUs. */
  demandOrders: number("BENCH_DEMAND_ORDERS", 50),
  bigLines: number("BENCH_BIG_LINES", 500),
  /** Timed creates of the big order (after one that wakes its stock objects). */
  bigOrders: number("BENCH_BIG_ORDERS", 3),
  /** Amends of the last big order, each changing every line's quantity. */
  bigAmends: number("BENCH_BIG_AMENDS", 2),
  /** Stocked SKUs of the tenant whose one-line creates count D1 rows read. */
  wideSkus: number("BENCH_WIDE_SKUS", 3000),
  /** One-line creates on that tenant: this many on SKUs not ordered before, as many on one. */
  wideCreates: number("BENCH_WIDE_CREATES", 5),
  webhookOrders: number("BENCH_WEBHOOK_ORDERS", 30),
  /**
   * Shard databases the API is served with, all listed in SHARDS: production's floor path
   * (a platform key's write routed by its id to one of several shards) needs more than
   * wrangler.toml's two local ones. 4 by default, as test/api/routing.test.ts runs.
   */
  shards: number("BENCH_SHARDS", 4),
  /** Milliseconds the bench's own client waits for one answer (a 500-line create is slow). */
  clientTimeoutMs: number("BENCH_CLIENT_TIMEOUT_MS", 300_000),
  /**
   * Where Miniflare keeps D1, KV and Durable Object storage (SQLite files) for the run: a
   * fresh directory inside this one, removed at the end. A RAM disk when the machine has
   * one: on the platform that storage is a remote service, so the local disk's fsyncs
   * would be charged to the Worker as kernel CPU it never spends there. BENCH_STORAGE_DIR
   * chooses another (e.g. os.tmpdir(), Miniflare's own default, on disk here).
   */
  storageDir: process.env.BENCH_STORAGE_DIR || (existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir()),
};

const t0 = Date.now();
/** Progress goes to stderr, so stdout holds only the table or the JSON line. */
export const log = (msg) =>
  console.error(`[bench +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------
// Build and serve

/** A bench worker bundled by wrangler like the API, from a generated config. */
function buildHelper(name, main, compat) {
  const dir = `${BUILD}/${name}`;
  mkdirSync(dir, { recursive: true });
  const config = {
    name: `bench-${name}`,
    main: path.relative(dir, main),
    compatibility_date: compat.compatibilityDate,
    compatibility_flags: compat.compatibilityFlags,
  };
  writeFileSync(`${dir}/wrangler.json`, JSON.stringify(config, null, 2));
  const out = `${dir}/out`;
  return { dir: out, entry: bundle(out, ["--config", `${dir}/wrangler.json`], main) };
}

/** What workerd printed (the Worker's console.warn/error among it), echoed to stderr. */
export const runtimeOutput = { lines: 0, sample: [] };

function echoRuntime(chunk) {
  process.stderr.write(chunk);
  for (const line of String(chunk).split("\n")) {
    if (!line.trim()) continue;
    runtimeOutput.lines += 1;
    if (runtimeOutput.sample.length < 5) runtimeOutput.sample.push(line.slice(0, 300));
  }
}

/** SHARD_0 … SHARD_{n-1}: the shard bindings the bench serves, all listed in SHARDS. */
export const shardNames = () => Array.from({ length: knobs.shards }, (_, i) => `SHARD_${i}`);

/**
 * Builds the API as `wrangler deploy` would (from bench/api-worker.ts: the Worker plus a
 * route that counts D1 statements per database) and serves it with `knobs.shards` shard
 * databases, with the ceiling worker on `/ceiling`, from one workerd on 127.0.0.1 (no dev
 * proxy, no request log), its storage in a fresh directory under `knobs.storageDir`.
 * Migrations are applied before this returns; `dispose` stops workerd and removes the storage.
 */
export async function serve(adminToken) {
  const { workerOptions } = localWorkerOptions();
  const compat = {
    compatibilityDate: workerOptions.compatibilityDate,
    compatibilityFlags: workerOptions.compatibilityFlags ?? [],
  };
  log("building with wrangler deploy --dry-run");
  const api = {
    dir: `${BUILD}/api`,
    entry: bundle(`${BUILD}/api`, ["--env=", "bench/api-worker.ts"], "api-worker.ts"),
  };
  const shards = shardNames();
  // wrangler.toml binds SHARD_0 and SHARD_1 locally; the rest are the bench's own.
  const extraShards = shards.filter((s) => !(s in (workerOptions.d1Databases ?? {})));
  const ceiling = buildHelper("ceiling", "bench/ceiling.ts", compat);
  const persistRoot = mkdtempSync(path.join(knobs.storageDir, "fulfillment-bench-"));
  const mf = new Miniflare({
    defaultPersistRoot: persistRoot,
    host: "127.0.0.1",
    port: 0,
    cf: false,
    logRequests: false,
    handleRuntimeStdio: (stdout, stderr) => {
      for (const stream of [stdout, stderr]) stream.on("data", echoRuntime);
    },
    workers: [
      {
        ...workerOptions,
        name: "api",
        modules: true,
        modulesRoot: api.dir,
        scriptPath: api.entry,
        d1Databases: {
          ...workerOptions.d1Databases,
          ...Object.fromEntries(extraShards.map((s) => [s, { id: `bench-${s}` }])),
        },
        bindings: {
          ...workerOptions.bindings,
          ENVIRONMENT: "development",
          ADMIN_TOKEN: adminToken,
          SHARDS: shards.join(","),
        },
      },
      {
        ...compat,
        name: "ceiling",
        modules: true,
        modulesRoot: ceiling.dir,
        scriptPath: ceiling.entry,
        routes: ["*/ceiling"],
      },
    ],
  });
  const dispose = async () => {
    await mf.dispose();
    rmSync(persistRoot, { recursive: true, force: true });
  };
  let base;
  let applied;
  try {
    base = await mf.ready;
    applied = await migrateAll(mf, "api");
    for (const s of extraShards) {
      applied[s] = await migrate(await mf.getD1Database(s, "api"), "migrations/shard");
    }
  } catch (err) {
    await dispose();
    throw err;
  }
  const storage = { ...storageOf(persistRoot), objects: () => objectsIn(persistRoot) };
  log(
    `serving at ${base.href} with SHARDS=${shards.join(",")}; migrated ${Object.keys(applied).join(", ")}; storage in ${storage.path} (${storage.fs})`,
  );
  /** A database by binding: the control DB, or the shard a tenant's `shard` names. */
  const databaseOf = (binding) => mf.getD1Database(binding, "api");
  /** D1 statements sent to each database so far (bench/api-worker.ts), by binding. */
  const statements = async () => {
    const res = await fetch(new URL("/bench/statements", base));
    if (!res.ok) throw new Error(`/bench/statements answered ${res.status}`);
    return res.json();
  };
  /** Publishes what stock objects owe now (bench/api-worker.ts): of one tenant, or all. */
  const publishStock = async (tenantId) => {
    const url = new URL("/bench/publish-stock", base);
    if (tenantId) url.searchParams.set("tenant", tenantId);
    const res = await fetch(url, { method: "POST" });
    if (res.status !== 204) throw new Error(`/bench/publish-stock answered ${res.status}`);
  };
  return {
    dispose,
    base,
    databaseOf,
    statements,
    publishStock,
    shards,
    storage,
    client: client(base),
  };
}

/** Durable Objects with SQLite storage, per class: one `.sqlite` file each. */
function objectsIn(persistRoot) {
  const out = {};
  const root = path.join(persistRoot, "do");
  let dirs = [];
  try {
    dirs = readdirSync(root);
  } catch {
    return out;
  }
  for (const dir of dirs) {
    const files = readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".sqlite"));
    // Miniflare names each directory <worker>-<class>.
    out[dir.replace(/^api-/, "")] = files.length;
  }
  return out;
}

/** A directory and the type of the filesystem it is on (the longest mount point above it). */
function storageOf(dir) {
  let fs = "unknown";
  try {
    let best = "";
    for (const line of readFileSync("/proc/mounts", "utf8").split("\n")) {
      const [, mountPoint, type] = line.split(" ");
      if (!mountPoint || !type) continue;
      const inside =
        dir === mountPoint ||
        dir.startsWith(mountPoint.endsWith("/") ? mountPoint : `${mountPoint}/`);
      if (inside && mountPoint.length > best.length) {
        best = mountPoint;
        fs = `${type} on ${mountPoint}`;
      }
    }
  } catch {
    // not Linux
  }
  return { path: dir, fs };
}

// ---------------------------------------------------------------------------------------
// Server-Timing

/** `name;dur=1.0;desc="4 calls", …` → { name: { dur, desc } }. */
export function parseServerTiming(header) {
  const metrics = {};
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const metric = {};
    for (const p of params) {
      const eq = p.indexOf("=");
      if (eq < 0) continue;
      const key = p.slice(0, eq).trim();
      const value = p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1");
      metric[key] = key === "dur" ? Number(value) : value;
    }
    metrics[name.trim()] = metric;
  }
  return metrics;
}

const leadingNumber = (desc) => Number.parseFloat(desc ?? "");

/** The figures the API reports for one request, as numbers (NaN when absent). */
export function timingOf(header) {
  const m = parseServerTiming(header);
  return {
    totalMs: m.total?.dur ?? Number.NaN,
    d1Ms: m.d1?.dur ?? Number.NaN,
    d1Calls: leadingNumber(m.d1?.desc),
    d1Statements: leadingNumber(m["d1-statements"]?.desc),
    d1Rounds: leadingNumber(m["d1-rounds"]?.desc),
    d1DbMs: m["d1-db"]?.dur ?? Number.NaN,
    d1RowsRead: leadingNumber(m["d1-rows-read"]?.desc),
    d1RowsWritten: leadingNumber(m["d1-rows-written"]?.desc),
    doMs: m.do?.dur ?? Number.NaN,
    doCalls: leadingNumber(m.do?.desc),
    kvMs: m.kv?.dur ?? Number.NaN,
    kvCalls: leadingNumber(m.kv?.desc),
  };
}

export const TIMING_FIELDS = Object.keys(timingOf(""));

/** Field-by-field mean of several `timingOf` results. */
export function meanTiming(timings) {
  const out = {};
  for (const field of TIMING_FIELDS) out[field] = mean(timings.map((t) => t[field]));
  return out;
}

/** Field-by-field median of several `timingOf` results. */
export function medianTiming(timings) {
  const out = {};
  for (const field of TIMING_FIELDS) out[field] = median(timings.map((t) => t[field]));
  return out;
}

const header = (headers, name) => {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === wanted) return Array.isArray(v) ? v.join(", ") : v;
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------
// Statistics

export function percentile(values, q) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 0.5);

export function mean(values) {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : Number.NaN;
}

export const tally = (values) => {
  const out = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};

// ---------------------------------------------------------------------------------------
// HTTP

/**
 * Every answer the bench saw in the whole run, from its client and from autocannon (warm-up
 * included): how many, how many were not 2xx (by status, with the first few), and requests
 * that got no answer at all (by kind). `bench_non_2xx` is `non2xx + errors`.
 */
export const answers = { total: 0, non2xx: 0, errors: 0, statuses: {}, errorKinds: {}, first: [] };

function seen(status, what) {
  answers.total += 1;
  if (status >= 200 && status < 300) return;
  answers.non2xx += 1;
  answers.statuses[status] = (answers.statuses[status] ?? 0) + 1;
  if (answers.first.length < 5) answers.first.push(`${status} ${what}`.slice(0, 300));
}

function unanswered(kind, what) {
  answers.errors += 1;
  answers.errorKinds[kind] = (answers.errorKinds[kind] ?? 0) + 1;
  if (answers.first.length < 5) answers.first.push(`${kind} ${what}`.slice(0, 300));
}

/**
 * A small JSON client. Each answer carries its status, body, `Server-Timing` figures and
 * the client-side time from send to the last byte of the body (`ms`) and when that was
 * (`at`, performance.now()).
 */
function client(base) {
  async function call(method, urlPath, token, body, headers = {}) {
    const started = performance.now();
    let res;
    let text;
    try {
      res = await fetch(new URL(urlPath, base), {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(knobs.clientTimeoutMs),
      });
      text = await res.text();
    } catch (err) {
      unanswered(err?.name ?? "error", `${method} ${urlPath}`);
      throw err;
    }
    const at = performance.now();
    seen(res.status, `${method} ${urlPath} ${text.slice(0, 200)}`);
    return {
      status: res.status,
      body: text ? JSON.parse(text) : null,
      timing: timingOf(res.headers.get("server-timing")),
      ms: at - started,
      at,
    };
  }
  /** The same call, failing unless the status is `status`; returns the whole answer. */
  async function expect(status, method, urlPath, token, body, headers) {
    const res = await call(method, urlPath, token, body, headers);
    if (res.status !== status) {
      throw new Error(
        `${method} ${urlPath}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`,
      );
    }
    return res;
  }
  return { base, call, expect };
}

// ---------------------------------------------------------------------------------------
// Load

/**
 * CPU seconds (user and kernel) used so far by the workerd processes this script started
 * (Linux /proc; NaN elsewhere). Workerd runs every isolate on one thread: the Worker, its
 * Durable Objects and Miniflare's D1/KV simulators, so CPU per request says what caps a
 * scenario, and kernel time is mostly its storage I/O.
 */
export function workerdCpu() {
  const total = { user: 0, sys: 0 };
  try {
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
        total.user += Number(fields[11]) / 100;
        total.sys += Number(fields[12]) / 100;
      }
    }
    return total;
  } catch {
    return { user: Number.NaN, sys: Number.NaN };
  }
}

/** The workerd processes this script started (Linux /proc; none elsewhere). */
function workerdPids() {
  const pids = [];
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (comm === "workerd" && ppid === process.pid) pids.push(pid);
      } catch {
        // exited meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return pids;
}

/**
 * Local workerd runs every Durable Object in one process, and each live one keeps its SQLite
 * database open (three descriptors: the file, its WAL and its shared memory) until it has
 * been idle a while. Two limits of that one process then stand where the platform spreads
 * objects over many machines:
 * - workerd caps SQLite's heap for the whole process (512 MiB unless its
 *   `increase-sqlite-hard-heap-limit` autogate is on). Past it every statement fails with
 *   SQLITE_NOMEM, the 500s an earlier run saw: about 3,400 open databases did it on this
 *   machine, and none failed so with every autogate on (WORKERD_ALL_AUTOGATES=1).
 * - Its open-file limit: past it, opening a database fails with SQLITE_CANTOPEN.
 * The watch samples both, and the bench fails before either is near.
 */
export const SQLITE_OPEN_BOUND = 2_500;

export function watchDescriptors() {
  let peak = 0;
  let databases = 0;
  let limit = Number.NaN;
  const sample = () => {
    for (const pid of workerdPids()) {
      try {
        const fds = readdirSync(`/proc/${pid}/fd`);
        peak = Math.max(peak, fds.length);
        let open = 0;
        for (const fd of fds) {
          try {
            if (readlinkSync(`/proc/${pid}/fd/${fd}`).endsWith(".sqlite")) open++;
          } catch {
            // closed meanwhile
          }
        }
        databases = Math.max(databases, open);
        const line = /^Max open files\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/limits`, "utf8"));
        if (line) limit = Number(line[1]);
      } catch {
        // exited meanwhile
      }
    }
  };
  const timer = setInterval(sample, 500);
  return () => {
    clearInterval(timer);
    sample();
    return { peak, limit, databases };
  };
}

/** CPU seconds the whole machine has been busy (all cores, every process), from /proc/stat. */
function machineBusySeconds() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
      .split("\n")[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU snapshot: workerd's, this process's (autocannon, the receiver) and the machine's,
 * so a window can tell how much CPU other processes took meanwhile.
 */
function cpuSnapshot() {
  const self = process.cpuUsage();
  return {
    ...workerdCpu(),
    self: (self.user + self.system) / 1e6,
    machine: machineBusySeconds(),
  };
}

/** Starts a window; calling the result says how many cores each party kept busy in it. */
export function cpuWindow() {
  const start = cpuSnapshot();
  const began = performance.now();
  return () => {
    const end = cpuSnapshot();
    const seconds = (performance.now() - began) / 1000;
    const workerd = end.user + end.sys - start.user - start.sys;
    const bench = end.self - start.self;
    return {
      seconds,
      workerdSeconds: workerd,
      workerdSysSeconds: end.sys - start.sys,
      workerd: workerd / seconds,
      bench: bench / seconds,
      others: (end.machine - start.machine - workerd - bench) / seconds,
    };
  };
}

export const workerdCpuSeconds = () => {
  const { user, sys } = workerdCpu();
  return user + sys;
};

/**
 * Waits (up to 5 s) until workerd is idle, so a scenario does not pay for the tail of the
 * last one: requests autocannon abandoned at its stop, waitUntil work, object eviction.
 */
export async function settle() {
  for (let i = 0; i < 20; i++) {
    const before = workerdCpuSeconds();
    await sleep(250);
    if (!(workerdCpuSeconds() - before > 0.025)) return;
  }
}

/**
 * One autocannon run: `skip` seconds not counted, then `duration` seconds measured, on
 * the same connections (or a fixed `amount` of requests, all counted). Latencies (ms,
 * unrounded) come from autocannon's per-response timings; `timings` holds the parsed
 * Server-Timing of each counted 2xx response, `bodies` their bodies when `keepBodies`.
 */
export async function fire({
  url,
  duration = knobs.duration,
  skip = 0,
  connections = knobs.connections,
  keepBodies = false,
  ...opts
}) {
  await settle();
  const run = {
    connections,
    latencies: [],
    timings: [],
    bodies: [],
    ok: 0,
    non2xx: 0,
    errors: 0,
    statusCodes: {},
    errorKinds: {},
  };
  let counting = skip === 0;
  let windowStart = performance.now();
  let cpu = cpuWindow();
  const warmup = setTimeout(() => {
    counting = true;
    windowStart = performance.now();
    cpu = cpuWindow();
  }, skip * 1000);
  // autocannon reports each response's headers (and body) to the request's onResponse,
  // just before its own "response" event for the same response.
  const onResponse = (status, body, _context, headers) => {
    if (!counting || status < 200 || status >= 300) return;
    run.timings.push(timingOf(header(headers, "server-timing")));
    if (keepBodies) run.bodies.push(body);
  };
  const requests = (opts.requests ?? [{}]).map((r) => ({ ...r, onResponse }));
  const instance = autocannon({
    url,
    connections,
    timeout: 30,
    ...opts,
    requests,
    ...(opts.amount ? {} : { duration: skip + duration }),
  });
  let lastResponseAt = Number.NaN;
  instance.on("response", (_client, status, _bytes, ms) => {
    seen(status, `autocannon ${url}`);
    if (!counting) return;
    lastResponseAt = performance.now();
    run.statusCodes[status] = (run.statusCodes[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      run.ok += 1;
      run.latencies.push(ms);
    } else {
      run.non2xx += 1;
    }
  });
  instance.on("reqError", (err) => {
    const kind = err?.code ?? err?.message ?? String(err);
    unanswered(kind, `autocannon ${url}`);
    if (!counting) return;
    run.errors += 1;
    run.errorKinds[kind] = (run.errorKinds[kind] ?? 0) + 1;
  });
  await instance;
  clearTimeout(warmup);
  // A fixed amount ends with its last response: autocannon only notices on its next
  // one-second tick.
  const seconds =
    ((opts.amount && Number.isFinite(lastResponseAt) ? lastResponseAt : performance.now()) -
      windowStart) /
    1000;
  const cores = cpu();
  const responses = run.ok + run.non2xx;
  return {
    ...run,
    seconds,
    rps: run.ok / seconds,
    cpuMs: (cores.workerdSeconds * 1000) / responses,
    sysMs: (cores.workerdSysSeconds * 1000) / responses,
    /** Cores' worth of CPU used by workerd, by this process, and by every other process. */
    cores,
    p50: percentile(run.latencies, 0.5),
    p99: percentile(run.latencies, 0.99),
    failed: run.non2xx + run.errors,
  };
}

/**
 * One row from several windows of the same load: counts summed, latencies and
 * Server-Timing pooled, CPU per response and cores weighted by each window's share.
 */
export function pool(windows) {
  const sum = (f) => windows.reduce((acc, w) => acc + f(w), 0);
  const seconds = sum((w) => w.seconds);
  const ok = sum((w) => w.ok);
  const responses = sum((w) => w.ok + w.non2xx);
  const latencies = windows.flatMap((w) => w.latencies);
  const merged = (f) => {
    const out = {};
    for (const w of windows) for (const [k, n] of Object.entries(f(w))) out[k] = (out[k] ?? 0) + n;
    return out;
  };
  const weighted = (f) => sum((w) => f(w) * w.seconds) / seconds;
  return {
    windows: windows.length,
    connections: windows[0]?.connections,
    latencies,
    timings: windows.flatMap((w) => w.timings),
    bodies: windows.flatMap((w) => w.bodies),
    ok,
    non2xx: sum((w) => w.non2xx),
    errors: sum((w) => w.errors),
    failed: sum((w) => w.failed),
    statusCodes: merged((w) => w.statusCodes),
    errorKinds: merged((w) => w.errorKinds),
    seconds,
    rps: ok / seconds,
    cpuMs: sum((w) => w.cpuMs * (w.ok + w.non2xx)) / responses,
    sysMs: sum((w) => w.sysMs * (w.ok + w.non2xx)) / responses,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cores: {
      workerd: weighted((w) => w.cores.workerd),
      bench: weighted((w) => w.cores.bench),
      others: weighted((w) => w.cores.others),
    },
  };
}

/** Each part's windows in turn, `knobs.rounds` times, the order reversed every other round. */
export async function inTurns(parts) {
  const out = parts.map(() => []);
  for (let round = 0; round < knobs.rounds; round++) {
    const order = parts.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) out[i].push(await parts[i]());
  }
  return out;
}

/** One line for the progress log. */
export function describe(name, row) {
  log(
    `${name}: ${row.rps.toFixed(1)} req/s, p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms, ` +
      `workerd ${row.cpuMs.toFixed(2)} ms CPU/req (${row.sysMs.toFixed(2)} kernel); ` +
      `cores busy: workerd ${row.cores.workerd.toFixed(2)}, bench ${row.cores.bench.toFixed(2)}, others ${row.cores.others.toFixed(2)}` +
      (row.failed
        ? `, ${row.failed} failed ${JSON.stringify({ ...row.statusCodes, ...row.errorKinds })}`
        : ""),
  );
  return row;
}
