import { env } from "cloudflare:test";
import { shards, tenantShard } from "../../src/db/shards";

/** The D1 database that holds `tenantId`'s data: its shard, as the API finds it. */
export const dataOf = async (tenantId: string): Promise<D1Database> =>
  (await tenantShard(env, tenantId)).d1;

/** Every shard's database, for what a test does to all tenants' data at once. */
export const everyShard = (): D1Database[] => shards(env).map((s) => s.d1);

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
