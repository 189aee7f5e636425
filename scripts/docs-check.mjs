// `npm run docs:check`: runs the quickstart's shell blocks, as written in
// docs/quickstart.md, against the deploy bundle booted in workerd (as `npm run smoke` does)
// and seeded as `npm run dev` seeds it. Each `curl` must answer what its documented output
// says: an error envelope or a 4xx status line means a 4xx, anything else a 2xx. A broken
// example fails the build. The bundle listens on a port other than 8787 and the blocks run
// unchanged with PORT set to it, as a reader who chose another port runs them: a block that
// ignores PORT fails.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedDemo } from "./demo-seed.mjs";
import { DEFAULT_PORT } from "./dev-port.mjs";
import { startApi } from "./local-worker.mjs";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const DOC = "docs/quickstart.md";
// The quickstart's own token, from .dev.vars.example.
const DEV_ADMIN = readFileSync(".dev.vars.example", "utf8").match(/^ADMIN_TOKEN\s*=\s*(.+)$/m)?.[1];
// The setup block is what this script does itself, with the bundle instead of wrangler dev.
const SETUP = /^npm (install|run dev)\b/m;

/** The ```sh blocks, and for each `curl` in them whether its documented answer is an error. */
function shellBlocks(markdown) {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? "");
  return blocks
    .filter((b) => !SETUP.test(b))
    .map((script) => {
      const lines = script.split("\n");
      const calls = [];
      lines.forEach((line, i) => {
        if (line.startsWith("#") || !/\bcurl\b/.test(line)) return;
        const next = lines.slice(i + 1).findIndex((l) => l.startsWith("#") || /\bcurl\b/.test(l));
        const shown = next >= 0 ? lines[i + 1 + next] : undefined;
        const error = shown?.startsWith("#") && /^# (\{"error"|HTTP\/1\.1 4)/.test(shown);
        calls.push({ line: line.trim(), expect: error ? "4xx" : "2xx" });
      });
      return { script, calls };
    });
}

// Every call is counted in a file: curls inside $(…) run in subshells, which keep no variables.
const WRAPPER = `
curl() {
  local n err code rc
  n=$(( $(cat "$DOCS_COUNT") + 1 )); echo "$n" > "$DOCS_COUNT"
  err=$(mktemp)
  rc=0
  command curl "$@" -w '%{stderr}__STATUS__%{http_code}\\n' 2>"$err" || rc=$?
  grep -v '^__STATUS__' "$err" >&2 || true
  code=$(grep '^__STATUS__' "$err" | tail -n 1 | cut -c11-)
  rm -f "$err"
  echo "$n $code" >> "$DOCS_LOG"
  return $rc
}
`;

async function main() {
  const blocks = shellBlocks(readFileSync(DOC, "utf8"));
  const calls = blocks.flatMap((b) => b.calls);
  if (calls.length === 0) throw new Error(`${DOC} has no curl to check`);
  if (!DEV_ADMIN) throw new Error(".dev.vars.example has no ADMIN_TOKEN");
  // Only `${PORT:-8787}` may name the default port: a literal one would pass here whenever
  // something else happens to answer on 8787, and fail every reader who chose another port.
  for (const { script } of blocks) {
    const rest = script.replaceAll(`\${PORT:-${DEFAULT_PORT}}`, "");
    const fixed = rest.match(new RegExp(`^.*:${DEFAULT_PORT}\\b.*$`, "m"));
    if (fixed)
      throw new Error(`${DOC} names port ${DEFAULT_PORT} outside \${PORT:-…}: ${fixed[0]}`);
  }
  const work = mkdtempSync(path.join(os.tmpdir(), "fulfillment-docs-"));
  const api = await startApi(path.join(work, "bundle"), DEV_ADMIN);
  try {
    const base = String(api.base).replace(/\/$/, "");
    const port = new URL(base).port;
    if (port === String(DEFAULT_PORT)) throw new Error(`the bundle took port ${port}, the default`);
    // Where the quickstart reads the key from, relative to the folder it runs in.
    await seedDemo(base, DEV_ADMIN, () => {}, path.join(work, ".wrangler/demo-api-key"));
    const count = path.join(work, "count");
    const log = path.join(work, "log");
    writeFileSync(count, "0");
    writeFileSync(log, "");
    const script = ["set -eo pipefail", WRAPPER, ...blocks.map((b) => b.script)].join("\n");
    const run = spawnSync("bash", ["-c", script], {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, PORT: port, DOCS_COUNT: count, DOCS_LOG: log },
      timeout: 120_000,
    });
    const answered = readFileSync(log, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split(" ")[1] ?? "");
    let failed = run.status !== 0;
    for (const [i, call] of calls.entries()) {
      const status = answered[i];
      const ok = status?.startsWith(call.expect[0] ?? "") === true;
      if (!ok) failed = true;
      console.log(`${ok ? "ok  " : "FAIL"} ${status ?? "not run"} (${call.expect}) ${call.line}`);
    }
    if (answered.length !== calls.length) {
      console.error(`${calls.length} curls documented, ${answered.length} run`);
      failed = true;
    }
    if (failed) {
      console.error(`bash exited ${run.status}\n--- stderr ---\n${run.stderr.slice(-4000)}`);
      process.exitCode = 1;
    } else {
      console.log(`ok   ${DOC}: ${calls.length} curls answered as documented, on port ${port}`);
    }
  } finally {
    await api.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
