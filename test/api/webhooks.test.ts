import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
} from "cloudflare:test";
import { assert, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import worker from "../../src/index";
import {
  type Delivery,
  deliveryId,
  messageOf,
  type WebhookMessage,
} from "../../src/webhooks/webhooks.delivery-key";
import type { CreateWebhook } from "../../src/webhooks/webhooks.routes";
import {
  type Api,
  client,
  expectError,
  expectStatus,
  ok,
  type QueryOf,
  raw,
  succeeded,
} from "../support/client";
import { createKey, createTenant, merchant, orderBody, ship } from "../support/merchant";
import { eventually, payloadOf, type Received, received, receiver } from "../support/receiver";
import { dataOf, orderSnapshotSql } from "../support/shards";

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
/** The tenant's shard, where its events, subscriptions and deliveries are. */
let db: D1Database;
beforeAll(async () => {
  ({ key, tenantId } = await merchant({ "WIDGET-BLUE-M": 100 }));
  db = await dataOf(tenantId);
});

type Subscribable = z.input<typeof CreateWebhook>["events"];

const subscribe = async (path: string, events: Subscribable = ["*"], k = key) => {
  const res = await client(k).v1.webhooks.$post({ json: { url: `${receiver}${path}`, events } });
  expectStatus(res, 201);
  return res.body;
};

const deliveriesOf = async (
  id: string,
  query: QueryOf<Api["v1"]["webhooks"][":id"]["deliveries"]["$get"]> = {},
  k = key,
) => (await ok(client(k).v1.webhooks[":id"].deliveries.$get({ param: { id }, query }))).data;

/**
 * The stored deliveries of event `eventId` (to `subscriptionId` only, if given), each with
 * its key and its tenant: its subscription's.
 */
const storedDeliveries = async (eventId: string, subscriptionId?: string) =>
  (
    await db
      .prepare(
        `SELECT d.subscription_id AS subscriptionId, d.event_at AS eventAt, d.event_id AS eventId,
           d.generation AS generation, d.legacy_id AS legacyId, s.tenant_id AS tenantId
         FROM webhook_deliveries AS d JOIN webhook_subscriptions AS s ON s.id = d.subscription_id
         WHERE d.event_id = ?1 AND (?2 IS NULL OR d.subscription_id = ?2)`,
      )
      .bind(eventId, subscriptionId ?? null)
      .all<Delivery>()
  ).results;

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
    await client(key).v1.webhooks[":id"].test.$post({ param: { id: sub.id } });
    await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "succeeded",
      "test delivery",
    );
    const api = client(key).v1;
    const param = { id: sub.id };
    for (const res of [
      await api.webhooks.$get(),
      await api.webhooks[":id"].$get({ param }),
      await api.webhooks[":id"].deliveries.$get({ param }),
      await api.events.$get(),
    ]) {
      expectStatus(res, 200);
      expect(JSON.stringify(res.body)).not.toContain(sub.secret);
      expect(JSON.stringify(res.body)).not.toContain("whsec_");
    }
  });

  it("validates URL and event types", async () => {
    expectError(
      await client(key).v1.webhooks.$post({ json: { url: "not a url", events: ["*"] } }),
      422,
      "validation_error",
      "url",
    );
    expectError(
      await raw("POST", "/v1/webhooks", {
        key,
        json: { url: `${receiver}/ok/x`, events: ["order.teleported"] },
      }),
      422,
      "validation_error",
      "events[0]",
    );
    expectError(
      await client(key).v1.webhooks.$post({ json: { url: `${receiver}/ok/x`, events: [] } }),
      422,
      "validation_error",
      "events",
    );
    const insecure = await client(key, { ENVIRONMENT: "sandbox" }).v1.webhooks.$post({
      json: { url: "http://erp.example.com/hook", events: ["*"] },
    });
    expectError(insecure, 422, "insecure_url", "url");
    const secure = await client(key, { ENVIRONMENT: "sandbox" }).v1.webhooks.$post({
      // A type nothing here emits, so no delivery ever tries to reach this host.
      json: { url: "https://erp.example.com/hook", events: ["return.received"] },
    });
    expectStatus(secure, 201);
    await client(key).v1.webhooks[":id"].$delete({ param: { id: secure.body.id } });
  });

  it("refuses URLs that reach private infrastructure outside development", async () => {
    for (const url of [
      "https://127.0.0.1/hook",
      "https://2130706433/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.5/hook",
      "https://[::1]/hook",
      "https://[::ffff:7f00:1]/hook",
      "https://[2002:a9fe:a9fe::1]/hook",
      "https://[2001:0:808:808::80ff:fffe]/hook",
      "https://localhost:8787/hook",
      "https://metadata.google.internal/",
      "https://user:pass@erp.example.com/hook",
      "https://erp.example.com:8443/hook",
    ]) {
      const err = expectError(
        await client(key, { ENVIRONMENT: "sandbox" }).v1.webhooks.$post({
          json: { url, events: ["*"] },
        }),
        422,
        "url_not_allowed",
        "url",
      );
      expect(err.message, url).toMatch(/^url: .+/);
    }
    expectError(
      await client(key).v1.webhooks.$post({
        json: { url: "https://169.254.169.254/latest/meta-data", events: ["*"] },
      }),
      422,
      "url_not_allowed",
      "url",
    );
    expect(
      (await ok(client(key).v1.webhooks.$get({ query: { limit: "200" } }))).data,
    ).not.toContainEqual(
      expect.objectContaining({ url: expect.stringMatching(/169\.254|10\.0\.0\.5|::1|localhost/) }),
    );
  });
});

