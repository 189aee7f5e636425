// `npm run dev`: one command from a fresh clone to a running, seeded local API —
// .dev.vars, local D1 migrations, `wrangler dev`, then a demo tenant with products and stock.
// Plain Node (no dependencies) so it works before anything but `npm install` has run.
// Port 8787 unless `npm run dev -- --port N` or PORT=N says otherwise (scripts/dev-port.mjs).
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { seedDemo } from "./demo-seed.mjs";
import { choosePort, otherPortHint } from "./dev-port.mjs";
import { writeDocsAssets } from "./docs-assets.mjs";

// Every path below (.dev.vars, .wrangler, wrangler.toml) is relative to the project root.
process.chdir(fileURLToPath(new URL("..", import.meta.url)));

let PORT;
try {
  PORT = choosePort(process.argv.slice(2), process.env);
} catch (err) {
  console.error(`[dev] ${err.message}`);
  process.exit(2);
}
const BASE = `http://localhost:${PORT}`;
// Wrangler's own launcher rather than `npx wrangler`: npx runs it under `sh -c`, which does
// not pass our SIGINT/SIGTERM on, so Ctrl-C (or a kill) would orphan workerd on its port.
const WRANGLER = "node_modules/wrangler/bin/wrangler.js";
// Skipping the request.cf download lets `wrangler dev` start offline.
const ENV = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false" };

const log = (msg) => console.log(`[dev] ${msg}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// A bounded probe: a half-started server can accept a connection and never answer.
const healthy = () =>
  fetch(`${BASE}/health`, { signal: AbortSignal.timeout(2000) }).then(
    (res) => res.status === 200,
    () => false,
  );

function readAdminToken() {
  if (!existsSync(".dev.vars")) {
    copyFileSync(".dev.vars.example", ".dev.vars");
    log("created .dev.vars from .dev.vars.example");
  }
  const line = readFileSync(".dev.vars", "utf8")
    .split(/\r?\n/)
    .find((l) => /^\s*ADMIN_TOKEN\s*=/.test(l));
  const token = line
    ?.split("=")
    .slice(1)
    .join("=")
    .trim()
    .replace(/^(["'])(.*)\1$/, "$2");
  if (!token) throw new Error("ADMIN_TOKEN is missing from .dev.vars");
  return token;
}

/** The D1 bindings wrangler.toml declares for development: its top-level [[d1_databases]]. */
function localBindings() {
  const toml = readFileSync("wrangler.toml", "utf8");
  return [...toml.matchAll(/^\[\[d1_databases\]\]\s*\nbinding\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
}

/**
 * Whether we may listen on PORT: the error code if not. No host means every address, so a
 * program holding the port on 127.0.0.1, ::1 or all interfaces is found before wrangler
 * meets it and fails with a stack trace.
 */
const portRefusal = () =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (err) => resolve(err.code ?? err.message));
    probe.listen({ port: PORT, exclusive: true }, () => probe.close(() => resolve(null)));
  });

async function waitForHealth(child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode})`);
    if (await healthy()) return;
    await sleep(500);
  }
  throw new Error(`${BASE}/health did not answer 200 within 60 s`);
}

const admin = readAdminToken();
// A second server on the port would answer our health checks and take our seed data.
if (await healthy()) {
  console.error(
    `[dev] a server is already answering on port ${PORT} (another "npm run dev"?); stop it or ${otherPortHint(PORT)}.`,
  );
  process.exit(1);
}
const refusal = await portRefusal();
if (refusal === "EADDRINUSE") {
  console.error(`[dev] port ${PORT} is in use by another program; ${otherPortHint(PORT)}.`);
  process.exit(1);
} else if (refusal) {
  console.error(`[dev] cannot listen on port ${PORT} (${refusal}); ${otherPortHint(PORT)}.`);
  process.exit(1);
}
// The control database and every shard, each with its own migrations (wrangler.toml).
for (const binding of localBindings()) {
  const migrate = spawnSync(
    process.execPath,
    [WRANGLER, "d1", "migrations", "apply", binding, "--local"],
    // CI=true answers the "apply N migrations?" prompt; wrangler dev keeps its TTY hotkeys.
    { stdio: "inherit", env: { ...ENV, CI: "true" } },
  );
  if (migrate.status !== 0) process.exit(migrate.status ?? 1);
}

// wrangler.toml's [assets] folder: the viewer /docs loads, from the installed package.
writeDocsAssets();
const args = [WRANGLER, "dev", "--port", String(PORT), "--log-level", "warn"];
const child = spawn(process.execPath, args, { stdio: "inherit", env: ENV });
let failed = false;
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(failed ? 1 : (code ?? (signal ? 1 : 0))));

try {
  await waitForHealth(child);
} catch (err) {
  console.error(`[dev] ${err.message}`);
  failed = true;
  child.kill("SIGTERM");
}
if (!failed) {
  try {
    const key = await seedDemo(BASE, admin, log);
    console.log(`
  Fulfillment API   ${BASE}
  API reference     ${BASE}/docs
  Console           ${BASE}/console (sign in with the demo key)
  OpenAPI document  ${BASE}/v1/openapi.json
  Demo API key      ${key}
  Admin token       ADMIN_TOKEN in .dev.vars
`);
  } catch (err) {
    // The server itself is fine, so keep it up: the developer can debug the seed against it.
    console.error(`[dev] seeding the demo tenant failed: ${err.message}`);
  }
}
