import type {
  AllocationStatus,
  DemandStatus,
  HeldCondition,
  StockCondition,
} from "../domain/statuses";
import { addDays, utcToday } from "../lib/calendar";
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
 * - a row's units may belong to lots, each with its own expiry (issue 23). A line takes
 *   lots first expiry first out, and only lots that do not expire before its order's
 *   `ship_by` (today when it has none) plus the product's minimum shelf life; units with
 *   no lot go last. A lot past its expiry is never allocated, and `expire` moves it out.
 * The stock object applies these to its book and persists what changed.
 */

/** Units counted apart from the sellable stock, per condition. */
export type HeldStock = Record<HeldCondition, number>;

export const NOTHING_HELD: HeldStock = { quarantine: 0, damaged: 0, expired: 0 };

/** Units by lot; the key "" counts units that belong to no lot. */
export type LotQuantities = Record<string, number>;

/** One lot's units in this row: sellable (on hand, of which allocated) and held apart. */
export interface LotLevels {
  lot: string;
  /** The last day its units may be sold (YYYY-MM-DD); null when the product has no expiry. */
  expiresOn: string | null;
  onHand: number;
  allocated: number;
  held: HeldStock;
}

/** A lot named by a receipt or a count; its expiry is given when the lot may be new. */
export interface LotInput {
  lot: string;
  expiresOn?: string | null;
}

const NO_LOT = "";

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
  /**
   * Where an allocated demand's units are, when it was allocated while the row had lots;
   * without it every unit is one of the row's units with no lot.
   */
  lots?: LotQuantities;
  /** The order's `ship_by`: no lot that expires before it (plus the shelf life) is taken. */
  shipBy?: string | null;
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

/** What a refusal counted: the row's units, or one lot's when it names a lot. */
type Counted = { onHand: number; allocated: number; lot?: string };

export type BookRefusal =
  | ({ refused: "insufficient_stock" } & Counted)
  | ({ refused: "stock_in_picking"; orders: string[] } & Counted)
  | { refused: "no_allocation"; holder: string; held: number; wanted: number }
  | { refused: "insufficient_held_stock"; condition: HeldCondition; held: number; lot?: string }
  | { refused: "lot_expiry_mismatch"; lot: string; expiresOn: string | null };

/** Units of one lot that left the sellable stock because it expired. */
export interface Expired {
  lot: string;
  quantity: number;
}

const emptyChange = (): BookChange => ({ demands: new Map(), filled: [] });

const byExpiry = (a: LotLevels, b: LotLevels) =>
  a.expiresOn === b.expiresOn
    ? a.lot < b.lot
      ? -1
      : 1
    : a.expiresOn === null
      ? 1
      : b.expiresOn === null
        ? -1
        : a.expiresOn < b.expiresOn
          ? -1
          : 1;

export class DemandBook implements StockLevels {
  onHand: number;
  allocated: number;
  backordered: number;
  held: HeldStock;
  /** The day eligibility and expiry are judged on; the stock object sets it per commit. */
  today = utcToday();
  /** The product's minimum shelf life left on a lot when it ships. */
  minShelfLifeDays = 0;
  private readonly demands = new Map<string, Demand>();
  private readonly waiting = new WaitingQueue();
  private readonly lots = new Map<string, LotLevels>();
  /** Lots changed since `takeChangedLots`: what the next commit writes. */
  private changedLots = new Set<string>();

