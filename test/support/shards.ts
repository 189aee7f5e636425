import { env } from "cloudflare:test";
import { shards, tenantShard } from "../../src/db/shards";

/** The D1 database that holds `tenantId`'s data: its shard, as the API finds it. */
export const dataOf = async (tenantId: string): Promise<D1Database> =>
  (await tenantShard(env, tenantId)).d1;

/** Every shard's database, for what a test does to all tenants' data at once. */
export const everyShard = (): D1Database[] => shards(env).map((s) => s.d1);
