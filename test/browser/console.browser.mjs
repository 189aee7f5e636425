// `npm run test:browser`: a real headless Chromium (Debian's, at /usr/bin/chromium or
// CHROMIUM_PATH, driven by playwright-core; never a downloaded browser) works the console of
// the deploy bundle, booted in workerd through Miniflare as `npm run smoke` does. A local HTTP
// server stands in for the merchant's webhook receiver. Each step prints ok or FAIL; any
// failure exits non-zero. Screenshots are taken on the way: into a temporary folder, or with
// --update-screenshots (`npm run screenshots`) into docs/images/, which docs/console.md shows.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startApi } from "../../scripts/local-worker.mjs";

process.chdir(fileURLToPath(new URL("../..", import.meta.url)));

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const IMAGES = process.argv.includes("--update-screenshots")
  ? "docs/images"
  : mkdtempSync(path.join(os.tmpdir(), "console-screenshots-"));
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SEED = JSON.parse(readFileSync("fixtures/seed.json", "utf8"));

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

/** Retries `probe` (a page reload and a look) until it returns a value, for up to `ms`. */
async function until(what, probe, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The merchant's webhook endpoint: records every delivery and answers 200. */
function startReceiver() {
  const deliveries = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.end("ok");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, deliveries, url: `http://127.0.0.1:${server.address().port}/hooks` }),
    ),
  );
}

