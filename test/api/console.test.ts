import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { nowSeconds, seal, unseal } from "../../src/console/session";
import { ADMIN_TOKEN, admin, client, expectStatus, ok, raw } from "../support/client";
import {
  ConsoleClient,
  fieldError,
  formFields,
  SESSION_COOKIE,
  signedIn,
  textOf,
} from "../support/console";
import { adjustStock, createKey, merchant, orderBody, ship } from "../support/merchant";
import { eventually, receiver } from "../support/receiver";

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const SECRET = env.CONSOLE_SESSION_SECRET ?? "";

let tenantId: string;
let key: string;
beforeAll(async () => {
  ({ tenantId, key } = await merchant({ "WIDGET-BLUE-M": 1000, "WIDGET-RED-S": 100 }));
});

async function newOrder(overrides: Parameters<typeof orderBody>[0] = {}) {
  return ok(client(key).v1.orders.$post({ json: orderBody(overrides) }));
}

const orderOf = (id: string) => ok(client(key).v1.orders[":id"].$get({ param: { id } }));

/** The rows of orders a list page shows. */
const orderLinks = (html: string) => html.match(/href="\/console\/orders\/ord_[^"]+"/g) ?? [];

describe("sign-in and the session cookie", () => {
  it("serves the sign-in form under the console's security headers", async () => {
    const page = await new ConsoleClient().get("/console/sign-in");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toBe(CSP);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.html).toMatch(/^<!DOCTYPE html>/);
    expect(page.html).toContain('<label for="f-api_key">API key</label>');
    expect(page.html).toContain('id="f-api_key" name="api_key" type="password"');
    // Nothing inline for the policy to block: one stylesheet from this origin, no script.
    expect(page.html).not.toMatch(/<script|<style| style=/);
    const css = page.html.match(/href="(\/console\/console\.css\?v=[^"]+)"/)?.[1] ?? "";
    const sheet = await new ConsoleClient().get(css);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("content-type")).toMatch(/^text\/css/);
    expect(sheet.html).toContain("@media (max-width: 640px)");
  });

  it("signs in with a valid key: a new, encrypted, expiring session cookie", async () => {
    const browser = new ConsoleClient();
    await browser.get("/console/sign-in");
    const [before, csrfBefore] = [browser.cookie, browser.csrf];
    // The cookie lives as long as the session has left: with the clock held, all 8 hours,
    // however long the sign-in takes on a loaded machine.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now());
    const page = await browser.post("/console/sign-in", { api_key: key }).finally(() => {
      vi.useRealTimers();
    });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/console/orders");
    const [set] = page.headers.getAll("set-cookie");
    expect(set).toMatch(new RegExp(`^${SESSION_COOKIE}=v1\\.`));
    for (const flag of ["HttpOnly", "Secure", "SameSite=Strict", "Path=/", "Max-Age=28800"]) {
      expect(set).toContain(flag);
    }
    expect(browser.cookie).not.toBe(before);
    const cookie = browser.cookie ?? "";
    for (const leak of [key, key.slice("wms_test_".length), btoa(key), key.slice(-12)]) {
      expect(cookie).not.toContain(leak);
    }
    const orders = await browser.get("/console/orders");
    expect(orders.status).toBe(200);
    // A new session has a new CSRF token: nothing learnt before sign-in works after it.
    expect(browser.csrf).not.toBe(csrfBefore);
    expect(orders.html).not.toContain(key);
    expect(orders.html).toContain(`wms_test_…${key.slice(-4)}`);
  });

  it("refuses a bad key with the API's own message next to the field", async () => {
    const browser = new ConsoleClient();
    await browser.get("/console/sign-in");
    const bad = await browser.post("/console/sign-in", { api_key: `wms_test_${"x".repeat(40)}` });
    expect(bad.status).toBe(401);
    expect(fieldError(bad.html, "api_key")).toBe("The API key is not valid.");
    expect(bad.html).toContain('aria-invalid="true"');
    // The key typed is never echoed back into the page.
    expect(bad.html).not.toContain("x".repeat(40));
    const live = await browser.post("/console/sign-in", { api_key: `wms_live_${"y".repeat(40)}` });
    expect(live.status).toBe(401);
    expect(fieldError(live.html, "api_key")).toMatch(/^This is the development environment/);
    const blank = await browser.post("/console/sign-in", { api_key: "  " });
    expect(blank.status).toBe(422);
    expect(fieldError(blank.html, "api_key")).toBe("Enter an API key.");
    const still = await browser.get("/console/orders");
    expect(still.status).toBe(303);
    expect(still.headers.get("location")).toBe("/console/sign-in");
  });

  it("rejects a tampered, expired, foreign or unrecorded cookie as signed out", async () => {
    const browser = await signedIn(key);
    const good = browser.cookie ?? "";
    const session = await unseal(good, SECRET);
    if (!session?.signedIn) throw new Error("the sign-in cookie holds no signed-in session");
    const parts = good.split(".");
    const cipher = parts[2] ?? "";
    const flipped = `${cipher[0] === "A" ? "B" : "A"}${cipher.slice(1)}`;
    const expired = await seal({ ...session, expiresAt: nowSeconds() - 1 }, SECRET);
    const foreign = await seal(session, "another-secret-of-at-least-32-characters");
    // Sealed with the right secret, but no sign-in recorded it: the server never opened it.
    const unrecorded = await seal(
      { ...session, signedIn: { ...session.signedIn, id: "never-opened" } },
      SECRET,
    );
    for (const cookie of [
      [parts[0], parts[1], flipped, parts[3]].join("."),
      expired,
      foreign,
      unrecorded,
      "v1.garbage",
    ]) {
      browser.cookie = cookie;
      const page = await browser.get("/console/orders");
      expect(page.status).toBe(303);
      expect(page.headers.get("location")).toBe("/console/sign-in");
    }
    browser.cookie = await seal(session, SECRET);
    expect((await browser.get("/console/orders")).status).toBe(200);
  });

  it("signs out: the cookie is cleared and the pages ask for a key again", async () => {
    const browser = await signedIn(key);
    await browser.get("/console/orders");
    const out = await browser.post("/console/sign-out");
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/console/sign-in?notice=signed_out");
    const [set] = out.headers.getAll("set-cookie");
    expect(set).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(set).toContain("Max-Age=0");
    expect(browser.cookie).toBeNull();
    expect((await browser.get("/console/orders")).status).toBe(303);
    const again = await browser.get("/console/sign-in?notice=signed_out");
    expect(textOf(again.html)).toContain("You are signed out.");
  });
});

