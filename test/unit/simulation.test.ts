import { describe, expect, it } from "vitest";
import { type Change, isChange, type OrderCommand, type OrderState } from "../../src/orders/order";
import { decide, settle } from "../../src/orders/order-rules";
import type { ShipmentRecord } from "../../src/shipments/shipments.rules";
import {
  nextStep,
  nextTrackingStatus,
  type SimulationSettings,
  scenariosOf,
} from "../../src/simulator/simulator.plan";

const ID = { tenantId: "ten_1", orderId: "ord_1" };
const T0 = "2026-07-02T10:00:00.000Z";
const t0 = Date.parse(T0);
const SETTINGS: SimulationSettings = {
  autoFulfill: true,
  pickAfterSeconds: 5,
  shipAfterSeconds: 10,
  deliverAfterSeconds: 30,
  parcelsPerOrder: 1,
  cancellationRequests: "accept",
  cancellationRejectionReason: "Packed",
};
const FRESH = { held: false, voided: false };

function order(
  note: string | null = null,
  quantities: Record<string, number> = { A: 2, B: 1 },
): OrderState {
  const create: OrderCommand = {
    type: "create",
    actor: "key_1",
    priority: 1,
    createdAt: T0,
    lines: Object.entries(quantities).map(([sku, quantity]) => ({
      id: `li_${sku}`,
      lineId: null,
      sku,
      description: null,
      quantity,
      unitPrice: null,
      currency: null,
      hsCode: null,
      countryOfOrigin: null,
      customsValue: null,
      customsCurrency: null,
    })),
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
      packingNote: note,
      shipTo: { name: "J", address1: "1 St", city: "Sydney", country: "AU" },
      terms: null,
    },
  };
  const decided = decide(ID, null, create, T0);
  if (!isChange(decided)) throw new Error("create refused");
  const created = settle(
    null,
    decided,
    Object.keys(quantities).map((sku, i) => ({
      lineNo: i + 1,
      sku,
      status: "allocated" as const,
      seq: 1,
    })),
  );
  return {
    order: { ...created.order, version: 1, createdAt: T0, updatedAt: T0, changeSeq: 1 },
    lines: created.lines,
    shipments: [],
    head: { seq: 1, hash: "h" },
  };
}

/** Applies a command the way the order object would, at `at`. */
function apply(state: OrderState, command: OrderCommand, at: number): OrderState {
  const now = new Date(at).toISOString();
  const decided = decide(ID, state, command, now);
  if (!isChange(decided)) throw new Error(`refused: ${JSON.stringify(decided)}`);
  const c: Change = decided;
  const record = c.shipment?.record as ShipmentRecord | undefined;
  return {
    ...state,
    order: { ...state.order, ...c.order, updatedAt: now },
    shipments: record
      ? [...state.shipments.filter((r) => r.row.id !== record.row.id), record]
      : state.shipments,
  };
}

/** Runs the planner to the end, as the alarm would, and returns each step with its time. */
function run(state: OrderState, memory = { ...FRESH }, settings = SETTINGS) {
  const steps: { at: number; type: string; detail?: unknown }[] = [];
  for (let i = 0; i < 20; i++) {
    const planned = nextStep(state, settings, memory);
    if (!planned) return { steps, state };
    const { at, step } = planned;
    steps.push({
      at: at - t0,
      type: step.type,
      detail: "status" in step ? step.status : undefined,
    });
    switch (step.type) {
      case "hold":
        state = apply(state, { type: "hold", actor: "sim", reason: step.reason }, at);
        memory.held = true;
        break;
      case "start_picking":
        state = apply(state, { type: "start_picking", actor: "sim" }, at);
        break;
      case "ship":
        state = apply(
          state,
          {
            type: "ship",
            actor: "sim",
            shipmentId: `shp_${i}`,
            items: step.items,
            cost: null,
            shippedAt: new Date(at).toISOString(),
            parcels: [],
          },
          at,
        );
        break;
      case "track":
        state = apply(
          state,
          {
            type: "track",
            actor: "sim",
            shipmentId: step.shipmentId,
            status: step.status,
            occurredAt: new Date(at).toISOString(),
            note: null,
          },
          at,
        );
        break;
      case "void":
        state = apply(state, { type: "void", actor: "sim", shipmentId: step.shipmentId }, at);
        memory.voided = true;
        break;
      case "accept_cancellation":
        state = apply(state, { type: "accept_cancellation", actor: "sim" }, at);
        break;
      case "reject_cancellation":
        state = apply(
          state,
          { type: "reject_cancellation", actor: "sim", reason: step.reason },
          at,
        );
        break;
    }
  }
  throw new Error("the simulation never ended");
}

