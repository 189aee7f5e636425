import { describe, expect, it } from "vitest";
import {
  ASSUME,
  bytesAfter,
  daysUntil,
  LIMITS,
  type Measurement,
  model,
  perOrder,
  plan,
  shardsInVar,
  shardsVarBytes,
} from "../../bench/capacity-model.mjs";

/*
 * The capacity model's arithmetic (bench/capacity-model.mjs, printed as docs/capacity.md):
 * a tenant's hot window, the shard count a shard of whole tenants allows, the account's
 * storage and the size of the SHARDS var, on round numbers checked by hand.
 */

const GiB = 1024 ** 3;

/** One order's life in round numbers: 50 statements, 10 deliveries; 4,000 B kept, 5,000 B go. */
const measured: Measurement = {
  orders: 100,
  deliveries: 1_000,
  create: { statements: 10, dbMs: 1 },
  ship: { statements: 10, dbMs: 1 },
  publish: { statements: 0 },
  poll: { statements: 4, dbMs: 0.5 },
  bytes: {
    // 9,000 B all in; 4,000 B left once events (1,300 B) and deliveries (3,700 B) are gone.
    perOrder: 4_000 + 1_300,
    webhooksPerOrder: 3_700,
    eventsPerOrder: 2,
    eventDataPerOrder: 1_000,
    allIn: 9_000,
    kept: 4_000,
  },
};

describe("one order's life", () => {
  it("counts the publications' and deliveries' statements and splits kept from transient bytes", () => {
    const o = perOrder({ ...measured, publish: { statements: 4 } });
    expect(o.deliveriesPerOrder).toBe(10);
    expect(o.statements).toBe(10 + 10 + 4 + 10 * ASSUME.deliveryStatements);
    // What no response reports is timed at the responses' mean: 2 ms over 20 statements.
    expect(o.localMs).toBeCloseTo(2 + 34 * (2 / 20));
    expect(o.sizingMs).toBe(54);
    expect(o.writeMs).toBe(54 * ASSUME.writeMsPerStatement);
    expect(o.keptBytes).toBe(4_000);
    expect(o.transientBytes).toBe(5_000);
    expect(o.allInBytes).toBe(9_000);
  });
});

describe("a tenant's hot window", () => {
  const o = { keptBytes: 4_000, transientBytes: 5_000 };

  it("keeps orders for the hot window after their final state and events for the retention window", () => {
    const full = 10_000 * (4_000 * (90 + 2) + 5_000 * 30);
    expect(bytesAfter(Number.POSITIVE_INFINITY, 10_000, o)).toBe(full);
    expect(bytesAfter(10, 10_000, o)).toBe(10_000 * 9_000 * 10);
    expect(bytesAfter(60, 10_000, o)).toBe(10_000 * (4_000 * 60 + 5_000 * 30));
  });

  it("finds the day a limit is reached, or never when the windows level off below it", () => {
    const perDay = 300 * 10_000;
    const limit = LIMITS.accountBytes;
    const day = daysUntil(limit, perDay, o);
    expect(bytesAfter(day, perDay, o)).toBeCloseTo(limit, -3);
    expect(bytesAfter(day - 0.01, perDay, o)).toBeLessThan(limit);
    expect(daysUntil(limit, 10, o)).toBe(Number.POSITIVE_INFINITY);
    // Without the order archive it keeps growing by the kept bytes a day.
    const budget = 8 * GiB;
    const noArchive = daysUntil(budget, 10_000, o, ASSUME, Number.POSITIVE_INFINITY);
    expect(noArchive).toBeCloseTo(30 + (budget - 10_000 * 9_000 * 30) / (10_000 * 4_000), 6);
  });
});

describe("shards", () => {
  const o = perOrder(measured);

  it("puts whole tenants in a shard and never counts more shards than tenants", () => {
    const target = plan(o, { name: "t", merchants: 300, ordersPerMerchantPerDay: 10_000 });
    const tenant = 10_000 * (4_000 * 92 + 5_000 * 30);
    expect(target.tenantBytes).toBe(tenant);
    expect(target.tenantFits).toBe(true);
    expect(target.tenantsPerShard).toBe(Math.floor((0.8 * 10 * GiB) / tenant));
    expect(target.shardsForStorage).toBe(Math.ceil(300 / target.tenantsPerShard));
    // 173.6 orders/s × 50 statements × 4 ms + 5 polls/s × 4 × 4 ms, at 500 ms per shard-second.
    const msPerS = (3_000_000 / 86_400) * 5 * 50 * 4 + ((300 * 2) / 120) * 4 * 4;
    expect(target.writeMsPerS).toBeCloseTo(msPerS);
    expect(target.shardsForThroughput).toBe(Math.ceil(msPerS / 500));
    expect(target.shards).toBe(Math.max(target.shardsForThroughput, target.shardsForStorage));
    expect(target.accountBytes).toBe(300 * tenant);

    const big = plan(o, { name: "big", merchants: 300, ordersPerMerchantPerDay: 100_000 });
    expect(big.tenantFits).toBe(false);
    expect(big.needed).toBeGreaterThan(300);
    expect(big.shards).toBe(300);
    expect(big.broken.map((x) => x.limit)).toContain(
      "shards needed ≤ tenants (a shard holds whole tenants)",
    );
  });

  it("gives the longest hot window that still fits the largest tenant", () => {
    const p = plan(o, { name: "t", merchants: 300, ordersPerMerchantPerDay: 10_000 });
    const fits = { ...ASSUME, orderHotDays: Math.floor(p.maxHotDays) };
    const over = { ...ASSUME, orderHotDays: Math.ceil(p.maxHotDays) + 1 };
    const budget = 0.8 * 10 * GiB;
    expect(bytesAfter(Number.POSITIVE_INFINITY, 10_000, o, fits)).toBeLessThanOrEqual(budget);
    expect(bytesAfter(Number.POSITIVE_INFINITY, 10_000, o, over)).toBeGreaterThan(budget);
  });

  it("sizes the SHARDS var: SHARD_0,SHARD_1,… and how many fit in 5 KB", () => {
    expect(shardsVarBytes(1)).toBe("SHARD_0".length);
    expect(shardsVarBytes(12)).toBe(
      Array.from({ length: 12 }, (_, i) => `SHARD_${i}`).join(",").length,
    );
    expect(shardsVarBytes(300)).toBe(10 * 7 + 90 * 8 + 200 * 9 + 299);
    const n = shardsInVar();
    expect(shardsVarBytes(n)).toBeLessThanOrEqual(5_000);
    expect(shardsVarBytes(n + 1)).toBeGreaterThan(5_000);
  });

  it("orders the limits from the most used and names the fixed one closest to breaking", () => {
    const m = model(measured);
    expect(m.scenarios.map((s) => s.name)).toEqual([
      "target",
      "10× the merchants",
      "10× each merchant",
    ]);
    for (const p of m.scenarios) {
      const used = p.limits.map((x) => x.used);
      expect(used).toEqual([...used].sort((a, b) => b - a));
      expect(p.firstFixed?.raisable).toBeFalsy();
    }
    const tenMerchants = m.scenarios[1];
    expect(tenMerchants?.shards).toBe(3_000);
    expect(tenMerchants?.firstFixed?.limit).toBe("the SHARDS var (5,000 bytes)");
  });
});
