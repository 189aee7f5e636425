import { chainHash, GENESIS_HASH } from "../lib/hash-chain";

/*
 * The console checks an order's history the way an auditor would: from what the API
 * returned alone, recomputing every hash rather than trusting the ones it was sent.
 */

export interface ChainedEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  changes: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export type ChainVerdict =
  | { intact: true; entries: number }
  | { intact: false; seq: number; reason: string };

export async function checkChain(entries: readonly ChainedEntry[]): Promise<ChainVerdict> {
  let previous = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.prev_hash !== previous) {
      return {
        intact: false,
        seq: entry.seq,
        reason: "its prev_hash is not the hash of the entry before it",
      };
    }
    const { seq, at, actor, action, changes } = entry;
    if ((await chainHash(previous, { seq, at, actor, action, changes })) !== entry.hash) {
      return { intact: false, seq, reason: "its hash does not match its contents" };
    }
    previous = entry.hash;
  }
  return { intact: true, entries: entries.length };
}
