// `npm run deploy:sandbox` / `npm run deploy:production`: one command from an empty Cloudflare
// account to a running Worker, and safe to rerun. It lists what the account has, creates the
// D1 database, KV namespace, R2 bucket and queues the environment names in wrangler.toml that
// are missing, writes their ids into wrangler.toml (the one place wrangler reads them), applies
// the remote D1 migrations and deploys.
//
//   node scripts/deploy.mjs <sandbox|production> [--dry-run]
//
// --dry-run touches no account: it prints what the environment needs and builds the bundle
// `wrangler deploy` would upload (`npm run deploy:check` does this for both, in CI).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  ENVIRONMENTS,
  idsOf,
  parseD1List,
  parseKvList,
  parseSecretList,
  planResources,
  queueExists,
  r2BucketExists,
  readEnvironment,
  writeIds,
} from "./deploy-config.mjs";
import { writeDocsAssets } from "./docs-assets.mjs";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const CONFIG = "wrangler.toml";
// Wrangler's own launcher, as scripts/dev.mjs uses it: no `sh -c` between us and it.
const WRANGLER = "node_modules/wrangler/bin/wrangler.js";
const ENV = { ...process.env, WRANGLER_SEND_METRICS: "false" };

const log = (msg) => console.log(`[deploy] ${msg}`);

function fail(msg) {
  console.error(`[deploy] ${msg}`);
  process.exit(1);
}

/** A wrangler command whose output we read; stdin stays ours so a login prompt still works. */
function capture(args) {
  const res = spawnSync(process.execPath, [WRANGLER, ...args], {
    encoding: "utf8",
    env: ENV,
    stdio: ["inherit", "pipe", "pipe"],
  });
  return { status: res.status, stdout: res.stdout ?? "", stderr: res.stderr ?? "" };
}

function read(args) {
  const res = capture(args);
  if (res.status !== 0) {
    fail(`wrangler ${args.join(" ")} failed:\n${res.stdout}${res.stderr}`);
  }
  return res.stdout;
}

/** A wrangler command the operator watches (and answers, if it asks). */
function run(args) {
  log(`wrangler ${args.join(" ")}`);
  const res = spawnSync(process.execPath, [WRANGLER, ...args], { env: ENV, stdio: "inherit" });
  if (res.status !== 0) fail(`wrangler ${args.join(" ")} exited with ${res.status ?? res.signal}`);
}

const migrations = (dir) => readdirSync(dir).filter((f) => f.endsWith(".sql"));

function describe(steps) {
  for (const s of steps) {
    const what = s.kind === "queue" ? "queue" : `${s.kind.toUpperCase()} ${s.binding}`;
    const state = {
      keep: s.id ? `exists (${s.id})` : "exists",
      adopt: `exists (${s.id}), not yet in ${CONFIG}`,
      create: "missing: will be created",
    }[s.action];
    log(`  ${what.padEnd(8)} ${s.name.padEnd(36)} ${state}`);
  }
}

