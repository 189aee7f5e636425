import { DurableObject } from "cloudflare:workers";
import { and, eq, sql } from "drizzle-orm";
import { type Db, database } from "../db/client";
import { feedStamp } from "../db/feed";
import {
  inventory,
  inventoryAdjustments,
  inventorySkus,
  stockDemands,
  stockMovements,
} from "../db/schema";
import type { Env } from "../env";
import { recordEvent } from "../events/events.service";
import { newId } from "../lib/ids";
import { Serial } from "../lib/serial";
import { skuInventoryJson } from "./inventory.render";

export interface StockKey {
  tenantId: string;
  warehouseId: string;
  sku: string;
}

export type DemandStatus = "allocated" | "backordered" | "released";

interface Demand {
  quantity: number;
  status: Exclude<DemandStatus, "released">;
  priority: number;
}

interface Stock {
  onHand: number;
  allocated: number;
  backordered: number;
  version: number;
  demands: Map<string, Demand>;
}

export const ADJUSTMENT_REASONS = ["damaged", "cycle_count", "lost", "found", "expired"] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export interface Adjustment {
  id: string;
  sku: string;
  warehouse_id: string;
  quantity_delta: number;
  reason: AdjustmentReason;
  note: string | null;
  adjusted_at: string;
}

export type AdjustResult =
  | { ok: true; adjustment: Adjustment }
  | { ok: false; code: "insufficient_stock"; onHand: number; allocated: number };

const NOTIFY_RETRY_MS = 5_000;

export const stockName = (key: StockKey) => `${key.tenantId}:${key.warehouseId}:${key.sku}`;

/**
 * Guards one tenant × warehouse × SKU stock row and its backorder queue. It is the only
 * writer of that row and of the demands against it, so allocation is decided in one
 * place: never more allocated than on hand, each order's line allocated whole or not at
 * all, waiting lines filled oldest first. Every change is one D1 batch carrying its
 * events; operations run one at a time because the input gate does not hold across D1.
 */
