import { DurableObject } from "cloudflare:workers";
import { type Db, database } from "../db/client";
import { orderObject } from "../durable/stubs";
import type { Env } from "../env";
import { type AllocationStatus, type BookChange, type BookRefusal, DemandBook } from "./allocation";
import {
  type Adjustment,
  type AdjustmentInput,
  appliedAlready,
  type Commit,
  commitStock,
  loadStock,
  parseStockName,
  type StockKey,
} from "./stock-store";

/** Tells one order what its line in this stock row now holds, as of stock version `seq`. */
export interface Notice {
  orderId: string;
  sku: string;
  status: AllocationStatus;
  seq: number;
}

export interface DemandAnswer {
  status: AllocationStatus;
  seq: number;
  /** Other orders whose waiting lines this change filled; the caller should tell them. */
  notices: Notice[];
}

type Op =
  | { kind: "demand"; orderId: string; quantity: number; priority: number }
  | { kind: "move"; orderId: string; ref: string; delta: number; priority: number; undoes?: string }
  | { kind: "adjust"; input: AdjustmentInput }
  | { kind: "notices"; orderIds: string[] };

type Outcome =
  | DemandAnswer
  | BookRefusal
  | { adjustment: Adjustment; notices: Notice[] }
  | Notice[];

interface Pending {
  op: Op;
  resolve: (outcome: Outcome) => void;
  reject: (err: unknown) => void;
}

/** Bounds one group commit: D1 batches stay small and a slow batch delays few callers. */
const MAX_BATCH = 64;
const NOTICE_RETRY_MS = [1_000, 5_000, 30_000, 120_000, 600_000];
const NOTICE = "notice:";

/**
 * Guards one tenant × warehouse × SKU stock row and its waiting lines: it is the only
 * writer of that row and its demands, so allocation is decided in one place. Requests
 * that arrive while a commit is in flight are decided together, on committed state, and
 * committed in one bounded D1 batch, so a hot SKU takes many orders per round trip.
 * Orders whose waiting lines it fills are told after commit and never while anyone
 * waits on it: each notice is kept in this object's storage until delivered, and its
 * alarm retries it from the committed state.
 */
