// Types for scripts/placement-kv.mjs, which stays plain JavaScript so Node runs it as is.

export declare const PLACEMENT_KV_TTL_SECONDS: number;
export declare function placementEntry(
  tenantId: string,
  shard: string,
  frozen: boolean,
  checkedAt: number,
): { key: string; value: string };
