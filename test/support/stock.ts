import { env } from "cloudflare:test";
import { stockObject } from "../../src/durable/stubs";
import { dataOf, everyShard } from "./shards";

/*
 * A stock object publishes its SKU's stock (the feed position, `inventory.updated`, a
 * low-stock crossing) by its alarm, a second after a commit moved a level. A test that reads
 * those asks every stock object to publish now instead of waiting for the alarm, as the alarm
 * itself would, so what it reads next is what the alarm would have written.
 */
export async function publishStock(tenantId?: string, skus?: readonly string[]) {
  const databases = tenantId ? [await dataOf(tenantId)] : everyShard();
  const rows = (
    await Promise.all(
      databases.map(async (db) => {
        const { results } = await db
          .prepare(
            "SELECT tenant_id, warehouse_id, sku FROM inventory WHERE ?1 IS NULL OR tenant_id = ?1",
          )
          .bind(tenantId ?? null)
          .all<{ tenant_id: string; warehouse_id: string; sku: string }>();
        return results;
      }),
    )
  ).flat();
  await Promise.all(
    rows
      .filter((r) => !skus || skus.includes(r.sku))
      .map((r) =>
        stockObject(env, {
          tenantId: r.tenant_id,
          warehouseId: r.warehouse_id,
          sku: r.sku,
        }).publish(),
      ),
  );
}
