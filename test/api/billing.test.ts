import { beforeAll, describe, expect, it } from "vitest";
import { issueInvoices } from "../../src/billing/billing.invoices";
import { chargeStorage } from "../../src/billing/billing.storage";
import { UNSCOPED } from "../../src/db/background";
import { database } from "../../src/db/client";
import { addDays, utcToday } from "../../src/lib/calendar";
import { admin, client, expectError, expectStatus, ok, raw } from "../support/client";
import { createTenant, orderBody, parcel, seedReferenceData, ship } from "../support/merchant";
import { dataOf } from "../support/shards";

/*
 * What the 3PL charges (issue 24), through HTTP as the operator and the merchant see it:
 * rate cards set by the operator, a charge line per fact priced when it happens and never
 * twice, credits for voids, daily storage, and monthly invoices whose lines add up to their
 * totals to the cent. Each test uses its own tenant; days are relative to today.
 */

const TODAY = utcToday();
const MONTH = TODAY.slice(0, 7);
const nextMonth = (period: string) => {
  const [y = 0, m = 0] = period.split("-").map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
};
/** Noon on the second day of the month after this one: this month has closed. */
const AFTER_MONTH = Date.parse(`${nextMonth(MONTH)}-02T12:00:00Z`);

const CARD = {
  effective_from: TODAY,
  currency: "AUD",
  fees: {
    order: "2.50",
    additional_unit: "0.35",
    receiving_unit: "0.20",
    return: "3.00",
    storage_per_unit_day: { small: "0.0050", medium: "0.0125", large: "0.0400" },
    packaging: [
      { type: "box_medium", amount: "1.10" },
      { type: "mailer_small", amount: "0.40" },
    ],
    freight_markup_percent: "10",
  },
  tax_rate_percent: "10",
};

beforeAll(seedReferenceData);

async function billed(card: Partial<typeof CARD> = {}) {
  const tenant = await createTenant();
  for (const [sku, dims] of [
    ["BILL-S", { length: 5, width: 5, height: 5, unit: "cm" as const }],
    ["BILL-L", { length: 50, width: 40, height: 30, unit: "cm" as const }],
  ] as const) {
    expectStatus(
      await client(tenant.key).v1.products.$post({ json: { sku, name: sku, dimensions: dims } }),
      201,
    );
  }
  expectStatus(
    await admin.tenants[":id"]["rate-cards"].$post({
      param: { id: tenant.tenantId },
      json: { ...CARD, ...card },
    }),
    201,
  );
  return tenant;
}

const api = (key: string) => client(key).v1;

async function receive(
  key: string,
  items: { sku: string; received_quantity: number; damaged_quantity?: number }[],
) {
  const asn = await ok(
    api(key)["inbound-shipments"].$post({
      json: {
        reference: `ASN-${crypto.randomUUID().slice(0, 8)}`,
        warehouse_id: "wh_syd_1",
        items: items.map((i) => ({ sku: i.sku, expected_quantity: i.received_quantity })),
      },
    }),
  );
  const idem = crypto.randomUUID();
  const post = () =>
    api(key).ops["inbound-shipments"][":id"].receipts.$post({
      param: { id: asn.id },
      json: { items },
      header: { "idempotency-key": idem },
    });
  expectStatus(await post(), 200);
  // A retried receipt is the same receipt: charged once.
  expectStatus(await post(), 200);
  return asn;
}

async function charges(key: string, query: Record<string, string> = {}) {
  return (await ok(api(key).billing.charges.$get({ query: { limit: "200", ...query } }))).data;
}

const shard = async (tenantId: string) => database(await dataOf(tenantId));

/** Runs the storage job until it has charged every day that ended before `now`. */
async function storageUntil(tenantId: string, now: number) {
  const db = await shard(tenantId);
  while (await chargeStorage(db, UNSCOPED, now)) {}
}