describe("sessions end on the server", () => {
  /** What a browser holding `cookie` sees at `path`, on a deploy with `secret`. */
  async function replay(cookie: string, path = "/console/orders", secret = SECRET) {
    const reply = await raw("GET", path, {
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
      CONSOLE_SESSION_SECRET: secret,
    });
    return { status: reply.status, headers: reply.headers, html: String(reply.body) };
  }

  /** Asserts `cookie` opens no page: it is sent to sign in, as an expired one is. */
  async function expectSignedOut(cookie: string, secret = SECRET) {
    const page = await replay(cookie, "/console/orders", secret);
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/console/sign-in");
  }

  it("sign-out ends the session: its cookie, copied before, no longer opens the console", async () => {
    const browser = await signedIn(key);
    const other = await signedIn(key);
    const copied = browser.cookie ?? "";
    expect((await replay(copied)).status).toBe(200);
    await browser.get("/console/orders");
    const csrf = browser.csrf;
    expect((await browser.post("/console/sign-out")).status).toBe(303);

    await expectSignedOut(copied);
    // The sign-in form is offered again, on a new signed-out session, not the orders page.
    const form = await replay(copied, "/console/sign-in");
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="api_key"');
    // Nor does the copy post a form with the token its pages carried.
    const order = await newOrder();
    const thief = new ConsoleClient();
    thief.cookie = copied;
    const cancel = await thief.post(`/console/orders/${order.id}/cancel`, {}, { csrf });
    expect(cancel.status).toBe(403);
    expect((await orderOf(order.id)).status).toBe("received");
    // Only that session ended: another signed in with the same key goes on.
    expect((await other.get("/console/orders")).status).toBe(200);
  });

  it("revoking the key ends every session signed in with it", async () => {
    const revoked = await createKey(tenantId);
    const browsers = [await signedIn(revoked.key), await signedIn(revoked.key)];
    const copied = browsers.map((b) => b.cookie ?? "");
    for (const cookie of copied) expect((await replay(cookie)).status).toBe(200);
    expectStatus(await admin["api-keys"][":id"].$delete({ param: { id: revoked.id } }), 200);

    for (const cookie of copied) await expectSignedOut(cookie);
    for (const browser of browsers) {
      expect((await browser.get("/console/orders")).status).toBe(303);
      expect((await browser.get("/console/sign-in")).status).toBe(200);
      const again = await browser.post("/console/sign-in", { api_key: revoked.key });
      expect(again.status).toBe(401);
      expect(fieldError(again.html, "api_key")).toBe("This API key has been revoked.");
    }
  });

  it("rotating CONSOLE_SESSION_SECRET ends every session", async () => {
    const browser = await signedIn(key);
    const copied = browser.cookie ?? "";
    const rotated = "a-rotated-console-session-secret-0123456789";
    await expectSignedOut(copied, rotated);
    // The same cookie still opens the console on a deploy that kept the old secret.
    expect((await replay(copied)).status).toBe(200);
  });
});

describe("CSRF", () => {
  it("refuses a form without this session's token or from another origin, and changes nothing", async () => {
    const order = await newOrder();
    const browser = await signedIn(key);
    await browser.get(`/console/orders/${order.id}`);
    const cancel = `/console/orders/${order.id}/cancel`;
    const other = await signedIn(key);
    await other.get("/console/orders");

    const refusals = [
      [await browser.post(cancel, {}, { csrf: null }), "csrf_token_mismatch"],
      [await browser.post(cancel, {}, { csrf: "forged" }), "csrf_token_mismatch"],
      [await browser.post(cancel, {}, { csrf: other.csrf }), "csrf_token_mismatch"],
      [await browser.post(cancel, {}, { origin: "https://evil.example" }), "cross_origin_form"],
      [await browser.post(cancel, {}, { origin: null }), "cross_origin_form"],
    ] as const;
    for (const [page, code] of refusals) {
      expect(page.status).toBe(403);
      expect(textOf(page.html)).toContain(code);
    }
    expect((await orderOf(order.id)).status).toBe("received");

    const signIn = new ConsoleClient();
    await signIn.get("/console/sign-in");
    expect((await signIn.post("/console/sign-in", { api_key: key }, { csrf: null })).status).toBe(
      403,
    );

    const done = await browser.post(cancel, { reason: "Changed mind" });
    expect(done.status).toBe(303);
    expect((await orderOf(order.id)).status).toBe("cancelled");
  });
});

