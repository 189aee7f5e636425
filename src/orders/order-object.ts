import { DurableObject } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { type Db, database } from "../db/client";
import { stuckOperations } from "../db/schema";
import { parseOrderObjectName, stockObject } from "../durable/stubs";
import type { Env } from "../env";
import type { DemandAnswer, Notice } from "../inventory/stock-object";
import { newId } from "../lib/ids";
import { isRefusal, type Refusal } from "../lib/refusal";
import { Serial } from "../lib/serial";
import { moveRef } from "../shipments/shipment-rules";
import { renderShipment } from "../shipments/shipments.render";
import type { ShipmentView } from "../shipments/shipments.schemas";
import {
  type Change,
  decide,
  heldUnits,
  isChange,
  type OrderCommand,
  type OrderState,
  type StockAnswer,
  settle,
} from "./order-rules";
import { loadOrder, persist } from "./order-store";
import { renderOrder } from "./orders.render";
import type { OrderView } from "./orders.schemas";

export type Outcome =
  | { ok: true; order: OrderView; created: boolean; shipment?: ShipmentView; notices: Notice[] }
  | { ok: false; refusal: Refusal };

/** A change that moves stock, saved before its first step so a crash is finished later. */
interface Intent {
  id: string;
  command: OrderCommand;
  now: string;
  attempts: number;
  nextAt: number;
  lastError?: string;
}

const RECOVERY_DELAY_MS = 10_000;
const BACKOFF_MS = [1_000, 5_000, 30_000, 120_000];
const MAX_ATTEMPTS = BACKOFF_MS.length + 1;

/**
 * Guards one order (its identity is its name: tenant and order id). Every command runs
 * here one at a time; a change that moves stock is journaled first and finished by the
 * next command or the alarm, with backoff, and parked for an operator after
 * MAX_ATTEMPTS so one poison change never wedges the order. It calls stock objects while
 * holding its queue, which is safe because they never call back while anyone waits.
 */
