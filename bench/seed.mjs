// What the bench runs against: the reference data and products of fixtures/seed.json
// (the one seed `npm run dev` and the tests use), bench tenants with keys that are never
// rate limited, stock, and bulk rows written straight into D1 where the API would take
// too long to build them (a 500-SKU catalog, 10,000 waiting orders, 100,000 shipments).
import { readFileSync } from "node:fs";

export const SEED = JSON.parse(readFileSync("fixtures/seed.json", "utf8"));

/** Every order the bench creates ships from the seed's first warehouse. */
export const WAREHOUSE = SEED.warehouses[0].id;
/** The two catalog SKUs of the two-line create. */
export const CREATE_SKUS = SEED.products.slice(0, 2).map((p) => p.sku);
export const CREATE_STOCK = 1_000_000;

export const SHIP_TO = {
  name: "Bench Buyer",
  address1: "9 Dock St",
  city: "Melbourne",
  state: "VIC",
  postcode: "3000",
  country: "AU",
};

export const orderBody = (reference, items) => ({
  order_number: `SO-${reference}`,
  reference,
  warehouse_id: WAREHOUSE,
  ship_to: SHIP_TO,
  items,
});

/** The stock object's name for a row (src/inventory/stock-store.ts `stockName`). */
export const stockName = (tenantId, warehouseId, sku) =>
  `${tenantId}/${warehouseId}/${encodeURIComponent(sku)}`;

/** The seed's warehouses and shipping methods, through the admin API. */
export async function referenceData(client, adminToken) {
  for (const w of SEED.warehouses) {
    await client.expect(201, "POST", "/admin/v1/warehouses", adminToken, w);
  }
  for (const m of SEED.shipping_methods) {
    await client.expect(201, "POST", "/admin/v1/shipping-methods", adminToken, m);
  }
}

/** A tenant and a key whose rate limit the bench never reaches. */
export async function tenant(client, adminToken, name) {
  const { body: t } = await client.expect(201, "POST", "/admin/v1/tenants", adminToken, { name });
  const { body: k } = await client.expect(
    201,
    "POST",
    `/admin/v1/tenants/${t.id}/api-keys`,
    adminToken,
    { name: "bench", rate_limit_per_minute: 1_000_000 },
  );
  return { id: t.id, key: k.key, shard: t.shard };
}

/** Catalog products through the API: the seed's by default, or `{ sku, name }` ones. */
export async function products(client, key, list = SEED.products) {
  for (const { stock_per_warehouse: _, ...product } of list) {
    await client.expect(201, "POST", "/v1/products", key, product);
  }
}

/** Units on the shelf through the API, as a counted adjustment. */
export async function stock(client, key, sku, units, warehouseId = WAREHOUSE) {
  await client.expect(201, "POST", "/v1/ops/inventory-adjustments", key, {
    sku,
    warehouse_id: warehouseId,
    quantity_delta: units,
    reason: "found",
    note: "bench stock",
  });
}

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

async function nextSeq(db, table, tenantId) {
  const row = await db
    .prepare(`SELECT COALESCE(MAX(change_seq), 0) AS seq FROM ${table} WHERE tenant_id = ?`)
    .bind(tenantId)
    .first();
  return row.seq;
}

/**
 * Catalog products and their stock rows straight into D1, as the API would leave them
 * (feed stamps included): `onHand` units on the shelf and `backordered` units waiting.
 * Stock objects load their row from D1 when they first wake, so none may have woken yet.
 */
export async function catalogInD1(db, tenantId, skus, { onHand, backordered = 0 }) {
  for (let i = 0; i < skus.length; i += 200) {
    const chunk = JSON.stringify(skus.slice(i, i + 200));
    const productSeq = await nextSeq(db, "products", tenantId);
    const skuSeq = await nextSeq(db, "inventory_skus", tenantId);
    await db.batch([
      db
        .prepare(
          `INSERT INTO products (id, tenant_id, sku, name, version, created_at, updated_at, change_seq)
           SELECT 'prd_bench' || printf('%08d', ?2 + j.key), ?1, j.value, 'Bench ' || j.value, 1,
             ${NOW}, ${NOW}, ?2 + j.key + 1
           FROM json_each(?3) AS j`,
        )
        .bind(tenantId, productSeq, chunk),
      db
        .prepare(
          `INSERT INTO inventory (tenant_id, warehouse_id, sku, on_hand, allocated, backordered, version, updated_at)
           SELECT ?1, ?2, j.value, ?3, 0, ?4, 1, ${NOW} FROM json_each(?5) AS j`,
        )
        .bind(tenantId, WAREHOUSE, onHand, backordered, chunk),
      db
        .prepare(
          `INSERT INTO inventory_skus (tenant_id, sku, updated_at, change_seq)
           SELECT ?1, j.value, ${NOW}, ?2 + j.key + 1 FROM json_each(?3) AS j`,
        )
        .bind(tenantId, skuSeq, chunk),
    ]);
  }
}

