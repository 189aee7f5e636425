import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { afterEach, assert, describe, expect, it, vi } from "vitest";
import { PLACEMENT_TTL_MS } from "../../src/db/shards";
import { orderObject, orderObjectName, stockObject } from "../../src/durable/stubs";
import worker from "../../src/index";
import { SIMULATOR } from "../../src/simulator/simulator.warehouse";
import {
  type Delivery,
  deliveryId,
  messageOf,
  type WebhookMessage,
} from "../../src/webhooks/webhooks.delivery-key";
import { client, expectError, ok } from "../support/client";
import { failWrites } from "../support/faults";
import { merchant, orderBody, stockOf } from "../support/merchant";
import { eventually, received, receiver } from "../support/receiver";
import { dataOf, tenantRows } from "../support/shards";

/*
 * While a tenant is frozen for a move between shards (docs/deploying.md), no background path
 * writes its rows, however long the move takes, and nothing it owes is lost: its queued
 * webhook deliveries and dead letters wait without spending their attempts, and its order
 * objects' alarms (recovery, and the sandbox's simulated warehouse) and stock objects' alarms
 * come back later. Each test compares every row the move would copy (tenantRows) before and
 * after the path ran frozen, then thaws the tenant and sees the work done. The cron's jobs,
 * run by the scheduled handler and by the janitor's alarm, are tested in
 * test/durable/janitor.test.ts.
 */

