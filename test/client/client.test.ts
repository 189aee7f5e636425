import { assert, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  ApiError,
  createClient,
  type RetryNotice,
  retryAfterMs,
  type Schemas,
  type Shipment,
  verifyWebhook,
  WebhookVerificationError,
} from "../../client/src/index";
import { handle } from "../support/client";
import { createKey, merchant, orderBody, ship } from "../support/merchant";
import { eventually, type Received, received, receiver } from "../support/receiver";

const BASE = "https://api.test";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Worker's own fetch handler, as the client's transport. */
const worker = (request: Request) => handle(request);

/** A transport that lets `answer` see (and replace) each of the Worker's answers. */
function intercepted(answer: (res: Response, attempt: number) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const send = async (request: Request) => {
    requests.push(request.clone());
    return answer(await worker(request), requests.length);
  };
  return { requests, send };
}

const keyOf = (r: Request | undefined) => r?.headers.get("idempotency-key") ?? null;

let key: string;
let tenantId: string;
beforeAll(async () => {
  ({ key, tenantId } = await merchant({ "WIDGET-BLUE-M": 1000 }));
});

const api = (send = worker, extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl: BASE, apiKey: key, fetch: send, baseDelayMs: 1, ...extra });

/** An order body as the client types it: its country is one of the listed codes, not any string. */
const clientOrder = (overrides: Parameters<typeof orderBody>[0] = {}) =>
  orderBody(overrides) as Schemas["CreateOrder"];

describe("idempotent creates", () => {
  it("sends a UUID Idempotency-Key and resends it when the answer is lost to a 503", async () => {
    let first: { id: string } | undefined;
    const { requests, send } = intercepted(async (res, attempt) => {
      if (attempt > 1) return res;
      // The Worker made the order; the caller only sees the gateway give up.
      first = await res.json();
      return new Response("upstream timed out", { status: 503 });
    });
    const body = clientOrder();
    const { data: order, response } = await api(send).POST("/v1/orders", { body });

    expect(requests).toHaveLength(2);
    expect(keyOf(requests[0])).toMatch(UUID);
    expect(keyOf(requests[1])).toBe(keyOf(requests[0]));
    expect(order.id).toBe(first?.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("idempotent-replayed")).toBe("true");
    const { data: same } = await api().GET("/v1/orders", {
      params: { query: { reference: body.reference } },
    });
    expect(same.data.map((o) => o.id)).toEqual([order.id]);
  });

  it("resends the same key after a network error that struck once the Worker had answered", async () => {
    const { requests, send } = intercepted((res, attempt) => {
      if (attempt === 1) throw new TypeError("fetch failed: socket hang up");
      return res;
    });
    const { data: asn, response } = await api(send).POST("/v1/inbound-shipments", {
      body: {
        reference: `ASN-${crypto.randomUUID()}`,
        warehouse_id: "wh_syd_1",
        items: [{ sku: "WIDGET-BLUE-M", expected_quantity: 10 }],
      },
    });
    expect(requests).toHaveLength(2);
    expect(keyOf(requests[1])).toBe(keyOf(requests[0]));
    expect(response.status).toBe(200);
    const { data: list } = await api().GET("/v1/inbound-shipments", {
      params: { query: { reference: asn.reference } },
    });
    expect(list.data.map((a) => a.id)).toEqual([asn.id]);
  });

  it("keeps a key the caller chose, and sends none where the operation takes none", async () => {
    const { requests, send } = intercepted((res) => res);
    const client = api(send);
    await client.POST("/v1/orders", {
      body: clientOrder(),
      params: { header: { "idempotency-key": "erp-order-SO-77" } },
    });
    await client.POST("/v1/products", { body: { sku: `SKU-${crypto.randomUUID()}`, name: "x" } });
    await client.GET("/v1/orders");
    expect(requests.map(keyOf)).toEqual(["erp-order-SO-77", null, null]);
  });

  it("does not repeat a write without a key when its outcome is unknown", async () => {
    const { requests, send } = intercepted(() => new Response("bad gateway", { status: 502 }));
    const sku = `SKU-${crypto.randomUUID()}`;
    const failed = await api(send)
      .POST("/v1/products", { body: { sku, name: "Once" } })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ApiError);
    expect(requests).toHaveLength(1);
    // The product was made: a blind retry would have met a 409 and hidden that.
    const { data } = await api().GET("/v1/products/{sku}", { params: { path: { sku } } });
    expect(data.name).toBe("Once");
  });
});

