import type {
  AllocationStatus,
  DemandStatus,
  HeldCondition,
  StockCondition,
} from "../domain/statuses";
import { WaitingQueue } from "./waiting-queue";

/*
 * The allocation rules of one stock row (tenant × warehouse × SKU), with no I/O:
 * - never more allocated than on hand;
 * - each order line is allocated whole or waits whole;
 * - stock that becomes available fills waiting lines oldest first, skipping any line
 *   that does not fit whole; afterwards no waiting line fits, which is why a new line
 *   may take what is left.
 * - units held in another condition (quarantine, damaged, expired) are counted apart and
 *   never allocated; moving them back to sellable stock is a receipt.
 * The stock object applies these to its book and persists what changed.
 */

/** Units counted apart from the sellable stock, per condition. */
export type HeldStock = Record<HeldCondition, number>;

export const NOTHING_HELD: HeldStock = { quarantine: 0, damaged: 0, expired: 0 };

export interface Demand {
  holder: string;
  quantity: number;
  status: DemandStatus;
  /** Fill order: the order's claim sequence, so "oldest" means accepted first. */
  priority: number;
  /** The stock version that last changed this demand; orders keep the newest they saw. */
  seq: number;
  /** Being picked: a loss on the shelf can no longer take these units back. */
  locked?: boolean;
}

export interface StockLevels {
  onHand: number;
  allocated: number;
  backordered: number;
  held: HeldStock;
}

/**
 * Demands an operation changed (null: released), and the other orders whose line it
 * filled or took back: each is owed a notice.
 */
export interface BookChange {
  demands: Map<string, Demand | null>;
  filled: string[];
}

export type BookRefusal =
  | { refused: "insufficient_stock"; onHand: number; allocated: number }
  | { refused: "stock_in_picking"; onHand: number; allocated: number; orders: string[] }
  | { refused: "no_allocation"; holder: string; held: number; wanted: number }
  | { refused: "insufficient_held_stock"; condition: HeldCondition; held: number };

const emptyChange = (): BookChange => ({ demands: new Map(), filled: [] });

export class DemandBook implements StockLevels {
  onHand: number;
  allocated: number;
  backordered: number;
  held: HeldStock;
  private readonly demands = new Map<string, Demand>();
  private readonly waiting = new WaitingQueue();

  constructor(levels: StockLevels, demands: Iterable<Demand> = []) {
    this.onHand = levels.onHand;
    this.allocated = levels.allocated;
    this.backordered = levels.backordered;
    this.held = { ...levels.held };
    for (const d of demands) {
      this.demands.set(d.holder, { ...d });
      if (d.status === "backordered") this.waiting.add(d);
    }
  }

  get available(): number {
    return this.onHand - this.allocated;
  }

  demandOf(holder: string): Demand | undefined {
    return this.demands.get(holder);
  }

  /** Declares that `holder` wants `quantity` units (0 releases). Idempotent. */
  setDemand(
    holder: string,
    quantity: number,
    priority: number,
    seq: number,
  ): { status: AllocationStatus; change: BookChange } {
    const change = emptyChange();
    const current = this.demands.get(holder);
    if (current?.quantity === quantity) return { status: current.status, change };
    if (!current && quantity === 0) return { status: "released", change };
    if (current) this.drop(current);
    let status: AllocationStatus = "released";
    if (quantity > 0) {
      const demand: Demand = {
        holder,
        quantity,
        priority: current?.priority ?? priority,
        status: this.available >= quantity ? "allocated" : "backordered",
        seq,
      };
      this.place(demand);
      status = demand.status;
      change.demands.set(holder, demand);
    } else {
      change.demands.set(holder, null);
    }
    this.fill(seq, change);
    return { status, change };
  }

  /**
   * Units leaving the building for an order (negative: shipped out of its allocation) or
   * coming back to it (positive: a voided shipment).
   */
  move(
    holder: string,
    delta: number,
    priority: number,
    seq: number,
  ): BookRefusal | { change: BookChange } {
    const change = emptyChange();
    const current = this.demands.get(holder);
    if (delta < 0) {
      const held = current?.status === "allocated" ? current.quantity : 0;
      if (!current || held < -delta) {
        return { refused: "no_allocation", holder, held, wanted: -delta };
      }
      this.drop(current);
      this.onHand += delta;
      const left = current.quantity + delta;
      // Shipping implies picking: what is left of the line is the picker's now.
      if (left > 0) this.place({ ...current, quantity: left, seq, locked: true });
      change.demands.set(holder, left > 0 ? (this.demands.get(holder) as Demand) : null);
      return { change };
    }
    this.onHand += delta;
    if (current) this.drop(current);
    const back: Demand = {
      holder,
      priority: current?.priority ?? priority,
      quantity: (current?.quantity ?? 0) + delta,
      status: "allocated",
      seq,
    };
    if (current?.status === "backordered" && this.available < back.quantity) {
      back.status = "backordered";
    }
    this.place(back);
    change.demands.set(holder, back);
    this.fill(seq, change);
    return { change };
  }

