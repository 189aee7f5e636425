// What one order stores in its shard, read from the database file's size (D1's
// `meta.size_after`). The bench (bench/capacity.mjs) and test/api/order-bytes.test.ts run the
// same order's life and read it the same way. Local D1 runs SQLite with auto-vacuum: rows
// deleted give their pages back and the file shrinks by what they held, which is how the
// bytes kept after events and deliveries expire, and the breakdown by table and index, are
// read. Plain JavaScript, so Node (the bench) and the Workers test pool both import it.
import { TENANT_TABLES, whereFor } from "../scripts/tenant-copy.mjs";

/** Issue 19's ceilings per order: everything, and what stays once events and deliveries go. */
export const ORDER_BYTES_TARGETS = { allIn: 9_000, kept: 4_000 };

/** What the retention cron archives and deletes after its window (src/retention). */
export const TRANSIENT_TABLES = ["webhook_attempts", "webhook_deliveries", "events"];

/** SQLite's page: a table or index that exists holds at least one. */
const PAGE = 4096;

/** The database file's size in bytes. */
export async function dbBytes(db) {
  const { meta } = await db.prepare("SELECT 1").run();
  return Number(meta.size_after ?? Number.NaN);
}

/** The typical order: two lines, the least address that can be delivered, an Idempotency-Key. */
export const orderRequest = ({ prefix, i, skus, warehouseId, shippingMethodId }) => ({
  body: {
    order_number: `SO-CAP-${i}`,
    reference: `${prefix}-${i}`,
    warehouse_id: warehouseId,
    shipping_method_id: shippingMethodId,
    ship_to: {
      name: "A",
      address1: "1 St",
      city: "Sydney",
      state: "NSW",
      postcode: "2000",
      country: "AU",
    },
    items: skus.map((sku) => ({ sku, quantity: 1 })),
  },
  idempotencyKey: `cap-${prefix}-${i}`,
});

/** Its shipment: every line in one parcel, with an Idempotency-Key. */
export const shipmentRequest = ({ prefix, i, orderId, skus }) => ({
  body: {
    order_id: orderId,
    parcels: [
      {
        tracking_number: `CAP${String(i).padStart(9, "0")}AU`,
        carrier: "auspost",
        service: "Express Post",
      },
    ],
    items: skus.map((sku) => ({ sku, quantity: 1 })),
  },
  idempotencyKey: `cap-ship-${prefix}-${i}`,
});

const tableSpec = (table) => {
  const spec = TENANT_TABLES.find((t) => t.table === table);
  if (!spec) throw new Error(`${table} is not a tenant table`);
  return spec;
};

/** Deletes the tenant's events and deliveries, as retention does once they expire. */
export async function expireTransient(db, tenantId) {
  await db.batch(
    TRANSIENT_TABLES.map((table) =>
      db.prepare(`DELETE FROM ${table} WHERE ${whereFor(tableSpec(table).where, tenantId)}`),
    ),
  );
}

/**
 * Bytes per order of each tenant table: its rows, and each of its indexes, of a tenant that
 * holds `orders` orders and little else. The transient tables go first, so what they free is
 * what expiring them frees. Drops the database's indexes and the tenant's rows: the last
 * thing done to a database.
 */
export async function breakdown(db, tenantId, orders) {
  const out = {};
  const tables = [...TENANT_TABLES]
    .reverse()
    .filter((t) => !t.derived)
    .sort((a, b) => TRANSIENT_TABLES.includes(b.table) - TRANSIENT_TABLES.includes(a.table));
  for (const { table, where } of tables) {
    const parts = {};
    const { results } = await db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
      )
      .bind(table)
      .all();
    for (const { name } of results) {
      const before = await dbBytes(db);
      await db.prepare(`DROP INDEX "${name}"`).run();
      // The index's root page was there before the orders.
      parts[name] = (before - (await dbBytes(db)) - PAGE) / orders;
    }
    const before = await dbBytes(db);
    await db.prepare(`DELETE FROM ${table} WHERE ${whereFor(where, tenantId)}`).run();
    parts.rows = (before - (await dbBytes(db))) / orders;
    out[table] = parts;
  }
  return out;
}
