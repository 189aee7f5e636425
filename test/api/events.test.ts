import { assert, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Scope } from "../../src/domain/scopes";
import type { Event as EventSchema } from "../../src/events/events.routes";
import { SkuInventory } from "../../src/inventory/inventory.routes";
import { Order } from "../../src/orders/orders.schemas";
import {
  type Api,
  admin,
  client,
  expectError,
  expectStatus,
  ok,
  type QueryOf,
  raw,
} from "../support/client";
import {
  adjustStock as adjust,
  createKey,
  createTenant,
  merchant,
  orderBody,
  seedReferenceData,
} from "../support/merchant";
import { eventually, received, receiver } from "../support/receiver";
import { publishStock } from "../support/stock";

/*
 * GET /v1/events: the outbox every change writes in the same atomic batch, read back as
 * a tenant's ordered feed. Each test uses a fresh tenant so its feed starts empty.
 */

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

type Event = z.infer<typeof EventSchema>;
type EventsQuery = QueryOf<Api["v1"]["events"]["$get"]>;

/** An event's `data` read as the resource it carries (and checked to be one). */
const carried = <T extends z.ZodType>(schema: T, event: Event | undefined) =>
  schema.parse(event?.data);

/**
 * Each change here is published before the next (as its stock object's alarm does when
 * changes are a second apart), so it is told in an `inventory.updated` of its own.
 */
async function adjustStock(...args: Parameters<typeof adjust>) {
  const adjusted = await adjust(...args);
  await publishStock();
  return adjusted;
}

async function shop(...skus: string[]) {
  const tenant = await createTenant("Events");
  for (const sku of skus) {
    const res = await client(tenant.key).v1.products.$post({ json: { sku, name: sku } });
    expectStatus(res, 201);
  }
  return tenant;
}

/** The feed as it stands once every stock change has been published, as its alarm would. */
async function events(key: string, query: EventsQuery = {}) {
  await publishStock();
  const res = await client(key).v1.events.$get({ query });
  expectStatus(res, 200);
  return res.body;
}

async function inventoryOf(key: string, sku: string) {
  const res = await client(key).v1.inventory.$get({ query: { sku } });
  expectStatus(res, 200);
  const [row] = res.body.data;
  assert(row, `${sku} has an inventory row`);
  return row;
}

async function createOrder(key: string, sku: string, quantity: number) {
  const res = await client(key).v1.orders.$post({
    json: orderBody({ items: [{ sku, quantity }] }),
  });
  expectStatus(res, 201);
  await publishStock();
  return res.body;
}

async function getOrder(key: string, id: string) {
  const res = await client(key).v1.orders[":id"].$get({ param: { id } });
  expectStatus(res, 200);
  return res.body;
}

/** The events appended since `before` (a previous full read). */
async function since(key: string, before: Event[]) {
  const all = (await events(key)).data;
  expect(all.slice(0, before.length)).toEqual(before);
  return all.slice(before.length);
}

beforeAll(async () => {
  await seedReferenceData();
});

