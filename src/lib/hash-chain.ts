import { canonicalJson } from "../lib/canonical-json";
import { sha256Hex } from "../lib/crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface HistoryEntryInput {
  seq: number;
  at: string;
  actor: string;
  action: string;
  changes: Record<string, unknown>;
}

/** Each entry's hash covers the previous hash, so rewriting any entry breaks every later one. */
export const chainHash = (prevHash: string, entry: HistoryEntryInput) =>
  sha256Hex(`${prevHash}\n${canonicalJson(entry)}`);