describe("rate cards", () => {
  it("are versions the operator adds, each complete and after the last", async () => {
    const { tenantId, key } = await createTenant();
    const post = (json: unknown) =>
      raw("POST", `/admin/v1/tenants/${tenantId}/rate-cards`, { key: "test-admin-token", json });
    const { return: _missing, ...incomplete } = CARD.fees;
    expectError(await post({ ...CARD, fees: incomplete }), 422, "validation_error", "fees.return");
    expectError(
      await post({ ...CARD, effective_from: addDays(TODAY, -1) }),
      422,
      "rate_card_overlap",
      "effective_from",
    );
    const first = await post(CARD);
    expectStatus(first, 201);
    expect(first.body).toMatchObject({
      version: "1",
      effective_from: TODAY,
      currency: "AUD",
      // Rates come back with the currency's digits, and more only where they have them.
      fees: {
        ...CARD.fees,
        storage_per_unit_day: { small: "0.005", medium: "0.0125", large: "0.04" },
      },
      tax_rate_percent: "10",
    });
    expectError(await post(CARD), 422, "rate_card_overlap", "effective_from");
    const later = await post({
      ...CARD,
      effective_from: addDays(TODAY, 30),
      fees: { ...CARD.fees, order: "2.75" },
    });
    expectStatus(later, 201);
    expect(later.body).toMatchObject({ version: "2" });
    const seen = await ok(api(key).billing["rate-cards"].$get());
    expect(seen.data.map((c) => [c.version, c.fees.order])).toEqual([
      ["1", "2.50"],
      ["2", "2.75"],
    ]);
    expectError(
      await raw("POST", "/admin/v1/tenants/ten_nobody/rate-cards", {
        key: "test-admin-token",
        json: CARD,
      }),
      404,
      "not_found",
    );
  });
});

