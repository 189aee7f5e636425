import { applyD1Migrations, createScheduledController, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { defaultTenantScopes } from "../../src/api-keys/api-keys.scopes";
import { mintKey } from "../../src/api-keys/api-keys.service";
import { database } from "../../src/db/client";
import { mendShard } from "../../src/db/replicas";
import { apiKeys } from "../../src/db/schema";
import { emptiest, pickShard, shardNames } from "../../src/db/shards";
import worker from "../../src/index";
import { admin, client, expectError, expectStatus, ok } from "../support/client";
import {
  adjustStock,
  createTenant,
  merchant,
  orderBody,
  parcel,
  seedReferenceData,
} from "../support/merchant";
import { eventually, payloadOf, received, receiver } from "../support/receiver";
import { dataOf } from "../support/shards";

/*
 * Tenant shards: the control database (DB) places each tenant on one shard, which holds all
 * of that tenant's data. These tests run two shards, as development does.
 */

const cron = () => worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);

const shardDb = (name: string) => Reflect.get(env, name) as D1Database;

async function tenantsPerShard(): Promise<Map<string, number>> {
  const { results } = await env.DB.prepare(
    "SELECT shard, COUNT(*) AS n FROM tenants GROUP BY shard",
  ).all<{ shard: string; n: number }>();
  return new Map(results.map((r) => [r.shard, r.n]));
}

