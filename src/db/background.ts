import { isNotNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "./client";
import { tenants } from "./schema";

/*
 * What a background job (the cron's relay, retention, secret expiry, stranded receipts and
 * returns) may touch. A tenant being moved between shards is frozen (`frozen_at`), and its
 * rows are being copied: a job that wrote them meanwhile would make the copy differ from the
 * original, or act twice once the tenant is thawed on its new shard. So each unit of
 * background work asks the control database once which tenants are frozen, and every
 * statement its jobs run leaves their rows alone. The unit also has a deadline: a job stops
 * starting new pages past it, and the next unit takes what is left.
 */
export interface JobScope {
  /** Tenants frozen when the unit started, on any shard: a move writes into its target too. */
  frozen: readonly string[];
  /** Epoch ms after which a job starts no new page. */
  until: number;
}

/** For a job run by hand or by a test: no tenant frozen, no deadline. */
export const UNSCOPED: JobScope = { frozen: [], until: Number.POSITIVE_INFINITY };

/** `column` names none of the frozen tenants; one JSON parameter however many there are. */
export const unfrozen = (column: SQLWrapper, scope: JobScope): SQL =>
  sql`${column} NOT IN (SELECT value FROM json_each(${JSON.stringify(scope.frozen)}))`;

/** The tenants frozen now, from the control database: normally none, read by a partial index. */
export async function frozenTenants(control: Db): Promise<string[]> {
  const rows = await control
    .select({ id: tenants.id })
    .from(tenants)
    .where(isNotNull(tenants.frozenAt));
  return rows.map((r) => r.id);
}

/** True while the unit may start another page of work. */
export const inTime = (scope: JobScope) => Date.now() < scope.until;
