import { getTableColumns, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type ArchivedOrder, orderArchiveKey } from "../db/archived-orders";
import { inTime, type JobScope, UNSCOPED, unfrozen } from "../db/background";
import { type Db, rowsOf, statement } from "../db/client";
import {
  orderHistory,
  orderLines,
  orders,
  orderTerms,
  returnLines,
  returns,
  shipmentItems,
  shipmentParcels,
  shipments,
} from "../db/schema";
import { jsonRows, NOW } from "../db/sql";
import { orderObject } from "../durable/stubs";
import { sha256Hex, toHex } from "../lib/crypto";
import { hotWindowStart } from "./retention.window";

/*
 * Orders leave D1 once they have stayed ORDER_HOT_DAYS in a final state (shipped or
 * cancelled) with nothing of theirs changing: no shipment update, no return still moving
 * stock, no operation parked for an operator. Each goes to R2 whole, as one object
 * (src/db/archived-orders.ts), and is deleted only once that object is read back as
 * written, and only if none of its rows changed since they were read: the delete compares
 * each order's fingerprint with the one read, so an order that moved meanwhile stays whole
 * and a later run archives it as it then is. The same batch leaves the tombstones reads find
 * it by; the reference stays claimed in `order_references`. Before the delete its order object
 * drops what it holds in memory, and a change it decided earlier that commits after the
 * delete fails whole on the tombstone (migrations/shard/0007_order_archive.sql).
 */

/** Orders read, put and deleted at once: each is held in memory as rows and as JSON. */
export const ORDERS_PER_PAGE = 25;
/** Per run: bounds the unit's statements (20 a page) and R2 writes, whatever the backlog. */
export const ORDER_PAGES_PER_RUN = 2;

/**
 * What changes when anything of the order does: its version, each shipment's and return's
 * version and time (parcels and items change only with their shipment), its history's length.
 */
const fingerprint = (order: SQL) => sql`${order}.version || '/' || ${order}.updated_at
  || '/' || (SELECT COUNT(*) || ':' || COALESCE(SUM(s.version), 0) || ':' || COALESCE(MAX(s.updated_at), '')
    FROM shipments AS s WHERE s.order_id = ${order}.id)
  || '/' || (SELECT COUNT(*) || ':' || COALESCE(SUM(r.version), 0) || ':' || COALESCE(MAX(r.updated_at), '')
    FROM returns AS r WHERE r.order_id = ${order}.id)
  || '/' || (SELECT COUNT(*) FROM order_history AS h WHERE h.order_id = ${order}.id)`;

/**
 * What makes order `o` due. A return received but not yet on the shelf, or a parked
 * operation, keeps its order hot.
 */
const isDue = (cutoff: string, scope: JobScope) => sql`o.status IN ('shipped', 'cancelled')
  AND o.updated_at < ${cutoff} AND ${unfrozen(sql`o.tenant_id`, scope)}
  AND NOT EXISTS (SELECT 1 FROM shipments AS s WHERE s.order_id = o.id AND s.updated_at >= ${cutoff})
  AND NOT EXISTS (SELECT 1 FROM returns AS r WHERE r.order_id = o.id
    AND (r.updated_at >= ${cutoff} OR (r.received_at IS NOT NULL AND r.stock_applied_at IS NULL)))
  AND NOT EXISTS (SELECT 1 FROM stuck_operations AS p WHERE p.status = 'parked' AND p.order_id = o.id)`;

/** `orders AS o`, the name every condition above reads it by. */
const o = alias(orders, "o");

interface Read {
  object: ArchivedOrder;
  fingerprint: string;
}

/**
 * One page of due orders, whole. The ids come first (by the partial index of final orders,
 * oldest last change first), then every row of theirs in one batch, so all are of the same
 * moment; an order no longer due by then is left out.
 */