function dryRun(wanted) {
  log(`${wanted.env}: Worker ${wanted.worker} (dry run: no Cloudflare account is contacted)`);
  log(`  D1_REGION ${wanted.region}: the D1 primary and the order and stock objects live there`);
  log(`  SHARDS ${wanted.shards.join(", ")}: new tenants go to the one holding fewest`);
  for (const db of wanted.d1) {
    const id = db.id ?? "id written on deploy";
    const sql = `${migrations(db.migrations).length} migrations in ${db.migrations}`;
    log(`  D1 ${db.binding.padEnd(7)} ${db.name.padEnd(36)} ${id}; ${sql}`);
  }
  for (const ns of wanted.kv) {
    log(`  KV ${ns.binding.padEnd(5)} ${ns.title.padEnd(36)} ${ns.id ?? "id written on deploy"}`);
  }
  for (const b of wanted.r2) log(`  R2 ${b.binding.padEnd(5)} ${b.name}`);
  for (const q of wanted.queues) log(`  queue    ${q}`);
  log(`  a deploy creates whichever is missing, writes the ids into ${CONFIG}, applies to each`);
  log(`  database the migrations it lacks and deploys the Worker`);
  const out = mkdtempSync(path.join(os.tmpdir(), `fulfillment-deploy-${wanted.env}-`));
  try {
    run(["deploy", "--dry-run", "--env", wanted.env, "--outdir", out]);
    const entry = path.join(out, "index.js");
    if (!existsSync(entry)) fail(`wrangler deploy --dry-run wrote no ${entry}`);
    log(`${wanted.env}: the bundle builds (${readdirSync(out).length} files in its outdir)`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function existing(wanted) {
  return {
    d1: parseD1List(read(["d1", "list", "--json"])),
    kv: parseKvList(read(["kv", "namespace", "list"])),
    r2: wanted.r2
      .map((b) => b.name)
      .filter((name) => r2BucketExists(name, capture(["r2", "bucket", "info", name, "--json"]))),
    queues: wanted.queues.filter((q) => queueExists(q, capture(["queues", "info", q]))),
  };
}

function deploy(wanted) {
  const { env } = wanted;
  log(`${env}: Worker ${wanted.worker}; what the account has:`);
  let steps = planResources(wanted, existing(wanted));
  describe(steps);

  const missing = steps.filter((s) => s.action === "create");
  for (const s of missing) {
    // Where the primary lives is fixed at creation; objects are hinted to the same region.
    if (s.kind === "d1") run(["d1", "create", s.name, "--location", wanted.region]);
    // No --env: wrangler would prefix the title with it, and the title is how we find it again.
    if (s.kind === "kv") run(["kv", "namespace", "create", s.name]);
    if (s.kind === "r2") run(["r2", "bucket", "create", s.name]);
    if (s.kind === "queue") run(["queues", "create", s.name]);
  }
  if (missing.length > 0) {
    // The ids come from the account, not from parsing what the create commands printed.
    steps = planResources(wanted, existing(wanted));
    const still = steps.filter((s) => s.action === "create");
    if (still.length > 0) fail(`created but not listed: ${still.map((s) => s.name).join(", ")}`);
  }

  const toml = readFileSync(CONFIG, "utf8");
  const next = writeIds(toml, env, idsOf(steps));
  if (next === toml) {
    log(`${CONFIG} already holds the ${env} ids`);
  } else {
    writeFileSync(CONFIG, next);
    log(
      `wrote the ${env} ids into ${CONFIG}; commit them so every clone deploys the same resources`,
    );
  }

  for (const db of wanted.d1) {
    run(["d1", "migrations", "apply", db.name, "--remote", "--env", env]);
    // Declining wrangler's confirmation still exits 0: never deploy code ahead of its schema.
    const left = read(["d1", "migrations", "list", db.name, "--remote", "--env", env]);
    if (!left.includes("No migrations to apply")) {
      fail(`${db.name} still has unapplied migrations; not deploying:\n${left}`);
    }
  }
  run(["deploy", "--env", env]);

  const secrets = capture(["secret", "list", "--env", env]);
  const needed = {
    ADMIN_TOKEN: "/admin/v1 answers 503 admin_disabled",
    CONSOLE_SESSION_SECRET: "/console answers 503 console_disabled",
  };
  if (secrets.status !== 0) {
    log(`could not list the Worker's secrets; check ${Object.keys(needed).join(" and ")} are set:`);
    log(secrets.stderr);
  } else {
    const set = parseSecretList(secrets.stdout);
    for (const [name, without] of Object.entries(needed)) {
      if (set.includes(name)) continue;
      log(`${name} is not set, so ${without}. Set it with:`);
      log(`  npx wrangler secret put ${name} --env ${env}`);
    }
  }
  log(`${env}: deployed`);
}

const args = process.argv.slice(2);
const env = args.find((a) => !a.startsWith("--"));
const unknown = args.filter((a) => a.startsWith("--") && a !== "--dry-run");
if (!ENVIRONMENTS.includes(env) || unknown.length > 0) {
  fail(`usage: node scripts/deploy.mjs <${ENVIRONMENTS.join("|")}> [--dry-run]`);
}
const wanted = readEnvironment(readFileSync(CONFIG, "utf8"), env);
// wrangler.toml's [assets] folder, which the upload includes: the viewer /docs loads.
log(`static assets: ${writeDocsAssets()} from @scalar/api-reference`);
if (args.includes("--dry-run")) dryRun(wanted);
else deploy(wanted);
