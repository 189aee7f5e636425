import { DurableObject } from "cloudflare:workers";
import { desc, eq, type SQL, sql } from "drizzle-orm";
import { type Db, database } from "../db/client";
import { feedStamp } from "../db/feed";
import {
  orderHistory,
  orderLines,
  orders,
  shipmentItems,
  shipmentParcels,
  shipments,
  stockDemands,
} from "../db/schema";
import type { Env } from "../env";
import { type EventType, recordEvent } from "../events/events.service";
import { type DemandStatus, stockName } from "../inventory/stock-object";
import { Serial } from "../lib/serial";
import { renderShipment, type ShipmentRecord, shippedBySku } from "../shipments/shipments.render";
import type { ShipmentView } from "../shipments/shipments.schemas";
import { shipmentsOfOrders } from "../shipments/shipments.service";
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
  | { ok: true; order: OrderView; created: boolean; shipment?: ShipmentView }
  | {
      ok: false;
      status: 404 | 409 | 422;
      code: string;
      message: string;
      details: Record<string, unknown>;
    };

export interface ShipCommand extends Caller {
  shipmentId: string;
  parcels: Omit<typeof shipmentParcels.$inferInsert, "shipmentId" | "position">[];
  items: { sku: string; quantity: number }[];
  cost: { amount: string; currency: string } | null;
  shippedAt: string | null;
}

export interface ShipmentStatusCommand extends Caller {
  shipmentId: string;
  status: "in_transit" | "out_for_delivery" | "delivered" | "exception";
  occurredAt: string | null;
  note: string | null;
}

type Intent =
  | { kind: "create"; cmd: CreateCommand }
  | { kind: "amend"; cmd: AmendCommand }
  | { kind: "cancel"; cmd: Caller & { reason: string | null } }
  | { kind: "ship"; cmd: ShipCommand }
  | { kind: "void"; cmd: Caller & { shipmentId: string } };

interface Loaded {
  row: OrderRow;
  lines: LineRow[];
  shipments: ShipmentRecord[];
  head: { seq: number; hash: string };
}

type BatchItem = Parameters<Db["batch"]>[0][number];

/** One order transition: the new row and lines, plus whatever else must commit with it. */
interface Change {
  fields: OrderFields;
  lines: LineRow[];
  allocation: Map<string, DemandStatus>;
  action: string;
  actor: string;
  changes: Record<string, unknown>;
  createdAt?: string;
  shipments?: ShipmentRecord[];
  writes?: BatchItem[];
  shipmentEvents?: { type: "shipment.created" | "shipment.updated"; record: ShipmentRecord }[];
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
  private readonly serial = new Serial();

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

  ship(cmd: ShipCommand): Promise<Outcome> {
    return this.durably({ kind: "ship", cmd });
  }

  voidShipment(cmd: Caller & { shipmentId: string }): Promise<Outcome> {
    return this.durably({ kind: "void", cmd });
  }

