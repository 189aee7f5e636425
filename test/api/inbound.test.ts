import { env } from "cloudflare:test";
import { assert, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { database } from "../../src/db/client";
import type { EventType } from "../../src/domain/events";
import { ErrorEnvelope } from "../../src/domain/shapes";
import { applyStrandedReceipts } from "../../src/inbound/inbound.commands";
import type {
  CreateInbound,
  InboundShipment,
  ReceiveInbound,
} from "../../src/inbound/inbound.routes";
import { admin, client, expectError, expectStatus, ok, raw, succeeded } from "../support/client";
import {
  createKey,
  createTenant,
  merchant,
  orderBody,
  seedReferenceData,
  stockOf,
} from "../support/merchant";
import { received as deliveries, eventually, payloadOf, receiver } from "../support/receiver";
import { dataOf } from "../support/shards";

/*
 * Guide §5a: the ERP announces an ASN, the floor counts what arrives, the ERP polls (or is
 * told) what landed with signed discrepancies, and good units reach on_hand and backorders.
 */

const BLUE = "WIDGET-BLUE-M";
const RED = "WIDGET-RED-S";
const ASN = "/v1/inbound-shipments";

type AsnInput = z.input<typeof CreateInbound>;
type ReceiptInput = z.input<typeof ReceiveInbound>;

const asnBody = (overrides: Partial<AsnInput> = {}): AsnInput => ({
  reference: `ASN-${crypto.randomUUID().slice(0, 8)}`,
  warehouse_id: "wh_syd_1",
  expected_at: "2026-07-08",
  supplier: "Acme Manufacturing",
  items: [
    { sku: BLUE, expected_quantity: 500 },
    { sku: RED, expected_quantity: 300 },
  ],
  ...overrides,
});

const asns = (key: string) => client(key).v1["inbound-shipments"];

async function announce(key: string, overrides: Partial<AsnInput> = {}) {
  const res = await asns(key).$post({ json: asnBody(overrides) });
  expectStatus(res, 201);
  return res.body;
}

const receive = (key: string, id: string, json: ReceiptInput, idem?: string) =>
  client(key).v1.ops["inbound-shipments"][":id"].receipts.$post({
    param: { id },
    json,
    header: { "idempotency-key": idem ?? crypto.randomUUID() },
  });

async function received(key: string, id: string, items: ReceiptInput["items"]) {
  const res = await receive(key, id, { items });
  expectStatus(res, 200);
  return res.body;
}

const line = (asn: InboundShipment, sku: string) => asn.items.find((i) => i.sku === sku);

async function eventsOf(key: string, type: EventType) {
  const res = await client(key).v1.events.$get({ query: { type } });
  expectStatus(res, 200);
  return res.body.data;
}

beforeAll(seedReferenceData);

describe("POST /v1/inbound-shipments", () => {
  it("announces the guide's ASN: 201, an ib_ id, status expected, the whole object", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const res = await asns(key).$post({ json: asnBody({ reference: "ASN-5567" }) });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^ib_/),
      reference: "ASN-5567",
      warehouse_id: "wh_syd_1",
      supplier: "Acme Manufacturing",
      expected_at: "2026-07-08",
      status: "expected",
      received_at: null,
      closed_at: null,
      items: [
        {
          sku: BLUE,
          expected_quantity: 500,
          received_quantity: 0,
          damaged_quantity: 0,
          discrepancy: -500,
        },
        { sku: RED, expected_quantity: 300, received_quantity: 0, damaged_quantity: 0 },
      ],
    });
    expect(res.headers.get("location")).toBe(`${ASN}/${res.body.id}`);
    const read = await asns(key)[":id"].$get({ param: { id: res.body.id } });
    expect(read.body).toEqual(res.body);
  });

  it("is exactly-once on Idempotency-Key plus reference", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const json = asnBody();
    const header = { "idempotency-key": crypto.randomUUID() };
    const first = await asns(key).$post({ json, header });
    expectStatus(first, 201);
    const again = await asns(key).$post({ json, header });
    expectStatus(again, 200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);

    const noKey = await asns(key).$post({ json });
    expectStatus(noKey, 200);
    expect(noKey.body.id).toBe(first.body.id);

    const otherRef = await asns(key).$post({ json: { ...json, reference: "ASN-OTHER" }, header });
    expectError(otherRef, 422, "idempotency_key_reused");

    const changed = await asns(key).$post({ json: { ...json, supplier: "Someone else" } });
    expectError(changed, 409, "duplicate_reference", "reference");

    const list = await ok(asns(key).$get({ query: { reference: json.reference } }));
    expect(list.data).toHaveLength(1);
  });

  it("answers concurrent creates of one reference with one ASN", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const json = asnBody();
    const results = await Promise.all(Array.from({ length: 5 }, () => asns(key).$post({ json })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.filter(succeeded).map((r) => r.body.id)).size).toBe(1);
    expect((await stockOf(key, BLUE))?.incoming).toBe(500);
  });

  it("refuses unknown SKUs and warehouses, bad quantities and dates with 422 naming the field", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ items: [{ sku: "NOPE", expected_quantity: 1 }] }, "items[0].sku", "unknown_sku"],
      [{ warehouse_id: "wh_nowhere" }, "warehouse_id", "invalid_warehouse"],
      [{ items: [{ sku: BLUE, expected_quantity: 0 }] }, "items[0].expected_quantity", ""],
      [{ items: [{ sku: BLUE, expected_quantity: -4 }] }, "items[0].expected_quantity", ""],
      [{ items: [{ sku: BLUE, expected_quantity: 1.5 }] }, "items[0].expected_quantity", ""],
      [{ items: [{ sku: BLUE, expected_quantity: "5" }] }, "items[0].expected_quantity", ""],
      [{ items: [] }, "items", ""],
      [{ expected_at: "next tuesday" }, "expected_at", ""],
      [{ reference: "" }, "reference", ""],
    ];
    for (const [overrides, field, code] of cases) {
      const res = await raw("POST", ASN, { key, json: { ...asnBody(), ...overrides } });
      expect(res.status, `${JSON.stringify(overrides)} → ${JSON.stringify(res.body)}`).toBe(422);
      const { error } = ErrorEnvelope.parse(res.body);
      expect(error.field).toBe(field);
      if (code) expect(error.code).toBe(code);
    }
    const list = await ok(asns(key).$get());
    expect(list.data).toEqual([]);
    expect((await stockOf(key, BLUE))?.incoming ?? 0).toBe(0);
  });
});

