// `npm run test:browser` (after the console's): the API reference at /docs in a real headless
// Chromium (Debian's, at /usr/bin/chromium or CHROMIUM_PATH, driven by playwright-core) against
// the deploy bundle booted in workerd, with every request to another origin refused, as on a
// machine with no network: the viewer must list the operations all the same, and with its
// script refused or JavaScript off the page must say why instead of staying blank. Each step
// prints ok or FAIL; any failure exits non-zero.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startApi } from "../../scripts/local-worker.mjs";

process.chdir(fileURLToPath(new URL("../..", import.meta.url)));

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// src/orders/orders.routes.ts: the summary the viewer lists POST /v1/orders under.
const CREATE_ORDER = "Create a fulfillment order";

class StepFailed extends Error {}

async function step(name, run) {
  try {
    const result = await run();
    console.log(`ok   ${name}`);
    return result;
  } catch (err) {
    console.log(`FAIL ${name}`);
    throw new StepFailed(`${name}: ${err instanceof Error ? err.message : err}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * A page whose every request off `origin` (and to `alsoRefuse`, if given) is aborted and
 * recorded, as are Content-Security-Policy violations and uncaught errors.
 */
async function offlinePage(browser, origin, { alsoRefuse, javaScript = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const seen = { offsite: [], refused: [], csp: [], errors: [] };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      seen.offsite.push(url.href);
      return route.abort("internetdisconnected");
    }
    if (url.pathname === alsoRefuse) {
      seen.refused.push(url.href);
      return route.abort("failed");
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.csp.push(msg.text());
  });
  page.on("pageerror", (err) => seen.errors.push(err.message));
  return { page, seen, close: () => context.close() };
}

const out = mkdtempSync(path.join(os.tmpdir(), "fulfillment-docs-browser-"));
let server;
let browser;
let failed = false;
let failedPage;

try {
  const base = await step("boot the deploy bundle in workerd", async () => {
    server = await startApi(out, randomBytes(16).toString("hex"));
    return server.base.origin;
  });
  const docs = new URL("/docs", base).toString();

  const viewer = await step(
    "/docs names nothing off-site, and its viewer answers as JavaScript",
    async () => {
      const res = await fetch(docs);
      const page = await res.text();
      const urls = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      const offsite = urls.filter((u) => new URL(u, base).origin !== base);
      check(offsite.length === 0, `off-site URLs: ${offsite.join(", ")}`);
      const src = /<script src="([^"]+)"/.exec(page)?.[1];
      check(src?.startsWith("/docs/assets/"), `the viewer script is ${src}`);
      const script = await fetch(new URL(src, base));
      await script.arrayBuffer();
      check(script.status === 200, `${src} answered ${script.status}`);
      const type = script.headers.get("content-type") ?? "";
      check(/^(text|application)\/javascript/.test(type), `${src} is ${type}`);
      const cache = script.headers.get("cache-control") ?? "";
      check(cache.includes("immutable"), `${src} is cached as "${cache}"`);
      return src;
    },
  );

  await step(`launch ${CHROMIUM} headless`, async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  await step("offline, the viewer lists the operations", async () => {
    const { page, seen, close } = await offlinePage(browser, base);
    failedPage = page;
    await page.goto(docs);
    // The viewer opens the first tag; the others open from the sidebar.
    await page.getByText("Orders", { exact: true }).first().click();
    await page.getByRole("heading", { name: CREATE_ORDER }).waitFor();
    check(!(await page.locator("#docs-fallback").isVisible()), "the fallback shows beside it");
    check(seen.offsite.length === 0, `the page reached off-site: ${seen.offsite.join(", ")}`);
    check(seen.csp.length === 0, `Content-Security-Policy violations: ${seen.csp.join("\n")}`);
    check(seen.errors.length === 0, `uncaught errors: ${seen.errors.join("\n")}`);
    await close();
  });

  await step("with the viewer refused, the page says why and links the document", async () => {
    const { page, seen, close } = await offlinePage(browser, base, { alsoRefuse: viewer });
    failedPage = page;
    await page.goto(docs);
    const fallback = page.locator("#docs-fallback");
    await fallback.getByText("did not run its viewer").waitFor();
    await fallback.getByRole("link", { name: "/v1/openapi.json" }).waitFor();
    check(seen.refused.length === 1, `the viewer was requested ${seen.refused.length} times`);
    await close();
  });

  // (Its <noscript> line is not checked: turning scripts off here is a runtime switch, so the
  // parser still treats <noscript> as a browser with scripting does, and never shows it.)
  await step("with JavaScript off, the page says why and links the document", async () => {
    const { page, close } = await offlinePage(browser, base, { javaScript: false });
    failedPage = page;
    await page.goto(docs);
    const fallback = page.locator("#docs-fallback");
    await fallback.getByText("did not run its viewer").waitFor();
    await fallback.getByRole("link", { name: "/v1/openapi.json" }).waitFor();
    await close();
  });
  failedPage = undefined;
  console.log("\ndocs browser tests passed");
} catch (err) {
  failed = true;
  console.error(`\ndocs browser tests failed: ${err instanceof Error ? err.message : err}`);
  if (failedPage) {
    const shot = path.join(os.tmpdir(), "docs-browser-failure.png");
    await failedPage.screenshot({ path: shot, fullPage: true }).catch(() => {});
    console.error(`page at failure: ${failedPage.url()} (screenshot ${shot})`);
  }
} finally {
  await browser?.close().catch(() => {});
  await server?.dispose().catch(() => {});
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
