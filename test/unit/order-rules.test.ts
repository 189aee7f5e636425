import { describe, expect, it } from "vitest";
import { type OrderAction, orderAllows } from "../../src/domain/actions";
import type { Refusal } from "../../src/domain/refusals";
import { ORDER_STATUSES, type OrderStatus } from "../../src/domain/statuses";
import {
  type Change,
  type Decision,
  isChange,
  type OrderCommand,
  type OrderState,
} from "../../src/orders/order";
import { decide, settle } from "../../src/orders/order-rules";
import { factsOf } from "../../src/orders/orders.render";
import type { ShipmentRecord } from "../../src/shipments/shipments.rules";

const ID = { tenantId: "ten_1", orderId: "ord_1" };
const NOW = "2026-07-02T10:00:00.000Z";

const create: OrderCommand = {
  type: "create",
  actor: "key_1",
  priority: 7,
  createdAt: NOW,
  lines: [
    {
      id: "li_A",
      lineId: null,
      sku: "A",
      description: "a",
      quantity: 2,
      unitPrice: "1.00",
      currency: "AUD",
      hsCode: null,
      countryOfOrigin: null,
      customsValue: null,
      customsCurrency: null,
    },
    {
      id: "li_B",
      lineId: null,
      sku: "B",
      description: null,
      quantity: 1,
      unitPrice: null,
      currency: null,
      hsCode: null,
      countryOfOrigin: null,
      customsValue: null,
      customsCurrency: null,
    },
  ],
  order: {
    orderNumber: "SO-1",
    reference: "F-1",
    orderDate: null,
    warehouseId: "wh_1",
    shippingMethodId: null,
    shippingMethod: null,
    signatureRequired: false,
    insurance: false,
    giftMessage: null,
    packingNote: null,
    shipTo: { name: "J", address1: "1 St", city: "Sydney", country: "AU" },
    terms: null,
  },
};

function change(d: Decision): Change {
  if (!isChange(d)) throw new Error(`expected a change, got ${JSON.stringify(d)}`);
  return d;
}

const refusal = (d: Decision) => d as Refusal;

/** A committed order in `status`, its lines allocated unless told otherwise. */
function state(
  status: OrderStatus,
  allocation: Record<string, "allocated" | "backordered"> = {},
): OrderState {
  const created = settle(
    null,
    change(decide(ID, null, create, NOW)),
    ["A", "B"].map((sku, i) => ({
      lineNo: i + 1,
      sku,
      status: allocation[sku] ?? "allocated",
      seq: 1,
    })),
  );
  return {
    order: { ...created.order, status, version: 3, createdAt: NOW, updatedAt: NOW, changeSeq: 1 },
    lines: created.lines,
    shipments: [],
    head: { seq: 3, hash: "h" },
  };
}

const ship = (shipmentId: string, items: { sku: string; quantity: number }[]): OrderCommand => ({
  type: "ship",
  actor: "floor",
  shipmentId,
  items,
  cost: null,
  shippedAt: NOW,
  parcels: [
    {
      trackingNumber: "T1",
      trackingUrl: null,
      carrier: "auspost",
      service: "Express",
      weight: null,
      dimensions: null,
    },
  ],
});

function shipped(s: OrderState, c: Change): OrderState {
  const record = c.shipment?.record as ShipmentRecord;
  return {
    ...s,
    order: { ...s.order, ...c.order },
    shipments: [...s.shipments.filter((r) => r.row.id !== record.row.id), record],
  };
}

