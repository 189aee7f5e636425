import { type SQL, sql } from "drizzle-orm";
import type { EventType } from "../domain/events";
import { newId } from "../lib/ids";
import { type Db, statement } from "./client";
import { pack } from "./event-data";
import { chunked, jsonRows } from "./sql";

/*
 * The outbox, written one way: every event goes into `events` through `eventStatements`,
 * inside the batch of the change it describes, so there is never a change without its event
 * or an event without its change. An event stores its resource as a snapshot of the rows as
 * committed (read inside the write), orders and shipments already in the API's shape, those
 * built before the write packed (`patched`); the one renderer, src/events/events.render.ts,
 * unpacks them and turns the rest into that shape when the event is read or sent.
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

/**
 * Events about resources of one kind, which share how their snapshot is read: each of
 * `events`, in order, for each of `resources`, in one statement however many there are.
 */
export interface EventWrite {
  events: readonly { type: EventType; when?: SQL }[];
  resources: readonly string[];
  /** The resource as committed, given its id as SQL; evaluated inside the write. */
  snapshot: (resourceId: SQL) => SQL;
  /** Event ids to use, resource by resource, when the caller must name them afterwards. */
  ids?: readonly string[];
  /** Already handed over (a webhook test goes to one endpoint): the relay must not fan it out. */
  dispatched?: boolean;
}

/**
 * The statements that record `writes` for `tenantId`: one per kind of resource (more only
 * when the resources outgrow one statement), each event recorded only where its `when` holds.
 */
export function eventStatements(db: Db, tenantId: string, writes: readonly EventWrite[]) {
  return writes.flatMap((write): BatchItem[] => {
    const rows = write.resources.flatMap((id) => write.events.map(({ type }) => [id, type]));
    const ids = rows.map(([id, type], i) => [id, type, write.ids?.[i] ?? newId("evt", tenantId)]);
    const conditional = write.events.filter((e) => e.when);
    const where =
      conditional.length === 0
        ? sql``
        : sql`WHERE CASE j.value ->> 1 ${sql.join(
            conditional.map((e) => sql`WHEN ${e.type} THEN ${e.when}`),
            sql` `,
          )} ELSE 1 END`;
    return chunked(ids).map((group) =>
      statement(
        db,
        sql`INSERT INTO events (id, tenant_id, type, data, dispatched)
          SELECT j.value ->> 2, ${tenantId}, j.value ->> 1,
            ${write.snapshot(sql`j.value ->> 0`)}, ${write.dispatched ? 1 : null}
          FROM ${jsonRows(group)} AS j ${where}`,
      ),
    );
  });
}

/**
 * A time the write assigned, as milliseconds after the event's own `created_at`, which is
 * this statement's 'now' as SQLite reads it once per statement; a value that would not come
 * back the same from that offset (not a time to the millisecond) is kept as it is.
 */
const stampValue = (value: SQL) => sql`(SELECT CASE
    WHEN v IS strftime('%Y-%m-%dT%H:%M:%fZ', v)
    THEN CAST(round((julianday(v) - julianday('now')) * 86400000) AS INTEGER)
    ELSE v END FROM (SELECT ${value} AS v))`;

/**
 * A snapshot built before the write, with the values the write assigns read back inside it:
 * stored packed (src/db/event-data.ts), those values beside it in the order of their paths,
 * each as an offset from the event's time.
 */
export function patched(snapshot: unknown, stamps: readonly (readonly [string, SQL])[]): SQL {
  const packed = pack(
    snapshot,
    stamps.map(([path]) => path),
  );
  return sql`json_object('z', ${packed}, 's', json_array(${sql.join(
    stamps.map(([, value]) => stampValue(value)),
    sql`, `,
  )}))`;
}

/**
 * `FROM … WHERE` of an event's webhook deliveries, as `wd`: through its tenant's
 * subscriptions, each a seek of the deliveries' primary key (src/webhooks/webhooks.delivery-key.ts).
 * The event's columns come qualified, as a subquery would otherwise rebind them.
 */
export const deliveriesOfEvent = (event: { id: SQL; createdAt: SQL; tenantId: SQL }) =>
  sql`webhook_subscriptions AS ws CROSS JOIN webhook_deliveries AS wd
    ON wd.subscription_id = ws.id AND wd.event_at = ${event.createdAt} AND wd.event_id = ${event.id}
    WHERE ws.tenant_id = ${event.tenantId}`;
