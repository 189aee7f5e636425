import { SIMULATOR, type WarehouseStep } from "../simulator/simulator.warehouse";
import type { OrderCommand } from "./order";

/** The command a step of the sandbox's warehouse is, as the operations API would send it. */
export function commandFor(step: WarehouseStep): OrderCommand {
  const actor = SIMULATOR;
  switch (step.type) {
    case "hold":
      return { type: "hold", actor, reason: step.reason };
    case "release":
      return { type: "release", actor };
    case "start_picking":
      return { type: "start_picking", actor };
    case "accept_cancellation":
      return { type: "accept_cancellation", actor };
    case "reject_cancellation":
      return { type: "reject_cancellation", actor, reason: step.reason };
    case "ship":
      return { type: "ship", actor, ...step.input };
    case "scan":
      return { type: "scan", actor, shipmentId: step.shipmentId, parcels: step.parcels };
    case "void":
      return { type: "void", actor, shipmentId: step.shipmentId };
  }
}