  constructor(levels: StockLevels, demands: Iterable<Demand> = [], lots: Iterable<LotLevels> = []) {
    this.onHand = levels.onHand;
    this.allocated = levels.allocated;
    this.backordered = levels.backordered;
    this.held = { ...levels.held };
    for (const l of lots) this.lots.set(l.lot, { ...l, held: { ...l.held } });
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

  lotsInOrder(): LotLevels[] {
    return [...this.lots.values()].sort(byExpiry);
  }

  get hasChangedLots(): boolean {
    return this.changedLots.size > 0;
  }

  /** The lots changed since last asked, as they are now. */
  takeChangedLots(): LotLevels[] {
    const changed = [...this.changedLots].map((lot) => this.lots.get(lot) as LotLevels);
    this.changedLots = new Set();
    return changed;
  }

  /** The first day a lot with sellable units has expired (the day after its expiry). */
  nextExpiry(): string | undefined {
    const due = [...this.lots.values()]
      .filter((l) => l.expiresOn !== null && l.onHand > 0)
      .map((l) => l.expiresOn as string)
      .sort()[0];
    return due === undefined ? undefined : addDays(due, 1);
  }

  /** Declares that `holder` wants `quantity` units (0 releases). Idempotent. */
  setDemand(
    holder: string,
    quantity: number,
    priority: number,
    seq: number,
    shipBy: string | null = null,
  ): { status: AllocationStatus; change: BookChange } {
    const change = emptyChange();
    const current = this.demands.get(holder);
    if (current?.quantity === quantity && (current.shipBy ?? null) === shipBy) {
      return { status: current.status, change };
    }
    if (!current && quantity === 0) return { status: "released", change };
    if (current) this.drop(current);
    let status: AllocationStatus = "released";
    if (quantity > 0) {
      const demand: Demand = {
        holder,
        quantity,
        priority: current?.priority ?? priority,
        status: "backordered",
        seq,
        ...(shipBy ? { shipBy } : {}),
      };
      if (this.fits(demand)) this.allocate(demand);
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
   * Units leaving the building for an order (negative: shipped out of its allocation, first
   * expiry first; `lots` answers which) or coming back to it (positive: a voided shipment,
   * into the lots it took, given as `lots`).
   */
  move(
    holder: string,
    delta: number,
    priority: number,
    seq: number,
    lots?: LotQuantities,
  ): BookRefusal | { change: BookChange; lots?: LotQuantities } {
    const change = emptyChange();
    const current = this.demands.get(holder);
    if (delta < 0) {
      const held = current?.status === "allocated" ? current.quantity : 0;
      if (!current || held < -delta) {
        return { refused: "no_allocation", holder, held, wanted: -delta };
      }
      this.drop(current);
      const left = current.quantity + delta;
      const taken = this.takeFrom(current, -delta);
      this.onHand += delta;
      for (const [lot, units] of Object.entries(taken)) this.changeLot(lot, -units, 0);
      // Shipping implies picking: what is left of the line is the picker's now.
      if (left > 0) {
        const rest = subtract(current.lots, taken);
        this.place({ ...withoutLots(current), quantity: left, seq, locked: true, ...rest });
      }
      change.demands.set(holder, left > 0 ? (this.demands.get(holder) as Demand) : null);
      return current.lots ? { change, lots: taken } : { change };
    }
    const back = completed(lots ?? {}, delta);
    for (const [lot, units] of Object.entries(back)) this.changeLot(lot, units, 0);
    this.onHand += delta;
    if (current) this.drop(current);
    const returned: Demand = {
      holder,
      priority: current?.priority ?? priority,
      quantity: (current?.quantity ?? 0) + delta,
      status: "allocated",
      seq,
      ...(current?.shipBy ? { shipBy: current.shipBy } : {}),
    };
    if (current?.status === "backordered") {
      returned.status = "backordered";
      if (this.fits(returned)) this.allocate(returned);
    } else {
      const kept = current ? lotsOf(current) : {};
      const merged = add(kept, back);
      if (this.lots.size > 0 || lots) returned.lots = merged;
    }
    this.place(returned);
    change.demands.set(holder, returned);
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
   * ones fill waiting lines; the others are only counted. Units of a lot already past its
   * expiry land in `expired`.
   */
  receive(
    quantity: number,
    seq: number,
    condition: StockCondition = "sellable",
    lot?: LotInput,
  ): { change: BookChange } {
    const change = emptyChange();
    // Units already here are the truth: a receipt never fails on a lot's expiry (the API
    // refused a different one before counting it); the lot keeps the expiry it has.
    const key = lot
      ? this.lotFor({ lot: lot.lot, expiresOn: this.lots.has(lot.lot) ? undefined : lot.expiresOn })
      : NO_LOT;
    if (typeof key !== "string") throw new Error("a new lot has no expiry to disagree with");
    const into = condition === "sellable" && this.isExpired(key) ? "expired" : condition;
    if (into !== "sellable") {
      this.held[into] += quantity;
      this.changeLot(key, 0, 0, { [into]: quantity });
      return { change };
    }
    this.onHand += quantity;
    this.changeLot(key, quantity, 0);
    this.fill(seq, change);
    return { change };
  }

  /**
   * The floor moves units between conditions, within one lot when it names one. Out of
   * sellable it is a loss of sellable stock, by the rules of a negative adjustment; into
   * sellable, a receipt. Nothing changes when the source holds too few units.
   */
  moveCondition(
    from: StockCondition,
    to: StockCondition,
    quantity: number,
    seq: number,
    lot?: string,
  ): BookRefusal | { change: BookChange } {
    const key = lot ?? NO_LOT;
    if (lot !== undefined && !this.lots.has(lot)) {
      return from === "sellable"
        ? { refused: "insufficient_stock", onHand: 0, allocated: 0, lot }
        : { refused: "insufficient_held_stock", condition: from, held: 0, lot };
    }
    let change = emptyChange();
    if (from === "sellable") {
      const taken = this.adjust(-quantity, seq, lot === undefined ? undefined : { lot });
      if ("refused" in taken) return taken;
      change = taken.change;
    } else {
      const held = this.heldOf(key, from);
      if (held < quantity) {
        return {
          refused: "insufficient_held_stock",
          condition: from,
          held,
          ...(lot === undefined ? {} : { lot }),
        };
      }
      this.held[from] -= quantity;
      this.changeLot(key, 0, 0, { [from]: -quantity });
    }
    const landed = this.receive(quantity, seq, to, lot === undefined ? undefined : { lot });
    for (const [holder, d] of landed.change.demands) change.demands.set(holder, d);
    change.filled.push(...landed.change.filled);
    return { change };
  }

  /**
   * A counted change on the shelf (of one lot, when it names one), and the shelf is the
   * truth: a loss is recorded even when units were promised. Allocations of orders not yet
   * being picked that hold the lost units go back to waiting, newest first, until what is
   * allocated fits what is there; only a shortfall held by orders already being picked
   * refuses the count (it needs those pickers first).
   */
  adjust(delta: number, seq: number, lot?: LotInput): BookRefusal | { change: BookChange } {
    if (lot && delta < 0 && !this.lots.has(lot.lot)) {
      return { refused: "insufficient_stock", onHand: 0, allocated: 0, lot: lot.lot };
    }
    const key = lot ? this.lotFor(lot) : NO_LOT;
    if (typeof key !== "string") return key;
    const counted = this.countOf(key);
    const named = lot ? { lot: lot.lot } : {};
    const onHand = counted.onHand + delta;
    if (onHand < 0) return { refused: "insufficient_stock", ...counted, ...named };
    const change = emptyChange();
    let shortfall = counted.allocated - onHand;
    if (shortfall > 0) {
      const reclaimable = [...this.demands.values()]
        .filter((d) => d.status === "allocated" && !d.locked && heldIn(d, key) > 0)
        .sort((a, b) => b.priority - a.priority || (a.holder < b.holder ? 1 : -1));
      const taken: Demand[] = [];
      for (const d of reclaimable) {
        if (shortfall <= 0) break;
        taken.push(d);
        shortfall -= heldIn(d, key);
      }
      if (shortfall > 0) {
        const picking = [...this.demands.values()]
          .filter((d) => d.locked && heldIn(d, key) > 0)
          .map((d) => d.holder);
        return { refused: "stock_in_picking", ...counted, ...named, orders: picking };
      }
      for (const d of taken) {
        this.drop(d);
        const waiting: Demand = { ...withoutLots(d), status: "backordered", seq };
        this.place(waiting);
        change.demands.set(d.holder, waiting);
        change.filled.push(d.holder);
      }
    }
    this.onHand += delta;
    this.changeLot(key, delta, 0);
    this.fill(seq, change);
    return { change };
  }

  /**
   * Every lot past its expiry (as of `today`) moves its sellable units to `expired`, but
   * the units orders being picked already hold: those are in a picker's hands. Allocations
   * of the others go back to waiting and are filled from other lots if they fit.
   */
  expire(seq: number): { change: BookChange; expired: Expired[] } {
    const change = emptyChange();
    const expired: Expired[] = [];
    for (const lot of this.lotsInOrder()) {
      if (!this.isExpired(lot.lot) || lot.onHand === 0) continue;
      let picked = 0;
      for (const d of this.demands.values()) if (d.locked) picked += heldIn(d, lot.lot);
      const quantity = lot.onHand - picked;
      if (quantity <= 0) continue;
      const moved = this.moveCondition("sellable", "expired", quantity, seq, lot.lot);
      if ("refused" in moved) continue;
      for (const [holder, d] of moved.change.demands) change.demands.set(holder, d);
      change.filled.push(...moved.change.filled);
      expired.push({ lot: lot.lot, quantity });
    }
    return { change, expired };
  }

  /** The lot a receipt or count names, made if new; refused if it names another expiry. */
  private lotFor(input: LotInput): string | BookRefusal {
    const current = this.lots.get(input.lot);
    const expiresOn = input.expiresOn ?? null;
    if (!current) {
      this.lots.set(input.lot, {
        lot: input.lot,
        expiresOn,
        onHand: 0,
        allocated: 0,
        held: { ...NOTHING_HELD },
      });
      this.changedLots.add(input.lot);
      return input.lot;
    }
    if (input.expiresOn !== undefined && current.expiresOn !== expiresOn) {
      return { refused: "lot_expiry_mismatch", lot: input.lot, expiresOn: current.expiresOn };
    }
    return input.lot;
  }

  private isExpired(lot: string): boolean {
    const expiresOn = this.lots.get(lot)?.expiresOn;
    return expiresOn != null && expiresOn < this.today;
  }

  /** Sellable units of one lot, or of the units with no lot, and how many are allocated. */
  private countOf(key: string): { onHand: number; allocated: number } {
    if (key !== NO_LOT) {
      const lot = this.lots.get(key) as LotLevels;
      return { onHand: lot.onHand, allocated: lot.allocated };
    }
    let onHand = this.onHand;
    let allocated = this.allocated;
    for (const l of this.lots.values()) {
      onHand -= l.onHand;
      allocated -= l.allocated;
    }
    return { onHand, allocated };
  }

  private heldOf(key: string, condition: HeldCondition): number {
    if (key !== NO_LOT) return (this.lots.get(key) as LotLevels).held[condition];
    let held = this.held[condition];
    for (const l of this.lots.values()) held -= l.held[condition];
    return held;
  }

  private changeLot(key: string, onHand: number, allocated: number, held: Partial<HeldStock> = {}) {
    if (key === NO_LOT) return;
    const lot = this.lots.get(key);
    if (!lot) throw new Error(`no lot ${key} in this stock row`);
    lot.onHand += onHand;
    lot.allocated += allocated;
    for (const [c, units] of Object.entries(held)) lot.held[c as HeldCondition] += units;
    this.changedLots.add(key);
  }

  /** The lots a demand may take from, first expiry first, the units with no lot last. */
  private eligible(demand: Demand): { key: string; free: number }[] {
    const cutoff = addDays(
      demand.shipBy && demand.shipBy > this.today ? demand.shipBy : this.today,
      this.minShelfLifeDays,
    );
    const lots = this.lotsInOrder()
      .filter((l) => l.expiresOn === null || l.expiresOn >= cutoff)
      .map((l) => ({ key: l.lot, free: l.onHand - l.allocated }));
    const loose = this.countOf(NO_LOT);
    return [...lots, { key: NO_LOT, free: loose.onHand - loose.allocated }].filter(
      (l) => l.free > 0,
    );
  }

  private fits(demand: Demand): boolean {
    if (this.lots.size === 0) return this.available >= demand.quantity;
    let free = 0;
    for (const l of this.eligible(demand)) free += l.free;
    return free >= demand.quantity;
  }

  /** Makes a demand that fits allocated, naming its lots when the row has any. */
  private allocate(demand: Demand) {
    demand.status = "allocated";
    if (this.lots.size === 0) return;
    const lots: LotQuantities = {};
    let wanted = demand.quantity;
    for (const { key, free } of this.eligible(demand)) {
      if (wanted === 0) break;
      const units = Math.min(free, wanted);
      lots[key] = units;
      wanted -= units;
    }
    demand.lots = lots;
  }

  /** `units` of an allocated demand's own lots, first expiry first: what a shipment takes. */
  private takeFrom(demand: Demand, units: number): LotQuantities {
    const held = lotsOf(demand);
    const order = Object.keys(held).sort((a, b) => {
      if (a === NO_LOT || b === NO_LOT) return a === NO_LOT ? 1 : -1;
      return byExpiry(this.lots.get(a) as LotLevels, this.lots.get(b) as LotLevels);
    });
    const taken: LotQuantities = {};
    let wanted = units;
    for (const key of order) {
      if (wanted === 0) break;
      const n = Math.min(held[key] ?? 0, wanted);
      if (n > 0) taken[key] = n;
      wanted -= n;
    }
    return taken;
  }

  private drop(demand: Demand) {
    this.demands.delete(demand.holder);
    if (demand.status === "allocated") {
      this.allocated -= demand.quantity;
      for (const [lot, units] of Object.entries(demand.lots ?? {})) this.changeLot(lot, 0, -units);
    } else {
      this.backordered -= demand.quantity;
      this.waiting.remove(demand.holder);
    }
  }

  private place(demand: Demand) {
    this.demands.set(demand.holder, demand);
    if (demand.status === "allocated") {
      this.allocated += demand.quantity;
      for (const [lot, units] of Object.entries(demand.lots ?? {})) this.changeLot(lot, 0, units);
    } else {
      this.backordered += demand.quantity;
      this.waiting.add(demand);
    }
  }

  private fill(seq: number, change: BookChange) {
    if (this.lots.size > 0) {
      // Lots make fitting depend on each line's ship-by, so the waiting lines are tried in
      // order, each once: what is free only shrinks as lines are filled.
      for (const line of [...this.waiting.inOrder()]) {
        const demand = this.demands.get(line.holder) as Demand;
        if (this.fits(demand)) this.refill(demand, seq, change);
      }
      return;
    }
    for (let line = this.waiting.firstFitting(this.available); line; ) {
      this.refill(this.demands.get(line.holder) as Demand, seq, change);
      line = this.waiting.firstFitting(this.available);
    }
  }

  private refill(demand: Demand, seq: number, change: BookChange) {
    this.drop(demand);
    const filled: Demand = { ...demand, seq };
    this.allocate(filled);
    this.place(filled);
    change.demands.set(filled.holder, filled);
    change.filled.push(filled.holder);
  }
}

/** Units of `demand` held in lot `key` ("": with no lot). */
function heldIn(demand: Demand, key: string): number {
  if (demand.status !== "allocated") return 0;
  return lotsOf(demand)[key] ?? 0;
}

const lotsOf = (demand: Demand): LotQuantities => demand.lots ?? { [NO_LOT]: demand.quantity };

function withoutLots(demand: Demand): Omit<Demand, "lots"> {
  const { lots: _lots, ...rest } = demand;
  return rest;
}

/** `lots` with the units of `total` they do not name counted as having no lot. */
function completed(lots: LotQuantities, total: number): LotQuantities {
  let named = 0;
  for (const units of Object.values(lots)) named += units;
  return named < total ? { ...lots, [NO_LOT]: (lots[NO_LOT] ?? 0) + total - named } : lots;
}

function add(a: LotQuantities, b: LotQuantities): LotQuantities {
  const sum = { ...a };
  for (const [lot, units] of Object.entries(b)) sum[lot] = (sum[lot] ?? 0) + units;
  return sum;
}

/** What is left of a demand's lots after `taken` left; nothing when it named none. */
function subtract(lots: LotQuantities | undefined, taken: LotQuantities): { lots?: LotQuantities } {
  if (!lots) return {};
  const left: LotQuantities = {};
  for (const [lot, units] of Object.entries(lots)) {
    const n = units - (taken[lot] ?? 0);
    if (n > 0) left[lot] = n;
  }
  return { lots: left };
}
