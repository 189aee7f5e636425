// Types for scripts/tenant-verify.mjs, which stays plain JavaScript so Node runs it as is.
import type { Reader, TenantTable } from "./tenant-copy.mjs";

export interface Digest {
  rows: number;
  checksum: string;
}

export declare function tableDigest(
  read: Reader,
  spec: TenantTable,
  tenantId: string,
  size?: number,
): Promise<Digest>;
/** A table's rows on one side; the checksum is left out when the counts already differ. */
export type Side = { rows: number; checksum?: string };

export declare function verifyTenant(
  readSource: Reader,
  readCopy: Reader,
  tenantId: string,
  size?: number,
): Promise<{ table: string; source: Side; copy: Side }[]>;