describe("create", () => {
  it("asks every line of its stock and lets allocation decide the status", () => {
    const c = change(decide(ID, null, create, NOW));
    expect(c.demands).toEqual([
      { lineNo: 1, sku: "A", quantity: 2 },
      { lineNo: 2, sku: "B", quantity: 1 },
    ]);
    const all = settle(null, c, [
      { lineNo: 1, sku: "A", status: "allocated", seq: 1 },
      { lineNo: 2, sku: "B", status: "allocated", seq: 1 },
    ]);
    expect(all.order.status).toBe("received");
    expect(all.diff).toEqual({ status: "received" });
    const short = settle(null, c, [
      { lineNo: 1, sku: "A", status: "allocated", seq: 1 },
      { lineNo: 2, sku: "B", status: "backordered", seq: 1 },
    ]);
    expect(short.order.status).toBe("backordered");
    expect(short.lines.map((l) => l.allocation)).toEqual(["allocated", "backordered"]);
  });

  it("is nothing new for an order that exists", () => {
    expect(decide(ID, state("received"), create, NOW)).toEqual({ unchanged: true });
  });
});

describe("every other command needs the order", () => {
  const commands: OrderCommand[] = [
    { type: "cancel", actor: "k", reason: null },
    { type: "hold", actor: "k", reason: "r" },
    { type: "release", actor: "k" },
    { type: "start_picking", actor: "k" },
    { type: "amend", actor: "k", patch: { packing_note: "x" } },
    ship("shp_1", [{ sku: "A", quantity: 1 }]),
  ];
  it.each(commands.map((c) => [c.type, c] as const))("%s on nothing is not_found", (_, cmd) => {
    expect(refusal(decide(ID, null, cmd, NOW)).code).toBe("not_found");
  });
});

describe("amend", () => {
  it("changes only what is sent, asks stock only for lines whose quantity moved", () => {
    const s = state("received");
    const c = change(
      decide(
        ID,
        s,
        {
          type: "amend",
          actor: "k",
          patch: { packing_note: "Side door" },
          lines: [
            {
              id: "li_A2",
              sku: "A",
              description: "a",
              quantity: 5,
              unitPrice: "1.00",
              currency: "AUD",
            },
            {
              id: "li_C",
              sku: "C",
              description: null,
              quantity: 1,
              unitPrice: null,
              currency: null,
            },
          ],
        },
        NOW,
      ),
    );
    expect(c.diff.packing_note).toEqual({ from: null, to: "Side door" });
    expect(c.demands).toEqual([
      { lineNo: 2, sku: "B", quantity: 0 },
      { lineNo: 1, sku: "A", quantity: 5 },
      { lineNo: 3, sku: "C", quantity: 1 },
    ]);
    const settled = settle(s, c, [
      { lineNo: 1, sku: "A", status: "backordered", seq: 2 },
      { lineNo: 2, sku: "B", status: "released", seq: 2 },
      { lineNo: 3, sku: "C", status: "allocated", seq: 2 },
    ]);
    expect(settled.order.status).toBe("backordered");
    expect(settled.diff.status).toEqual({ from: "received", to: "backordered" });
  });

  it("keeps an order on hold on hold whatever allocation says", () => {
    const s = state("on_hold");
    const c = change(
      decide(
        ID,
        s,
        {
          type: "amend",
          actor: "k",
          patch: {},
          lines: [
            {
              id: "li_new",
              sku: "A",
              description: "a",
              quantity: 9,
              unitPrice: "1.00",
              currency: "AUD",
            },
          ],
        },
        NOW,
      ),
    );
    expect(
      settle(s, c, [{ lineNo: 1, sku: "A", status: "backordered", seq: 2 }]).order.status,
    ).toBe("on_hold");
  });

  it("is unchanged when nothing differs, and refuses what the rules forbid", () => {
    const s = state("received");
    expect(
      decide(ID, s, { type: "amend", actor: "k", patch: { packing_note: null } }, NOW),
    ).toEqual({ unchanged: true });
    expect(
      refusal(decide(ID, s, { type: "amend", actor: "k", ifMatch: 2, patch: {} }, NOW)),
    ).toMatchObject({
      code: "version_conflict",
      current_version: "3",
    });
    expect(
      refusal(decide(ID, s, { type: "amend", actor: "k", warehouseId: "wh_2", patch: {} }, NOW)),
    ).toMatchObject({
      code: "warehouse_change_not_allowed",
      field: "warehouse_id",
    });
    for (const status of ["processing", "partially_shipped", "shipped"] as const) {
      expect(
        refusal(decide(ID, state(status), { type: "amend", actor: "k", patch: {} }, NOW)).code,
      ).toBe("too_late_to_amend");
    }
    expect(
      refusal(decide(ID, state("cancelled"), { type: "amend", actor: "k", patch: {} }, NOW)).code,
    ).toBe("order_cancelled");
  });
});

