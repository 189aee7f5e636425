import { type SQL, sql } from "drizzle-orm";
import { inTime, type JobScope, UNSCOPED, unfrozen } from "../db/background";
import { type Db, rowsOf, statement } from "../db/client";
import { deliveriesOfEvent } from "../db/events";
import { chunked, jsonRows, NOW } from "../db/sql";
import { deliveryId } from "../webhooks/webhooks.delivery-key";
import { type Layout, type Part, partsOf } from "./archive-parts";
import { retentionStart } from "./retention.window";

/*
 * Retention: the cron moves what is past its window from D1 to R2. Events and webhook
 * deliveries (with their attempts) older than RETENTION_DAYS, and idempotency claims past
 * their 24 h, are put as NDJSON (src/retention/archive-parts.ts) and only then deleted,
 * and only the rows put: a delete matches each row as it was read, so a row that changed
 * in between stays, and one whose put failed is never touched. Each row is the table's row
 * as D1 stores it, column names and all, so an archive can be inserted back as it is.
 */

/** One table's retention: which rows are due, and how to delete exactly the copies put. */
interface Source<R> extends Layout<R> {
  /** Rows read, put and deleted per page: a page is held in memory twice over, as rows and NDJSON. */
  page: number;
  /** Up to `limit` rows past retention, oldest first, of tenants not frozen. */
  due(db: Db, limit: number, scope: JobScope): Promise<R[]>;
  /** Deletes these rows, each only if it is still as it was read. */
  remove(db: Db, rows: readonly R[]): Promise<void>;
}

/** Per table and run: at most this many pages and puts, whatever the backlog. */
export const PAGES_PER_RUN = 20;
export const PUTS_PER_RUN = 100;

type Columns = { [column: string]: unknown };

export interface EventRow extends Columns {
  seq: number;
  id: string;
  tenant_id: string;
  created_at: string;
}