/** Freezes or thaws the tenant, then moves the clock past every isolate's cached placement. */
async function setFrozen(tenantId: string, frozen: boolean) {
  await env.DB.prepare(
    `UPDATE tenants SET frozen_at = ${frozen ? "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')" : "NULL"} WHERE id = ?`,
  )
    .bind(tenantId)
    .run();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 2 * PLACEMENT_TTL_MS + 1000);
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("a frozen tenant's webhook messages", () => {
  it("wait in the real queue without spending an attempt, and go out after the thaw", async () => {
    const t = await merchant({ "FRZ-1": 5 });
    const api = client(t.key).v1;
    const hook = `frozen-${t.tenantId}`;
    await ok(
      api.webhooks.$post({ json: { url: `${receiver}/ok/${hook}`, events: ["order.created"] } }),
    );
    await ok(api.orders.$post({ json: orderBody({ items: [{ sku: "FRZ-1", quantity: 1 }] }) }));
    await eventually(
      () => received(hook),
      (log) => log.length === 1,
      "the first delivery",
    );
    const db = await dataOf(t.tenantId);
    // Attempts recorded: a first one that succeeded is kept in the delivery's own row.
    const delivery = async () => {
      const row = await db
        .prepare(
          `SELECT d.subscription_id AS subscriptionId, d.event_at AS eventAt, d.event_id AS eventId,
             d.generation, d.legacy_id AS legacyId, d.status, d.duration_ms IS NOT NULL AS inRow
           FROM webhook_deliveries AS d JOIN webhook_subscriptions AS s ON s.id = d.subscription_id
           WHERE s.tenant_id = ?`,
        )
        .bind(t.tenantId)
        .first<Omit<Delivery, "tenantId"> & { status: string; inRow: number }>();
      if (!row) return row;
      const key = { ...row, tenantId: t.tenantId };
      const id = deliveryId(key);
      const attempts = await db
        .prepare("SELECT COUNT(*) AS n FROM webhook_attempts WHERE delivery_id = ?")
        .bind(id)
        .first<{ n: number }>();
      return { key, id, status: row.status, attempts: (attempts?.n ?? 0) + row.inRow };
    };
    const sent = await delivery();
    expect(sent).toMatchObject({ status: "succeeded", attempts: 1 });
    assert(sent);

    // The delivery is owed again (as after a redelivery) and its message queued while frozen.
    await setFrozen(t.tenantId, true);
    await db
      .prepare(
        `UPDATE webhook_deliveries SET status = 'pending'
         WHERE subscription_id = ? AND event_at = ? AND event_id = ? AND generation = ?`,
      )
      .bind(sent.key.subscriptionId, sent.key.eventAt, sent.key.eventId, sent.key.generation)
      .run();
    const untouched = await tenantRows(db, t.tenantId);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const postponements = () =>
      log.mock.calls.filter(([line]) => String(line).includes(`"delivery":"${sent.id}"`)).length;
    await env.WEBHOOK_QUEUE.send(messageOf(sent.key));
    await eventually(
      async () => postponements(),
      (n) => n >= 3,
      "the message postponed, taken again and postponed again",
      30_000,
    );
    expect(await received(hook)).toHaveLength(1);
    expect(await delivery()).toMatchObject({ status: "pending", attempts: 1 });
    expect(await tenantRows(db, t.tenantId)).toEqual(untouched);

    await setFrozen(t.tenantId, false);
    await eventually(
      () => received(hook),
      (got) => got.length === 2,
      "the delivery after the thaw",
    );
    await eventually(delivery, (d) => d?.status === "succeeded", "the delivery recorded");
    expect(await delivery()).toMatchObject({ status: "succeeded", attempts: 2 });
  }, 120_000);

  it("are postponed, not retried, even on their last retry: the dead-letter queue never sees them", async () => {
    const t = await merchant({ "FRZ-2": 1 });
    await setFrozen(t.tenantId, true);
    const send = vi.fn(async () => ({}) as QueueSendResponse);
    vi.spyOn(console, "log").mockImplementation(() => {});
    const frozenEnv = { ...env, WEBHOOK_QUEUE: { ...env.WEBHOOK_QUEUE, send } } as Env;
    const body: WebhookMessage = { delivery_id: "del_frozenlastretry0", tenant_id: t.tenantId };
    const batch = createMessageBatch<WebhookMessage>("fulfillment-webhooks-dev", [
      // wrangler.toml's max_retries is 40: the 41st attempt is the last before dead-lettering.
      { id: "last", timestamp: new Date(), attempts: 41, body },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, frozenEnv);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["last"]);
    expect(result.retryMessages).toEqual([]);
    expect(send).toHaveBeenCalledWith(body, { delaySeconds: 1 });
  });

  it("that reached the dead-letter queue wait there too, instead of failing its consumer, and are recorded after the thaw", async () => {
    const t = await merchant({ "FRZ-3": 1 });
    const db = await dataOf(t.tenantId);
    // A message from before deliveries were named by their key: only its id, the row's legacy id.
    const body: WebhookMessage = { delivery_id: "del_frozendeadletter", tenant_id: t.tenantId };
    // A delivery whose retries ran out: the dead-letter consumer records it failed.
    await db.batch([
      db
        .prepare(
          `INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, status)
           VALUES ('whk_frozendeadletter', ?, 'https://example.com/hook', '["*"]', 's', 'enabled')`,
        )
        .bind(t.tenantId),
      db
        .prepare(
          `INSERT INTO webhook_deliveries (subscription_id, event_at, event_id, generation, legacy_id, status, attempts)
           VALUES ('whk_frozendeadletter', '2026-01-01T00:00:00.000Z', 'evt_gone', 0, ?, 'pending', 41)`,
        )
        .bind(body.delivery_id),
    ]);
    await setFrozen(t.tenantId, true);
    const untouched = await tenantRows(db, t.tenantId);
    const send = vi.fn(async () => ({}) as QueueSendResponse);
    vi.spyOn(console, "log").mockImplementation(() => {});
    const frozenEnv = { ...env, WEBHOOK_DLQ: { ...env.WEBHOOK_DLQ, send } } as Env;
    const consume = async () => {
      const batch = createMessageBatch<WebhookMessage>("fulfillment-webhooks-dev-dlq", [
        { id: "dead", timestamp: new Date(), attempts: 1, body },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch, frozenEnv);
      return getQueueResult(batch, ctx);
    };
    expect((await consume()).explicitAcks).toEqual(["dead"]);
    expect(send).toHaveBeenCalledWith(body, { delaySeconds: 1 });
    expect(await tenantRows(db, t.tenantId)).toEqual(untouched);

    // The message it sent back arrives after the thaw.
    await setFrozen(t.tenantId, false);
    expect((await consume()).explicitAcks).toEqual(["dead"]);
    expect(send).toHaveBeenCalledTimes(1);
    const delivery = await db
      .prepare("SELECT status FROM webhook_deliveries WHERE legacy_id = ?")
      .bind(body.delivery_id)
      .first<{ status: string }>();
    expect(delivery).toEqual({ status: "failed" });
  });
});

describe("a frozen tenant's order object", () => {
  it("puts its alarm off without writing, and finishes the change after the thaw", async () => {
    const { key, tenantId } = await merchant({ "FRZ-A": 10, "FRZ-B": 10 });
    const body = orderBody({
      items: [
        { sku: "FRZ-A", quantity: 2 },
        { sku: "FRZ-B", quantity: 3 },
      ],
    });
    const fault = await failWrites(
      "frozen_injected_failure",
      "BEFORE INSERT ON stock_demands WHEN NEW.sku = 'FRZ-B'",
    );
    expectError(await client(key).v1.orders.$post({ json: body }), 500, "internal_error");
    await fault.heal();
    const db = await dataOf(tenantId);
    const { order_id: orderId } = (await db
      .prepare("SELECT order_id FROM order_references WHERE reference = ?")
      .bind(body.reference)
      .first<{ order_id: string }>()) ?? { order_id: "" };
    const stub = env.ORDERS.getByName(orderObjectName(tenantId, orderId));
    const rows = () =>
      db
        .prepare(
          "SELECT (SELECT COUNT(*) FROM orders WHERE id = ?1) AS orders, (SELECT COUNT(*) FROM stock_demands WHERE order_id = ?1) AS demands",
        )
        .bind(orderId)
        .first();
    const before = await rows();
    const untouched = await tenantRows(db, tenantId);

    await setFrozen(tenantId, true);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await rows()).toEqual(before);
    expect(await tenantRows(db, tenantId)).toEqual(untouched);
    const later = await runInDurableObject(stub, async (_, state) => ({
      alarm: await state.storage.getAlarm(),
      recover: state.storage.kv.get<number>("due:recover"),
    }));
    expect(later.alarm).toBeGreaterThan(Date.now());
    expect(later.recover).toEqual(expect.any(Number));

    await setFrozen(tenantId, false);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const order = await ok(client(key).v1.orders[":id"].$get({ param: { id: orderId } }));
    expect(order).toMatchObject({ allocation_status: "allocated" });
    expect(await stockOf(key, "FRZ-B")).toMatchObject({ allocated: 3 });
  });
});