export class OrderObject extends DurableObject<Env> {
  private readonly id: { tenantId: string; orderId: string };
  private readonly db: Db;
  private state: OrderState | null | undefined;
  private readonly serial = new Serial();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.id = parseOrderObjectName(ctx.id.name ?? "");
    this.db = database(env.DB);
  }

  execute(command: OrderCommand): Promise<Outcome> {
    return this.serial.run(async () => {
      const busy = await this.recover(false);
      return busy
        ? { ok: false, refusal: busy }
        : this.journaled(command, new Date().toISOString());
    });
  }

  /** A stock row filled or released one of this order's lines. Idempotent, order-insensitive. */
  async allocationChanged(notice: Notice): Promise<void> {
    const { sku, status, seq } = notice;
    const outcome = await this.execute({ type: "allocation_changed", sku, status, seq });
    // Busy means not applied: the stock object keeps the notice and tells us again.
    if (!outcome.ok && outcome.refusal.code === "order_busy") throw new Error("order busy");
  }

  retryParked(id: string): Promise<Outcome> {
    return this.serial.run(async () => {
      const intent = this.ctx.storage.kv.get<Intent>(`parked:${id}`);
      if (!intent) return { ok: false, refusal: { code: "not_found", operation_id: id } };
      const busy = await this.recover(false);
      if (busy) return { ok: false, refusal: busy };
      try {
        const outcome = await this.apply(intent.command, intent.now);
        if (!outcome.ok) await this.reconcile(intent);
        await this.resolve(
          id,
          "retried",
          outcome.ok ? "applied" : `refused: ${outcome.refusal.code}`,
        );
        return outcome;
      } catch (err) {
        this.state = undefined;
        return { ok: false, refusal: { code: "retry_failed", error: String(err) } };
      }
    });
  }

  discardParked(id: string): Promise<boolean> {
    return this.serial.run(async () => {
      const intent = this.ctx.storage.kv.get<Intent>(`parked:${id}`);
      if (!intent) return false;
      await this.reconcile(intent);
      await this.resolve(id, "discarded", "stock reconciled with the committed order");
      return true;
    });
  }

  override async alarm() {
    await this.serial.run(() => this.recover(true));
  }

  private async journaled(command: OrderCommand, now: string): Promise<Outcome> {
    const intent: Intent = {
      id: newId("op"),
      command,
      now,
      attempts: 0,
      nextAt: Date.now() + RECOVERY_DELAY_MS,
    };
    try {
      return await this.apply(command, now, intent);
    } catch (err) {
      this.state = undefined;
      if (this.ctx.storage.kv.get("intent")) this.failed(intent, err, 1);
      throw err;
    }
  }

  /** Decides, moves stock, settles and persists one command; `intent` journals a stock-moving change. */
  private async apply(command: OrderCommand, now: string, intent?: Intent): Promise<Outcome> {
    const state = await this.load(command.type === "create");
    const decision = decide(this.id, state, command, now);
    if (isRefusal(decision)) return { ok: false, refusal: decision };
    if (!isChange(decision)) return this.view(state as OrderState, command, false, []);
    const movesStock = decision.demands.length > 0 || decision.moves.length > 0;
    if (intent && movesStock) {
      this.ctx.storage.kv.put("intent", intent);
      await this.ctx.storage.setAlarm(intent.nextAt);
    }
    const { answers, notices } =
      command.type === "allocation_changed"
        ? { answers: [command], notices: [] }
        : await this.moveStock(decision, state);
    const settled = settle(state, decision, answers);
    this.state = await persist(
      this.db,
      state,
      settled,
      command.type === "create" ? command.createdAt : undefined,
    );
    this.ctx.storage.kv.put("exists", true);
    if (intent && movesStock) {
      this.ctx.storage.kv.delete("intent");
      await this.ctx.storage.deleteAlarm();
    }
    return this.view(
      this.state,
      command,
      command.type === "create" || command.type === "ship",
      notices,
    );
  }

  private async moveStock(change: Change, state: OrderState | null) {
    const priority = change.order.priority;
    const key = (sku: string) => ({
      tenantId: this.id.tenantId,
      warehouseId: change.order.warehouseId,
      sku,
    });
    const answers: StockAnswer[] = [];
    const notices: Notice[] = [];
    const take = (sku: string, answer: DemandAnswer) => {
      answers.push({ sku, status: answer.status, seq: answer.seq });
      notices.push(...answer.notices);
    };
    await Promise.all([
      ...change.demands.map(async (d) =>
        take(
          d.sku,
          await stockObject(this.env, key(d.sku)).setDemand(this.id.orderId, d.quantity, priority),
        ),
      ),
      ...change.moves.map(async (m) => {
        const moved = await stockObject(this.env, key(m.sku)).move(
          this.id.orderId,
          m.ref,
          m.quantity,
          priority,
        );
        // Checked against this order's own allocation before any stock moved, so only a
        // race can land here: fail, and let the journaled retry settle it.
        if ("refused" in moved)
          throw new Error(`stock refused ${m.ref} for ${m.sku}: ${moved.refused}`);
        take(m.sku, moved);
      }),
    ]);
    if (!state && answers.length === 0) throw new Error("a new order with no lines");
    return { answers, notices };
  }

  /** Finishes a journaled change first: busy while it keeps failing, parked once it never will. */
  private async recover(due: boolean): Promise<Refusal | undefined> {
    const intent = this.ctx.storage.kv.get<Intent>("intent");
    if (!intent) return undefined;
    const isDue = due || intent.nextAt <= Date.now();
    try {
      this.state = undefined;
      await this.apply(intent.command, intent.now);
      this.ctx.storage.kv.delete("intent");
      await this.ctx.storage.deleteAlarm();
      return undefined;
    } catch (err) {
      this.state = undefined;
      if (!isDue) return this.busy(intent);
      if (intent.attempts + 1 >= MAX_ATTEMPTS) {
        await this.park(intent, err);
        return undefined;
      }
      return this.busy(this.failed(intent, err, intent.attempts + 1));
    }
  }

  private failed(intent: Intent, err: unknown, attempts: number): Intent {
    const next = {
      ...intent,
      attempts,
      nextAt: Date.now() + (BACKOFF_MS[attempts - 1] ?? RECOVERY_DELAY_MS),
      lastError: String(err),
    };
    this.ctx.storage.kv.put("intent", next);
    void this.ctx.storage.setAlarm(next.nextAt);
    return next;
  }

  private busy(intent: Intent): Refusal {
    return {
      code: "order_busy",
      retry_after: Math.max(1, Math.ceil((intent.nextAt - Date.now()) / 1000)),
    };
  }

  private async park(intent: Intent, err: unknown) {
    const lastError = String(err);
    await this.db
      .insert(stuckOperations)
      .values({
        id: intent.id,
        tenantId: this.id.tenantId,
        orderId: this.id.orderId,
        operation: intent.command.type,
        command: intent.command,
        attempts: intent.attempts + 1,
        lastError,
        status: "parked",
      })
      .onConflictDoNothing();
    this.ctx.storage.kv.put(`parked:${intent.id}`, { ...intent, lastError });
    this.ctx.storage.kv.delete("intent");
    console.error(
      JSON.stringify({
        level: "error",
        msg: "order operation parked after repeated failures",
        operation_id: intent.id,
        order_id: this.id.orderId,
        tenant_id: this.id.tenantId,
        operation: intent.command.type,
        attempts: intent.attempts + 1,
        error: lastError,
      }),
    );
  }

  private async resolve(id: string, status: "retried" | "discarded", resolution: string) {
    this.ctx.storage.kv.delete(`parked:${id}`);
    await this.db
      .update(stuckOperations)
      .set({ status, resolution, resolvedAt: new Date().toISOString() })
      .where(eq(stuckOperations.id, id));
  }

  /**
   * Makes stock agree with the order as committed, whatever part of `intent` ran: a
   * movement for a shipment or void that never committed is undone, then every line the
   * intent touched declares what the committed order holds.
   */
  private async reconcile(intent: Intent) {
    this.state = undefined;
    const state = await this.load(false);
    const { command } = intent;
    const warehouseId =
      state?.order.warehouseId ??
      (command.type === "create" ? command.order.warehouseId : undefined);
    if (!warehouseId) return;
    const priority = state?.order.priority ?? (command.type === "create" ? command.priority : 0);
    const stock = (sku: string) =>
      stockObject(this.env, { tenantId: this.id.tenantId, warehouseId, sku });
    const shipment =
      "shipmentId" in command
        ? state?.shipments.find((s) => s.row.id === command.shipmentId)
        : undefined;
    if (command.type === "ship" && !shipment) {
      for (const i of command.items) {
        await stock(i.sku).undo(
          this.id.orderId,
          moveRef("ship", command.shipmentId),
          i.quantity,
          priority,
        );
      }
    }
    if (command.type === "void" && shipment && !shipment.row.voided) {
      for (const i of shipment.items) {
        await stock(i.sku).undo(
          this.id.orderId,
          moveRef("void", command.shipmentId),
          -i.quantity,
          priority,
        );
      }
    }
    const held = new Map((state ? heldUnits(state) : []).map((h) => [h.sku, h.quantity]));
    const touched = new Set([
      ...held.keys(),
      ...("lines" in command ? (command.lines ?? []).map((l) => l.sku) : []),
    ]);
    for (const sku of touched) {
      const answer = await stock(sku).setDemand(this.id.orderId, held.get(sku) ?? 0, priority);
      if (state)
        await this.apply(
          { type: "allocation_changed", sku, status: answer.status, seq: answer.seq },
          intent.now,
        );
    }
  }

  private async load(isNew: boolean): Promise<OrderState | null> {
    if (this.state !== undefined) return this.state;
    // A first create finds nothing to load: no D1 read until this object has written.
    if (isNew && !this.ctx.storage.kv.get("exists") && !this.ctx.storage.kv.get("intent")) {
      this.state = null;
      return null;
    }
    this.state = await loadOrder(this.db, this.id.tenantId, this.id.orderId);
    return this.state;
  }

  private view(
    state: OrderState,
    command: OrderCommand,
    created: boolean,
    notices: Notice[],
  ): Outcome {
    const order = renderOrder(state.order, state.lines, state.shipments);
    const shipmentId = "shipmentId" in command ? command.shipmentId : undefined;
    const record = shipmentId ? state.shipments.find((s) => s.row.id === shipmentId) : undefined;
    return { ok: true, order, created, shipment: record && renderShipment(record), notices };
  }
}
