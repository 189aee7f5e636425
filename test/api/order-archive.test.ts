import { createScheduledController, env } from "cloudflare:test";
import { assert, beforeAll, describe, expect, it } from "vitest";
import { orderArchiveKey } from "../../src/db/archived-orders";
import { database } from "../../src/db/client";
import worker from "../../src/index";
import {
  archiveOrders,
  ORDER_PAGES_PER_RUN,
  ORDERS_PER_PAGE,
} from "../../src/retention/order-archive";
import { admin, client, expectError, expectStatus, ok } from "../support/client";
import { merchant, orderBody, parcel, ship } from "../support/merchant";
import { dataOf } from "../support/shards";

/*
 * Orders past their hot window (ORDER_HOT_DAYS) leave D1 for R2, whole, and stay readable:
 * orders are made and finished through the API, aged by moving their times back in D1, and
 * the archive job runs on their shard as the janitor runs it. What clients see is checked
 * through HTTP; what D1 and R2 hold, directly.
 */

const DAY_MS = 86_400_000;
const ISO = "'%Y-%m-%dT%H:%M:%fZ'";

type Row = Record<string, unknown>;

async function rows(db: D1Database, query: string, ...binds: unknown[]): Promise<Row[]> {
  return (
    await db
      .prepare(query)
      .bind(...binds)
      .all<Row>()
  ).results;
}

/** Moves every time of the orders, their shipments and returns `days` back. */
async function age(tenantId: string, orderIds: string[], days = 100) {
  const db = await dataOf(tenantId);
  const back = (column: string) => `${column} = strftime(${ISO}, ${column}, '-${days} days')`;
  const ids = "(SELECT value FROM json_each(?1))";
  await db.batch(
    [
      `UPDATE orders SET ${back("updated_at")}, ${back("created_at")} WHERE id IN ${ids}`,
      `UPDATE shipments SET ${back("updated_at")}, ${back("created_at")} WHERE order_id IN ${ids}`,
      `UPDATE returns SET ${back("updated_at")}, ${back("created_at")} WHERE order_id IN ${ids}`,
    ].map((q) => db.prepare(q).bind(JSON.stringify(orderIds))),
  );
}

/** What D1 still holds of each order, table by table. */
async function held(tenantId: string, orderId: string) {
  const db = await dataOf(tenantId);
  const [row] = await rows(
    db,
    `SELECT
      (SELECT COUNT(*) FROM orders WHERE id = ?1) AS orders,
      (SELECT COUNT(*) FROM order_lines WHERE order_id = ?1) AS order_lines,
      (SELECT COUNT(*) FROM order_history WHERE order_id = ?1) AS order_history,
      (SELECT COUNT(*) FROM shipments WHERE order_id = ?1) AS shipments,
      (SELECT COUNT(*) FROM shipment_parcels WHERE shipment_id IN (SELECT id FROM shipments WHERE order_id = ?1)) AS parcels,
      (SELECT COUNT(*) FROM returns WHERE order_id = ?1) AS returns,
      (SELECT COUNT(*) FROM archived_orders WHERE order_id = ?1) AS tombstones,
      (SELECT COUNT(*) FROM order_references WHERE order_id = ?1) AS reference`,
    orderId,
  );
  return row;
}

/** The archive job on the tenant's shard, as the janitor runs it, with `jobEnv`'s bindings. */
async function archive(tenantId: string, jobEnv: Env = env, frozen: string[] = []) {
  const db = database(await dataOf(tenantId));
  return archiveOrders(jobEnv, db, Date.now(), {
    scope: { frozen, until: Number.POSITIVE_INFINITY },
  });
}

type PutArgs = Parameters<R2Bucket["put"]>;

