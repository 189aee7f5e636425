import { and, asc, eq, isNull, lt, type SQL, sql } from "drizzle-orm";
import { chargeStatements, returnFacts } from "../billing/billing.charges";
import { type JobScope, unfrozen } from "../db/background";
import { type Db, statement } from "../db/client";
import { eventStatements, patched } from "../db/events";
import { feedStamp } from "../db/feed";
import { returnLines, returns } from "../db/schema";
import { chunked, inList, jsonRows, NOW, nowPlus } from "../db/sql";
import { returnedStatements } from "../serials/serials.store";
import type { Placed, ReceivedItem, ReturnedItem } from "./return-rules";
import { arrivalEvents, returnedUnits } from "./return-rules";
import type { ReturnLine, ReturnRow, StoredReturn } from "./returns.render";

/*
 * How returns persist to D1: each change is one batch with its lines and its event.
 * Two SQLite triggers (migrations/0010_returns.sql) are the last word when writers race:
 * no return brings back more than its order shipped, and a status only moves forward.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

export type Stored = StoredReturn;

/**
 * The events of a return's arrival, with the return as committed: the times the write
 * assigns are read inside it, so an event never disagrees with the row.
 */
function arrivalWrites(db: Db, stored: Stored): BatchItem[] {
  const { id, tenantId } = stored.row;
  const stamps = (["createdAt", "updatedAt", "receivedAt"] as const).map(
    (key) =>
      [
        `$.row.${key}`,
        sql`(SELECT ${sql.identifier(returns[key].name)} FROM returns WHERE id = ${id})`,
      ] as const,
  );
  return eventStatements(db, tenantId, [
    {
      events: arrivalEvents(stored.row.version),
      resources: [id],
      snapshot: () => patched(stored, stamps),
    },
  ]);
}

const linesOf = (
  returnId: string,
  stage: ReturnLine["stage"],
  items: readonly Placed<ReturnedItem | ReceivedItem>[],
): ReturnLine[] =>
  items.map((item, i) => ({
    returnId,
    stage,
    lineNo: i + 1,
    sku: item.sku,
    orderLineId: item.orderLineId,
    lineId: item.lineId,
    quantity: item.quantity,
    condition: "condition" in item ? item.condition : null,
    restocked: "restocked" in item ? item.restocked : null,
    serials: "serials" in item && item.serials?.length ? item.serials : null,
    lot: "lot" in item ? (item.lot ?? null) : null,
  }));

/**
 * The lines' inserts, sized by D1's limits. With `onlyIf`, lines go in only when it holds
 * and never twice: a create racing its own retry writes them once.
 */
function insertLines(db: Db, lines: readonly ReturnLine[], onlyIf?: SQL): BatchItem[] {
  const rows = lines.map((l) => [
    l.returnId,
    l.stage,
    l.lineNo,
    l.sku,
    l.quantity,
    l.condition,
    l.restocked === null ? null : Number(l.restocked),
    l.orderLineId,
    l.lineId,
    l.serials === null ? null : JSON.stringify(l.serials),
    l.lot,
  ]);
  return chunked(rows).map((group) =>
    statement(
      db,
      sql`INSERT INTO return_lines (return_id, stage, line_no, sku, quantity, condition, restocked, order_line_id, line_id, serials, lot)
      SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8, j.value ->> 9, j.value ->> 10
      FROM ${jsonRows(group)} AS j
      ${onlyIf ? sql`WHERE ${onlyIf} ON CONFLICT DO NOTHING` : sql``}`,
    ),
  );
}

/** The serials that came back, freed to ship again; the write aborts if one is not out. */
const serialsBack = (
  db: Db,
  ret: Pick<ReturnRow, "id" | "tenantId" | "orderId">,
  items: readonly Placed<ReceivedItem>[],
): BatchItem[] => {
  const units = returnedUnits(items);
  if (units.length === 0) return [];
  return returnedStatements(
    db,
    { tenantId: ret.tenantId, orderId: ret.orderId, returnId: ret.id },
    units,
  );
};

async function commit(db: Db, writes: BatchItem[]): Promise<ReturnRow | undefined> {
  const [first, ...rest] = writes;
  if (!first) throw new Error("a return change with nothing to write");
  const [rows] = (await db.batch([first, ...rest])) as [ReturnRow[]];
  return rows[0];
}

/**
 * An RMA: the return and its lines, unless its rma (or its id) is taken, which the
 * caller reads as undefined.
 */