describe("charges", () => {
  it("charges a shipment once, its void by credit lines, and the next shipment the order's fee again", async () => {
    const { tenantId, key } = await billed();
    await receive(key, [{ sku: "BILL-S", received_quantity: 20 }]);
    const order = await ok(
      api(key).orders.$post({ json: orderBody({ items: [{ sku: "BILL-S", quantity: 3 }] }) }),
    );
    const shipment = await ship(key, order.id, [{ sku: "BILL-S", quantity: 3 }], {
      parcels: [parcel({ packaging: "box_medium" }), parcel({ packaging: "crate" })],
      cost: { amount: "12.50", currency: "AUD" },
    });
    const lines = await charges(key, { order_id: order.id });
    expect(
      lines.map((l) => [l.fee, l.quantity, l.unit_rate, l.amount, l.tax, l.source_id]),
    ).toEqual([
      ["order", 1, "2.50", "2.50", "0.25", shipment.id],
      ["additional_unit", 2, "0.35", "0.70", "0.07", shipment.id],
      // `crate` is not on the card: not charged.
      ["packaging", 1, "1.10", "1.10", "0.11", shipment.id],
      // Freight passes through with the 10 % markup.
      ["freight", 1, "13.75", "13.75", "1.38", shipment.id],
    ]);
    expect(lines.every((l) => l.invoice_period === MONTH && l.occurred_on === TODAY)).toBe(true);

    const voided = () => api(key).ops.shipments[":id"].void.$post({ param: { id: shipment.id } });
    expectStatus(await voided(), 200);
    expectStatus(await voided(), 200);
    const credits = (await charges(key, { order_id: order.id })).filter((l) => l.credit_for);
    expect(credits.map((l) => [l.fee, l.amount, l.tax])).toEqual([
      ["order", "-2.50", "-0.25"],
      ["additional_unit", "-0.70", "-0.07"],
      ["packaging", "-1.10", "-0.11"],
      ["freight", "-13.75", "-1.38"],
    ]);
    expect(new Set(credits.map((l) => l.credit_for))).toEqual(new Set(lines.map((l) => l.id)));

    const again = await ship(key, order.id, [{ sku: "BILL-S", quantity: 3 }]);
    const rebilled = await charges(key, { source_id: again.id });
    expect(rebilled.map((l) => [l.fee, l.amount])).toEqual([
      ["order", "2.50"],
      ["additional_unit", "0.70"],
    ]);
    // A line is never edited, even by hand in the database: a trigger refuses it.
    const db = await dataOf(tenantId);
    await expect(
      db.prepare("UPDATE charges SET amount = 0 WHERE id = ?").bind(lines[0]?.id).run(),
    ).rejects.toThrow(/charge_immutable/);
  });

  it("charges a replayed shipment request once", async () => {
    const { key } = await billed();
    await receive(key, [{ sku: "BILL-S", received_quantity: 5 }]);
    const order = await ok(
      api(key).orders.$post({ json: orderBody({ items: [{ sku: "BILL-S", quantity: 2 }] }) }),
    );
    const idem = crypto.randomUUID();
    const json = {
      order_id: order.id,
      parcels: [parcel()],
      items: [{ sku: "BILL-S", quantity: 2 }],
    };
    const post = () => api(key).ops.shipments.$post({ json, header: { "idempotency-key": idem } });
    const first = await post();
    expectStatus(first, 201);
    const replay = await post();
    expectStatus(replay, 200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    expect((await charges(key, { order_id: order.id })).map((l) => l.fee)).toEqual([
      "order",
      "additional_unit",
    ]);
  });

  it("charges receipts per unit and processed returns once, whoever retries", async () => {
    const { key } = await billed();
    const asn = await receive(key, [
      { sku: "BILL-S", received_quantity: 8, damaged_quantity: 2 },
      { sku: "BILL-L", received_quantity: 4 },
    ]);
    const receiving = await charges(key, { fee: "receiving" });
    expect(receiving.map((l) => [l.quantity, l.amount, l.tax, l.source_type])).toEqual([
      [12, "2.40", "0.24", "receipt"],
    ]);
    expect(receiving[0]?.description).toContain(asn.reference);

    const order = await ok(
      api(key).orders.$post({ json: orderBody({ items: [{ sku: "BILL-L", quantity: 2 }] }) }),
    );
    await ship(key, order.id, [{ sku: "BILL-L", quantity: 2 }]);
    const back = await ok(
      api(key).ops.returns.$post({
        json: {
          order_id: order.id,
          warehouse_id: "wh_syd_1",
          items: [{ sku: "BILL-L", quantity: 1, condition: "resellable", restocked: true }],
        },
      }),
    );
    const process = () => api(key).ops.returns[":id"].process.$post({ param: { id: back.id } });
    expectStatus(await process(), 200);
    expectStatus(await process(), 200);
    const forOrder = await charges(key, { order_id: order.id });
    expect(forOrder.map((l) => [l.fee, l.amount, l.source_type])).toEqual([
      ["order", "2.50", "shipment"],
      ["additional_unit", "0.35", "shipment"],
      ["return", "3.00", "return"],
    ]);
  });

  it("charges nothing for a tenant without a card in force", async () => {
    const { key } = await createTenant();
    expectStatus(await api(key).products.$post({ json: { sku: "FREE", name: "Free" } }), 201);
    await receive(key, [{ sku: "FREE", received_quantity: 5 }]);
    expect(await charges(key)).toEqual([]);
    expect((await ok(api(key).invoices.$get({ query: {} }))).data).toEqual([]);
  });

  it("charges each day's storage once, per warehouse and size class, after the day has ended", async () => {
    const { tenantId, key } = await billed();
    await receive(key, [
      { sku: "BILL-S", received_quantity: 100, damaged_quantity: 10 },
      { sku: "BILL-L", received_quantity: 7 },
    ]);
    const db = await shard(tenantId);
    // Today has not ended: nothing yet.
    expect(await chargeStorage(db, UNSCOPED)).toBe(false);
    expect(await charges(key, { fee: "storage" })).toEqual([]);
    const tomorrow = Date.parse(`${addDays(TODAY, 1)}T00:05:00Z`);
    await storageUntil(tenantId, tomorrow);
    await storageUntil(tenantId, tomorrow);
    const storage = await charges(key, { fee: "storage" });
    expect(storage.map((l) => [l.description, l.quantity, l.unit_rate, l.amount])).toEqual([
      // 100 units held, 10 of them damaged: every unit takes space.
      [`Storage ${TODAY}, small units in wh_syd_1`, 100, "0.005", "0.50"],
      [`Storage ${TODAY}, large units in wh_syd_1`, 7, "0.04", "0.28"],
    ]);
    expect(
      storage.every((l) => l.occurred_on === TODAY && l.source_id === `${tenantId}:${TODAY}`),
    ).toBe(true);
  });
});

describe("invoices", () => {
  it("rolls a month's charges into a draft, issues it once the month has closed, then keeps it", async () => {
    const { tenantId, key } = await billed();
    await receive(key, [{ sku: "BILL-S", received_quantity: 10 }]);
    const [draft] = (await ok(api(key).invoices.$get({ query: {} }))).data;
    expect(draft).toMatchObject({
      period: MONTH,
      status: "draft",
      currency: "AUD",
      lines: 1,
      subtotal: "2.00",
      tax: "0.20",
      total: "2.20",
      totals_by_fee: { receiving: "2.00" },
      issued_at: null,
    });
    const db = await shard(tenantId);
    // The month has not closed: nothing is issued.
    expect(await issueInvoices(db, UNSCOPED)).toBe(false);
    // Closed, but its last day's storage is not charged yet: still a draft.
    await issueInvoices(db, UNSCOPED, AFTER_MONTH);
    expect(
      (await ok(api(key).invoices[":id"].$get({ param: { id: draft?.id ?? "" } }))).status,
    ).toBe("draft");

    await storageUntil(tenantId, AFTER_MONTH);
    await issueInvoices(db, UNSCOPED, AFTER_MONTH);
    const issued = await ok(api(key).invoices[":id"].$get({ param: { id: draft?.id ?? "" } }));
    expect(issued).toMatchObject({ status: "issued", period: MONTH });
    expect(issued.issued_at).not.toBeNull();
    const days =
      Number(addDays(`${nextMonth(MONTH)}-01`, -1).slice(8)) - Number(TODAY.slice(8)) + 1;
    expect(issued.lines).toBe(1 + days);
    expect(issued.totals_by_fee).toEqual({
      receiving: "2.00",
      storage: ((days * 5) / 100).toFixed(2),
    });

    // One invoice.issued, with the invoice as issued.
    const events = await ok(api(key).events.$get({ query: { type: "invoice.issued" } }));
    expect(events.data.map((e) => e.data)).toEqual([issued]);
    await issueInvoices(db, UNSCOPED, AFTER_MONTH);
    expect(
      (await ok(api(key).events.$get({ query: { type: "invoice.issued" } }))).data,
    ).toHaveLength(1);

    // Immutable: its totals stay, and a charge made now goes on the next month's invoice.
    const shardDb = await dataOf(tenantId);
    await expect(
      shardDb.prepare("UPDATE invoices SET total = 0 WHERE id = ?").bind(issued.id).run(),
    ).rejects.toThrow(/invoice_immutable/);
    await receive(key, [{ sku: "BILL-S", received_quantity: 5 }]);
    const late = (await charges(key, { fee: "receiving" })).at(-1);
    expect(late).toMatchObject({
      invoice_period: nextMonth(MONTH),
      occurred_on: TODAY,
      amount: "1.00",
    });
    expect(await ok(api(key).invoices[":id"].$get({ param: { id: issued.id } }))).toEqual(issued);
    const all = (await ok(api(key).invoices.$get({ query: {} }))).data.sort((a, b) =>
      a.period.localeCompare(b.period),
    );
    expect(all.map((i) => [i.period, i.status])).toEqual([
      [MONTH, "issued"],
      [nextMonth(MONTH), "draft"],
    ]);
    const next = await ok(
      api(key).invoices[":id"].lines.$get({ param: { id: all[1]?.id ?? "" }, query: {} }),
    );
    expect(next.data.map((l) => l.id)).toContain(late?.id);
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(next.data.reduce((n, l) => n + cents(l.amount) + cents(l.tax), 0)).toBe(
      cents(all[1]?.total ?? "x"),
    );
  });

  it("exports an invoice's lines as CSV that adds up to its total", async () => {
    const { key } = await billed();
    await receive(key, [{ sku: "BILL-S", received_quantity: 3 }]);
    const order = await ok(
      api(key).orders.$post({ json: orderBody({ items: [{ sku: "BILL-S", quantity: 2 }] }) }),
    );
    await ship(key, order.id, [{ sku: "BILL-S", quantity: 2 }], {
      parcels: [parcel({ packaging: "mailer_small" })],
      cost: { amount: "7.05", currency: "AUD" },
    });
    const [invoice] = (await ok(api(key).invoices.$get({ query: {} }))).data;
    const res = await raw("GET", `/v1/invoices/${invoice?.id}/lines.csv`, { key });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const csv = String(res.body);
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header).toBe(
      "id,occurred_on,fee,description,source_type,source_id,order_id,warehouse_id,quantity,unit_rate,amount,tax,currency,credit_for",
    );
    expect(rows).toHaveLength(invoice?.lines ?? -1);
    const cents = (s: string) => Math.round(Number(s) * 100);
    const sum = rows.reduce((n, r) => {
      const cols = csvFields(r);
      expect(cols).toHaveLength(14);
      return n + cents(cols[10] ?? "0") + cents(cols[11] ?? "0");
    }, 0);
    expect(sum).toBe(cents(invoice?.total ?? "x"));
  });
});

