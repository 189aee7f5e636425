import { describe, expect, it } from "vitest";
import { orderRequest } from "../../bench/order-bytes.mjs";
import { isPacked, unpacked } from "../../src/db/event-data";
import { type StoredSkuSnapshot, skuSnapshotOf } from "../../src/inventory/inventory.snapshot";
import { type Delivery, deliveryId } from "../../src/webhooks/webhooks.delivery-key";
import { client, expectStatus } from "../support/client";
import { adjustStock, merchant, ship } from "../support/merchant";
import { eventually, received, receiver } from "../support/receiver";
import { dataOf } from "../support/shards";

/*
 * How events and deliveries are stored (migrations/shard/0015_event_bytes.sql) is no client's
 * business: events written before it, which production shards hold, read and send exactly as
 * the ones written since, and a merchant's own orders pack about as well as the bench's.
 */

type Row = { id: string; type: string; data: string; created_at: string };

/** `WHERE` of the tenant's deliveries, as `d`: a delivery's tenant is its subscription's. */
const OF_TENANT =
  "JOIN webhook_subscriptions AS s ON s.id = d.subscription_id WHERE s.tenant_id = ?";

/** The tenant's events as GET /v1/events shows them, and its deliveries as the log shows them. */
async function seen(key: string, webhookId: string) {
  const api = client(key).v1;
  const events = await api.events.$get({ query: { limit: "200" } });
  expectStatus(events, 200);
  const log = await api.webhooks[":id"].deliveries.$get({
    param: { id: webhookId },
    query: { limit: "200" },
  });
  expectStatus(log, 200);
  return { events: events.body.data, deliveries: log.body.data };
}

/** Rewrites every event and delivery of the tenant as it was stored before 0015. */
async function storeTheOldWay(db: D1Database, tenantId: string) {
  const { results } = await db
    .prepare("SELECT id, type, data, created_at FROM events WHERE tenant_id = ?")
    .bind(tenantId)
    .all<Row>();
  const old = results.map((row) => {
    const data = JSON.parse(row.data) as unknown;
    const before = isPacked(data)
      ? unpacked(data, row.created_at)
      : Array.isArray(data)
        ? skuSnapshotOf(data as StoredSkuSnapshot)
        : data;
    return db
      .prepare("UPDATE events SET data = ? WHERE id = ?")
      .bind(JSON.stringify(before), row.id);
  });
  const kept = await db
    .prepare(
      `SELECT d.subscription_id AS subscriptionId, d.event_at AS eventAt, d.event_id AS eventId,
         d.generation, d.legacy_id AS legacyId
       FROM webhook_deliveries AS d ${OF_TENANT} AND d.sent_after_ms IS NOT NULL`,
    )
    .bind(tenantId)
    .all<Omit<Delivery, "tenantId">>();
  await db.batch([
    ...old,
    ...kept.results.map((d) =>
      db
        .prepare(
          `INSERT INTO webhook_attempts (delivery_id, attempt, tenant_id, status_code, error, duration_ms, attempted_at)
           SELECT ?, 1, ?, last_status_code, last_error, duration_ms,
             strftime('%Y-%m-%dT%H:%M:%fZ', julianday(created_at) + sent_after_ms / 86400000.0)
           FROM webhook_deliveries
           WHERE subscription_id = ? AND event_at = ? AND event_id = ? AND generation = ?`,
        )
        .bind(
          deliveryId({ ...d, tenantId }),
          tenantId,
          d.subscriptionId,
          d.eventAt,
          d.eventId,
          d.generation,
        ),
    ),
    db
      .prepare(
        `UPDATE webhook_deliveries SET sent_after_ms = NULL, duration_ms = NULL
         WHERE subscription_id IN (SELECT id FROM webhook_subscriptions WHERE tenant_id = ?)`,
      )
      .bind(tenantId),
  ]);
  return results;
}