/** The R2 binding with `put` replaced, as an outage or a race would change it. */
function puttingWith(put: (bucket: R2Bucket, ...args: PutArgs) => ReturnType<R2Bucket["put"]>) {
  const bucket = new Proxy(env.ARCHIVE, {
    get(target, prop) {
      if (prop === "put") return (...args: PutArgs) => put(target, ...args);
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...env, ARCHIVE: bucket } as Env;
}

let key: string;
let tenantId: string;

/** A new order of `quantity` units, and the body that made it. */
async function created(quantity = 1) {
  const body = orderBody({ items: [{ sku: "ARC-1", quantity }] });
  return { body, ...(await ok(client(key).v1.orders.$post({ json: body }))) };
}

/** An order of one line, shipped whole: an order, a shipment with a parcel, history. */
async function shippedOrder(quantity = 1) {
  const order = await created(quantity);
  await ship(key, order.id, [{ sku: "ARC-1", quantity }]);
  return order;
}

async function cancelledOrder() {
  const order = await created();
  await ok(client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id }, json: {} }));
  return order;
}

const getOrder = (id: string) => client(key).v1.orders[":id"].$get({ param: { id } });

beforeAll(async () => {
  ({ key, tenantId } = await merchant({ "ARC-1": 1000 }));
});

describe("the order archive", () => {
  it("moves final orders past the window to R2 whole, and keeps answering them", async () => {
    const shipped = await shippedOrder(2);
    // A return received and processed travels with its order.
    const rma = await ok(
      client(key).v1.returns.$post({
        json: {
          order_id: shipped.id,
          rma: `RMA-${shipped.id}`,
          items: [{ sku: "ARC-1", quantity: 1 }],
        },
      }),
    );
    await ok(
      client(key).v1.ops.returns[":id"].receive.$post({
        param: { id: rma.id },
        json: { items: [{ sku: "ARC-1", quantity: 1, condition: "damaged", restocked: false }] },
      }),
    );
    const cancelled = await cancelledOrder();
    const live = await created();
    const recent = await shippedOrder();
    await age(tenantId, [shipped.id, cancelled.id, live.id]);

    const before = await ok(getOrder(shipped.id));
    const [shipment] = before.shipments;
    assert(shipment);
    const shipmentBefore = await ok(
      client(key).v1.shipments[":id"].$get({ param: { id: shipment.id } }),
    );
    const historyBefore = await ok(
      client(key).v1.orders[":id"].history.$get({ param: { id: shipped.id }, query: {} }),
    );
    const cancelledBefore = await ok(getOrder(cancelled.id));
    const returnBefore = await ok(client(key).v1.returns[":id"].$get({ param: { id: rma.id } }));
    expect(returnBefore.archived).toBe(false);
    expect(before.archived).toBe(false);
    expect(shipmentBefore.archived).toBe(false);
    expect(historyBefore.archived).toBe(false);

    expect(await archive(tenantId)).toEqual({ archived: 2, more: false });

    for (const id of [shipped.id, cancelled.id]) {
      expect(await held(tenantId, id)).toMatchObject({
        orders: 0,
        order_lines: 0,
        order_history: 0,
        shipments: 0,
        parcels: 0,
        returns: 0,
        tombstones: 1,
        // The reference stays taken.
        reference: 1,
      });
      expect(await env.ARCHIVE.head(orderArchiveKey(tenantId, id))).not.toBeNull();
    }
    // Not final, or final too recently: untouched.
    for (const id of [live.id, recent.id]) {
      expect(await held(tenantId, id)).toMatchObject({ orders: 1, tombstones: 0 });
    }

    const after = await getOrder(shipped.id);
    expectStatus(after, 200);
    expect(after.headers.get("ETag")).toBe(`"${before.version}"`);
    expect(after.body).toEqual({
      ...before,
      archived: true,
      shipments: before.shipments.map((s) => ({ ...s, archived: true })),
    });
    expect(await ok(getOrder(cancelled.id))).toEqual({ ...cancelledBefore, archived: true });

    const shipmentAfter = await ok(
      client(key).v1.shipments[":id"].$get({ param: { id: shipment.id } }),
    );
    expect(shipmentAfter).toEqual({ ...shipmentBefore, archived: true });

    const returnAfter = await ok(client(key).v1.returns[":id"].$get({ param: { id: rma.id } }));
    expect(returnAfter).toEqual({ ...returnBefore, archived: true });

    const historyAfter = await ok(
      client(key).v1.orders[":id"].history.$get({ param: { id: shipped.id }, query: {} }),
    );
    expect(historyAfter).toEqual({ ...historyBefore, archived: true });
    const paged = await ok(
      client(key).v1.orders[":id"].history.$get({ param: { id: shipped.id }, query: { limit: 1 } }),
    );
    expect(paged.data).toEqual(historyBefore.data.slice(0, 1));
    expect(paged.pagination.has_more).toBe(true);

    const byReference = await ok(
      client(key).v1.orders.$get({ query: { reference: shipped.reference } }),
    );
    expect(byReference.data).toEqual([after.body]);
    const otherStatus = await ok(
      client(key).v1.orders.$get({ query: { reference: shipped.reference, status: "cancelled" } }),
    );
    expect(otherStatus.data).toEqual([]);

    // A retry of the create answers the archived order, as it does a live one.
    for (const header of [{}, { "idempotency-key": crypto.randomUUID() }]) {
      const replay = await client(key).v1.orders.$post({ json: cancelled.body, header });
      expectStatus(replay, 200);
      expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
      expect(replay.body).toEqual({ ...cancelledBefore, archived: true });
    }
    const other = { ...cancelled.body, packing_note: "another body" };
    const taken = await client(key).v1.orders.$post({ json: other });
    expect(expectError(taken, 409, "duplicate_reference").order_id).toBe(cancelled.id);

    // Nothing changes an archived order.
    const amended = await client(key).v1.orders[":id"].$patch({
      param: { id: cancelled.id },
      json: { packing_note: "too late" },
    });
    expect(expectError(amended, 409, "order_archived").order_id).toBe(cancelled.id);
    const cancel = await client(key).v1.orders[":id"].cancel.$post({
      param: { id: shipped.id },
      json: {},
    });
    expectError(cancel, 409, "order_archived");

    const returned = await client(key).v1.returns.$post({
      json: {
        order_id: shipped.id,
        rma: `RMA-late-${shipped.id}`,
        items: [{ sku: "ARC-1", quantity: 1 }],
      },
    });
    expectError(returned, 409, "order_archived");
    // The archived return's RMA stays taken, as it was while the return was hot.
    const another = await shippedOrder();
    const reused = await client(key).v1.returns.$post({
      json: {
        order_id: another.id,
        rma: `RMA-${shipped.id}`,
        items: [{ sku: "ARC-1", quantity: 1 }],
      },
    });
    expect(expectError(reused, 409, "duplicate_rma", "rma").return_id).toBe(rma.id);
    const shippedAgain = await client(key).v1.ops.shipments.$post({
      json: { order_id: cancelled.id, parcels: [parcel()], items: [{ sku: "ARC-1", quantity: 1 }] },
    });
    expectError(shippedAgain, 409, "order_archived");
    // A platform key reaches the tenant's shard by the id's route, and is told the same.
    const floor = await admin["api-keys"].$post({
      json: { name: "floor", scopes: ["warehouse:operate"] },
    });
    expectStatus(floor, 201);
    const onHold = await client(floor.body.key).v1.ops.orders[":id"].hold.$post({
      param: { id: shipped.id },
      json: { reason: "late" },
    });
    expectError(onHold, 409, "order_archived");
    const floorShip = await client(floor.body.key).v1.ops.shipments.$post({
      json: { order_id: cancelled.id, parcels: [parcel()], items: [{ sku: "ARC-1", quantity: 1 }] },
    });
    expectError(floorShip, 409, "order_archived");

    // Another tenant's key finds none of it.
    const stranger = await merchant({ "ARC-1": 0 });
    const theirs = client(stranger.key).v1;
    expect((await theirs.orders[":id"].$get({ param: { id: shipped.id } })).status).toBe(404);
    expect((await theirs.shipments[":id"].$get({ param: { id: shipment.id } })).status).toBe(404);
    expect((await theirs.returns[":id"].$get({ param: { id: rma.id } })).status).toBe(404);
  });
});

