import type { AdjustmentReason, ConditionMoveReason, StockCondition } from "../domain/statuses";
import type {
  BookChange,
  BookRefusal,
  Demand,
  DemandBook,
  LotInput,
  LotQuantities,
  StockLevels,
} from "./allocation";

/*
 * What a stock object is asked to do, and how a batch of requests applies to its book in
 * arrival order, with no I/O: what changed, which the object commits in one D1 batch, and
 * what the SKU's stock published later says about the commits since the last publication.
 */

export interface AdjustmentInput {
  id: string;
  delta: number;
  reason: AdjustmentReason;
  note: string | null;
  actor: string;
  /** The lot counted, for a lot-tracked product. */
  lot?: LotInput;
}

/** Units the floor moved from one condition to another, once per move id. */
export interface ConditionMoveInput {
  id: string;
  from: StockCondition;
  to: StockCondition;
  quantity: number;
  reason: ConditionMoveReason;
  note: string | null;
  actor: string;
  /** The lot whose units move, for a lot-tracked product. */
  lot?: string;
}

/** Stock that left or came back for a reason (`ref`): applied once per ref. */
export interface Movement {
  ref: string;
  holder: string;
  delta: number;
  /** The lots the units left from or came back to, when the row has lots. */
  lots?: LotQuantities;
}

/** An adjustment a commit recorded: its `inventory.adjusted` goes in the same batch. */
export interface AdjustedEvent {
  type: "inventory.adjusted";
  adjustmentId: string;
  version: number;
}

/**
 * What publishing a row's stock records, later than the commits it sums up: the SKU's stock
 * as of the publication, and the low-stock crossing `available` made since the last one,
 * decided inside the write against the product's threshold as stored.
 */
export type PublishedEvent =
  | { type: "inventory.updated" }
  | {
      type: "inventory.low_stock" | "inventory.restocked";
      available: { from: number; to: number };
    };

export type StockOp =
  | { kind: "demand"; holder: string; quantity: number; priority: number; shipBy?: string | null }
  | {
      kind: "move";
      holder: string;
      ref: string;
      delta: number;
      priority: number;
      undoes?: string;
      /** Where returning units go back to: the lots they left from. */
      lots?: LotQuantities;
    }
  | { kind: "adjust"; input: AdjustmentInput }
  | { kind: "receive"; ref: string; quantity: number; condition: StockCondition; lot?: LotInput }
  | { kind: "condition"; input: ConditionMoveInput }
  | { kind: "lock"; holder: string }
  /**
   * Lots past their expiry as of `today` leave sellable stock; `ids` names each lot's audit
   * record.
   */
  | { kind: "expire"; today: string; ids: (lot: string) => string };

/** What one request came to: the order it concerns and the lines it filled, or a refusal. */
export type OpResult =
  /** `lots`: for a move, the lots its units left from (or, applied before, had left from). */
  | { kind: "demand"; holder: string; filled: string[]; lots?: LotQuantities }
  | { kind: "received"; filled: string[] }
  | { kind: "adjusted"; id: string; filled: string[]; repeated: boolean }
  | { kind: "moved"; id: string; filled: string[] }
  | { kind: "refused"; refusal: BookRefusal }
  | { kind: "expired"; filled: string[] };

export interface Batch {
  /** Whether the row has anything to commit: a level, a demand, a movement or a record. */
  changed: boolean;
  /** Whether a level the SKU's stock shows moved: a publication is owed. */
  moved: boolean;
  demands: Map<string, Demand | null>;
  movements: Movement[];
  adjustments: AdjustmentInput[];
  conditionMoves: ConditionMoveInput[];
  /** Every order whose waiting line this batch filled: each is owed a notice. */
  refilled: Set<string>;
  results: OpResult[];
  events: AdjustedEvent[];
}

const available = (l: StockLevels) => Math.max(0, l.onHand - l.allocated);

/** The levels the SKU's stock shows: what a publication compares. */
export const levelsOf = (l: StockLevels): StockLevels => ({
  onHand: l.onHand,
  allocated: l.allocated,
  backordered: l.backordered,
  held: { ...l.held },
});

const sameLevels = (a: StockLevels, b: StockLevels) =>
  a.onHand === b.onHand &&
  a.allocated === b.allocated &&
  a.backordered === b.backordered &&
  a.held.quarantine === b.held.quarantine &&
  a.held.damaged === b.held.damaged &&
  a.held.expired === b.held.expired;

/**
 * What publishing the row records, from the levels it last published to those it shows now:
 * `inventory.updated` when they differ, and the low-stock move `available` made across the
 * two. Commits in between are summed up, so a level that moved and came back says nothing,
 * and nor does a commit that only moved demands between states (a line locked for picking).
 */
export function publication(last: StockLevels, now: StockLevels): PublishedEvent[] {
  if (sameLevels(last, now)) return [];
  const events: PublishedEvent[] = [{ type: "inventory.updated" }];
  const move = { from: available(last), to: available(now) };
  if (move.to !== move.from) {
    const type = move.to < move.from ? "inventory.low_stock" : "inventory.restocked";
    events.push({ type, available: move });
  }
  return events;
}

/** The movement refs a batch of requests needs checked against what the row already applied. */
export const refsOf = (ops: StockOp[]): string[] =>
  ops.flatMap((op) =>
    op.kind === "move"
      ? [op.ref, ...(op.undoes ? [op.undoes] : [])]
      : op.kind === "receive"
        ? [op.ref]
        : [],
  );