describe("nextStep", () => {
  it("picks, ships and spreads the scans over deliver_after_seconds", () => {
    const { steps, state } = run(order());
    expect(steps).toEqual([
      { at: 5_000, type: "start_picking" },
      { at: 15_000, type: "ship" },
      { at: 25_000, type: "track", detail: "in_transit" },
      { at: 35_000, type: "track", detail: "out_for_delivery" },
      { at: 45_000, type: "track", detail: "delivered" },
    ]);
    expect(state.order.status).toBe("shipped");
  });

  it("waits on a backordered, held or cancelled order", () => {
    for (const status of ["backordered", "on_hold", "cancelled"] as const) {
      const s = order();
      expect(nextStep({ ...s, order: { ...s.order, status } }, SETTINGS, FRESH)).toBeUndefined();
    }
  });

  it("splits into two shipments by units, in line order", () => {
    const { steps, state } = run(order("[sim:split]", { A: 2, B: 1 }));
    expect(steps.filter((s) => s.type === "ship")).toHaveLength(2);
    expect(state.shipments.map((s) => s.items)).toEqual([
      [expect.objectContaining({ sku: "A", quantity: 2 })],
      [expect.objectContaining({ sku: "B", quantity: 1 })],
    ]);
  });

  it("does not split a single unit", () => {
    const { state } = run(order("[sim:split]", { A: 1 }));
    expect(state.shipments).toHaveLength(1);
  });

  it("holds once for the address, then goes on after a release", () => {
    const memory = { ...FRESH };
    const first = run(order("[sim:hold]"), memory);
    expect(first.steps).toEqual([{ at: 5_000, type: "hold" }]);
    expect(first.state.order).toMatchObject({ status: "on_hold", holdReason: "address" });
    const released = apply(first.state, { type: "release", actor: "erp" }, t0 + 60_000);
    const rest = run(released, memory);
    expect(rest.steps[0]).toEqual({ at: 65_000, type: "start_picking" });
    expect(rest.state.shipments[0]?.row.status).toBe("delivered");
  });

  it("holds an order leaving the warehouse's country without customs data, and lifts only its own hold", () => {
    const home = order(null);
    const abroad: OrderState = {
      ...home,
      order: { ...home.order, shipTo: { ...home.order.shipTo, country: "US" } },
    };
    expect(nextStep(home, SETTINGS, FRESH, "AU")?.step).toEqual({ type: "start_picking" });
    // A warehouse of unknown country is taken as domestic.
    expect(nextStep(abroad, SETTINGS, FRESH, null)?.step).toEqual({ type: "start_picking" });

    const planned = nextStep(abroad, SETTINGS, FRESH, "AU");
    expect(planned).toEqual({
      at: t0 + 5_000,
      step: {
        type: "hold",
        cause: "customs",
        reason:
          "customs: hs_code, country_of_origin and customs_value are required on every line, and incoterms on the order, for an international shipment (AU to US); missing incoterms, items[0].hs_code, items[0].country_of_origin, items[0].customs_value, items[1].hs_code and 2 more",
      },
    });
    const reason = planned?.step.type === "hold" ? planned.step.reason : "";
    const held = apply(abroad, { type: "hold", actor: "sim", reason }, t0 + 5_000);
    const ours = { ...FRESH, customsHeld: true };
    // Still incomplete: one line lacks its value.
    const partly: OrderState = {
      ...held,
      order: { ...held.order, terms: { incoterms: "DAP" } },
      lines: held.lines.map((l, i) => ({
        ...l,
        hsCode: "610910",
        countryOfOrigin: "CN",
        customsValue: i === 0 ? "1.00" : null,
        customsCurrency: i === 0 ? "AUD" : null,
      })),
    };
    expect(nextStep(partly, SETTINGS, ours, "AU")).toBeUndefined();
    const complete: OrderState = {
      ...partly,
      lines: partly.lines.map((l) => ({ ...l, customsValue: "1.00", customsCurrency: "AUD" })),
    };
    expect(nextStep(complete, SETTINGS, ours, "AU")).toEqual({
      at: t0 + 5_000,
      step: { type: "release" },
    });
    // A customs hold the floor did not place is not the floor's to lift.
    expect(nextStep(complete, SETTINGS, FRESH, "AU")).toBeUndefined();
  });

  it("voids the first label once and ships again", () => {
    const { steps, state } = run(order("[sim:void]"));
    expect(steps.map((s) => s.type)).toEqual([
      "start_picking",
      "ship",
      "void",
      "ship",
      "track",
      "track",
      "track",
    ]);
    expect(state.shipments.map((s) => s.row.status)).toEqual(["voided", "delivered"]);
  });

  it("ends an exception scenario in transit", () => {
    const { state } = run(order("note [sim:exception]"));
    expect(state.shipments[0]?.row.statusHistory.map((h) => h.status)).toEqual([
      "shipped",
      "in_transit",
      "exception",
    ]);
  });
});

