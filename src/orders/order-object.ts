import { DurableObject } from "cloudflare:workers";
import { desc, eq, type SQL, sql } from "drizzle-orm";
import { type Db, database } from "../db/client";
import { feedStamp } from "../db/feed";
import { orderHistory, orderLines, orders, stockDemands } from "../db/schema";
import type { Env } from "../env";
import { type EventType, recordEvent } from "../events/events.service";
import { type DemandStatus, stockName } from "../inventory/stock-object";
import { chainHash, GENESIS_HASH } from "./orders.history";
import { type LineRow, type OrderRow, renderOrder } from "./orders.render";
import type { OrderStatus, OrderView } from "./orders.schemas";

type OrderFields = Omit<OrderRow, "version" | "createdAt" | "updatedAt" | "changeSeq">;
export type LineInput = Omit<LineRow, "orderId" | "lineNo">;

/** API field → column, for the fields an amend may change. */
const AMENDABLE = {
  order_number: "orderNumber",
  order_date: "orderDate",
  shipping_method_id: "shippingMethodId",
  shipping_method: "shippingMethod",
  signature_required: "signatureRequired",
  insurance: "insurance",
  gift_message: "giftMessage",
  packing_note: "packingNote",
  ship_to: "shipTo",
} as const satisfies Record<string, keyof OrderFields>;
export type AmendPatch = { [K in keyof typeof AMENDABLE]?: OrderFields[(typeof AMENDABLE)[K]] };

export interface CreateCommand {
  orderId: string;
  tenantId: string;
  actor: string;
  priority: number;
  createdAt: string;
  order: Omit<
    OrderFields,
    "id" | "tenantId" | "status" | "priority" | "holdReason" | "cancelReason" | "cancelledAt"
  >;
  lines: LineInput[];
}

/** `tenantId: null` is a platform key acting on the 3PL's floor for any tenant. */
interface Caller {
  orderId: string;
  tenantId: string | null;
  actor: string;
}

export interface AmendCommand extends Caller {
  ifMatch?: number;
  warehouseId?: string;
  patch: AmendPatch;
  lines?: LineInput[];
}

export type Outcome =
  | { ok: true; order: OrderView; created: boolean }
  | {
      ok: false;
      status: 404 | 409 | 422;
      code: string;
      message: string;
      details: Record<string, unknown>;
    };

type Intent =
  | { kind: "create"; cmd: CreateCommand }
  | { kind: "amend"; cmd: AmendCommand }
  | { kind: "cancel"; cmd: Caller & { reason: string | null } };

interface Loaded {
  row: OrderRow;
  lines: LineRow[];
  head: { seq: number; hash: string };
}

const EDITABLE: OrderStatus[] = ["received", "backordered", "on_hold"];
const SHIPPED: OrderStatus[] = ["partially_shipped", "shipped"];
const RECOVERY_DELAY_MS = 10_000;
const RETRY_DELAY_MS = 30_000;
const LINES_PER_INSERT = 14; // 7 columns each: stays under D1's 100 bound parameters