/**
 * `count` one-unit demands waiting ('backordered') on one SKU, straight into
 * `stock_demands`. Their priorities are negative: older than any order this run creates,
 * as waiting orders are, so new orders join the end of the queue.
 */
export async function waitingDemands(db, tenantId, sku, count) {
  await db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?4)
       INSERT INTO stock_demands (tenant_id, warehouse_id, sku, order_id, quantity, status, priority, seq)
       SELECT ?1, ?2, ?3, 'ord_benchwait' || printf('%07d', i), 1, 'backordered', i - ?4 - 1, 1
       FROM n`,
    )
    .bind(tenantId, WAREHOUSE, sku, count)
    .run();
}

/** The stock row's version: one more for each D1 commit its stock object makes. */
export async function stockVersion(db, tenantId, sku) {
  const row = await db
    .prepare("SELECT version FROM inventory WHERE tenant_id = ? AND warehouse_id = ? AND sku = ?")
    .bind(tenantId, WAREHOUSE, sku)
    .first();
  return row?.version ?? 0;
}

/** Values inlined into seeding SQL are ours, but check they cannot break out of a literal. */
function literal(value) {
  if (!/^[A-Za-z0-9_.-]+$/.test(value)) throw new Error(`unexpected identifier ${value}`);
  return `'${value}'`;
}

const SHIPMENT_CHUNK = 10_000;

/**
 * Shipments i = from..to of one tenant straight into D1, one parcel and two items (each
 * naming its order line) each,
 * with ids `<idPrefix>0000001`…. Row i is
 * updated at startMs + i seconds (plus a few ms, so timestamps are not all round) with
 * change_seq = i: both strictly increase with i, as the feed requires. A recursive CTE
 * generates the rows, so no statement binds a parameter per row.
 */
export async function shipments(db, { tenantId, idPrefix, from, to, startMs }) {
  const tenant = literal(tenantId);
  const prefix = literal(idPrefix);
  const wh = literal(WAREHOUSE);
  const [a, b] = CREATE_SKUS.map(literal);
  for (let lo = from; lo <= to; lo += SHIPMENT_CHUNK) {
    const hi = Math.min(to, lo + SHIPMENT_CHUNK - 1);
    const seq = `WITH RECURSIVE seq(i) AS (SELECT ${lo} UNION ALL SELECT i + 1 FROM seq WHERE i < ${hi})`;
    const id = `${prefix} || printf('%07d', i)`;
    await db.batch([
      db.prepare(`${seq},
        t(i, at) AS (
          SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ',
            (${startMs} + i * 1000 + (i * 7919) % 990) / 1000.0, 'unixepoch') FROM seq)
        INSERT INTO shipments (id, tenant_id, order_id, order_number, warehouse_id, status,
          status_history, shipped_at, cost_amount, cost_currency, voided, voided_at, version,
          created_at, updated_at, change_seq)
        SELECT ${id}, ${tenant}, ${prefix} || '_ord' || printf('%07d', i), 'SO-BENCH-' || i, ${wh},
          'shipped', json_array(json_object('status', 'shipped', 'occurred_at', at)), at,
          '9.95', 'AUD', 0, NULL, 1, at, at, i
        FROM t`),
      db.prepare(`${seq}
        INSERT INTO shipment_parcels (shipment_id, position, tracking_number, tracking_url,
          carrier, service, weight, dimensions)
        SELECT ${id}, 0, 'BT' || printf('%010d', i),
          'https://auspost.com.au/mypost/track/#/details/BT' || printf('%010d', i),
          'auspost', 'Parcel Post', json_object('value', 0.5, 'unit', 'kg'),
          json_object('length', 20, 'width', 15, 'height', 5, 'unit', 'cm')
        FROM seq`),
      db.prepare(`${seq}
        INSERT INTO shipment_items (shipment_id, order_line_id, sku, quantity)
        SELECT ${id}, 'li_' || printf('%09d', i) || line.n, line.sku, line.quantity
        FROM seq, (SELECT 'a' AS n, ${a} AS sku, 1 AS quantity UNION ALL SELECT 'b', ${b}, 2) AS line`),
    ]);
  }
}