describe("event scopes", () => {
  it("subscribing needs the read scope of every type, and * needs them all", async () => {
    const manager = (await createKey(tenantId, { scopes: ["webhooks:manage"] })).key;
    const body = (events: Subscribable) => ({ url: `${receiver}/ok/scoped`, events });
    const err = expectError(
      await client(manager).v1.webhooks.$post({ json: body(["order.created"]) }),
      403,
      "insufficient_scope",
    );
    expect(err).toMatchObject({ event_type: "order.created", required_scope: "orders:read" });
    expect(err.message).toContain("order.created");
    expect(
      expectError(
        await client(manager).v1.webhooks.$post({ json: body(["*"]) }),
        403,
        "insufficient_scope",
      ).event_type,
    ).toBe("order.created");

    const orders = (await createKey(tenantId, { scopes: ["webhooks:manage", "orders:read"] })).key;
    const allowed = await client(orders).v1.webhooks.$post({
      json: body(["order.created", "order.cancelled"]),
    });
    expectStatus(allowed, 201);
    const refusedSets: Subscribable[] = [["order.created", "shipment.created"], ["*"]];
    for (const events of refusedSets) {
      const refused = expectError(
        await client(orders).v1.webhooks.$post({ json: body(events) }),
        403,
        "insufficient_scope",
      );
      expect(refused).toMatchObject({
        event_type: "shipment.created",
        required_scope: "shipments:read",
      });
    }
    await client(key).v1.webhooks[":id"].$delete({ param: { id: allowed.body.id } });
  });

  it("recover and redeliver need the read scope of what they would send", async () => {
    const sub = await subscribe("/ok/scoped-replay", ["order.created"]);
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const event = (
      await ok(client(key).v1.events.$get({ query: { type: "order.created", limit: "200" } }))
    ).data.find((e) => e.data.id === order.id);
    assert(event);
    const manager = (await createKey(tenantId, { scopes: ["webhooks:manage"] })).key;
    const recover = await client(manager).v1.webhooks[":id"].recover.$post({
      param: { id: sub.id },
      json: { since: new Date().toISOString() },
    });
    expect(expectError(recover, 403, "insufficient_scope").event_type).toBe("order.created");
    const redeliver = await client(manager).v1.events[":id"].redeliver.$post({
      param: { id: event.event_id },
      json: { subscription_id: sub.id },
    });
    expect(expectError(redeliver, 403, "insufficient_scope").event_type).toBe("order.created");

    const reader = (await createKey(tenantId, { scopes: ["webhooks:manage", "orders:read"] })).key;
    expect(
      (
        await client(reader).v1.events[":id"].redeliver.$post({
          param: { id: event.event_id },
          json: { subscription_id: sub.id },
        })
      ).status,
    ).toBe(202);
    await client(key).v1.webhooks[":id"].$delete({ param: { id: sub.id } });
  });
});