describe("retries", () => {
  it("waits out a real 429's Retry-After and then succeeds", async () => {
    const limited = await createKey(tenantId, { rate_limit_per_minute: 60 });
    const statuses: number[] = [];
    const send = async (request: Request) => {
      const res = await worker(request);
      statuses.push(res.status);
      return res;
    };
    const notices: RetryNotice[] = [];
    const client = createClient({
      baseUrl: BASE,
      apiKey: limited.key,
      fetch: send,
      onRetry: (notice) => notices.push(notice),
    });
    // Faster than the bucket refills (one a second), so some call meets the limit.
    let waited = 0;
    for (let i = 0; i < 300 && notices.length === 0; i++) {
      const started = Date.now();
      const { response } = await client.GET("/v1/warehouses");
      expect(response.status).toBe(200);
      waited = Date.now() - started;
    }
    expect(notices).toMatchObject([{ attempt: 1, status: 429 }]);
    expect(notices[0]?.delayMs).toBeGreaterThanOrEqual(1000);
    expect(statuses.slice(-2)).toEqual([429, 200]);
    expect(waited).toBeGreaterThanOrEqual(900);
  });

  it("honours Retry-After as an HTTP date", async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    const { requests, send } = intercepted((res, attempt) =>
      attempt === 1
        ? new Response(null, { status: 429, headers: { "retry-after": at.toUTCString() } })
        : res,
    );
    await api(send).GET("/v1/warehouses");
    expect(requests).toHaveLength(2);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 50);
  });

  it("gives up after the configured retries, with the last answer as the error", async () => {
    const { requests, send } = intercepted(() =>
      Response.json(
        { error: { code: "temporarily_unavailable", message: "try later", request_id: "req_x" } },
        { status: 503 },
      ),
    );
    const err = await api(send, { retries: 2 })
      .GET("/v1/warehouses")
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(3);
    assertApiError(err);
    expect(err).toMatchObject({ status: 503, code: "temporarily_unavailable", requestId: "req_x" });
  });

  it("does not sleep through a Retry-After longer than it allows", async () => {
    const { requests, send } = intercepted(
      () => new Response(null, { status: 429, headers: { "retry-after": "3600" } }),
    );
    const err = await api(send, { maxDelayMs: 1000 })
      .GET("/v1/warehouses")
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(1);
    assertApiError(err);
    expect(err.status).toBe(429);
  });

  it("reads Retry-After in both of its forms", () => {
    const now = Date.parse("2026-07-02T10:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Thu, 02 Jul 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Thu, 02 Jul 2026 09:59:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe("pagination", () => {
  it("follows next_cursor until has_more is false, yielding typed items", async () => {
    const { key: own } = await merchant({ "WIDGET-BLUE-M": 50 });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { data } = await createClient({ baseUrl: BASE, apiKey: own, fetch: worker }).POST(
        "/v1/orders",
        { body: clientOrder() },
      );
      made.push(data.id);
    }
    const { requests, send } = intercepted((res) => res);
    const client = createClient({ baseUrl: BASE, apiKey: own, fetch: send });
    const seen: string[] = [];
    for await (const order of client.paginate("/v1/orders", { params: { query: { limit: 2 } } })) {
      expectTypeOf(order.status).toEqualTypeOf<
        | "received"
        | "processing"
        | "partially_shipped"
        | "shipped"
        | "on_hold"
        | "backordered"
        | "cancelled"
      >();
      seen.push(order.id);
    }
    expect(seen).toEqual(made);
    expect(requests).toHaveLength(3);
    const cursors = requests.map((r) => new URL(r.url).searchParams.get("cursor"));
    expect(cursors[0]).toBeNull();
    expect(cursors.slice(1).every(Boolean)).toBe(true);
    expect(requests.every((r) => new URL(r.url).searchParams.get("limit") === "2")).toBe(true);

    // A cursor passed in resumes that walk where it stood.
    const resumed: string[] = [];
    const query = { limit: 2, cursor: cursors[1] ?? "" };
    for await (const order of client.paginate("/v1/orders", { params: { query } })) {
      resumed.push(order.id);
    }
    expect(resumed).toEqual(made.slice(2));
  });
});

function assertApiError(err: unknown): asserts err is ApiError {
  expect(err).toBeInstanceOf(ApiError);
}

describe("errors", () => {
  it("throws the envelope of a real 422 as a typed ApiError", async () => {
    const err = await api()
      .POST("/v1/orders", {
        body: clientOrder({ items: [{ sku: "NOT-IN-CATALOG", quantity: 1 }] }),
      })
      .catch((e: unknown) => e);
    assertApiError(err);
    expect(err.status).toBe(422);
    expect(err.code).toBe("unknown_sku");
    expect(err.field).toBe("items[0].sku");
    expect(err.message).toContain("NOT-IN-CATALOG");
    expect(err.requestId).toMatch(/^req_/);
    expect(err.requestId).toBe(err.response.headers.get("x-request-id"));
  });

  it("carries a code's own envelope fields", async () => {
    const client = api();
    const { data: order } = await client.POST("/v1/orders", { body: clientOrder() });
    await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 2 }]);
    const err = await client
      .POST("/v1/orders/{id}/cancel", { params: { path: { id: order.id } }, body: {} })
      .catch((e: unknown) => e);
    assertApiError(err);
    expect(err.status).toBe(409);
    expect(err.code).toBe("already_shipped");
    expect(err.details).toEqual({ order_status: "shipped" });
    expect(err.error.order_status).toBe("shipped");
  });
});

