import { DurableObject } from "cloudflare:workers";
import { type Db, database } from "../db/client";
import { primary } from "../db/sessions";
import { d1Of, shardOf } from "../db/shards";
import { isRefusal, type Refusal } from "../domain/refusals";
import { answering, type Failure } from "../durable/answers";
import { type Intent, IntentJournal } from "../durable/intent-journal";
import { Schedule } from "../durable/schedule";
import { parseOrderObjectName } from "../durable/stubs";
import type { Notice } from "../inventory/inventory.notices";
import { environmentOf } from "../lib/environment";
import { Meter } from "../lib/metering";
import { Serial } from "../lib/serial";
import { SimulatedWarehouse } from "../simulator/simulator.warehouse";
import { relay } from "../webhooks/webhooks.outbox";
import { tellOrders } from "./allocation-notices";
import { isChange, type OrderCommand, type OrderState } from "./order";
import { decide, settle } from "./order-rules";
import { checkSerials, claimShipmentSerials } from "./order-serials";
import { moveStock } from "./order-stock";
import { loadOrder, persist } from "./order-store";
import { type Outcome, outcomeOf } from "./outcome";
import { reconcile } from "./reconcile";
import { registerStuck, resolveStuck } from "./stuck-store";
import { commandFor } from "./warehouse-steps";

/**
 * Guards one order (named tenant/order id): its commands run here one at a time. A change
 * that moves stock is journaled before its first step; the next command or the alarm
 * finishes it, with backoff, and after the last attempt it is parked for an operator so a
 * poison change never wedges the order. It calls stock objects while holding its queue,
 * which is safe because they never call back while anyone waits on them.
 *
 * In development and sandbox the same alarm plays the warehouse: after every change it
 * asks the simulation for the next step and sends it as the operations API would.
 */
