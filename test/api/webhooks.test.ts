import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
} from "cloudflare:test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import worker from "../../src/index";
import {
  call,
  callIn,
  createKey,
  createTenant,
  expectError,
  merchant,
  orderBody,
  ship,
} from "../support/helpers";

const receiver = inject("receiverUrl");

interface Received {
  headers: Record<string, string>;
  body: string;
}

const received = async (name: string): Promise<Received[]> =>
  (await fetch(`${receiver}/_log/${name}`)).json();

/** Waits (bounded) until `check` passes; deliveries go through the real local queue. */
async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  for (let i = 0; i < timeoutMs / 100; i++) {
    const value = await probe();
    if (check(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// A receiver's verification, written from the documentation rather than our code.
const enc = new TextEncoder();
async function hmac(key: Uint8Array, text: string) {
  const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, enc.encode(text)));
}
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

async function verifiesGuideScheme(secret: string, msg: Received) {
  const parts = msg.headers["x-webhook-signature"]?.split(",") ?? [];
  const t = parts.find((p) => p.startsWith("t="))?.slice(2);
  const expected = hex(await hmac(enc.encode(secret), `${t}.${msg.body}`));
  return t === msg.headers["x-webhook-timestamp"] && parts.includes(`v1=${expected}`);
}

async function verifiesStandardWebhooks(secret: string, msg: Received) {
  const key = Uint8Array.from(atob(secret.slice("whsec_".length)), (c) => c.charCodeAt(0));
  const signed = `${msg.headers["webhook-id"]}.${msg.headers["webhook-timestamp"]}.${msg.body}`;
  const expected = btoa(String.fromCharCode(...(await hmac(key, signed))));
  return (msg.headers["webhook-signature"] ?? "").split(" ").includes(`v1,${expected}`);
}

let key: string;
let tenantId: string;
beforeAll(async () => {
  ({ key, tenantId } = await merchant({ "WIDGET-BLUE-M": 100 }));
});

const subscribe = async (path: string, events: string[] = ["*"], k = key) => {
  const res = await call("POST", "/v1/webhooks", {
    key: k,
    body: { url: `${receiver}${path}`, events },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string };
};

const deliveriesOf = (id: string, q = "", k = key) =>
  call("GET", `/v1/webhooks/${id}/deliveries${q}`, { key: k }).then((r) => r.body.data as any[]);

describe("subscriptions", () => {
  it("returns the secret once and never again", async () => {
    const sub = await subscribe("/ok/secret-check", ["shipment.created", "order.cancelled"]);
    expect(sub).toMatchObject({
      id: expect.stringMatching(/^whk_/),
      url: `${receiver}/ok/secret-check`,
      events: ["shipment.created", "order.cancelled"],
      secret: expect.stringMatching(/^whsec_/),
      status: "enabled",
      created_at: expect.any(String),
    });
    await call("POST", `/v1/webhooks/${sub.id}/test`, { key });
    await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "succeeded",
      "test delivery",
    );
    for (const path of [
      "/v1/webhooks",
      `/v1/webhooks/${sub.id}`,
      `/v1/webhooks/${sub.id}/deliveries`,
      "/v1/events",
    ]) {
      const res = await call("GET", path, { key });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(sub.secret);
      expect(JSON.stringify(res.body)).not.toContain("whsec_");
    }
  });

  it("validates URL and event types", async () => {
    expectError(
      await call("POST", "/v1/webhooks", { key, body: { url: "not a url", events: ["*"] } }),
      422,
      "validation_error",
      "url",
    );
    expectError(
      await call("POST", "/v1/webhooks", {
        key,
        body: { url: `${receiver}/ok/x`, events: ["order.teleported"] },
      }),
      422,
      "validation_error",
      "events[0]",
    );
    expectError(
      await call("POST", "/v1/webhooks", { key, body: { url: `${receiver}/ok/x`, events: [] } }),
      422,
      "validation_error",
      "events",
    );
    const insecure = await callIn("sandbox", "POST", "/v1/webhooks", {
      key,
      body: { url: "http://erp.example.com/hook", events: ["*"] },
    });
    expectError(insecure, 422, "insecure_url", "url");
    const secure = await callIn("sandbox", "POST", "/v1/webhooks", {
      key,
      // A type nothing here emits, so no delivery ever tries to reach this host.
      body: { url: "https://erp.example.com/hook", events: ["return.received"] },
    });
    expect(secure.status).toBe(201);
    await call("DELETE", `/v1/webhooks/${secure.body.id}`, { key });
  });

  it("refuses URLs that reach private infrastructure outside development", async () => {
    for (const url of [
      "https://127.0.0.1/hook",
      "https://2130706433/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.5/hook",
      "https://[::1]/hook",
      "https://[::ffff:7f00:1]/hook",
      "https://localhost:8787/hook",
      "https://metadata.google.internal/",
      "https://user:pass@erp.example.com/hook",
      "https://erp.example.com:8443/hook",
    ]) {
      const err = expectError(
        await callIn("sandbox", "POST", "/v1/webhooks", { key, body: { url, events: ["*"] } }),
        422,
        "url_not_allowed",
        "url",
      );
      expect(err.message, url).toMatch(/^url: .+/);
    }
    expectError(
      await call("POST", "/v1/webhooks", {
        key,
        body: { url: "https://169.254.169.254/latest/meta-data", events: ["*"] },
      }),
      422,
      "url_not_allowed",
      "url",
    );
    expect((await call("GET", "/v1/webhooks?limit=200", { key })).body.data).not.toContainEqual(
      expect.objectContaining({ url: expect.stringMatching(/169\.254|10\.0\.0\.5|::1|localhost/) }),
    );
  });
});

describe("event scopes", () => {
  it("subscribing needs the read scope of every type, and * needs them all", async () => {
    const manager = (await createKey(tenantId, { scopes: ["webhooks:manage"] })).key;
    const body = (events: string[]) => ({ url: `${receiver}/ok/scoped`, events });
    const err = expectError(
      await call("POST", "/v1/webhooks", { key: manager, body: body(["order.created"]) }),
      403,
      "insufficient_scope",
    );
    expect(err).toMatchObject({ event_type: "order.created", required_scope: "orders:read" });
    expect(err.message).toContain("order.created");
    expect(
      expectError(
        await call("POST", "/v1/webhooks", { key: manager, body: body(["*"]) }),
        403,
        "insufficient_scope",
      ).event_type,
    ).toBe("order.created");

    const orders = (await createKey(tenantId, { scopes: ["webhooks:manage", "orders:read"] })).key;
    const ok = await call("POST", "/v1/webhooks", {
      key: orders,
      body: body(["order.created", "order.cancelled"]),
    });
    expect(ok.status).toBe(201);
    for (const events of [["order.created", "shipment.created"], ["*"]]) {
      const refused = expectError(
        await call("POST", "/v1/webhooks", { key: orders, body: body(events) }),
        403,
        "insufficient_scope",
      );
      expect(refused).toMatchObject({
        event_type: "shipment.created",
        required_scope: "shipments:read",
      });
    }
    await call("DELETE", `/v1/webhooks/${ok.body.id}`, { key });
  });

  it("recover and redeliver need the read scope of what they would send", async () => {
    const sub = await subscribe("/ok/scoped-replay", ["order.created"]);
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    const event = (
      await call("GET", "/v1/events?type=order.created&limit=200", { key })
    ).body.data.find((e: { data: { id: string } }) => e.data.id === order.id);
    const manager = (await createKey(tenantId, { scopes: ["webhooks:manage"] })).key;
    const recover = await call("POST", `/v1/webhooks/${sub.id}/recover`, {
      key: manager,
      body: { since: new Date().toISOString() },
    });
    expect(expectError(recover, 403, "insufficient_scope").event_type).toBe("order.created");
    const redeliver = await call("POST", `/v1/events/${event.id}/redeliver`, {
      key: manager,
      body: { subscription_id: sub.id },
    });
    expect(expectError(redeliver, 403, "insufficient_scope").event_type).toBe("order.created");

    const reader = (await createKey(tenantId, { scopes: ["webhooks:manage", "orders:read"] })).key;
    expect(
      (
        await call("POST", `/v1/events/${event.id}/redeliver`, {
          key: reader,
          body: { subscription_id: sub.id },
        })
      ).status,
    ).toBe(202);
    await call("DELETE", `/v1/webhooks/${sub.id}`, { key });
  });
});

describe("delivery", () => {
  it("signs the raw bytes so both header schemes verify, with the full resource and its version", async () => {
    const sub = await subscribe("/ok/signed", ["order.created"]);
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    const [msg] = await eventually(
      () => received("signed"),
      (l) => l.length > 0,
      "signed delivery",
    );
    if (!msg) throw new Error("no delivery");
    expect(msg.headers["content-type"]).toBe("application/json");
    expect(msg.headers["user-agent"]).toMatch(/^fulfillment-api-webhooks\//);
    expect(await verifiesGuideScheme(sub.secret, msg)).toBe(true);
    expect(await verifiesStandardWebhooks(sub.secret, msg)).toBe(true);
    expect(
      await verifiesGuideScheme(sub.secret, {
        ...msg,
        body: msg.body.replace("received", "shipped"),
      }),
    ).toBe(false);
    const payload = JSON.parse(msg.body);
    expect(Object.keys(payload)).toEqual(["event_id", "event_type", "created_at", "data"]);
    expect(payload).toMatchObject({
      event_id: expect.stringMatching(/^evt_/),
      event_type: "order.created",
    });
    expect(payload.data).toEqual(order);
    expect(payload.data.version).toBe("1");
    expect(msg.headers["x-webhook-id"]).toBe(payload.event_id);
    expect(Math.abs(Number(msg.headers["x-webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(
      300,
    );
  });

  it("retries a failed attempt with the same event_id and logs both attempts", async () => {
    const sub = await subscribe("/flaky/1/retry", ["order.created"]);
    await call("POST", "/v1/orders", { key, body: orderBody() });
    const log = await eventually(
      () => received("retry"),
      (l) => l.length >= 2,
      "the retry",
    );
    expect(log[0]?.headers["x-webhook-id"]).toBe(log[1]?.headers["x-webhook-id"]);
    expect(log[0]?.body).toBe(log[1]?.body);
    const [delivery] = await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "succeeded",
      "success",
    );
    expect(
      delivery.attempts.map((a: { attempt: number; status_code: number; error: string | null }) => [
        a.attempt,
        a.status_code,
        a.error,
      ]),
    ).toEqual([
      [1, 500, "HTTP 500"],
      [2, 200, null],
    ]);
    expect(delivery.attempts[0].next_retry_at).toEqual(expect.any(String));
    expect(delivery.attempts[0].duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("marks a delivery failed after the last retry; redeliver then succeeds with the same event_id", async () => {
    const sub = await subscribe("/flaky/3/exhaust", ["order.created"]);
    await call("POST", "/v1/orders", { key, body: orderBody() });
    const [failed] = await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "failed",
      "failure",
    );
    expect(failed.attempts).toHaveLength(3);
    expect(failed.attempts.at(-1).next_retry_at).toBeNull();
    expect(failed).toMatchObject({ next_attempt_at: null, last_error: "HTTP 500" });
    expect((await deliveriesOf(sub.id, "?status=failed")).map((d) => d.id)).toEqual([failed.id]);
    expect(await deliveriesOf(sub.id, "?status=succeeded")).toEqual([]);
    const failedEvents = await call("GET", "/v1/events?delivery_status=failed", { key });
    expect(failedEvents.body.data.map((e: { id: string }) => e.id)).toContain(failed.event_id);

    const again = await call("POST", `/v1/events/${failed.event_id}/redeliver`, {
      key,
      body: { subscription_id: sub.id },
    });
    expect(again.status).toBe(202);
    expect(again.body.deliveries).toHaveLength(1);
    await eventually(
      () => deliveriesOf(sub.id, "?status=succeeded"),
      (d) => d.length === 1,
      "redelivery",
    );
    const log = await received("exhaust");
    expect(log).toHaveLength(4);
    expect(new Set(log.map((m) => m.headers["x-webhook-id"]))).toEqual(new Set([failed.event_id]));
  });

  it("delivers only subscribed types, and nothing after the subscription is deleted", async () => {
    const sub = await subscribe("/ok/typed", ["shipment.created"]);
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    await call("POST", `/v1/orders/${order.id}/cancel`, { key });
    const other = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    const shipment = await ship(key, other.id, [{ sku: "WIDGET-BLUE-M", quantity: 2 }]);
    const log = await eventually(
      () => received("typed"),
      (l) => l.length >= 1,
      "shipment.created",
    );
    await new Promise((r) => setTimeout(r, 1500));
    const types = (await received("typed")).map((m) => JSON.parse(m.body).event_type);
    expect(types).toEqual(["shipment.created"]);
    expect(JSON.parse(log[0]?.body ?? "{}").data).toEqual(shipment);

    expect((await call("DELETE", `/v1/webhooks/${sub.id}`, { key })).body).toEqual({
      id: sub.id,
      deleted: true,
    });
    await ship(key, (await call("POST", "/v1/orders", { key, body: orderBody() })).body.id, [
      { sku: "WIDGET-BLUE-M", quantity: 1 },
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await received("typed")).toHaveLength(1);
    expectError(await call("GET", `/v1/webhooks/${sub.id}`, { key }), 404, "not_found");
  });

  it("signs with both secrets during a rotation", async () => {
    const sub = await subscribe("/ok/rotate", ["order.cancelled"]);
    const rotated = await call("POST", `/v1/webhooks/${sub.id}/rotate-secret`, { key });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(sub.secret);
    expect(
      new Date(rotated.body.previous_secret_expires_at).getTime() - Date.now(),
    ).toBeGreaterThan(23 * 3600 * 1000);
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    await call("POST", `/v1/orders/${order.id}/cancel`, { key });
    const [msg] = await eventually(
      () => received("rotate"),
      (l) => l.length > 0,
      "rotated delivery",
    );
    if (!msg) throw new Error("no delivery");
    for (const secret of [sub.secret, rotated.body.secret]) {
      expect(await verifiesGuideScheme(secret, msg)).toBe(true);
      expect(await verifiesStandardWebhooks(secret, msg)).toBe(true);
    }
  });

  it("delivers what no relay sent once the cron sweep runs: an event, and a delivery never tried", async () => {
    const sub = await subscribe("/ok/sweep", ["order.created"]);
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    const other = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    await eventually(
      () => received("sweep"),
      (l) => l.length === 2,
      "the relays' own deliveries",
    );
    const eventOf = (orderId: string) =>
      env.DB.prepare("SELECT id FROM events WHERE type = 'order.created' AND resource_id = ?")
        .bind(orderId)
        .first<{ id: string }>();
    // A commit whose relay never ran (the isolate stopped right after): its event waits.
    const stranded = await eventOf(order.id);
    await env.DB.batch([
      env.DB.prepare(
        "DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE event_id = ?)",
      ).bind(stranded?.id),
      env.DB.prepare("DELETE FROM webhook_deliveries WHERE event_id = ?").bind(stranded?.id),
      env.DB.prepare("UPDATE events SET dispatched_at = NULL WHERE id = ?").bind(stranded?.id),
    ]);
    // And a delivery created two minutes ago whose first attempt never happened.
    const never = (await eventOf(other.id))?.id;
    await env.DB.batch([
      env.DB.prepare(
        "DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE event_id = ?)",
      ).bind(never),
      env.DB.prepare(
        `UPDATE webhook_deliveries SET status = 'pending', attempts = 0,
           created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 minutes')
         WHERE subscription_id = ? AND event_id = ?`,
      ).bind(sub.id, never),
    ]);

    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    const log = await eventually(
      () => received("sweep"),
      (l) => l.length === 4,
      "swept deliveries",
    );
    const ids = log.slice(2).map((m) => JSON.parse(m.body).data.id);
    expect(ids.sort()).toEqual([order.id, other.id].sort());
    await call("DELETE", `/v1/webhooks/${sub.id}`, { key });
  });

  it("recovers every matching event since a time with the original event ids", async () => {
    const since = new Date().toISOString();
    const first = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    await call("POST", `/v1/orders/${first.id}/cancel`, { key });
    const sub = await subscribe("/ok/recover", ["order.cancelled"]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await received("recover")).toEqual([]);
    const res = await call("POST", `/v1/webhooks/${sub.id}/recover`, { key, body: { since } });
    expect(res.status).toBe(202);
    expect(res.body.events).toBe(1);
    const [msg] = await eventually(
      () => received("recover"),
      (l) => l.length > 0,
      "recovered delivery",
    );
    const cancelled = await call("GET", "/v1/events?type=order.cancelled", { key });
    const ids = cancelled.body.data
      .filter((e: { data: { id: string } }) => e.data.id === first.id)
      .map((e: { id: string }) => e.id);
    expect(JSON.parse(msg?.body ?? "{}").event_id).toBe(ids[0]);
  });

  it("disables an endpoint that has failed for 3 days, says why, and re-enables on request", async () => {
    const sub = await subscribe("/fail/dying", ["order.created"]);
    await env.DB.prepare(
      "UPDATE webhook_subscriptions SET failing_since = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-4 days') WHERE id = ?",
    )
      .bind(sub.id)
      .run();
    await call("POST", "/v1/orders", { key, body: orderBody() });
    const disabled = await eventually(
      () => call("GET", `/v1/webhooks/${sub.id}`, { key }).then((r) => r.body),
      (b) => b.status === "disabled",
      "disabling",
    );
    expect(disabled.disabled_reason).toMatch(/failed since/);
    expectError(
      await call("POST", `/v1/webhooks/${sub.id}/test`, { key }),
      409,
      "webhook_disabled",
    );
    const enabled = await call("POST", `/v1/webhooks/${sub.id}/enable`, { key });
    expect(enabled.body).toMatchObject({ status: "enabled", disabled_reason: null });
    await call("DELETE", `/v1/webhooks/${sub.id}`, { key });
  });
});

const subscriptionRow = (id: string) =>
  env.DB.prepare(
    "SELECT secret, previous_secret, previous_secret_expires_at FROM webhook_subscriptions WHERE id = ?",
  )
    .bind(id)
    .first<{
      secret: string;
      previous_secret: string | null;
      previous_secret_expires_at: string | null;
    }>();

describe("secret rotation", () => {
  it("saves every secret handed out by concurrent rotations", async () => {
    const sub = await subscribe("/ok/concurrent-rotate", ["order.created"]);
    // Logs each secret as it is written, to see whether a rotation overwrote one unseen.
    await env.DB.batch([
      env.DB.prepare(
        "CREATE TABLE rotation_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, secret TEXT, previous_secret TEXT)",
      ),
      env.DB.prepare(
        `CREATE TRIGGER rotation_logger AFTER UPDATE OF secret ON webhook_subscriptions
         WHEN NEW.id = '${sub.id}'
         BEGIN INSERT INTO rotation_log (secret, previous_secret) VALUES (NEW.secret, NEW.previous_secret); END`,
      ),
    ]);
    // One key each, so no request waits on another's rate-limit object.
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => createKey(tenantId)));
    const keys = [key, ...others.map((k) => k.key)];
    const rotations = await Promise.all(
      keys.map((k) => call("POST", `/v1/webhooks/${sub.id}/rotate-secret`, { key: k })),
    );
    const { results: log } = await env.DB.prepare(
      "SELECT secret, previous_secret FROM rotation_log ORDER BY seq",
    ).all<{ secret: string; previous_secret: string }>();
    await env.DB.batch([
      env.DB.prepare("DROP TRIGGER rotation_logger"),
      env.DB.prepare("DROP TABLE rotation_log"),
    ]);

    expect(rotations.map((r) => r.status)).toEqual(keys.map(() => 200));
    const handedOut = rotations.map((r) => r.body.secret as string);
    expect(log.map((r) => r.secret).sort()).toEqual([...handedOut].sort());
    // Each rotation demoted the secret current as it wrote: none handed out went unsaved.
    expect(log.map((r) => r.previous_secret)).toEqual([
      sub.secret,
      ...log.slice(0, -1).map((r) => r.secret),
    ]);

    const row = await subscriptionRow(sub.id);
    await call("POST", `/v1/webhooks/${sub.id}/test`, { key });
    const [msg] = await eventually(
      () => received("concurrent-rotate"),
      (l) => l.length > 0,
      "test delivery",
    );
    if (!msg || !row?.previous_secret) throw new Error("no delivery");
    for (const secret of [row.secret, row.previous_secret]) {
      expect(await verifiesGuideScheme(secret, msg)).toBe(true);
    }
    await call("DELETE", `/v1/webhooks/${sub.id}`, { key });
  });

  it("forgets the previous secret once its overlap is over (the cron)", async () => {
    const sub = await subscribe("/ok/overlap-over", ["order.created"]);
    const rotated = (await call("POST", `/v1/webhooks/${sub.id}/rotate-secret`, { key })).body;
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    expect((await subscriptionRow(sub.id))?.previous_secret).toBe(sub.secret);

    await env.DB.prepare(
      "UPDATE webhook_subscriptions SET previous_secret_expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 second') WHERE id = ?",
    )
      .bind(sub.id)
      .run();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    expect(await subscriptionRow(sub.id)).toEqual({
      secret: rotated.secret,
      previous_secret: null,
      previous_secret_expires_at: null,
    });

    await call("POST", `/v1/webhooks/${sub.id}/test`, { key });
    const [msg] = await eventually(
      () => received("overlap-over"),
      (l) => l.length > 0,
      "test delivery",
    );
    if (!msg) throw new Error("no delivery");
    expect(msg.headers["x-webhook-signature"]?.match(/v1=/g)).toHaveLength(1);
    expect(await verifiesGuideScheme(rotated.secret, msg)).toBe(true);
    expect(await verifiesGuideScheme(sub.secret, msg)).toBe(false);
    await call("DELETE", `/v1/webhooks/${sub.id}`, { key });
  });
});

describe("bounded replays", () => {
  /** `count` order.created events for a fresh tenant, written straight to the outbox. */
  async function tenantWithEvents(count: number) {
    const tenant = await createTenant("Replays");
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
       INSERT INTO events (id, tenant_id, type, resource_id, data, dispatched_at)
       SELECT printf('evt_replay_%s_%04d', ?1, i), ?1, 'order.created', printf('ord_%04d', i),
         json_object('id', printf('ord_%04d', i)), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       FROM n`,
    )
      .bind(tenant.tenantId, count)
      .run();
    return tenant;
  }

  it("recovers a page at a time, resumes from next_cursor, one page in flight", async () => {
    const tenant = await tenantWithEvents(520);
    const sub = await subscribe("/ok/paged-recover", ["order.created"], tenant.key);
    const since = "2020-01-01T00:00:00Z";
    const first = await call("POST", `/v1/webhooks/${sub.id}/recover`, {
      key: tenant.key,
      body: { since },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body).toEqual({ events: 500, has_more: true, next_cursor: expect.any(String) });

    const early = await call("POST", `/v1/webhooks/${sub.id}/recover`, {
      key: tenant.key,
      body: { cursor: first.body.next_cursor },
    });
    expectError(early, 409, "recovery_in_progress");
    expectError(
      await call("POST", `/v1/webhooks/${sub.id}/recover`, { key: tenant.key, body: { since } }),
      409,
      "recovery_in_progress",
    );

    await eventually(
      () =>
        env.DB.prepare(
          "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE subscription_id = ? AND status = 'succeeded'",
        )
          .bind(sub.id)
          .first<{ n: number }>(),
      (row) => row?.n === 500,
      "the whole first page",
      60_000,
    );
    const rest = await call("POST", `/v1/webhooks/${sub.id}/recover`, {
      key: tenant.key,
      body: { cursor: first.body.next_cursor },
    });
    expect(rest.status, JSON.stringify(rest.body)).toBe(202);
    expect(rest.body).toEqual({ events: 20, has_more: false, next_cursor: null });
    const log = await eventually(
      () => received("paged-recover"),
      (l) => l.length === 520,
      "the second page",
      30_000,
    );
    const ids = new Set(log.map((m) => JSON.parse(m.body).event_id));
    expect(ids.size).toBe(520);
    expect(ids).toContain(`evt_replay_${tenant.tenantId}_0001`);
    expect(ids).toContain(`evt_replay_${tenant.tenantId}_0520`);

    for (const body of [{}, { since, cursor: first.body.next_cursor }]) {
      expectError(
        await call("POST", `/v1/webhooks/${sub.id}/recover`, { key: tenant.key, body }),
        422,
        "validation_error",
        "since",
      );
    }
  }, 150_000);

  it("rate-limits recover and redeliver per endpoint, with Retry-After", async () => {
    const tenant = await tenantWithEvents(1);
    const eventId = `evt_replay_${tenant.tenantId}_0001`;
    const busy = await subscribe("/ok/limited", ["order.created"], tenant.key);
    const quiet = await subscribe("/ok/unlimited", ["order.created"], tenant.key);
    for (let i = 0; i < 10; i++) {
      const res = await call("POST", `/v1/events/${eventId}/redeliver`, {
        key: tenant.key,
        body: { subscription_id: busy.id },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
    }
    const limited = await call("POST", `/v1/events/${eventId}/redeliver`, {
      key: tenant.key,
      body: { subscription_id: busy.id },
    });
    const err = expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(err.retry_after).toBe(Number(limited.headers.get("retry-after")));
    expectError(
      await call("POST", `/v1/webhooks/${busy.id}/recover`, {
        key: tenant.key,
        body: { since: "2020-01-01T00:00:00Z" },
      }),
      429,
      "rate_limited",
    );
    // Redelivering to every matching endpoint spends from each; the busy one refuses.
    expectError(
      await call("POST", `/v1/events/${eventId}/redeliver`, { key: tenant.key }),
      429,
      "rate_limited",
    );
    const other = await call("POST", `/v1/webhooks/${quiet.id}/recover`, {
      key: tenant.key,
      body: { since: "2020-01-01T00:00:00Z" },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(202);
    expect(other.body.events).toBe(1);
  });
});

describe("failure handling", () => {
  it("counts a receiver slower than the timeout as a failed attempt and retries it", async () => {
    const sub = await subscribe("/slow/1/timeout", ["order.created"]);
    await call("POST", "/v1/orders", { key, body: orderBody() });
    const [delivery] = await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "succeeded",
      "the retry after a timeout",
      10_000,
    );
    expect(
      delivery.attempts.map((a: { status_code: number | null; error: string | null }) => [
        a.status_code,
        a.error,
      ]),
    ).toEqual([
      [null, "timeout after 1 s"],
      [200, null],
    ]);
    expect(delivery.attempts[0].duration_ms).toBeGreaterThanOrEqual(990);
    await call("DELETE", `/v1/webhooks/${sub.id}`, { key });
  });

  it("records a dead-lettered delivery as failed, with no next attempt", async () => {
    const sub = await subscribe("/ok/dead-letter", ["order.created"]);
    const [event] = (await call("GET", "/v1/events?type=order.created&limit=1", { key })).body.data;
    const deliveryId = "del_deadletteredtest00";
    await env.DB.prepare(
      `INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, generation, status, attempts, next_attempt_at)
       VALUES (?, ?, ?, ?, 99, 'pending', 40, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 hour'))`,
    )
      .bind(deliveryId, tenantId, sub.id, event.id)
      .run();
    const batch = createMessageBatch<{ delivery_id: string }>("fulfillment-webhooks-dev-dlq", [
      { id: "m1", timestamp: new Date(), attempts: 1, body: { delivery_id: deliveryId } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["m1"]);
    const [row] = (await deliveriesOf(sub.id)).filter((d) => d.id === deliveryId);
    expect(row).toMatchObject({ status: "failed", next_attempt_at: null });
  });

  it("ignores a duplicate queue message for a delivery that already succeeded", async () => {
    const sub = await subscribe("/ok/duplicate", ["order.created"]);
    await call("POST", "/v1/orders", { key, body: orderBody() });
    const [delivery] = await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "succeeded",
      "delivery",
    );
    const batch = createMessageBatch<{ delivery_id: string }>("fulfillment-webhooks-dev", [
      { id: "dup", timestamp: new Date(), attempts: 1, body: { delivery_id: delivery.id } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["dup"]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await received("duplicate")).toHaveLength(1);
    expect((await deliveriesOf(sub.id))[0].attempts).toHaveLength(1);
  });

  it("makes every redelivery a new delivery of the same event", async () => {
    const sub = await subscribe("/ok/twice", ["order.created"]);
    const order = (await call("POST", "/v1/orders", { key, body: orderBody() })).body;
    await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "succeeded",
      "first delivery",
    );
    const events = (await call("GET", "/v1/events?type=order.created&limit=200", { key })).body
      .data;
    const eventId = events.find((e: { data: { id: string } }) => e.data.id === order.id).id;
    const first = await call("POST", `/v1/events/${eventId}/redeliver`, {
      key,
      body: { subscription_id: sub.id },
    });
    const second = await call("POST", `/v1/events/${eventId}/redeliver`, {
      key,
      body: { subscription_id: sub.id },
    });
    expect(first.body.deliveries).toHaveLength(1);
    expect(second.body.deliveries).toHaveLength(1);
    expect(first.body.deliveries[0]).not.toBe(second.body.deliveries[0]);
    const log = await eventually(
      () => received("twice"),
      (l) => l.length === 3,
      "two redeliveries",
    );
    expect(new Set(log.map((m) => JSON.parse(m.body).event_id))).toEqual(new Set([eventId]));
    expectError(
      await call("POST", `/v1/events/${eventId}/redeliver`, {
        key,
        body: { subscription_id: "whk_nope" },
      }),
      404,
      "not_found",
      "subscription_id",
    );
  });
});

describe("tenant isolation and scopes", () => {
  it("answers another tenant's webhooks and events with 404", async () => {
    const sub = await subscribe("/ok/isolated", ["order.created"]);
    const [event] = (await call("GET", "/v1/events?limit=1", { key })).body.data;
    const other = await createTenant("Other");
    const k = other.key;
    expectError(await call("GET", `/v1/webhooks/${sub.id}`, { key: k }), 404, "not_found");
    expectError(
      await call("GET", `/v1/webhooks/${sub.id}/deliveries`, { key: k }),
      404,
      "not_found",
    );
    expectError(await call("DELETE", `/v1/webhooks/${sub.id}`, { key: k }), 404, "not_found");
    expectError(
      await call("POST", `/v1/webhooks/${sub.id}/rotate-secret`, { key: k }),
      404,
      "not_found",
    );
    expectError(await call("POST", `/v1/webhooks/${sub.id}/test`, { key: k }), 404, "not_found");
    expectError(await call("POST", `/v1/webhooks/${sub.id}/enable`, { key: k }), 404, "not_found");
    expectError(
      await call("POST", `/v1/webhooks/${sub.id}/recover`, {
        key: k,
        body: { since: "2026-01-01T00:00:00Z" },
      }),
      404,
      "not_found",
    );
    expectError(
      await call("POST", `/v1/events/${event.id}/redeliver`, { key: k }),
      404,
      "not_found",
    );
    expect((await call("GET", "/v1/webhooks", { key: k })).body.data).toEqual([]);
    expect((await call("GET", `/v1/webhooks/${sub.id}`, { key })).status).toBe(200);
  });

  it("needs webhooks:manage", async () => {
    const reader = await createKey(tenantId, { scopes: ["events:read"] });
    expectError(await call("GET", "/v1/webhooks", { key: reader.key }), 403, "insufficient_scope");
    expectError(
      await call("POST", "/v1/webhooks", {
        key: reader.key,
        body: { url: `${receiver}/ok/x`, events: ["*"] },
      }),
      403,
      "insufficient_scope",
    );
  });
});
