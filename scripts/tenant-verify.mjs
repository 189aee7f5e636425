// Checks a move's copy (scripts/tenant-copy.mjs) table by table before the tenant is switched
// to it: the same number of rows and the same checksum of their values on both shards. Rows
// are read in pages, so memory stays bounded by a page whatever the tenant's size.
import { countTenant, PAGE_ROWS, pages, TENANT_TABLES } from "./tenant-copy.mjs";

const MASK = (1n << 64n) - 1n;
const encoder = new TextEncoder();

/** A value as JSON can carry it: blobs, which D1 may hand back as buffers, as byte arrays. */
const plain = (value) =>
  value instanceof ArrayBuffer
    ? [...new Uint8Array(value)]
    : ArrayBuffer.isView(value)
      ? [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)]
      : value;

/**
 * The tenant's rows of one table in a shard: how many, and the sum of each row's SHA-256
 * (first 64 bits) over its values in column order. A sum does not depend on the order rows
 * are read in; a renumbered column is left out, as the destination numbers it anew.
 */
export async function tableDigest(read, spec, tenantId, size = PAGE_ROWS) {
  let rows = 0;
  let sum = 0n;
  for await (const page of pages(read, spec, tenantId, { size })) {
    for (const row of page.rows) {
      const values = Object.entries(row)
        .filter(([column]) => column !== spec.renumber)
        .map(([, value]) => plain(value));
      const hash = await crypto.subtle.digest("SHA-256", encoder.encode(JSON.stringify(values)));
      sum = (sum + new DataView(hash).getBigUint64(0)) & MASK;
      rows += 1;
    }
  }
  return { rows, checksum: sum.toString(16).padStart(16, "0") };
}

/**
 * Every table of the tenant on the source shard and on the copy, compared: the tables whose
 * rows differ come back with both sides' digests (a count that differs already says so, and
 * comes without a checksum), none when the copy is exact.
 */
export async function verifyTenant(readSource, readCopy, tenantId, size = PAGE_ROWS) {
  const [sourceCounts, copyCounts] = [
    await countTenant(readSource, tenantId),
    await countTenant(readCopy, tenantId),
  ];
  const differ = [];
  for (const spec of TENANT_TABLES) {
    const rows = { source: sourceCounts[spec.table], copy: copyCounts[spec.table] };
    if (rows.source !== rows.copy) {
      differ.push({ table: spec.table, source: { rows: rows.source }, copy: { rows: rows.copy } });
    } else if (rows.source > 0) {
      const source = await tableDigest(readSource, spec, tenantId, size);
      const copy = await tableDigest(readCopy, spec, tenantId, size);
      if (source.rows !== copy.rows || source.checksum !== copy.checksum) {
        differ.push({ table: spec.table, source, copy });
      }
    }
  }
  return differ;
}
