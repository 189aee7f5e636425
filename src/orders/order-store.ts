import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { type Db, statement } from "../db/client";
import { feedStamp } from "../db/feed";
import {
  orderHistory,
  orderLines,
  orders,
  shipmentItems,
  shipmentParcels,
  shipments,
  stuckOperations,
} from "../db/schema";
import { chunked, jsonRows } from "../db/sql";
import type { EventType } from "../domain/events";
import { recordEvent } from "../events/events.service";
import { chainHash, GENESIS_HASH } from "../lib/hash-chain";
import { renderShipment } from "../shipments/shipments.render";
import type { ShipmentRecord } from "../shipments/shipments.rules";
import type { Change, OrderLine, OrderState } from "./order";
import { renderOrder } from "./orders.render";

/*
 * How an order persists to D1: one read to load it, one batch to write a change with its
 * lines, shipment, history entry and events. Every statement is sized by D1's limits, not
 * by the input: lines, parcels and items travel as chunked JSON rows.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

export async function loadOrder(
  db: Db,
  tenantId: string,
  orderId: string,
): Promise<OrderState | null> {
  const ofOrder = sql`SELECT id FROM shipments WHERE order_id = ${orderId} AND tenant_id = ${tenantId}`;
  const [rows, lines, shipmentRows, parcels, items, head] = await db.batch([
    db
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.tenantId, tenantId))),
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.lineNo),
    db
      .select()
      .from(shipments)
      .where(and(eq(shipments.orderId, orderId), eq(shipments.tenantId, tenantId)))
      .orderBy(asc(shipments.createdAt), asc(shipments.id)),
    db
      .select()
      .from(shipmentParcels)
      .where(sql`${shipmentParcels.shipmentId} IN (${ofOrder})`)
      .orderBy(asc(shipmentParcels.position)),
    db
      .select()
      .from(shipmentItems)
      .where(sql`${shipmentItems.shipmentId} IN (${ofOrder})`)
      .orderBy(asc(shipmentItems.sku)),
    db
      .select({ seq: orderHistory.seq, hash: orderHistory.hash })
      .from(orderHistory)
      .where(eq(orderHistory.orderId, orderId))
      .orderBy(desc(orderHistory.seq))
      .limit(1),
  ]);
  const order = rows[0];
  if (!order) return null;
  return {
    order,
    lines,
    shipments: shipmentRows.map((row) => ({
      row,
      parcels: parcels.filter((p) => p.shipmentId === row.id),
      items: items.filter((i) => i.shipmentId === row.id),
    })),
    head: head[0] ?? { seq: 0, hash: GENESIS_HASH },
  };
}

function insertLines(db: Db, lines: readonly OrderLine[]): BatchItem[] {
  const rows = lines.map((l) => [
    l.orderId,
    l.lineNo,
    l.sku,
    l.description,
    l.quantity,
    l.unitPrice,
    l.currency,
    l.allocation,
    l.allocationSeq,
  ]);
  return chunked(rows).map((group) =>
    statement(
      db,
      sql`INSERT INTO order_lines (order_id, line_no, sku, description, quantity, unit_price, currency, allocation, allocation_seq)
      SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8
      FROM ${jsonRows(group)} AS j`,
    ),
  );
}

function insertShipment(db: Db, record: ShipmentRecord): BatchItem[] {
  const { createdAt: _c, updatedAt: _u, changeSeq: _s, ...row } = record.row;
  const stamp = feedStamp("shipments", row.tenantId);
  const parcels = record.parcels.map((p) => [
    p.position,
    p.trackingNumber,
    p.trackingUrl,
    p.carrier,
    p.service,
    p.weight === null ? null : JSON.stringify(p.weight),
    p.dimensions === null ? null : JSON.stringify(p.dimensions),
  ]);
  const items = record.items.map((i) => [i.sku, i.quantity]);
  return [
    db
      .insert(shipments)
      .values({ ...row, createdAt: stamp.updatedAt, ...stamp })
      .returning(STAMPS_OF_SHIPMENT),
    ...chunked(parcels).map((group) =>
      statement(
        db,
        sql`INSERT INTO shipment_parcels (shipment_id, position, tracking_number, tracking_url, carrier, service, weight, dimensions)
        SELECT ${row.id}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6
        FROM ${jsonRows(group)} AS j`,
      ),
    ),
    ...chunked(items).map((group) =>
      statement(
        db,
        sql`INSERT INTO shipment_items (shipment_id, sku, quantity)
        SELECT ${row.id}, j.value ->> 0, j.value ->> 1 FROM ${jsonRows(group)} AS j`,
      ),
    ),
  ];
}

const STAMPS_OF_ORDER = {
  createdAt: orders.createdAt,
  updatedAt: orders.updatedAt,
  changeSeq: orders.changeSeq,
};
const STAMPS_OF_SHIPMENT = {
  createdAt: shipments.createdAt,
  updatedAt: shipments.updatedAt,
  changeSeq: shipments.changeSeq,
};

/** A row's timestamps, read inside the write that assigns them. */
const stampsOf = (table: "orders" | "shipments", id: string, path = "$") => [
  sql`, ${`${path}.created_at`}, (SELECT created_at FROM ${sql.raw(table)} WHERE id = ${id})`,
  sql`, ${`${path}.updated_at`}, (SELECT updated_at FROM ${sql.raw(table)} WHERE id = ${id})`,
];

const withStamps = (json: unknown, stamps: SQL[]): SQL =>
  sql`json_set(${JSON.stringify(json)}${sql.join(stamps)})`;