describe("delivery", () => {
  it("signs the raw bytes so both header schemes verify, with the full resource and its version", async () => {
    const sub = await subscribe("/ok/signed", ["order.created"]);
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
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
    expect(Object.keys(JSON.parse(msg.body))).toEqual([
      "event_id",
      "event_type",
      "created_at",
      "data",
    ]);
    const payload = payloadOf(msg);
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
    await client(key).v1.orders.$post({ json: orderBody() });
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
    assert(delivery);
    expect(delivery.attempts.map((a) => [a.attempt, a.status_code, a.error])).toEqual([
      [1, 500, "HTTP 500"],
      [2, 200, null],
    ]);
    expect(delivery.attempts[0]?.next_retry_at).toEqual(expect.any(String));
    expect(delivery.attempts[0]?.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("marks a delivery failed after the last retry; redeliver then succeeds with the same event_id", async () => {
    const sub = await subscribe("/flaky/3/exhaust", ["order.created"]);
    await client(key).v1.orders.$post({ json: orderBody() });
    const [failed] = await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "failed",
      "failure",
    );
    assert(failed);
    expect(failed.attempts).toHaveLength(3);
    expect(failed.attempts.at(-1)?.next_retry_at).toBeNull();
    expect(failed).toMatchObject({ next_attempt_at: null, last_error: "HTTP 500" });
    expect((await deliveriesOf(sub.id, { status: "failed" })).map((d) => d.id)).toEqual([
      failed.id,
    ]);
    expect(await deliveriesOf(sub.id, { status: "succeeded" })).toEqual([]);
    const failedEvents = await ok(
      client(key).v1.events.$get({ query: { delivery_status: "failed" } }),
    );
    expect(failedEvents.data.map((e) => e.event_id)).toContain(failed.event_id);

    const again = await client(key).v1.events[":id"].redeliver.$post({
      param: { id: failed.event_id },
      json: { subscription_id: sub.id },
    });
    expectStatus(again, 202);
    expect(again.body.deliveries).toHaveLength(1);
    await eventually(
      () => deliveriesOf(sub.id, { status: "succeeded" }),
      (d) => d.length === 1,
      "redelivery",
    );
    const log = await received("exhaust");
    expect(log).toHaveLength(4);
    expect(new Set(log.map((m) => m.headers["x-webhook-id"]))).toEqual(new Set([failed.event_id]));
  });

  it("delivers only subscribed types, and nothing after the subscription is deleted", async () => {
    const sub = await subscribe("/ok/typed", ["shipment.created"]);
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id } });
    const other = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const shipment = await ship(key, other.id, [{ sku: "WIDGET-BLUE-M", quantity: 2 }]);
    const log = await eventually(
      () => received("typed"),
      (l) => l.length >= 1,
      "shipment.created",
    );
    await new Promise((r) => setTimeout(r, 1500));
    const types = (await received("typed")).map((m) => payloadOf(m).event_type);
    expect(types).toEqual(["shipment.created"]);
    expect(payloadOf(log[0]).data).toEqual(shipment);

    expect((await client(key).v1.webhooks[":id"].$delete({ param: { id: sub.id } })).body).toEqual({
      id: sub.id,
      deleted: true,
    });
    await ship(key, (await ok(client(key).v1.orders.$post({ json: orderBody() }))).id, [
      { sku: "WIDGET-BLUE-M", quantity: 1 },
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await received("typed")).toHaveLength(1);
    expectError(
      await client(key).v1.webhooks[":id"].$get({ param: { id: sub.id } }),
      404,
      "not_found",
    );
  });

  it("signs with both secrets during a rotation", async () => {
    const sub = await subscribe("/ok/rotate", ["order.cancelled"]);
    const rotated = await client(key).v1.webhooks[":id"]["rotate-secret"].$post({
      param: { id: sub.id },
    });
    expectStatus(rotated, 200);
    expect(rotated.body.secret).not.toBe(sub.secret);
    expect(
      new Date(rotated.body.previous_secret_expires_at).getTime() - Date.now(),
    ).toBeGreaterThan(23 * 3600 * 1000);
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id } });
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
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const other = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    await eventually(
      () => received("sweep"),
      (l) => l.length === 2,
      "the relays' own deliveries",
    );
    const eventOf = async (orderId: string) => {
      const { data } = await ok(
        client(key).v1.events.$get({ query: { type: "order.created", limit: "200" } }),
      );
      const event = data.find((e) => e.data.id === orderId);
      assert(event);
      return event.event_id;
    };
    /** Deletes the attempts of every delivery of `eventId`, found by their ids. */
    const deleteAttempts = async (eventId: string) =>
      db
        .prepare(
          "DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT value FROM json_each(?))",
        )
        .bind(JSON.stringify((await storedDeliveries(eventId)).map(deliveryId)));
    // A commit whose relay never ran (the isolate stopped right after): its event waits.
    const stranded = await eventOf(order.id);
    await db.batch([
      await deleteAttempts(stranded),
      db.prepare("DELETE FROM webhook_deliveries WHERE event_id = ?").bind(stranded),
      db.prepare("UPDATE events SET dispatched = NULL WHERE id = ?").bind(stranded),
    ]);
    // And a delivery created two minutes ago whose first attempt never happened.
    const never = await eventOf(other.id);
    await db.batch([
      await deleteAttempts(never),
      db
        .prepare(
          `UPDATE webhook_deliveries SET status = 'pending', attempts = 0,
             created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 minutes')
           WHERE subscription_id = ? AND event_id = ?`,
        )
        .bind(sub.id, never),
    ]);

    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    const log = await eventually(
      () => received("sweep"),
      (l) => l.length === 4,
      "swept deliveries",
    );
    const ids = log.slice(2).map((m) => JSON.parse(m.body).data.id);
    expect(ids.sort()).toEqual([order.id, other.id].sort());
    await client(key).v1.webhooks[":id"].$delete({ param: { id: sub.id } });
  });

  it("keeps the id a delivery had before deliveries were named by their key, through the sweep, its retries and the log", async () => {
    const sub = await subscribe("/ok/legacy", ["order.created"]);
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    await eventually(
      () => received("legacy"),
      (l) => l.length === 1,
      "the relay's delivery",
    );
    const { data } = await ok(
      client(key).v1.events.$get({ query: { type: "order.created", limit: "200" } }),
    );
    const event = data.find((e) => e.data.id === order.id);
    assert(event);
    await eventually(
      () => storedDeliveries(event.event_id, sub.id),
      (list) => list.length === 1,
      "the delivery stored",
    );
    // As shard migration 0022 leaves a delivery made before it, its id kept as legacy_id,
    // and as if its first attempt was never made (its queue message lost two minutes ago).
    // Its endpoint now fails once, so its attempts are rows of their own, kept under its id.
    const legacyId = "del_legacysweep00000001";
    await db.batch([
      db
        .prepare(
          `UPDATE webhook_deliveries SET legacy_id = ?3, status = 'pending', attempts = 0,
             last_status_code = NULL, sent_after_ms = NULL, duration_ms = NULL,
             created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 minutes')
           WHERE subscription_id = ?1 AND event_id = ?2`,
        )
        .bind(sub.id, event.event_id, legacyId),
      db
        .prepare("UPDATE webhook_subscriptions SET url = ? WHERE id = ?")
        .bind(`${receiver}/flaky/1/legacy-retry`, sub.id),
    ]);

    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    const [delivery] = await eventually(
      async () => (await deliveriesOf(sub.id)).filter((d) => d.event_id === event.event_id),
      (list) => list.length === 1 && list[0]?.status === "succeeded",
      "the legacy delivery sent again",
    );
    expect(delivery?.id).toBe(legacyId);
    expect(delivery?.attempts.map((a) => a.status_code)).toEqual([500, 200]);
    await client(key).v1.webhooks[":id"].$delete({ param: { id: sub.id } });
  });

  it("recovers every matching event since a time with the original event ids", async () => {
    const since = new Date().toISOString();
    const first = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    await client(key).v1.orders[":id"].cancel.$post({ param: { id: first.id } });
    const sub = await subscribe("/ok/recover", ["order.cancelled"]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await received("recover")).toEqual([]);
    const res = await client(key).v1.webhooks[":id"].recover.$post({
      param: { id: sub.id },
      json: { since },
    });
    expectStatus(res, 202);
    expect(res.body.events).toBe(1);
    const [msg] = await eventually(
      () => received("recover"),
      (l) => l.length > 0,
      "recovered delivery",
    );
    assert(msg);
    const cancelled = await ok(client(key).v1.events.$get({ query: { type: "order.cancelled" } }));
    const ids = cancelled.data.filter((e) => e.data.id === first.id).map((e) => e.event_id);
    expect(payloadOf(msg).event_id).toBe(ids[0]);
  });

  it("disables an endpoint that has failed for 3 days, says why, and re-enables on request", async () => {
    const sub = await subscribe("/fail/dying", ["order.created"]);
    await db
      .prepare(
        "UPDATE webhook_subscriptions SET failing_since = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-4 days') WHERE id = ?",
      )
      .bind(sub.id)
      .run();
    await client(key).v1.orders.$post({ json: orderBody() });
    const disabled = await eventually(
      () => ok(client(key).v1.webhooks[":id"].$get({ param: { id: sub.id } })),
      (b) => b.status === "disabled",
      "disabling",
    );
    expect(disabled.disabled_reason).toMatch(/failed since/);
    expectError(
      await client(key).v1.webhooks[":id"].test.$post({ param: { id: sub.id } }),
      409,
      "webhook_disabled",
    );
    const enabled = await client(key).v1.webhooks[":id"].enable.$post({ param: { id: sub.id } });
    expect(enabled.body).toMatchObject({ status: "enabled", disabled_reason: null });
    await client(key).v1.webhooks[":id"].$delete({ param: { id: sub.id } });
  });
});