export async function insertExpected(
  db: Db,
  fields: Pick<
    ReturnRow,
    "id" | "tenantId" | "orderId" | "orderNumber" | "rma" | "warehouseId" | "reason" | "requestHash"
  >,
  items: readonly Placed<ReturnedItem>[],
): Promise<Stored | undefined> {
  const stamp = feedStamp("returns", fields.tenantId);
  const lines = linesOf(fields.id, "expected", items);
  const row = await commit(db, [
    db
      .insert(returns)
      .values({ ...fields, status: "expected", version: 1, createdAt: stamp.updatedAt, ...stamp })
      .onConflictDoNothing()
      .returning(),
    ...insertLines(
      db,
      lines,
      sql`EXISTS (SELECT 1 FROM returns WHERE id = ${fields.id} AND request_hash = ${fields.requestHash})`,
    ),
  ]);
  return row ? { row, lines } : undefined;
}

/** The received return's own columns: stock to apply leaves `stock_applied_at` open. */
const receivedColumns = (tenantId: string, restocks: boolean) => {
  const stamp = feedStamp("returns", tenantId);
  return {
    status: "received" as const,
    receivedAt: stamp.updatedAt,
    stockAppliedAt: restocks ? null : NOW,
    ...stamp,
  };
};

/** An expected return becomes received, with its lines and `return.received`, in one batch. */
export async function commitReceipt(
  db: Db,
  before: Stored,
  items: readonly Placed<ReceivedItem>[],
  restocks: boolean,
): Promise<Stored> {
  const { row } = before;
  const lines = [
    ...before.lines.filter((l) => l.stage === "expected"),
    ...linesOf(row.id, "received", items),
  ];
  const version = row.version + 1;
  const received: Stored = { row: { ...row, status: "received", version }, lines };
  const updated = await commit(db, [
    db
      .update(returns)
      .set({ ...receivedColumns(row.tenantId, restocks), version })
      .where(eq(returns.id, row.id))
      .returning(),
    ...insertLines(
      db,
      lines.filter((l) => l.stage === "received"),
    ),
    ...serialsBack(db, row, items),
    ...arrivalWrites(db, received),
  ]);
  if (!updated) throw new Error(`return ${row.id} vanished inside its own receipt`);
  return { row: updated, lines };
}

/** A return the floor records as it arrives: received at once, with `return.received`. */
export async function insertReceived(
  db: Db,
  fields: Pick<
    ReturnRow,
    "id" | "tenantId" | "orderId" | "orderNumber" | "rma" | "warehouseId" | "reason"
  >,
  items: readonly Placed<ReceivedItem>[],
  restocks: boolean,
): Promise<Stored> {
  const columns = receivedColumns(fields.tenantId, restocks);
  const lines = linesOf(fields.id, "received", items);
  const received: Stored = {
    row: {
      ...fields,
      status: "received",
      requestHash: null,
      version: 1,
      receivedAt: null,
      processedAt: null,
      stockAppliedAt: null,
      createdAt: "",
      updatedAt: "",
      changeSeq: 0,
    },
    lines,
  };
  const row = await commit(db, [
    db
      .insert(returns)
      .values({
        ...fields,
        ...columns,
        requestHash: null,
        version: 1,
        createdAt: columns.updatedAt,
      })
      .returning(),
    ...insertLines(db, lines),
    ...serialsBack(db, fields, items),
    ...arrivalWrites(db, received),
  ]);
  if (!row) throw new Error(`return ${fields.id} was not written`);
  return { row, lines };
}

export async function commitProcessed(db: Db, before: Stored): Promise<Stored> {
  const stamp = feedStamp("returns", before.row.tenantId);
  const [[row]] = await db.batch([
    db
      .update(returns)
      .set({
        status: "processed",
        processedAt: stamp.updatedAt,
        version: before.row.version + 1,
        ...stamp,
      })
      .where(eq(returns.id, before.row.id))
      .returning(),
    // Processing is charged once, by the return's id, whoever processes it.
    ...chargeStatements(db, before.row.tenantId, returnFacts(before.row)),
  ]);
  if (!row) throw new Error(`return ${before.row.id} vanished inside its own change`);
  return { row, lines: before.lines };
}

export async function markStockApplied(db: Db, id: string) {
  await db
    .update(returns)
    .set({ stockAppliedAt: NOW })
    .where(and(eq(returns.id, id), isNull(returns.stockAppliedAt)));
}

/**
 * Received returns whose stock is still not applied a minute on, oldest first, with their
 * lines, of tenants not frozen.
 */
export async function stockOverdue(db: Db, limit: number, scope: JobScope): Promise<Stored[]> {
  const rows = await db
    .select()
    .from(returns)
    .where(
      and(
        isNull(returns.stockAppliedAt),
        lt(returns.receivedAt, nowPlus("-1 minute")),
        unfrozen(returns.tenantId, scope),
      ),
    )
    .orderBy(asc(returns.receivedAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const lines = await db
    .select()
    .from(returnLines)
    .where(
      and(
        inList(
          returnLines.returnId,
          rows.map((r) => r.id),
        ),
        eq(returnLines.stage, "received"),
      ),
    );
  return rows.map((row) => ({ row, lines: lines.filter((l) => l.returnId === row.id) }));
}