describe("orders", () => {
  it("lists 50 orders a page with a next-cursor link, in well under a second", async () => {
    const list = await merchant({ "WIDGET-BLUE-M": 1000 });
    const mine = client(list.key);
    for (let i = 0; i < 51; i++) {
      await ok(mine.v1.orders.$post({ json: orderBody({ reference: `PAGE-${i}` }) }));
    }
    const browser = await signedIn(list.key);
    const started = performance.now();
    const first = await browser.get("/console/orders");
    const elapsed = performance.now() - started;
    expect(first.status).toBe(200);
    expect(elapsed).toBeLessThan(1000);
    expect(orderLinks(first.html)).toHaveLength(50);
    const next = /<a href="([^"]+)" rel="next">/.exec(first.html)?.[1] ?? "";
    expect(next).toMatch(/^\/console\/orders\?order=desc&amp;cursor=/);
    const second = await browser.get(next.replaceAll("&amp;", "&"));
    expect(orderLinks(second.html)).toHaveLength(1);
    expect(second.html).not.toContain('rel="next"');

    const byReference = await browser.get("/console/orders?reference=PAGE-7");
    expect(orderLinks(byReference.html)).toHaveLength(1);
    expect(textOf(byReference.html)).toContain("PAGE-7");
    expect(orderLinks((await browser.get("/console/orders?status=cancelled")).html)).toHaveLength(
      0,
    );
    const future = await browser.get("/console/orders?updated_since=2999-01-01");
    expect(orderLinks(future.html)).toHaveLength(0);
    // Inside the orders' hot window (90 days): a list from before it is refused.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const since = await browser.get(`/console/orders?updated_since=${yesterday}&reference=PAGE-8`);
    expect(orderLinks(since.html)).toHaveLength(1);

    const bad = await browser.get("/console/orders?updated_since=last+week");
    expect(bad.status).toBe(400);
    expect(fieldError(bad.html, "updated_since")).toMatch(/^updated_since: /);
    expect(bad.html).toContain('value="last week"');
  });

  it("shows an order's lines, allocation and history with the hash chain checked on the page", async () => {
    const order = await newOrder({
      items: [
        { sku: "WIDGET-BLUE-M", quantity: 2 },
        { sku: "WIDGET-RED-S", quantity: 1 },
      ],
    });
    const browser = await signedIn(key);
    const page = await browser.get(`/console/orders/${order.id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain(`Order ${order.order_number}`);
    expect(text).toContain("WIDGET-RED-S");
    expect(text).toContain("allocated");
    expect(text).toContain("Hash chain verified on this page: 1 entry");
    expect(text).toContain("No shipments.");

    const missing = await browser.get("/console/orders/ord_nope");
    expect(missing.status).toBe(404);
    expect(textOf(missing.html)).toContain("No order with id 'ord_nope'");
  });

  it("shows an international order's billing address, terms, dates and customs per line", async () => {
    const order = await newOrder({
      ship_to: {
        name: "Sam",
        address1: "350 Fifth Ave",
        city: "New York",
        state: "NY",
        postcode: "10118",
        country: "US",
      },
      billing_address: {
        address1: "1 Ledger Lane",
        city: "Melbourne",
        state: "VIC",
        postcode: "3000",
        country: "AU",
      },
      incoterms: "DDP",
      tax_ids: [{ type: "EORI", value: "GB123456789000" }],
      ship_by: "2026-07-06",
      requested_delivery_date: "2026-07-10",
      items: [
        {
          sku: "WIDGET-BLUE-M",
          quantity: 2,
          hs_code: "6109.10",
          country_of_origin: "CN",
          customs_value: { amount: "12.50", currency: "AUD" },
        },
      ],
    });
    const browser = await signedIn(key);
    const text = textOf((await browser.get(`/console/orders/${order.id}`)).html);
    for (const shown of [
      "Billing address",
      "1 Ledger Lane",
      "Incoterms DDP",
      "Tax ids EORI GB123456789000",
      "Ship by 2026-07-06",
      "Requested delivery 2026-07-10",
      "610910",
      "12.50 AUD",
    ]) {
      expect(text).toContain(shown);
    }
  });

  it("escapes hostile text wherever it is shown", async () => {
    const hostile = "<script>alert('x')</script>";
    const order = await newOrder({
      reference: `<b>ref</b>-${crypto.randomUUID()}`,
      packing_note: hostile,
      gift_message: `"><img src=x onerror=alert(1)>`,
    });
    const browser = await signedIn(key);
    for (const path of [`/console/orders/${order.id}`, "/console/orders", "/console/events"]) {
      const page = await browser.get(path);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain("<script");
      expect(page.html).not.toContain("<img");
      expect(page.html).not.toContain("<b>ref");
    }
    const page = await browser.get(`/console/orders/${order.id}`);
    expect(page.html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(page.html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    // The form gives it back unchanged, so an untouched field is not "changed".
    expect(formFields(page.html, `/console/orders/${order.id}/amend`).packing_note).toBe(hostile);
  });

  it("amends through the form, sending only what changed; a 422 shows next to its field", async () => {
    const order = await newOrder();
    const browser = await signedIn(key);
    const amend = `/console/orders/${order.id}/amend`;
    const fields = formFields((await browser.get(`/console/orders/${order.id}`)).html, amend);
    expect(fields).toMatchObject({
      version: "1",
      packing_note: "Leave in porch",
      "ship_to.city": "Sydney",
      "items[0].sku": "WIDGET-BLUE-M",
      "items[0].quantity": "2",
    });

    const done = await browser.post(amend, { ...fields, packing_note: "Ring the bell" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/console/orders/${order.id}?notice=amended`);
    const amended = await orderOf(order.id);
    expect(amended.packing_note).toBe("Ring the bell");
    expect(amended.version).toBe("2");
    const history = await ok(
      client(key).v1.orders[":id"].history.$get({ param: { id: order.id }, query: {} }),
    );
    expect(Object.keys(history.data[1]?.changes ?? {})).toEqual(["packing_note"]);
    const shown = await browser.get(done.headers.get("location") ?? "");
    expect(textOf(shown.html)).toContain("The order was amended.");
    expect(textOf(shown.html)).toContain("Hash chain verified on this page: 2 entries");

    const current = formFields(shown.html, amend);
    const zero = await browser.post(amend, { ...current, "items[0].quantity": "0" });
    expect(zero.status).toBe(422);
    expect(fieldError(zero.html, "items[0].quantity")).toMatch(/^items\[0\]\.quantity: /);
    expect(formFields(zero.html, amend)["items[0].quantity"]).toBe("0");
    const city = await browser.post(amend, { ...current, "ship_to.city": "" });
    expect(city.status).toBe(422);
    expect(fieldError(city.html, "ship_to.city")).toMatch(/^ship_to\.city: /);
    const bigger = await browser.post(amend, { ...current, "items[0].quantity": "3" });
    expect(bigger.status).toBe(303);
    expect((await orderOf(order.id)).items[0]?.quantity).toBe(3);
    const same = await browser.post(
      amend,
      formFields((await browser.get(`/console/orders/${order.id}`)).html, amend),
    );
    expect(same.headers.get("location")).toBe(`/console/orders/${order.id}?notice=nothing_changed`);
  });

  it("shows the API's 409s plainly on the amend and cancel forms", async () => {
    const order = await newOrder();
    const browser = await signedIn(key);
    const amend = `/console/orders/${order.id}/amend`;
    const stale = formFields((await browser.get(`/console/orders/${order.id}`)).html, amend);
    await ok(
      client(key).v1.orders[":id"].$patch({
        param: { id: order.id },
        json: { gift_message: "Hi" },
      }),
    );
    const conflict = await browser.post(amend, { ...stale, packing_note: "Too late" });
    expect(conflict.status).toBe(409);
    expect(textOf(conflict.html)).toMatch(
      /409 version_conflict ?: If-Match names version 1 but the order is at version 2/,
    );

    // The form was open when the floor started picking.
    const fresh = formFields((await browser.get(`/console/orders/${order.id}`)).html, amend);
    await ok(client(key).v1.ops.orders[":id"]["start-picking"].$post({ param: { id: order.id } }));
    const late = await browser.post(amend, { ...fresh, packing_note: "Too late" });
    expect(late.status).toBe(409);
    expect(textOf(late.html)).toContain("The API refused the amendment");
    expect(textOf(late.html)).toContain("409 too_late_to_amend");
    const cancel = await browser.post(`/console/orders/${order.id}/cancel`, { reason: "" });
    expect(cancel.status).toBe(409);
    expect(textOf(cancel.html)).toContain("The API refused the cancellation");
    expect(textOf(cancel.html)).toContain("409 not_cancelable");
    expect((await orderOf(order.id)).status).toBe("processing");
  });
});

describe("cancellation requests", () => {
  it("asks the floor from the order page once picking started; the sandbox floor answers there", async () => {
    const browser = await signedIn(key);
    const path = (id: string) => `/console/orders/${id}/cancellation-request`;

    const accepted = await newOrder();
    await ok(
      client(key).v1.ops.orders[":id"]["start-picking"].$post({ param: { id: accepted.id } }),
    );
    let page = await browser.get(`/console/orders/${accepted.id}`);
    expect(formFields(page.html, path(accepted.id))).toMatchObject({ reason: "" });
    const asked = await browser.post(path(accepted.id), { reason: "Wrong size" });
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toBe(
      `/console/orders/${accepted.id}?notice=cancellation_requested`,
    );
    page = await browser.get(`/console/orders/${accepted.id}`);
    expect(textOf(page.html)).toMatch(/Cancellation request.*pending.*Wrong size/);
    const accept = await browser.post(`${path(accepted.id)}/accept`, {});
    expect(accept.status).toBe(303);
    expect((await orderOf(accepted.id)).status).toBe("cancelled");

    const rejected = await newOrder();
    await ok(
      client(key).v1.ops.orders[":id"]["start-picking"].$post({ param: { id: rejected.id } }),
    );
    await browser.post(path(rejected.id), { reason: "" });
    const blank = await browser.post(`${path(rejected.id)}/reject`, { rejection_reason: "" });
    expect(blank.status).toBe(422);
    expect(fieldError(blank.html, "rejection_reason")).toBeTruthy();
    const reject = await browser.post(`${path(rejected.id)}/reject`, {
      rejection_reason: "Already packed",
    });
    expect(reject.status).toBe(303);
    const after = await orderOf(rejected.id);
    expect(after).toMatchObject({
      status: "processing",
      cancellation_request: { status: "rejected", rejection_reason: "Already packed" },
    });
    // Answered: the floor's buttons are gone, the partner may ask again.
    page = await browser.get(`/console/orders/${rejected.id}`);
    expect(page.html).not.toContain(`${path(rejected.id)}/accept`);
    expect(textOf(page.html)).toContain("Already packed");
  });
});

describe("shipments, inventory and the sandbox", () => {
  it("fulfils from the order page, then shows parcels with tracking links and stock per warehouse", async () => {
    const order = await newOrder();
    const browser = await signedIn(key);
    await browser.get(`/console/orders/${order.id}`);
    const fulfilled = await browser.post("/console/sandbox/fulfill", {
      order_id: order.id,
      return_to: "order",
    });
    expect(fulfilled.status).toBe(303);
    expect(fulfilled.headers.get("location")).toBe(`/console/orders/${order.id}?notice=fulfilled`);
    const shipped = await orderOf(order.id);
    expect(shipped.status).toBe("shipped");
    const parcel = shipped.shipments[0]?.parcels[0];
    if (!parcel?.tracking_url) throw new Error("the sandbox shipment has no tracked parcel");

    const page = await browser.get(`/console/orders/${order.id}`);
    expect(page.html).toContain(`<a href="${parcel.tracking_url}" rel="noopener noreferrer">`);
    const again = await browser.post("/console/sandbox/fulfill", {
      order_id: order.id,
      return_to: "order",
    });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain("409 nothing_to_ship");

    const list = await browser.get(`/console/shipments?order_id=${order.id}`);
    expect(list.status).toBe(200);
    expect(list.html).toContain(parcel.tracking_number);
    expect(list.html).toContain(`href="${parcel.tracking_url}"`);

    const inventory = await browser.get("/console/inventory?sku=WIDGET-BLUE-M");
    expect(inventory.status).toBe(200);
    expect(inventory.html).toContain('<h2 id="wh-wh_syd_1">wh_syd_1</h2>');
    expect(textOf(inventory.html)).toContain("WIDGET-BLUE-M");
  });

  it("shows each shipment item's serial numbers on the shipments and order pages", async () => {
    await ok(
      client(key).v1.products.$post({
        json: { sku: "CONSOLE-SN", name: "Serial tracked", serial_tracked: true },
      }),
    );
    await adjustStock(key, "CONSOLE-SN", 5);
    const order = await newOrder({ items: [{ sku: "CONSOLE-SN", quantity: 2 }] });
    await ship(key, order.id, [{ sku: "CONSOLE-SN", quantity: 2, serials: ["CSN-1", "CSN-2"] }]);
    const browser = await signedIn(key);
    for (const path of [`/console/shipments?order_id=${order.id}`, `/console/orders/${order.id}`]) {
      const page = await browser.get(path);
      expect(page.status).toBe(200);
      expect(textOf(page.html)).toContain("Serials: CSN-1, CSN-2");
    }
  });

  it("lists a lot-tracked SKU's lots with their expiry under it, and the lots each shipment item took", async () => {
    await ok(
      client(key).v1.products.$post({
        json: { sku: "CONSOLE-LOT", name: "Lot tracked", expiry_tracked: true },
      }),
    );
    for (const [lot, expires_on, quantity_delta] of [
      ["CL-LATE", "2099-09-30", 4],
      ["CL-SOON", "2099-03-31", 2],
    ] as const) {
      expectStatus(
        await client(key).v1.ops["inventory-adjustments"].$post({
          json: {
            sku: "CONSOLE-LOT",
            warehouse_id: "wh_syd_1",
            quantity_delta,
            reason: "found",
            lot,
            expires_on,
          },
        }),
        201,
      );
    }
    const order = await newOrder({ items: [{ sku: "CONSOLE-LOT", quantity: 3 }] });
    const browser = await signedIn(key);
    const inventory = await browser.get("/console/inventory?sku=CONSOLE-LOT");
    expect(inventory.status).toBe(200);
    for (const label of ["Lot", "Expires"]) {
      expect(inventory.html).toContain(`<th scope="col">${label}</th>`);
    }
    const text = textOf(inventory.html);
    expect(text.indexOf("CL-SOON")).toBeGreaterThan(-1);
    expect(text.indexOf("CL-SOON")).toBeLessThan(text.indexOf("CL-LATE"));
    expect(inventory.html).toContain(
      '<td data-label="Expires"><div class="cell">2099-03-31</div></td>',
    );

    await ship(key, order.id, [{ sku: "CONSOLE-LOT", quantity: 3 }]);
    const shipments = await browser.get(`/console/shipments?order_id=${order.id}`);
    expect(textOf(shipments.html)).toContain(
      "Lots: CL-SOON × 2 (expires 2099-03-31), CL-LATE × 1 (expires 2099-09-30)",
    );
  });

  it("shows the month's invoice with its lines, and each order's charges", async () => {
    const billed = await merchant({ "CONSOLE-BILL": 10 });
    expectStatus(
      await admin.tenants[":id"]["rate-cards"].$post({
        param: { id: billed.tenantId },
        json: {
          effective_from: new Date().toISOString().slice(0, 10),
          currency: "AUD",
          fees: {
            order: "2.50",
            additional_unit: "0.35",
            receiving_unit: "0.20",
            return: "3.00",
            storage_per_unit_day: { small: "0.01", medium: "0.01", large: "0.01" },
            packaging: [],
            freight_markup_percent: "0",
          },
          tax_rate_percent: "10",
        },
      }),
      201,
    );
    const order = await ok(
      client(billed.key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "CONSOLE-BILL", quantity: 3 }] }),
      }),
    );
    await ship(billed.key, order.id, [{ sku: "CONSOLE-BILL", quantity: 3 }]);
    const browser = await signedIn(billed.key);
    const orderPage = await browser.get(`/console/orders/${order.id}`);
    expect(orderPage.status).toBe(200);
    expect(textOf(orderPage.html)).toContain(`Pick and pack, order ${order.order_number}`);
    expect(textOf(orderPage.html)).toContain(`Additional units, order ${order.order_number}`);

    const billing = await browser.get("/console/billing");
    expect(billing.status).toBe(200);
    const link = billing.html.match(/href="(\/console\/billing\/inv_[^"]+)"/)?.[1] ?? "";
    expect(link).not.toBe("");
    expect(textOf(billing.html)).toContain("3.52 AUD");
    const invoice = await browser.get(link);
    expect(invoice.status).toBe(200);
    expect(textOf(invoice.html)).toContain(`Pick and pack, order ${order.order_number}`);
    expect(invoice.html).toContain(
      '<td class="num" data-label="Amount (AUD)"><div class="cell">3.52</div></td>',
    );
    const csv = await browser.get(`${link}/lines.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.html.split("\r\n")[0]).toMatch(/^id,occurred_on,fee,/);
  });

  it("shows each condition's units beside the sellable stock", async () => {
    const stocked = await merchant({ "CONSOLE-COND": 9 });
    await ok(
      client(stocked.key).v1.ops.inventory["condition-moves"].$post({
        json: {
          sku: "CONSOLE-COND",
          warehouse_id: "wh_syd_1",
          from: "sellable",
          to: "damaged",
          quantity: 2,
          reason: "damaged_in_warehouse",
        },
        header: { "idempotency-key": crypto.randomUUID() },
      }),
    );
    const browser = await signedIn(stocked.key);
    const page = await browser.get("/console/inventory?sku=CONSOLE-COND");
    expect(page.status).toBe(200);
    for (const [label, value] of [
      ["On hand", 7],
      ["Quarantine", 0],
      ["Damaged", 2],
      ["Expired", 0],
    ] as const) {
      expect(page.html).toContain(`<th scope="col" class="num">${label}</th>`);
      expect(page.html).toContain(
        `<td class="num" data-label="${label}"><div class="cell">${value}</div></td>`,
      );
    }
  });

  it("shows each parcel's tracking timeline with its reason codes and proof of delivery", async () => {
    const order = await newOrder();
    const fulfilled = await ok(
      client(key).v1.sandbox.orders[":id"].fulfill.$post({ param: { id: order.id }, json: {} }),
    );
    const number = fulfilled.parcels[0]?.tracking_number ?? "";
    const post = (events: Record<string, unknown>[]) =>
      raw("POST", `/v1/ops/shipments/${fulfilled.id}/tracking-events`, {
        key,
        json: { tracking_number: number, events },
      });
    const melbourne = { city: "Melbourne", region: "VIC", country: "AU" };
    expectStatus(
      await post([
        {
          id: "CON-1",
          occurred_at: "2026-07-03T01:00:00Z",
          status: "exception",
          description: "Carded: nobody home",
          location: melbourne,
          reason_code: "recipient_unavailable",
        },
        {
          id: "CON-2",
          occurred_at: "2026-07-04T02:00:00Z",
          status: "delivered",
          description: "Left with reception",
          location: melbourne,
          proof_of_delivery: { signed_by: "R. Desk", photo_url: "https://pod.example/CON-2.jpg" },
        },
      ]),
      200,
    );
    const browser = await signedIn(key);
    for (const path of [`/console/shipments?order_id=${order.id}`, `/console/orders/${order.id}`]) {
      const page = await browser.get(path);
      expect(page.status).toBe(200);
      const text = textOf(page.html);
      expect(text).toContain(
        "2026-07-03 01:00:00.000Z exception Melbourne, VIC, AU — Carded: nobody home (reason recipient_unavailable )",
      );
      expect(text).toContain(
        "2026-07-04 02:00:00.000Z delivered Melbourne, VIC, AU — Left with reception",
      );
      expect(text).toContain("Proof of delivery: signed by R. Desk · photo");
      expect(page.html).toContain(
        '<a href="https://pod.example/CON-2.jpg" rel="noopener noreferrer">',
      );
    }
  });

  it("advances shipments and saves the auto-fulfil settings; a 422 shows next to its field", async () => {
    const order = await newOrder();
    const browser = await signedIn(key);
    await browser.get("/console/sandbox");
    await browser.post("/console/sandbox/fulfill", { order_id: order.id, return_to: "sandbox" });
    const shipmentId = (await orderOf(order.id)).shipments[0]?.id ?? "";
    const advanced = await browser.post("/console/sandbox/advance", {
      shipment_id: shipmentId,
      return_to: "shipments",
    });
    expect(advanced.status).toBe(303);
    expect(advanced.headers.get("location")).toBe("/console/shipments?notice=advanced");
    expect((await orderOf(order.id)).shipments[0]?.status).toBe("in_transit");
    const unknown = await browser.post("/console/sandbox/advance", { shipment_id: "shp_nope" });
    expect(unknown.status).toBe(404);
    expect(fieldError(unknown.html, "shipment_id")).toMatch(/shp_nope/);

    const page = await browser.get("/console/sandbox");
    const form = formFields(page.html, "/console/sandbox/settings");
    expect(form).toMatchObject({ pick_after_seconds: expect.stringMatching(/^\d+$/) });
    expect(form.auto_fulfill).toBeUndefined();
    const bad = await browser.post("/console/sandbox/settings", {
      ...form,
      pick_after_seconds: "-5",
    });
    expect(bad.status).toBe(422);
    expect(fieldError(bad.html, "pick_after_seconds")).toMatch(/^pick_after_seconds: /);
    const saved = await browser.post("/console/sandbox/settings", {
      ...form,
      auto_fulfill: "on",
      pick_after_seconds: "30",
    });
    expect(saved.status).toBe(303);
    const settings = await ok(client(key).v1.sandbox.settings.$get());
    expect(settings).toMatchObject({ auto_fulfill: true, pick_after_seconds: 30 });
    await ok(client(key).v1.sandbox.settings.$put({ json: { auto_fulfill: false } }));
  });

  it("offers only the actions the API would take: a received order's, none on a shipped one", async () => {
    const browser = await signedIn(key);
    const buttons = (html: string) =>
      [...html.matchAll(/<button[^>]*>([^<]+)<\/button>/g)].map((m) => m[1]?.trim());
    const received = await newOrder();
    const open = await browser.get(`/console/orders/${received.id}`);
    expect(buttons(open.html)).toEqual(
      expect.arrayContaining(["Fulfil now", "Amend order", "Cancel order"]),
    );
    expect(buttons(open.html)).not.toContain("Request cancellation");

    const order = await newOrder();
    await browser.post("/console/sandbox/fulfill", { order_id: order.id, return_to: "order" });
    const shipped = await browser.get(`/console/orders/${order.id}`);
    expect(textOf(shipped.html)).toContain("Order");
    for (const gone of ["Fulfil now", "Amend order", "Cancel order", "Request cancellation"]) {
      expect(buttons(shipped.html)).not.toContain(gone);
    }
    expect(textOf(shipped.html)).toContain(
      "A shipped order can no longer be amended or cancelled.",
    );
    // Its lines have all left: fulfilled, and nothing on the page reads as an alarm.
    expect(shipped.html).toContain('<span class="badge good">fulfilled</span>');
    expect(shipped.html).not.toContain('class="badge bad"');
    expect(buttons(shipped.html)).toContain("Advance");

    const shipmentId = (await orderOf(order.id)).shipments[0]?.id ?? "";
    await ok(
      client(key).v1.sandbox.shipments[":id"].advance.$post({
        param: { id: shipmentId },
        header: {},
        json: { status: "delivered" },
      }),
    );
    const delivered = await browser.get(`/console/orders/${order.id}`);
    expect(buttons(delivered.html)).not.toContain("Advance");
    const listed = await browser.get(`/console/shipments?order_id=${order.id}`);
    expect(listed.html).toContain(shipmentId);
    expect(buttons(listed.html)).not.toContain("Advance");
  });

  it("lists the newest change first, and the toggle turns it round keeping the filters", async () => {
    const list = await merchant({ "WIDGET-BLUE-M": 100, "WIDGET-RED-S": 100 });
    const older = await ok(client(list.key).v1.orders.$post({ json: orderBody() }));
    const newer = await ok(client(list.key).v1.orders.$post({ json: orderBody() }));
    const browser = await signedIn(list.key);
    const toggleOf = (html: string) =>
      (/<a href="([^"]+)" id="list-order">/.exec(html)?.[1] ?? "").replaceAll("&amp;", "&");
    const page = await browser.get("/console/orders");
    expect(orderLinks(page.html)[0]).toContain(newer.id);
    expect(textOf(page.html)).toContain("Newest change first.");
    expect(toggleOf(page.html)).toBe("/console/orders?order=asc");
    const oldest = await browser.get(toggleOf(page.html));
    expect(orderLinks(oldest.html)[0]).toContain(older.id);
    expect(formFields(oldest.html, "/console/orders")).toMatchObject({ order: "asc" });
    const filtered = await browser.get("/console/orders?order=asc&status=received");
    expect(toggleOf(filtered.html)).toBe("/console/orders?status=received&order=desc");
    const shipments = await browser.get("/console/shipments");
    expect(toggleOf(shipments.html)).toBe("/console/shipments?order=asc");

    // The event feed and the stock list the same way, from the API's commit order.
    const eventIds = (html: string) =>
      [...html.matchAll(/<summary><code>(evt_[^<]+)<\/code>/g)].map((m) => m[1]);
    const feed = (await ok(client(list.key).v1.events.$get({ query: {} }))).data;
    expect(feed.length).toBeGreaterThan(1);
    const events = await browser.get("/console/events");
    expect(textOf(events.html)).toContain("Newest change first.");
    expect(eventIds(events.html)).toEqual(feed.map((e) => e.event_id).reverse());
    expect(toggleOf(events.html)).toBe("/console/events?order=asc");
    expect(eventIds((await browser.get(toggleOf(events.html))).html)).toEqual(
      feed.map((e) => e.event_id),
    );
    const typed = await browser.get("/console/events?order=asc&type=order.created");
    expect(eventIds(typed.html)).toEqual(
      feed.filter((e) => e.event_type === "order.created").map((e) => e.event_id),
    );
    expect(toggleOf(typed.html)).toBe("/console/events?type=order.created&order=desc");
    expect(formFields(typed.html, "/console/events")).toMatchObject({ order: "asc" });

    const stock = (await ok(client(list.key).v1.inventory.$get({ query: {} }))).data;
    const skus = (html: string) =>
      [...html.matchAll(/data-label="SKU"><div class="cell"><code>([^<]+)<\/code>/g)].map(
        (m) => m[1],
      );
    expect(stock.length).toBeGreaterThan(1);
    const inventory = await browser.get("/console/inventory");
    expect(textOf(inventory.html)).toContain("Newest change first.");
    expect(skus(inventory.html)).toEqual(stock.map((i) => i.sku).reverse());
    expect(toggleOf(inventory.html)).toBe("/console/inventory?order=asc");
    expect(skus((await browser.get(toggleOf(inventory.html))).html)).toEqual(
      stock.map((i) => i.sku),
    );
  });

  it("has no sandbox controls in production", async () => {
    const tenant = await client(ADMIN_TOKEN, { ENVIRONMENT: "production" }).admin.v1.tenants.$post({
      json: { name: "Live" },
    });
    expectStatus(tenant, 201);
    const browser = await signedIn(tenant.body.api_key.key, "production");
    const orders = await browser.get("/console/orders");
    expect(orders.status).toBe(200);
    expect(orders.html).not.toContain('href="/console/sandbox"');
    expect((await browser.get("/console/sandbox")).status).toBe(404);
    expect((await browser.post("/console/sandbox/fulfill", { order_id: "ord_x" })).status).toBe(
      404,
    );
  });
});