const count = async (db: D1Database, table: string, tenantId: string) =>
  (
    await db
      .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE tenant_id = ?`)
      .bind(tenantId)
      .first<{ n: number }>()
  )?.n;

const shardOrder = () => orderBody({ items: [{ sku: "SHARD-SKU", quantity: 1 }] });

/** Two stocked merchants that the placement put on different shards. */
async function merchantsOnBothShards() {
  const first = await merchant({ "SHARD-SKU": 10 });
  let second = await merchant({ "SHARD-SKU": 10 });
  // The emptiest shard takes the next tenant, so this ends within one more tenant or two.
  while (second.shard === first.shard) second = await merchant({ "SHARD-SKU": 10 });
  return [first, second] as const;
}

describe("placing tenants", () => {
  it("puts each new tenant on the shard holding fewest, and the admin API shows it", async () => {
    expect(shardNames(env)).toEqual(["SHARD_0", "SHARD_1"]);
    for (let i = 0; i < 4; i++) {
      const before = await tenantsPerShard();
      const fewest = Math.min(...shardNames(env).map((s) => before.get(s) ?? 0));
      const res = await admin.tenants.$post({ json: { name: `Placed ${i}` } });
      expectStatus(res, 201);
      expect(shardNames(env)).toContain(res.body.shard);
      expect(before.get(res.body.shard) ?? 0).toBe(fewest);

      const shown = await admin.tenants[":id"].$get({ param: { id: res.body.id } });
      expectStatus(shown, 200);
      expect(shown.body.shard).toBe(res.body.shard);
      const listed = await ok(admin.tenants.$get({ query: { limit: "200" } }));
      expect(listed.data.find((t) => t.id === res.body.id)?.shard).toBe(res.body.shard);
    }
    const after = await tenantsPerShard();
    const counts = shardNames(env).map((s) => after.get(s) ?? 0);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it("picks the emptiest shard, the first listed on a tie", () => {
    const names = ["SHARD_0", "SHARD_1", "SHARD_2"];
    expect(emptiest(names, new Map())).toBe("SHARD_0");
    expect(
      emptiest(
        names,
        new Map([
          ["SHARD_0", 3],
          ["SHARD_1", 2],
          ["SHARD_2", 2],
        ]),
      ),
    ).toBe("SHARD_1");
    // A shard just added holds no tenant, so every new one goes there until it catches up.
    expect(
      emptiest(
        names,
        new Map([
          ["SHARD_0", 40],
          ["SHARD_1", 41],
        ]),
      ),
    ).toBe("SHARD_2");
    expect(() => emptiest([], new Map())).toThrow(/no shards/);
  });
});

describe("two tenants on two shards", () => {
  it("each runs the full loop, create, ship, poll and webhook, in its own shard only", async () => {
    const tenants = await merchantsOnBothShards();
    const platform = await ok(admin["api-keys"].$post({ json: { scopes: ["warehouse:operate"] } }));
    const loops = await Promise.all(
      tenants.map(async (t) => {
        const hook = `shards-${t.tenantId}`;
        await ok(
          client(t.key).v1.webhooks.$post({
            json: { url: `${receiver}/ok/${hook}`, events: ["order.created", "shipment.created"] },
          }),
        );
        const since = new Date(Date.now() - 1000).toISOString();
        const order = await ok(
          client(t.key).v1.orders.$post({
            json: orderBody({ items: [{ sku: "SHARD-SKU", quantity: 2 }] }),
          }),
        );
        expect(order.allocation_status).toBe("allocated");
        // The warehouse floor's platform key names no tenant: it finds the order's shard.
        const shipment = await client(platform.key).v1.ops.shipments.$post({
          json: {
            order_id: order.id,
            parcels: [parcel()],
            items: [{ sku: "SHARD-SKU", quantity: 2 }],
          },
        });
        expectStatus(shipment, 201);
        const polled = await ok(client(t.key).v1.orders.$get({ query: { updated_since: since } }));
        expect(polled.data.map((o) => [o.id, o.status])).toEqual([[order.id, "shipped"]]);
        const shipments = await ok(
          client(t.key).v1.shipments.$get({ query: { order_id: order.id } }),
        );
        expect(shipments.data.map((s) => s.id)).toEqual([shipment.body.id]);
        const feed = await ok(client(t.key).v1.events.$get());
        expect(feed.data.map((e) => e.event_type)).toEqual(
          expect.arrayContaining(["order.created", "shipment.created"]),
        );
        const log = await eventually(
          () => received(hook),
          (msgs) => msgs.length >= 2,
          `${t.shard}'s webhooks`,
        );
        const delivered = log.map((m) => payloadOf(m));
        expect(delivered.map((e) => e.event_type).sort()).toEqual([
          "order.created",
          "shipment.created",
        ]);
        expect(delivered.find((e) => e.event_type === "shipment.created")?.data).toMatchObject({
          id: shipment.body.id,
          order_id: order.id,
        });
        return { ...t, order, shipment: shipment.body };
      }),
    );

    const [a, b] = loops;
    if (!a || !b) throw new Error("two loops ran");
    for (const [mine, theirs] of [
      [a, b],
      [b, a],
    ] as const) {
      // Every row of a tenant is on its shard, none on the other.
      const home = shardDb(mine.shard);
      const away = shardDb(theirs.shard);
      // A delivery's tenant is its subscription's.
      const deliveries =
        "webhook_deliveries JOIN webhook_subscriptions AS s ON s.id = webhook_deliveries.subscription_id";
      for (const table of ["orders", "shipments", "events", deliveries, "products"]) {
        expect(await count(home, table, mine.tenantId), `${table} at home`).toBeGreaterThan(0);
        expect(await count(away, table, mine.tenantId), `${table} away`).toBe(0);
      }
      expect(await count(env.DB, "api_keys", mine.tenantId)).toBeGreaterThan(0);
      // Neither tenant can reach the other's rows by id.
      expectError(
        await client(mine.key).v1.orders[":id"].$get({ param: { id: theirs.order.id } }),
        404,
        "not_found",
      );
      expectError(
        await client(mine.key).v1.shipments[":id"].$get({ param: { id: theirs.shipment.id } }),
        404,
        "not_found",
      );
      const feed = await ok(client(mine.key).v1.events.$get({ query: { limit: "100" } }));
      expect(JSON.stringify(feed)).not.toContain(theirs.order.id);
    }
  });

  it("sweeps every shard on the cron: an event no relay sent is delivered wherever it is", async () => {
    const tenants = await merchantsOnBothShards();
    for (const t of tenants) {
      await ok(
        client(t.key).v1.webhooks.$post({
          json: { url: `${receiver}/ok/sweep-${t.tenantId}`, events: ["order.created"] },
        }),
      );
      await ok(client(t.key).v1.orders.$post({ json: shardOrder() }));
    }
    for (const t of tenants) {
      await eventually(
        () => received(`sweep-${t.tenantId}`),
        (m) => m.length === 1,
        "the relay's delivery",
      );
      // Undo the relay's work in the shard: the event now looks as if no relay ever sent it.
      const db = await dataOf(t.tenantId);
      await db.prepare("DELETE FROM webhook_attempts WHERE tenant_id = ?").bind(t.tenantId).run();
      await db
        .prepare(
          "DELETE FROM webhook_deliveries WHERE subscription_id IN (SELECT id FROM webhook_subscriptions WHERE tenant_id = ?)",
        )
        .bind(t.tenantId)
        .run();
      await db
        .prepare("UPDATE events SET dispatched = NULL WHERE tenant_id = ?")
        .bind(t.tenantId)
        .run();
    }
    await cron();
    for (const t of tenants) {
      const log = await eventually(
        () => received(`sweep-${t.tenantId}`),
        (m) => m.length === 2,
        `the sweep's delivery on ${t.shard}`,
      );
      expect(payloadOf(log[1]).event_id).toBe(payloadOf(log[0]).event_id);
    }
  });

  it("refuses a frozen tenant's requests with 503 and Retry-After, and writes nothing", async () => {
    await seedReferenceData();
    const t = await createTenant("Moving Co");
    await env.DB.prepare(
      "UPDATE tenants SET frozen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    )
      .bind(t.tenantId)
      .run();
    const res = await client(t.key).v1.products.$post({ json: { sku: "FROZEN", name: "Frozen" } });
    expectError(res, 503, "tenant_unavailable");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await count(shardDb(t.shard), "products", t.tenantId)).toBe(0);
  });
});

