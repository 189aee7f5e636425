import { and, asc, eq, gt, gte, sql } from "drizzle-orm";
import { cursorPosition } from "../db/feed";
import { events } from "../db/schema";
import { inList } from "../db/sql";
import { readableEventTypes } from "../domain/events";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { IdCursor, page } from "../http/pagination";
import { retentionDays } from "../retention/retention.window";
import { renderEvent } from "./events.render";
import type * as routes from "./events.routes";
import { assertReadable } from "./events.service";

// Named in full: drizzle leaves single-table columns unqualified, which a subquery would rebind.
const OUTER_EVENT_ID = sql`"events"."id"`;

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const { type, delivery_status, cursor, limit } = query;
  const { scopes } = c.var.principal;
  if (type) assertReadable([type], scopes);
  const states = delivery_status === "pending" ? ["pending", "sending"] : [delivery_status];
  // Positions are event ids, never the outbox's sequence, which counts every tenant's events.
  const afterId = cursor ? cursorPosition(cursor, IdCursor).id : query.after;
  const [mark] = afterId
    ? await c.var.db
        .select({ seq: events.seq })
        .from(events)
        .where(and(eq(events.id, afterId), eq(events.tenantId, tenantId)))
    : [];
  if (afterId && !mark) {
    const retention_days = retentionDays(c.env);
    throw cursor
      ? refused("invalid_cursor", { field: "cursor", walk: "events", retention_days })
      : refused("invalid_parameter", {
          field: "after",
          unknown_event: query.after,
          retention_days,
        });
  }
  const after = mark?.seq;
  const rows = await c.var.db
    .select()
    .from(events)
    .where(
      and(
        eq(events.tenantId, tenantId),
        type ? eq(events.type, type) : inList(events.type, readableEventTypes(scopes)),
        after !== undefined ? gt(events.seq, after) : undefined,
        // Events never change after they are written: `updated_since` is their creation time.
        query.updated_since ? gte(events.createdAt, query.updated_since) : undefined,
        delivery_status
          ? sql`EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = ${OUTER_EVENT_ID}
              AND d.status IN (SELECT value FROM json_each(${JSON.stringify(states)})))`
          : undefined,
      ),
    )
    .orderBy(asc(events.seq))
    .limit(limit + 1);
  return c.json(
    page(rows, limit, renderEvent, (r) => ({ id: r.id }), await consistencyToken(c)),
    200,
  );
};
