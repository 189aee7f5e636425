// The static files the Worker serves (wrangler.toml [assets]): the API reference viewer /docs
// loads, copied from the installed @scalar/api-reference, so /docs needs nothing off-site. The
// folder is generated, never committed: every way the Worker runs writes it first (`npm run
// dev`, the vitest config, scripts/local-worker.mjs for smoke/contract/docs:check/test:browser,
// `npm run deploy:<env>`), so it always holds the version package.json pins.
//
//   node scripts/docs-assets.mjs
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PACKAGE = "@scalar/api-reference";

/** wrangler.toml's [assets] directory: its tree is the URL tree the Worker serves. */
export const ASSETS_DIR = path.join(ROOT, "dist", "assets");

/** The viewer's URL, named after its version; src/system/system.index.ts builds the same. */
export const viewerPath = (version) => `/docs/assets/api-reference-${version}.js`;

/** Writes ASSETS_DIR afresh from the installed package; returns the viewer's URL path. */
export function writeDocsAssets() {
  const pinned = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"))
    .devDependencies?.[PACKAGE];
  // Its exports map hides both package.json and dist/browser/, so it is read by path.
  const root = path.join(ROOT, "node_modules", PACKAGE);
  const installed = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version;
  if (installed !== pinned) {
    throw new Error(
      `package.json pins ${PACKAGE} ${pinned} but ${installed} is installed: run \`npm ci\``,
    );
  }
  const url = viewerPath(installed);
  // Written afresh, so no earlier version's viewer lingers beside it.
  rmSync(ASSETS_DIR, { recursive: true, force: true });
  mkdirSync(path.join(ASSETS_DIR, path.dirname(url)), { recursive: true });
  copyFileSync(path.join(root, "dist", "browser", "standalone.js"), path.join(ASSETS_DIR, url));
  // Read by the static assets router, not served: a new version is a new URL, so a browser
  // may keep this one for good.
  writeFileSync(
    path.join(ASSETS_DIR, "_headers"),
    `${url}\n  Cache-Control: public, max-age=31536000, immutable\n  X-Content-Type-Options: nosniff\n`,
  );
  return url;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`ok   ${path.relative(ROOT, ASSETS_DIR)}${writeDocsAssets()}`);
}
