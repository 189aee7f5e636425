import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PLACEMENT_KV_TTL_SECONDS, placementEntry } from "../../scripts/placement-kv.mjs";
import { dropIsolateMemory, STALE_MS } from "../../src/db/control-cache";
import { PLACEMENT_TTL_MS } from "../../src/db/shards";
import { client, expectError, expectStatus, ok } from "../support/client";
import { controlOutage } from "../support/faults";
import { createKey, createTenant, orderBody, seedReferenceData } from "../support/merchant";

/*
 * The control database (tenants, keys, placement) goes down: the calls a test sends with
 * `outage.DB` reach a control database whose every query fails (or never answers), while the
 * shards, KV and the objects keep working. Answers the Worker already had keep it serving the
 * tenants it knows; anything it has never seen is refused 503, not guessed.
 */

// Past every cached answer's freshness: 30 s in memory, a minute for a key's entry in KV.
const DUE_MS = 2 * PLACEMENT_TTL_MS + 1000;

/**
 * Moves this isolate's clock past every cached answer's freshness (Date only: nothing waits),
 * so each is checked against the control database again. Objects the request calls keep
 * the real control database and may refresh the tenant's placement: each step moves again.
 */
function later() {
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + DUE_MS);
}

let outage: ReturnType<typeof controlOutage> | undefined;

function down(how?: "failing" | "hanging") {
  outage = controlOutage(how);
  return outage;
}

afterEach(() => {
  outage?.restore();
  outage = undefined;
  vi.useRealTimers();
});

const SKU = "OUTAGE-1";
const order = () => orderBody({ items: [{ sku: SKU, quantity: 1 }] });
const warnings = (logged: string[]) => logged.map((line) => JSON.parse(line));

/**
 * A tenant whose key and placement the Worker has used. It has no stock and no order yet: in
 * the tests its order and stock objects share this isolate's caches and read the real control
 * database, so one still busy when the outage starts could refresh what the test means to see
 * served stale.
 */
async function seenTenant() {
  await seedReferenceData();
  const t = await createTenant("Outage Co");
  await ok(client(t.key).v1.products.$post({ json: { sku: SKU, name: SKU } }));
  const since = new Date().toISOString();
  await ok(client(t.key).v1.orders.$get({ query: { updated_since: since } }));
  return { ...t, since };
}

describe("the control database down", () => {
  it("lets a tenant already seen keep creating and polling, and logs each stale answer", async () => {
    const t = await seenTenant();
    const { DB, logged } = down();
    const api = client(t.key, { DB }).v1;

    later();
    const created = await api.orders.$post({ json: order() });
    expectStatus(created, 201);
    later();
    const polled = await api.orders.$get({ query: { updated_since: t.since } });
    expectStatus(polled, 200);
    expect(polled.body.data.map((o) => o.id)).toEqual([created.body.id]);

    const logs = warnings(logged);
    expect(logs).toContainEqual(
      expect.objectContaining({ event: "control_stale", cache: "placement", subject: t.tenantId }),
    );
    expect(logs).toContainEqual(
      expect.objectContaining({ event: "control_stale", cache: "apikey" }),
    );
    expect(logs.filter((l) => l.event !== "control_stale")).toEqual([]);
  });

  it("lets an isolate that holds nothing of the tenant serve it from KV", async () => {
    const t = await seenTenant();
    dropIsolateMemory();
    const { DB, logged } = down();
    later();
    const created = await client(t.key, { DB }).v1.orders.$post({ json: order() });
    expectStatus(created, 201);
    // The token key comes from KV too: a new isolate still seals the write's token.
    expect(created.headers.get("x-consistency-token")).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(warnings(logged)).toContainEqual(
      expect.objectContaining({ event: "control_stale", cache: "placement", subject: t.tenantId }),
    );
  });

  it("waits a control database that does not answer only so long, then serves what it had", async () => {
    const t = await seenTenant();
    const { DB, logged } = down("hanging");
    later();
    expectStatus(await client(t.key, { DB }).v1.orders.$get(), 200);
    expect(warnings(logged)).toContainEqual(
      expect.objectContaining({
        event: "control_stale",
        error: expect.stringMatching(/^no answer/),
      }),
    );
  });

  it("refuses a key never used with 503 control_unavailable and Retry-After, not 401", async () => {
    const t = await seenTenant();
    const unused = await createKey(t.tenantId);
    const { DB, logged } = down();

    const refused = await client(unused.key, { DB }).v1.orders.$get();
    const error = expectError(refused, 503, "control_unavailable");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(error.retry_after).toBe(Number(refused.headers.get("retry-after")));
    // A key the control database never had cannot be told from one it cannot look up.
    const madeUp = await client(`wms_test_${"x".repeat(40)}`, { DB }).v1.orders.$get();
    expectError(madeUp, 503, "control_unavailable");
    // The tenant's seen key works all along.
    expectStatus(await client(t.key, { DB }).v1.orders.$get(), 200);

    const logs = warnings(logged);
    expect(logs.filter((l) => l.event === "control_unavailable")).toHaveLength(2);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "warn", event: "control_unavailable", cache: "apikey" }),
    );
  });

  it("refuses a tenant whose placement nothing holds with 503 control_unavailable", async () => {
    const t = await seenTenant();
    // The key's answer stays in KV (fresh for a minute); the placement is in neither.
    dropIsolateMemory();
    await env.KV.delete(placementEntry(t.tenantId, t.shard, false, 0).key);
    const { DB, logged } = down();
    const refused = await client(t.key, { DB }).v1.orders.$post({ json: order() });
    expectError(refused, 503, "control_unavailable");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(warnings(logged)).toEqual([
      expect.objectContaining({ event: "control_unavailable", cache: "placement" }),
    ]);
  });
});

describe("moves and recovery", () => {
  it("serves a move's frozen placement from KV over the older one this isolate holds", async () => {
    expect(PLACEMENT_KV_TTL_SECONDS).toBe(STALE_MS / 1000);
    const t = await seenTenant();
    // Step 1 of scripts/move-tenant.mjs: freeze in the control database, then in KV.
    await env.DB.prepare(
      "UPDATE tenants SET frozen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    )
      .bind(t.tenantId)
      .run();
    const { key, value } = placementEntry(t.tenantId, t.shard, true, Date.now());
    await env.KV.put(key, value, { expirationTtl: PLACEMENT_KV_TTL_SECONDS });

    const { DB } = down();
    later();
    const refused = await client(t.key, { DB }).v1.orders.$post({ json: order() });
    expectError(refused, 503, "tenant_unavailable");
    const shard = Reflect.get(env, t.shard) as D1Database;
    const orders = await shard
      .prepare("SELECT COUNT(*) AS n FROM orders WHERE tenant_id = ?")
      .bind(t.tenantId)
      .first<{ n: number }>();
    expect(orders?.n).toBe(0);
  });

  it("reads the control database again once it answers: a freeze is seen within the TTL", async () => {
    const t = await seenTenant();
    const { DB } = down();
    later();
    expectStatus(await client(t.key, { DB }).v1.orders.$get(), 200);
    outage?.restore();

    await env.DB.prepare(
      "UPDATE tenants SET frozen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    )
      .bind(t.tenantId)
      .run();
    vi.setSystemTime(Date.now() + PLACEMENT_TTL_MS);
    expectError(await client(t.key).v1.orders.$get(), 503, "tenant_unavailable");
  });
});
