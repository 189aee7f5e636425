import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf, statement } from "../db/client";
import { products, serialMovements } from "../db/schema";
import { chunked, inList, jsonRows } from "../db/sql";

/*
 * Serial numbers in D1 (migrations/shard/0017_serials.sql). A serial is out while a claim
 * holds it: a shipment claims its serials in one batch before any stock moves, so of two
 * shipments naming one serial exactly one holds it, and the claim stays until its void or the
 * return that brings the unit back frees it. Movements, written inside the batches of those
 * changes, are the unit's history.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

export interface SerialUnit {
  sku: string;
  serial: string;
}

/** Which of the SKUs are serial-tracked products of the tenant. */
export async function trackedSkus(
  db: Db,
  tenantId: string,
  skus: readonly string[],
): Promise<Set<string>> {
  const unique = [...new Set(skus)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .select({ sku: products.sku })
    .from(products)
    .where(
      and(
        eq(products.tenantId, tenantId),
        inList(products.sku, unique),
        eq(products.serialTracked, true),
      ),
    );
  return new Set(rows.map((r) => r.sku));
}

/**
 * Claims `units` for a shipment and answers those another shipment holds, in one batch (a
 * transaction): a retry of the same shipment finds its own claims and passes again.
 */
export async function claimSerials(
  db: Db,
  holder: { tenantId: string; shipmentId: string; orderId: string },
  units: readonly SerialUnit[],
): Promise<SerialUnit[]> {
  const { tenantId, shipmentId, orderId } = holder;
  const groups = chunked(units.map((u) => [u.sku, u.serial]));
  const writes = groups.map((group) =>
    statement(
      db,
      sql`INSERT INTO serial_claims (tenant_id, sku, serial, shipment_id, order_id)
        SELECT ${tenantId}, j.value ->> 0, j.value ->> 1, ${shipmentId}, ${orderId}
        FROM ${jsonRows(group)} AS j WHERE 1
        ON CONFLICT DO NOTHING`,
    ),
  );
  const reads = groups.map((group) =>
    rowsOf<SerialUnit>(
      db,
      sql`SELECT c.sku AS sku, c.serial AS serial FROM ${jsonRows(group)} AS j
        JOIN serial_claims AS c ON c.tenant_id = ${tenantId} AND c.sku = j.value ->> 0
          AND c.serial = j.value ->> 1
        WHERE c.shipment_id != ${shipmentId}`,
    ),
  );
  const [first, ...rest] = [...writes, ...reads];
  if (!first) return [];
  const results = await db.batch([first, ...rest]);
  return (results.slice(writes.length) as SerialUnit[][]).flat();
}

/** Frees what a shipment claimed: one that was refused, or never committed. */
export async function releaseSerials(db: Db, shipmentId: string) {
  await db.run(sql`DELETE FROM serial_claims WHERE shipment_id = ${shipmentId}`);
}

/** In a shipment's write: its serials left, as its claims say, and are no longer in stock. */
export const shippedStatements = (db: Db, shipmentId: string): BatchItem[] => [
  statement(
    db,
    sql`INSERT INTO serial_movements (tenant_id, sku, serial, kind, shipment_id, order_id)
      SELECT tenant_id, sku, serial, 'shipped', shipment_id, order_id FROM serial_claims
      WHERE shipment_id = ${shipmentId}`,
  ),
  statement(
    db,
    sql`DELETE FROM serial_stock WHERE (tenant_id, sku, serial) IN (
      SELECT tenant_id, sku, serial FROM serial_claims WHERE shipment_id = ${shipmentId})`,
  ),
];

/** In a void's write: the shipment's serials stayed in the warehouse, and may ship again. */
export const voidedStatements = (db: Db, shipmentId: string): BatchItem[] => [
  statement(
    db,
    sql`INSERT INTO serial_movements (tenant_id, sku, serial, kind, shipment_id, order_id)
      SELECT tenant_id, sku, serial, 'voided', shipment_id, order_id FROM serial_claims
      WHERE shipment_id = ${shipmentId}`,
  ),
  statement(
    db,
    sql`INSERT INTO serial_stock (tenant_id, sku, serial)
      SELECT tenant_id, sku, serial FROM serial_claims WHERE shipment_id = ${shipmentId}
      ON CONFLICT DO NOTHING`,
  ),
  statement(db, sql`DELETE FROM serial_claims WHERE shipment_id = ${shipmentId}`),
];

/**
 * Which of `units` are taken: in the warehouse already, or out on a shipment. A receipt of
 * one is refused: a serial names one unit.
 */
export async function takenSerials(
  db: Db,
  tenantId: string,
  units: readonly SerialUnit[],
): Promise<{ inStock: Set<string>; out: Set<string> }> {
  const groups = chunked(units.map((u) => [u.sku, u.serial]));
  const reads = groups.flatMap((group) => [
    rowsOf<SerialUnit>(
      db,
      sql`SELECT s.sku AS sku, s.serial AS serial FROM ${jsonRows(group)} AS j
        JOIN serial_stock AS s ON s.tenant_id = ${tenantId} AND s.sku = j.value ->> 0
          AND s.serial = j.value ->> 1`,
    ),
    rowsOf<SerialUnit>(
      db,
      sql`SELECT c.sku AS sku, c.serial AS serial FROM ${jsonRows(group)} AS j
        JOIN serial_claims AS c ON c.tenant_id = ${tenantId} AND c.sku = j.value ->> 0
          AND c.serial = j.value ->> 1`,
    ),
  ]);
  const [first, ...rest] = reads;
  if (!first) return { inStock: new Set(), out: new Set() };
  const results = (await db.batch([first, ...rest])) as SerialUnit[][];
  const keys = (odd: number) =>
    new Set(
      results
        .filter((_, i) => i % 2 === odd)
        .flat()
        .map(unitKey),
    );
  return { inStock: keys(0), out: keys(1) };
}

/**
 * In a receipt's write (when `onlyIf` holds: the request that counted it): its serials are in
 * stock, each a `received` movement. The primary key fails the write when a racing receipt
 * took one first.
 */
export function receivedStatements(
  db: Db,
  receipt: { tenantId: string; receiptId: string },
  units: readonly SerialUnit[],
  onlyIf: SQL,
): BatchItem[] {
  return chunked(units.map((u) => [u.sku, u.serial])).flatMap((group) => [
    statement(
      db,
      sql`INSERT INTO serial_stock (tenant_id, sku, serial)
        SELECT ${receipt.tenantId}, j.value ->> 0, j.value ->> 1 FROM ${jsonRows(group)} AS j
        WHERE ${onlyIf}`,
    ),
    statement(
      db,
      sql`INSERT INTO serial_movements (tenant_id, sku, serial, kind, order_id, receipt_id)
        SELECT ${receipt.tenantId}, j.value ->> 0, j.value ->> 1, 'received', '', ${receipt.receiptId}
        FROM ${jsonRows(group)} AS j WHERE ${onlyIf}`,
    ),
  ]);
}

/**
 * In a return's write: each unit back from the order, recorded and freed by the view's
 * trigger, which aborts the write (`serial_not_out`) when one is not out on that order.
 */
export function returnedStatements(
  db: Db,
  ret: { tenantId: string; orderId: string; returnId: string },
  units: readonly SerialUnit[],
): BatchItem[] {
  return chunked(units.map((u) => [u.sku, u.serial])).flatMap((group) => [
    statement(
      db,
      sql`INSERT INTO serial_returns (tenant_id, sku, serial, order_id, return_id)
        SELECT ${ret.tenantId}, j.value ->> 0, j.value ->> 1, ${ret.orderId}, ${ret.returnId}
        FROM ${jsonRows(group)} AS j`,
    ),
    // Back in the warehouse, whatever its grade.
    statement(
      db,
      sql`INSERT INTO serial_stock (tenant_id, sku, serial)
        SELECT ${ret.tenantId}, j.value ->> 0, j.value ->> 1 FROM ${jsonRows(group)} AS j
        WHERE true ON CONFLICT DO NOTHING`,
    ),
  ]);
}

/**
 * What a return needs to know of its serials, in one round trip: which SKUs are serial
 * tracked, and which of the units named are out on the order.
 */
export async function serialFacts(
  db: Db,
  tenantId: string,
  orderId: string,
  skus: readonly string[],
  units: readonly SerialUnit[],
): Promise<{ tracked: Set<string>; out: Set<string> }> {
  const [tracked, out] = await Promise.all([
    trackedSkus(db, tenantId, skus),
    outOnOrder(db, tenantId, orderId, units),
  ]);
  return { tracked, out };
}

/** `sku` and `serial` as one key. */
export const unitKey = (u: SerialUnit) => JSON.stringify([u.sku, u.serial]);

async function outOnOrder(
  db: Db,
  tenantId: string,
  orderId: string,
  units: readonly SerialUnit[],
): Promise<Set<string>> {
  const groups = chunked(units.map((u) => [u.sku, u.serial]));
  const [first, ...rest] = groups.map((group) =>
    rowsOf<SerialUnit>(
      db,
      sql`SELECT c.sku AS sku, c.serial AS serial FROM ${jsonRows(group)} AS j
        JOIN serial_claims AS c ON c.tenant_id = ${tenantId} AND c.sku = j.value ->> 0
          AND c.serial = j.value ->> 1
        WHERE c.order_id = ${orderId}`,
    ),
  );
  if (!first) return new Set();
  const results = (await db.batch([first, ...rest])) as SerialUnit[][];
  return new Set(results.flat().map(unitKey));
}

/** Every movement of one of the tenant's serials, oldest first; empty for one never seen. */
export const movementsOf = (db: Db, tenantId: string, unit: SerialUnit) =>
  db
    .select()
    .from(serialMovements)
    .where(
      and(
        eq(serialMovements.tenantId, tenantId),
        eq(serialMovements.sku, unit.sku),
        eq(serialMovements.serial, unit.serial),
      ),
    )
    .orderBy(asc(serialMovements.seq));