describe("lines of one SKU", () => {
  it("are added up into one line, on the ASN and on a receipt", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const asn = await announce(key, {
      items: [
        { sku: BLUE, expected_quantity: 10 },
        { sku: RED, expected_quantity: 4 },
        { sku: BLUE, expected_quantity: 5 },
      ],
    });
    expect(asn.items.map((i) => [i.sku, i.expected_quantity])).toEqual([
      [BLUE, 15],
      [RED, 4],
    ]);
    const after = await received(key, asn.id, [
      { sku: BLUE, received_quantity: 6, damaged_quantity: 1 },
      { sku: BLUE, received_quantity: 9 },
    ]);
    expect(line(after, BLUE)).toMatchObject({ received_quantity: 15, damaged_quantity: 1 });
  });
});

describe("reading, amending and cancelling ASNs", () => {
  it("counts open ASNs as incoming per SKU × warehouse, never below zero", async () => {
    const { key } = await merchant({ [BLUE]: 10, [RED]: 0 });
    const a = await announce(key);
    await announce(key, { items: [{ sku: BLUE, expected_quantity: 20 }] });
    await announce(key, {
      warehouse_id: "wh_mel_1",
      items: [{ sku: BLUE, expected_quantity: 7 }],
    });
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 10, incoming: 520 });
    expect(await stockOf(key, BLUE, "wh_mel_1")).toMatchObject({ on_hand: 0, incoming: 7 });

    await received(key, a.id, [{ sku: BLUE, received_quantity: 200 }]);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 210, incoming: 320 });
    // Over-receipt: the line is done; it never makes incoming negative.
    await received(key, a.id, [{ sku: BLUE, received_quantity: 400 }]);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 610, incoming: 20 });
    expect(await stockOf(key, RED)).toMatchObject({ on_hand: 0, incoming: 300 });
  });

  it("amends an expected ASN and replaces its lines; incoming follows", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    const param = { id: a.id };
    const res = await asns(key)[":id"].$patch({
      param,
      json: { supplier: "Acme Pty", items: [{ sku: RED, expected_quantity: 120 }] },
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      supplier: "Acme Pty",
      expected_at: "2026-07-08",
      status: "expected",
      items: [{ sku: RED, expected_quantity: 120 }],
    });
    expect(Number(res.body.version)).toBeGreaterThan(Number(a.version));
    expect(res.body.updated_at >= a.updated_at).toBe(true);
    expect((await stockOf(key, BLUE))?.incoming ?? 0).toBe(0);
    expect((await stockOf(key, RED))?.incoming).toBe(120);

    const bad = await asns(key)[":id"].$patch({
      param,
      json: { items: [{ sku: "GHOST", expected_quantity: 1 }] },
    });
    expectError(bad, 422, "unknown_sku", "items[0].sku");
    expect((await asns(key)[":id"].$get({ param })).body).toEqual(res.body);
  });

  it("cancels an expected ASN, which stops counting as incoming; cancelling twice is 200", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    const param = { id: a.id };
    const res = await asns(key)[":id"].cancel.$post({ param });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ status: "cancelled", cancelled_at: expect.any(String) });
    expect((await stockOf(key, BLUE))?.incoming ?? 0).toBe(0);
    expect((await asns(key)[":id"].cancel.$post({ param })).body).toEqual(res.body);
    expectError(
      await receive(key, a.id, { items: [{ sku: BLUE, received_quantity: 1 }] }),
      409,
      "inbound_not_open",
    );
    expectError(
      await asns(key)[":id"].$patch({ param, json: { supplier: "x" } }),
      409,
      "inbound_not_open",
    );
  });

  it("answers 409 to PATCH and cancel once anything has arrived", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    const param = { id: a.id };
    await received(key, a.id, [{ sku: BLUE, received_quantity: 1 }]);
    const patch = await asns(key)[":id"].$patch({ param, json: { supplier: "x" } });
    expect(expectError(patch, 409, "inbound_not_open").inbound_status).toBe("partially_received");
    expectError(await asns(key)[":id"].cancel.$post({ param }), 409, "inbound_not_open");
  });

  it("lists by updated_since with cursors, status and reference", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await announce(key));
    const [m0, m1, m2, m3, m4] = made;
    assert(m0 && m1 && m2 && m3 && m4);
    await received(key, m1.id, [{ sku: BLUE, received_quantity: 5 }]);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const res = await asns(key).$get({
        query: { updated_since: "2020-01-01T00:00:00Z", limit: "2", cursor },
      });
      expectStatus(res, 200);
      seen.push(...res.body.data.map((a) => a.id));
      if (!res.body.pagination.has_more) break;
      cursor = res.body.pagination.next_cursor ?? undefined;
    }
    // Oldest change first: the one received last comes last.
    expect(seen).toEqual([m0, m2, m3, m4, m1].map((a) => a.id));

    const partial = await ok(asns(key).$get({ query: { status: "partially_received" } }));
    expect(partial.data.map((a) => a.id)).toEqual([m1.id]);
    const byRef = await ok(asns(key).$get({ query: { reference: m3.reference } }));
    expect(byRef.data.map((a) => a.id)).toEqual([m3.id]);
    expectError(await raw("GET", `${ASN}?status=lost`, { key }), 400, "invalid_parameter");
  });
});

