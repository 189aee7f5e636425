import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { CreateAdjustment } from "../../src/inventory/inventory.routes";
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
  adjustStock as adjustUnpublished,
  createKey,
  createTenant,
  merchant,
  orderBody,
  seedReferenceData,
  stockOf,
} from "../support/merchant";
import { publishStock } from "../support/stock";

/*
 * Stock on hand through the partner API: adjustments with reasons (the only way stock
 * moves here besides orders), the per-SKU inventory feed and the adjustments feed.
 * Each test uses its own tenant or its own SKUs, because storage is shared in this file.
 */

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const ADJUST = "/v1/ops/inventory-adjustments";

/**
 * An adjustment, published before the next change (as its stock object's alarm does when
 * changes are a second apart): the SKU's place in the feed is then this change's.
 */
async function adjustStock(...args: Parameters<typeof adjustUnpublished>) {
  const adjusted = await adjustUnpublished(...args);
  await publishStock();
  return adjusted;
}

/** A tenant with these SKUs in its catalog and no stock anywhere. */
async function catalog(...skus: string[]) {
  const tenant = await createTenant("Inventory");
  for (const sku of skus) {
    const res = await client(tenant.key).v1.products.$post({ json: { sku, name: sku } });
    expectStatus(res, 201);
  }
  return tenant;
}

const adjust = (key: string, json: z.input<typeof CreateAdjustment>) =>
  client(key).v1.ops["inventory-adjustments"].$post({ json });

/** A body the schema refuses, sent as it is. */
const adjustRaw = (key: string, json: unknown) => raw("POST", ADJUST, { key, json });

const row = (warehouse_id: string, on_hand: number, allocated = 0, backordered = 0) => ({
  warehouse_id,
  on_hand,
  available: Math.max(on_hand - allocated, 0),
  allocated,
  incoming: 0,
  backordered,
  quarantine: 0,
  damaged: 0,
  expired: 0,
});

async function listInventory(key: string, query: QueryOf<Api["v1"]["inventory"]["$get"]> = {}) {
  const res = await client(key).v1.inventory.$get({ query });
  expectStatus(res, 200);
  return res.body;
}

async function listAdjustments(
  key: string,
  query: QueryOf<Api["v1"]["inventory-adjustments"]["$get"]> = {},
) {
  const res = await client(key).v1["inventory-adjustments"].$get({ query });
  expectStatus(res, 200);
  return res.body;
}

interface Page<T> {
  data: T[];
  pagination: { next_cursor: string | null; has_more: boolean };
}

/** Follows next_cursor to the end, checking each page's has_more/next_cursor agree. */
async function walk<T>(
  list: (query: { limit: number; cursor?: string }) => Promise<Page<T>>,
  limit: number,
) {
  const seen: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await list(cursor === undefined ? { limit } : { limit, cursor });
    expect(page.data.length).toBeLessThanOrEqual(limit);
    seen.push(...page.data);
    if (page.pagination.has_more) {
      expect(page.data).toHaveLength(limit);
      expect(page.pagination.next_cursor).toEqual(expect.any(String));
      cursor = page.pagination.next_cursor ?? undefined;
    } else {
      expect(page.pagination.next_cursor).toBeNull();
      return seen;
    }
  }
  throw new Error("walk did not end");
}

beforeAll(async () => {
  await seedReferenceData();
});