const fail = (
  status: 404 | 409 | 422,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Outcome => ({ ok: false, status, code, message, details });

const notFound = (orderId: string) => fail(404, "not_found", `No order with id '${orderId}'.`);

/**
 * Guards one order: every transition (create, amend, cancel, hold, release, start
 * picking) runs here one at a time, writes the order's rows, its history entry and its
 * events in one D1 batch, and bumps `version`. Changes that move stock in several stock
 * objects first record their intent in this object's storage with an alarm set, so a
 * crash between steps is finished by the alarm: allocation steps are idempotent per
 * order, so re-running them never double-allocates and never loses a line.
 */
export class OrderObject extends DurableObject<Env> {
  private readonly db: Db;
  private loaded: Loaded | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = database(env.DB);
  }

  create(cmd: CreateCommand): Promise<Outcome> {
    return this.durably({ kind: "create", cmd });
  }

  amend(cmd: AmendCommand): Promise<Outcome> {
    return this.durably({ kind: "amend", cmd });
  }

  cancel(cmd: Caller & { reason: string | null }): Promise<Outcome> {
    return this.durably({ kind: "cancel", cmd });
  }

  hold(cmd: Caller & { reason: string }): Promise<Outcome> {
    return this.exclusive(async () => {
      const cur = await this.owned(cmd);
      if (!cur) return notFound(cmd.orderId);
      const status = cur.row.status as OrderStatus;
      if (status === "on_hold" && cur.row.holdReason === cmd.reason) return this.view(cur);
      if (!EDITABLE.includes(status)) {
        return fail(409, "not_holdable", `An order that is ${status} cannot be put on hold.`, {
          order_status: status,
        });
      }
      return this.transition(
        cur,
        { status: "on_hold", holdReason: cmd.reason },
        "held",
        cmd.actor,
        {
          status: { from: status, to: "on_hold" },
          reason: cmd.reason,
        },
      );
    });
  }

  release(cmd: Caller): Promise<Outcome> {
    return this.exclusive(async () => {
      const cur = await this.owned(cmd);
      if (!cur) return notFound(cmd.orderId);
      if (cur.row.status !== "on_hold") {
        return fail(409, "not_on_hold", `The order is ${cur.row.status}, not on hold.`, {
          order_status: cur.row.status,
        });
      }
      const allocation = await this.allocation(cur.row.id);
      const status = allAllocated(cur.lines, allocation) ? "received" : "backordered";
      return this.transition(cur, { status, holdReason: null }, "released", cmd.actor, {
        status: { from: "on_hold", to: status },
      });
    });
  }

  startPicking(cmd: Caller): Promise<Outcome> {
    return this.exclusive(async () => {
      const cur = await this.owned(cmd);
      if (!cur) return notFound(cmd.orderId);
      const status = cur.row.status as OrderStatus;
      if (status === "processing") return this.view(cur);
      if (status !== "received") {
        const why: Partial<Record<OrderStatus, [string, string]>> = {
          backordered: [
            "not_allocated",
            "Lines are still waiting for stock; picking needs every line allocated.",
          ],
          on_hold: ["order_on_hold", "The order is on hold; release it first."],
          cancelled: ["order_cancelled", "The order is cancelled."],
        };
        const [code, message] = why[status] ?? ["already_shipped", "The order has shipped."];
        return fail(409, code, message, { order_status: status });
      }
      return this.transition(cur, { status: "processing" }, "picking_started", cmd.actor, {
        status: { from: status, to: "processing" },
      });
    });
  }

  /** Called by a stock object that filled one of this order's waiting lines. */
  allocationChanged(orderId: string): Promise<void> {
    return this.exclusive(async () => {
      const cur = await this.load(orderId);
      if (!cur || (cur.row.status !== "backordered" && cur.row.status !== "received")) return;
      const allocation = await this.allocation(orderId);
      const status = allAllocated(cur.lines, allocation) ? "received" : "backordered";
      if (status === cur.row.status) return;
      await this.transition(cur, { status }, "allocation_changed", "system", {
        status: { from: cur.row.status, to: status },
      });
    });
  }

  /** Finishes whatever multi-object change was interrupted, retrying until it lands. */
  override async alarm() {
    try {
      await this.exclusive(async () => undefined);
    } catch (err) {
      console.error(
        JSON.stringify({ level: "error", msg: "order recovery failed", err: String(err) }),
      );
      await this.ctx.storage.setAlarm(Date.now() + RETRY_DELAY_MS);
    }
  }

  /**
   * Runs one transition at a time. An interrupted change is finished first, so nothing
   * ever builds on a half-applied one.
   */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      try {
        const pending = this.ctx.storage.kv.get<Intent>("intent");
        if (pending) {
          await this.execute(pending);
          this.ctx.storage.kv.delete("intent");
        }
        return await fn();
      } catch (err) {
        this.loaded = undefined;
        throw err;
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private durably(intent: Intent): Promise<Outcome> {
    return this.exclusive(async () => {
      this.ctx.storage.kv.put("intent", intent);
      await this.ctx.storage.setAlarm(Date.now() + RECOVERY_DELAY_MS);
      const outcome = await this.execute(intent);
      this.ctx.storage.kv.delete("intent");
      await this.ctx.storage.deleteAlarm();
      return outcome;
    });
  }

  private execute(intent: Intent): Promise<Outcome> {
    switch (intent.kind) {
      case "create":
        return this.doCreate(intent.cmd);
      case "amend":
        return this.doAmend(intent.cmd);
      case "cancel":
        return this.doCancel(intent.cmd);
    }
  }

  private async doCreate(cmd: CreateCommand): Promise<Outcome> {
    const existing = await this.load(cmd.orderId);
    if (existing) return this.view(existing);
    const fields: OrderFields = {
      ...cmd.order,
      id: cmd.orderId,
      tenantId: cmd.tenantId,
      status: "received",
      priority: cmd.priority,
      holdReason: null,
      cancelReason: null,
      cancelledAt: null,
    };
    const lines = cmd.lines.map((l, i) => ({ ...l, orderId: cmd.orderId, lineNo: i + 1 }));
    const allocation = await this.setDemands(
      fields,
      new Map(lines.map((l) => [l.sku, l.quantity])),
    );
    fields.status = allAllocated(lines, allocation) ? "received" : "backordered";
    const loaded = await this.persist(
      null,
      fields,
      lines,
      allocation,
      "created",
      cmd.actor,
      { status: fields.status },
      cmd.createdAt,
    );
    return { ok: true, order: renderOrder(loaded.row, loaded.lines, allocation), created: true };
  }

  private async doAmend(cmd: AmendCommand): Promise<Outcome> {
    const cur = await this.owned(cmd);
    if (!cur) return notFound(cmd.orderId);
    const status = cur.row.status as OrderStatus;
    if (!EDITABLE.includes(status)) {
      return status === "cancelled"
        ? fail(409, "order_cancelled", "The order is cancelled; create a new one.", {
            order_status: status,
          })
        : fail(
            409,
            "too_late_to_amend",
            "Order is being picked or has shipped; cancel to change it.",
            {
              order_status: status,
            },
          );
    }
    if (cmd.ifMatch !== undefined && cmd.ifMatch !== cur.row.version) {
      return fail(
        409,
        "version_conflict",
        `If-Match names version ${cmd.ifMatch} but the order is at version ${cur.row.version}; re-read it and retry.`,
        { current_version: String(cur.row.version) },
      );
    }
    if (cmd.warehouseId !== undefined && cmd.warehouseId !== cur.row.warehouseId) {
      return fail(
        422,
        "warehouse_change_not_allowed",
        "An order cannot move between warehouses: cancel it and create a new one there.",
        { field: "warehouse_id" },
      );
    }

    const next: OrderFields = { ...cur.row };
    const changes: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(AMENDABLE) as [
      keyof AmendPatch,
      keyof OrderFields,
    ][]) {
      const value = cmd.patch[field];
      if (value === undefined || JSON.stringify(value) === JSON.stringify(cur.row[column]))
        continue;
      changes[field] = { from: cur.row[column], to: value };
      (next as Record<string, unknown>)[column] = value;
    }
    let lines = cur.lines;
    // Every line's demand is re-declared (a no-op where unchanged), so allocation always
    // ends up matching exactly the lines this amend writes.
    const desired = new Map<string, number>();
    if (cmd.lines) {
      const proposed = cmd.lines.map((l, i) => ({ ...l, orderId: cur.row.id, lineNo: i + 1 }));
      if (lineKey(proposed) !== lineKey(cur.lines)) {
        changes.items = { from: cur.lines.map(lineSummary), to: proposed.map(lineSummary) };
        lines = proposed;
        for (const l of cur.lines) desired.set(l.sku, 0);
        for (const l of proposed) desired.set(l.sku, l.quantity);
      }
    }
    if (Object.keys(changes).length === 0) return this.view(cur);

    await this.setDemands(next, desired);
    const allocation = await this.allocation(cur.row.id);
    if (status !== "on_hold")
      next.status = allAllocated(lines, allocation) ? "received" : "backordered";
    if (next.status !== status) changes.status = { from: status, to: next.status };
    const loaded = await this.persist(cur, next, lines, allocation, "amended", cmd.actor, changes);
    return { ok: true, order: renderOrder(loaded.row, loaded.lines, allocation), created: false };
  }

  private async doCancel(cmd: Caller & { reason: string | null }): Promise<Outcome> {
    const cur = await this.owned(cmd);
    if (!cur) return notFound(cmd.orderId);
    const status = cur.row.status as OrderStatus;
    if (status === "cancelled") return this.view(cur);
    if (SHIPPED.includes(status)) {
      return fail(409, "already_shipped", "Order has shipped.", { order_status: status });
    }
    if (status === "processing") {
      return fail(409, "not_cancelable", "Order is being picked and can no longer be cancelled.", {
        order_status: status,
      });
    }
    const allocation = await this.setDemands(cur.row, new Map(cur.lines.map((l) => [l.sku, 0])));
    const next: OrderFields = {
      ...cur.row,
      status: "cancelled",
      cancelReason: cmd.reason,
      cancelledAt: new Date().toISOString(),
    };
    const loaded = await this.persist(cur, next, cur.lines, allocation, "cancelled", cmd.actor, {
      status: { from: status, to: "cancelled" },
      reason: cmd.reason,
    });
    return { ok: true, order: renderOrder(loaded.row, loaded.lines, allocation), created: false };
  }

  private async transition(
    cur: Loaded,
    change: Partial<OrderFields>,
    action: string,
    actor: string,
    changes: Record<string, unknown>,
  ): Promise<Outcome> {
    const allocation = await this.allocation(cur.row.id);
    const loaded = await this.persist(
      cur,
      { ...cur.row, ...change },
      cur.lines,
      allocation,
      action,
      actor,
      changes,
    );
    return { ok: true, order: renderOrder(loaded.row, loaded.lines, allocation), created: false };
  }

  private async view(cur: Loaded): Promise<Outcome> {
    return {
      ok: true,
      order: renderOrder(cur.row, cur.lines, await this.allocation(cur.row.id)),
      created: false,
    };
  }

  private async owned(caller: Caller): Promise<Loaded | undefined> {
    const cur = await this.load(caller.orderId);
    if (!cur || (caller.tenantId !== null && cur.row.tenantId !== caller.tenantId))
      return undefined;
    return cur;
  }

  private async load(orderId: string): Promise<Loaded | undefined> {
    if (this.loaded?.row.id === orderId) return this.loaded;
    const [rows, lines, head] = await this.db.batch([
      this.db.select().from(orders).where(eq(orders.id, orderId)),
      this.db
        .select()
        .from(orderLines)
        .where(eq(orderLines.orderId, orderId))
        .orderBy(orderLines.lineNo),
      this.db
        .select({ seq: orderHistory.seq, hash: orderHistory.hash })
        .from(orderHistory)
        .where(eq(orderHistory.orderId, orderId))
        .orderBy(desc(orderHistory.seq))
        .limit(1),
    ]);
    const row = rows[0];
    if (!row) return undefined;
    this.loaded = { row, lines, head: head[0] ?? { seq: 0, hash: GENESIS_HASH } };
    return this.loaded;
  }

  private async allocation(orderId: string): Promise<Map<string, DemandStatus>> {
    const rows = await this.db
      .select({ sku: stockDemands.sku, status: stockDemands.status })
      .from(stockDemands)
      .where(eq(stockDemands.orderId, orderId));
    return new Map(rows.map((r) => [r.sku, r.status]));
  }

  /** Asks each line's stock object for `quantity` units; each call is idempotent per order. */
  private async setDemands(
    order: Pick<OrderFields, "id" | "tenantId" | "warehouseId" | "priority">,
    desired: Map<string, number>,
  ): Promise<Map<string, DemandStatus>> {
    const results = await Promise.all(
      [...desired].map(async ([sku, quantity]) => {
        const key = { tenantId: order.tenantId, warehouseId: order.warehouseId, sku };
        const status = await this.env.STOCK.getByName(stockName(key)).setDemand(
          key,
          order.id,
          quantity,
          order.priority,
        );
        return [sku, status] as const;
      }),
    );
    return new Map(results);
  }

  private async persist(
    cur: Loaded | null,
    fields: OrderFields,
    lines: LineRow[],
    allocation: Map<string, DemandStatus>,
    action: string,
    actor: string,
    changes: Record<string, unknown>,
    createdAt?: string,
  ): Promise<Loaded> {
    const id = fields.id;
    const version = (cur?.row.version ?? 0) + 1;
    const stamp = feedStamp("orders");
    const entry = {
      seq: (cur?.head.seq ?? 0) + 1,
      at: new Date().toISOString(),
      actor,
      action,
      changes,
    };
    const prevHash = cur?.head.hash ?? GENESIS_HASH;
    const hash = await chainHash(prevHash, entry);

    const events: EventType[] = [
      cur === null
        ? "order.created"
        : fields.status === "cancelled"
          ? "order.cancelled"
          : "order.updated",
    ];
    if (fields.status === "backordered" && cur?.row.status !== "backordered")
      events.push("order.backordered");
    const provisional = renderOrder(
      { ...fields, version, createdAt: "", updatedAt: "", changeSeq: 0 },
      lines,
      allocation,
    );
    const data: SQL = sql`json_set(${JSON.stringify(provisional)},
      '$.created_at', (SELECT created_at FROM orders WHERE id = ${id}),
      '$.updated_at', (SELECT updated_at FROM orders WHERE id = ${id}))`;

    const linesChanged = cur === null || cur.lines !== lines;
    const lineWrites = [];
    if (linesChanged) {
      if (cur) lineWrites.push(this.db.delete(orderLines).where(eq(orderLines.orderId, id)));
      for (let i = 0; i < lines.length; i += LINES_PER_INSERT) {
        lineWrites.push(this.db.insert(orderLines).values(lines.slice(i, i + LINES_PER_INSERT)));
      }
    }
    const results = await this.db.batch([
      cur
        ? this.db
            .update(orders)
            .set({ ...fields, version, updatedAt: stamp.updatedAt, changeSeq: stamp.changeSeq })
            .where(eq(orders.id, id))
        : this.db.insert(orders).values({
            ...fields,
            version,
            createdAt: createdAt ?? stamp.updatedAt,
            updatedAt: stamp.updatedAt,
            changeSeq: stamp.changeSeq,
          }),
      ...lineWrites,
      this.db.insert(orderHistory).values({ orderId: id, ...entry, prevHash, hash }),
      ...events.map((type) => recordEvent(this.db, fields.tenantId, type, id, data)),
      this.db
        .select({
          createdAt: orders.createdAt,
          updatedAt: orders.updatedAt,
          changeSeq: orders.changeSeq,
        })
        .from(orders)
        .where(eq(orders.id, id)),
    ]);
    const stamped = (
      results[results.length - 1] as { createdAt: string; updatedAt: string; changeSeq: number }[]
    )[0];
    if (!stamped) throw new Error(`order ${id} vanished inside its own write`);
    this.loaded = {
      row: { ...fields, version, ...stamped },
      lines,
      head: { seq: entry.seq, hash },
    };
    return this.loaded;
  }
}

const allAllocated = (lines: Pick<LineRow, "sku">[], allocation: Map<string, DemandStatus>) =>
  lines.every((l) => allocation.get(l.sku) === "allocated");

const lineSummary = (l: LineRow) => ({ sku: l.sku, quantity: l.quantity });

const lineKey = (lines: LineRow[]) =>
  JSON.stringify(
    [...lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => [l.sku, l.description, l.quantity, l.unitPrice, l.currency]),
  );
