import { describe, expect, it } from "vitest";
import { client, expectStatus } from "../support/client";
import { merchant, orderBody, parcel } from "../support/merchant";
import { badPlans, capture, heaviest, problemsIn } from "../support/query-plans";
import { dataOf } from "../support/shards";
import { publishStock } from "../support/stock";

/*
 * Writes cost what the request holds (issue 19): every statement the write paths run seeks
 * an index, whatever the tenant's catalogue, orders or history. The statements are the ones
 * a real run executes — through HTTP, in the order and stock objects and in the relay —
 * captured as they run, so a new statement is checked the day it is written.
 */

const BULK = 3000;

/** A catalogue of `BULK` stocked SKUs, written straight to the shard to keep the test fast. */
async function stockUp(tenantId: string) {
  const shard = await dataOf(tenantId);
  const statements = Array.from({ length: BULK }, (_, i) => {
    const sku = `BULK-${String(i).padStart(4, "0")}`;
    return [
      shard
        .prepare(
          "INSERT INTO products (id, tenant_id, sku, name, change_seq) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(`prd_plan_${tenantId}_${i}`, tenantId, sku, sku, 10_000 + i),
      shard
        .prepare(
          "INSERT INTO inventory (tenant_id, warehouse_id, sku, on_hand, allocated, backordered, version, updated_at) VALUES (?, 'wh_syd_1', ?, 5, 0, 0, 0, '2026-01-01T00:00:00.000Z')",
        )
        .bind(tenantId, sku),
    ];
  }).flat();
  for (let i = 0; i < statements.length; i += 200) await shard.batch(statements.slice(i, i + 200));
}

const rowsRead = (res: { headers: Headers }) =>
  Number(/d1-rows-read;desc="([\d.]+)"/.exec(res.headers.get("server-timing") ?? "")?.[1]);

describe("write paths seek, never scan", () => {
  it("creates, amends, ships, cancels, receives, moves conditions and returns with index seeks alone", async () => {
    const { key, tenantId } = await merchant({ "PLAN-1": 50, "PLAN-2": 50 });
    await stockUp(tenantId);
    const api = client(key).v1;
    const reads: Record<string, number> = {};

    const ran = await capture(async () => {
      const created = await api.orders.$post({
        // BULK-0042's stock object has never run: it loads its row as part of this request.
        json: orderBody({
          items: [
            { sku: "PLAN-1", quantity: 2 },
            { sku: "BULK-0042", quantity: 1 },
          ],
        }),
      });
      expectStatus(created, 201);
      reads.create = rowsRead(created);
      const id = created.body.id;
      const amended = await api.orders[":id"].$patch({
        param: { id },
        json: {
          items: [
            { sku: "PLAN-1", quantity: 3 },
            { sku: "PLAN-2", quantity: 1 },
            { sku: "BULK-0042", quantity: 1 },
          ],
        },
      });
      expectStatus(amended, 200);
      reads.amend = rowsRead(amended);
      const shipped = await api.ops.shipments.$post({
        json: {
          order_id: id,
          parcels: [parcel()],
          items: [
            { sku: "PLAN-1", quantity: 3 },
            { sku: "PLAN-2", quantity: 1 },
            { sku: "BULK-0042", quantity: 1 },
          ],
        },
      });
      expectStatus(shipped, 201);
      reads.ship = rowsRead(shipped);
      const scanned = await api.ops.shipments[":id"]["tracking-events"].$post({
        param: { id: shipped.body.id },
        json: {
          tracking_number: shipped.body.parcels[0]?.tracking_number ?? "",
          events: [
            {
              id: "PLAN-SCAN-1",
              occurred_at: "2026-07-03T00:00:00Z",
              status: "in_transit",
              description: "Departed facility",
              location: { city: "Sydney", region: "NSW", country: "AU" },
            },
          ],
        },
      });
      expectStatus(scanned, 200);
      reads.scan = rowsRead(scanned);

      const other = await api.orders.$post({
        json: orderBody({ items: [{ sku: "PLAN-2", quantity: 1 }] }),
      });
      expectStatus(other, 201);
      const cancelled = await api.orders[":id"].cancel.$post({
        param: { id: other.body.id },
        json: { reason: "Customer changed mind" },
      });
      expectStatus(cancelled, 200);
      reads.cancel = rowsRead(cancelled);

      const asn = await api["inbound-shipments"].$post({
        json: {
          reference: `ASN-${crypto.randomUUID()}`,
          warehouse_id: "wh_syd_1",
          items: [{ sku: "PLAN-1", expected_quantity: 5 }],
        },
      });
      expectStatus(asn, 201);
      const receipt = await api.ops["inbound-shipments"][":id"].receipts.$post({
        param: { id: asn.body.id },
        // Its damaged units land in the SKU's damaged stock, a write of their own.
        json: { items: [{ sku: "PLAN-1", received_quantity: 6, damaged_quantity: 1 }] },
        header: { "idempotency-key": crypto.randomUUID() },
      });
      expectStatus(receipt, 200);
      reads.receive = rowsRead(receipt);

      const moved = await api.ops.inventory["condition-moves"].$post({
        json: {
          sku: "PLAN-1",
          warehouse_id: "wh_syd_1",
          from: "sellable",
          to: "quarantine",
          quantity: 2,
          reason: "inspection_failed",
        },
        header: { "idempotency-key": crypto.randomUUID() },
      });
      expectStatus(moved, 201);
      reads.condition_move = rowsRead(moved);

      const rma = await api.returns.$post({
        json: {
          order_id: id,
          rma: `RMA-${crypto.randomUUID()}`,
          items: [{ sku: "PLAN-1", quantity: 1 }],
        },
      });
      expectStatus(rma, 201);
      reads.return = rowsRead(rma);
      const back = await api.ops.returns[":id"].receive.$post({
        param: { id: rma.body.id },
        json: { items: [{ sku: "PLAN-1", quantity: 1, condition: "resellable", restocked: true }] },
      });
      expectStatus(back, 200);
      reads.return_received = rowsRead(back);
      // What the stock objects' alarms write after: each SKU's feed position and events.
      await publishStock(tenantId, ["PLAN-1", "PLAN-2", "BULK-0042"]);
    });

    expect(ran.some((r) => r.sql.includes("INSERT INTO inventory_skus"))).toBe(true);

    expect(ran.length).toBeGreaterThan(30);
    expect(await badPlans(ran)).toEqual([]);
    // A tenant with thousands of stocked SKUs pays for the lines it sends, not its catalogue.
    for (const [path, n] of Object.entries(reads)) {
      expect(n, `${path}; the heaviest statements:\n${heaviest(ran)}`).toBeLessThanOrEqual(120);
    }
  });

  it("claims, refuses, voids, returns and finds serials with index seeks alone", async () => {
    const { key, tenantId } = await merchant({ "PLAN-SN": 10 });
    await stockUp(tenantId);
    const api = client(key).v1;
    expectStatus(
      await api.products[":sku"].$patch({
        param: { sku: "PLAN-SN" },
        json: { serial_tracked: true },
      }),
      200,
    );
    const order = async (quantity: number) => {
      const res = await api.orders.$post({
        json: orderBody({ items: [{ sku: "PLAN-SN", quantity }] }),
      });
      expectStatus(res, 201);
      return res.body.id;
    };
    const shipSerials = (orderId: string, serials: string[]) =>
      api.ops.shipments.$post({
        json: {
          order_id: orderId,
          parcels: [parcel()],
          items: [{ sku: "PLAN-SN", quantity: serials.length, serials }],
        },
      });
    const first = await order(2);
    const second = await order(1);

    const ran = await capture(async () => {
      const shipped = await shipSerials(first, ["PLAN-SN-1", "PLAN-SN-2"]);
      expectStatus(shipped, 201);
      expect((await shipSerials(second, ["PLAN-SN-1"])).status).toBe(422);
      expectStatus(
        await api.ops.shipments[":id"].void.$post({ param: { id: shipped.body.id } }),
        200,
      );
      expectStatus(await shipSerials(second, ["PLAN-SN-1"]), 201);
      const back = await api.ops.returns.$post({
        json: {
          order_id: second,
          warehouse_id: "wh_syd_1",
          items: [
            {
              sku: "PLAN-SN",
              quantity: 1,
              condition: "resellable",
              restocked: true,
              serials: ["PLAN-SN-1"],
            },
          ],
        },
      });
      expectStatus(back, 201);
      expectStatus(
        await api.serials[":sku"][":serial"].$get({
          param: { sku: "PLAN-SN", serial: "PLAN-SN-1" },
        }),
        200,
      );
    });

    expect(ran.some((r) => r.sql.includes("serial_claims"))).toBe(true);
    expect(await badPlans(ran)).toEqual([]);
  });

  it("creates, amends and cancels for a constant number of rows per line", async () => {
    const LINES = 40;
    const stock = Object.fromEntries(
      Array.from({ length: LINES }, (_, i) => [`LINE-${String(i).padStart(2, "0")}`, 10]),
    );
    const { key } = await merchant(stock);
    const api = client(key).v1;
    const items = Object.keys(stock).map((sku) => ({ sku, quantity: 1 }));
    // The first order wakes every SKU's stock object, which loads its row once.
    expectStatus(await api.orders.$post({ json: orderBody({ items }) }), 201);
    const created = await api.orders.$post({ json: orderBody({ items }) });
    expectStatus(created, 201);
    const amended = await api.orders[":id"].$patch({
      param: { id: created.body.id },
      json: { items: items.map((i) => ({ ...i, quantity: 2 })) },
    });
    expectStatus(amended, 200);
    const cancelled = await api.orders[":id"].cancel.$post({
      param: { id: created.body.id },
      json: { reason: "Customer changed mind" },
    });
    expectStatus(cancelled, 200);
    // Per line: the catalogue check and the stock row (and, amended, the line and its demand
    // replaced; cancelled, its demand released). The SKU's feed position and events are
    // published later, off the request.
    expect(rowsRead(created) / LINES).toBeLessThanOrEqual(5);
    expect(rowsRead(amended) / LINES).toBeLessThanOrEqual(5);
    expect(rowsRead(cancelled) / LINES).toBeLessThanOrEqual(5);
  });

  it("loads a SKU's open demands alone, however many released ones its history holds", async () => {
    // No stock through the API: the SKU's object must not have run before the create.
    const { key, tenantId } = await merchant({ "HISTORY-1": 0 });
    const shard = await dataOf(tenantId);
    await shard
      .prepare(
        "INSERT INTO inventory (tenant_id, warehouse_id, sku, on_hand, allocated, backordered, version, updated_at) VALUES (?, 'wh_syd_1', 'HISTORY-1', 50, 0, 0, 1, '2026-01-01T00:00:00.000Z')",
      )
      .bind(tenantId)
      .run();
    const history = Array.from({ length: BULK }, (_, i) =>
      shard
        .prepare(
          "INSERT INTO stock_demands (tenant_id, warehouse_id, sku, order_id, quantity, status, priority, seq, locked) VALUES (?, 'wh_syd_1', 'HISTORY-1', ?, 1, 'released', ?, 1, 0)",
        )
        .bind(tenantId, `ord_history_${i}`, i),
    );
    for (let i = 0; i < history.length; i += 200) await shard.batch(history.slice(i, i + 200));
    // This create is the first to reach HISTORY-1's stock object: it loads row and demands.
    const created = await client(key).v1.orders.$post({
      json: orderBody({ items: [{ sku: "HISTORY-1", quantity: 1 }] }),
    });
    expectStatus(created, 201);
    expect(rowsRead(created)).toBeLessThanOrEqual(120);
  });
});

describe("reading a plan", () => {
  const catalogue = {
    tables: new Set(["orders", "inventory", "warehouses", "sandbox_settings"]),
    indexes: new Map([
      [
        "inventory_pk",
        { table: "inventory", unique: true, columns: ["tenant_id", "warehouse_id", "sku"] },
      ],
      [
        "orders_tenant_seq_unique",
        { table: "orders", unique: true, columns: ["tenant_id", "change_seq"] },
      ],
      [
        "sqlite_autoindex_sandbox_settings_1",
        { table: "sandbox_settings", unique: true, columns: ["tenant_id"] },
      ],
    ]),
  };

  it("refuses a walk of a tenant table, also under an alias or through an automatic index", () => {
    expect(problemsIn(["SCAN orders"], "SELECT * FROM orders", catalogue)).toHaveLength(1);
    expect(problemsIn(["SCAN o"], "SELECT * FROM orders AS o", catalogue)).toHaveLength(1);
    expect(
      problemsIn(
        ["SCAN i USING COVERING INDEX inventory_pk"],
        "SELECT 1 FROM inventory i",
        catalogue,
      ),
    ).toHaveLength(1);
    expect(
      problemsIn(
        ["SEARCH r USING AUTOMATIC COVERING INDEX (order_id=?)"],
        "SELECT 1 FROM returns r",
        catalogue,
      ),
    ).toHaveLength(1);
  });

  it("refuses a seek by tenant_id alone unless the index is unique on it", () => {
    const sql = "SELECT 1 FROM inventory WHERE tenant_id = ? AND sku = ?";
    expect(
      problemsIn(
        ["SEARCH inventory USING COVERING INDEX inventory_pk (tenant_id=?)"],
        sql,
        catalogue,
      ),
    ).toHaveLength(1);
    expect(
      problemsIn(
        ["SEARCH inventory USING INDEX inventory_pk (tenant_id=? AND warehouse_id=?)"],
        sql,
        catalogue,
      ),
    ).toEqual([]);
    expect(
      problemsIn(
        ["SEARCH sandbox_settings USING INDEX sqlite_autoindex_sandbox_settings_1 (tenant_id=?)"],
        "SELECT * FROM sandbox_settings WHERE tenant_id = ?",
        catalogue,
      ),
    ).toEqual([]);
  });

  it("lets a statement walk its own subqueries, its JSON input and the reference data", () => {
    const plan = [
      "SCAN j VIRTUAL TABLE INDEX 1:",
      "SCAN 3-ROW VALUES CLAUSE",
      "CO-ROUTINE w",
      "SEARCH inventory USING INDEX inventory_pk (tenant_id=? AND warehouse_id=? AND sku=?)",
      "SCAN w",
      "SCAN warehouses",
      "SCAN CONSTANT ROW",
    ];
    expect(problemsIn(plan, "SELECT 1 FROM warehouses", catalogue)).toEqual([]);
  });
});
