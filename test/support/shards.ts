import { env } from "cloudflare:test";
import { TENANT_TABLES, whereFor } from "../../scripts/tenant-copy.mjs";
import { shards, tenantShard } from "../../src/db/shards";

/** The D1 database that holds `tenantId`'s data: its shard, as the API finds it. */
export const dataOf = async (tenantId: string): Promise<D1Database> =>
  (await tenantShard(env, tenantId)).d1;

/** Every shard's database, for what a test does to all tenants' data at once. */
export const everyShard = (): D1Database[] => shards(env).map((s) => s.d1);

/**
 * Every row `tenantId` has in `db`, by table: the rows a move copies (scripts/tenant-copy.mjs),
 * so a frozen tenant's snapshot before and after some background work shows whether that work
 * wrote anything the copy would miss. Each table's rows in one fixed order, whatever order
 * its indexes return them in.
 */
export async function tenantRows(db: D1Database, tenantId: string) {
  const tables = await Promise.all(
    TENANT_TABLES.map(async ({ table, where }) => {
      const { results } = await db
        .prepare(`SELECT * FROM ${table} WHERE ${whereFor(where, tenantId)}`)
        .all<Record<string, unknown>>();
      const keyed = results.map((row) => [JSON.stringify(row), row] as const);
      keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return [table, keyed.map(([, row]) => row)] as const;
    }),
  );
  return Object.fromEntries(tables);
}

/**
 * SQL for the snapshot an `order.*` event stores (src/db/events.ts): an order with no lines,
 * for events written straight to a shard's outbox. `id` and `tenant` are SQL expressions.
 */
export const orderSnapshotSql = (id: string, tenant: string) => `json_object(
  'order', json_object('id', ${id}, 'tenantId', ${tenant}, 'orderNumber', ${id},
    'reference', ${id}, 'orderDate', NULL, 'warehouseId', 'wh_syd_1', 'shippingMethodId', NULL,
    'shippingMethod', NULL, 'signatureRequired', json('false'), 'insurance', json('false'),
    'giftMessage', NULL, 'packingNote', NULL,
    'shipTo', json_object('name', 'Test', 'address1', '1 Test St', 'city', 'Sydney', 'country', 'AU'),
    'status', 'received', 'holdReason', NULL, 'cancelReason', NULL, 'priority', 1, 'version', 1,
    'createdAt', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'updatedAt', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    'cancelledAt', NULL, 'changeSeq', 1),
  'lines', json_array(), 'shipments', json_array())`;