describe("cancellation requests", () => {
  /** An order picked at t0 + 5 s, whose partner asks the floor to stop it at t0 + 7 s. */
  function requested() {
    const picking = apply(order(), { type: "start_picking", actor: "sim" }, t0 + 5_000);
    return apply(
      picking,
      { type: "request_cancellation", actor: "erp", reason: "Changed mind" },
      t0 + 7_000,
    );
  }

  it("answers a pending request first, pick_after_seconds after it came: accepted, it ends", () => {
    const state = requested();
    expect(state.order.cancellationRequest?.status).toBe("pending");
    const done = run(state);
    expect(done.steps).toEqual([{ at: 12_000, type: "accept_cancellation" }]);
    expect(done.state.order).toMatchObject({ status: "cancelled", cancelReason: "Changed mind" });
    expect(done.state.order.cancellationRequest).toMatchObject({
      status: "accepted",
      decided_at: new Date(t0 + 12_000).toISOString(),
    });
  });

  it("rejected with the settings' reason, the order goes on and ships", () => {
    const done = run(requested(), { ...FRESH }, { ...SETTINGS, cancellationRequests: "reject" });
    expect(done.steps.map((s) => s.type)).toEqual([
      "reject_cancellation",
      "ship",
      "track",
      "track",
      "track",
    ]);
    expect(done.state.order.status).toBe("shipped");
    expect(done.state.order.cancellationRequest).toMatchObject({
      status: "rejected",
      rejection_reason: "Packed",
    });
  });
});

describe("scenarios and scans", () => {
  it("reads every marker from packing_note and ignores lookalikes", () => {
    expect([...scenariosOf("[sim:split] and [sim:hold]")].sort()).toEqual(["hold", "split"]);
    expect(scenariosOf("sim:split [sim:SPLIT] [sim: hold]").size).toBe(0);
    expect(scenariosOf(null).size).toBe(0);
  });

  it("knows the carrier's next scan and where it ends", () => {
    expect(nextTrackingStatus("shipped")).toBe("in_transit");
    expect(nextTrackingStatus("in_transit")).toBe("out_for_delivery");
    expect(nextTrackingStatus("in_transit", new Set(["exception"]))).toBe("exception");
    expect(nextTrackingStatus("out_for_delivery")).toBe("delivered");
    for (const end of ["delivered", "exception", "voided"] as const) {
      expect(nextTrackingStatus(end)).toBeUndefined();
    }
  });
});