describe("POST /v1/ops/inbound-shipments/{id}/receipts", () => {
  it("gives the guide's result: 498 of 500 and 300 of 300 is received, −2 and 0", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key, { reference: "ASN-5567" });
    const body = await received(key, a.id, [
      { sku: BLUE, received_quantity: 498 },
      { sku: RED, received_quantity: 300 },
    ]);
    expect(body).toMatchObject({
      id: a.id,
      reference: "ASN-5567",
      status: "received",
      received_at: expect.stringMatching(/Z$/),
      warehouse_id: "wh_syd_1",
      items: [
        { sku: BLUE, expected_quantity: 500, received_quantity: 498, discrepancy: -2 },
        { sku: RED, expected_quantity: 300, received_quantity: 300, discrepancy: 0 },
      ],
    });
    const poll = await ok(asns(key).$get({ query: { updated_since: a.created_at } }));
    expect(poll.data).toEqual([body]);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 498, available: 498, incoming: 0 });
    expect(await stockOf(key, RED)).toMatchObject({ on_hand: 300, incoming: 0 });
  });

  it("accumulates receipts: partially_received until every line has one", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    const first = await received(key, a.id, [{ sku: BLUE, received_quantity: 200 }]);
    expect(first.status).toBe("partially_received");
    expect(line(first, BLUE)).toMatchObject({ received_quantity: 200, discrepancy: -300 });
    const second = await received(key, a.id, [{ sku: BLUE, received_quantity: 250 }]);
    expect(second.status).toBe("partially_received");
    expect(line(second, BLUE)).toMatchObject({ received_quantity: 450, discrepancy: -50 });
    const third = await received(key, a.id, [
      { sku: RED, received_quantity: 310, damaged_quantity: 4 },
      { sku: BLUE, received_quantity: 50 },
    ]);
    expect(third.status).toBe("received");
    expect(line(third, RED)).toMatchObject({
      received_quantity: 310,
      damaged_quantity: 4,
      discrepancy: 10,
    });
    expect(line(third, BLUE)).toMatchObject({ received_quantity: 500, discrepancy: 0 });
    // Damaged units never reach the shelf.
    expect(await stockOf(key, RED)).toMatchObject({ on_hand: 306 });
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 500 });
    // Late units after received still count until receiving is closed.
    const late = await received(key, a.id, [{ sku: BLUE, received_quantity: 2 }]);
    expect(line(late, BLUE)).toMatchObject({ received_quantity: 502, discrepancy: 2 });
  });

  it("records a SKU the ASN did not expect as a line of its own", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key, { items: [{ sku: BLUE, expected_quantity: 10 }] });
    const body = await received(key, a.id, [
      { sku: BLUE, received_quantity: 10 },
      { sku: RED, received_quantity: 3 },
    ]);
    expect(line(body, RED)).toEqual({
      sku: RED,
      expected_quantity: 0,
      received_quantity: 3,
      damaged_quantity: 0,
      discrepancy: 3,
    });
    expect(body.status).toBe("received");
    expect(await stockOf(key, RED)).toMatchObject({ on_hand: 3 });
  });

  it("fills waiting backorders oldest first with the good units", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const orders = [];
    for (let i = 0; i < 3; i++) {
      const res = await client(key).v1.orders.$post({
        json: orderBody({
          items: [{ sku: BLUE, quantity: 2, unit_price: "1.00", currency: "AUD" }],
        }),
      });
      expectStatus(res, 201);
      expect(res.body.status).toBe("backordered");
      orders.push(res.body.id);
    }
    const a = await announce(key, { items: [{ sku: BLUE, expected_quantity: 10 }] });
    await received(key, a.id, [{ sku: BLUE, received_quantity: 6, damaged_quantity: 2 }]);
    const statuses = [];
    for (const id of orders)
      statuses.push((await ok(client(key).v1.orders[":id"].$get({ param: { id } }))).status);
    expect(statuses).toEqual(["received", "received", "backordered"]);
    expect(await stockOf(key, BLUE)).toMatchObject({
      on_hand: 4,
      allocated: 4,
      available: 0,
      backordered: 2,
      // Every line has a receipt, so the ASN is received and no longer incoming.
      incoming: 0,
    });
  });

  it("never double-counts: a retried receipt is replayed, concurrent receipts both count once", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    const idem = crypto.randomUUID();
    const body = { items: [{ sku: BLUE, received_quantity: 100 }] };
    const [x, y] = await Promise.all([
      receive(key, a.id, body, idem),
      receive(key, a.id, body, idem),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 200]);
    const retry = await receive(key, a.id, body, idem);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const concurrent = await Promise.all(
      Array.from({ length: 4 }, () =>
        receive(key, a.id, { items: [{ sku: RED, received_quantity: 10 }] }),
      ),
    );
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const now = await ok(asns(key)[":id"].$get({ param: { id: a.id } }));
    expect(line(now, BLUE)?.received_quantity).toBe(100);
    expect(line(now, RED)?.received_quantity).toBe(40);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 100 });
    expect(await stockOf(key, RED)).toMatchObject({ on_hand: 40 });
  });

  it("puts a counted receipt's stock on the shelf once, even when the backstop runs again", async () => {
    const { key, tenantId } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    await received(key, a.id, [{ sku: BLUE, received_quantity: 7 }]);
    const shard = await dataOf(tenantId);
    const db = database(shard);
    // Pretend the request stopped after counting: the stock object must still take it once.
    await shard
      .prepare("UPDATE inbound_receipts SET stock_applied_at = NULL WHERE inbound_id = ?")
      .bind(a.id)
      .run();
    await shard
      .prepare(
        "UPDATE inbound_receipts SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 hour') WHERE inbound_id = ?",
      )
      .bind(a.id)
      .run();
    await applyStrandedReceipts(env, db);
    await applyStrandedReceipts(env, db);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 7 });
    const left = await shard
      .prepare(
        "SELECT COUNT(*) AS n FROM inbound_receipts WHERE inbound_id = ? AND stock_applied_at IS NULL",
      )
      .bind(a.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it("refuses bad receipts with 422 naming the field and counts nothing", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    const cases: [ReceiptInput, string][] = [
      [{ items: [{ sku: "NOPE", received_quantity: 1 }] }, "items[0].sku"],
      [{ items: [{ sku: BLUE, received_quantity: -1 }] }, "items[0].received_quantity"],
      [
        { items: [{ sku: BLUE, received_quantity: 2, damaged_quantity: 3 }] },
        "items[0].damaged_quantity",
      ],
      [{ items: [] }, "items"],
      [{ items: [{ sku: BLUE, received_quantity: 1 }], received_at: "yesterday" }, "received_at"],
    ];
    for (const [body, field] of cases) {
      const res = await receive(key, a.id, body);
      expect(res.status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBe(422);
      expect(ErrorEnvelope.parse(res.body).error.field).toBe(field);
    }
    const now = await ok(asns(key)[":id"].$get({ param: { id: a.id } }));
    expect(now.status).toBe("expected");
    expect((await stockOf(key, BLUE))?.on_hand).toBe(0);
  });

  it("closes receiving with what arrived; closing twice returns the closed ASN", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    await received(key, a.id, [{ sku: BLUE, received_quantity: 480 }]);
    const close = () =>
      client(key).v1.ops["inbound-shipments"][":id"].close.$post({
        param: { id: a.id },
        header: { "idempotency-key": crypto.randomUUID() },
      });
    const closed = await close();
    expectStatus(closed, 200);
    expect(closed.body).toMatchObject({ status: "received", closed_at: expect.any(String) });
    expect(line(closed.body, RED)).toMatchObject({ received_quantity: 0, discrepancy: -300 });
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 480, incoming: 0 });
    expect((await stockOf(key, RED))?.incoming ?? 0).toBe(0);
    expect((await close()).body).toEqual(closed.body);
    expectError(
      await receive(key, a.id, { items: [{ sku: BLUE, received_quantity: 1 }] }),
      409,
      "inbound_not_open",
    );
  });
});