export class StockObject extends DurableObject<Env> {
  private readonly db: Db;
  private stock: Stock | undefined;
  private readonly serial = new Serial();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = database(env.DB);
  }

  /** Declares how many units `orderId` wants from this row (0 releases). Idempotent. */
  async setDemand(key: StockKey, orderId: string, quantity: number, priority: number) {
    const { result, filled } = await this.exclusive(key, async (stock) => {
      const current = stock.demands.get(orderId);
      if (current?.quantity === quantity) return { result: current.status, filled: [] };
      if (!current && quantity === 0) return { result: "released" as const, filled: [] };
      const next = copy(stock);
      if (current) {
        unallocate(next, current);
        next.demands.delete(orderId);
      }
      const changed = new Map<string, Demand | null>([[orderId, null]]);
      let result: DemandStatus = "released";
      if (quantity > 0) {
        const demand: Demand = {
          quantity,
          priority: current?.priority ?? priority,
          status: next.onHand - next.allocated >= quantity ? "allocated" : "backordered",
        };
        place(next, demand);
        next.demands.set(orderId, demand);
        changed.set(orderId, demand);
        result = demand.status;
      }
      const filled = fill(next);
      for (const id of filled) changed.set(id, next.demands.get(id) ?? null);
      await this.commit(key, next, changed, new Set(filled));
      return { result, filled };
    });
    await this.notify(key, filled);
    return result;
  }

  /** Moves on_hand by a signed delta with a reason; stock that arrives fills waiting lines. */
  async adjust(
    key: StockKey,
    input: { delta: number; reason: AdjustmentReason; note: string | null; actor: string },
  ): Promise<AdjustResult> {
    const { outcome, filled } = await this.exclusive(key, async (stock) => {
      // Units promised to open orders cannot be written off here: that would oversell
      // them silently. Amend or cancel those orders first.
      if (stock.onHand + input.delta < stock.allocated) {
        const refusal = {
          ok: false,
          code: "insufficient_stock",
          onHand: stock.onHand,
          allocated: stock.allocated,
        } as const;
        return { outcome: refusal, filled: [] };
      }
      const next = copy(stock);
      next.onHand += input.delta;
      const filled = fill(next);
      const changed = new Map(filled.map((id) => [id, next.demands.get(id) ?? null]));
      const id = newId("adj");
      const stamp = feedStamp("inventory_adjustments");
      // adjusted_at is the feed's own timestamp, assigned by the database in the write,
      // so polling with updated_since against it can never miss an adjustment.
      const adjustedAt = sql`(SELECT adjusted_at FROM inventory_adjustments WHERE id = ${id})`;
      const data = {
        id,
        sku: key.sku,
        warehouse_id: key.warehouseId,
        quantity_delta: input.delta,
        reason: input.reason,
        note: input.note,
      };
      await this.commit(key, next, changed, new Set(filled), [
        this.db.insert(inventoryAdjustments).values({
          id,
          tenantId: key.tenantId,
          warehouseId: key.warehouseId,
          sku: key.sku,
          quantityDelta: input.delta,
          reason: input.reason,
          note: input.note,
          actor: input.actor,
          adjustedAt: stamp.updatedAt,
          updatedAt: stamp.updatedAt,
          changeSeq: stamp.changeSeq,
        }),
        recordEvent(
          this.db,
          key.tenantId,
          "inventory.adjusted",
          id,
          sql`json_set(${JSON.stringify(data)}, '$.adjusted_at', ${adjustedAt})`,
        ),
      ]);
      const [row] = await this.db
        .select({ adjustedAt: inventoryAdjustments.adjustedAt })
        .from(inventoryAdjustments)
        .where(eq(inventoryAdjustments.id, id));
      const adjustment: Adjustment = { ...data, adjusted_at: row?.adjustedAt ?? "" };
      return { outcome: { ok: true, adjustment } as const, filled };
    });
    await this.notify(key, filled);
    return outcome;
  }

  /**
   * Moves allocated units out of the building (negative: shipped) or back into it
   * (positive: a voided shipment), applied once per `ref` however often it is retried.
   */
  async move(key: StockKey, orderId: string, ref: string, delta: number): Promise<void> {
    await this.exclusive(key, async (stock) => {
      const done = await this.db
        .select({ ref: stockMovements.ref })
        .from(stockMovements)
        .where(
          and(
            eq(stockMovements.tenantId, key.tenantId),
            eq(stockMovements.warehouseId, key.warehouseId),
            eq(stockMovements.sku, key.sku),
            eq(stockMovements.ref, ref),
          ),
        );
      if (done.length > 0) return;
      const demand = stock.demands.get(orderId);
      if (demand?.status !== "allocated" || demand.quantity + delta < 0) {
        throw new Error(
          `stock move ${ref}: order ${orderId} has no allocation of ${-delta} ${key.sku}`,
        );
      }
      const next = copy(stock);
      const moved = { ...demand, quantity: demand.quantity + delta };
      next.demands.set(orderId, moved);
      next.onHand += delta;
      next.allocated += delta;
      await this.commit(key, next, new Map([[orderId, moved]]), new Set(), [
        this.db.insert(stockMovements).values({ ...key, ref, orderId, quantityDelta: delta }),
      ]);
    });
  }

  /** Re-tells orders about lines filled while nobody could be told (a crash or a failed call). */
  override async alarm() {
    const key = this.ctx.storage.kv.get<StockKey>("key");
    if (!key) return;
    const pending = await this.db
      .select({ orderId: stockDemands.orderId })
      .from(stockDemands)
      .where(and(...this.rowWhere(key), eq(stockDemands.notifyPending, true)));
    await this.notify(
      key,
      pending.map((p) => p.orderId),
    );
  }

  private exclusive<T>(key: StockKey, fn: (stock: Stock) => Promise<T>): Promise<T> {
    return this.serial.run(async () => {
      try {
        return await fn(await this.load(key));
      } catch (err) {
        // A failed or ambiguous write leaves memory unsure of D1: reload next time.
        this.stock = undefined;
        throw err;
      }
    });
  }

  private rowWhere(key: StockKey) {
    return [
      eq(stockDemands.tenantId, key.tenantId),
      eq(stockDemands.warehouseId, key.warehouseId),
      eq(stockDemands.sku, key.sku),
    ];
  }

  private async load(key: StockKey): Promise<Stock> {
    if (this.stock) return this.stock;
    this.ctx.storage.kv.put("key", key);
    const [rows, demands] = await this.db.batch([
      this.db
        .select()
        .from(inventory)
        .where(
          and(
            eq(inventory.tenantId, key.tenantId),
            eq(inventory.warehouseId, key.warehouseId),
            eq(inventory.sku, key.sku),
          ),
        ),
      this.db
        .select()
        .from(stockDemands)
        .where(and(...this.rowWhere(key), sql`${stockDemands.status} != 'released'`)),
    ]);
    const row = rows[0];
    this.stock = {
      onHand: row?.onHand ?? 0,
      allocated: row?.allocated ?? 0,
      backordered: row?.backordered ?? 0,
      version: row?.version ?? 0,
      demands: new Map(
        demands.map((d) => [
          d.orderId,
          { quantity: d.quantity, status: d.status as Demand["status"], priority: d.priority },
        ]),
      ),
    };
    return this.stock;
  }

  private async commit(
    key: StockKey,
    next: Stock,
    changed: Map<string, Demand | null>,
    notifyOrders: Set<string>,
    extra: Parameters<Db["batch"]>[0][number][] = [],
  ) {
    next.version += 1;
    if (notifyOrders.size > 0) await this.ctx.storage.setAlarm(Date.now() + NOTIFY_RETRY_MS);
    const stamp = feedStamp("inventory_skus");
    const demandWrites = [...changed].map(([orderId, demand]) =>
      this.db
        .insert(stockDemands)
        .values({
          ...key,
          orderId,
          quantity: demand?.quantity ?? 0,
          status: demand?.status ?? "released",
          priority: demand?.priority ?? 0,
          notifyPending: notifyOrders.has(orderId),
        })
        .onConflictDoUpdate({
          target: [
            stockDemands.tenantId,
            stockDemands.warehouseId,
            stockDemands.sku,
            stockDemands.orderId,
          ],
          set: {
            quantity: demand?.quantity ?? 0,
            status: demand?.status ?? "released",
            notifyPending: notifyOrders.has(orderId),
            updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
          },
        }),
    );
    const counts = {
      onHand: next.onHand,
      allocated: next.allocated,
      backordered: next.backordered,
      version: next.version,
      updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
    };
    // The movement or adjustment goes first: the SKU feed stamp that follows can then
    // never be earlier than the change it reports.
    await this.db.batch([
      this.db
        .insert(inventory)
        .values({ ...key, ...counts })
        .onConflictDoUpdate({
          target: [inventory.tenantId, inventory.warehouseId, inventory.sku],
          set: counts,
        }),
      ...extra,
      this.db
        .insert(inventorySkus)
        .values({ tenantId: key.tenantId, sku: key.sku, ...stamp })
        .onConflictDoUpdate({ target: [inventorySkus.tenantId, inventorySkus.sku], set: stamp }),
      ...demandWrites,
      recordEvent(
        this.db,
        key.tenantId,
        "inventory.updated",
        key.sku,
        skuInventoryJson(key.tenantId, key.sku),
      ),
    ]);
    this.stock = next;
  }

  /** Tells each order that stock arrived for it; outside the queue so orders can call back. */
  private async notify(key: StockKey, orderIds: string[]) {
    if (orderIds.length === 0) return;
    const done: string[] = [];
    await Promise.all(
      orderIds.map(async (orderId) => {
        try {
          await this.env.ORDERS.getByName(orderId).allocationChanged(orderId);
          done.push(orderId);
        } catch (err) {
          console.error(
            JSON.stringify({
              level: "warn",
              msg: "order notify failed",
              orderId,
              err: String(err),
            }),
          );
        }
      }),
    );
    if (done.length > 0) {
      await this.db
        .update(stockDemands)
        .set({ notifyPending: false })
        .where(
          and(
            ...this.rowWhere(key),
            sql`${stockDemands.orderId} IN (SELECT value FROM json_each(${JSON.stringify(done)}))`,
          ),
        );
    }
    if (done.length < orderIds.length)
      await this.ctx.storage.setAlarm(Date.now() + NOTIFY_RETRY_MS);
  }
}

function copy(stock: Stock): Stock {
  return { ...stock, demands: new Map([...stock.demands].map(([id, d]) => [id, { ...d }])) };
}

function unallocate(stock: Stock, demand: Demand) {
  if (demand.status === "allocated") stock.allocated -= demand.quantity;
  else stock.backordered -= demand.quantity;
}

function place(stock: Stock, demand: Demand) {
  if (demand.status === "allocated") stock.allocated += demand.quantity;
  else stock.backordered += demand.quantity;
}

/**
 * Gives available stock to waiting lines, oldest first, skipping any that does not fit
 * whole. Afterwards no waiting line fits, which is why a new line may take what is left.
 */
export function fill(stock: Stock): string[] {
  const waiting = [...stock.demands]
    .filter(([, d]) => d.status === "backordered")
    .sort(([a, da], [b, db]) => da.priority - db.priority || a.localeCompare(b));
  const filled: string[] = [];
  for (const [orderId, demand] of waiting) {
    if (stock.onHand - stock.allocated >= demand.quantity) {
      stock.backordered -= demand.quantity;
      stock.allocated += demand.quantity;
      demand.status = "allocated";
      filled.push(orderId);
    }
  }
  return filled;
}