describe("a frozen tenant's stock object", () => {
  it("puts off the notices its alarm owes without writing, and delivers them after the thaw", async () => {
    const { key, tenantId } = await merchant({ "FRZ-N": 2 });
    const api = client(key).v1;
    const order = (items: number) =>
      ok(api.orders.$post({ json: orderBody({ items: [{ sku: "FRZ-N", quantity: items }] }) }));
    const holder = await order(2);
    const waiting = await order(2);
    // The waiting order cannot take its fill when the holder cancels: the stock object owes it.
    const fault = await failWrites(
      "frozen_refuse_fill",
      `BEFORE INSERT ON order_history WHEN NEW.action = 'allocation_changed' AND NEW.order_id = '${waiting.id}'`,
    );
    await ok(api.orders[":id"].cancel.$post({ param: { id: holder.id } }));
    await fault.heal();
    const stub = stockObject(env, { tenantId, warehouseId: "wh_syd_1", sku: "FRZ-N" });
    const journal = () =>
      runInDurableObject(stub, async (_, state) => ({
        owed: state.storage.kv.get<number>(`notice:${waiting.id}#1`),
        alarm: await state.storage.getAlarm(),
      }));
    expect((await journal()).owed).toEqual(expect.any(Number));
    const db = await dataOf(tenantId);
    const version = async () =>
      (
        await db
          .prepare("SELECT version FROM orders WHERE id = ?")
          .bind(waiting.id)
          .first<{ version: number }>()
      )?.version;
    expect(await version()).toBe(1);
    const untouched = await tenantRows(db, tenantId);

    await setFrozen(tenantId, true);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const frozen = await journal();
    expect(frozen.owed).toEqual(expect.any(Number));
    expect(frozen.alarm).toBeGreaterThan(Date.now());
    expect(await version()).toBe(1);
    expect(await tenantRows(db, tenantId)).toEqual(untouched);

    await setFrozen(tenantId, false);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await journal()).owed).toBeUndefined();
    expect(await ok(api.orders[":id"].$get({ param: { id: waiting.id } }))).toMatchObject({
      allocation_status: "allocated",
      version: "2",
    });
  });
});

describe("a frozen tenant's sandbox warehouse", () => {
  it("takes no step on its order object's alarm, and fulfils the order after the thaw", async () => {
    const { key, tenantId } = await merchant({ "FRZ-S": 5 });
    const api = client(key).v1;
    // Picking is due an hour after the order, so no alarm takes a step by itself meanwhile.
    const pickAfterSeconds = 3600;
    await ok(
      api.sandbox.settings.$put({
        json: {
          auto_fulfill: true,
          pick_after_seconds: pickAfterSeconds,
          ship_after_seconds: 0,
          deliver_after_seconds: 0,
          parcels_per_order: 1,
        },
      }),
    );
    const order = await ok(
      api.orders.$post({ json: orderBody({ items: [{ sku: "FRZ-S", quantity: 2 }] }) }),
    );
    const stub = orderObject(env, tenantId, order.id);
    const simulation = () =>
      runInDurableObject(stub, async (_, state) => ({
        due: state.storage.kv.get<number>("due:simulate"),
        alarm: await state.storage.getAlarm(),
      }));
    // The warehouse's first turn, on the alarm the create set, plans the pick for an hour on.
    await eventually(
      simulation,
      (s) => (s.due ?? 0) > Date.now() + 60_000,
      "the pick planned an hour on",
    );
    const db = await dataOf(tenantId);
    const untouched = await tenantRows(db, tenantId);

    await setFrozen(tenantId, true);
    vi.setSystemTime(Date.now() + pickAfterSeconds * 1000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await tenantRows(db, tenantId)).toEqual(untouched);
    const frozen = await simulation();
    expect(frozen.due).toEqual(expect.any(Number));
    expect(frozen.alarm).toBeGreaterThan(Date.now());

    await setFrozen(tenantId, false);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const fulfilled = await ok(api.orders[":id"].$get({ param: { id: order.id } }));
    expect(fulfilled).toMatchObject({ status: "shipped" });
    expect(fulfilled.shipments.map((s) => s.status)).toEqual(["delivered"]);
    const history = await ok(api.orders[":id"].history.$get({ param: { id: order.id } }));
    expect(history.data.map((h) => h.actor)).toContain(SIMULATOR);
  });
});