const subscriptionRow = (id: string) =>
  db
    .prepare(
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
    await db.batch([
      db.prepare(
        "CREATE TABLE rotation_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, secret TEXT, previous_secret TEXT)",
      ),
      db.prepare(
        `CREATE TRIGGER rotation_logger AFTER UPDATE OF secret ON webhook_subscriptions
         WHEN NEW.id = '${sub.id}'
         BEGIN INSERT INTO rotation_log (secret, previous_secret) VALUES (NEW.secret, NEW.previous_secret); END`,
      ),
    ]);
    // One key each, so no request waits on another's rate-limit object.
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => createKey(tenantId)));
    const keys = [key, ...others.map((k) => k.key)];
    const rotations = await Promise.all(
      keys.map((k) =>
        client(k).v1.webhooks[":id"]["rotate-secret"].$post({ param: { id: sub.id } }),
      ),
    );
    const { results: log } = await db
      .prepare("SELECT secret, previous_secret FROM rotation_log ORDER BY seq")
      .all<{ secret: string; previous_secret: string }>();
    await db.batch([
      db.prepare("DROP TRIGGER rotation_logger"),
      db.prepare("DROP TABLE rotation_log"),
    ]);

    expect(rotations.map((r) => r.status)).toEqual(keys.map(() => 200));
    const handedOut = rotations.filter(succeeded).map((r) => r.body.secret);
    expect(log.map((r) => r.secret).sort()).toEqual([...handedOut].sort());
    // Each rotation demoted the secret current as it wrote: none handed out went unsaved.
    expect(log.map((r) => r.previous_secret)).toEqual([
      sub.secret,
      ...log.slice(0, -1).map((r) => r.secret),
    ]);

    const row = await subscriptionRow(sub.id);
    await client(key).v1.webhooks[":id"].test.$post({ param: { id: sub.id } });
    const [msg] = await eventually(
      () => received("concurrent-rotate"),
      (l) => l.length > 0,
      "test delivery",
    );
    if (!msg || !row?.previous_secret) throw new Error("no delivery");
    for (const secret of [row.secret, row.previous_secret]) {
      expect(await verifiesGuideScheme(secret, msg)).toBe(true);
    }
    await client(key).v1.webhooks[":id"].$delete({ param: { id: sub.id } });
  });

  it("forgets the previous secret once its overlap is over (the cron)", async () => {
    const sub = await subscribe("/ok/overlap-over", ["order.created"]);
    const rotated = await ok(
      client(key).v1.webhooks[":id"]["rotate-secret"].$post({ param: { id: sub.id } }),
    );
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    expect((await subscriptionRow(sub.id))?.previous_secret).toBe(sub.secret);

    await db
      .prepare(
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

    await client(key).v1.webhooks[":id"].test.$post({ param: { id: sub.id } });
    const [msg] = await eventually(
      () => received("overlap-over"),
      (l) => l.length > 0,
      "test delivery",
    );
    if (!msg) throw new Error("no delivery");
    expect(msg.headers["x-webhook-signature"]?.match(/v1=/g)).toHaveLength(1);
    expect(await verifiesGuideScheme(rotated.secret, msg)).toBe(true);
    expect(await verifiesGuideScheme(sub.secret, msg)).toBe(false);
    await client(key).v1.webhooks[":id"].$delete({ param: { id: sub.id } });
  });
});

