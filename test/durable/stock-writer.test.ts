import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Failure } from "../../src/durable/answers";
import { stockObject, stockWriter } from "../../src/durable/stubs";
import { MAX_STATEMENTS, type WireStatement, type Written } from "../../src/inventory/stock-writer";
import { client, expectStatus, ok } from "../support/client";
import { adjustStock, createTenant, merchant } from "../support/merchant";
import { receiver } from "../support/receiver";
import { dataOf } from "../support/shards";

/*
 * The warehouse's stock writer (src/inventory/stock-writer.ts): the stock objects of a
 * multi-line change send it their batches, and it makes one D1 batch of all that arrive
 * together, within MAX_STATEMENTS; a submission that fails fails alone. Its instance is
 * called directly here, so submissions made in one tick are known to arrive together.
 */

const WAREHOUSE = "wh_syd_1";

async function writerOf() {
  const { tenantId, shard } = await createTenant("Writer");
  return { tenantId, shard, stub: stockWriter(env, { tenantId, warehouseId: WAREHOUSE }) };
}

/** `n` statements that each answer one row naming `tag` and their place. */
const selects = (tag: string, n: number): WireStatement[] =>
  Array.from({ length: n }, (_, i) => ({ sql: "SELECT ? AS tag, ? AS i", params: [tag, i] }));

/**
 * A SKU's place in the inventory feed: a row of a tenant table, keyed by tenant and SKU, at
 * feed position `seq`.
 */
const listing = (tenantId: string, sku: string, seq: number): WireStatement => ({
  sql: `INSERT INTO inventory_skus (tenant_id, sku, updated_at, change_seq)
    VALUES (?, ?, '2026-12-05T00:00:00.000Z', ?)`,
  params: [tenantId, sku, seq],
});

const written = (answer: Written | Failure): Written => {
  if ("failed" in answer) throw new Error(answer.failed);
  return answer;
};

describe("the warehouse's stock writer", () => {
  it("sends the submissions of one tick as one D1 batch and answers each its own results", async () => {
    const { shard, stub } = await writerOf();
    const answers = await runInDurableObject(stub, (writer) =>
      Promise.all(["a", "b", "c", "d"].map((tag, n) => writer.batch(shard, selects(tag, n + 1)))),
    );
    for (const [n, answer] of answers.entries()) {
      const { results, cost } = written(answer);
      expect(results.map((r) => r.results)).toEqual(
        selects("", n + 1).map((_, i) => [{ tag: "abcd"[n], i }]),
      );
      // One D1 call, shared by the four.
      expect(cost.d1.calls).toBe(1 / 4);
      expect(cost.d1.statements).toBe(10 / 4);
    }
  });

  it("keeps each D1 batch within MAX_STATEMENTS, and sends a larger submission alone", async () => {
    const { shard, stub } = await writerOf();
    const half = Math.floor(MAX_STATEMENTS / 2);
    const sizes = [half, half, 1, MAX_STATEMENTS + 1, 3];
    const answers = await runInDurableObject(stub, (writer) =>
      Promise.all(sizes.map((n, i) => writer.batch(shard, selects(`s${i}`, n)))),
    );
    const calls = answers.map((a) => written(a).cost.d1.calls);
    // The two halves fill a batch; the one-statement submission and the 3 after the large one
    // go together in the batch after it, since a batch takes what is queued, in order, while
    // it fits.
    expect(calls).toEqual([1 / 2, 1 / 2, 1 / 2, 1, 1 / 2]);
    for (const [i, answer] of answers.entries()) {
      expect(written(answer).results).toHaveLength(sizes[i] as number);
    }
  });

  it("fails only the submission whose statements fail, and writes the others whole", async () => {
    const { tenantId, shard, stub } = await writerOf();
    const answers = await runInDurableObject(stub, (writer) =>
      Promise.all([
        writer.batch(shard, [listing(tenantId, "W-1", 1), listing(tenantId, "W-2", 2)]),
        // Its second statement breaks the key its first wrote: the whole submission fails.
        writer.batch(shard, [listing(tenantId, "W-3", 3), listing(tenantId, "W-3", 4)]),
        writer.batch(shard, [listing(tenantId, "W-4", 5)]),
      ]),
    );
    expect("failed" in (answers[0] as object)).toBe(false);
    expect((answers[1] as Failure).failed).toMatch(
      /UNIQUE constraint failed: inventory_skus.tenant_id, inventory_skus.sku/,
    );
    expect("failed" in (answers[2] as object)).toBe(false);
    const { results } = await (await dataOf(tenantId))
      .prepare("SELECT sku FROM inventory_skus WHERE tenant_id = ? ORDER BY sku")
      .bind(tenantId)
      .all<{ sku: string }>();
    expect(results.map((r) => r.sku)).toEqual(["W-1", "W-2", "W-4"]);
  });

  it("relays the tenant's events, once the publication committed, before publish() returns", async () => {
    const { key, tenantId } = await merchant({ "WR-PUB": 5 });
    const hook = await client(key).v1.webhooks.$post({
      json: { url: `${receiver}/ok/stock-writer`, events: ["inventory.updated"] },
    });
    expectStatus(hook, 201);
    await adjustStock(key, "WR-PUB", 3);
    await stockObject(env, { tenantId, warehouseId: WAREHOUSE, sku: "WR-PUB" }).publish();
    const db = await dataOf(tenantId);
    const { results } = await db
      .prepare(
        "SELECT id, dispatched FROM events WHERE tenant_id = ? AND type = 'inventory.updated'",
      )
      .bind(tenantId)
      .all<{ id: string; dispatched: number | string | null }>();
    const published = results.at(-1);
    expect(published).toBeDefined();
    // Relayed: marked handed to the queue, with a delivery made for the subscription.
    expect(published?.dispatched).not.toBeNull();
    const deliveries = await ok(
      client(key).v1.webhooks[":id"].deliveries.$get({ param: { id: hook.body.id } }),
    );
    expect(deliveries.data.map((d) => d.event_id)).toContain(published?.id);
  });
});