describe("an archived order's terms", () => {
  it("keeps its billing address, Incoterms, tax ids and dates, and each line's customs data", async () => {
    const body = orderBody({
      items: [
        {
          line_id: "A",
          sku: "ARC-1",
          quantity: 1,
          hs_code: "610910",
          country_of_origin: "CN",
          customs_value: { amount: "12.50", currency: "AUD" },
        },
      ],
      billing_address: {
        address1: "1 Ledger Lane",
        city: "Melbourne",
        state: "VIC",
        postcode: "3000",
        country: "AU",
      },
      incoterms: "DAP",
      tax_ids: [{ type: "ABN", value: "51 824 753 556" }],
      ship_by: "2026-07-06",
      requested_delivery_date: "2026-07-10",
    });
    const order = await ok(client(key).v1.orders.$post({ json: body }));
    await ok(client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id }, json: {} }));
    await age(tenantId, [order.id]);
    const before = await ok(getOrder(order.id));
    expect(await archive(tenantId)).toEqual({ archived: 1, more: false });
    const after = await ok(getOrder(order.id));
    expect(after.archived).toBe(true);
    expect({ ...after, archived: false }).toEqual(before);
    expect(after).toMatchObject({ incoterms: "DAP", ship_by: "2026-07-06" });
    expect(after.items[0]).toMatchObject({ line_id: "A", hs_code: "610910" });
  });
});

