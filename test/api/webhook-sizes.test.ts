import { createScheduledController, env } from "cloudflare:test";
import { assert, describe, expect, it } from "vitest";
import { shards } from "../../src/db/shards";
import worker from "../../src/index";
import { client, expectStatus, ok } from "../support/client";
import { createTenant } from "../support/merchant";
import { eventually, payloadOf, received, receiver } from "../support/receiver";
import { dataOf, everyShard, orderSnapshotSql } from "../support/shards";

/*
 * Webhook statements whose size follows the data (a page of deliveries, the tenants of the
 * oldest pending events) against D1's 100 bound parameters per statement. Rows are
 * written straight to the tenant's shard: the point is their number, not how they came
 * about. A file of its own, so the outbox holds only what these tests put there.
 */

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("size-safe webhook SQL", () => {
  it("lists 200 deliveries with their attempts in one page", async () => {
    const { tenantId, key } = await createTenant("Many deliveries");
    const sub = await client(key).v1.webhooks.$post({
      json: { url: `${receiver}/ok/many-deliveries`, events: ["order.created"] },
    });
    expectStatus(sub, 201);
    const db = await dataOf(tenantId);
    await db.batch([
      db
        .prepare(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
           INSERT INTO events (id, tenant_id, type, data, dispatched)
           SELECT printf('evt_many_%03d', i), ?1, 'order.created',
             ${orderSnapshotSql("'ord_many'", "?1")}, 1
           FROM n`,
        )
        .bind(tenantId),
      db
        .prepare(
          `INSERT INTO webhook_deliveries (subscription_id, event_at, event_id, generation, legacy_id, status, attempts)
           SELECT ?2, created_at, id, 0, 'del_many_' || substr(id, 10), 'succeeded', 2
           FROM events WHERE tenant_id = ?1 ORDER BY seq`,
        )
        .bind(tenantId, sub.body.id),
      db
        .prepare(
          `INSERT INTO webhook_attempts (delivery_id, attempt, tenant_id, status_code, error, duration_ms, attempted_at)
           SELECT d.legacy_id, a.value, ?2, CASE a.value WHEN 1 THEN 500 ELSE 200 END,
             CASE a.value WHEN 1 THEN 'HTTP 500' END, 5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
           FROM webhook_deliveries AS d, json_each('[1, 2]') AS a WHERE d.subscription_id = ?1`,
        )
        .bind(sub.body.id, tenantId),
    ]);

    const all = await client(key).v1.webhooks[":id"].deliveries.$get({
      param: { id: sub.body.id },
      query: { limit: "200" },
    });
    expectStatus(all, 200);
    expect(all.body.data).toHaveLength(150);
    expect(all.body.pagination).toEqual({ next_cursor: null, has_more: false });
    expect(all.body.data[0]).toMatchObject({ id: "del_many_150", event_type: "order.created" });
    for (const delivery of all.body.data) {
      expect(delivery.attempts.map((a) => a.status_code)).toEqual([500, 200]);
    }

    const first = await ok(
      client(key).v1.webhooks[":id"].deliveries.$get({
        param: { id: sub.body.id },
        query: { limit: "120" },
      }),
    );
    expect(first.pagination.has_more).toBe(true);
    const rest = await client(key).v1.webhooks[":id"].deliveries.$get({
      param: { id: sub.body.id },
      query: { limit: "200", cursor: first.pagination.next_cursor ?? undefined },
    });
    expectStatus(rest, 200);
    expect([...first.data, ...rest.body.data]).toEqual(all.body.data);
  });

  it("relays the oldest pending events when they span 100 tenants", async () => {
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    // All 100 tenants on one shard, so one relay there reads the events of all of them. The
    // control database places them, as the queue consumer looks each delivery's tenant up.
    const [shard] = shards(env);
    assert(shard);
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
       INSERT INTO tenants (id, name, shard)
       SELECT printf('ten_fanout_%03d', i), 'Fanout', ?1 FROM n`,
    )
      .bind(shard.name)
      .run();
    const db = shard.d1;
    await db.batch([
      db
        .prepare(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
           INSERT INTO webhook_subscriptions (id, tenant_id, url, events, secret, status)
           SELECT printf('whk_fanout_%03d', i), printf('ten_fanout_%03d', i),
             ?1 || printf('/ok/fanout-%03d/fanout', i), '["order.created"]', ?2, 'enabled'
           FROM n`,
        )
        .bind(receiver, SECRET),
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
         INSERT INTO events (id, tenant_id, type, data)
         SELECT printf('evt_fanout_%03d', i), printf('ten_fanout_%03d', i), 'order.created',
           ${orderSnapshotSql("printf('ord_fanout_%03d', i)", "printf('ten_fanout_%03d', i)")}
         FROM n`,
      ),
    ]);

    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);

    // The cron relays every shard: nothing is left pending on any.
    for (const data of everyShard()) {
      const pending = await data
        .prepare("SELECT COUNT(*) AS n FROM events WHERE dispatched IS NULL")
        .first<{ n: number }>();
      expect(pending?.n).toBe(0);
    }
    const { results } = await db
      .prepare(
        `SELECT subscription_id, event_id FROM webhook_deliveries
         WHERE subscription_id LIKE 'whk_fanout_%' ORDER BY subscription_id`,
      )
      .all<{ subscription_id: string; event_id: string }>();
    expect(results).toHaveLength(100);
    for (const [i, row] of results.entries()) {
      const n = String(i + 1).padStart(3, "0");
      expect(row).toEqual({ subscription_id: `whk_fanout_${n}`, event_id: `evt_fanout_${n}` });
    }
    const log = await eventually(
      () => received("fanout"),
      (l) => l.length === 100,
      "100 deliveries",
      30_000,
    );
    expect(new Set(log.map((m) => payloadOf(m).event_id)).size).toBe(100);
  });
});
