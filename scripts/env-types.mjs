// `npm run cf-typegen` writes src/env.d.ts, the Worker's bindings as wrangler.toml declares
// them; `npm run cf-typegen:check` regenerates it and fails when the committed file differs.
// Secrets are not in wrangler.toml: reading a developer's .dev.vars would make the file depend
// on it, so no env file is read, and src/lib/environment.ts declares the secrets itself.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const FILE = "src/env.d.ts";
const check = process.argv.includes("--check");
const committed = readFileSync(FILE, "utf8");

const run = spawnSync(
  "npx",
  [
    "wrangler",
    "types",
    FILE,
    "--include-runtime=false",
    "--strict-vars=false",
    "--env-file",
    "/dev/null",
  ],
  { stdio: ["ignore", "ignore", "inherit"] },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const generated = readFileSync(FILE, "utf8");
if (check) {
  writeFileSync(FILE, committed);
  if (generated !== committed) {
    console.error(`${FILE} is out of date with wrangler.toml: run \`npm run cf-typegen\`.`);
    process.exit(1);
  }
  console.log(`ok   ${FILE} matches wrangler.toml`);
}