describe("an archived shipment's carrier scans", () => {
  it("keeps each parcel's tracking events, estimate and proof of delivery", async () => {
    const order = await created();
    const shipment = await ship(key, order.id, [{ sku: "ARC-1", quantity: 1 }]);
    const number = shipment.parcels[0]?.tracking_number ?? "";
    const at = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await ok(
      client(key).v1.ops.shipments[":id"]["tracking-events"].$post({
        param: { id: shipment.id },
        json: {
          tracking_number: number,
          events: [
            {
              id: "ARC-E1",
              occurred_at: at(30),
              status: "picked_up",
              description: "Picked up",
              location: { city: "Sydney", region: "NSW", country: "AU" },
              estimated_delivery: "2026-07-05",
            },
            {
              id: "ARC-E2",
              occurred_at: at(2),
              status: "delivered",
              description: "Delivered",
              location: { city: "Melbourne", region: "VIC", country: "AU" },
              proof_of_delivery: { signed_by: "J. Citizen" },
            },
          ],
        },
      }),
    );
    const getShipment = () => client(key).v1.shipments[":id"].$get({ param: { id: shipment.id } });
    const before = await ok(getShipment());
    expect(before.parcels[0]?.tracking_events).toHaveLength(2);
    await age(tenantId, [order.id]);
    const aged = await ok(getShipment());
    expect(await archive(tenantId)).toEqual({ archived: 1, more: false });
    const after = await ok(getShipment());
    expect(after.archived).toBe(true);
    expect({ ...after, archived: false }).toEqual(aged);
    expect(after.parcels[0]).toMatchObject({
      status: "delivered",
      estimated_delivery: "2026-07-05",
      proof_of_delivery: { signed_by: "J. Citizen" },
    });
    expect(after.parcels[0]?.tracking_events.map((e) => e.id)).toEqual(["ARC-E1", "ARC-E2"]);
  });
});

describe("an archive written before lines had ids", () => {
  it("still renders, each line with a stable id and every item and returned unit on its line", async () => {
    const shipped = await shippedOrder(2);
    await age(tenantId, [shipped.id]);
    expect(await archive(tenantId)).toEqual({ archived: 1, more: false });
    const now = await ok(getOrder(shipped.id));
    // Rewrite the object as format 1 wrote it: lines without ids, items named by SKU alone.
    const key = orderArchiveKey(tenantId, shipped.id);
    const stored = (await (await env.ARCHIVE.get(key))?.json()) as {
      format: number;
      lines: Record<string, unknown>[];
      shipments: { items: Record<string, unknown>[] }[];
    };
    stored.format = 1;
    for (const line of stored.lines) {
      delete line.id;
      delete line.lineId;
    }
    for (const s of stored.shipments) {
      for (const item of s.items) {
        delete item.orderLineId;
        delete item.lineId;
      }
    }
    await env.ARCHIVE.put(key, JSON.stringify(stored));
    const old = await ok(getOrder(shipped.id));
    const [line] = old.items;
    expect(line).toMatchObject({ line_id: null, sku: "ARC-1", shipped_quantity: 2 });
    expect(line?.id).toMatch(/^li_/);
    expect(line?.id).not.toBe(now.items[0]?.id);
    expect(old.shipments[0]?.items).toEqual([
      { order_line_id: line?.id, line_id: null, sku: "ARC-1", quantity: 2, serials: [], lots: [] },
    ]);
    // Read twice, the derived id does not move.
    expect((await ok(getOrder(shipped.id))).items[0]?.id).toBe(line?.id);
  });
});

