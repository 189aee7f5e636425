import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { stockObject } from "../../src/durable/stubs";
import { client, ok } from "../support/client";
import { failWrites } from "../support/faults";
import { merchant, orderBody, stockOf } from "../support/merchant";

/*
 * A stock object that fills another order's waiting line owes that order a notice. The
 * Worker tells the order at once, but only the stock object's storage remembers the debt
 * (`notice:<orderId>#<line>`, due on the "notices" schedule), so an order that could not be told
 * still learns of its stock from the stock object's alarm. HTTP never sees that journal.
 */

const SKU = "NOTE-1";

/** The stock object's notice journal: what it owes, when its alarm is due, and the alarm. */
function journalOf(tenantId: string) {
  const stub = stockObject(env, { tenantId, warehouseId: "wh_syd_1", sku: SKU });
  return {
    stub,
    read: (orderId: string) =>
      runInDurableObject(stub, async (_, state) => ({
        owed: state.storage.kv.get<number>(`notice:${orderId}#1`),
        due: state.storage.kv.get<number>("due:notices"),
        alarm: await state.storage.getAlarm(),
      })),
  };
}

describe("the stock object's notice journal", () => {
  it("keeps a notice its order could not take, and its alarm delivers it once the order can", async () => {
    const { key, tenantId } = await merchant({ [SKU]: 2 });
    const api = client(key).v1;
    const holder = await ok(
      api.orders.$post({ json: orderBody({ items: [{ sku: SKU, quantity: 2 }] }) }),
    );
    const waiting = await ok(
      api.orders.$post({ json: orderBody({ items: [{ sku: SKU, quantity: 2 }] }) }),
    );
    expect(waiting).toMatchObject({ status: "backordered", version: "1" });

    // The waiting order cannot record any allocation change until healed.
    const fault = await failWrites(
      "refuse_fill",
      `BEFORE INSERT ON order_history WHEN NEW.action = 'allocation_changed' AND NEW.order_id = '${waiting.id}'`,
    );
    await ok(api.orders[":id"].cancel.$post({ param: { id: holder.id } }));
    expect(await stockOf(key, SKU)).toMatchObject({ allocated: 2, backordered: 0 });
    const order = () => ok(api.orders[":id"].$get({ param: { id: waiting.id } }));
    expect(await order()).toMatchObject({ status: "backordered", version: "1" });
    expect(fault.logged.join("\n")).toContain("allocation notice deferred");

    const journal = journalOf(tenantId);
    // The cancel owes a publication of the SKU's stock too: published, the alarm is the notice's.
    await journal.stub.publish();
    const kept = await journal.read(waiting.id);
    expect(kept.owed).toEqual(expect.any(Number));
    expect(kept.due).toEqual(expect.any(Number));
    expect(kept.alarm).toBe(kept.due);

    // Its alarm tries, fails, and keeps the notice for a later attempt.
    expect(await runDurableObjectAlarm(journal.stub)).toBe(true);
    const retried = await journal.read(waiting.id);
    expect(retried.owed).toBe(kept.owed);
    expect(retried.due).toBeGreaterThan(Date.now());
    expect(retried.alarm).toBe(retried.due);
    expect(fault.logged.join("\n")).toContain("order notice failed; the alarm retries");
    expect(await order()).toMatchObject({ status: "backordered", version: "1" });

    await fault.heal();
    expect(await runDurableObjectAlarm(journal.stub)).toBe(true);
    expect(await journal.read(waiting.id)).toEqual({
      owed: undefined,
      due: undefined,
      alarm: null,
    });
    expect(await order()).toMatchObject({
      status: "received",
      allocation_status: "allocated",
      version: "2",
    });
    expect(await runDurableObjectAlarm(journal.stub)).toBe(false);
  });

  it("clears a fill's notice by its alarm, which the order already told takes as a no-op", async () => {
    const { key, tenantId } = await merchant({ [SKU]: 1 });
    const api = client(key).v1;
    const holder = await ok(
      api.orders.$post({ json: orderBody({ items: [{ sku: SKU, quantity: 1 }] }) }),
    );
    const waiting = await ok(
      api.orders.$post({ json: orderBody({ items: [{ sku: SKU, quantity: 1 }] }) }),
    );
    await ok(api.orders[":id"].cancel.$post({ param: { id: holder.id } }));
    const filled = await ok(api.orders[":id"].$get({ param: { id: waiting.id } }));
    expect(filled).toMatchObject({ status: "received", version: "2" });

    // The Worker told the order, but only the stock object's own delivery settles its
    // debt; telling the order twice changes nothing.
    const journal = journalOf(tenantId);
    await journal.stub.publish();
    expect((await journal.read(waiting.id)).owed).toEqual(expect.any(Number));
    expect(await runDurableObjectAlarm(journal.stub)).toBe(true);
    expect(await journal.read(waiting.id)).toEqual({
      owed: undefined,
      due: undefined,
      alarm: null,
    });
    expect(await ok(api.orders[":id"].$get({ param: { id: waiting.id } }))).toEqual(filled);
  });
});
