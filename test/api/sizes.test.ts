import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { MAX_LINES } from "../../src/domain/shapes";
import { isChange, type OrderState } from "../../src/orders/order";
import { decide, settle } from "../../src/orders/order-rules";
import { persist } from "../../src/orders/order-store";
import { client, expectStatus, ok } from "../support/client";
import { createTenant, merchant, orderBody, parcel, stockOf } from "../support/merchant";
import { dataOf } from "../support/shards";

/*
 * D1 takes at most 100 bound parameters and 100 KB of SQL per statement. Every statement
 * whose size follows the input (lines, parcels, items) must stay inside both whatever the
 * input, up to the schema's maxima, or an order wedges with its stock already moved.
 */

const MAX_PARCELS = 100;
const MAX_ITEMS = 500;

/**
 * Catalog and shelf stock for many SKUs at once, written straight to the tenant's shard to
 * keep the test fast.
 */
async function stockUp(tenantId: string, skus: string[], onHand: number) {
  const shard = await dataOf(tenantId);
  const statements = skus.flatMap((sku, i) => [
    shard
      .prepare("INSERT INTO products (id, tenant_id, sku, name, change_seq) VALUES (?, ?, ?, ?, ?)")
      .bind(`prd_size_${tenantId}_${i}`, tenantId, sku, sku, 10_000 + i),
    shard
      .prepare(
        "INSERT INTO inventory (tenant_id, warehouse_id, sku, on_hand, allocated, backordered, version, updated_at) VALUES (?, 'wh_syd_1', ?, ?, 0, 0, 0, '2026-01-01T00:00:00.000Z')",
      )
      .bind(tenantId, sku, onHand),
  ]);
  for (let i = 0; i < statements.length; i += 200) await shard.batch(statements.slice(i, i + 200));
}