describe("cancel, hold, release, start picking", () => {
  it("cancels an open order, releasing every line", () => {
    for (const status of ["received", "backordered", "on_hold"] as const) {
      const c = change(decide(ID, state(status), { type: "cancel", actor: "k", reason: "r" }, NOW));
      expect(c.order).toMatchObject({ status: "cancelled", cancelReason: "r", cancelledAt: NOW });
      expect(c.demands).toEqual([
        { lineNo: 1, sku: "A", quantity: 0 },
        { lineNo: 2, sku: "B", quantity: 0 },
      ]);
    }
    expect(
      decide(ID, state("cancelled"), { type: "cancel", actor: "k", reason: null }, NOW),
    ).toEqual({ unchanged: true });
    expect(
      refusal(decide(ID, state("processing"), { type: "cancel", actor: "k", reason: null }, NOW))
        .code,
    ).toBe("not_cancelable");
    for (const status of ["partially_shipped", "shipped"] as const) {
      expect(
        refusal(decide(ID, state(status), { type: "cancel", actor: "k", reason: null }, NOW)).code,
      ).toBe("already_shipped");
    }
  });

  it("holds an open order once per reason and releases it to what allocation says", () => {
    const held = change(
      decide(ID, state("received"), { type: "hold", actor: "k", reason: "address" }, NOW),
    );
    expect(held.order).toMatchObject({ status: "on_hold", holdReason: "address" });
    expect(held.demands).toEqual([]);
    const onHold = {
      ...state("on_hold"),
      order: { ...state("on_hold").order, holdReason: "address" },
    };
    expect(decide(ID, onHold, { type: "hold", actor: "k", reason: "address" }, NOW)).toEqual({
      unchanged: true,
    });
    for (const status of ["processing", "shipped", "partially_shipped", "cancelled"] as const) {
      expect(
        refusal(decide(ID, state(status), { type: "hold", actor: "k", reason: "x" }, NOW)).code,
      ).toBe("not_holdable");
    }
    expect(
      change(decide(ID, state("on_hold"), { type: "release", actor: "k" }, NOW)).order.status,
    ).toBe("received");
    expect(
      change(
        decide(ID, state("on_hold", { B: "backordered" }), { type: "release", actor: "k" }, NOW),
      ).order.status,
    ).toBe("backordered");
    expect(refusal(decide(ID, state("received"), { type: "release", actor: "k" }, NOW)).code).toBe(
      "not_on_hold",
    );
  });

  it("starts picking only a received order", () => {
    expect(
      change(decide(ID, state("received"), { type: "start_picking", actor: "k" }, NOW)).order
        .status,
    ).toBe("processing");
    expect(decide(ID, state("processing"), { type: "start_picking", actor: "k" }, NOW)).toEqual({
      unchanged: true,
    });
    const refusals: [OrderStatus, string][] = [
      ["backordered", "not_allocated"],
      ["on_hold", "order_on_hold"],
      ["cancelled", "order_cancelled"],
      ["shipped", "already_shipped"],
      ["partially_shipped", "already_shipped"],
    ];
    for (const [status, code] of refusals) {
      expect(
        refusal(decide(ID, state(status), { type: "start_picking", actor: "k" }, NOW)).code,
      ).toBe(code);
    }
  });
});