describe("inventory adjustments", () => {
  it("moves on_hand up and down with every reason, and inventory follows each one", async () => {
    const { key } = await catalog("ADJ-1");
    expect(await stockOf(key, "ADJ-1")).toBeUndefined();
    expect((await listInventory(key, { sku: "ADJ-1" })).data).toEqual([]);

    const steps = [
      { quantity_delta: 10, reason: "found" as const, on_hand: 10 },
      { quantity_delta: -2, reason: "damaged" as const, on_hand: 8 },
      { quantity_delta: 5, reason: "cycle_count" as const, on_hand: 13 },
      { quantity_delta: -3, reason: "lost" as const, on_hand: 10 },
      { quantity_delta: -1, reason: "expired" as const, on_hand: 9 },
      { quantity_delta: -4, reason: "cycle_count" as const, on_hand: 5, note: "Recount of bay B3" },
    ];
    const made = [];
    for (const { on_hand, ...step } of steps) {
      const res = await adjust(key, { sku: "ADJ-1", warehouse_id: "wh_syd_1", ...step });
      expectStatus(res, 201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^adj_[A-Za-z0-9]{22}$/),
        sku: "ADJ-1",
        warehouse_id: "wh_syd_1",
        quantity_delta: step.quantity_delta,
        reason: step.reason,
        lot: null,
        expires_on: null,
        note: step.note ?? null,
        adjusted_at: expect.stringMatching(ISO_MS),
      });
      made.push(res.body);
      expect(await stockOf(key, "ADJ-1")).toEqual(row("wh_syd_1", on_hand));
    }
    expect(new Set(made.map((a) => a.id)).size).toBe(made.length);

    // Once published, the SKU's place in the feed is no earlier than its last change.
    await publishStock();
    const inventory = await listInventory(key);
    expect(inventory.data).toEqual([
      {
        sku: "ADJ-1",
        updated_at: expect.stringMatching(ISO_MS),
        version: expect.stringMatching(/^\d+$/),
        warehouses: [row("wh_syd_1", 5)],
      },
    ]);
    expect(inventory.pagination).toEqual({ next_cursor: null, has_more: false });
    expect((inventory.data[0]?.updated_at ?? "") >= (made.at(-1)?.adjusted_at ?? "")).toBe(true);

    const feed = await listAdjustments(key);
    expect(feed.data).toEqual(made);
    expect(feed.pagination).toEqual({ next_cursor: null, has_more: false });
  });

  it("409s insufficient_stock below zero and changes nothing", async () => {
    const { key } = await catalog("SHORT-1", "NEVER-1");
    await adjustStock(key, "SHORT-1", 5);
    const before = await listInventory(key, { sku: "SHORT-1" });
    const feedBefore = await listAdjustments(key);
    expect(feedBefore.data).toHaveLength(1);

    const err = expectError(
      await adjust(key, {
        sku: "SHORT-1",
        warehouse_id: "wh_syd_1",
        quantity_delta: -6,
        reason: "lost",
      }),
      409,
      "insufficient_stock",
      "quantity_delta",
    );
    expect(err.on_hand).toBe(5);
    expect(await listInventory(key, { sku: "SHORT-1" })).toEqual(before);
    expect(await listAdjustments(key)).toEqual(feedBefore);

    // Exactly down to zero is allowed; one more is not.
    await adjustStock(key, "SHORT-1", -5);
    expect(await stockOf(key, "SHORT-1")).toEqual(row("wh_syd_1", 0));
    const zero = expectError(
      await adjust(key, {
        sku: "SHORT-1",
        warehouse_id: "wh_syd_1",
        quantity_delta: -1,
        reason: "damaged",
      }),
      409,
      "insufficient_stock",
      "quantity_delta",
    );
    expect(zero.on_hand).toBe(0);
    expect(await stockOf(key, "SHORT-1")).toEqual(row("wh_syd_1", 0));

    // A SKU with no stock row at all: refused, and no row appears.
    const never = expectError(
      await adjust(key, {
        sku: "NEVER-1",
        warehouse_id: "wh_syd_1",
        quantity_delta: -1,
        reason: "lost",
      }),
      409,
      "insufficient_stock",
      "quantity_delta",
    );
    expect(never.on_hand).toBe(0);
    expect((await listInventory(key, { sku: "NEVER-1" })).data).toEqual([]);
    expect((await listAdjustments(key)).data).toHaveLength(2);
  });

  it("422s name the offending field and record nothing", async () => {
    const { key } = await catalog("VAL-1");
    const base = {
      sku: "VAL-1",
      warehouse_id: "wh_syd_1",
      quantity_delta: 1,
      reason: "found" as const,
    };
    expectError(
      await adjust(key, { ...base, warehouse_id: "wh_nowhere_9" }),
      422,
      "invalid_warehouse",
      "warehouse_id",
    );
    expectError(await adjust(key, { ...base, sku: "NOT-IN-CATALOG" }), 422, "unknown_sku", "sku");
    expectError(
      await adjust(key, { ...base, sku: "bad\u0007sku" }),
      422,
      "validation_error",
      "sku",
    );
    expectError(
      await adjustRaw(key, { ...base, reason: "stolen" }),
      422,
      "validation_error",
      "reason",
    );
    expectError(
      await adjustRaw(key, { ...base, reason: undefined }),
      422,
      "validation_error",
      "reason",
    );
    for (const quantity_delta of [0, 1.5, "3", null, 1_000_001, -1_000_001, undefined]) {
      expectError(
        await adjustRaw(key, { ...base, quantity_delta }),
        422,
        "validation_error",
        "quantity_delta",
      );
    }
    expectError(
      await adjust(key, { ...base, note: "x".repeat(1001) }),
      422,
      "validation_error",
      "note",
    );
    expectError(await adjustRaw(key, { ...base, extra: true }), 422, "validation_error", "extra");
    expectError(await raw("POST", ADJUST, { key }), 422, "validation_error");

    expect((await listInventory(key)).data).toEqual([]);
    expect((await listAdjustments(key)).data).toEqual([]);
    // The same body with the fields fixed goes through.
    expect((await adjust(key, base)).status).toBe(201);
  });

  it("a platform key must name the tenant; a tenant key's tenant_id is ignored", async () => {
    const a = await catalog("PLAT-1");
    const b = await catalog("PLAT-1");
    const platform = await admin["api-keys"].$post({ json: {} });
    expectStatus(platform, 201);
    const pkey = platform.body.key;
    const base = {
      sku: "PLAT-1",
      warehouse_id: "wh_syd_1",
      quantity_delta: 4,
      reason: "found" as const,
    };

    expectError(await adjust(pkey, base), 422, "validation_error", "tenant_id");
    expect(await stockOf(a.key, "PLAT-1")).toBeUndefined();

    const made = await adjust(pkey, { ...base, tenant_id: a.tenantId });
    expectStatus(made, 201);
    expect(made.body).toMatchObject({ sku: "PLAT-1", quantity_delta: 4, reason: "found" });
    expect(made.body).not.toHaveProperty("tenant_id");
    expect(await stockOf(a.key, "PLAT-1")).toEqual(row("wh_syd_1", 4));
    expect(await stockOf(b.key, "PLAT-1")).toBeUndefined();
    expect((await listAdjustments(a.key)).data).toEqual([made.body]);

    // Naming a tenant that lacks the SKU, or no tenant at all.
    const { tenantId: emptyTenant } = await createTenant("No catalog");
    expectError(await adjust(pkey, { ...base, tenant_id: emptyTenant }), 422, "unknown_sku", "sku");
    expectError(
      await adjust(pkey, { ...base, tenant_id: "ten_nope" }),
      422,
      "unknown_tenant",
      "tenant_id",
    );

    // The platform key still cannot read a tenant's inventory.
    expect((await client(pkey).v1.inventory.$get()).status).toBe(403);

    // A tenant key acts for its own tenant whatever tenant_id says.
    const own = await adjust(b.key, { ...base, quantity_delta: 2, tenant_id: a.tenantId });
    expectStatus(own, 201);
    expect(await stockOf(b.key, "PLAT-1")).toEqual(row("wh_syd_1", 2));
    expect(await stockOf(a.key, "PLAT-1")).toEqual(row("wh_syd_1", 4));
  });

  it("stock that arrives fills a waiting order line whole; available never goes below 0", async () => {
    const { key } = await merchant({ "FILL-1": 0 });
    const order = await client(key).v1.orders.$post({
      json: orderBody({ items: [{ sku: "FILL-1", quantity: 2 }] }),
    });
    expectStatus(order, 201);
    expect(order.body.status).toBe("backordered");
    expect(await stockOf(key, "FILL-1")).toEqual(row("wh_syd_1", 0, 0, 2));

    await adjustStock(key, "FILL-1", 1);
    expect(await stockOf(key, "FILL-1")).toEqual(row("wh_syd_1", 1, 0, 2));
    await adjustStock(key, "FILL-1", 2);
    expect(await stockOf(key, "FILL-1")).toEqual(row("wh_syd_1", 3, 2, 0));
    expect(
      (await ok(client(key).v1.orders[":id"].$get({ param: { id: order.body.id } }))).status,
    ).toBe("received");

    // The shelf is the truth: a loss of promised units is recorded, and the order that is
    // not yet being picked goes back to waiting for them.
    await adjustStock(key, "FILL-1", -2);
    expect(await stockOf(key, "FILL-1")).toEqual(row("wh_syd_1", 1, 0, 2));
    const waiting = await ok(client(key).v1.orders[":id"].$get({ param: { id: order.body.id } }));
    expect(waiting).toMatchObject({ status: "backordered", version: "3" });
    await adjustStock(key, "FILL-1", 1);
    expect(await stockOf(key, "FILL-1")).toEqual(row("wh_syd_1", 2, 2, 0));

    // Units already being picked cannot be taken back: the count is refused, naming them.
    await client(key).v1.ops.orders[":id"]["start-picking"].$post({ param: { id: order.body.id } });
    const refused = await client(key).v1.ops["inventory-adjustments"].$post({
      json: { sku: "FILL-1", warehouse_id: "wh_syd_1", quantity_delta: -1, reason: "damaged" },
    });
    const error = expectError(refused, 409, "stock_in_picking", "quantity_delta");
    expect([error.on_hand, error.allocated]).toEqual([2, 2]);
    expect(error.message).toContain(order.body.id);
    expect(await stockOf(key, "FILL-1")).toEqual(row("wh_syd_1", 2, 2, 0));
  });

  it("applies concurrent adjustments one at a time: never below zero, nothing lost", async () => {
    const { key } = await catalog("RACE-1", "RACE-2", "RACE-3", "RACE-4");
    await adjustStock(key, "RACE-1", 5);
    const body = {
      sku: "RACE-1",
      warehouse_id: "wh_syd_1",
      quantity_delta: -1,
      reason: "lost" as const,
    };
    const takes = await Promise.all(Array.from({ length: 8 }, () => adjust(key, body)));
    expect(takes.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 409, 409, 409]);
    for (const r of takes.filter((t) => t.status === 409)) {
      expectError(r, 409, "insufficient_stock", "quantity_delta");
    }
    expect(await stockOf(key, "RACE-1")).toEqual(row("wh_syd_1", 0));
    const feed = (await listAdjustments(key, { sku: "RACE-1" })).data;
    expect(feed).toHaveLength(6);

    // Different rows at once (separate stock objects) all land in the feeds, once each.
    const others = ["RACE-2", "RACE-3", "RACE-4"].flatMap((sku) =>
      ["wh_syd_1", "wh_mel_1"].map((warehouse_id) => ({ sku, warehouse_id })),
    );
    const made = await Promise.all(
      others.map((o) => adjust(key, { ...o, quantity_delta: 3, reason: "found" as const })),
    );
    expect(made.map((r) => r.status)).toEqual(others.map(() => 201));
    const inventory = await walk((q) => listInventory(key, q), 1);
    expect(inventory.map((e) => e.sku).sort()).toEqual(["RACE-1", "RACE-2", "RACE-3", "RACE-4"]);
    for (const e of inventory.filter((i) => i.sku !== "RACE-1")) {
      expect(e.warehouses).toEqual([row("wh_mel_1", 3), row("wh_syd_1", 3)]);
    }
    const adjustments = await walk((q) => listAdjustments(key, q), 4);
    expect(adjustments).toHaveLength(12);
    expect(new Set(adjustments.map((a) => a.id)).size).toBe(12);
    const madeIds = made.map((r) => {
      expectStatus(r, 201);
      return r.body.id;
    });
    expect(adjustments.map((a) => a.id)).toEqual(expect.arrayContaining(madeIds));
  });
});

