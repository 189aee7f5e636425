// Builds and boots the Worker the way production runs it, for the benchmark and the CI
// smoke check: wrangler's own bundle (what a deploy uploads), served by Miniflare.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions, unstable_readConfig } from "wrangler";
import { writeDocsAssets } from "./docs-assets.mjs";

const WRANGLER = "node_modules/wrangler/bin/wrangler.js";

export function wrangler(args) {
  const res = spawnSync(process.execPath, [WRANGLER, ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      CI: "true",
      WRANGLER_SEND_METRICS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
    },
  });
  if (res.status !== 0) {
    throw new Error(`wrangler ${args.join(" ")} failed:\n${res.stdout}\n${res.stderr}`);
  }
}

/**
 * Miniflare's options for wrangler.toml's development Worker, once the static assets folder it
 * names is written (wrangler refuses a config whose folder is missing).
 */
export function localWorkerOptions() {
  writeDocsAssets();
  return unstable_getMiniflareWorkerOptions("wrangler.toml", "");
}

/**
 * `wrangler deploy --dry-run` into a fresh `outdir`: the bundle a deploy would upload.
 * Returns its entry module, which wrangler names after `main`.
 */
export function bundle(outdir, configArgs, main) {
  rmSync(outdir, { recursive: true, force: true });
  // Absolute: with --config, wrangler resolves a relative --outdir against the config's folder.
  wrangler(["deploy", "--dry-run", ...configArgs, "--outdir", path.resolve(outdir)]);
  return path.join(outdir, `${path.parse(main).name}.js`);
}

/**
 * Non-JS modules that the bundle imports by name. Wrangler turns `*.txt|html|sql` imports
 * into text modules, which only have a default export, so workerd refuses such a bundle.
 */
function namedTextImports(entry) {
  const code = readFileSync(entry, "utf8");
  const found = new Set();
  for (const m of code.matchAll(/import\s*\{[^}]*\}\s*from\s*"\.\/([^"]+)"/g)) {
    if (!/\.[cm]?js$/.test(m[1])) found.add(m[1]);
  }
  return [...found];
}

/** The API bundle, exactly as `wrangler deploy` builds the project, into `out`. */
export function buildApi(out, main) {
  const entry = bundle(out, ["--env="], main);
  const broken = namedTextImports(entry);
  if (broken.length > 0) {
    throw new Error(
      `the bundle imports ${broken.join(", ")} by name, but wrangler makes *.sql/txt/html modules plain text; rename them`,
    );
  }
  return { dir: out, entry };
}

/** Applies the `.sql` files of `dir` in order, as `wrangler d1 migrations apply` would. */
export async function migrate(db, dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  for (const file of files) {
    const statements = readFileSync(path.join(dir, file), "utf8")
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter(Boolean);
    await db.batch(statements.map((s) => db.prepare(s)));
  }
  return files;
}

/**
 * The D1 databases wrangler.toml declares at its top level (development): the control
 * database and each shard, with the migrations folder each takes.
 */
export function localDatabases() {
  return unstable_readConfig({ config: "wrangler.toml" }).d1_databases.map((d) => ({
    binding: d.binding,
    dir: d.migrations_dir ?? "migrations",
  }));
}

/** Migrates every database of `mf` (of its worker `worker`); returns the files applied, per binding. */
export async function migrateAll(mf, worker) {
  const applied = {};
  for (const { binding, dir } of localDatabases()) {
    applied[binding] = await migrate(await mf.getD1Database(binding, worker), dir);
  }
  return applied;
}

/**
 * The deploy bundle (built into `out`) served by Miniflare on 127.0.0.1 with fresh, migrated
 * local storage, as `ENVIRONMENT=development` with the given ADMIN_TOKEN. Returns its base URL
 * and `dispose`, which stops workerd and removes `out`.
 */
export async function startApi(out, adminToken) {
  const { workerOptions: options, main } = localWorkerOptions();
  const build = buildApi(out, main);
  const mf = new Miniflare({
    ...options,
    host: "127.0.0.1",
    port: 0,
    cf: false,
    modules: true,
    modulesRoot: build.dir,
    scriptPath: build.entry,
    bindings: {
      ...options.bindings,
      ENVIRONMENT: "development",
      ADMIN_TOKEN: adminToken,
      CONSOLE_SESSION_SECRET: randomBytes(32).toString("hex"),
    },
  });
  const dispose = async () => {
    await mf.dispose();
    rmSync(out, { recursive: true, force: true });
  };
  try {
    const base = await mf.ready;
    await migrateAll(mf);
    return { base, dispose, mf };
  } catch (err) {
    await dispose();
    throw err;
  }
}