interface SettledDelivery extends Columns {
  subscription_id: string;
  event_at: string;
  event_id: string;
  generation: number;
  tenant_id: string;
  legacy_id: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

/** Its tenant, its subscription's, goes into the archive with it as `tenant_id`. */
export interface DeliveryRow extends SettledDelivery {
  /** The delivery's attempts, nested: they have no tenant of their own and go where it goes. */
  webhook_attempts: Columns[];
}

export interface ClaimRow extends Columns {
  owner: string;
  key: string;
  claim_token: string;
  created_at: string;
  response_status: number | null;
}

/** The deletes for `keys` (cut to fit D1's statement size), all in one transaction. */
async function deleteAll(db: Db, keys: readonly unknown[], deletes: (rows: SQL) => SQL[]) {
  const [first, ...rest] = chunked(keys).flatMap((chunk) =>
    deletes(jsonRows(chunk)).map((query) => statement(db, query)),
  );
  if (first) await db.batch([first, ...rest]);
}

/**
 * Events go once their deliveries have: an event with a delivery still in D1 (in flight,
 * or settled but not yet past the window) stays, so the delivery log never loses its
 * event, and nothing in flight loses the body it sends. An event the relay has not
 * dispatched stays too.
 */
const events = (cutoff: string): Source<EventRow> => ({
  table: "events",
  page: 100,
  ownerOf: (r) => r.tenant_id,
  createdAt: (r) => r.created_at,
  compare: (a, b) => a.seq - b.seq,
  due: async (db, limit, scope) =>
    await rowsOf<EventRow>(
      db,
      sql`SELECT * FROM events AS e
        WHERE unixepoch(e.created_at) <= unixepoch(${cutoff}) AND e.created_at < ${cutoff}
          AND e.dispatched IS NOT NULL AND ${unfrozen(sql`e.tenant_id`, scope)}
          AND NOT EXISTS (SELECT 1 FROM ${deliveriesOfEvent(DUE_EVENT)})
        ORDER BY unixepoch(e.created_at), e.seq LIMIT ${limit}`,
    ),
  // A redeliver that raced the put gave the event a delivery: it stays for that delivery.
  remove: (db, rows) =>
    deleteAll(
      db,
      rows.map((r) => r.seq),
      (chunk) => [
        sql`DELETE FROM events WHERE seq IN (SELECT value FROM ${chunk})
          AND NOT EXISTS (SELECT 1 FROM ${deliveriesOfEvent(DELETED_EVENT)})`,
      ],
    ),
});

const DUE_EVENT = { id: sql`e.id`, createdAt: sql`e.created_at`, tenantId: sql`e.tenant_id` };
const DELETED_EVENT = {
  id: sql`events.id`,
  createdAt: sql`events.created_at`,
  tenantId: sql`events.tenant_id`,
};

const idOf = (r: SettledDelivery) =>
  deliveryId({
    subscriptionId: r.subscription_id,
    eventAt: r.event_at,
    eventId: r.event_id,
    generation: r.generation,
    tenantId: r.tenant_id,
    legacyId: r.legacy_id,
  });

/** A delivery's key, its state as read and its id: what its delete checks and its attempts go by. */
const deliveryKeyOf = (r: SettledDelivery) => [
  r.subscription_id,
  r.event_at,
  r.event_id,
  r.generation,
  r.status,
  r.updated_at,
  idOf(r),
];

/**
 * Settled deliveries whose last change is past the window; pending and sending ones belong
 * to live retries and stay whatever their age. A settled delivery only changes again when
 * the dead-letter consumer marks it failed, which moves its `updated_at`. They are found
 * through their subscriptions, each walked from its oldest event: a delivery changed before
 * the window began was made, so its event too, before then.
 */
const deliveries = (cutoff: string): Source<DeliveryRow> => ({
  table: "webhook_deliveries",
  page: 200,
  ownerOf: (r) => r.tenant_id,
  createdAt: (r) => r.created_at,
  compare: (a, b) =>
    a.event_at.localeCompare(b.event_at) ||
    a.event_id.localeCompare(b.event_id) ||
    a.generation - b.generation,
  async due(db, limit, scope) {
    const rows = await rowsOf<SettledDelivery>(
      db,
      sql`SELECT d.*, s.tenant_id FROM webhook_subscriptions AS s
        CROSS JOIN webhook_deliveries AS d ON d.subscription_id = s.id AND d.event_at < ${cutoff}
        WHERE ${unfrozen(sql`s.tenant_id`, scope)}
          AND d.status IN ('succeeded', 'failed') AND d.updated_at < ${cutoff}
        LIMIT ${limit}`,
    );
    const ids = rows.map(idOf);
    // A settled delivery makes no more attempts: those read now are all it will have.
    const attempts =
      ids.length === 0
        ? []
        : await rowsOf<Columns & { delivery_id: string }>(
            db,
            sql`SELECT * FROM webhook_attempts
              WHERE delivery_id IN (SELECT value FROM ${jsonRows(ids)})
              ORDER BY delivery_id, attempt`,
          );
    return rows.map((row, i) => ({
      ...row,
      webhook_attempts: attempts.filter((a) => a.delivery_id === ids[i]),
    }));
  },
  remove: (db, rows) => {
    const unchanged = (chunk: SQL, take: SQL) => sql`SELECT ${take} FROM ${chunk} AS j
      CROSS JOIN webhook_deliveries AS d ON d.subscription_id = j.value ->> 0
        AND d.event_at = j.value ->> 1 AND d.event_id = j.value ->> 2
        AND d.generation = j.value ->> 3
      WHERE d.status = j.value ->> 4 AND d.updated_at = j.value ->> 5`;
    return deleteAll(db, rows.map(deliveryKeyOf), (chunk) => [
      sql`DELETE FROM webhook_attempts
        WHERE delivery_id IN (${unchanged(chunk, sql`j.value ->> 6`)})`,
      sql`DELETE FROM webhook_deliveries
        WHERE (subscription_id, event_at, event_id, generation) IN (${unchanged(
          chunk,
          sql`d.subscription_id, d.event_at, d.event_id, d.generation`,
        )})`,
    ]);
  },
});

/**
 * Claims past their expiry, 24 h after they were made. An expired claim can be taken
 * again by a new request with its key, which rewrites the row with a new token; the
 * delete matches the token, so the new claim is never the one deleted.
 */
const claims: Source<ClaimRow> = {
  table: "idempotency_claims",
  page: 200,
  ownerOf: (r) => r.owner,
  createdAt: (r) => r.created_at,
  compare: (a, b) => a.created_at.localeCompare(b.created_at) || a.key.localeCompare(b.key),
  due: async (db, limit, scope) =>
    await rowsOf<ClaimRow>(
      db,
      sql`SELECT * FROM idempotency_claims
        WHERE unixepoch(expires_at) <= unixepoch(${NOW}) AND expires_at < ${NOW}
          AND ${unfrozen(sql`owner`, scope)}
        ORDER BY unixepoch(expires_at) LIMIT ${limit}`,
    ),
  remove: (db, rows) =>
    deleteAll(
      db,
      rows.map((r) => [r.owner, r.key, r.claim_token, r.created_at, r.response_status]),
      (chunk) => [
        sql`DELETE FROM idempotency_claims WHERE rowid IN (
          SELECT c.rowid FROM ${chunk} AS j
          CROSS JOIN idempotency_claims AS c ON c.owner = j.value ->> 0 AND c.key = j.value ->> 1
          WHERE c.claim_token = j.value ->> 2 AND c.created_at = j.value ->> 3
            AND c.response_status IS j.value ->> 4)`,
      ],
    ),
};

/** Puts one part; R2 checks the bytes against the checksum before it stores them. */
async function store(bucket: R2Bucket, table: string, part: Part<unknown>) {
  const object = await bucket.put(part.key, part.body, {
    sha256: part.sha256,
    httpMetadata: { contentType: "application/x-ndjson" },
    customMetadata: { table, tenant: part.owner, day: part.day, rows: String(part.rows.length) },
  });
  if (!object) throw new Error(`R2 did not store ${part.key}`);
}

/**
 * Archives one table a page at a time, oldest first, within the run's bounds. Rows whose
 * put failed stay in D1 for the next run, and the pass stops there, failing the job.
 */
async function archiveTable<R>(env: Env, db: Db, source: Source<R>, scope: JobScope) {
  let archived = 0;
  let puts = 0;
  let more = true;
  for (let page = 0; more && page < PAGES_PER_RUN && puts < PUTS_PER_RUN && inTime(scope); page++) {
    const rows = await source.due(db, source.page, scope);
    const all = await partsOf(source, rows);
    // Whole parts only: rows of a part left out are read again by the next page or run.
    const parts = all.slice(0, PUTS_PER_RUN - puts);
    puts += parts.length;
    const stored = await Promise.allSettled(parts.map((p) => store(env.ARCHIVE, source.table, p)));
    const written = parts.filter((_, i) => stored[i]?.status === "fulfilled");
    const rowsWritten = written.flatMap((p) => p.rows);
    if (rowsWritten.length > 0) await source.remove(db, rowsWritten);
    archived += rowsWritten.length;
    const failed = stored.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
    if (failed.length > 0) {
      throw new AggregateError(failed, `${source.table}: ${failed.length} archive puts failed`);
    }
    more = rows.length === source.page || parts.length < all.length;
  }
  return { archived, more };
}

/** Rows put to R2 by one run, per table (each deleted from D1 unless it changed meanwhile). */
export interface Archived {
  idempotency_claims: number;
  webhook_deliveries: number;
  events: number;
}

/**
 * The cron job, for one database: each table in turn, deliveries before events so the events
 * they free go in the same run, frozen tenants' rows left alone. The control database holds
 * only claims (those of platform keys), so `claimsOnly` leaves the rest alone there. One
 * table failing does not stop the others; the job then fails with every reason. `more`: a
 * table stopped at the run's bounds with rows still due.
 */
export async function archiveExpired(
  env: Env,
  db: Db,
  now = Date.now(),
  { claimsOnly = false, scope = UNSCOPED } = {},
): Promise<Archived & { more: boolean }> {
  const cutoff = retentionStart(env, now);
  const errors: unknown[] = [];
  let more = false;
  const settle = async <R>(source: Source<R>) => {
    try {
      const run = await archiveTable(env, db, source, scope);
      more ||= run.more;
      return run.archived;
    } catch (err) {
      errors.push(err);
      return 0;
    }
  };
  const archived = {
    idempotency_claims: await settle(claims),
    webhook_deliveries: claimsOnly ? 0 : await settle(deliveries(cutoff)),
    events: claimsOnly ? 0 : await settle(events(cutoff)),
  };
  if (errors.length > 0) throw new AggregateError(errors, "archiving failed");
  return { ...archived, more };
}