describe("shipments", () => {
  it("records the lots each line's move answered, whichever of its answers came last", () => {
    const c = change(
      decide(ID, state("received"), ship("shp_1", [{ sku: "A", quantity: 2 }]), NOW),
    );
    // Shipping from received also locks every line: line 1 is answered twice.
    expect(c.locks.map((l) => l.lineNo)).toEqual([1, 2]);
    const lots = [{ lot: "L1", expires_on: "2027-01-31", quantity: 2 }];
    const moved = { lineNo: 1, sku: "A", status: "allocated" as const, seq: 5, lots };
    const locked = { lineNo: 1, sku: "A", status: "allocated" as const, seq: 5 };
    for (const answers of [
      [moved, locked],
      [locked, moved],
    ]) {
      const settled = settle(state("received"), c, answers);
      expect(settled.shipment?.record.items).toEqual([expect.objectContaining({ sku: "A", lots })]);
    }
  });

  it("ships part then the rest, moving stock out once per shipment", () => {
    let s = state("processing");
    const first = change(decide(ID, s, ship("shp_1", [{ sku: "A", quantity: 1 }]), NOW));
    expect(first.order.status).toBe("partially_shipped");
    expect(first.moves).toEqual([{ lineNo: 1, sku: "A", quantity: -1, ref: "ship:shp_1" }]);
    s = shipped(s, first);
    expect(decide(ID, s, ship("shp_1", [{ sku: "A", quantity: 1 }]), NOW)).toEqual({
      unchanged: true,
    });
    const rest = change(
      decide(
        ID,
        s,
        ship("shp_2", [
          { sku: "A", quantity: 1 },
          { sku: "B", quantity: 1 },
        ]),
        NOW,
      ),
    );
    expect(rest.order.status).toBe("shipped");
  });

  it("checks every item before anything moves", () => {
    const s = state("received");
    expect(refusal(decide(ID, s, ship("shp_1", [{ sku: "A", quantity: 3 }]), NOW))).toMatchObject({
      code: "over_shipment",
      field: "items[0].quantity",
      remaining: 2,
    });
    expect(
      refusal(
        decide(
          ID,
          s,
          ship("shp_1", [
            { sku: "A", quantity: 1 },
            { sku: "Z", quantity: 1 },
          ]),
          NOW,
        ),
      ),
    ).toMatchObject({
      code: "sku_not_in_order",
      field: "items[1].sku",
    });
    const partly = state("received", { B: "backordered" });
    expect(
      refusal(decide(ID, partly, ship("shp_1", [{ sku: "B", quantity: 1 }]), NOW)),
    ).toMatchObject({
      code: "not_allocated",
      field: "items[0].sku",
    });
    for (const [status, code] of [
      ["cancelled", "order_cancelled"],
      ["on_hold", "order_on_hold"],
      ["backordered", "not_allocated"],
    ] as const) {
      expect(
        refusal(decide(ID, state(status), ship("shp_1", [{ sku: "A", quantity: 1 }]), NOW)).code,
      ).toBe(code);
    }
  });

  it("tracks carrier statuses without touching the order, never out of delivered or voided", () => {
    const s = shipped(
      state("processing"),
      change(
        decide(
          ID,
          state("processing"),
          ship("shp_1", [
            { sku: "A", quantity: 2 },
            { sku: "B", quantity: 1 },
          ]),
          NOW,
        ),
      ),
    );
    const track = (status: "in_transit" | "delivered" | "exception") =>
      decide(
        ID,
        s,
        { type: "track", actor: "k", shipmentId: "shp_1", status, occurredAt: NOW, note: null },
        NOW,
      );
    const transit = change(track("in_transit"));
    expect(transit.touchesOrder).toBe(false);
    expect(transit.shipment?.record.row).toMatchObject({ status: "in_transit", version: 2 });
    expect(
      refusal(
        decide(
          ID,
          s,
          {
            type: "track",
            actor: "k",
            shipmentId: "shp_x",
            status: "in_transit",
            occurredAt: NOW,
            note: null,
          },
          NOW,
        ),
      ).code,
    ).toBe("shipment_not_found");
    const delivered = shipped(s, change(track("delivered")));
    expect(
      refusal(
        decide(
          ID,
          delivered,
          {
            type: "track",
            actor: "k",
            shipmentId: "shp_1",
            status: "exception",
            occurredAt: NOW,
            note: null,
          },
          NOW,
        ),
      ).code,
    ).toBe("already_delivered");
    expect(
      refusal(decide(ID, delivered, { type: "void", actor: "k", shipmentId: "shp_1" }, NOW)).code,
    ).toBe("already_delivered");
  });

  it("voids a label: units go back and the order returns to what remains shipped", () => {
    const s = shipped(
      state("processing"),
      change(
        decide(
          ID,
          state("processing"),
          ship("shp_1", [
            { sku: "A", quantity: 2 },
            { sku: "B", quantity: 1 },
          ]),
          NOW,
        ),
      ),
    );
    expect(s.order.status).toBe("shipped");
    const voided = change(decide(ID, s, { type: "void", actor: "k", shipmentId: "shp_1" }, NOW));
    expect(voided.order.status).toBe("processing");
    expect(voided.moves).toEqual([
      { lineNo: 1, sku: "A", quantity: 2, ref: "void:shp_1" },
      { lineNo: 2, sku: "B", quantity: 1, ref: "void:shp_1" },
    ]);
    const after = shipped(s, voided);
    expect(decide(ID, after, { type: "void", actor: "k", shipmentId: "shp_1" }, NOW)).toEqual({
      unchanged: true,
    });
    expect(
      refusal(
        decide(
          ID,
          after,
          {
            type: "track",
            actor: "k",
            shipmentId: "shp_1",
            status: "in_transit",
            occurredAt: NOW,
            note: null,
          },
          NOW,
        ),
      ).code,
    ).toBe("shipment_voided");
  });
});