describe("what the archive leaves in D1", () => {
  it("deletes nothing whose put failed, and takes it once R2 is back", async () => {
    const order = await shippedOrder();
    await age(tenantId, [order.id]);
    const outage = puttingWith(() => Promise.reject(new Error("injected R2 outage")));
    await expect(archive(tenantId, outage)).rejects.toThrow("archive puts failed");
    expect(await held(tenantId, order.id)).toMatchObject({
      orders: 1,
      shipments: 1,
      tombstones: 0,
    });
    expect(await env.ARCHIVE.head(orderArchiveKey(tenantId, order.id))).toBeNull();
    expect((await ok(getOrder(order.id))).archived).toBe(false);

    expect(await archive(tenantId)).toEqual({ archived: 1, more: false });
    expect(await held(tenantId, order.id)).toMatchObject({ orders: 0, tombstones: 1 });
  });

  it("keeps an order that changed between its put and its delete", async () => {
    const order = await shippedOrder();
    await age(tenantId, [order.id]);
    const [shipment] = (await ok(getOrder(order.id))).shipments;
    assert(shipment);
    // The carrier reports a delivery while the order is being put.
    const racing = puttingWith(async (bucket, ...args) => {
      await ok(
        client(key).v1.ops.shipments[":id"].status.$post({
          param: { id: shipment.id },
          json: { status: "delivered" },
        }),
      );
      return bucket.put(...args);
    });
    expect(await archive(tenantId, racing)).toEqual({ archived: 0, more: false });
    expect(await held(tenantId, order.id)).toMatchObject({
      orders: 1,
      shipments: 1,
      tombstones: 0,
    });
    const now = await ok(getOrder(order.id));
    expect(now.archived).toBe(false);
    expect(now.shipments[0]?.status).toBe("delivered");
    // Changed just now, it is inside the window again.
    expect(await archive(tenantId)).toEqual({ archived: 0, more: false });
  });

  it("leaves a frozen tenant's orders alone until its thaw", async () => {
    const order = await cancelledOrder();
    await age(tenantId, [order.id]);
    expect(await archive(tenantId, env, [tenantId])).toEqual({ archived: 0, more: false });
    expect(await held(tenantId, order.id)).toMatchObject({ orders: 1, tombstones: 0 });
    expect(await archive(tenantId)).toEqual({ archived: 1, more: false });
  });

  it("takes its window from ORDER_HOT_DAYS, and a value that is not a number of days is 90", async () => {
    const order = await cancelledOrder();
    await age(tenantId, [order.id], 60);
    for (const ORDER_HOT_DAYS of ["", "0", "ninety", "-7", "90"]) {
      expect((await archive(tenantId, { ...env, ORDER_HOT_DAYS })).archived).toBe(0);
    }
    expect(await archive(tenantId, { ...env, ORDER_HOT_DAYS: "30" })).toEqual({
      archived: 1,
      more: false,
    });
  });

  it("bounds each run, and the janitor's next unit takes the rest", async () => {
    const per = ORDERS_PER_PAGE * ORDER_PAGES_PER_RUN;
    const ids = Array.from({ length: per + 5 }, (_, i) => `ord_bound${String(i).padStart(3, "0")}`);
    const db = await dataOf(tenantId);
    // Straight into D1: cancelled long ago, one history entry each.
    await db.batch(
      ids.flatMap((id, i) => [
        db
          .prepare(
            `INSERT INTO orders (id, tenant_id, order_number, reference, warehouse_id, signature_required,
               insurance, ship_to, status, priority, version, created_at, updated_at, change_seq)
             VALUES (?1, ?2, ?1, ?1, 'wh_syd_1', 0, 0, '{"name":"A","address1":"1 St","city":"Sydney","country":"AU"}',
               'cancelled', 0, 2, strftime(${ISO}, 'now', '-200 days'), strftime(${ISO}, 'now', '-100 days'), ?3)`,
          )
          .bind(id, tenantId, 1_000_000 + i),
        db
          .prepare(
            `INSERT INTO order_history (order_id, seq, at, actor, action, changes, hash)
             VALUES (?1, 1, strftime(${ISO}, 'now', '-200 days'), 'system', 'created', '{}', 'h')`,
          )
          .bind(id),
      ]),
    );
    const left = async () =>
      (
        await rows(
          db,
          "SELECT COUNT(*) AS n FROM orders WHERE id IN (SELECT value FROM json_each(?))",
          JSON.stringify(ids),
        )
      )[0]?.n;
    expect(await archive(tenantId)).toEqual({ archived: per, more: true });
    expect(await left()).toBe(5);
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env);
    expect(await left()).toBe(0);
    const object = await env.ARCHIVE.get(orderArchiveKey(tenantId, ids.at(-1) ?? ""));
    expect(await object?.json()).toMatchObject({ format: 2, order: { id: ids.at(-1) } });
  });
});

