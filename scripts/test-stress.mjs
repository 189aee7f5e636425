// `npm run test:stress`: the suite as a loaded machine runs it. `vitest run` three times in
// a row while a second copy of the suite runs beside it, over and over, competing for the
// same cores. Every run must pass: the three in front, and each copy beside them that
// finished (the one still running when the third ends is stopped and not counted). Prints
// each run's test counts and wall time; exits non-zero on any failure. STRESS_RUNS sets how
// many runs go in front (3).
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
const RUNS = Number(process.env.STRESS_RUNS ?? 3);
const LOGS = mkdtempSync(path.join(os.tmpdir(), "test-stress-"));
const FILES = process.argv.slice(2);

/** One `vitest run`, its output kept for a failure's report. */
function suite(label) {
  const started = Date.now();
  const child = spawn(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...FILES], {
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it stops the workerd processes it started too.
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const done = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      const plain = stripVTControlCharacters(output);
      const tests = /^\s*Tests\s+(.*)$/m.exec(plain)?.[1]?.trim() ?? "no summary";
      const seconds = Math.round((Date.now() - started) / 1000);
      const log = path.join(LOGS, `${label.replace(/\W+/g, "-")}.log`);
      writeFileSync(log, output);
      resolve({ label, code, signal, tests, seconds, output, log });
    });
  });
  return { child, done };
}

const results = [];
let stopping = false;
let beside;
const besideLoop = (async () => {
  for (let n = 1; !stopping; n++) {
    beside = suite(`beside #${n}`);
    const result = await beside.done;
    if (stopping) break;
    results.push(result);
    console.log(`${result.label}: ${result.tests} in ${result.seconds} s (exit ${result.code})`);
  }
})();

for (let n = 1; n <= RUNS; n++) {
  const result = await suite(`run #${n}`).done;
  results.push(result);
  console.log(`${result.label}: ${result.tests} in ${result.seconds} s (exit ${result.code})`);
}
stopping = true;
try {
  if (beside?.child.pid) process.kill(-beside.child.pid, "SIGTERM");
} catch {
  // It had just finished.
}
await besideLoop;

const failed = results.filter((r) => r.code !== 0);
for (const f of failed) {
  console.log(`\n--- ${f.label} failed (whole output: ${f.log}); its failures:`);
  const lines = stripVTControlCharacters(f.output).split("\n");
  console.log(
    lines
      .filter((l) => /FAIL|×|AssertionError|Error:/.test(l))
      .slice(0, 60)
      .join("\n"),
  );
}
const front = results.filter((r) => r.label.startsWith("run"));
console.log(
  `\ntest:stress: ${front.filter((r) => r.code === 0).length}/${RUNS} runs passed in front (${front.map((r) => `${r.seconds} s`).join(", ")}), ${results.length - front.length} beside them, ${failed.length} failed`,
);
process.exit(failed.length === 0 ? 0 : 1);