async function api(base, method, url, token, body, expected) {
  const res = await fetch(new URL(url, base), {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status !== expected) {
    throw new Error(`${method} ${url} → ${res.status}: ${JSON.stringify(json).slice(0, 500)}`);
  }
  return json;
}

/** Reference data, a merchant with the seed's catalog and stock, and its key. */
async function seedMerchant(base, admin) {
  for (const w of SEED.warehouses) await api(base, "POST", "/admin/v1/warehouses", admin, w, 201);
  for (const m of SEED.shipping_methods) {
    await api(base, "POST", "/admin/v1/shipping-methods", admin, m, 201);
  }
  const tenant = await api(base, "POST", "/admin/v1/tenants", admin, { name: "Browser Co" }, 201);
  const key = tenant.api_key.key;
  for (const { stock_per_warehouse: units, ...product } of SEED.products) {
    await api(base, "POST", "/v1/products", key, product, 201);
    await api(
      base,
      "POST",
      "/v1/ops/inventory-adjustments",
      key,
      { sku: product.sku, warehouse_id: "wh_syd_1", quantity_delta: units, reason: "found" },
      201,
    );
  }
  return key;
}

let orderCount = 0;
const orderBody = (overrides = {}) => {
  orderCount += 1;
  return {
    order_number: `SO-${200400 + orderCount}`,
    reference: `F-${200400 + orderCount}-${randomUUID().slice(0, 4)}`,
    warehouse_id: "wh_syd_1",
    shipping_method_id: "sm_auspost_express",
    packing_note: "Leave in porch",
    ship_to: {
      name: "Jane Doe",
      address1: "123 Main St",
      city: "Sydney",
      state: "NSW",
      postcode: "2000",
      country: "AU",
    },
    items: [{ sku: "WIDGET-BLUE-M", description: "Blue Widget — Medium", quantity: 2 }],
    ...overrides,
  };
};

/**
 * Desktop and phone-width screenshots of what the page shows now. At phone width the page
 * itself must not scroll sideways: wide tables scroll inside their own region.
 */
async function screenshots(page, name, focus) {
  mkdirSync(IMAGES, { recursive: true });
  for (const [size, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ]) {
    await page.setViewportSize(viewport);
    if (focus)
      await page
        .locator(focus)
        .first()
        .evaluate((el) => el.scrollIntoView());
    else await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    check(
      overflow <= 0,
      `at ${viewport.width}px the ${name} page scrolls sideways by ${overflow}px`,
    );
    await page.screenshot({ path: path.join(IMAGES, `console-${name}-${size}.png`) });
  }
  await page.setViewportSize(DESKTOP);
}

const out = mkdtempSync(path.join(os.tmpdir(), "fulfillment-browser-"));
const admin = randomBytes(16).toString("hex");
let server;
let browser;
let receiver;
let page;
let failed = false;
const cspViolations = [];

try {
  const base = await step("boot the deploy bundle in workerd", async () => {
    receiver = await startReceiver();
    server = await startApi(out, admin);
    const url = server.base;
    return url.origin;
  });
  const key = await step("seed a merchant with a catalog and stock", () =>
    seedMerchant(base, admin),
  );
  const at = (p) => new URL(p, base).toString();

  await step(`launch ${CHROMIUM} headless`, async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
    const context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
  });

  const session = await step("sign in with the API key, from the keyboard", async () => {
    await page.goto(at("/console/sign-in"));
    const field = page.getByLabel("API key");
    await field.focus();
    await page.keyboard.type(key);
    await page.keyboard.press("Enter");
    await page.waitForURL(at("/console/orders"));
    const cookie = (await page.context().cookies()).find(
      (c) => c.name === "__Host-console_session",
    );
    check(cookie, "no session cookie");
    check(cookie.httpOnly && cookie.secure && cookie.sameSite === "Strict", "cookie flags");
    check(!cookie.value.includes(key.slice(9)), "the session cookie holds the key in clear");
    return cookie.value;
  });

  await step("a bad webhook URL shows the API's error next to the field", async () => {
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.getByLabel("URL").fill("ftp://erp.example.com/hooks");
    await page.getByLabel("every event (*)").check();
    await page.getByRole("button", { name: "Subscribe" }).click();
    const error = await page.locator("#f-url-error").textContent();
    check(/^url: webhooks are sent over https/.test(error ?? ""), `field error was "${error}"`);
    check(
      (await page.getByLabel("URL").getAttribute("aria-describedby"))?.includes("f-url-error"),
      "the URL field does not point at its error",
    );
  });

  const secret = await step("subscribe the receiver; the secret is shown once", async () => {
    await page.getByLabel("URL").fill(receiver.url);
    await page.getByRole("button", { name: "Subscribe" }).click();
    const shown = await page.locator(".secret code").textContent();
    check(shown?.startsWith("whsec_"), `no secret shown: ${shown}`);
    await page.getByRole("link", { name: "Webhooks" }).click();
    check(!(await page.content()).includes(shown), "the secret is shown a second time");
    return shown;
  });

  const order = await step("create orders through the API", async () => {
    const created = await api(base, "POST", "/v1/orders", key, orderBody(), 201);
    const other = await api(base, "POST", "/v1/orders", key, orderBody(), 201);
    await api(
      base,
      "POST",
      "/v1/orders",
      key,
      orderBody({ items: [{ sku: "WIDGET-RED-S", quantity: 3 }] }),
      201,
    );
    await api(
      base,
      "POST",
      "/v1/orders",
      key,
      orderBody({ items: [{ sku: "GADGET-PRO", quantity: 40 }] }),
      201,
    );
    const cancelled = await api(base, "POST", "/v1/orders", key, orderBody(), 201);
    await api(base, "POST", `/v1/orders/${cancelled.id}/cancel`, key, { reason: "Dup" }, 200);
    const picking = await api(base, "POST", "/v1/orders", key, orderBody(), 201);
    await api(base, "POST", `/v1/ops/orders/${picking.id}/start-picking`, key, undefined, 200);
    return { ...created, other, newest: picking };
  });

  await step("the orders list shows the newest change first; the toggle reverses it", async () => {
    await page.getByRole("link", { name: "Orders" }).click();
    const firstRow = () => page.locator("tbody tr").first().locator("td a").first().textContent();
    check(
      (await firstRow()) === order.newest.order_number,
      `the first row was ${await firstRow()}, not the last order changed`,
    );
    await page.getByRole("link", { name: "Show oldest first" }).click();
    check((await firstRow()) === order.order_number, `oldest first began with ${await firstRow()}`);
    await page.getByRole("link", { name: "Show newest first" }).click();
    check((await firstRow()) === order.newest.order_number, "the toggle did not turn back");
  });

  await step("find the order in the console by its reference", async () => {
    await page.getByRole("link", { name: "Orders" }).click();
    await screenshots(page, "orders");
    await page.getByLabel("Reference").fill(order.reference);
    await page.getByRole("button", { name: "Filter" }).click();
    const rows = page.locator("tbody tr");
    check((await rows.count()) === 1, `${await rows.count()} rows for one reference`);
    await page.getByRole("link", { name: order.order_number }).click();
    await page.getByRole("heading", { name: `Order ${order.order_number}` }).waitFor();
    await page.getByText("Hash chain verified on this page: 1 entry").waitFor();
  });

  const shipment = await step(
    "fulfil it with the sandbox controls and see the shipment",
    async () => {
      await page.getByRole("button", { name: "Fulfil now" }).click();
      await page.getByText("The sandbox warehouse shipped the order.").waitFor();
      const link = page.locator("td a[rel='noopener noreferrer']").first();
      const tracking = (await link.textContent())?.trim();
      check(tracking, "no tracking number shown");
      check(/^https:\/\//.test((await link.getAttribute("href")) ?? ""), "no tracking link");
      await page.getByText("Hash chain verified on this page:").waitFor();
      for (const gone of ["Amend order", "Cancel order", "Fulfil now"]) {
        const count = await page.getByRole("button", { name: gone }).count();
        check(count === 0, `a shipped order still offers "${gone}"`);
      }
      const lines = await page
        .locator("section[aria-label='Lines'] tbody .badge")
        .allTextContents();
      check(
        lines.length > 0 && lines.every((l) => l.trim() === "fulfilled"),
        `the shipped lines read ${lines.join(", ")}`,
      );
      check((await page.locator(".badge.bad").count()) === 0, "a shipped order shows a red badge");
      await screenshots(page, "order");
      await page.getByRole("link", { name: "Shipments" }).click();
      await page.getByText(tracking).first().waitFor();
      return { tracking };
    },
  );

  await step("a delivered shipment offers no Advance", async () => {
    const shipped = await api(base, "GET", `/v1/orders/${order.id}`, key, undefined, 200);
    const id = shipped.shipments[0].id;
    await api(
      base,
      "POST",
      `/v1/sandbox/shipments/${id}/advance`,
      key,
      { status: "delivered" },
      200,
    );
    await page.goto(at(`/console/orders/${order.id}`));
    await page.getByRole("heading", { name: `Order ${order.order_number}` }).waitFor();
    const count = await page.getByRole("button", { name: "Advance" }).count();
    check(count === 0, "a delivered shipment still offers Advance");
  });

  const deliveryRows = () =>
    page
      .locator("section[aria-label='Deliveries'] > table > tbody > tr")
      .filter({ hasText: "shipment.created" })
      .filter({ hasText: "succeeded" });

  await step("see the shipment's webhook delivery, its response code and latency", async () => {
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("link", { name: receiver.url }).click();
    await until("the shipment.created delivery", async () => {
      await page.reload();
      return (await deliveryRows().count()) === 1;
    });
    const attempt = deliveryRows().first().locator("table.nested tbody tr").first();
    const cells = await attempt.locator("td").allTextContents();
    check(cells[1]?.trim() === "200", `the attempt's response was "${cells[1]}"`);
    check(/^\d+ ms$/.test(cells[2]?.trim() ?? ""), `the attempt's latency was "${cells[2]}"`);
  });

  await step("redeliver it and see the new attempt", async () => {
    const eventId = (await deliveryRows().first().locator("td code").first().textContent())?.trim();
    await deliveryRows().first().getByRole("button", { name: "Redeliver" }).click();
    await page.getByText("The event is queued for delivery again.").waitFor();
    await until("the redelivery's attempt", async () => {
      await page.reload();
      return (await deliveryRows().count()) === 2;
    });
    const received = receiver.deliveries.filter((d) => JSON.parse(d.body).event_id === eventId);
    check(received.length === 2, `the receiver got ${received.length} deliveries of ${eventId}`);
    // Signed with the secret the console showed once: HMAC-SHA256(secret, "<t>.<body>").
    for (const d of received) {
      const [t, ...signatures] = (d.headers["x-webhook-signature"] ?? "").split(",");
      const expected = createHmac("sha256", secret)
        .update(`${t?.slice(2)}.${d.body}`)
        .digest("hex");
      check(
        signatures.includes(`v1=${expected}`),
        "a delivery is not signed with the shown secret",
      );
    }
    await screenshots(page, "deliveries", "h2:text('Deliveries')");
  });

  await step("bad input in the amend form shows the API's error next to the field", async () => {
    await page.goto(at(`/console/orders/${order.other.id}`));
    await page.getByLabel("Quantity of WIDGET-BLUE-M").fill("0");
    await page.getByRole("button", { name: "Amend order" }).click();
    const error = await page.locator("#f-items-0-quantity-error").textContent();
    check(/^items\[0\]\.quantity: /.test(error ?? ""), `field error was "${error}"`);
    check(
      (await page.getByLabel("Quantity of WIDGET-BLUE-M").getAttribute("aria-invalid")) === "true",
      "the quantity is not marked invalid",
    );
  });

  await step("open the sandbox controls", async () => {
    await page.getByRole("link", { name: "Sandbox" }).click();
    await page.getByRole("heading", { name: "Sandbox controls" }).waitFor();
    await page.getByLabel("Fulfil orders automatically").waitFor();
    await screenshots(page, "sandbox");
  });

  await step("sign out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You are signed out.").waitFor();
    const cookie = (await page.context().cookies()).find(
      (c) => c.name === "__Host-console_session",
    );
    check(cookie?.value !== session, "the signed-in session cookie is still there");
    await page.goto(at("/console/orders"));
    check(
      page.url().endsWith("/console/sign-in"),
      `after sign-out /console/orders is ${page.url()}`,
    );
  });

  await step("no Content-Security-Policy violation on any page", () => {
    check(cspViolations.length === 0, cspViolations.join("\n"));
  });
  console.log(`\nconsole browser tests passed (shipment tracking ${shipment.tracking})`);
} catch (err) {
  failed = true;
  console.error(`\nconsole browser tests failed: ${err instanceof Error ? err.message : err}`);
  if (page) {
    const shot = path.join(os.tmpdir(), "console-browser-failure.png");
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    console.error(`page at failure: ${page.url()} (screenshot ${shot})`);
  }
} finally {
  await browser?.close().catch(() => {});
  await server?.dispose().catch(() => {});
  receiver?.server.close();
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
