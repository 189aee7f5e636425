import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { assert, describe, expect, it } from "vitest";
import { BACKOFF_MS, type Intent } from "../../src/durable/intent-journal";
import { Schedule } from "../../src/durable/schedule";
import { orderObject } from "../../src/durable/stubs";
import type { OrderCommand } from "../../src/orders/order";
import { client, expectError, ok } from "../support/client";
import { failWrites } from "../support/faults";
import { createTenant, merchant, orderBody } from "../support/merchant";
import { dataOf } from "../support/shards";

/*
 * An order object journals a change that moves stock before its first step (`intent`)
 * and keeps a "recover" due-time on its one alarm while the change is unfinished. Both
 * live in the object's own storage, where only runInDurableObject can see them; so does
 * the schedule that lets one alarm serve several kinds of due work.
 */

/**
 * The order object's journal: its open change, the recover due-time, and its alarm. In
 * development the alarm may also hold the sandbox's "simulate" due-time, which is not the
 * journal's: the alarm is reported only beyond it.
 */
const journalOf = (tenantId: string, orderId: string) =>
  runInDurableObject(orderObject(env, tenantId, orderId), async (_, state) => {
    // The simulator's own alarm may run while getAlarm() is awaited and move its due-time:
    // the alarm read is the simulator's if it matches its due-time before or after.
    const simulateBefore = state.storage.kv.get<number>("due:simulate");
    const alarm = await state.storage.getAlarm();
    const simulateAfter = state.storage.kv.get<number>("due:simulate");
    const simulators = alarm !== null && (alarm === simulateBefore || alarm === simulateAfter);
    return {
      intent: state.storage.kv.get<Intent<OrderCommand>>("intent"),
      due: state.storage.kv.get<number>("due:recover"),
      alarm: simulators ? null : alarm,
    };
  });

describe("the order object's intent journal", () => {
  it("keeps a failed change and its recover time until the alarm finishes it", async () => {
    const { key, tenantId } = await merchant({ "JRN-A": 5, "JRN-B": 5 });
    const body = orderBody({
      items: [
        { sku: "JRN-A", quantity: 1 },
        { sku: "JRN-B", quantity: 2 },
      ],
    });
    const fault = await failWrites(
      "journal_failure",
      "BEFORE INSERT ON stock_demands WHEN NEW.sku = 'JRN-B'",
    );
    const started = Date.now();
    expectError(await client(key).v1.orders.$post({ json: body }), 500, "internal_error");
    expect(fault.logged.join("\n")).toContain("injected failure");
    const claim = await (await dataOf(tenantId))
      .prepare("SELECT order_id FROM order_references WHERE reference = ?")
      .bind(body.reference)
      .first<{ order_id: string }>();
    assert(claim, "the failed create claimed its reference");
    const orderId = claim.order_id;

    const open = await journalOf(tenantId, orderId);
    expect(open.intent).toMatchObject({
      command: { type: "create" },
      lastError: expect.stringContaining("injected failure"),
    });
    expect(open.intent?.attempts).toBeGreaterThanOrEqual(1);
    // Retried with backoff, never sooner than the first step of it.
    expect(open.intent?.nextAt).toBeGreaterThanOrEqual(started + (BACKOFF_MS[0] ?? 0));
    expect(open.due).toBe(open.intent?.nextAt);
    expect(open.alarm).toBe(open.due);

    await fault.heal();
    await runDurableObjectAlarm(orderObject(env, tenantId, orderId));
    expect(await journalOf(tenantId, orderId)).toEqual({
      intent: undefined,
      due: undefined,
      alarm: null,
    });
    const order = await ok(client(key).v1.orders[":id"].$get({ param: { id: orderId } }));
    expect(order).toMatchObject({ status: "received", allocation_status: "allocated" });
  });
});

describe("the schedule behind an object's one alarm", () => {
  it("points the alarm at the earliest of several due-times, and re-arms as each clears", async () => {
    const { tenantId } = await createTenant("Schedule");
    const now = Date.now();
    const stub = orderObject(env, tenantId, "ord_schedule");
    const seen = await runInDurableObject(stub, async (_, state) => {
      const schedule = new Schedule<"notices" | "recover" | "simulate">(state.storage);
      await schedule.at("simulate", now + 60_000);
      await schedule.at("notices", now + 30_000);
      await schedule.at("recover", now + 90_000);
      // A kind already due earlier keeps its time unless told to move.
      await schedule.at("notices", now + 45_000);
      const first = await state.storage.getAlarm();
      const dueAtFirst = schedule.due(now + 30_000);
      const dueLater = schedule.due(now + 60_000);
      await schedule.clear("notices");
      const second = await state.storage.getAlarm();
      await schedule.at("recover", now + 120_000, { replace: true });
      await schedule.clear("simulate");
      const third = await state.storage.getAlarm();
      await schedule.clear("recover");
      return { first, dueAtFirst, dueLater, second, third, last: await state.storage.getAlarm() };
    });
    expect(seen).toEqual({
      first: now + 30_000,
      dueAtFirst: ["notices"],
      dueLater: ["notices", "simulate"],
      second: now + 60_000,
      third: now + 120_000,
      last: null,
    });
  });
});