export class OrderObject extends DurableObject<Env> {
  private readonly id: { tenantId: string; orderId: string };
  private readonly schedule: Schedule<"recover" | "simulate">;
  private readonly journal: IntentJournal<OrderCommand>;
  private readonly serial = new Serial();
  private state: OrderState | null | undefined;
  /** The metered bindings of the command running now (commands run one at a time). */
  private run!: { env: Env; db: Db };
  private readonly warehouse: SimulatedWarehouse;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.id = parseOrderObjectName(ctx.id.name ?? "");
    this.schedule = new Schedule(ctx.storage);
    this.journal = new IntentJournal(ctx.storage, this.schedule, this.id.tenantId);
    // Production never simulates, whatever a settings row says.
    this.warehouse = new SimulatedWarehouse(
      ctx.storage,
      this.schedule,
      this.id.tenantId,
      environmentOf(env) !== "production",
    );
  }

  execute(command: OrderCommand): Promise<Outcome | Failure> {
    return answering(() => this.executing(command));
  }

  /**
   * A stock row filled or released one of this order's lines. Idempotent, order-insensitive;
   * false while an unfinished change keeps it from applying: the stock object tells it again.
   */
  allocationChanged(notice: Notice): Promise<boolean | Failure> {
    return answering(async () => {
      const { lineNo, sku, status, seq } = notice;
      const outcome = await this.executing({
        type: "allocation_changed",
        lineNo,
        sku,
        status,
        seq,
      });
      return outcome.ok || outcome.refusal.code !== "order_busy";
    });
  }

  retryParked(id: string): Promise<Outcome | Failure> {
    return answering(() => this.retrying(id));
  }

  discardParked(id: string): Promise<boolean | Failure> {
    return answering(() => this.discarding(id));
  }

  /**
   * The archive is taking this order out of D1 (src/retention/order-archive.ts): the next
   * command reads D1 again rather than decide from memory, and finds the order gone. Runs
   * after any command under way, so none decided from the old state is still to commit.
   */
  forget(): Promise<void> {
    return this.serial.run(async () => {
      this.state = undefined;
    });
  }

  private executing(command: OrderCommand): Promise<Outcome> {
    return this.exclusive(async () => {
      const busy = await this.recover(false);
      if (busy) return { ok: false, refusal: busy };
      return this.journaled(command);
    });
  }

  private retrying(id: string): Promise<Outcome> {
    return this.exclusive(async () => {
      const intent = this.journal.parked(id);
      if (!intent)
        return { ok: false, refusal: { code: "not_found", resource: "stuck operation", id } };
      const busy = await this.recover(false);
      if (busy) return { ok: false, refusal: busy };
      try {
        const outcome = await this.apply(intent.command, intent.now);
        if (!outcome.ok) await this.reconcile(intent);
        this.journal.unpark(id);
        await resolveStuck(
          this.run.db,
          id,
          "retried",
          outcome.ok ? "applied" : `refused: ${outcome.refusal.code}`,
        );
        return outcome;
      } catch (err) {
        return { ok: false, refusal: { code: "retry_failed", error: String(err) } };
      }
    });
  }

  private discarding(id: string): Promise<boolean> {
    return this.exclusive(async () => {
      const intent = this.journal.parked(id);
      if (!intent) return false;
      await this.reconcile(intent);
      this.journal.unpark(id);
      await resolveStuck(this.run.db, id, "discarded", "stock reconciled with the committed order");
      return true;
    });
  }

  override async alarm() {
    await this.schedule.unlessFrozen(() => this.alarmed());
  }

  private async alarmed() {
    const { stepped, notices } = await this.exclusive(async () => {
      const due = this.schedule.due();
      if (due.includes("recover")) await this.recover(true);
      const done = due.includes("simulate")
        ? await this.warehouse.turn({
            db: this.run.db,
            load: () => this.load(false),
            busy: () => this.journal.pending() !== undefined,
            perform: async (step) => {
              const outcome = await this.journaled(commandFor(step));
              return { ok: outcome.ok, notices: outcome.ok ? outcome.notices : [] };
            },
          })
        : { stepped: 0, notices: [] };
      await this.schedule.arm();
      return done;
    });
    if (stepped === 0) return;
    // Outside the queue: the orders told may be telling this one, and the relay is slow I/O.
    await tellOrders(this.env, this.id.tenantId, notices);
    await relay(this.env, this.id.tenantId).catch((err: unknown) =>
      console.error(
        JSON.stringify({ level: "warn", msg: "simulator relay failed", err: String(err) }),
      ),
    );
  }

  /** Runs one command with its stock moves journaled, as every caller's command runs. */
  private async journaled(command: OrderCommand): Promise<Outcome> {
    const intent = this.journal.draft(command, new Date().toISOString());
    try {
      return await this.apply(command, intent.now, intent);
    } catch (err) {
      if (this.journal.pending()) await this.journal.failed(intent, err);
      throw err;
    }
  }

  /**
   * One at a time, metered, in the tenant's shard, and never trusting memory after a failure.
   * The meter's cost goes back with the outcome, carrying the newest bookmark the command's
   * writes reached.
   */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.serial.run(async () => {
      const meter = new Meter();
      const env = meter.env(this.env);
      const shard = await shardOf(this.env, this.id.tenantId);
      this.run = { env, db: database(primary(d1Of(env, shard))) };
      try {
        const result = await work();
        return typeof result === "object" && result !== null && "ok" in result
          ? { ...result, cost: meter.cost }
          : result;
      } catch (err) {
        this.state = undefined;
        throw err;
      }
    });
  }

  /** Decides, moves stock, settles and persists one command; `intent` journals a stock-moving change. */
  private async apply(
    command: OrderCommand,
    now: string,
    intent?: Intent<OrderCommand>,
  ): Promise<Outcome> {
    const state = await this.load(command.type === "create");
    const decision = decide(this.id, state, command, now);
    if (isRefusal(decision)) return { ok: false, refusal: decision };
    if (!isChange(decision)) return outcomeOf(state as OrderState, command, false, []);
    const movesStock =
      decision.demands.length > 0 || decision.moves.length > 0 || decision.locks.length > 0;
    const shipping = command.type === "ship" && decision.shipment?.created ? command : undefined;
    if (shipping) {
      const refusal = await checkSerials(this.run.db, this.id.tenantId, shipping.items);
      if (refusal) return { ok: false, refusal };
    }
    if (intent && movesStock) await this.journal.open(intent);
    // Claimed under the journal: a claim whose shipment never commits is freed by reconcile.
    const record = decision.shipment?.record;
    if (shipping && record) {
      const refusal = await claimShipmentSerials(this.run.db, record, shipping.items);
      if (refusal) {
        if (intent && movesStock) await this.journal.close();
        return { ok: false, refusal };
      }
    }
    const { answers, notices } =
      command.type === "allocation_changed"
        ? { answers: [command], notices: [] }
        : await moveStock(this.run.env, this.id, decision);
    const created = command.type === "create" ? command.createdAt : undefined;
    this.state = await persist(this.run.db, state, settle(state, decision, answers), created);
    this.ctx.storage.kv.put("exists", true);
    if (intent && movesStock) await this.journal.close();
    await this.warehouse.wake();
    return outcomeOf(
      this.state,
      command,
      command.type === "create" || command.type === "ship",
      notices,
    );
  }

  /** Finishes a journaled change first: busy while it keeps failing, parked once it never will. */
  private async recover(due: boolean): Promise<Refusal | undefined> {
    const intent = this.journal.pending();
    if (!intent) return undefined;
    const isDue = due || intent.nextAt <= Date.now();
    try {
      this.state = undefined;
      await this.apply(intent.command, intent.now);
      await this.journal.close();
      return undefined;
    } catch (err) {
      this.state = undefined;
      if (!isDue) return this.busy(intent);
      if (!this.journal.lastChance(intent))
        return this.busy(await this.journal.failed(intent, err));
      const parked = await this.journal.park(intent, err);
      await registerStuck(this.run.db, this.id, parked);
      console.error(
        JSON.stringify({
          level: "error",
          msg: "order operation parked after repeated failures",
          operation_id: parked.id,
          order_id: this.id.orderId,
          tenant_id: this.id.tenantId,
          operation: parked.command.type,
          attempts: parked.attempts,
          error: parked.lastError,
        }),
      );
      return undefined;
    }
  }

  private busy(intent: Intent<OrderCommand>): Refusal {
    return {
      code: "order_busy",
      retry_after: Math.max(1, Math.ceil((intent.nextAt - Date.now()) / 1000)),
    };
  }

  private async reconcile(intent: Intent<OrderCommand>) {
    this.state = undefined;
    const state = await this.load(false);
    for (const answer of await reconcile(
      this.run.env,
      this.run.db,
      this.id,
      state,
      intent.command,
    )) {
      if (state) await this.apply({ type: "allocation_changed", ...answer }, intent.now);
    }
  }

  private async load(isNew: boolean): Promise<OrderState | null> {
    if (this.state !== undefined) return this.state;
    // A first create finds nothing to load: no D1 read until this object has written.
    if (isNew && !this.ctx.storage.kv.get("exists") && !this.journal.pending()) {
      this.state = null;
      return null;
    }
    this.state = await loadOrder(this.run.db, this.id.tenantId, this.id.orderId);
    return this.state;
  }
}