describe("reference data", () => {
  it("is copied to every shard as the control database stores it, and the cron mends a copy", async () => {
    await seedReferenceData();
    const id = `wh_shard_${crypto.randomUUID().slice(0, 8)}`;
    const created = await admin.warehouses.$post({
      json: {
        id,
        name: "Shard Test DC",
        code: "SHT",
        address: {
          address1: "2 Freight Rd",
          city: "Sydney",
          state: "NSW",
          postcode: "2000",
          country: "AU",
        },
      },
    });
    expectStatus(created, 201);
    const rowIn = (db: D1Database) =>
      db.prepare("SELECT * FROM warehouses WHERE id = ?").bind(id).first();
    const control = await rowIn(env.DB);
    for (const shard of shardNames(env)) expect(await rowIn(shardDb(shard))).toEqual(control);

    // One shard missed the write, another holds a stale copy: the cron puts both right.
    await shardDb("SHARD_0").prepare("DELETE FROM warehouses WHERE id = ?").bind(id).run();
    await shardDb("SHARD_1")
      .prepare("UPDATE warehouses SET name = 'stale' WHERE id = ?")
      .bind(id)
      .run();
    await cron();
    for (const shard of shardNames(env)) expect(await rowIn(shardDb(shard))).toEqual(control);

    // A tenant on either shard can use it at once.
    const tenants = await merchantsOnBothShards();
    for (const t of tenants) {
      await adjustStock(t.key, "SHARD-SKU", 3, id);
    }
  });
});

describe("adding a shard", () => {
  it("takes one binding and its name in SHARDS: new tenants go there, and nothing moves", async () => {
    const existing = await merchantsOnBothShards();
    const orders = await Promise.all(
      existing.map(async (t) => ({
        ...t,
        order: await ok(client(t.key).v1.orders.$post({ json: shardOrder() })),
      })),
    );
    const before = await Promise.all(
      existing.map((t) => count(shardDb(t.shard), "orders", t.tenantId)),
    );

    // The operator binds SHARD_2 (vitest.config.ts does here), the deploy migrates it, and
    // SHARDS gains its name.
    const spare = shardDb("SHARD_2");
    await applyD1Migrations(spare, env.TEST_MIGRATIONS.shard);
    const grown = { ...env, SHARDS: `${env.SHARDS},SHARD_2` };
    expect(shardNames(grown)).toEqual(["SHARD_0", "SHARD_1", "SHARD_2"]);
    const placed = await pickShard(grown);
    expect(placed).toBe("SHARD_2");

    // A tenant placed there, as the admin API does: its row in control, then the shard mended.
    const tenantId = `ten_spare_${crypto.randomUUID().slice(0, 8)}`;
    await env.DB.prepare("INSERT INTO tenants (id, name, shard) VALUES (?, 'Spare Co', ?)")
      .bind(tenantId, placed)
      .run();
    const { key, row } = await mintKey("development", {
      tenantId,
      name: "spare",
      scopes: defaultTenantScopes("development"),
    });
    await database(env.DB).insert(apiKeys).values(row);
    const written = await mendShard(grown, { name: "SHARD_2", d1: spare });
    expect(written).toBeGreaterThan(0);
    const warehouses = await spare.prepare("SELECT COUNT(*) AS n FROM warehouses").first();
    const controlWarehouses = await env.DB.prepare("SELECT COUNT(*) AS n FROM warehouses").first();
    expect(warehouses).toEqual(controlWarehouses);

    await ok(client(key).v1.products.$post({ json: { sku: "SPARE-1", name: "Spare" } }));
    await adjustStock(key, "SPARE-1", 4);
    const order = await ok(
      client(key).v1.orders.$post({
        json: orderBody({ items: [{ sku: "SPARE-1", quantity: 1 }] }),
      }),
    );
    expect(order.allocation_status).toBe("allocated");
    expect(await count(spare, "orders", tenantId)).toBe(1);

    // The tenants already placed stay where they were, with their data, and still work.
    const after = await Promise.all(
      existing.map((t) => count(shardDb(t.shard), "orders", t.tenantId)),
    );
    expect(after).toEqual(before);
    for (const t of orders) {
      const shown = await ok(admin.tenants[":id"].$get({ param: { id: t.tenantId } }));
      expect(shown.shard).toBe(t.shard);
      const read = await ok(client(t.key).v1.orders[":id"].$get({ param: { id: t.order.id } }));
      expect(read.id).toBe(t.order.id);
      expect(await count(spare, "orders", t.tenantId)).toBe(0);
    }
  });
});
