import { sha256Hex } from "../api-keys/api-keys.service";

export const GENESIS_HASH = "0".repeat(64);

export interface HistoryEntryInput {
  seq: number;
  at: string;
  actor: string;
  action: string;
  changes: Record<string, unknown>;
}

/** Canonical JSON (sorted keys) so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Each entry's hash covers the previous hash, so rewriting any entry breaks every later one. */
export const chainHash = (prevHash: string, entry: HistoryEntryInput) =>
  sha256Hex(`${prevHash}\n${canonicalJson(entry)}`);