describe("allocation changes from stock", () => {
  it("records a newer answer that changes a line, and ignores stale or equal ones", () => {
    const s = state("backordered", { B: "backordered" });
    const fill = {
      type: "allocation_changed" as const,
      lineNo: 2,
      sku: "B",
      status: "allocated" as const,
      seq: 5,
    };
    const c = change(decide(ID, s, fill, NOW));
    const settled = settle(s, c, [fill]);
    expect(settled.order.status).toBe("received");
    expect(settled.diff).toEqual({
      items: [
        { id: "li_B", sku: "B", quantity: 1, allocation: { from: "backordered", to: "allocated" } },
      ],
      status: { from: "backordered", to: "received" },
    });
    const after = { ...s, lines: settled.lines };
    expect(decide(ID, after, { ...fill, seq: 4 }, NOW)).toEqual({ unchanged: true });
    expect(decide(ID, after, fill, NOW)).toEqual({ unchanged: true });
    expect(decide(ID, s, { ...fill, sku: "Z" }, NOW)).toEqual({ unchanged: true });
    expect(decide(ID, s, { ...fill, lineNo: 1 }, NOW)).toEqual({ unchanged: true });
  });
});

describe("the events a change emits", () => {
  const types = (c: Change) => c.events.map((e) => [e.type, e.version]);
  const allocated = (skus: string[], status: "allocated" | "backordered") =>
    skus.map((sku) => ({ lineNo: sku === "A" ? 1 : 2, sku, status, seq: 9 }));

  it("creates an order, and says it waits when a line is short", () => {
    const c = change(decide(ID, null, create, NOW));
    expect(types(settle(null, c, allocated(["A", "B"], "allocated")))).toEqual([
      ["order.created", 1],
    ]);
    expect(
      types(
        settle(null, c, [...allocated(["A"], "allocated"), ...allocated(["B"], "backordered")]),
      ),
    ).toEqual([
      ["order.created", 1],
      ["order.backordered", 1],
    ]);
  });

  it("updates, cancels and backorders the order at its next version", () => {
    const s = state("received");
    const hold = change(decide(ID, s, { type: "hold", actor: "k", reason: "r" }, NOW));
    expect(types(settle(s, hold, []))).toEqual([["order.updated", 4]]);
    const cancel = change(decide(ID, s, { type: "cancel", actor: "k", reason: null }, NOW));
    expect(types(settle(s, cancel, []))).toEqual([["order.cancelled", 4]]);
    const taken = {
      type: "allocation_changed" as const,
      lineNo: 2,
      sku: "B",
      status: "backordered" as const,
      seq: 9,
    };
    const short = change(decide(ID, s, taken, NOW));
    expect(types(settle(s, short, [taken]))).toEqual([
      ["order.updated", 4],
      ["order.backordered", 4],
    ]);
    const waiting = state("backordered", { B: "backordered" });
    const stillShort = change(
      decide(ID, waiting, { type: "amend", actor: "k", patch: { packing_note: "x" } }, NOW),
    );
    expect(types(settle(waiting, stillShort, []))).toEqual([["order.updated", 4]]);
  });

  it("names the shipment's event before the order's, and a carrier scan only the shipment's", () => {
    const s = state("processing");
    const shipping = change(decide(ID, s, ship("shp_1", [{ sku: "A", quantity: 1 }]), NOW));
    expect(types(settle(s, shipping, []))).toEqual([
      ["shipment.created", 1],
      ["order.updated", 4],
    ]);
    const after = shipped(s, shipping);
    const scan = change(
      decide(
        ID,
        after,
        {
          type: "track",
          actor: "k",
          shipmentId: "shp_1",
          status: "in_transit",
          occurredAt: NOW,
          note: null,
        },
        NOW,
      ),
    );
    expect(types(settle(after, scan, []))).toEqual([["shipment.updated", 2]]);
  });
});