const skusFor = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, "0")}`);

async function orderOf(key: string, items: { sku: string; quantity: number }[]) {
  const res = await client(key).v1.orders.$post({ json: orderBody({ items }) });
  expectStatus(res, 201);
  return res.body;
}

describe("statements sized by input", () => {
  it("ships 2 units in 13 parcels and 40 SKUs in one shipment; the order then takes new commands", async () => {
    const { key, tenantId } = await merchant({ "WIDE-ONE": 10 });
    const order = await orderOf(key, [{ sku: "WIDE-ONE", quantity: 2 }]);
    const parcels = Array.from({ length: 13 }, () => parcel());
    const shipped = await client(key).v1.ops.shipments.$post({
      json: { order_id: order.id, parcels, items: [{ sku: "WIDE-ONE", quantity: 2 }] },
    });
    expectStatus(shipped, 201);
    expect(shipped.body.parcels).toHaveLength(13);
    expect(await stockOf(key, "WIDE-ONE")).toMatchObject({ on_hand: 8, allocated: 0 });
    const voided = await client(key).v1.ops.shipments[":id"].void.$post({
      param: { id: shipped.body.id },
    });
    expectStatus(voided, 200);
    expect(await stockOf(key, "WIDE-ONE")).toMatchObject({ on_hand: 10, allocated: 2 });

    const skus = skusFor("WIDE", 40);
    await stockUp(tenantId, skus, 5);
    const wide = await orderOf(
      key,
      skus.map((sku) => ({ sku, quantity: 1 })),
    );
    const all = await client(key).v1.ops.shipments.$post({
      json: {
        order_id: wide.id,
        parcels: [parcel()],
        items: skus.map((sku) => ({ sku, quantity: 1 })),
      },
    });
    expectStatus(all, 201);
    expect(all.body.items).toHaveLength(40);
    const got = await client(key).v1.orders[":id"].$get({ param: { id: wide.id } });
    expect(got.body).toMatchObject({ status: "shipped" });
  });

  it(`takes an order of ${MAX_LINES} lines and ships it as ${MAX_PARCELS} parcels with ${MAX_ITEMS} items`, async () => {
    const { key, tenantId } = await merchant({});
    const skus = skusFor("BIG", MAX_LINES);
    await stockUp(tenantId, skus, 3);
    const order = await orderOf(
      key,
      skus.map((sku) => ({
        sku,
        description: "d".repeat(500),
        quantity: 2,
        unit_price: "99999.9999",
        currency: "AUD",
      })),
    );
    expect(order.items).toHaveLength(MAX_LINES);
    expect(order.status).toBe("received");
    const shipment = await client(key).v1.ops.shipments.$post({
      json: {
        order_id: order.id,
        parcels: Array.from({ length: MAX_PARCELS }, () =>
          parcel({
            weight: { value: 1.5, unit: "kg" },
            dimensions: { length: 30, width: 20, height: 10, unit: "cm" },
          }),
        ),
        items: skus.map((sku) => ({ sku, quantity: 2 })),
      },
      header: { "idempotency-key": crypto.randomUUID() },
    });
    expectStatus(shipment, 201);
    expect(shipment.body.parcels).toHaveLength(MAX_PARCELS);
    expect(shipment.body.items).toHaveLength(MAX_ITEMS);
    const after = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.id } }));
    expect(after.status).toBe("shipped");
    expect(await stockOf(key, skus[MAX_LINES - 1] as string)).toMatchObject({
      on_hand: 1,
      allocated: 0,
    });
    // Five hundred stock objects wake and commit one after another on one local thread.
    // Generous: a loaded machine may take minutes, and this asserts sizes, never speed.
  }, 600_000);

  it("persists every size from 1 to the schema maxima (lines, parcels, items)", async () => {
    // Orders are written where the API writes them: a real tenant's shard.
    const { tenantId } = await createTenant("Sizes");
    const db = database(await dataOf(tenantId));
    const long = (n: number) => fc.string({ minLength: n, maxLength: n, unit: "grapheme" });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: MAX_LINES }),
        fc.integer({ min: 1, max: MAX_PARCELS }),
        long(500),
        async (lines, parcels, text) => {
          const id = { tenantId, orderId: `ord_${crypto.randomUUID()}` };
          const created = decide(
            id,
            null,
            {
              type: "create",
              actor: "test",
              priority: 1,
              createdAt: new Date().toISOString(),
              lines: Array.from({ length: lines }, (_, i) => ({
                id: `li_${String(i).padStart(16, "0")}`,
                lineId: "L".repeat(60) + String(i).padStart(4, "0"),
                sku: `S${String(i).padStart(99, "0")}`,
                description: text,
                quantity: 1_000_000,
                unitPrice: "999999999999999.9999",
                currency: "AUD",
                hsCode: "6109100012",
                countryOfOrigin: "AU",
                customsValue: "999999999999999.9999",
                customsCurrency: "AUD",
              })),
              order: {
                orderNumber: text.slice(0, 100),
                reference: id.orderId,
                orderDate: null,
                warehouseId: "wh_syd_1",
                shippingMethodId: null,
                shippingMethod: null,
                signatureRequired: false,
                insurance: false,
                giftMessage: text,
                packingNote: text,
                shipTo: {
                  name: text.slice(0, 200),
                  address1: text.slice(0, 200),
                  city: "X",
                  country: "AU",
                },
                terms: {
                  billing_address: {
                    address1: text.slice(0, 200),
                    address2: text.slice(0, 200),
                    city: text.slice(0, 100),
                    state: text.slice(0, 100),
                    postcode: "P".repeat(20),
                    country: "AU",
                  },
                  incoterms: "DDP",
                  tax_ids: Array.from({ length: 10 }, () => ({
                    type: "OTHER",
                    value: text.slice(0, 50),
                  })),
                  ship_by: "2026-07-06",
                  requested_delivery_date: "2026-07-10",
                },
              },
            },
            new Date().toISOString(),
          );
          if (!isChange(created)) throw new Error("create refused");
          const answers = created.lines.map((l) => ({
            lineNo: l.lineNo,
            sku: l.sku,
            status: "allocated" as const,
            seq: 1,
          }));
          const state: OrderState = await persist(db, null, settle(null, created, answers));
          const shipped = decide(
            id,
            state,
            {
              type: "ship",
              actor: "test",
              shipmentId: `shp_${crypto.randomUUID()}`,
              cost: null,
              shippedAt: new Date().toISOString(),
              items: state.lines
                .slice(0, MAX_ITEMS)
                .map((l) => ({ sku: l.sku, quantity: 1_000_000 })),
              parcels: Array.from({ length: parcels }, (_, i) => ({
                trackingNumber: `${i}${text}`.slice(0, 100),
                trackingUrl: `https://example.com/${"t".repeat(1900)}`,
                carrier: "c".repeat(64),
                service: text.slice(0, 200),
                weight: { value: 99999.999, unit: "kg" },
                dimensions: { length: 99999.9, width: 99999.9, height: 99999.9, unit: "cm" },
              })),
            },
            new Date().toISOString(),
          );
          if (!isChange(shipped)) throw new Error(`ship refused: ${JSON.stringify(shipped)}`);
          const after = await persist(db, state, settle(state, shipped, []));
          expect(after.lines).toHaveLength(lines);
          expect(after.shipments[0]?.parcels).toHaveLength(parcels);
          expect(after.order.status).toBe("shipped");
        },
      ),
      {
        numRuns: 6,
        examples: [
          [1, 1, "x".repeat(500)],
          [MAX_LINES, MAX_PARCELS, "é".repeat(500)],
        ],
      },
    );
  }, 600_000);
});