describe("bounded replays", () => {
  /** `count` order.created events for a fresh tenant, written straight to its shard's outbox. */
  async function tenantWithEvents(count: number) {
    const tenant = await createTenant("Replays");
    const data = await dataOf(tenant.tenantId);
    await data
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
         INSERT INTO events (id, tenant_id, type, data, dispatched)
         SELECT printf('evt_replay_%s_%04d', ?1, i), ?1, 'order.created',
           ${orderSnapshotSql("printf('ord_%04d', i)", "?1")}, 1
         FROM n`,
      )
      .bind(tenant.tenantId, count)
      .run();
    return { ...tenant, data };
  }

  it("recovers a page at a time, resumes from next_cursor, one page in flight", async () => {
    const tenant = await tenantWithEvents(520);
    const sub = await subscribe("/ok/paged-recover", ["order.created"], tenant.key);
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const first = await client(tenant.key).v1.webhooks[":id"].recover.$post({
      param: { id: sub.id },
      json: { since },
    });
    expectStatus(first, 202);
    expect(first.body).toEqual({ events: 500, has_more: true, next_cursor: expect.any(String) });

    const early = await client(tenant.key).v1.webhooks[":id"].recover.$post({
      param: { id: sub.id },
      json: { cursor: first.body.next_cursor ?? undefined },
    });
    expectError(early, 409, "recovery_in_progress");
    expectError(
      await client(tenant.key).v1.webhooks[":id"].recover.$post({
        param: { id: sub.id },
        json: { since },
      }),
      409,
      "recovery_in_progress",
    );

    await eventually(
      () =>
        tenant.data
          .prepare(
            "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE subscription_id = ? AND status = 'succeeded'",
          )
          .bind(sub.id)
          .first<{ n: number }>(),
      (row) => row?.n === 500,
      "the whole first page",
      60_000,
    );
    const rest = await client(tenant.key).v1.webhooks[":id"].recover.$post({
      param: { id: sub.id },
      json: { cursor: first.body.next_cursor ?? undefined },
    });
    expectStatus(rest, 202);
    expect(rest.body).toEqual({ events: 20, has_more: false, next_cursor: null });
    const log = await eventually(
      () => received("paged-recover"),
      (l) => l.length === 520,
      "the second page",
      30_000,
    );
    const ids = new Set(log.map((m) => payloadOf(m).event_id));
    expect(ids.size).toBe(520);
    expect(ids).toContain(`evt_replay_${tenant.tenantId}_0001`);
    expect(ids).toContain(`evt_replay_${tenant.tenantId}_0520`);

    for (const json of [{}, { since, cursor: first.body.next_cursor }]) {
      expectError(
        await raw("POST", `/v1/webhooks/${sub.id}/recover`, { key: tenant.key, json }),
        422,
        "validation_error",
        "since",
      );
    }
  }, 300_000);

  it("rate-limits recover and redeliver per endpoint, with Retry-After", async () => {
    const tenant = await tenantWithEvents(1);
    const eventId = `evt_replay_${tenant.tenantId}_0001`;
    const busy = await subscribe("/ok/limited", ["order.created"], tenant.key);
    const quiet = await subscribe("/ok/unlimited", ["order.created"], tenant.key);
    for (let i = 0; i < 10; i++) {
      const res = await client(tenant.key).v1.events[":id"].redeliver.$post({
        param: { id: eventId },
        json: { subscription_id: busy.id },
      });
      expectStatus(res, 202);
    }
    const limited = await client(tenant.key).v1.events[":id"].redeliver.$post({
      param: { id: eventId },
      json: { subscription_id: busy.id },
    });
    const err = expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(err.retry_after).toBe(Number(limited.headers.get("retry-after")));
    expectError(
      await client(tenant.key).v1.webhooks[":id"].recover.$post({
        param: { id: busy.id },
        json: { since: new Date(Date.now() - 3_600_000).toISOString() },
      }),
      429,
      "rate_limited",
    );
    // Redelivering to every matching endpoint spends from each; the busy one refuses.
    expectError(
      await client(tenant.key).v1.events[":id"].redeliver.$post({ param: { id: eventId } }),
      429,
      "rate_limited",
    );
    const other = await client(tenant.key).v1.webhooks[":id"].recover.$post({
      param: { id: quiet.id },
      json: { since: new Date(Date.now() - 3_600_000).toISOString() },
    });
    expectStatus(other, 202);
    expect(other.body.events).toBe(1);
  });
});

describe("failure handling", () => {
  it("counts a receiver slower than the timeout as a failed attempt and retries it", async () => {
    const sub = await subscribe("/slow/1/timeout", ["order.created"]);
    await client(key).v1.orders.$post({ json: orderBody() });
    const [delivery] = await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "succeeded",
      "the retry after a timeout",
      60_000,
    );
    assert(delivery);
    expect(delivery.attempts.map((a) => [a.status_code, a.error])).toEqual([
      [null, "timeout after 1 s"],
      [200, null],
    ]);
    expect(delivery.attempts[0]?.duration_ms).toBeGreaterThanOrEqual(990);
    await client(key).v1.webhooks[":id"].$delete({ param: { id: sub.id } });
  });

  it("records a dead-lettered delivery as failed, with no next attempt", async () => {
    const sub = await subscribe("/ok/dead-letter", ["order.created"]);
    const [event] = (
      await ok(client(key).v1.events.$get({ query: { type: "order.created", limit: "1" } }))
    ).data;
    assert(event);
    const delivery: Delivery = {
      tenantId,
      subscriptionId: sub.id,
      eventAt: event.created_at,
      eventId: event.event_id,
      generation: 99,
      legacyId: null,
    };
    await db
      .prepare(
        `INSERT INTO webhook_deliveries (subscription_id, event_at, event_id, generation, status, attempts, next_attempt_at)
         VALUES (?, ?, ?, 99, 'pending', 40, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 hour'))`,
      )
      .bind(sub.id, event.created_at, event.event_id)
      .run();
    const batch = createMessageBatch<WebhookMessage>("fulfillment-webhooks-dev-dlq", [
      { id: "m1", timestamp: new Date(), attempts: 1, body: messageOf(delivery) },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["m1"]);
    const [row] = (await deliveriesOf(sub.id)).filter((d) => d.id === deliveryId(delivery));
    expect(row).toMatchObject({ status: "failed", next_attempt_at: null });
  });

  it("ignores a duplicate queue message for a delivery that already succeeded", async () => {
    const sub = await subscribe("/ok/duplicate", ["order.created"]);
    await client(key).v1.orders.$post({ json: orderBody() });
    const [delivery] = await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "succeeded",
      "delivery",
    );
    assert(delivery);
    const [stored] = await storedDeliveries(delivery.event_id, sub.id);
    assert(stored);
    const body = messageOf(stored);
    expect(body.delivery_id).toBe(delivery.id);
    const batch = createMessageBatch<WebhookMessage>("fulfillment-webhooks-dev", [
      { id: "dup", timestamp: new Date(), attempts: 1, body },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["dup"]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await received("duplicate")).toHaveLength(1);
    expect((await deliveriesOf(sub.id))[0]?.attempts).toHaveLength(1);
  });

  it("makes every redelivery a new delivery of the same event", async () => {
    const sub = await subscribe("/ok/twice", ["order.created"]);
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    await eventually(
      () => deliveriesOf(sub.id),
      (d) => d[0]?.status === "succeeded",
      "first delivery",
    );
    const events = (
      await ok(client(key).v1.events.$get({ query: { type: "order.created", limit: "200" } }))
    ).data;
    const event = events.find((e) => e.data.id === order.id);
    assert(event);
    const eventId = event.event_id;
    const first = await ok(
      client(key).v1.events[":id"].redeliver.$post({
        param: { id: eventId },
        json: { subscription_id: sub.id },
      }),
    );
    const second = await ok(
      client(key).v1.events[":id"].redeliver.$post({
        param: { id: eventId },
        json: { subscription_id: sub.id },
      }),
    );
    expect(first.deliveries).toHaveLength(1);
    expect(second.deliveries).toHaveLength(1);
    expect(first.deliveries[0]).not.toBe(second.deliveries[0]);
    const log = await eventually(
      () => received("twice"),
      (l) => l.length === 3,
      "two redeliveries",
    );
    expect(new Set(log.map((m) => JSON.parse(m.body).event_id))).toEqual(new Set([eventId]));
    expectError(
      await client(key).v1.events[":id"].redeliver.$post({
        param: { id: eventId },
        json: { subscription_id: "whk_nope" },
      }),
      404,
      "not_found",
      "subscription_id",
    );
  });
});