async function readDue(db: Db, cutoff: string, scope: JobScope): Promise<Read[]> {
  const ids = (
    await rowsOf<{ id: string }>(
      db,
      sql`SELECT o.id FROM orders AS o WHERE ${isDue(cutoff, scope)}
        ORDER BY o.updated_at, o.id LIMIT ${ORDERS_PER_PAGE}`,
    )
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  const listed = sql`SELECT value FROM ${jsonRows(ids)}`;
  const ofShipments = sql`SELECT id FROM shipments WHERE order_id IN (${listed})`;
  const ofReturns = sql`SELECT id FROM returns WHERE order_id IN (${listed})`;
  const [rows, terms, lines, history, shipmentRows, parcels, items, returnRows, returnLineRows] =
    await db.batch([
      db
        .select({ ...getTableColumns(o), fingerprint: sql<string>`${fingerprint(sql`o`)}` })
        .from(o)
        .where(sql`o.id IN (${listed}) AND ${isDue(cutoff, scope)}`)
        .orderBy(o.updatedAt, o.id),
      db.select().from(orderTerms).where(sql`${orderTerms.orderId} IN (${listed})`),
      db.select().from(orderLines).where(sql`${orderLines.orderId} IN (${listed})`),
      db.select().from(orderHistory).where(sql`${orderHistory.orderId} IN (${listed})`),
      db.select().from(shipments).where(sql`${shipments.orderId} IN (${listed})`),
      db
        .select()
        .from(shipmentParcels)
        .where(sql`${shipmentParcels.shipmentId} IN (${ofShipments})`),
      db.select().from(shipmentItems).where(sql`${shipmentItems.shipmentId} IN (${ofShipments})`),
      db.select().from(returns).where(sql`${returns.orderId} IN (${listed})`),
      db.select().from(returnLines).where(sql`${returnLines.returnId} IN (${ofReturns})`),
    ]);
  // Fixed orders, so the same rows always make the same object.
  const oldestFirst = (
    a: { createdAt: string; id: string },
    b: { createdAt: string; id: string },
  ) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  return rows.map(({ fingerprint: print, ...order }) => ({
    fingerprint: print,
    object: {
      format: 2,
      order: { ...order, terms: terms.find((t) => t.orderId === order.id)?.terms ?? null },
      lines: lines.filter((l) => l.orderId === order.id).sort((a, b) => a.lineNo - b.lineNo),
      history: history.filter((h) => h.orderId === order.id).sort((a, b) => a.seq - b.seq),
      shipments: shipmentRows
        .filter((s) => s.orderId === order.id)
        .sort(oldestFirst)
        .map((row) => ({
          row,
          parcels: parcels
            .filter((p) => p.shipmentId === row.id)
            .sort((a, b) => a.position - b.position),
          items: items
            .filter((i) => i.shipmentId === row.id)
            .sort((a, b) => a.sku.localeCompare(b.sku)),
        })),
      returns: returnRows
        .filter((r) => r.orderId === order.id)
        .sort(oldestFirst)
        .map((row) => ({
          row,
          lines: returnLineRows
            .filter((l) => l.returnId === row.id)
            .sort((a, b) => a.stage.localeCompare(b.stage) || a.lineNo - b.lineNo),
        })),
    },
  }));
}

/**
 * Puts the order's object and reads its checksum back: R2 refuses a body that does not match
 * the SHA-256 sent with it, and the read-back proves the object now there is this one.
 */
async function store(bucket: R2Bucket, { object }: Read) {
  const key = orderArchiveKey(object.order.tenantId, object.order.id);
  const body = JSON.stringify(object);
  const sha256 = await sha256Hex(body);
  const put = await bucket.put(key, body, {
    sha256,
    httpMetadata: { contentType: "application/json" },
    customMetadata: { tenant: object.order.tenantId, order: object.order.id },
  });
  if (!put) throw new Error(`R2 did not store ${key}`);
  const stored = await bucket.head(key);
  const storedSha = stored?.checksums.sha256;
  if (!storedSha || toHex(storedSha) !== sha256) {
    throw new Error(`R2 holds another ${key} than the one put`);
  }
}

/**
 * Deletes the orders written, each only if its fingerprint is still the one read, and leaves
 * their tombstones, in one transaction. Answers the ids it archived.
 */
async function remove(db: Db, written: readonly Read[]): Promise<string[]> {
  const pairs = jsonRows(written.map((r) => [r.object.order.id, r.fingerprint]));
  const marked = sql`SELECT a.order_id FROM ${jsonRows(written.map((r) => r.object.order.id))} AS j
    CROSS JOIN archived_orders AS a ON a.order_id = j.value`;
  const ofShipments = sql`SELECT id FROM shipments WHERE order_id IN (${marked})`;
  const [archived] = await db.batch([
    rowsOf<{ order_id: string }>(
      db,
      sql`INSERT INTO archived_orders (order_id, tenant_id, archived_at)
        SELECT o.id, o.tenant_id, ${NOW} FROM ${pairs} AS j CROSS JOIN orders AS o ON o.id = j.value ->> 0
        WHERE ${fingerprint(sql`o`)} = j.value ->> 1
        RETURNING order_id`,
    ),
    statement(
      db,
      sql`INSERT INTO archived_shipments (shipment_id, order_id)
        SELECT id, order_id FROM shipments WHERE order_id IN (${marked})`,
    ),
    statement(
      db,
      sql`INSERT INTO archived_returns (return_id, order_id, tenant_id, rma)
        SELECT id, order_id, tenant_id, rma FROM returns WHERE order_id IN (${marked})`,
    ),
    statement(db, sql`DELETE FROM shipment_parcels WHERE shipment_id IN (${ofShipments})`),
    statement(db, sql`DELETE FROM shipment_items WHERE shipment_id IN (${ofShipments})`),
    statement(db, sql`DELETE FROM shipments WHERE order_id IN (${marked})`),
    statement(
      db,
      sql`DELETE FROM return_lines WHERE return_id IN (SELECT id FROM returns WHERE order_id IN (${marked}))`,
    ),
    statement(db, sql`DELETE FROM returns WHERE order_id IN (${marked})`),
    statement(db, sql`DELETE FROM order_lines WHERE order_id IN (${marked})`),
    statement(db, sql`DELETE FROM order_terms WHERE order_id IN (${marked})`),
    statement(db, sql`DELETE FROM order_history WHERE order_id IN (${marked})`),
    statement(db, sql`DELETE FROM orders WHERE id IN (${marked})`),
  ]);
  return archived.map((r) => r.order_id);
}

/**
 * The cron job, for one shard: up to ORDER_PAGES_PER_RUN pages of due orders, frozen tenants'
 * left alone. Orders whose put failed stay whole in D1 and the job fails with the reasons,
 * after deleting those that were stored. `more`: it stopped at its bounds with orders due.
 */
export async function archiveOrders(
  env: Env,
  db: Db,
  now = Date.now(),
  { scope = UNSCOPED } = {},
): Promise<{ archived: number; more: boolean }> {
  const cutoff = hotWindowStart(env, now);
  let archived = 0;
  let more = true;
  for (let page = 0; more && page < ORDER_PAGES_PER_RUN && inTime(scope); page++) {
    const read = await readDue(db, cutoff, scope);
    const stored = await Promise.allSettled(
      read.map(async (r) => {
        await store(env.ARCHIVE, r);
        // Its object must not decide a change from memory once the rows are gone.
        await orderObject(env, r.object.order.tenantId, r.object.order.id).forget();
      }),
    );
    const written = read.filter((_, i) => stored[i]?.status === "fulfilled");
    const gone = written.length > 0 ? (await remove(db, written)).length : 0;
    archived += gone;
    const failed = stored.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
    if (failed.length > 0) {
      throw new AggregateError(failed, `orders: ${failed.length} archive puts failed`);
    }
    // A page whose orders all changed meanwhile would be read again as it is: stop there.
    more = read.length === ORDERS_PER_PAGE && gone > 0;
  }
  return { archived, more };
}