export const adjustmentIdsOf = (ops: StockOp[]) =>
  ops.flatMap((op) => (op.kind === "adjust" ? [op.input.id] : []));

export const conditionMoveIdsOf = (ops: StockOp[]) =>
  ops.flatMap((op) => (op.kind === "condition" ? [op.input.id] : []));

/**
 * Applies requests in order. Each movement applies once per ref, an undo only after the
 * movement it undoes, and each adjustment and condition move once per id, whatever was
 * retried.
 */
export function applyOps(
  book: DemandBook,
  ops: StockOp[],
  applied: {
    /** Each movement ref applied before, with the lots it moved (when it named any). */
    refs: Map<string, LotQuantities | undefined>;
    adjustmentIds: Set<string>;
    conditionMoveIds: Set<string>;
  },
  seq: number,
): Batch {
  const before = levelsOf(book);
  const batch: Batch = {
    changed: false,
    moved: false,
    demands: new Map(),
    movements: [],
    adjustments: [],
    conditionMoves: [],
    refilled: new Set(),
    results: [],
    events: [],
  };
  const record = (change: BookChange) => {
    for (const [id, d] of change.demands) batch.demands.set(id, d);
    for (const id of change.filled) batch.refilled.add(id);
    return change.filled;
  };
  const refs = new Map(applied.refs);
  const adjusted = new Set(applied.adjustmentIds);
  const conditionMoved = new Set(applied.conditionMoveIds);
  for (const op of ops) {
    if (op.kind === "demand") {
      const filled = record(
        book.setDemand(op.holder, op.quantity, op.priority, seq, op.shipBy ?? null).change,
      );
      batch.results.push({ kind: "demand", holder: op.holder, filled });
    } else if (op.kind === "move") {
      if (refs.has(op.ref) || (op.undoes !== undefined && !refs.has(op.undoes))) {
        const lots = refs.get(op.ref);
        batch.results.push({
          kind: "demand",
          holder: op.holder,
          filled: [],
          ...(lots && { lots }),
        });
        continue;
      }
      // An undo puts units back where the movement it undoes took them from.
      const into = op.lots ?? (op.undoes === undefined ? undefined : refs.get(op.undoes));
      const moved = book.move(op.holder, op.delta, op.priority, seq, into);
      if ("refused" in moved) {
        batch.results.push({ kind: "refused", refusal: moved });
        continue;
      }
      const lots = op.delta < 0 ? moved.lots : into;
      refs.set(op.ref, lots);
      batch.movements.push({
        ref: op.ref,
        holder: op.holder,
        delta: op.delta,
        ...(lots && { lots }),
      });
      batch.results.push({
        kind: "demand",
        holder: op.holder,
        filled: record(moved.change),
        ...(lots && { lots }),
      });
    } else if (op.kind === "expire") {
      book.today = op.today;
      const { change, expired } = book.expire(seq);
      for (const { lot, quantity } of expired) {
        batch.conditionMoves.push({
          id: op.ids(lot),
          from: "sellable",
          to: "expired",
          quantity,
          reason: "expired",
          note: null,
          actor: "system",
          lot,
        });
      }
      batch.results.push({ kind: "expired", filled: record(change) });
    } else if (op.kind === "lock") {
      record(book.lock(op.holder, seq).change);
      batch.results.push({ kind: "demand", holder: op.holder, filled: [] });
    } else if (op.kind === "receive") {
      if (refs.has(op.ref)) {
        batch.results.push({ kind: "received", filled: [] });
        continue;
      }
      const lots = op.lot ? { [op.lot.lot]: op.quantity } : undefined;
      refs.set(op.ref, lots);
      batch.movements.push({ ref: op.ref, holder: "", delta: op.quantity, ...(lots && { lots }) });
      batch.results.push({
        kind: "received",
        filled: record(book.receive(op.quantity, seq, op.condition, op.lot).change),
      });
    } else if (op.kind === "condition") {
      const { id, from, to, quantity } = op.input;
      if (conditionMoved.has(id)) {
        batch.results.push({ kind: "moved", id, filled: [] });
        continue;
      }
      const result = book.moveCondition(from, to, quantity, seq, op.input.lot);
      if ("refused" in result) {
        batch.results.push({ kind: "refused", refusal: result });
        continue;
      }
      conditionMoved.add(id);
      batch.conditionMoves.push(op.input);
      batch.results.push({ kind: "moved", id, filled: record(result.change) });
    } else {
      const { id } = op.input;
      if (adjusted.has(id)) {
        batch.results.push({ kind: "adjusted", id, filled: [], repeated: true });
        continue;
      }
      const result = book.adjust(op.input.delta, seq, op.input.lot);
      if ("refused" in result) {
        batch.results.push({ kind: "refused", refusal: result });
        continue;
      }
      adjusted.add(id);
      batch.adjustments.push(op.input);
      batch.results.push({ kind: "adjusted", id, filled: record(result.change), repeated: false });
    }
  }
  batch.changed =
    book.hasChangedLots ||
    batch.demands.size > 0 ||
    batch.movements.length > 0 ||
    batch.adjustments.length > 0 ||
    batch.conditionMoves.length > 0;
  batch.moved = batch.adjustments.length > 0 || !sameLevels(before, book);
  batch.events = batch.adjustments.map((a) => ({
    type: "inventory.adjusted",
    adjustmentId: a.id,
    version: seq,
  }));
  return batch;
}