describe("event storage", () => {
  it("reads and sends events and deliveries stored before packing exactly as packed ones", async () => {
    const { key, tenantId } = await merchant({ "WIDGET-BLUE-M": 100, "WIDGET-RED-S": 100 });
    const api = client(key).v1;
    const hook = await api.webhooks.$post({
      json: { url: `${receiver}/ok/event-storage`, events: ["*"] },
    });
    expectStatus(hook, 201);
    const order = await api.orders.$post({
      json: {
        ...orderRequest({
          prefix: tenantId,
          i: 0,
          skus: ["WIDGET-BLUE-M", "WIDGET-RED-S"],
          warehouseId: "wh_syd_1",
          shippingMethodId: "sm_auspost_express",
        }).body,
      },
    });
    expectStatus(order, 201);
    await ship(key, order.body.id, [{ sku: "WIDGET-BLUE-M", quantity: 1 }]);
    const db = await dataOf(tenantId);
    const settled = await eventually(
      () => seen(key, hook.body.id),
      (s) =>
        s.events.length > 0 &&
        s.deliveries.length === s.events.length &&
        s.deliveries.every((d) => d.status === "succeeded"),
      "every event delivered",
    );
    const packed = await db
      .prepare(
        "SELECT COUNT(*) AS n FROM events WHERE tenant_id = ? AND data ->> '$.z' IS NOT NULL",
      )
      .bind(tenantId)
      .first<{ n: number }>();
    expect(packed?.n).toBe(3); // order.created, shipment.created, order.updated
    expect(settled.deliveries.every((d) => d.attempts.length === 1)).toBe(true);

    // What was sent is what the feed shows, byte for byte.
    const bodies = new Map(
      (await received("event-storage")).map((m) => [JSON.parse(m.body).event_id, m.body]),
    );
    for (const event of settled.events) {
      expect(bodies.get(event.event_id)).toBe(JSON.stringify(event));
    }

    const rows = await storeTheOldWay(db, tenantId);
    const after = await seen(key, hook.body.id);
    expect(JSON.stringify(after)).toBe(JSON.stringify(settled));
    const attempts = await db
      .prepare("SELECT COUNT(*) AS n FROM webhook_attempts WHERE tenant_id = ?")
      .bind(tenantId)
      .first<{ n: number }>();
    expect(attempts?.n).toBe(settled.deliveries.length);

    // An old event sent again is the same body as before.
    const created = rows.find((r) => r.type === "order.created");
    if (!created) throw new Error("no order.created");
    expectStatus(
      await api.events[":id"].redeliver.$post({ param: { id: created.id }, json: {} }),
      202,
    );
    const again = await eventually(
      () => received("event-storage"),
      (all) => all.filter((m) => JSON.parse(m.body).event_id === created.id).length === 2,
      "the redelivery",
    );
    const [first, second] = again.filter((m) => JSON.parse(m.body).event_id === created.id);
    expect(second?.body).toBe(first?.body);
  });

  it("packs a merchant's own order about as small as the bench's", async () => {
    const { key, tenantId } = await merchant({ "GADGET-PRO": 0, "CABLE-USB-C-1M": 0 });
    for (const sku of ["GADGET-PRO", "CABLE-USB-C-1M"]) {
      await adjustStock(key, sku, 50, "wh_mel_1");
      await adjustStock(key, sku, 50);
    }
    const api = client(key).v1;
    const bench = orderRequest({
      prefix: tenantId,
      i: 1,
      skus: ["GADGET-PRO", "CABLE-USB-C-1M"],
      warehouseId: "wh_syd_1",
      shippingMethodId: "sm_auspost_express",
    }).body;
    const own = {
      order_number: "WEB-204117",
      reference: `${tenantId}-shopify-5512`,
      warehouse_id: "wh_mel_1",
      shipping_method_id: "sm_dhl_express",
      ship_to: {
        name: "Priya Raman",
        company: "Raman Ceramics",
        address1: "48 Lygon Street",
        city: "Carlton",
        state: "VIC",
        postcode: "3053",
        country: "AU",
        phone: "+61 3 9347 1180",
        email: "orders@ramanceramics.example",
      },
      items: [
        { sku: "GADGET-PRO", quantity: 3, unit_price: "129.00", currency: "AUD" },
        { sku: "CABLE-USB-C-1M", quantity: 1, description: "USB-C cable, 1 m" },
      ],
    };
    const sizes: Record<string, number> = {};
    for (const [name, body] of Object.entries({ bench, own })) {
      const created = await api.orders.$post({ json: body });
      expectStatus(created, 201);
      const row = await (await dataOf(tenantId))
        .prepare(
          `SELECT length(data) AS packed FROM events WHERE tenant_id = ? AND type = 'order.created'
           ORDER BY seq DESC LIMIT 1`,
        )
        .bind(tenantId)
        .first<{ packed: number }>();
      sizes[name] = row?.packed ?? Number.NaN;
    }
    console.log(JSON.stringify(sizes));
    // The merchant's order says more (a company, phone, email, prices, a description): what it
    // adds costs about what it says, not the order's whole shape again.
    expect(sizes.own).toBeLessThan((sizes.bench ?? 0) * 1.6);
  });
});
