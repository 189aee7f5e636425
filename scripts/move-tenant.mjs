// `npm run move-tenant -- <tenant id> <to shard> (--local | --env sandbox|production)`:
// moves one tenant's data to another shard, the runbook of docs/deploying.md as one command.
// Freeze the tenant, wait until every isolate has read the freeze, copy its rows page by page,
// check the copy table by table, point the control database at the new shard and thaw, then
// clear the old copy. The freeze and the switch go to KV too, for Workers that cannot read the
// control database then (src/db/shards.ts says why). A step that fails stops the move with the
// tenant still frozen (its requests answer 503 with Retry-After), and running the command
// again resumes it: the copy continues from its last checkpoint in the new shard.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { unstable_readConfig } from "wrangler";
import { PLACEMENT_KV_TTL_SECONDS, placementEntry } from "./placement-kv.mjs";
import { copyTenant, countTenant, deleteStatements, forgetMove } from "./tenant-copy.mjs";
import { verifyTenant } from "./tenant-verify.mjs";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const WRANGLER = "node_modules/wrangler/bin/wrangler.js";
// src/db/shards.ts PLACEMENT_TTL_MS, twice, and a margin: every isolate has re-read the
// tenant's placement (now frozen) and every request that read the old one has finished. It
// also gives KV the minute it usually takes to carry the frozen placement everywhere.
const FREEZE_WAIT_MS = 65_000;
// Rows per read and per written file: one wrangler process each, memory bounded by a page.
const PAGE_ROWS = 5000;

const log = (msg) => console.log(`[move-tenant] ${msg}`);
function fail(msg) {
  console.error(`[move-tenant] ${msg}`);
  process.exit(1);
}

function parseArgs(argv) {
  const [tenantId, to, ...rest] = argv;
  const usage =
    "usage: npm run move-tenant -- <tenant id> <shard binding> (--local | --env sandbox|production) [--no-wait]";
  if (!tenantId?.startsWith("ten_") || !to) fail(usage);
  const local = rest.includes("--local");
  const envAt = rest.indexOf("--env");
  const env = envAt >= 0 ? rest[envAt + 1] : undefined;
  if (local === (env !== undefined)) fail(usage);
  const wait = !rest.includes("--no-wait");
  // Skipping the wait is safe only where no other isolate can hold the old placement.
  if (!wait && !local) fail("--no-wait is for --local only");
  return { tenantId, to, local, env, wait };
}