  /** A carrier update touches only the shipment: no stock moves and the order is unchanged. */
  updateShipmentStatus(cmd: ShipmentStatusCommand): Promise<Outcome> {
    return this.exclusive(async () => {
      const cur = await this.owned(cmd);
      const record = cur?.shipments.find((r) => r.row.id === cmd.shipmentId);
      if (!cur || !record) return shipmentNotFound(cmd.shipmentId);
      const current = record.row.status;
      if (current === cmd.status) return this.view(cur, record);
      if (current === "voided" || current === "delivered") {
        return fail(
          409,
          current === "voided" ? "shipment_voided" : "already_delivered",
          `The shipment is ${current}; its status can no longer change.`,
          {
            shipment_status: current,
          },
        );
      }
      const next = withStatus(
        record,
        cmd.status,
        cmd.occurredAt ?? new Date().toISOString(),
        cmd.note,
      );
      const stamp = feedStamp("shipments");
      await this.db.batch([
        this.db
          .update(shipments)
          .set({
            status: next.row.status,
            statusHistory: next.row.statusHistory,
            version: next.row.version,
            ...stamp,
          })
          .where(eq(shipments.id, record.row.id)),
        recordEvent(
          this.db,
          cur.row.tenantId,
          "shipment.updated",
          record.row.id,
          shipmentData(next),
        ),
      ]);
      cur.shipments = (await shipmentsOfOrders(this.db, [cur.row.id])).get(cur.row.id) ?? [];
      return this.view(
        cur,
        cur.shipments.find((r) => r.row.id === cmd.shipmentId),
      );
    });
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
    return this.serial.run(async () => {
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
      case "ship":
        return this.doShip(intent.cmd);
      case "void":
        return this.doVoid(intent.cmd);
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
    return this.persist(null, {
      fields,
      lines,
      allocation,
      action: "created",
      actor: cmd.actor,
      changes: { status: fields.status },
      createdAt: cmd.createdAt,
    });
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
            "Order is being picked or has shipped and can no longer be amended.",
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
    return this.persist(cur, {
      fields: next,
      lines,
      allocation,
      action: "amended",
      actor: cmd.actor,
      changes,
    });
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
    return this.persist(cur, {
      fields: next,
      lines: cur.lines,
      allocation,
      action: "cancelled",
      actor: cmd.actor,
      changes: { status: { from: status, to: "cancelled" }, reason: cmd.reason },
    });
  }

  private async doShip(cmd: ShipCommand): Promise<Outcome> {
    const cur = await this.owned(cmd);
    if (!cur) return notFound(cmd.orderId);
    const existing = cur.shipments.find((r) => r.row.id === cmd.shipmentId);
    if (existing) return this.view(cur, existing);
    const status = cur.row.status as OrderStatus;
    const refusal: Partial<Record<OrderStatus, [string, string]>> = {
      cancelled: ["order_cancelled", "The order is cancelled; nothing may ship."],
      backordered: ["not_allocated", "Lines are still waiting for stock."],
      on_hold: ["order_on_hold", "The order is on hold; release it first."],
    };
    const refused = refusal[status];
    if (refused) return fail(409, refused[0], refused[1], { order_status: status });

    const shipped = shippedBySku(cur.shipments);
    for (const [i, item] of cmd.items.entries()) {
      const line = cur.lines.find((l) => l.sku === item.sku);
      if (!line) {
        return fail(422, "sku_not_in_order", `sku '${item.sku}' is not a line of this order.`, {
          field: `items[${i}].sku`,
        });
      }
      const remaining = line.quantity - (shipped.get(item.sku) ?? 0);
      if (item.quantity > remaining) {
        return fail(
          422,
          "over_shipment",
          `Only ${remaining} of '${item.sku}' remain to ship (ordered ${line.quantity}).`,
          { field: `items[${i}].quantity`, remaining },
        );
      }
    }
    await this.moveStock(cur.row, cmd.items, `ship:${cmd.shipmentId}`, -1);

    const shippedAt = cmd.shippedAt ?? new Date().toISOString();
    const record: ShipmentRecord = {
      row: {
        id: cmd.shipmentId,
        tenantId: cur.row.tenantId,
        orderId: cur.row.id,
        orderNumber: cur.row.orderNumber,
        warehouseId: cur.row.warehouseId,
        status: "shipped",
        statusHistory: [{ status: "shipped", occurred_at: shippedAt }],
        shippedAt,
        costAmount: cmd.cost?.amount ?? null,
        costCurrency: cmd.cost?.currency ?? null,
        voided: false,
        voidedAt: null,
        version: 1,
        createdAt: "",
        updatedAt: "",
        changeSeq: 0,
      },
      parcels: cmd.parcels.map((p, position) => ({
        ...p,
        shipmentId: cmd.shipmentId,
        position,
        trackingUrl: p.trackingUrl ?? null,
        weight: p.weight ?? null,
        dimensions: p.dimensions ?? null,
      })),
      items: cmd.items.map((i) => ({ ...i, shipmentId: cmd.shipmentId })),
    };
    const all = [...cur.shipments, record];
    const next = { ...cur.row, status: statusFromShipments(cur.lines, all) };
    const stamp = feedStamp("shipments");
    const { createdAt: _c, updatedAt: _u, changeSeq: _s, ...row } = record.row;
    return this.persist(cur, {
      fields: next,
      lines: cur.lines,
      allocation: await this.allocation(cur.row.id),
      action: "shipped",
      actor: cmd.actor,
      changes: {
        shipment_id: cmd.shipmentId,
        items: cmd.items,
        status: { from: status, to: next.status },
      },
      shipments: all,
      writes: [
        this.db.insert(shipments).values({ ...row, createdAt: stamp.updatedAt, ...stamp }),
        this.db.insert(shipmentParcels).values(record.parcels),
        this.db.insert(shipmentItems).values(record.items),
      ],
      shipmentEvents: [{ type: "shipment.created", record }],
    }).then((out) => this.withShipment(out, cmd.shipmentId, true));
  }

  private async doVoid(cmd: Caller & { shipmentId: string }): Promise<Outcome> {
    const cur = await this.owned(cmd);
    const record = cur?.shipments.find((r) => r.row.id === cmd.shipmentId);
    if (!cur || !record) return shipmentNotFound(cmd.shipmentId);
    if (record.row.voided) return this.view(cur, record);
    if (record.row.status === "delivered") {
      return fail(409, "already_delivered", "A delivered shipment cannot be voided.", {
        shipment_status: "delivered",
      });
    }
    await this.moveStock(cur.row, record.items, `void:${cmd.shipmentId}`, 1);
    const voidedAt = new Date().toISOString();
    const voided = withStatus(record, "voided", voidedAt, null);
    voided.row = { ...voided.row, voided: true, voidedAt };
    const all = cur.shipments.map((r) => (r.row.id === record.row.id ? voided : r));
    const status = cur.row.status as OrderStatus;
    const next = { ...cur.row, status: statusFromShipments(cur.lines, all) };
    const stamp = feedStamp("shipments");
    return this.persist(cur, {
      fields: next,
      lines: cur.lines,
      allocation: await this.allocation(cur.row.id),
      action: "shipment_voided",
      actor: cmd.actor,
      changes: { shipment_id: cmd.shipmentId, status: { from: status, to: next.status } },
      shipments: all,
      writes: [
        this.db
          .update(shipments)
          .set({
            status: "voided",
            statusHistory: voided.row.statusHistory,
            voided: true,
            voidedAt,
            version: voided.row.version,
            ...stamp,
          })
          .where(eq(shipments.id, record.row.id)),
      ],
      shipmentEvents: [{ type: "shipment.updated", record: voided }],
    }).then((out) => this.withShipment(out, cmd.shipmentId, false));
  }

  /** Takes shipped units out of (sign −1) or puts voided units back into (+1) each stock row. */
  private async moveStock(
    order: Pick<OrderFields, "id" | "tenantId" | "warehouseId">,
    items: { sku: string; quantity: number }[],
    ref: string,
    sign: 1 | -1,
  ) {
    await Promise.all(
      items.map((item) => {
        const key = { tenantId: order.tenantId, warehouseId: order.warehouseId, sku: item.sku };
        return this.env.STOCK.getByName(stockName(key)).move(
          key,
          order.id,
          ref,
          sign * item.quantity,
        );
      }),
    );
  }

  private withShipment(outcome: Outcome, shipmentId: string, created: boolean): Outcome {
    if (!outcome.ok) return outcome;
    return {
      ...outcome,
      created,
      shipment: outcome.order.shipments.find((s) => s.id === shipmentId),
    };
  }

  private async transition(
    cur: Loaded,
    change: Partial<OrderFields>,
    action: string,
    actor: string,
    changes: Record<string, unknown>,
  ): Promise<Outcome> {
    return this.persist(cur, {
      fields: { ...cur.row, ...change },
      lines: cur.lines,
      allocation: await this.allocation(cur.row.id),
      action,
      actor,
      changes,
    });
  }

  private async view(cur: Loaded, shipment?: ShipmentRecord): Promise<Outcome> {
    const order = renderOrder(cur.row, cur.lines, await this.allocation(cur.row.id), cur.shipments);
    return { ok: true, order, created: false, shipment: shipment && renderShipment(shipment) };
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
    const shipments = (await shipmentsOfOrders(this.db, [orderId])).get(orderId) ?? [];
    this.loaded = { row, lines, shipments, head: head[0] ?? { seq: 0, hash: GENESIS_HASH } };
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

  /**
   * Commits one transition as a single D1 batch: the order row (new version, moved to the
   * end of the change feed), its lines, the history entry, any shipment rows, and every
   * event describing it. Timestamps the database assigns are patched into event data
   * inside the same batch, so an event never disagrees with the row it describes.
   */
  private async persist(cur: Loaded | null, change: Change): Promise<Outcome> {
    const { fields, lines, allocation } = change;
    const id = fields.id;
    const shipmentRecords = change.shipments ?? cur?.shipments ?? [];
    const version = (cur?.row.version ?? 0) + 1;
    const stamp = feedStamp("orders");
    const entry = {
      seq: (cur?.head.seq ?? 0) + 1,
      at: new Date().toISOString(),
      actor: change.actor,
      action: change.action,
      changes: change.changes,
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
      shipmentRecords,
    );
    const touched = new Set(change.shipmentEvents?.map((e) => e.record.row.id));
    const shipmentStamps = shipmentRecords.flatMap((r, i) =>
      touched.has(r.row.id)
        ? [
            sql`, ${`$.shipments[${i}].created_at`}, (SELECT created_at FROM shipments WHERE id = ${r.row.id})`,
            sql`, ${`$.shipments[${i}].updated_at`}, (SELECT updated_at FROM shipments WHERE id = ${r.row.id})`,
          ]
        : [],
    );
    const orderData: SQL = sql`json_set(${JSON.stringify(provisional)},
      '$.created_at', (SELECT created_at FROM orders WHERE id = ${id}),
      '$.updated_at', (SELECT updated_at FROM orders WHERE id = ${id})${sql.join(shipmentStamps)})`;

    const lineWrites: BatchItem[] = [];
    if (cur === null || cur.lines !== lines) {
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
            createdAt: change.createdAt ?? stamp.updatedAt,
            updatedAt: stamp.updatedAt,
            changeSeq: stamp.changeSeq,
          }),
      ...lineWrites,
      ...(change.writes ?? []),
      this.db.insert(orderHistory).values({ orderId: id, ...entry, prevHash, hash }),
      ...(change.shipmentEvents ?? []).map((e) =>
        recordEvent(this.db, fields.tenantId, e.type, e.record.row.id, shipmentData(e.record)),
      ),
      ...events.map((type) => recordEvent(this.db, fields.tenantId, type, id, orderData)),
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
    const current =
      touched.size > 0 ? ((await shipmentsOfOrders(this.db, [id])).get(id) ?? []) : shipmentRecords;
    this.loaded = {
      row: { ...fields, version, ...stamped },
      lines,
      shipments: current,
      head: { seq: entry.seq, hash },
    };
    const order = renderOrder(this.loaded.row, lines, allocation, current);
    return { ok: true, order, created: cur === null };
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

const shipmentNotFound = (id: string) => fail(404, "not_found", `No shipment with id '${id}'.`);

/** The shipment's event payload, with the timestamps its row gets inside the same batch. */
const shipmentData = (record: ShipmentRecord): SQL =>
  sql`json_set(${JSON.stringify(renderShipment(record))},
    '$.created_at', (SELECT created_at FROM shipments WHERE id = ${record.row.id}),
    '$.updated_at', (SELECT updated_at FROM shipments WHERE id = ${record.row.id}))`;

function withStatus(
  record: ShipmentRecord,
  status: string,
  occurredAt: string,
  note: string | null,
): ShipmentRecord {
  return {
    ...record,
    row: {
      ...record.row,
      status,
      version: record.row.version + 1,
      statusHistory: [
        ...record.row.statusHistory,
        { status, occurred_at: occurredAt, ...(note ? { note } : {}) },
      ],
    },
  };
}

/** What the shipments that still stand say about the order; with none left it is back to picking. */
function statusFromShipments(lines: LineRow[], records: ShipmentRecord[]): OrderStatus {
  const shipped = shippedBySku(records);
  if (lines.every((l) => (shipped.get(l.sku) ?? 0) >= l.quantity)) return "shipped";
  return lines.some((l) => (shipped.get(l.sku) ?? 0) > 0) ? "partially_shipped" : "processing";
}