describe("GET /v1/inventory and /v1/inventory-adjustments", () => {
  it("shows one entry per SKU with every warehouse, filterable by warehouse_id and sku", async () => {
    const { key } = await catalog("TWO-1", "SYD-ONLY", "MEL-ONLY");
    const syd = await adjustStock(key, "TWO-1", 7, "wh_syd_1");
    const mel = await adjustStock(key, "TWO-1", 3, "wh_mel_1");
    const sydOnly = await adjustStock(key, "SYD-ONLY", 1, "wh_syd_1");
    const melOnly = await adjustStock(key, "MEL-ONLY", 2, "wh_mel_1");

    const all = await listInventory(key);
    expect(all.data.map((e) => e.sku)).toEqual(["TWO-1", "SYD-ONLY", "MEL-ONLY"]);
    expect(all.data[0]?.warehouses).toEqual([row("wh_mel_1", 3), row("wh_syd_1", 7)]);
    expect(all.data[1]?.warehouses).toEqual([row("wh_syd_1", 1)]);
    expect(all.data[2]?.warehouses).toEqual([row("wh_mel_1", 2)]);

    const bySku = await listInventory(key, { sku: "TWO-1" });
    expect(bySku.data).toEqual([all.data[0]]);
    expect(await stockOf(key, "TWO-1", "wh_mel_1")).toEqual(row("wh_mel_1", 3));

    const inMel = await listInventory(key, { warehouse_id: "wh_mel_1" });
    expect(inMel.data).toEqual([
      { ...all.data[0], warehouses: [row("wh_mel_1", 3)] },
      { ...all.data[2], warehouses: [row("wh_mel_1", 2)] },
    ]);
    const inSyd = await listInventory(key, { warehouse_id: "wh_syd_1" });
    expect(inSyd.data.map((e) => [e.sku, e.warehouses])).toEqual([
      ["TWO-1", [row("wh_syd_1", 7)]],
      ["SYD-ONLY", [row("wh_syd_1", 1)]],
    ]);
    const both = await listInventory(key, { warehouse_id: "wh_mel_1", sku: "SYD-ONLY" });
    expect(both.data).toEqual([]);
    expect((await listInventory(key, { warehouse_id: "wh_nowhere" })).data).toEqual([]);
    expect((await listInventory(key, { sku: "NOPE-1" })).data).toEqual([]);

    const adjustments = await listAdjustments(key);
    expect(adjustments.data).toEqual([syd, mel, sydOnly, melOnly]);
    expect((await listAdjustments(key, { warehouse_id: "wh_mel_1" })).data).toEqual([mel, melOnly]);
    expect((await listAdjustments(key, { sku: "TWO-1" })).data).toEqual([syd, mel]);
    expect((await listAdjustments(key, { sku: "TWO-1", warehouse_id: "wh_syd_1" })).data).toEqual([
      syd,
    ]);

    // Any warehouse changing moves the SKU to the end of the feed.
    await adjustStock(key, "TWO-1", 1, "wh_mel_1");
    const after = await listInventory(key);
    expect(after.data.map((e) => e.sku)).toEqual(["SYD-ONLY", "MEL-ONLY", "TWO-1"]);
    expect(after.data[2]?.warehouses).toEqual([row("wh_mel_1", 4), row("wh_syd_1", 7)]);
    expect((after.data[2]?.updated_at ?? "") > (all.data[0]?.updated_at ?? "")).toBe(true);

    for (const path of ["/v1/inventory", "/v1/inventory-adjustments"]) {
      expectError(
        await raw("GET", `${path}?sku=bad%07sku`, { key }),
        400,
        "invalid_parameter",
        "sku",
      );
      expectError(await raw("GET", `${path}?limit=0`, { key }), 400, "invalid_parameter", "limit");
      expectError(
        await raw("GET", `${path}?limit=201`, { key }),
        400,
        "invalid_parameter",
        "limit",
      );
      expectError(
        await raw("GET", `${path}?updated_since=yesterday`, { key }),
        400,
        "invalid_parameter",
        "updated_since",
      );
    }
  });

  it("updated_since is inclusive on the inventory feed", async () => {
    const { key } = await catalog("SINCE-1", "SINCE-2", "SINCE-3");
    for (const sku of ["SINCE-1", "SINCE-2", "SINCE-3"]) await adjustStock(key, sku, 1);
    const all = (await listInventory(key)).data;
    expect(all.map((e) => e.sku)).toEqual(["SINCE-1", "SINCE-2", "SINCE-3"]);
    const since = all[1]?.updated_at as string;

    const newer = (await listInventory(key, { updated_since: since })).data;
    // SINCE-2 itself is returned: the bound is inclusive.
    expect(newer.map((e) => e.sku)).toEqual(
      all.filter((e) => e.updated_at >= since).map((e) => e.sku),
    );
    expect(newer.map((e) => e.sku)).toEqual(expect.arrayContaining(["SINCE-2", "SINCE-3"]));
    expect(newer.every((e) => e.updated_at >= since)).toBe(true);

    // The same instant written with an offset means the same bound.
    const t = new Date(since);
    const shifted = new Date(t.getTime() + 10 * 3600_000).toISOString().replace("Z", "+10:00");
    expect((await listInventory(key, { updated_since: shifted })).data).toEqual(newer);

    // Changing SINCE-1 brings it back, at the end.
    await adjustStock(key, "SINCE-1", 1);
    const polled = (await listInventory(key, { updated_since: since })).data;
    expect(polled.map((e) => e.sku).slice(-1)).toEqual(["SINCE-1"]);
    expect(polled.find((e) => e.sku === "SINCE-1")?.warehouses).toEqual([row("wh_syd_1", 2)]);

    // A bound after the newest change returns nothing.
    const last = polled.at(-1)?.updated_at as string;
    const later = new Date(new Date(last).getTime() + 1).toISOString();
    expect((await listInventory(key, { updated_since: later })).data).toEqual([]);
    expect((await listInventory(key, { updated_since: last })).data.map((e) => e.sku)).toContain(
      "SINCE-1",
    );
  });

  it("updated_since is inclusive on the adjustments feed", async () => {
    const { key } = await catalog("ASINCE-1");
    const first = await adjustStock(key, "ASINCE-1", 1);
    await new Promise((r) => setTimeout(r, 5));
    // A timestamp taken from a read between the two adjustments.
    const mark = (await listInventory(key, { sku: "ASINCE-1" })).data[0]?.updated_at as string;
    await new Promise((r) => setTimeout(r, 5));
    const second = await adjustStock(key, "ASINCE-1", 2);
    const third = await adjustStock(key, "ASINCE-1", 3);

    const all = (await listAdjustments(key)).data;
    expect(all).toEqual([first, second, third]);

    const newer = (await listAdjustments(key, { updated_since: mark })).data;
    expect(newer).toEqual(expect.arrayContaining([second, third]));
    expect(newer.length).toBeLessThanOrEqual(3);
    // Every adjustment changed at or after its adjusted_at, so using that as the bound
    // must return the adjustment itself.
    const own = (await listAdjustments(key, { updated_since: third.adjusted_at })).data;
    expect(own).toContainEqual(third);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await listAdjustments(key, { updated_since: future })).data).toEqual([]);
  });

  it("cursor walks see every item once; has_more and next_cursor agree", async () => {
    const skus = ["WALK-1", "WALK-2", "WALK-3", "WALK-4", "WALK-5"];
    const { key } = await catalog(...skus);
    for (const sku of skus) await adjustStock(key, sku, 2);
    await adjustStock(key, "WALK-3", -1);

    const inventory = (await listInventory(key)).data;
    expect(inventory.map((e) => e.sku)).toEqual(["WALK-1", "WALK-2", "WALK-4", "WALK-5", "WALK-3"]);
    for (const limit of [1, 2, 5, 6]) {
      expect(await walk((q) => listInventory(key, q), limit)).toEqual(inventory);
    }
    const adjustments = (await listAdjustments(key)).data;
    expect(adjustments).toHaveLength(6);
    for (const limit of [1, 2, 6]) {
      expect(await walk((q) => listAdjustments(key, q), limit)).toEqual(adjustments);
    }
    // Cursors combine with filters.
    expect(await walk((q) => listAdjustments(key, { ...q, sku: "WALK-3" }), 1)).toEqual(
      adjustments.filter((a) => a.sku === "WALK-3"),
    );

    // A change made during a walk is not repeated in it; the next poll returns it.
    const first = await listInventory(key, { limit: "2" });
    expect(first.data.map((e) => e.sku)).toEqual(["WALK-1", "WALK-2"]);
    await adjustStock(key, "WALK-1", 1);
    const rest = await walk(
      (q) => listInventory(key, { cursor: first.pagination.next_cursor ?? undefined, ...q }),
      10,
    );
    expect(rest.map((e) => e.sku)).toEqual(["WALK-4", "WALK-5", "WALK-3"]);
    const poll = await listInventory(key, { updated_since: rest.at(-1)?.updated_at });
    expect(poll.data.map((e) => e.sku).slice(-2)).toEqual(["WALK-3", "WALK-1"]);
    expect(poll.data.at(-1)?.warehouses).toEqual([row("wh_syd_1", 3)]);
  });

  it("rejects a cursor it did not issue", async () => {
    const { key } = await catalog("CUR-1");
    await adjustStock(key, "CUR-1", 1);
    await adjustStock(key, "CUR-1", 1);
    const wrongShape = btoa(JSON.stringify({ seq: 1 })).replace(/=+$/, "");
    for (const path of ["/v1/inventory", "/v1/inventory-adjustments"]) {
      for (const cursor of ["garbage", "!!!", wrongShape]) {
        expectError(
          await raw("GET", `${path}?cursor=${encodeURIComponent(cursor)}`, { key }),
          400,
          "invalid_cursor",
          "cursor",
        );
      }
    }
    // The cursor it did issue works.
    const page = await listAdjustments(key, { limit: "1" });
    expect(page.pagination.has_more).toBe(true);
    const next = await listAdjustments(key, {
      limit: "1",
      cursor: page.pagination.next_cursor ?? undefined,
    });
    expect(next.data).toHaveLength(1);
    expect(next.data[0]?.id).not.toBe(page.data[0]?.id);
  });

  it("lists newest change first with order=desc, pages that way, and keeps a cursor to its own direction", async () => {
    const skus = ["DESC-1", "DESC-2", "DESC-3"];
    const { key } = await catalog(...skus);
    for (const sku of skus) await adjustStock(key, sku, 2);
    const listed = async (query: QueryOf<Api["v1"]["inventory"]["$get"]>) =>
      (await listInventory(key, query)).data.map((e) => e.sku);
    // The default stays the poller's: oldest change first.
    expect(await listed({})).toEqual(["DESC-1", "DESC-2", "DESC-3"]);
    const first = await listInventory(key, { order: "desc", limit: "2" });
    expect(first.data.map((e) => e.sku)).toEqual(["DESC-3", "DESC-2"]);
    const cursor = first.pagination.next_cursor ?? "";
    const second = await listInventory(key, { order: "desc", limit: "2", cursor });
    expect(second.data.map((e) => e.sku)).toEqual(["DESC-1"]);
    expect(second.pagination.has_more).toBe(false);
    // A change moves a SKU to the newest end.
    await adjustStock(key, "DESC-1", 1);
    expect(await listed({ order: "desc" })).toEqual(["DESC-1", "DESC-3", "DESC-2"]);
    // Walked the other way, either cursor would skip or repeat SKUs: each is refused.
    const ascending = (await listInventory(key, { limit: "1" })).pagination.next_cursor ?? "";
    for (const [order, other] of [
      ["asc", cursor],
      ["desc", ascending],
    ]) {
      expectError(
        await raw("GET", `/v1/inventory?order=${order}&cursor=${encodeURIComponent(other ?? "")}`, {
          key,
        }),
        400,
        "invalid_cursor",
        "cursor",
      );
    }
    expectError(
      await raw("GET", "/v1/inventory?order=newest", { key }),
      400,
      "invalid_parameter",
      "order",
    );
  });

  it("never shows or touches another tenant's stock", async () => {
    const a = await catalog("ISO-1", "ISO-2");
    const b = await catalog("ISO-2");
    await adjustStock(a.key, "ISO-1", 9);
    const aAdj = await adjustStock(a.key, "ISO-2", 4);

    expect((await listInventory(b.key)).data).toEqual([]);
    expect((await listInventory(b.key, { sku: "ISO-1" })).data).toEqual([]);
    expect((await listInventory(b.key, { warehouse_id: "wh_syd_1" })).data).toEqual([]);
    expect((await listAdjustments(b.key)).data).toEqual([]);
    expect((await listAdjustments(b.key, { sku: "ISO-1" })).data).toEqual([]);

    // ISO-1 is not in B's catalog, so B cannot adjust it.
    expectError(
      await adjust(b.key, {
        sku: "ISO-1",
        warehouse_id: "wh_syd_1",
        quantity_delta: -9,
        reason: "lost",
      }),
      422,
      "unknown_sku",
      "sku",
    );
    expect(await stockOf(a.key, "ISO-1")).toEqual(row("wh_syd_1", 9));

    // Both have ISO-2: B's stock of it is B's own, starting from nothing.
    expectError(
      await adjust(b.key, {
        sku: "ISO-2",
        warehouse_id: "wh_syd_1",
        quantity_delta: -1,
        reason: "lost",
      }),
      409,
      "insufficient_stock",
      "quantity_delta",
    );
    const bAdj = await adjustStock(b.key, "ISO-2", 1);
    expect(await stockOf(b.key, "ISO-2")).toEqual(row("wh_syd_1", 1));
    expect(await stockOf(a.key, "ISO-2")).toEqual(row("wh_syd_1", 4));
    // B's entry for ISO-2 holds B's row alone, not A's row for the same SKU.
    expect((await listInventory(b.key)).data).toEqual([
      {
        sku: "ISO-2",
        updated_at: expect.stringMatching(ISO_MS),
        version: expect.stringMatching(/^\d+$/),
        warehouses: [row("wh_syd_1", 1)],
      },
    ]);
    expect((await listAdjustments(b.key)).data).toEqual([bAdj]);
    expect((await listAdjustments(a.key, { sku: "ISO-2" })).data).toEqual([aAdj]);

    // A's cursor walked by B yields none of A's rows.
    const page = await listAdjustments(a.key, { limit: "1" });
    const stolen = await listAdjustments(b.key, {
      limit: "1",
      cursor: page.pagination.next_cursor ?? undefined,
    });
    expect(stolen.data.every((adj) => adj.id === bAdj.id)).toBe(true);
  });

  it("enforces scopes on each route", async () => {
    const { tenantId, key } = await catalog("SCOPE-1");
    await adjustStock(key, "SCOPE-1", 1);
    const body = {
      sku: "SCOPE-1",
      warehouse_id: "wh_syd_1",
      quantity_delta: 1,
      reason: "found" as const,
    };

    const ordersOnly = (await createKey(tenantId, { scopes: ["orders:read"] })).key;
    const lists = client(ordersOnly).v1;
    for (const res of [await lists.inventory.$get(), await lists["inventory-adjustments"].$get()]) {
      const err = expectError(res, 403, "insufficient_scope");
      expect(err.required_scope).toBe("inventory:read");
    }
    const post = expectError(await adjust(ordersOnly, body), 403, "insufficient_scope");
    expect(post.required_scope).toBe("warehouse:operate");

    const reader = (await createKey(tenantId, { scopes: ["inventory:read"] })).key;
    expect((await listInventory(reader)).data).toHaveLength(1);
    expect((await listAdjustments(reader)).data).toHaveLength(1);
    expectError(await adjust(reader, body), 403, "insufficient_scope");

    const operator = (await createKey(tenantId, { scopes: ["warehouse:operate"] })).key;
    expect((await adjust(operator, body)).status).toBe(201);
    expectError(await client(operator).v1.inventory.$get(), 403, "insufficient_scope");
    expect(await stockOf(key, "SCOPE-1")).toEqual(row("wh_syd_1", 2));

    expectError(await client().v1.inventory.$get(), 401, "missing_api_key");
    expectError(
      await client().v1.ops["inventory-adjustments"].$post({ json: body }),
      401,
      "missing_api_key",
    );
  });
});