/**
 * Commits a settled change as one D1 batch and returns the order as stored. Timestamps
 * the database assigns are patched into event data inside the same batch, so an event
 * never disagrees with the row it describes. The history entry's unique (order, seq)
 * makes a second writer's batch fail whole rather than interleave.
 */
export async function persist(
  db: Db,
  before: OrderState | null,
  change: Change,
  createdAt?: string,
): Promise<OrderState> {
  const { order: fields, lines } = change;
  const { id, tenantId } = fields;
  const touched = change.shipment?.record;
  const records = touched
    ? change.shipment?.created
      ? [...(before?.shipments ?? []), touched]
      : (before?.shipments ?? []).map((s) => (s.row.id === touched.row.id ? touched : s))
    : (before?.shipments ?? []);
  const writes: BatchItem[] = [];

  // Where the order's and the shipment's own writes sit in the batch: they return their stamps.
  let shipmentAt = -1;
  let orderAt = -1;
  if (touched && change.shipment?.created) {
    shipmentAt = writes.length;
    writes.push(...insertShipment(db, touched));
  } else if (touched) {
    shipmentAt = writes.length;
    const stamp = feedStamp("shipments", tenantId);
    writes.push(
      db
        .update(shipments)
        .set({
          status: touched.row.status,
          statusHistory: touched.row.statusHistory,
          voided: touched.row.voided,
          voidedAt: touched.row.voidedAt,
          version: touched.row.version,
          ...stamp,
        })
        .where(eq(shipments.id, touched.row.id))
        .returning(STAMPS_OF_SHIPMENT),
    );
  }
  if (touched) {
    writes.push(
      recordEvent(
        db,
        tenantId,
        change.shipment?.created ? "shipment.created" : "shipment.updated",
        touched.row.id,
        withStamps(renderShipment(touched), stampsOf("shipments", touched.row.id)),
      ),
    );
  }

  let head = before?.head ?? { seq: 0, hash: GENESIS_HASH };
  const version = (before?.order.version ?? 0) + (change.touchesOrder ? 1 : 0);
  if (change.touchesOrder) {
    const stamp = feedStamp("orders", tenantId);
    orderAt = writes.length;
    writes.push(
      before
        ? db
            .update(orders)
            .set({ ...fields, version, ...stamp })
            .where(eq(orders.id, id))
            .returning(STAMPS_OF_ORDER)
        : db
            .insert(orders)
            .values({ ...fields, version, createdAt: createdAt ?? stamp.updatedAt, ...stamp })
            .returning(STAMPS_OF_ORDER),
    );
    if (change.linesChanged) {
      if (before) writes.push(db.delete(orderLines).where(eq(orderLines.orderId, id)));
      writes.push(...insertLines(db, lines));
    }
    const entry = {
      seq: head.seq + 1,
      at: new Date().toISOString(),
      actor: change.actor,
      action: change.action,
      changes: change.diff,
    };
    const hash = await chainHash(head.hash, entry);
    writes.push(
      db.insert(orderHistory).values({ orderId: id, ...entry, prevHash: head.hash, hash }),
    );
    head = { seq: entry.seq, hash };

    const types: EventType[] = [
      !before
        ? "order.created"
        : fields.status === "cancelled"
          ? "order.cancelled"
          : "order.updated",
    ];
    if (fields.status === "backordered" && before?.order.status !== "backordered") {
      types.push("order.backordered");
    }
    const provisional = renderOrder(
      { ...fields, version, createdAt: "", updatedAt: "", changeSeq: 0 },
      lines,
      records,
    );
    const stamps = stampsOf("orders", id);
    const position = touched ? records.indexOf(touched) : -1;
    if (touched) stamps.push(...stampsOf("shipments", touched.row.id, `$.shipments[${position}]`));
    for (const type of types) {
      writes.push(recordEvent(db, tenantId, type, id, withStamps(provisional, stamps)));
    }
  }

  const [first, ...rest] = writes;
  if (!first) throw new Error("an order change with nothing to write");
  const results = await db.batch([first, ...rest]);
  type Stamps = { createdAt: string; updatedAt: string; changeSeq: number };
  const [shipmentStamp] = (results[shipmentAt] ?? []) as Stamps[];
  const [stored] = (results[orderAt] ?? [before?.order]) as (Stamps | undefined)[];
  if (!stored) throw new Error(`order ${id} vanished inside its own write`);
  return {
    order: {
      ...fields,
      version,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      changeSeq: stored.changeSeq,
    },
    lines,
    shipments: records.map((r) =>
      r === touched && shipmentStamp ? { ...r, row: { ...r.row, ...shipmentStamp } } : r,
    ),
    head,
  };
}

/** Lists a parked intent for operators; idempotent, so a retried park never duplicates it. */
export async function registerStuck(
  db: Db,
  id: { tenantId: string; orderId: string },
  intent: { id: string; command: { type: string }; attempts: number; lastError?: string },
) {
  await db
    .insert(stuckOperations)
    .values({
      id: intent.id,
      tenantId: id.tenantId,
      orderId: id.orderId,
      operation: intent.command.type,
      command: intent.command,
      attempts: intent.attempts,
      lastError: intent.lastError ?? "",
      status: "parked",
    })
    .onConflictDoNothing();
}

export async function resolveStuck(
  db: Db,
  id: string,
  status: "retried" | "discarded",
  resolution: string,
) {
  await db
    .update(stuckOperations)
    .set({ status, resolution, resolvedAt: new Date().toISOString() })
    .where(eq(stuckOperations.id, id));
}