describe("inbound events", () => {
  it("fires inbound.received on each receipt and inbound.discrepancy when received short", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    await received(key, a.id, [{ sku: BLUE, received_quantity: 498 }]);
    expect(await eventsOf(key, "inbound.discrepancy")).toEqual([]);
    const last = await received(key, a.id, [{ sku: RED, received_quantity: 300 }]);
    const receipts = await eventsOf(key, "inbound.received");
    expect(receipts).toHaveLength(2);
    expect(receipts.at(-1)?.data).toEqual(last);
    const discrepancies = await eventsOf(key, "inbound.discrepancy");
    expect(discrepancies).toHaveLength(1);
    expect(discrepancies[0]?.data).toMatchObject({ id: a.id, status: "received" });
  });

  it("fires no discrepancy for an exact delivery, and one when closed short", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const exact = await announce(key);
    await received(key, exact.id, [
      { sku: BLUE, received_quantity: 500 },
      { sku: RED, received_quantity: 300 },
    ]);
    expect(await eventsOf(key, "inbound.discrepancy")).toEqual([]);
    const short = await announce(key);
    const closed = await client(key).v1.ops["inbound-shipments"][":id"].close.$post({
      param: { id: short.id },
    });
    expect(closed.status).toBe(200);
    const discrepancies = await eventsOf(key, "inbound.discrepancy");
    expect(discrepancies.map((e) => e.data.id)).toEqual([short.id]);
  });

  it("delivers both inbound events, signed, to a subscribed receiver", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const name = `inbound-${crypto.randomUUID()}`;
    const sub = await client(key).v1.webhooks.$post({
      json: {
        url: `${receiver}/ok/${name}`,
        events: ["inbound.received", "inbound.discrepancy"],
      },
    });
    expectStatus(sub, 201);
    const a = await announce(key);
    const last = await received(key, a.id, [
      { sku: BLUE, received_quantity: 498 },
      { sku: RED, received_quantity: 300 },
    ]);
    const log = await eventually(
      () => deliveries(name),
      (got) => got.length >= 2,
      "both inbound deliveries",
    );
    const bodies = log.map(payloadOf);
    expect(bodies.map((b) => b.event_type).sort()).toEqual([
      "inbound.discrepancy",
      "inbound.received",
    ]);
    for (const b of bodies) expect(b.data).toEqual(last);
    for (const m of log)
      expect(m.headers["x-webhook-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });
});

describe("inbound isolation and scopes", () => {
  it("hides another tenant's ASN behind 404, for reads, writes and receipts", async () => {
    const owner = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(owner.key);
    const other = await merchant({ [BLUE]: 0, [RED]: 0 });
    const param = { id: a.id };
    expectError(await asns(other.key)[":id"].$get({ param }), 404, "not_found");
    expectError(
      await asns(other.key)[":id"].$patch({ param, json: { supplier: "x" } }),
      404,
      "not_found",
    );
    expectError(await asns(other.key)[":id"].cancel.$post({ param }), 404, "not_found");
    expectError(
      await receive(other.key, a.id, { items: [{ sku: BLUE, received_quantity: 1 }] }),
      404,
      "not_found",
    );
    expect((await ok(asns(other.key).$get())).data).toEqual([]);
    // The same reference is free for another tenant.
    const same = await asns(other.key).$post({ json: asnBody({ reference: a.reference }) });
    expect(same.status).toBe(201);
  });

  it("needs inbound:write to announce, inbound:read to read and warehouse:operate to receive", async () => {
    await seedReferenceData();
    const tenant = await createTenant();
    for (const sku of [BLUE, RED]) {
      await client(tenant.key).v1.products.$post({ json: { sku, name: sku } });
    }
    const a = await announce(tenant.key);
    const param = { id: a.id };
    const reader = await createKey(tenant.tenantId, { scopes: ["inbound:read"] });
    const writer = await createKey(tenant.tenantId, { scopes: ["inbound:write"] });
    expectError(await asns(reader.key).$post({ json: asnBody() }), 403, "insufficient_scope");
    expect((await asns(reader.key)[":id"].$get({ param })).status).toBe(200);
    expectError(await asns(writer.key)[":id"].$get({ param }), 403, "insufficient_scope");
    expect((await asns(writer.key).$post({ json: asnBody() })).status).toBe(201);
    expectError(
      await receive(writer.key, a.id, { items: [{ sku: BLUE, received_quantity: 1 }] }),
      403,
      "insufficient_scope",
    );
    const events = await createKey(tenant.tenantId, { scopes: ["events:read"] });
    expectError(
      await client(events.key).v1.events.$get({ query: { type: "inbound.received" } }),
      403,
      "insufficient_scope",
    );
  });

  it("lets a platform key receive any tenant's ASN", async () => {
    const { key } = await merchant({ [BLUE]: 0, [RED]: 0 });
    const a = await announce(key);
    const platform = await admin["api-keys"].$post({
      json: { name: "floor", scopes: ["warehouse:operate"] },
    });
    expectStatus(platform, 201);
    const res = await receive(platform.body.key, a.id, {
      items: [{ sku: BLUE, received_quantity: 3 }],
    });
    expectStatus(res, 200);
    expect(await stockOf(key, BLUE)).toMatchObject({ on_hand: 3 });
  });
});