describe("lists cover the hot window", () => {
  it("refuses an updated_since before it with beyond_retention, naming the earliest allowed", async () => {
    const before = new Date(Date.now() - 91 * DAY_MS).toISOString();
    const inside = new Date(Date.now() - 89 * DAY_MS).toISOString();
    const lists = [
      (updated_since: string) => client(key).v1.orders.$get({ query: { updated_since } }),
      (updated_since: string) => client(key).v1.shipments.$get({ query: { updated_since } }),
      (updated_since: string) => client(key).v1.returns.$get({ query: { updated_since } }),
    ];
    for (const list of lists) {
      const error = expectError(await list(before), 422, "beyond_retention", "updated_since");
      expect(error.retention_days).toBe(90);
      const earliest = Date.parse(String(error.earliest_allowed));
      expect(Math.abs(earliest - (Date.now() - 90 * DAY_MS))).toBeLessThan(60_000);
      expect(error.message).toContain("90-day hot window");
      expect((await list(inside)).status).toBe(200);
    }
    // A walk that began inside the window goes on, whatever the mark its cursor comes with.
    await created();
    await created();
    const first = await ok(
      client(key).v1.orders.$get({ query: { updated_since: inside, limit: 1 } }),
    );
    const cursor = first.pagination.next_cursor;
    assert(cursor);
    const next = await client(key).v1.orders.$get({ query: { updated_since: before, cursor } });
    expectStatus(next, 200);
  });
});

describe("an archived order's serials", () => {
  it("still render on its shipments, and the units still say where they went", async () => {
    const tenant = await merchant({ "ARC-SN": 5 });
    const api = client(tenant.key).v1;
    await ok(
      api.products[":sku"].$patch({ param: { sku: "ARC-SN" }, json: { serial_tracked: true } }),
    );
    const order = await ok(
      api.orders.$post({ json: orderBody({ items: [{ sku: "ARC-SN", quantity: 2 }] }) }),
    );
    const shipment = await ship(tenant.key, order.id, [
      { sku: "ARC-SN", quantity: 2, serials: ["ARC-SN-1", "ARC-SN-2"] },
    ]);
    await age(tenant.tenantId, [order.id]);
    expect(await archive(tenant.tenantId)).toEqual({ archived: 1, more: false });

    const archived = await ok(api.shipments[":id"].$get({ param: { id: shipment.id } }));
    expect(archived.archived).toBe(true);
    expect(archived.items[0]?.serials).toEqual(["ARC-SN-1", "ARC-SN-2"]);
    const read = await ok(api.orders[":id"].$get({ param: { id: order.id } }));
    expect(read.shipments[0]?.items[0]?.serials).toEqual(["ARC-SN-1", "ARC-SN-2"]);
    expect(
      await ok(
        api.serials[":sku"][":serial"].$get({ param: { sku: "ARC-SN", serial: "ARC-SN-2" } }),
      ),
    ).toMatchObject({ status: "shipped", shipment_id: shipment.id, order_id: order.id });
  });
});
