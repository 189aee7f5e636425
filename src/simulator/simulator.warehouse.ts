import type { Db } from "../db/client";
import type { Schedule } from "../durable/schedule";
import type { Notice } from "../inventory/inventory.notices";
import type { ShipInput } from "../shipments/shipments.rules";
import type { ParcelScans } from "../shipments/shipments.tracking";
import {
  nextStep,
  type SimulatedOrder,
  type SimulationMemory,
  type SimulationSettings,
  type SimulationStep,
} from "./simulator.plan";
import { cachedSettings, readSettings } from "./simulator.settings";
import { simulatedScans, simulatedShipment, warehouseCountry } from "./simulator.shipment";

/** The actor the sandbox's warehouse writes into history. */
export const SIMULATOR = "sandbox-simulator";

/** A step as the warehouse performs it: a shipment comes with its parcels, a scan with its events. */
export type WarehouseStep =
  | Exclude<SimulationStep, { type: "ship" } | { type: "track" }>
  | { type: "ship"; input: ShipInput }
  | { type: "scan"; shipmentId: string; parcels: ParcelScans[] };

/** What one order object lends its warehouse for a turn: its state and its command path. */
export interface OrderHost {
  db: Db;
  load(): Promise<SimulatedOrder | null>;
  /** A journaled change is unfinished: recovery goes first. */
  busy(): boolean;
  /** Takes the step as the operations API would; `ok` false when the order refused it. */
  perform(step: WarehouseStep): Promise<{ ok: boolean; notices: Notice[] }>;
}

/** Steps per alarm, so a zero-delay order cannot hold the object's queue. */
const MAX_STEPS = 8;

/**
 * The sandbox's warehouse as it works one order, on the order object's "simulate" due-time.
 * It remembers only which one-off scenario steps it took; everything else it reads from the
 * order each turn, so a partner's own commands in between simply change the plan.
 */
export class SimulatedWarehouse {
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly schedule: Schedule<"recover" | "simulate">,
    private readonly tenantId: string,
    private readonly enabled: boolean,
  ) {}

  /** After a change: let the next alarm plan, unless this isolate knows auto-fulfil is off. */
  async wake() {
    if (!this.enabled || cachedSettings(this.tenantId)?.autoFulfill === false) return;
    await this.schedule.at("simulate", Date.now());
  }

  /** Every step already due, then the alarm for the next one; runs inside the object's queue. */
  async turn(host: OrderHost): Promise<{ stepped: number; notices: Notice[] }> {
    const notices: Notice[] = [];
    const settings = this.enabled ? await readSettings(host.db, this.tenantId) : undefined;
    let origin: string | null | undefined;
    for (let stepped = 0; stepped < MAX_STEPS; stepped++) {
      const state = settings?.autoFulfill && !host.busy() ? await host.load() : null;
      origin ??= state ? await warehouseCountry(host.db, state.order.warehouseId) : undefined;
      const planned =
        state && settings ? nextStep(state, settings, this.memory(), origin) : undefined;
      if (!state || !settings || !planned) {
        await this.schedule.clear("simulate");
        return { stepped, notices };
      }
      if (planned.at > Date.now()) {
        await this.schedule.at("simulate", planned.at, { replace: true });
        return { stepped, notices };
      }
      const outcome = await host.perform(
        await this.prepared(host.db, state, planned.step, settings),
      );
      if (!outcome.ok) {
        // Someone else moved the order first; its next change plans again.
        await this.schedule.clear("simulate");
        return { stepped: stepped + 1, notices };
      }
      this.remember(planned.step);
      notices.push(...outcome.notices);
    }
    await this.schedule.at("simulate", Date.now(), { replace: true });
    return { stepped: MAX_STEPS, notices };
  }

  /**
   * A shipment is packed into parcels for the order's carrier, and a carrier status is the
   * scans of each parcel that lead to it; every other step goes as planned.
   */
  private async prepared(
    db: Db,
    state: SimulatedOrder,
    step: SimulationStep,
    settings: SimulationSettings,
  ): Promise<WarehouseStep> {
    if (step.type === "track") {
      const record = state.shipments.find((s) => s.row.id === step.shipmentId);
      if (!record) throw new Error(`the plan tracks ${step.shipmentId}, not in its order`);
      return {
        type: "scan",
        shipmentId: step.shipmentId,
        parcels: await simulatedScans(db, state.order, record, step.status),
      };
    }
    if (step.type !== "ship") return step;
    return {
      type: "ship",
      input: await simulatedShipment(
        db,
        state.order,
        state.shipments.length,
        step.items,
        settings.parcelsPerOrder,
      ),
    };
  }

  private memory(): SimulationMemory {
    return {
      held: this.storage.kv.get("sim:held") === true,
      voided: this.storage.kv.get("sim:voided") === true,
      customsHeld: this.storage.kv.get("sim:customs") === true,
    };
  }

  private remember(step: SimulationStep) {
    if (step.type === "hold")
      this.storage.kv.put(`sim:${step.cause === "address" ? "held" : "customs"}`, true);
    if (step.type === "release") this.storage.kv.delete("sim:customs");
    if (step.type === "void") this.storage.kv.put("sim:voided", true);
  }
}