describe("the actions a status allows", () => {
  const commands: [OrderAction, OrderCommand][] = [
    ["amend", { type: "amend", actor: "k", patch: { packing_note: "x" } }],
    ["cancel", { type: "cancel", actor: "k", reason: null }],
    ["request_cancellation", { type: "request_cancellation", actor: "k", reason: null }],
    ["hold", { type: "hold", actor: "k", reason: "address" }],
    ["release", { type: "release", actor: "k" }],
  ];

  it("are exactly the commands decide turns into a change, in every status", () => {
    for (const status of ORDER_STATUSES) {
      const s = state(status);
      for (const [action, cmd] of commands) {
        const offered = orderAllows(action, factsOf(s));
        expect([status, action, offered]).toEqual([
          status,
          action,
          isChange(decide(ID, s, cmd, NOW)),
        ]);
      }
    }
  });

  it("answer a request only while it waits, and fulfil only what is allocated and unshipped", () => {
    const picking = state("processing");
    const pending = change(
      decide(ID, picking, { type: "request_cancellation", actor: "k", reason: null }, NOW),
    );
    const waiting = { ...picking, order: { ...picking.order, ...pending.order } };
    expect(orderAllows("answer_cancellation", factsOf(waiting))).toBe(true);
    expect(orderAllows("answer_cancellation", factsOf(picking))).toBe(false);
    expect(isChange(decide(ID, picking, { type: "accept_cancellation", actor: "k" }, NOW))).toBe(
      false,
    );

    expect(factsOf(picking).unshippedAllocated).toBe(3);
    expect(orderAllows("fulfil", factsOf(picking))).toBe(true);
    const all = shipped(
      picking,
      change(
        decide(
          ID,
          picking,
          ship("shp_1", [
            { sku: "A", quantity: 2 },
            { sku: "B", quantity: 1 },
          ]),
          NOW,
        ),
      ),
    );
    expect(factsOf(all)).toMatchObject({ status: "shipped", unshippedAllocated: 0 });
    expect(orderAllows("fulfil", factsOf(all))).toBe(false);
    expect(orderAllows("fulfil", factsOf(state("backordered", { B: "backordered" })))).toBe(false);
  });
});
