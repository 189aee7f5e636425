import { eq, type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/client";
import { returnLines, returns } from "../db/schema";
import { inList } from "../db/sql";
import type { OrderFacts } from "./return-rules";
import type { ReturnRow, StoredReturn } from "./returns.render";

/*
 * How returns and the facts of their orders are read: each read a caller needs before it
 * decides is one round trip, whatever the number of lines.
 */

type Stored = StoredReturn;

/** The tenant's return, or any tenant's for a platform key (`tenantId` null). */
const ofCaller = (tenantId: string | null, id: string): SQL =>
  tenantId ? sql`${returns.id} = ${id} AND ${returns.tenantId} = ${tenantId}` : eq(returns.id, id);

async function findWhere(db: Db, where: SQL): Promise<Stored | undefined> {
  const [rows, lines] = await db.batch([
    db.select().from(returns).where(where),
    db
      .select()
      .from(returnLines)
      .where(sql`${returnLines.returnId} IN (SELECT ${returns.id} FROM ${returns} WHERE ${where})`),
  ]);
  const row = rows[0];
  return row ? { row, lines } : undefined;
}

export const findReturn = (db: Db, tenantId: string | null, id: string) =>
  findWhere(db, ofCaller(tenantId, id));

export const findByRma = (db: Db, tenantId: string, rma: string) =>
  findWhere(db, sql`${returns.tenantId} = ${tenantId} AND ${returns.rma} = ${rma}`);

/**
 * The order a return names (the caller's own unless `tenantId` is null), its lines, what its
 * live shipments carried and what its returns already brought back, per order line, as one
 * JSON value.
 */
export const orderFactsJson = (orderId: SQL | string, tenantId: string | null) => sql`json_object(
  'order', (SELECT json_object('id', o.id, 'tenantId', o.tenant_id, 'orderNumber', o.order_number,
      'warehouseId', o.warehouse_id)
    FROM orders AS o WHERE o.id = ${orderId} ${tenantId ? sql`AND o.tenant_id = ${tenantId}` : sql``}),
  'lines', json((SELECT json_group_array(json_object('id', l.id, 'lineId', l.line_id,
      'lineNo', l.line_no, 'sku', l.sku, 'quantity', l.quantity))
    FROM order_lines AS l WHERE l.order_id = ${orderId})),
  'shipped', json((SELECT json_group_array(json_array(line, units)) FROM (
    SELECT i.order_line_id AS line, SUM(i.quantity) AS units FROM shipment_items AS i
    WHERE i.shipment_id IN (SELECT s.id FROM shipments AS s WHERE s.order_id = ${orderId} AND s.voided = 0)
    GROUP BY i.order_line_id))),
  'returned', json((SELECT json_group_array(json_array(line, units)) FROM (
    SELECT l.order_line_id AS line, SUM(l.quantity) AS units FROM return_lines AS l
    WHERE l.stage = 'received' AND l.return_id IN (SELECT r.id FROM returns AS r WHERE r.order_id = ${orderId})
    GROUP BY l.order_line_id))))`;

/** The facts as `orderFactsJson` writes them. */
export interface FactsJson {
  order: OrderFacts["order"];
  lines: OrderFacts["lines"];
  shipped: [string, number][];
  returned: [string, number][];
}

export const factsOf = (raw: FactsJson): OrderFacts => ({
  order: raw.order,
  lines: raw.lines,
  shipped: new Map(raw.shipped),
  returned: new Map(raw.returned),
});

export const parseFacts = (json: string) => factsOf(JSON.parse(json) as FactsJson);

/** The return and the facts of its order, read together, before a change is decided. */
export async function findReturnWithFacts(db: Db, tenantId: string | null, id: string) {
  const [rows, lines, [facts]] = await db.batch([
    db.select().from(returns).where(ofCaller(tenantId, id)),
    db.select().from(returnLines).where(eq(returnLines.returnId, id)),
    rowsOf<{ facts: string }>(
      db,
      sql`SELECT ${orderFactsJson(sql`(SELECT order_id FROM returns WHERE id = ${id})`, null)} AS facts`,
    ),
  ] as const);
  const row = rows[0];
  if (!row || !facts) return undefined;
  return { row, lines, facts: parseFacts(facts.facts) };
}

/**
 * What recording a return on arrival needs, in one round trip: the return if a retry of
 * the request already wrote it, the order's facts and the warehouse as resolved.
 */
export async function recordingState(
  db: Db,
  tenantId: string | null,
  ids: { returnId: string; orderId: string; warehouseId: string },
) {
  const [rows, lines, [refs]] = await db.batch([
    db.select().from(returns).where(ofCaller(tenantId, ids.returnId)),
    db.select().from(returnLines).where(eq(returnLines.returnId, ids.returnId)),
    rowsOf<{ facts: string; warehouse: string | null }>(
      db,
      sql`SELECT ${orderFactsJson(ids.orderId, tenantId)} AS facts,
        (SELECT id FROM warehouses WHERE id = ${ids.warehouseId}) AS warehouse`,
    ),
  ] as const);
  if (!refs) throw new Error("return facts read back nothing");
  const row = rows[0];
  return {
    existing: row ? { row, lines } : undefined,
    facts: parseFacts(refs.facts),
    warehouse: refs.warehouse,
  };
}

/** The facts of an order as they are now, after a trigger refused a write made on older ones. */
export async function currentFacts(db: Db, orderId: string): Promise<OrderFacts> {
  const { facts } = await db.get<{ facts: string }>(
    sql`SELECT ${orderFactsJson(orderId, null)} AS facts`,
  );
  return parseFacts(facts);
}

/** Returns with their lines, in the given order, in one round trip whatever their number. */
export async function readReturns(db: Db, rows: ReturnRow[]): Promise<Stored[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .select()
    .from(returnLines)
    .where(
      inList(
        returnLines.returnId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((row) => ({ row, lines: lines.filter((l) => l.returnId === row.id) }));
}