describe("scopes", () => {
  it("shows only what the key's scopes allow", async () => {
    const readOnly = await createKey(tenantId, { scopes: ["orders:read"] });
    const order = await newOrder();
    const browser = await signedIn(readOnly.key);
    expect((await browser.get("/console/orders")).status).toBe(200);
    expect((await browser.get(`/console/orders/${order.id}`)).status).toBe(200);
    for (const [path, scope] of [
      ["/console/shipments", "shipments:read"],
      ["/console/inventory", "inventory:read"],
      ["/console/webhooks", "webhooks:manage"],
      ["/console/events", "events:read"],
      ["/console/keys", "keys:manage"],
      ["/console/sandbox", "warehouse:operate"],
    ] as const) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(403);
      expect(textOf(page.html)).toContain(`This API key lacks the ${scope} scope`);
    }
    const cancel = await browser.post(`/console/orders/${order.id}/cancel`, { reason: "" });
    expect(cancel.status).toBe(403);
    expect(textOf(cancel.html)).toContain("403 insufficient_scope");
    expect((await orderOf(order.id)).status).toBe("received");
  });
});

describe("API keys", () => {
  const secretOf = (html: string) => /<code>(wms_test_[A-Za-z0-9]{40})<\/code>/.exec(html)?.[1];

  it("issues a key with its secret shown once, and a resent form issues no second key", async () => {
    const manager = await createKey(tenantId, { scopes: ["keys:manage", "orders:read"] });
    const browser = await signedIn(manager.key);
    const page = await browser.get("/console/keys");
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain(manager.id);

    const wider = await browser.post("/console/keys", { scopes: ["orders:read", "orders:write"] });
    expect(wider.status).toBe(403);
    expect(fieldError(wider.html, "scopes")).toContain("orders:write");

    const form = {
      ...formFields(page.html, "/console/keys"),
      name: "Console <ERP>",
      scopes: ["orders:read"],
    };
    const issued = await browser.post("/console/keys", form);
    expect(issued.status).toBe(201);
    const secret = secretOf(issued.html) ?? "";
    expect(secret).not.toBe("");
    expectStatus(await client(secret).v1.orders.$get(), 200);
    // The same form again, as a double click sends it: the same key, not a second one.
    const resent = await browser.post("/console/keys", form);
    expect(resent.status).toBe(200);
    expect(secretOf(resent.html)).toBe(secret);

    const listed = await browser.get("/console/keys");
    expect(listed.html).not.toContain(secret);
    expect(listed.html.split("Console &lt;ERP&gt;").length - 1).toBe(1);
  });

  it("rotates, sets an expiry and revokes from a key's page, behind CSRF", async () => {
    const manager = await createKey(tenantId, { scopes: ["keys:manage", "orders:read"] });
    const target = await createKey(tenantId, { scopes: ["orders:read"] });
    const browser = await signedIn(manager.key);
    const path = `/console/keys/${target.id}`;
    const page = await browser.get(path);
    expect(page.status).toBe(200);

    const forged = await browser.post(`${path}/revoke`, {}, { csrf: "forged" });
    expect(forged.status).toBe(403);
    expectStatus(await client(target.key).v1.orders.$get(), 200);

    const badExpiry = await browser.post(`${path}/update`, { name: "ERP", expires_at: "soon" });
    expect(badExpiry.status).toBe(422);
    expect(fieldError(badExpiry.html, "expires_at")).toMatch(/^expires_at: /);
    const later = new Date(Date.now() + 24 * 3_600_000).toISOString();
    const saved = await browser.post(`${path}/update`, { name: "ERP", expires_at: later });
    expect(saved.status).toBe(303);
    expect(textOf((await browser.get(path)).html)).toContain(later.replace("T", " "));

    const rotated = await browser.post(`${path}/rotate`, {
      ...formFields(page.html, `${path}/rotate`),
      overlap_seconds: "3600",
    });
    expect(rotated.status).toBe(201);
    const secret = secretOf(rotated.html) ?? "";
    expect(secret).not.toBe("");
    expect(textOf(rotated.html)).toContain("The key it replaces keeps working until");
    expectStatus(await client(secret).v1.orders.$get(), 200);
    expectStatus(await client(target.key).v1.orders.$get(), 200);
    expect((await browser.get(path)).html).not.toContain(secret);

    const revoked = await browser.post(`${path}/revoke`);
    expect(revoked.status).toBe(303);
    expect(textOf((await browser.get(path)).html)).toContain("revoked");
    expect((await client(target.key).v1.orders.$get()).status).toBe(401);
  });
});

