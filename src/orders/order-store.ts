import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { chargeStatements, creditStatements, shipmentFacts } from "../billing/billing.charges";
import { type Db, statement } from "../db/client";
import { eventStatements, patched } from "../db/events";
import { feedStamp } from "../db/feed";
import {
  orderHistory,
  orderLines,
  orders,
  orderTerms,
  shipmentItems,
  shipmentParcels,
  shipments,
} from "../db/schema";
import { chunked, jsonRows } from "../db/sql";
import { resourceOf } from "../domain/events";
import { canonicalJson } from "../lib/canonical-json";
import { chainHash, GENESIS_HASH } from "../lib/hash-chain";
import { voidedStatements } from "../serials/serials.store";
import type { ShipmentRecord } from "../shipments/shipments.rules";
import type { Change, OrderLine, OrderState } from "./order";
import {
  insertShipment,
  shipmentSnapshot,
  shipmentStamps,
  updateShipment,
} from "./order-shipments";
import { renderOrder } from "./orders.render";

/*
 * How an order persists to D1: one read to load it, one batch to write a change with its
 * lines, shipment, history entry and the events its rules named. Every statement is sized
 * by D1's limits, not by the input: lines, parcels and items travel as chunked JSON rows.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

export async function loadOrder(
  db: Db,
  tenantId: string,
  orderId: string,
): Promise<OrderState | null> {
  const ofOrder = sql`SELECT id FROM shipments WHERE order_id = ${orderId} AND tenant_id = ${tenantId}`;
  const [rows, terms, lines, shipmentRows, parcels, items, head] = await db.batch([
    db
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.tenantId, tenantId))),
    db.select().from(orderTerms).where(eq(orderTerms.orderId, orderId)),
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
      .orderBy(asc(shipmentItems.sku), asc(shipmentItems.orderLineId)),
    db
      .select({ seq: orderHistory.seq, hash: orderHistory.hash })
      .from(orderHistory)
      .where(eq(orderHistory.orderId, orderId))
      .orderBy(desc(orderHistory.seq))
      .limit(1),
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    order: { ...row, terms: terms[0]?.terms ?? null },
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
    l.id,
    l.lineId,
    l.sku,
    l.description,
    l.quantity,
    l.unitPrice,
    l.currency,
    l.allocation,
    l.allocationSeq,
    l.hsCode,
    l.countryOfOrigin,
    l.customsValue,
    l.customsCurrency,
  ]);
  return chunked(rows).map((group) =>
    statement(
      db,
      sql`INSERT INTO order_lines (order_id, line_no, id, line_id, sku, description, quantity, unit_price, currency, allocation, allocation_seq, hs_code, country_of_origin, customs_value, customs_currency)
      SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8, j.value ->> 9, j.value ->> 10, j.value ->> 11, j.value ->> 12, j.value ->> 13, j.value ->> 14
      FROM ${jsonRows(group)} AS j`,
    ),
  );
}

const ORDER_STAMPS = {
  createdAt: orders.createdAt,
  updatedAt: orders.updatedAt,
  changeSeq: orders.changeSeq,
};

/**
 * The order as committed, for its events, rendered: the state the change leaves, with the
 * times the write assigns read inside it for the order and the shipment it made or moved, so
 * an event never disagrees with the rows it describes.
 */
function orderSnapshot(state: Omit<OrderState, "head">, touched?: ShipmentRecord): SQL {
  const id = state.order.id;
  const stamps: [string, SQL][] = [
    ["$.created_at", sql`(SELECT created_at FROM orders WHERE id = ${id})`],
    ["$.updated_at", sql`(SELECT updated_at FROM orders WHERE id = ${id})`],
  ];
  const position = touched ? state.shipments.indexOf(touched) : -1;
  if (touched && position >= 0) {
    stamps.push(...shipmentStamps(touched.row.id, `$.shipments[${position}]`));
  }
  return patched(renderOrder(state), stamps);
}

/**
 * Commits a settled change as one D1 batch and returns the order as stored. The history
 * entry's unique (order, seq) makes a second writer's batch fail whole rather than
 * interleave.
 */
export async function persist(
  db: Db,
  before: OrderState | null,
  change: Change,
  createdAt?: string,
): Promise<OrderState> {
  const { order: fields, lines, version } = change;
  const { id, tenantId } = fields;
  const { terms, ...columns } = fields;
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
  if (touched) {
    shipmentAt = writes.length;
    writes.push(
      ...(change.shipment?.created
        ? insertShipment(db, touched)
        : updateShipment(
            db,
            touched,
            before?.shipments.find((s) => s.row.id === touched.row.id),
          )),
    );
    if (change.action === "shipment_voided" && touched.items.some((i) => i.serials)) {
      writes.push(...voidedStatements(db, touched.row.id));
    }
    // What the 3PL charges for it, in the same write: a shipment's fees, a void's credits.
    if (change.shipment?.created) {
      writes.push(
        ...chargeStatements(db, tenantId, shipmentFacts(touched, before?.shipments ?? [])),
      );
    } else if (change.action === "shipment_voided") {
      writes.push(...creditStatements(db, tenantId, touched.row.id));
    }
  }
  let head = before?.head ?? { seq: 0, hash: GENESIS_HASH };
  if (change.touchesOrder) {
    const stamp = feedStamp("orders", tenantId);
    orderAt = writes.length;
    writes.push(
      before
        ? db
            .update(orders)
            .set({ ...columns, version, ...stamp })
            .where(eq(orders.id, id))
            .returning(ORDER_STAMPS)
        : db
            .insert(orders)
            .values({ ...columns, version, createdAt: createdAt ?? stamp.updatedAt, ...stamp })
            .returning(ORDER_STAMPS),
    );
    if (canonicalJson(terms) !== canonicalJson(before?.order.terms ?? null)) {
      writes.push(
        terms
          ? db
              .insert(orderTerms)
              .values({ orderId: id, terms })
              .onConflictDoUpdate({ target: orderTerms.orderId, set: { terms } })
          : db.delete(orderTerms).where(eq(orderTerms.orderId, id)),
      );
    }
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
    writes.push(db.insert(orderHistory).values({ orderId: id, ...entry, hash }));
    head = { seq: entry.seq, hash };
  }

  const committed = {
    order: { ...fields, version, createdAt: "", updatedAt: "", changeSeq: 0 },
    lines,
    shipments: records,
  };
  const ofOrder = change.events.filter((e) => resourceOf(e.type) === "order");
  const ofShipment = change.events.filter((e) => resourceOf(e.type) === "shipment");
  if (ofShipment.length > 0 && !touched) throw new Error("a shipment event without a shipment");
  writes.push(
    ...eventStatements(db, tenantId, [
      ...(touched && ofShipment.length > 0
        ? [
            {
              events: ofShipment,
              resources: [touched.row.id],
              snapshot: () => shipmentSnapshot(touched),
            },
          ]
        : []),
      ...(ofOrder.length > 0
        ? [{ events: ofOrder, resources: [id], snapshot: () => orderSnapshot(committed, touched) }]
        : []),
    ]),
  );

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