  /** Picking started for `holder`: its allocation here is no longer reclaimable. Idempotent. */
  lock(holder: string, seq: number): { change: BookChange } {
    const change = emptyChange();
    const current = this.demands.get(holder);
    if (current?.status === "allocated" && !current.locked) {
      const locked = { ...current, locked: true, seq };
      this.demands.set(holder, locked);
      change.demands.set(holder, locked);
    }
    return { change };
  }

  /**
   * Units that arrived (a receipt, a return) or came back from another condition: sellable
   * ones fill waiting lines; the others are only counted.
   */
  receive(
    quantity: number,
    seq: number,
    condition: StockCondition = "sellable",
  ): { change: BookChange } {
    const change = emptyChange();
    if (condition !== "sellable") {
      this.held[condition] += quantity;
      return { change };
    }
    this.onHand += quantity;
    this.fill(seq, change);
    return { change };
  }

  /**
   * The floor moves units between conditions. Out of sellable it is a loss of sellable
   * stock, by the rules of a negative adjustment; into sellable, a receipt. Nothing changes
   * when the source holds too few units.
   */
  moveCondition(
    from: StockCondition,
    to: StockCondition,
    quantity: number,
    seq: number,
  ): BookRefusal | { change: BookChange } {
    let change = emptyChange();
    if (from === "sellable") {
      const taken = this.adjust(-quantity, seq);
      if ("refused" in taken) return taken;
      change = taken.change;
    } else {
      if (this.held[from] < quantity) {
        return { refused: "insufficient_held_stock", condition: from, held: this.held[from] };
      }
      this.held[from] -= quantity;
    }
    const landed = this.receive(quantity, seq, to).change;
    for (const [holder, d] of landed.demands) change.demands.set(holder, d);
    change.filled.push(...landed.filled);
    return { change };
  }

  /**
   * A counted change on the shelf, and the shelf is the truth: a loss is recorded even
   * when units were promised. Allocations of orders not yet being picked go back to
   * waiting, newest first, until what is allocated fits what is there; only a shortfall
   * held by orders already being picked refuses the count (it needs those pickers first).
   */
  adjust(delta: number, seq: number): BookRefusal | { change: BookChange } {
    const onHand = this.onHand + delta;
    if (onHand < 0) {
      return { refused: "insufficient_stock", onHand: this.onHand, allocated: this.allocated };
    }
    const change = emptyChange();
    let shortfall = this.allocated - onHand;
    if (shortfall > 0) {
      const reclaimable = [...this.demands.values()]
        .filter((d) => d.status === "allocated" && !d.locked)
        .sort((a, b) => b.priority - a.priority || (a.holder < b.holder ? 1 : -1));
      const taken: Demand[] = [];
      for (const d of reclaimable) {
        if (shortfall <= 0) break;
        taken.push(d);
        shortfall -= d.quantity;
      }
      if (shortfall > 0) {
        const picking = [...this.demands.values()].filter((d) => d.locked).map((d) => d.holder);
        return {
          refused: "stock_in_picking",
          onHand: this.onHand,
          allocated: this.allocated,
          orders: picking,
        };
      }
      for (const d of taken) {
        this.drop(d);
        const waiting: Demand = { ...d, status: "backordered", seq };
        this.place(waiting);
        change.demands.set(d.holder, waiting);
        change.filled.push(d.holder);
      }
    }
    this.onHand = onHand;
    this.fill(seq, change);
    return { change };
  }

  private drop(demand: Demand) {
    this.demands.delete(demand.holder);
    if (demand.status === "allocated") this.allocated -= demand.quantity;
    else {
      this.backordered -= demand.quantity;
      this.waiting.remove(demand.holder);
    }
  }

  private place(demand: Demand) {
    this.demands.set(demand.holder, demand);
    if (demand.status === "allocated") this.allocated += demand.quantity;
    else {
      this.backordered += demand.quantity;
      this.waiting.add(demand);
    }
  }

  private fill(seq: number, change: BookChange) {
    for (let line = this.waiting.firstFitting(this.available); line; ) {
      const demand = this.demands.get(line.holder) as Demand;
      this.drop(demand);
      const filled: Demand = { ...demand, status: "allocated", seq };
      this.place(filled);
      change.demands.set(filled.holder, filled);
      change.filled.push(filled.holder);
      line = this.waiting.firstFitting(this.available);
    }
  }
}
