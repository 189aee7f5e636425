import { DurableObject } from "cloudflare:workers";
import { type Db, database } from "../db/client";
import { primary } from "../db/sessions";
import { d1Of, shardOf } from "../db/shards";
import type { ShippedLot } from "../domain/shapes";
import type { StockCondition } from "../domain/statuses";
import { answered, answering, type Failure } from "../durable/answers";
import { Schedule } from "../durable/schedule";
import { parseStockName, type StockKey, stockWriter } from "../durable/stubs";
import { utcToday } from "../lib/calendar";
import { type Cost, share } from "../lib/cost";
import { newId } from "../lib/ids";
import { Meter } from "../lib/metering";
import {
  type BookRefusal,
  DemandBook,
  type LotInput,
  type LotQuantities,
  type StockLevels,
} from "./allocation";
import {
  type DemandAnswer,
  holderOf,
  type LineRef,
  lineOf,
  type Notice,
} from "./inventory.notices";
import type { AdjustmentSnapshot, ConditionMoveSnapshot } from "./inventory.snapshot";
import { NoticeJournal } from "./notice-journal";
import {
  type AdjustmentInput,
  adjustmentIdsOf,
  applyOps,
  type ConditionMoveInput,
  conditionMoveIdsOf,
  levelsOf,
  type OpResult,
  publication,
  refsOf,
  type StockOp,
} from "./stock-ops";
import {
  appliedAlready,
  commitStock,
  loadStock,
  minShelfLifeOf,
  publishStock,
  type Written,
} from "./stock-store";
import { throughWriter, type WireStatement } from "./stock-writer";

/** The records a commit's answers carry: applied before, or written by this commit. */
interface Records {
  adjustment: (id: string) => AdjustmentSnapshot;
  move: (id: string) => ConditionMoveSnapshot;
}

type Adjusted = { adjustment: AdjustmentSnapshot; notices: Notice[]; cost?: Cost };
type Moved = { move: ConditionMoveSnapshot; notices: Notice[]; cost?: Cost };
type Received = { notices: Notice[]; cost?: Cost };
type Answer = DemandAnswer | Adjusted | Moved | Received | (BookRefusal & { cost?: Cost });

interface Pending {
  /**
   * A request, a read of the committed state of these orders' lines, or the SKU's stock to
   * publish as committed.
   */
  op: StockOp | { kind: "read"; holders: string[] } | { kind: "publish" };
  /**
   * The request is one of several lines committed together (a multi-line order's change):
   * its commit goes through the warehouse's stock writer, to share D1 batches with theirs.
   */
  together?: boolean;
  resolve: (answer: Answer | Notice[]) => void;
  reject: (err: unknown) => void;
}

/** Bounds one group commit: D1 batches stay small and a slow batch delays few callers. */
const MAX_BATCH = 64;

/**
 * How long after a commit moves a level the SKU's stock is published: the commits of that
 * second (a burst of orders on a hot SKU, every line of a big order) are told in one
 * `inventory.updated` with the stock as it then is, off the requests' path.
 * `STOCK_PUBLISH_AFTER_MS` overrides it.
 */
const publishAfterMs = (env: Env) => Number(env.STOCK_PUBLISH_AFTER_MS ?? "1000");

/** Storage key of the levels last published: what the next publication is compared with. */
const PUBLISHED = "published";

/**
 * Guards one tenant × warehouse × SKU stock row and its waiting lines: it is the only
 * writer of that row and its demands, so allocation is decided in one place. Requests
 * that arrive while a commit is in flight are decided together, on committed state, and
 * committed in one bounded D1 batch, so a hot SKU takes many orders per round trip.
 * Orders whose waiting lines it fills are told after commit and never while anyone waits
 * on it: each notice is kept in storage until delivered, and the alarm retries it. The
 * row's stock is published (its feed position, `inventory.updated`, a low-stock crossing)
 * by the alarm, a second after a commit moved a level: a commit owes it before it
 * writes, so a publication is never lost, and it sums up every commit since the last.
 */
