import { describe, expect, it } from "vitest";
import {
  breakdown,
  dbBytes,
  expireTransient,
  ORDER_BYTES_TARGETS,
  orderRequest,
  shipmentRequest,
} from "../../bench/order-bytes.mjs";
import seed from "../../fixtures/seed.json";
import { client, expectStatus } from "../support/client";
import { adjustStock, createTenant, seedReferenceData } from "../support/merchant";
import { eventually, receiver } from "../support/receiver";
import { dataOf } from "../support/shards";
import { publishStock } from "../support/stock";

/*
 * What one order stores (issue 19): the bench's order life, two lines created and shipped in
 * one parcel, with a webhook subscription receiving every event, read from the shard file's
 * size as the bench reads it (bench/order-bytes.mjs). A file of its own: its database holds
 * only these orders, so the breakdown by table and index is theirs.
 */

/** Enough that one 4 KiB page more or less moves a figure by 41 B. */
const ORDERS = 100;
/*
 * Issue 19 asks ORDER_BYTES_TARGETS: 9,000 B all in, 4,000 B kept. Issue 21's order fields
 * put the all-in figure at about 16,500 B, most of it one events row and one delivery per
 * event (7 per order). migrations/shard/0015_event_bytes.sql packed the events and kept a
 * first attempt that succeeded in its delivery's row (about 10,770 B all in);
 * migrations/shard/0022_lean_outbox.sql keys a delivery by what it is, with no id, rowid or
 * index of its own, drops what nothing read from events, and keeps the write's times in a
 * packed event as offsets from the event's own (about 8,600 B all in, 3,900 B kept).
 */
const SKUS = seed.products.slice(0, 2).map((p) => p.sku);

/** Until every event of the tenant has been delivered, and no more are coming. */
async function settled(db: D1Database, tenantId: string) {
  let last = "";
  await eventually(
    async () =>
      db
        .prepare(
          `SELECT (SELECT COUNT(*) FROM events WHERE tenant_id = ?1) AS events,
             (SELECT COUNT(*) FROM webhook_deliveries AS d
               JOIN webhook_subscriptions AS s ON s.id = d.subscription_id
               WHERE s.tenant_id = ?1 AND d.status = 'succeeded') AS delivered`,
        )
        .bind(tenantId)
        .first<{ events: number; delivered: number }>(),
    (row) => {
      const now = JSON.stringify(row);
      const done = row !== null && row.events === row.delivered && now === last;
      last = now;
      return done;
    },
    "every event delivered",
    60_000,
  );
}

describe("bytes per order", () => {
  it(`stays under ${ORDER_BYTES_TARGETS.allIn} B all in and ${ORDER_BYTES_TARGETS.kept} B kept`, async () => {
    await seedReferenceData();
    const { tenantId, key } = await createTenant("Order bytes");
    const api = client(key).v1;
    for (const p of seed.products.slice(0, 2)) {
      expectStatus(await api.products.$post({ json: { sku: p.sku, name: p.name } }), 201);
    }
    for (const sku of SKUS) await adjustStock(key, sku, 1_000_000);
    expectStatus(
      await api.webhooks.$post({ json: { url: `${receiver}/ok/order-bytes`, events: ["*"] } }),
      201,
    );
    const db = await dataOf(tenantId);
    await settled(db, tenantId);

    const start = await dbBytes(db);
    for (let i = 0; i < ORDERS; i++) {
      const spec = {
        prefix: tenantId,
        i,
        skus: SKUS,
        warehouseId: "wh_syd_1",
        shippingMethodId: "sm_auspost_express",
      };
      const order = orderRequest(spec);
      const created = await api.orders.$post({
        json: order.body,
        header: { "idempotency-key": order.idempotencyKey },
      });
      expectStatus(created, 201);
      // Each change published alone, as sparse traffic has it: no burst sums several up.
      await publishStock(tenantId);
      const ship = shipmentRequest({ ...spec, orderId: created.body.id });
      expectStatus(
        await api.ops.shipments.$post({
          json: ship.body,
          header: { "idempotency-key": ship.idempotencyKey },
        }),
        201,
      );
      await publishStock(tenantId);
    }
    await settled(db, tenantId);
    const allIn = ((await dbBytes(db)) - start) / ORDERS;
    // What stays once the events and deliveries expire, read as the bench reads it: the file
    // after they are deleted. (Summing what the breakdown frees for each table counts the
    // pages tables share to neither, and moves by a page or two from run to run.)
    await expireTransient(db, tenantId);
    const kept = ((await dbBytes(db)) - start) / ORDERS;
    // Where the bytes that stay go, per table and index, for whoever makes them fewer; the
    // rest of the all-in figure is the events' and deliveries'.
    const parts = await breakdown(db, tenantId, ORDERS);
    console.log(JSON.stringify({ allIn, kept, transient: allIn - kept, parts }));

    expect(allIn).toBeLessThanOrEqual(ORDER_BYTES_TARGETS.allIn);
    expect(kept).toBeLessThanOrEqual(ORDER_BYTES_TARGETS.kept);
  }, 300_000);
});