/** One CSV row's fields, as RFC 4180 quotes them. */
function csvFields(row: string): string[] {
  return [...row.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, f = ""]) =>
    f.startsWith('"') ? f.slice(1, -1).replaceAll('""', '"') : f,
  );
}

describe("reconciliation", () => {
  it("replays the rest of a month of sandbox activity and reconciles the invoice with the orders, receipts, returns and daily stock", async () => {
    const { tenantId, key } = await billed();
    const sandbox = client(key).v1.sandbox;
    const card = CARD.fees;
    const rate = (s: string) => Math.round(Number(s) * 10_000);
    const amount = (q: number, r: string) => Math.floor((q * rate(r) * 100 + 5000) / 10_000);
    const expected: Record<string, number> = {};
    const add = (fee: string, cents: number) => {
      expected[fee] = (expected[fee] ?? 0) + cents;
    };
    const stockBySize = async () => {
      const units: Record<string, number> = { small: 0, large: 0 };
      for (const [sku, size] of [
        ["BILL-S", "small"],
        ["BILL-L", "large"],
      ] as const) {
        const row = (await ok(api(key).inventory.$get({ query: { sku } }))).data[0]?.warehouses[0];
        if (row)
          units[size] =
            (units[size] ?? 0) + row.on_hand + row.quarantine + row.damaged + row.expired;
      }
      return units;
    };

    const last = addDays(`${nextMonth(MONTH)}-01`, -1);
    const orders: string[] = [];
    for (let day = TODAY, n = 0; day <= last; day = addDays(day, 1), n++) {
      // Stock arrives every third day, from the sandbox's floor.
      if (n % 3 === 0) {
        for (const [sku, quantity] of [
          ["BILL-S", 6 + n],
          ["BILL-L", 2],
        ] as const) {
          expectStatus(
            await sandbox.inventory.replenish.$post({
              json: { sku, warehouse_id: "wh_syd_1", quantity },
            }),
            201,
          );
          add("receiving", amount(quantity, card.receiving_unit));
        }
      }
      // An order a day, fulfilled by the sandbox; every fifth is voided and shipped again.
      const units = 1 + (n % 4);
      const order = await ok(
        api(key).orders.$post({ json: orderBody({ items: [{ sku: "BILL-S", quantity: units }] }) }),
      );
      orders.push(order.id);
      let shipped = await ok(
        sandbox.orders[":id"].fulfill.$post({ param: { id: order.id }, json: {} }),
      );
      if (n % 5 === 4) {
        expectStatus(
          await api(key).ops.shipments[":id"].void.$post({ param: { id: shipped.id } }),
          200,
        );
        shipped = await ok(
          sandbox.orders[":id"].fulfill.$post({ param: { id: order.id }, json: {} }),
        );
      }
      // The sandbox's postage passes through with the card's markup.
      if (shipped.cost) {
        const marked = Math.floor((rate(shipped.cost.amount) * 11_000 + 5000) / 10_000);
        add("freight", Math.floor((marked * 100 + 5000) / 10_000));
      }
      add("order", amount(1, card.order));
      if (units > 1) add("additional_unit", amount(units - 1, card.additional_unit));
      // Every fourth order comes back, and is processed.
      if (n % 4 === 3) {
        const back = await ok(
          api(key).ops.returns.$post({
            json: {
              order_id: order.id,
              warehouse_id: "wh_syd_1",
              items: [{ sku: "BILL-S", quantity: 1, condition: "resellable", restocked: true }],
            },
          }),
        );
        expectStatus(
          await api(key).ops.returns[":id"].process.$post({ param: { id: back.id } }),
          200,
        );
        add("return", amount(1, card.return));
      }
      // The day ends: its storage is what the warehouse holds now.
      const held = await stockBySize();
      add(
        "storage",
        amount(held.small ?? 0, card.storage_per_unit_day.small) +
          amount(held.large ?? 0, card.storage_per_unit_day.large),
      );
      await storageUntil(tenantId, Date.parse(`${addDays(day, 1)}T00:05:00Z`));
    }
    await storageUntil(tenantId, AFTER_MONTH);
    await issueInvoices(await shard(tenantId), UNSCOPED, AFTER_MONTH);

    const [invoice] = (await ok(api(key).invoices.$get({ query: {} }))).data.filter(
      (i) => i.period === MONTH,
    );
    expect(invoice?.status).toBe("issued");
    const lines = [];
    for (let cursor: string | undefined; ; ) {
      const read = await ok(
        api(key).invoices[":id"].lines.$get({
          param: { id: invoice?.id ?? "" },
          query: { limit: "50", ...(cursor && { cursor }) },
        }),
      );
      lines.push(...read.data);
      cursor = read.pagination.next_cursor ?? undefined;
      if (!cursor) break;
    }
    const cents = (s: string) => Math.round(Number(s) * 100);
    const money = (c: number) => (c / 100).toFixed(2);
    // Per fee, what the orders, receipts, returns and days say; voids net to nothing.
    expect(invoice?.totals_by_fee).toEqual(
      Object.fromEntries(
        Object.entries(expected)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([fee, c]) => [fee, money(c)]),
      ),
    );
    // To the cent: the lines add up to the totals, and every line's tax is its own.
    const subtotal = lines.reduce((n, l) => n + cents(l.amount), 0);
    const tax = lines.reduce((n, l) => n + cents(l.tax), 0);
    expect(lines).toHaveLength(invoice?.lines ?? -1);
    expect([money(subtotal), money(tax), money(subtotal + tax)]).toEqual([
      invoice?.subtotal,
      invoice?.tax,
      invoice?.total,
    ]);
    for (const l of lines) {
      expect(cents(l.tax)).toBe(
        Math.sign(cents(l.amount)) * Math.floor((Math.abs(cents(l.amount)) * 1000 + 5000) / 10_000),
      );
    }
    // Every order's charges are listed by the order, and net to its fees.
    for (const id of orders) {
      const ofOrder = await charges(key, { order_id: id });
      expect(ofOrder.length).toBeGreaterThan(0);
      expect(ofOrder.every((l) => l.order_id === id)).toBe(true);
    }
  });
});