export class StockObject extends DurableObject<Env> {
  private readonly key: StockKey;
  private readonly schedule: Schedule<"notices" | "expiry" | "publish">;
  private readonly notices: NoticeJournal;
  private book: DemandBook | undefined;
  private version = 0;
  private listed = false;
  private readonly queue: Pending[] = [];
  private pumping = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.key = parseStockName(ctx.id.name ?? "");
    this.schedule = new Schedule(ctx.storage);
    this.notices = new NoticeJournal(ctx.storage, this.schedule, env, this.key.tenantId);
  }

  /**
   * Declares how many units order line `line` wants from this row (0 releases), taking no
   * lot that expires before `shipBy` (the order's ship-by). Idempotent.
   */
  setDemand(
    line: LineRef,
    quantity: number,
    priority: number,
    shipBy: string | null = null,
    together = false,
  ): Promise<DemandAnswer | Failure> {
    return answering(
      () =>
        this.submit(
          { kind: "demand", holder: holderOf(line), quantity, priority, shipBy },
          together,
        ) as Promise<DemandAnswer>,
    );
  }

  /**
   * Shipped units leave a line's allocation (negative; the answer names the lots they left
   * from), voided ones return (positive, into `lots`, the lots they left from); once per `ref`.
   */
  move(
    line: LineRef,
    ref: string,
    delta: number,
    priority: number,
    lots?: LotQuantities,
    together = false,
  ): Promise<DemandAnswer | BookRefusal | Failure> {
    return answering(
      () =>
        this.submit(
          { kind: "move", holder: holderOf(line), ref, delta, priority, ...(lots && { lots }) },
          together,
        ) as Promise<DemandAnswer | BookRefusal>,
    );
  }

  /** Reverses movement `ref` (by its opposite `delta`), once, and only if it happened. */
  undo(
    line: LineRef,
    ref: string,
    delta: number,
    priority: number,
  ): Promise<DemandAnswer | BookRefusal | Failure> {
    return answering(
      () =>
        this.submit({
          kind: "move",
          holder: holderOf(line),
          ref: `undo:${ref}`,
          delta,
          priority,
          undoes: ref,
        }) as Promise<DemandAnswer | BookRefusal>,
    );
  }

  /** Picking started for `line`: a loss on the shelf can no longer take its units back. */
  lock(line: LineRef, together = false): Promise<DemandAnswer | Failure> {
    return answering(
      () =>
        this.submit({ kind: "lock", holder: holderOf(line) }, together) as Promise<DemandAnswer>,
    );
  }

  /**
   * Units that arrived (a receipt, a return), once per `ref`, into `condition`: only sellable
   * ones fill waiting lines. Called by Workers only; `together` when they received several.
   */
  receive(
    ref: string,
    quantity: number,
    condition: StockCondition = "sellable",
    lot?: LotInput,
    together = false,
  ): Promise<{ cost?: Cost } | Failure> {
    return answering(async () => {
      const answer = (await this.submit(
        { kind: "receive", ref, quantity, condition, ...(lot && { lot }) },
        together,
      )) as Received;
      await this.notices.deliver(answer.notices);
      return { cost: answer.cost };
    });
  }

  /** A counted change on the shelf, once per adjustment id. Called by Workers, never by orders. */
  adjust(
    input: AdjustmentInput,
  ): Promise<Omit<Adjusted, "notices"> | (BookRefusal & { cost?: Cost }) | Failure> {
    return answering(async () => {
      const answer = (await this.submit({ kind: "adjust", input })) as Adjusted | BookRefusal;
      if ("refused" in answer) return answer;
      await this.notices.deliver(answer.notices);
      return { adjustment: answer.adjustment, cost: answer.cost };
    });
  }

  /** The floor moved units between conditions, once per move id. Called by Workers only. */
  moveCondition(
    input: ConditionMoveInput,
  ): Promise<Omit<Moved, "notices"> | (BookRefusal & { cost?: Cost }) | Failure> {
    return answering(async () => {
      const answer = (await this.submit({ kind: "condition", input })) as Moved | BookRefusal;
      if ("refused" in answer) return answer;
      await this.notices.deliver(answer.notices);
      return { move: answer.move, cost: answer.cost };
    });
  }

  /**
   * Lots past their expiry as of `today` leave sellable stock for `expired`, each move
   * audited; the lines that held them wait again or take other lots. The alarm runs it on
   * the first day a lot has expired.
   */
  async expireLots(today = utcToday()): Promise<void> {
    const { tenantId } = this.key;
    const answer = (await this.submit({
      kind: "expire",
      today,
      ids: () => newId("cmv", tenantId),
    })) as Received;
    await this.notices.deliver(answer.notices);
  }

  /**
   * Publishes the SKU's stock in this warehouse as committed, if a level moved since it was
   * last published, and relays the events. The alarm runs it; it is safe to run at any time.
   * It goes through the warehouse's stock writer, which relays once for every SKU it
   * published with: a big order's SKUs, published in the same second, share both. The relay
   * is awaited here, after the commit, so it never holds up this row's queue.
   */
  async publish(): Promise<void> {
    await this.submit({ kind: "publish" });
    await stockWriter(this.env, this.key).relayed();
  }

  override async alarm() {
    await this.schedule.unlessFrozen(async () => {
      const due = this.schedule.due();
      if (due.includes("expiry")) {
        await this.schedule.clear("expiry");
        await this.expireLots();
      }
      if (due.includes("publish")) await this.publish();
      if (due.includes("notices")) {
        const owed = this.notices.owed();
        const notices =
          owed.length > 0 ? ((await this.submit({ kind: "read", holders: owed })) as Notice[]) : [];
        await this.notices.settle(await this.notices.deliver(notices));
      }
      await this.schedule.arm();
    });
  }

  private submit(op: Pending["op"], together = false): Promise<Answer | Notice[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ op, together, resolve, reject });
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
          await this.commit(batch);
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

  private async commit(batch: Pending[]) {
    const meter = new Meter();
    const env = meter.env(this.env);
    // Each caller's share of the cost carries the commit's bookmark back to its request.
    const shard = await shardOf(this.env, this.key.tenantId);
    const d1 = primary(d1Of(env, shard));
    const db = database(
      batch.some((p) => p.together) ? throughWriter(d1, this.writer(env, shard, false)) : d1,
    );
    if (!this.book) {
      const loaded = await loadStock(db, this.key);
      this.book = new DemandBook(loaded.levels, loaded.demands, loaded.lots);
      this.version = loaded.version;
      this.listed = loaded.listed;
      // Until this object first publishes, what D1 holds was told as it was written.
      if (this.ctx.storage.kv.get(PUBLISHED) === undefined) {
        this.ctx.storage.kv.put(PUBLISHED, levelsOf(loaded.levels));
      }
    }
    const book = this.book;
    // Which lots a line may take depends on the product's shelf life as it is now; a row
    // without lots pays nothing for it.
    if (book.lotsInOrder().length > 0) book.minShelfLifeDays = await minShelfLifeOf(db, this.key);
    book.today = utcToday();
    // Reads see committed state: they are answered before this batch changes anything.
    for (const p of batch)
      if (p.op.kind === "read") p.resolve(p.op.holders.map((h) => this.noticeFor(h)));
    const pending = batch.filter(
      (p): p is Pending & { op: StockOp } => p.op.kind !== "read" && p.op.kind !== "publish",
    );
    if (pending.length > 0) await this.apply(db, meter, pending);
    const publishing = batch.filter((p) => p.op.kind === "publish");
    if (publishing.length > 0) {
      await this.publishCommitted(database(throughWriter(d1, this.writer(env, shard, true))), book);
      for (const p of publishing) p.resolve([]);
    }
  }

  /**
   * Sends batches to `shard` through the warehouse's stock writer (`env`'s, so its share of
   * the cost is metered), relaying the tenant's events after them with `relay`.
   */
  private writer(env: Env, shard: string, relay: boolean) {
    const writer = stockWriter(env, this.key);
    return async (statements: WireStatement[]) =>
      answered(await writer.batch(shard, statements, relay)).results;
  }

  /** Publishes what the levels show now against what was last published. */
  private async publishCommitted(db: Db, book: DemandBook) {
    const last = this.ctx.storage.kv.get<StockLevels>(PUBLISHED) ?? levelsOf(book);
    const events = publication(last, book);
    if (events.length > 0) {
      await publishStock(db, this.key, events);
      this.listed = true;
    }
    this.ctx.storage.kv.put(PUBLISHED, levelsOf(book));
    await this.schedule.clear("publish");
  }

  private async apply(db: Db, meter: Meter, pending: (Pending & { op: StockOp })[]) {
    const book = this.book as DemandBook;
    const ops = pending.map((p) => p.op);
    const done = await appliedAlready(
      db,
      this.key,
      refsOf(ops),
      adjustmentIdsOf(ops),
      conditionMoveIdsOf(ops),
    );
    const seq = this.version + 1;
    const applied = applyOps(
      book,
      ops,
      {
        refs: done.refs,
        adjustmentIds: new Set(done.adjustments.keys()),
        conditionMoveIds: new Set(done.conditionMoves.keys()),
      },
      seq,
    );
    let written: Written = { adjustments: [], conditionMoves: [] };
    if (applied.changed) {
      await this.notices.owe(applied.refilled, seq);
      // Owed before the write: a commit that lands is always published.
      if (applied.moved) await this.schedule.at("publish", Date.now() + publishAfterMs(this.env));
      written = await commitStock(db, this.key, {
        ...applied,
        lots: book.takeChangedLots(),
        version: seq,
        levels: levelsOf(book),
        unlisted: !this.listed,
      });
      this.version = seq;
      this.listed = true;
      await this.scheduleExpiry(book);
    }
    const cost = share(meter.cost, pending.length);
    const records: Records = {
      adjustment: (id) =>
        (done.adjustments.get(id) ??
          written.adjustments.find((a) => a.id === id)) as AdjustmentSnapshot,
      move: (id) =>
        (done.conditionMoves.get(id) ??
          written.conditionMoves.find((m) => m.id === id)) as ConditionMoveSnapshot,
    };
    for (const [i, p] of pending.entries()) {
      p.resolve({ ...this.answer(applied.results[i] as OpResult, records), cost });
    }
  }

  /** The alarm wakes on the first day a lot with sellable units has expired. */
  private async scheduleExpiry(book: DemandBook) {
    const next = book.nextExpiry();
    if (next) await this.schedule.at("expiry", Date.parse(`${next}T00:00:00Z`), { replace: true });
  }

  private answer(result: OpResult, records: Records): Answer {
    if (result.kind === "refused") return result.refusal;
    const notices = result.filled.map((id) => this.noticeFor(id));
    if (result.kind === "adjusted") return { adjustment: records.adjustment(result.id), notices };
    if (result.kind === "moved") return { move: records.move(result.id), notices };
    if (result.kind === "received" || result.kind === "expired") return { notices };
    const own = this.noticeFor(result.holder);
    return {
      status: own.status,
      seq: own.seq,
      notices: notices.filter((n) => holderOf(n) !== result.holder),
      ...(result.lots && { lots: this.shippedLots(result.lots) }),
    };
  }

  /** The lots units left from, as a shipment records them: units with no lot are not named. */
  private shippedLots(lots: LotQuantities): ShippedLot[] {
    const known = new Map(this.book?.lotsInOrder().map((l) => [l.lot, l.expiresOn]));
    return Object.entries(lots)
      .filter(([lot, quantity]) => lot !== "" && quantity > 0)
      .map(([lot, quantity]) => ({ lot, expires_on: known.get(lot) ?? null, quantity }));
  }

  private noticeFor(holder: string): Notice {
    const demand = this.book?.demandOf(holder);
    return {
      ...lineOf(holder),
      sku: this.key.sku,
      status: demand?.status ?? "released",
      seq: demand?.seq ?? this.version,
    };
  }
}
