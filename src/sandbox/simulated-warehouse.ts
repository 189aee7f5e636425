import type { Db } from "../db/client";
import type { Schedule } from "../durable/schedule";
import type { Notice } from "../inventory/stock-object";
import type { OrderCommand, OrderState } from "../orders/order";
import type { Outcome } from "../orders/outcome";
import { cachedSettings, readSettings } from "./sandbox-settings";
import { simulatedShipment } from "./simulated-shipment";
import {
  nextStep,
  type SimulationMemory,
  type SimulationSettings,
  type SimulationStep,
} from "./simulation";

/** The actor the sandbox's warehouse writes into history. */
export const SIMULATOR = "sandbox-simulator";

/** What one order object lends its warehouse for a turn: its state and its command path. */
export interface OrderHost {
  db: Db;
  load(): Promise<OrderState | null>;
  /** A journaled change is unfinished: recovery goes first. */
  busy(): boolean;
  execute(command: OrderCommand): Promise<Outcome>;
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
    for (let stepped = 0; stepped < MAX_STEPS; stepped++) {
      const state = settings?.autoFulfill && !host.busy() ? await host.load() : null;
      const planned = state && settings ? nextStep(state, settings, this.memory()) : undefined;
      if (!state || !settings || !planned) {
        await this.schedule.clear("simulate");
        return { stepped, notices };
      }
      if (planned.at > Date.now()) {
        await this.schedule.at("simulate", planned.at, { replace: true });
        return { stepped, notices };
      }
      const command = await this.commandFor(host.db, state, planned.step, settings);
      const outcome = await host.execute(command);
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

  private async commandFor(
    db: Db,
    state: OrderState,
    step: SimulationStep,
    settings: SimulationSettings,
  ): Promise<OrderCommand> {
    const actor = SIMULATOR;
    switch (step.type) {
      case "hold":
        return { type: "hold", actor, reason: step.reason };
      case "start_picking":
        return { type: "start_picking", actor };
      case "ship": {
        const input = await simulatedShipment(
          db,
          state.order,
          state.shipments.length,
          step.items,
          settings.parcelsPerOrder,
        );
        return { type: "ship", actor, ...input };
      }
      case "track":
        return {
          type: "track",
          actor,
          shipmentId: step.shipmentId,
          status: step.status,
          occurredAt: new Date().toISOString(),
          note: null,
        };
      case "void":
        return { type: "void", actor, shipmentId: step.shipmentId };
    }
  }

  private memory(): SimulationMemory {
    return {
      held: this.storage.kv.get("sim:held") === true,
      voided: this.storage.kv.get("sim:voided") === true,
    };
  }

  private remember(step: SimulationStep) {
    if (step.type === "hold") this.storage.kv.put("sim:held", true);
    if (step.type === "void") this.storage.kv.put("sim:voided", true);
  }
}