export class StockObject extends DurableObject<Env> {
  private readonly key: StockKey;
  private readonly db: Db;
  private book: DemandBook | undefined;
  private version = 0;
  private readonly queue: Pending[] = [];
  private pumping = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.key = parseStockName(ctx.id.name ?? "");
    this.db = database(env.DB);
  }

  /** Declares how many units `orderId` wants from this row (0 releases). Idempotent. */
  setDemand(orderId: string, quantity: number, priority: number): Promise<DemandAnswer> {
    return this.submit({ kind: "demand", orderId, quantity, priority }) as Promise<DemandAnswer>;
  }

  /** Shipped units leave the order's allocation (negative), voided ones return (positive); once per `ref`. */
  move(
    orderId: string,
    ref: string,
    delta: number,
    priority: number,
  ): Promise<DemandAnswer | BookRefusal> {
    return this.submit({ kind: "move", orderId, ref, delta, priority }) as Promise<
      DemandAnswer | BookRefusal
    >;
  }

  /**
   * Reverses the movement `ref` made for `orderId` (by `delta`, its opposite), once, and
   * only if that movement happened: how a discarded shipment or void gives stock back.
   */
  undo(
    orderId: string,
    ref: string,
    delta: number,
    priority: number,
  ): Promise<DemandAnswer | BookRefusal> {
    return this.submit({
      kind: "move",
      orderId,
      ref: `undo:${ref}`,
      delta,
      priority,
      undoes: ref,
    }) as Promise<DemandAnswer | BookRefusal>;
  }

  /** A counted change on the shelf, once per adjustment id. Called by Workers, never by orders. */
  async adjust(input: AdjustmentInput): Promise<{ adjustment: Adjustment } | BookRefusal> {
    const outcome = (await this.submit({ kind: "adjust", input })) as
      | { adjustment: Adjustment; notices: Notice[] }
      | BookRefusal;
    if ("refused" in outcome) return outcome;
    await this.deliver(outcome.notices);
    return { adjustment: outcome.adjustment };
  }

  override async alarm() {
    const pending = this.ctx.storage.kv.list<number>({ prefix: NOTICE });
    const orderIds = [...pending].map(([k]) => k.slice(NOTICE.length));
    if (orderIds.length === 0) return;
    const notices = (await this.submit({ kind: "notices", orderIds })) as Notice[];
    const failed = await this.deliver(notices);
    if (failed > 0) {
      const attempt = (this.ctx.storage.kv.get<number>("notice-attempt") ?? 0) + 1;
      this.ctx.storage.kv.put("notice-attempt", attempt);
      const delay = NOTICE_RETRY_MS[Math.min(attempt, NOTICE_RETRY_MS.length - 1)] ?? 600_000;
      await this.ctx.storage.setAlarm(Date.now() + delay);
    } else this.ctx.storage.kv.delete("notice-attempt");
  }

  private submit(op: Op): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (!this.pumping) void this.pump();
    });
  }

  /** One commit at a time; everything queued meanwhile goes into the next one. */
  private async pump() {
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.run(batch);
        } catch (err) {
          // A failed or ambiguous commit leaves memory unsure of D1: reload next time.
          this.book = undefined;
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  private async run(batch: Pending[]) {
    if (!this.book) {
      const loaded = await loadStock(this.db, this.key);
      this.book = new DemandBook(loaded.levels, loaded.demands);
      this.version = loaded.version;
    }
    const book = this.book;
    // Reads of committed state go first, before this batch changes anything.
    for (const p of batch) {
      if (p.op.kind === "notices") p.resolve(p.op.orderIds.map((id) => this.noticeFor(id)));
    }
    const done = await appliedAlready(
      this.db,
      this.key,
      batch.flatMap((p) =>
        p.op.kind === "move" ? [p.op.ref, ...(p.op.undoes ? [p.op.undoes] : [])] : [],
      ),
      batch.flatMap((p) => (p.op.kind === "adjust" ? [p.op.input.id] : [])),
    );
    const seq = this.version + 1;
    const commit: Commit = {
      version: seq,
      levels: book,
      demands: new Map(),
      movements: [],
      adjustments: [],
    };
    const answers: (() => Outcome)[] = [];
    const refilled = new Set<string>();
    const record = (change: BookChange) => {
      for (const [id, d] of change.demands) commit.demands.set(id, d);
      for (const id of change.filled) refilled.add(id);
      return change.filled;
    };
    for (const p of batch) {
      const op = p.op;
      if (op.kind === "demand") {
        const filled = record(book.setDemand(op.orderId, op.quantity, op.priority, seq).change);
        answers.push(() => this.answer(op.orderId, filled));
      } else if (op.kind === "move") {
        if (done.refs.has(op.ref) || (op.undoes !== undefined && !done.refs.has(op.undoes))) {
          answers.push(() => this.answer(op.orderId, []));
          continue;
        }
        done.refs.add(op.ref);
        const moved = book.move(op.orderId, op.delta, op.priority, seq);
        if ("refused" in moved) {
          answers.push(() => moved);
          continue;
        }
        commit.movements.push({ ref: op.ref, orderId: op.orderId, delta: op.delta });
        const filled = record(moved.change);
        answers.push(() => this.answer(op.orderId, filled));
      } else if (op.kind === "adjust") {
        const earlier = done.adjustments.get(op.input.id);
        if (earlier || commit.adjustments.some((a) => a.id === op.input.id)) {
          answers.push(() => ({ adjustment: earlier ?? adjusted(op.input.id), notices: [] }));
          continue;
        }
        const result = book.adjust(op.input.delta, seq);
        if ("refused" in result) {
          answers.push(() => result);
          continue;
        }
        commit.adjustments.push(op.input);
        const filled = record(result.change);
        answers.push(() => ({
          adjustment: adjusted(op.input.id),
          notices: filled.map((id) => this.noticeFor(id)),
        }));
      } else answers.push(() => []);
    }
    let written: Adjustment[] = [];
    const adjusted = (id: string) => written.find((a) => a.id === id) as Adjustment;
    if (commit.demands.size > 0 || commit.movements.length > 0 || commit.adjustments.length > 0) {
      await this.remember(refilled, seq);
      written = await commitStock(this.db, this.key, { ...commit, levels: { ...book } });
      this.version = seq;
    }
    batch.forEach((p, i) => {
      if (p.op.kind !== "notices") p.resolve((answers[i] as () => Outcome)());
    });
  }

  private answer(orderId: string, filled: string[]): DemandAnswer {
    const own = this.noticeFor(orderId);
    return {
      status: own.status,
      seq: own.seq,
      notices: filled.filter((id) => id !== orderId).map((id) => this.noticeFor(id)),
    };
  }

  private noticeFor(orderId: string): Notice {
    const demand = this.book?.demandOf(orderId);
    return {
      orderId,
      sku: this.key.sku,
      status: demand?.status ?? "released",
      seq: demand?.seq ?? this.version,
    };
  }

  /**
   * Marks every order this commit refills as owed a notice, before the commit is made:
   * if the commit fails the alarm finds nothing new to tell, and if this object stops
   * after it, the alarm still tells them.
   */
  private async remember(orderIds: Set<string>, seq: number) {
    if (orderIds.size === 0) return;
    for (const orderId of orderIds) this.ctx.storage.kv.put(`${NOTICE}${orderId}`, seq);
    await this.ctx.storage.setAlarm(Date.now() + (NOTICE_RETRY_MS[1] ?? 5_000));
  }

  /** Tells each order its line's state; returns how many could not be told. */
  private async deliver(notices: Notice[]): Promise<number> {
    const results = await Promise.allSettled(
      notices.map(async (n) => {
        await orderObject(this.env, this.key.tenantId, n.orderId).allocationChanged(n);
        const owed = this.ctx.storage.kv.get<number>(`${NOTICE}${n.orderId}`);
        if (owed !== undefined && owed <= n.seq)
          this.ctx.storage.kv.delete(`${NOTICE}${n.orderId}`);
      }),
    );
    const failed = results.filter((r) => r.status === "rejected");
    for (const r of failed) {
      console.error(
        JSON.stringify({
          level: "warn",
          msg: "order notice failed; the alarm retries",
          err: String((r as PromiseRejectedResult).reason),
        }),
      );
    }
    return failed.length;
  }
}