describe("GET /v1/events", () => {
  it("records every change with the full resource, in commit order", async () => {
    const { key } = await shop("EV-1");
    const empty = await events(key);
    expect(empty).toEqual({ data: [], pagination: { next_cursor: null, has_more: false } });

    // An adjustment: the adjustment itself, then the SKU's inventory as committed.
    const adj = await adjustStock(key, "EV-1", 5);
    const inv1 = await inventoryOf(key, "EV-1");
    let log = (await events(key)).data;
    expect(log.map((e) => e.event_type)).toEqual(["inventory.adjusted", "inventory.updated"]);
    expect(log[0]?.data).toEqual(adj);
    expect(log[0]?.data.id).toBe(adj.id);
    expect(log[1]?.data).toEqual(inv1);
    expect(inv1.warehouses[0]).toMatchObject({ on_hand: 5, allocated: 0, available: 5 });

    // An order: its allocation, then the order exactly as GET returns it.
    const created = await createOrder(key, "EV-1", 2);
    const order1 = await getOrder(key, created.id);
    const inv2 = await inventoryOf(key, "EV-1");
    const afterCreate = await since(key, log);
    // The allocation is published after the order that made it.
    expect(afterCreate.map((e) => e.event_type)).toEqual(["order.created", "inventory.updated"]);
    expect(afterCreate[1]?.data).toEqual(inv2);
    expect(inv2.warehouses[0]).toMatchObject({ on_hand: 5, allocated: 2, available: 3 });
    const createdEvent = afterCreate[0] as Event;
    expect(createdEvent.data).toEqual(order1);
    expect(createdEvent.data).toEqual(created);
    expect(createdEvent.data.id).toBe(created.id);
    expect(createdEvent.data.version).toBe("1");
    expect(createdEvent.data.status).toBe("received");
    expect(createdEvent.data.items).toEqual([
      expect.objectContaining({
        sku: "EV-1",
        quantity: 2,
        allocation_status: "allocated",
        allocated_quantity: 2,
      }),
    ]);
    expect(createdEvent.data.created_at).toMatch(ISO_MS);
    log = [...log, ...afterCreate];

    // A retry of the same create is a replay: no second order.created.
    const { order_number, reference } = created;
    const replay = await client(key).v1.orders.$post({
      json: orderBody({ order_number, reference, items: [{ sku: "EV-1", quantity: 2 }] }),
    });
    expectStatus(replay, 200);
    expect(await since(key, log)).toEqual([]);

    // A cancel: the release of stock, then the cancelled order.
    const cancelled = await client(key).v1.orders[":id"].cancel.$post({
      param: { id: created.id },
      json: {},
    });
    expectStatus(cancelled, 200);
    await publishStock();
    const inv3 = await inventoryOf(key, "EV-1");
    const afterCancel = await since(key, log);
    expect(afterCancel.map((e) => e.event_type)).toEqual(["order.cancelled", "inventory.updated"]);
    expect(afterCancel[1]?.data).toEqual(inv3);
    expect(inv3.warehouses[0]).toMatchObject({ on_hand: 5, allocated: 0, available: 5 });
    expect(afterCancel[0]?.data).toEqual(cancelled.body);
    expect(afterCancel[0]?.data).toEqual(await getOrder(key, created.id));
    expect(afterCancel[0]?.data).toMatchObject({
      id: created.id,
      status: "cancelled",
      version: "2",
      allocation_status: "released",
      cancelled_at: expect.stringMatching(ISO_MS),
    });
    log = [...log, ...afterCancel];

    // Cancelling again changes nothing and records nothing.
    expect(
      (await client(key).v1.orders[":id"].cancel.$post({ param: { id: created.id }, json: {} }))
        .status,
    ).toBe(200);
    expect(await since(key, log)).toEqual([]);

    // Another adjustment, down.
    const adj2 = await adjustStock(key, "EV-1", -1);
    const inv4 = await inventoryOf(key, "EV-1");
    const afterAdj = await since(key, log);
    expect(afterAdj.map((e) => e.event_type)).toEqual(["inventory.adjusted", "inventory.updated"]);
    expect(afterAdj[0]?.data).toEqual(adj2);
    expect(afterAdj[1]?.data).toEqual(inv4);
    expect(inv4.warehouses[0]).toMatchObject({ on_hand: 4, allocated: 0, available: 4 });
    log = [...log, ...afterAdj];

    // Every event well-formed, ids unique, timestamps in commit order.
    for (const e of log) {
      expect(e).toEqual({
        event_id: expect.stringMatching(/^evt_[A-Za-z0-9]{22}$/),
        event_type: expect.any(String),
        created_at: expect.stringMatching(ISO_MS),
        data: expect.any(Object),
      });
    }
    expect(new Set(log.map((e) => e.event_id)).size).toBe(log.length);
    const times = log.map((e) => e.created_at);
    expect(times).toEqual([...times].sort());
  });

  it("lists each event exactly as its webhook body, so one handler serves both", async () => {
    const { key } = await shop("SAME-1");
    const name = `same-shape-${crypto.randomUUID()}`;
    const hook = await client(key).v1.webhooks.$post({
      json: { url: `${receiver}/ok/${name}`, events: ["inventory.adjusted"] },
    });
    expectStatus(hook, 201);
    await adjustStock(key, "SAME-1", 3);
    const [listed] = await since(key, []);
    assert(listed?.event_type === "inventory.adjusted");
    const [delivered] = await eventually(
      () => received(name),
      (l) => l.length === 1,
      "delivery",
    );
    expect(JSON.parse(delivered?.body ?? "")).toEqual(listed);
    expect(Object.keys(listed)).toEqual(["event_id", "event_type", "created_at", "data"]);
  });

  it("records backorders, fills and amends", async () => {
    const { key } = await shop("BO-1");
    await adjustStock(key, "BO-1", 1);
    let log = (await events(key)).data;

    const order = await createOrder(key, "BO-1", 3);
    expect(order.status).toBe("backordered");
    const afterCreate = await since(key, log);
    expect(afterCreate.map((e) => e.event_type)).toEqual([
      "order.created",
      "order.backordered",
      "inventory.updated",
    ]);
    expect(carried(SkuInventory, afterCreate[2]).warehouses[0]).toMatchObject({
      on_hand: 1,
      allocated: 0,
      backordered: 3,
    });
    expect(afterCreate[0]?.data).toEqual(order);
    expect(afterCreate[1]?.data).toEqual(order);
    expect(carried(Order, afterCreate[1]).items[0]).toMatchObject({
      allocation_status: "backordered",
      allocated_quantity: 0,
    });
    log = [...log, ...afterCreate];

    // Stock arrives: the line is filled and the order moves on.
    const adj = await adjustStock(key, "BO-1", 2);
    const filled = await getOrder(key, order.id);
    expect(filled).toMatchObject({ status: "received", version: "2" });
    const afterFill = await since(key, log);
    // The fill's commit tells the order, which records its change before the stock is
    // published: one inventory.updated for the arrival and the allocation it made.
    expect(afterFill.map((e) => e.event_type)).toEqual([
      "inventory.adjusted",
      "order.updated",
      "inventory.updated",
    ]);
    expect(afterFill[0]?.data).toEqual(adj);
    expect(afterFill[2]?.data).toEqual(await inventoryOf(key, "BO-1"));
    expect(carried(SkuInventory, afterFill[2]).warehouses[0]).toMatchObject({
      on_hand: 3,
      allocated: 3,
      available: 0,
      backordered: 0,
    });
    expect(afterFill[1]?.data).toEqual(filled);
    log = [...log, ...afterFill];

    // An amend that touches no stock is one order.updated.
    const amended = await client(key).v1.orders[":id"].$patch({
      param: { id: order.id },
      json: { packing_note: "Fragile" },
    });
    expectStatus(amended, 200);
    const afterAmend = await since(key, log);
    expect(afterAmend.map((e) => e.event_type)).toEqual(["order.updated"]);
    expect(afterAmend[0]?.data).toEqual(amended.body);
    expect(afterAmend[0]?.data).toMatchObject({ packing_note: "Fragile", version: "3" });
  });

  it("records nothing for a refused change", async () => {
    const { key } = await shop("NO-1");
    await adjustStock(key, "NO-1", 1);
    const before = (await events(key)).data;
    expectError(
      await client(key).v1.ops["inventory-adjustments"].$post({
        json: { sku: "NO-1", warehouse_id: "wh_syd_1", quantity_delta: -2, reason: "lost" },
      }),
      409,
      "insufficient_stock",
    );
    expectError(
      await client(key).v1.ops["inventory-adjustments"].$post({
        json: { sku: "NOT-MINE", warehouse_id: "wh_syd_1", quantity_delta: 2, reason: "found" },
      }),
      422,
      "unknown_sku",
    );
    const bad = await client(key).v1.orders.$post({
      json: orderBody({ items: [{ sku: "NOT-MINE", quantity: 1 }] }),
    });
    expect(bad.status).toBe(422);
    expect((await events(key)).data).toEqual(before);
  });

  it("filters by type and rejects unknown types", async () => {
    const { key } = await shop("TYPE-1");
    await adjustStock(key, "TYPE-1", 3);
    const order = await createOrder(key, "TYPE-1", 1);
    await client(key).v1.orders[":id"].cancel.$post({ param: { id: order.id }, json: {} });
    await publishStock();
    await adjustStock(key, "TYPE-1", -1);
    const all = (await events(key)).data;
    expect(all).toHaveLength(8);

    const types = [
      "order.created",
      "order.updated",
      "order.cancelled",
      "order.backordered",
      "inventory.updated",
      "inventory.adjusted",
    ] as const;
    for (const type of types) {
      const page = await events(key, { type });
      expect(page.data).toEqual(all.filter((e) => e.event_type === type));
    }
    expect((await events(key, { type: "inventory.updated" })).data).toHaveLength(4);
    expect((await events(key, { type: "order.updated" })).data).toEqual([]);

    for (const type of ["order.nope", "ORDER.CREATED", "order", ""]) {
      expectError(
        await raw("GET", `/v1/events?type=${type}`, { key }),
        400,
        "invalid_parameter",
        "type",
      );
    }
  });

  it("pages with a cursor: every event once, has_more and next_cursor agree", async () => {
    const { key } = await shop("PAGE-1");
    for (let i = 1; i <= 4; i++) await adjustStock(key, "PAGE-1", i); // 8 events
    await adjustStock(key, "PAGE-1", -1); // 10 events
    const all = (await events(key)).data;
    expect(all).toHaveLength(10);

    const walk = async (query: EventsQuery, limit: number) => {
      const seen: Event[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 30; pages++) {
        const page = await events(key, { ...query, limit, cursor: cursor ?? undefined });
        expect(page.data.length).toBeLessThanOrEqual(limit);
        seen.push(...page.data);
        if (!page.pagination.has_more) {
          expect(page.pagination.next_cursor).toBeNull();
          return seen;
        }
        expect(page.data).toHaveLength(limit);
        cursor = page.pagination.next_cursor;
        expect(cursor).toEqual(expect.any(String));
      }
      throw new Error("walk did not end");
    };
    for (const limit of [1, 2, 3, 10]) expect(await walk({}, limit)).toEqual(all);
    expect(await walk({ type: "inventory.adjusted" }, 2)).toEqual(
      all.filter((e) => e.event_type === "inventory.adjusted"),
    );

    // A cursor kept from earlier resumes after it, including events written since.
    const first = await events(key, { limit: 2 });
    expect(first.data).toEqual(all.slice(0, 2));
    const adj = await adjustStock(key, "PAGE-1", 1);
    const resumed = await events(key, { cursor: first.pagination.next_cursor ?? undefined });
    expect(resumed.data.slice(0, 8)).toEqual(all.slice(2));
    expect(resumed.data.slice(8).map((e) => e.event_type)).toEqual([
      "inventory.adjusted",
      "inventory.updated",
    ]);
    expect(resumed.data[8]?.data).toEqual(adj);

    const feedCursor = btoa(JSON.stringify({ u: "2026-01-01T00:00:00.000Z", s: 1, h: 1 }));
    for (const cursor of ["garbage", "!!!", feedCursor.replace(/=+$/, "")]) {
      expectError(
        await client(key).v1.events.$get({ query: { cursor } }),
        400,
        "invalid_cursor",
        "cursor",
      );
    }
    for (const limit of ["0", "201", "x"]) {
      expectError(
        await client(key).v1.events.$get({ query: { limit } }),
        400,
        "invalid_parameter",
        "limit",
      );
    }
  });

  it("lists newest first with order=desc, pages that way, and keeps a cursor to its own direction", async () => {
    const { key } = await shop("DESC-1");
    for (let i = 1; i <= 3; i++) await adjustStock(key, "DESC-1", i); // 6 events
    const all = (await events(key)).data;
    expect(all).toHaveLength(6);
    const newest = [...all].reverse();
    // The default stays the poller's: commit order.
    expect((await events(key, { order: "asc" })).data).toEqual(all);

    const first = await events(key, { order: "desc", limit: 4 });
    expect(first.data).toEqual(newest.slice(0, 4));
    const cursor = first.pagination.next_cursor ?? "";
    // What is written during a newest-first walk is above where it began: the walk goes on down.
    await adjustStock(key, "DESC-1", 1);
    const second = await events(key, { order: "desc", limit: 4, cursor });
    expect(second.data).toEqual(newest.slice(4));
    expect(second.pagination).toEqual({ next_cursor: null, has_more: false });
    expect((await events(key, { order: "desc", limit: 1 })).data[0]?.event_type).toBe(
      "inventory.updated",
    );

    // Walking down from the newest, `after` stays the floor on every page.
    const after = all[1]?.event_id;
    const page = await events(key, { order: "desc", after, limit: 3 });
    const rest = await events(key, {
      order: "desc",
      after,
      limit: 3,
      cursor: page.pagination.next_cursor ?? undefined,
    });
    expect([...page.data, ...rest.data].slice(-4)).toEqual(newest.slice(0, 4));
    expect(rest.data.at(-1)).toEqual(all[2]);
    expect(rest.pagination.has_more).toBe(false);

    // Walked the other way, either cursor would skip or repeat events: each is refused.
    const ascending = (await events(key, { limit: 1 })).pagination.next_cursor ?? "";
    for (const query of [{ cursor }, { cursor: ascending, order: "desc" as const }]) {
      expectError(await client(key).v1.events.$get({ query }), 400, "invalid_cursor", "cursor");
    }
    expectError(
      await raw("GET", "/v1/events?order=newest", { key }),
      400,
      "invalid_parameter",
      "order",
    );
  });

  it("never shows one tenant's events to another", async () => {
    const a = await shop("SHARED-1");
    const b = await shop("SHARED-1");
    await adjustStock(a.key, "SHARED-1", 2);
    const order = await createOrder(a.key, "SHARED-1", 1);
    const aEvents = (await events(a.key)).data;
    expect(aEvents).toHaveLength(4);

    expect((await events(b.key)).data).toEqual([]);
    expect((await events(b.key, { type: "order.created" })).data).toEqual([]);
    // A's cursor, presented by B, names nothing in B's feed: refused, and nothing of A's shows.
    const page = await events(a.key, { limit: 1 });
    const foreign = await client(b.key).v1.events.$get({
      query: { cursor: page.pagination.next_cursor ?? undefined },
    });
    expectError(foreign, 400, "invalid_cursor", "cursor");
    expect(JSON.stringify(foreign.body)).not.toContain(aEvents[0]?.event_id);

    const bAdj = await adjustStock(b.key, "SHARED-1", 7);
    const bEvents = (await events(b.key)).data;
    expect(bEvents.map((e) => e.event_type)).toEqual(["inventory.adjusted", "inventory.updated"]);
    expect(bEvents[0]?.data).toEqual(bAdj);
    // B's inventory.updated shows B's stock only, not A's row of the same SKU.
    expect(bEvents[1]?.data.warehouses).toEqual([
      {
        warehouse_id: "wh_syd_1",
        on_hand: 7,
        available: 7,
        allocated: 0,
        incoming: 0,
        backordered: 0,
        quarantine: 0,
        damaged: 0,
        expired: 0,
      },
    ]);
    const bIds = new Set(bEvents.map((e) => e.event_id));
    expect(aEvents.some((e) => bIds.has(e.event_id))).toBe(false);
    expect(JSON.stringify(bEvents)).not.toContain(order.id);
    expect((await events(a.key)).data).toEqual(aEvents);
  });

  it("needs the events:read scope and a tenant key", async () => {
    const { tenantId, key } = await shop("SC-1");
    await adjustStock(key, "SC-1", 1);

    const noEvents = (await createKey(tenantId, { scopes: ["orders:read", "inventory:read"] })).key;
    const err = expectError(await client(noEvents).v1.events.$get(), 403, "insufficient_scope");
    expect(err.required_scope).toBe("events:read");

    const reader = (await createKey(tenantId, { scopes: ["events:read", "inventory:read"] })).key;
    expect((await events(reader)).data).toEqual((await events(key)).data);
    expect((await events(reader)).data).toHaveLength(2);

    const platform = await admin["api-keys"].$post({ json: { scopes: ["events:read"] } });
    expectStatus(platform, 201);
    expectError(await client(platform.body.key).v1.events.$get(), 403, "tenant_key_required");
    expectError(await client().v1.events.$get(), 401, "missing_api_key");
  });
});

