// The placement a move writes to KV at its freeze and at its switch, in the shape
// src/db/control-cache.ts keeps for src/db/shards.ts (`placement:<tenant id>`). A Worker that
// cannot read the control database serves the newest placement it finds, by `checked_at`:
// after a move that is the move's, not one an isolate read before it.

/** src/db/control-cache.ts STALE_MS, in seconds: how long a Worker may serve an entry. */
export const PLACEMENT_KV_TTL_SECONDS = 86_400;

/**
 * The KV key and value for `tenantId` placed on `shard`, frozen or not, as the control database
 * stood at `checkedAt` (ms since the epoch, by the control database's own clock).
 */
export function placementEntry(tenantId, shard, frozen, checkedAt) {
  return {
    key: `placement:${tenantId}`,
    value: JSON.stringify({ value: { shard, frozen }, checked_at: checkedAt }),
  };
}
