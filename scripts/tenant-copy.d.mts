// Types for scripts/tenant-copy.mjs, which stays plain JavaScript so Node runs it as is.

export interface TenantTable {
  table: string;
  /** The tenant's rows: `:tenant` is its id. */
  where: string;
  /** A column the shard assigns, left out of the copy so the destination numbers anew. */
  renumber?: string;
  /** Kept by the destination's triggers from rows copied before it: cleared, never copied. */
  derived?: boolean;
  /** Copied over whatever the destination's triggers wrote for it. */
  replace?: boolean;
  /** The key to page by in a table without rowids: a column, or one SQL text made of several. */
  order?: string;
}

export type Row = Record<string, unknown>;
export type Reader = (sql: string) => Promise<Row[]>;

export declare const TENANT_TABLES: TenantTable[];
export declare function whereFor(where: string, tenantId: string): string;
export declare function literal(value: unknown): string;
export declare function readTenant(
  read: Reader,
  tenantId: string,
): Promise<(TenantTable & { rows: Row[] })[]>;
export declare function deleteStatements(tenantId: string): string[];
export declare function copyStatements(
  tables: (TenantTable & { rows: Row[] })[],
  tenantId: string,
): string[];
export declare function countTenant(
  read: Reader,
  tenantId: string,
): Promise<Record<string, number>>;