describe("webhooks and events", () => {
  it("subscribes with the secret shown once, and shows deliveries, attempts and replays", async () => {
    const browser = await signedIn(key);
    await browser.get("/console/webhooks");
    const refused = await browser.post("/console/webhooks", { url: "ftp://x", events: ["*"] });
    expect(refused.status).toBe(422);
    expect(fieldError(refused.html, "url")).toMatch(/^url: /);

    const created = await browser.post("/console/webhooks", {
      url: `${receiver}/ok/console-hooks`,
      events: ["order.created"],
      description: "ERP <main>",
    });
    expect(created.status).toBe(201);
    const secret = /<code>(whsec_[^<]+)<\/code>/.exec(created.html)?.[1];
    expect(secret).toBeDefined();
    const listed = await browser.get("/console/webhooks");
    expect(listed.html).not.toContain("whsec_");
    expect(textOf(listed.html)).toContain("ERP <main>");
    const id = /href="\/console\/webhooks\/(whk_[^"]+)"/.exec(created.html)?.[1] ?? "";
    const path = `/console/webhooks/${id}`;

    const order = await newOrder();
    const delivered = await eventually(
      () => browser.get(path),
      (page) => /<span class="badge good">200<\/span>/.test(page.html),
      "the order.created delivery",
    );
    expect(textOf(delivered.html)).toMatch(/order\.created .* succeeded/);
    expect(textOf(delivered.html)).toMatch(/\d+ ms/);
    const eventId = /<code>(evt_[^<]+)<\/code>/.exec(delivered.html)?.[1] ?? "";
    const events = await ok(client(key).v1.events.$get({ query: { type: "order.created" } }));
    expect(events.data.find((e) => e.event_id === eventId)?.data.id).toBe(order.id);

    const redelivered = await browser.post(`${path}/redeliver`, { event_id: eventId });
    expect(redelivered.status).toBe(303);
    // A replay is a delivery of its own, with the same event id and its own attempts.
    const twice = await eventually(
      () => browser.get(`${path}?status=succeeded`),
      (page) => page.html.split(`<code>${eventId}</code>`).length === 3,
      "the redelivery's attempt",
    );
    expect(
      twice.html.match(/<span class="badge good">200<\/span>/g)?.length,
    ).toBeGreaterThanOrEqual(2);

    const rotated = await browser.post(`${path}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const newSecret = /<code>(whsec_[^<]+)<\/code>/.exec(rotated.html)?.[1];
    expect(newSecret).toBeDefined();
    expect(newSecret).not.toBe(secret);
    expect(textOf(rotated.html)).toContain("The previous secret keeps signing alongside it");

    const test = await browser.post(`${path}/test`);
    expect(test.status).toBe(303);
    await eventually(
      () => browser.get(path),
      (page) => page.html.includes("webhook.test"),
      "the test delivery",
    );

    const badSince = await browser.post(`${path}/recover`, { since: "yesterday" });
    expect(badSince.status).toBe(422);
    expect(fieldError(badSince.html, "since")).toMatch(/^since: /);
    const tooOld = await browser.post(`${path}/recover`, { since: "2000-01-01T00:00:00Z" });
    expect(tooOld.status).toBe(422);
    expect(fieldError(tooOld.html, "since")).toMatch(/retention/);
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const recovered = await browser.post(`${path}/recover`, { since: anHourAgo });
    expect(recovered.status).toBe(202);
    expect(textOf(recovered.html)).toMatch(/Queued \d+ events? for delivery/);
  });

  it("shows the event feed, each event linked to its order", async () => {
    const order = await newOrder();
    const browser = await signedIn(key);
    const page = await browser.get("/console/events?type=order.created");
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<a href="/console/orders/${order.id}">`);
    const bad = await browser.get("/console/events?type=order.teleported");
    expect(bad.status).toBe(400);
    expect(fieldError(bad.html, "type")).toMatch(/^type: /);
  });
});

describe("the console's own pages", () => {
  it("answers an unknown page with its own 404 and needs sign-in first", async () => {
    const browser = await signedIn(key);
    const page = await browser.get("/console/nowhere");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-security-policy")).toBe(CSP);
    expect(textOf(page.html)).toContain("The console has no such page.");
    const anonymous = await new ConsoleClient().get("/console/nowhere");
    expect(anonymous.status).toBe(303);
  });
});