describe("read scopes", () => {
  it("returns only the event types the key may read", async () => {
    const { tenantId, key } = await shop("RS-1");
    await adjustStock(key, "RS-1", 5);
    const order = await createOrder(key, "RS-1", 2);
    const hook = await ok(
      client(key).v1.webhooks.$post({
        json: { url: `${receiver}/ok/feed-scopes`, events: ["order.created"] },
      }),
    );
    expect(
      (await client(key).v1.webhooks[":id"].test.$post({ param: { id: hook.id } })).status,
    ).toBe(202);
    const all = (await events(key)).data;
    expect(new Set(all.map((e) => e.event_type))).toEqual(
      new Set(["inventory.adjusted", "inventory.updated", "order.created", "webhook.test"]),
    );
    const keyWith = async (...scopes: Scope[]) =>
      (await createKey(tenantId, { scopes: ["events:read", ...scopes] })).key;
    const seenBy = async (k: string, query: EventsQuery = {}) => (await events(k, query)).data;

    expect(await seenBy(await keyWith())).toEqual([]);
    const orders = await keyWith("orders:read");
    expect(await seenBy(orders)).toEqual(all.filter((e) => e.event_type === "order.created"));
    expect((await seenBy(orders))[0]?.data.id).toBe(order.id);
    const stock = await keyWith("inventory:read");
    expect(await seenBy(stock)).toEqual(all.filter((e) => e.event_type.startsWith("inventory.")));
    expect(await seenBy(await keyWith("webhooks:manage"))).toEqual(
      all.filter((e) => e.event_type === "webhook.test"),
    );
    expect(await seenBy(await keyWith("orders:read", "inventory:read", "webhooks:manage"))).toEqual(
      all,
    );

    // Paging walks the readable events only.
    const page = await events(stock, { limit: 1 });
    expect(page.data).toEqual(all.filter((e) => e.event_type.startsWith("inventory.")).slice(0, 1));
    const next = await events(stock, { cursor: page.pagination.next_cursor ?? undefined });
    expect(next.data).toEqual(all.filter((e) => e.event_type.startsWith("inventory.")).slice(1));

    const err = expectError(
      await client(orders).v1.events.$get({ query: { type: "inventory.updated" } }),
      403,
      "insufficient_scope",
    );
    expect(err).toMatchObject({
      event_type: "inventory.updated",
      required_scope: "inventory:read",
    });
    expect(err.message).toContain("inventory.updated");
    expect(await seenBy(orders, { type: "order.created" })).toHaveLength(1);
  });
});

describe("resuming the feed", () => {
  it("continues after the last event id processed, and 400s an id that is not yours", async () => {
    const { key } = await merchant({ "RESUME-1": 1 });
    const first = await ok(client(key).v1.events.$get({ query: { limit: "200" } }));
    expect(first.pagination.next_cursor).toBeNull();
    const last = first.data.at(-1)?.event_id;
    expect((await ok(client(key).v1.events.$get({ query: { after: last } }))).data).toEqual([]);
    await adjustStock(key, "RESUME-1", 3);
    const next = (await ok(client(key).v1.events.$get({ query: { after: last } }))).data;
    expect(next.map((e) => e.event_type).sort()).toEqual([
      "inventory.adjusted",
      "inventory.updated",
    ]);
    const other = await createTenant("Stranger");
    expectError(
      await client(other.key).v1.events.$get({ query: { after: last } }),
      400,
      "invalid_parameter",
      "after",
    );
  });
});
