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
  /** The columns to page by: those after the tenant's (or parent's) in a unique index. */
  key?: string[];
}

export type Row = Record<string, unknown>;
export type Reader = (sql: string) => Promise<Row[]>;

export declare const TENANT_TABLES: TenantTable[];
export declare const PAGE_ROWS: number;
export declare function keyOf(spec: TenantTable): string[];
export declare function whereFor(where: string, tenantId: string): string;
export declare function literal(value: unknown): string;
export declare function pages(
  read: Reader,
  spec: TenantTable,
  tenantId: string,
  options?: { after?: unknown[]; size?: number },
): AsyncGenerator<{ rows: Row[]; last: unknown[] }>;
export declare function insertStatements(spec: TenantTable, rows: Row[]): string[];
export declare function deleteStatements(tenantId: string): string[];
export declare function forgetMove(tenantId: string): string;
export declare function copyTenant(options: {
  read: Reader;
  readTarget: Reader;
  write: (statements: string[]) => Promise<void>;
  tenantId: string;
  /** The source shard and the freeze: a checkpoint of another move is not resumed. */
  move: string;
  size?: number;
  onPage?: (table: string, rows: number) => void;
}): Promise<void>;
export declare function countTenant(
  read: Reader,
  tenantId: string,
): Promise<Record<string, number>>;