const args = parseArgs(process.argv.slice(2));
const config = unstable_readConfig({ config: "wrangler.toml", env: args.env });
const databases = new Map(config.d1_databases.map((d) => [d.binding, d.database_name]));
const shards = String(config.vars?.SHARDS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const where = args.local ? ["--local"] : ["--remote", "--env", args.env];

/** Runs SQL on the database bound as `binding`: a command's rows, or a file of statements. */
function execute(binding, sql) {
  const name = databases.get(binding);
  if (!name) fail(`${binding} is not a D1 binding of ${args.env ?? "development"}`);
  const res = spawnSync(
    process.execPath,
    [WRANGLER, "d1", "execute", name, ...where, "--json", ...sql],
    {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    },
  );
  if (res.status !== 0) fail(`wrangler d1 execute ${name} failed:\n${res.stdout}\n${res.stderr}`);
  const start = res.stdout.indexOf("[");
  return JSON.parse(res.stdout.slice(start)).flatMap((r) => r.results ?? []);
}

const query = (binding) => async (sql) => execute(binding, ["--command", sql]);

function runFile(binding, statements) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "move-tenant-"));
  try {
    const file = path.join(dir, "statements.sql");
    writeFileSync(file, `${statements.join("\n")}\n`);
    execute(binding, ["--file", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const control = query("DB");

const [tenant] = await control(
  `SELECT id, shard, frozen_at FROM tenants WHERE id = '${args.tenantId.replaceAll("'", "")}'`,
);
if (!tenant) fail(`no tenant ${args.tenantId} in the control database`);
if (!shards.includes(args.to)) fail(`${args.to} is not in SHARDS (${shards.join(", ")})`);

/** The control database's clock, in ms: what Workers stamp the placements they read with. */
async function controlNow() {
  const [row] = await control("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now");
  return Date.parse(row.now);
}

/**
 * Writes the tenant's placement, as the control database now holds it, to KV: a Worker that
 * cannot read the control database serves the newest placement it finds, and this is newer
 * than any it read before.
 */
async function placeInKv(shard, frozen) {
  const { key, value } = placementEntry(tenant.id, shard, frozen, await controlNow());
  const ttl = ["--ttl", String(PLACEMENT_KV_TTL_SECONDS)];
  const kvWhere = args.local ? ["--local"] : ["--remote", "--env", args.env];
  const res = spawnSync(
    process.execPath,
    [WRANGLER, "kv", "key", "put", key, value, "--binding", "KV", ...ttl, ...kvWhere],
    { encoding: "utf8", env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" } },
  );
  if (res.status !== 0) {
    fail(`wrangler kv key put ${key} failed (run this again):\n${res.stdout}\n${res.stderr}`);
  }
}

/** Clears the tenant's rows from a shard it is not placed on. */
function clear(shard, step) {
  runFile(shard, deleteStatements(tenant.id));
  log(`${step}. cleared its rows from ${shard}`);
}

if (tenant.shard === args.to) {
  // An earlier run placed it and stopped before clearing: rows left on another shard would be
  // swept (their webhooks sent again) and archived there, so they go now. It may have stopped
  // before telling KV, too.
  await placeInKv(args.to, false);
  runFile(args.to, [forgetMove(tenant.id)]);
  for (const shard of shards.filter((s) => s !== args.to)) {
    const left = Object.values(await countTenant(query(shard), tenant.id)).some((n) => n > 0);
    if (left) clear(shard, 5);
  }
  log(`${args.tenantId} is on ${args.to}, and on no other shard`);
  process.exit(0);
}
const from = tenant.shard;
log(`${args.tenantId}: ${from} → ${args.to} (${args.local ? "local" : args.env})`);

if (!tenant.frozen_at) {
  await control(
    `UPDATE tenants SET frozen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = '${tenant.id}'`,
  );
  log("1. frozen: its requests now answer 503 tenant_unavailable with Retry-After");
} else {
  log(`1. frozen since ${tenant.frozen_at}: resuming`);
}
await placeInKv(from, true);
// A run that stopped during the wait leaves the rest of it to wait out.
const [{ frozen_at: frozenAt }] = await control(
  `SELECT frozen_at FROM tenants WHERE id = '${tenant.id}'`,
);
const waitMs = FREEZE_WAIT_MS - ((await controlNow()) - Date.parse(frozenAt));
if (args.wait && waitMs > 0) {
  log(`   waiting ${Math.ceil(waitMs / 1000)} s for every isolate to read the freeze`);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
}

// A new freeze is a new move: whatever an earlier one left in the new shard is cleared.
const move = `${from}@${frozenAt}`;
let copied = 0;
await copyTenant({
  read: query(from),
  readTarget: query(args.to),
  write: async (statements) => runFile(args.to, statements),
  tenantId: tenant.id,
  move,
  size: PAGE_ROWS,
  onPage: (table, rows) => {
    copied += rows;
    log(`   ${table}: ${rows} rows (${copied} this run)`);
  },
});
log(`2. copied to ${args.to}: ${copied} rows this run`);

const differ = await verifyTenant(query(from), query(args.to), tenant.id, PAGE_ROWS);
if (differ.length > 0) {
  // The source changed under the copy (see "If the control database fails"): copy it anew.
  runFile(args.to, [forgetMove(tenant.id)]);
  const side = ({ rows, checksum }) =>
    checksum ? `${rows} rows, checksum ${checksum}` : `${rows} rows`;
  const tables = differ.map(
    ({ table, source, copy }) => `${table} (${side(source)} vs ${side(copy)})`,
  );
  fail(
    `3. the copy differs in ${tables.join(", ")}; the tenant stays frozen on its old shard: ` +
      "run this again to copy it afresh",
  );
}
log("3. verified: every table holds the same rows on both shards, by count and checksum");

await control(
  `UPDATE tenants SET shard = '${args.to}', frozen_at = NULL WHERE id = '${tenant.id}'`,
);
runFile(args.to, [forgetMove(tenant.id)]);
await placeInKv(args.to, false);
log(`4. placed on ${args.to} and thawed`);

clear(from, 5);