describe("verifyWebhook", () => {
  let secret: string;
  let delivery: Received;
  let t: number;
  beforeAll(async () => {
    const client = api();
    const { data: hook } = await client.POST("/v1/webhooks", {
      body: { url: `${receiver}/ok/client-verify`, events: ["shipment.created"] },
    });
    secret = hook.secret;
    const { data: order } = await client.POST("/v1/orders", { body: clientOrder() });
    await ship(key, order.id, [{ sku: "WIDGET-BLUE-M", quantity: 2 }]);
    const log = await eventually(
      () => received("client-verify"),
      (r) => r.length > 0,
      "the shipment.created delivery",
    );
    assert(log[0]);
    delivery = log[0];
    t = Number(delivery.headers["webhook-timestamp"]);
  });

  const without = (...names: string[]) =>
    Object.fromEntries(Object.entries(delivery.headers).filter(([k]) => !names.includes(k)));
  const failure = (pending: Promise<unknown>) =>
    pending.then(
      () => "verified",
      (e: unknown) => (e instanceof WebhookVerificationError ? e.reason : e),
    );

  it("verifies a real delivery under both schemes and returns its typed event", async () => {
    const event = await verifyWebhook(delivery.body, delivery.headers, secret);
    expect(event.event_type).toBe("shipment.created");
    expect(event.event_id).toBe(delivery.headers["x-webhook-id"]);
    const shipment = event.data as Shipment;
    expect(shipment.id).toMatch(/^shp_/);
    const bytes = new TextEncoder().encode(delivery.body);
    const fromBytes = await verifyWebhook(bytes, new Headers(delivery.headers), secret);
    expect(fromBytes.event_id).toBe(event.event_id);
  });

  it("verifies each scheme on its own", async () => {
    const guideOnly = without("webhook-id", "webhook-timestamp", "webhook-signature");
    const standardOnly = without("x-webhook-signature");
    expect(await failure(verifyWebhook(delivery.body, guideOnly, secret))).toBe("verified");
    expect(await failure(verifyWebhook(delivery.body, standardOnly, secret))).toBe("verified");
    expect(
      await failure(
        verifyWebhook(delivery.body, without("x-webhook-signature", "webhook-signature"), secret),
      ),
    ).toBe("missing_signature");
  });

  it("rejects a tampered body, a wrong secret and a forged scheme beside a good one", async () => {
    const tampered = delivery.body.replace('"shipped"', '"delivered"');
    expect(tampered).not.toBe(delivery.body);
    expect(await failure(verifyWebhook(tampered, delivery.headers, secret))).toBe(
      "invalid_signature",
    );
    const other = `whsec_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))}`;
    expect(await failure(verifyWebhook(delivery.body, delivery.headers, other))).toBe(
      "invalid_signature",
    );
    // A receiver mid-rotation holds both secrets: the right one among them is enough.
    expect(await failure(verifyWebhook(delivery.body, delivery.headers, [other, secret]))).toBe(
      "verified",
    );
    const forged = { ...delivery.headers, "webhook-signature": `v1,${btoa("x".repeat(32))}` };
    expect(await failure(verifyWebhook(delivery.body, forged, secret))).toBe("invalid_signature");
    const guideForged = {
      ...delivery.headers,
      "x-webhook-signature": `t=${t},v1=${"0".repeat(64)}`,
    };
    expect(await failure(verifyWebhook(delivery.body, guideForged, secret))).toBe(
      "invalid_signature",
    );
  });

  it("holds the signed timestamp to the tolerance, both ways", async () => {
    const at = (seconds: number) => ({ now: (t + seconds) * 1000 });
    const verify = (options: { now: number; toleranceSeconds?: number }) =>
      failure(verifyWebhook(delivery.body, delivery.headers, secret, options));
    expect(await verify(at(300))).toBe("verified");
    expect(await verify(at(301))).toBe("timestamp_out_of_tolerance");
    expect(await verify(at(-301))).toBe("timestamp_out_of_tolerance");
    expect(await verify({ ...at(30), toleranceSeconds: 10 })).toBe("timestamp_out_of_tolerance");
    // Each scheme's own timestamp is checked, so a stale guide header is refused alone too.
    const guideOnly = without("webhook-id", "webhook-timestamp", "webhook-signature");
    expect(
      await failure(verifyWebhook(delivery.body, guideOnly, secret, { now: (t + 301) * 1000 })),
    ).toBe("timestamp_out_of_tolerance");
  });
});