describe("destinations judged at delivery outside development", () => {
  // A sandbox deploy whose DoH server is the suite's (test/support/receiver.global.mjs), which
  // answers from the name as nip.io does: 127.0.0.1.nip.test has the address 127.0.0.1.
  const sandbox = { ...env, ENVIRONMENT: "sandbox", WEBHOOK_DOH_URL: `${receiver}/dns-query` };

  /**
   * A pending delivery to a sandbox subscription for `url`, which relays never reach: the
   * subscription's id, and the queue message that has the delivery attempted.
   */
  async function pendingDelivery(url: string) {
    const created = await client(key, { ENVIRONMENT: "sandbox" }).v1.webhooks.$post({
      // A type nothing here emits: the one delivery is the row this test writes.
      json: { url, events: ["return.received"] },
    });
    expectStatus(created, 201);
    const order = await ok(client(key).v1.orders.$post({ json: orderBody() }));
    const events = (
      await ok(client(key).v1.events.$get({ query: { type: "order.created", limit: "200" } }))
    ).data;
    const event = events.find((e) => e.data.id === order.id);
    assert(event);
    await db
      .prepare(
        `INSERT INTO webhook_deliveries (subscription_id, event_at, event_id, generation, status)
         VALUES (?, ?, ?, 0, 'pending')`,
      )
      .bind(created.body.id, event.created_at, event.event_id)
      .run();
    const message = messageOf({
      tenantId,
      subscriptionId: created.body.id,
      eventAt: event.created_at,
      eventId: event.event_id,
      generation: 0,
      legacyId: null,
    });
    return { id: created.body.id, message };
  }

  /** One queue message for the delivery, consumed by the sandbox deploy. */
  async function attempt(message: WebhookMessage, msgId: string) {
    const batch = createMessageBatch<WebhookMessage>("fulfillment-webhooks-dev", [
      { id: msgId, timestamp: new Date(), attempts: 1, body: message },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, sandbox);
    return getQueueResult(batch, ctx);
  }

  it("does not send to a name that resolves to loopback: a failed attempt, retried on schedule", async () => {
    const url = "https://127.0.0.1.nip.test/hook";
    const { id, message } = await pendingDelivery(url);
    const refusal = "refused: 127.0.0.1.nip.test resolves to 127.0.0.1 (loopback)";
    // The suite's schedule is two retries at once (WEBHOOK_RETRY_SCHEDULE "0,0").
    for (const msgId of ["first", "second"]) {
      const result = await attempt(message, msgId);
      expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual([msgId]);
    }
    expect((await attempt(message, "third")).explicitAcks).toEqual(["third"]);
    const [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: "failed", next_attempt_at: null });
    expect(
      delivery?.attempts.map((a) => [a.attempt, a.status_code, a.error, a.next_retry_at !== null]),
    ).toEqual([
      [1, null, refusal, true],
      [2, null, refusal, true],
      [3, null, refusal, false],
    ]);
    await client(key).v1.webhooks[":id"].$delete({ param: { id } });
  });

  it("counts a failed lookup as a failed attempt, to be retried", async () => {
    const { id, message } = await pendingDelivery("https://servfail.api.test/hook");
    const result = await attempt(message, "once");
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["once"]);
    const [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: "pending", next_attempt_at: expect.any(String) });
    expect(delivery?.attempts.map((a) => [a.status_code, a.error])).toEqual([
      [null, "dns error: servfail.api.test: the server failed (SERVFAIL)"],
    ]);
    await client(key).v1.webhooks[":id"].$delete({ param: { id } });
  });
});

describe("tenant isolation and scopes", () => {
  it("answers another tenant's webhooks and events with 404", async () => {
    const sub = await subscribe("/ok/isolated", ["order.created"]);
    const [event] = (await ok(client(key).v1.events.$get({ query: { limit: "1" } }))).data;
    assert(event);
    const other = await createTenant("Other");
    const k = other.key;
    expectError(
      await client(k).v1.webhooks[":id"].$get({ param: { id: sub.id } }),
      404,
      "not_found",
    );
    expectError(
      await client(k).v1.webhooks[":id"].deliveries.$get({ param: { id: sub.id } }),
      404,
      "not_found",
    );
    expectError(
      await client(k).v1.webhooks[":id"].$delete({ param: { id: sub.id } }),
      404,
      "not_found",
    );
    expectError(
      await client(k).v1.webhooks[":id"]["rotate-secret"].$post({ param: { id: sub.id } }),
      404,
      "not_found",
    );
    expectError(
      await client(k).v1.webhooks[":id"].test.$post({ param: { id: sub.id } }),
      404,
      "not_found",
    );
    expectError(
      await client(k).v1.webhooks[":id"].enable.$post({ param: { id: sub.id } }),
      404,
      "not_found",
    );
    expectError(
      await client(k).v1.webhooks[":id"].recover.$post({
        param: { id: sub.id },
        json: { since: "2026-01-01T00:00:00Z" },
      }),
      404,
      "not_found",
    );
    expectError(
      await client(k).v1.events[":id"].redeliver.$post({ param: { id: event.event_id } }),
      404,
      "not_found",
    );
    expect((await ok(client(k).v1.webhooks.$get())).data).toEqual([]);
    expect((await client(key).v1.webhooks[":id"].$get({ param: { id: sub.id } })).status).toBe(200);
  });

  it("needs webhooks:manage", async () => {
    const reader = await createKey(tenantId, { scopes: ["events:read"] });
    expectError(await client(reader.key).v1.webhooks.$get(), 403, "insufficient_scope");
    expectError(
      await client(reader.key).v1.webhooks.$post({
        json: { url: `${receiver}/ok/x`, events: ["*"] },
      }),
      403,
      "insufficient_scope",
    );
  });
});
