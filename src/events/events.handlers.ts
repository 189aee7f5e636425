import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gt, gte, lt, sql } from "drizzle-orm";
import { deliveriesOfEvent } from "../db/events";
import { cursorPosition } from "../db/feed";
import { events } from "../db/schema";
import { inList } from "../db/sql";
import { readableEventTypes } from "../domain/events";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { retentionDays } from "../retention/retention.window";
import { renderEvent } from "./events.render";
import type * as routes from "./events.routes";
import { assertReadable } from "./events.service";

// Named in full: drizzle leaves single-table columns unqualified, which a subquery would rebind.
const OUTER_EVENT = {
  id: sql`"events"."id"`,
  createdAt: sql`"events"."created_at"`,
  tenantId: sql`"events"."tenant_id"`,
};

// Set only on a newest-first walk, so cursors issued before it existed read as oldest first.
const EventCursor = z.object({ id: z.string(), d: z.literal(true).optional() });

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const { type, delivery_status, cursor, limit } = query;
  const { scopes } = c.var.principal;
  if (type) assertReadable([type], scopes);
  const states = delivery_status === "pending" ? ["pending", "sending"] : [delivery_status];
  const backwards = query.order === "desc";
  const position = cursor ? cursorPosition(cursor, EventCursor) : undefined;
  // A cursor goes on in the direction it was issued for: the other way it would skip events.
  if (position && (position.d ?? false) !== backwards) {
    throw refused("invalid_cursor", { field: "cursor" });
  }
  // Positions are event ids, never the outbox's sequence, which counts every tenant's events.
  const seqOf = async (id: string) =>
    (
      await c.var.db
        .select({ seq: events.seq })
        .from(events)
        .where(and(eq(events.id, id), eq(events.tenantId, tenantId)))
    )[0]?.seq;
  const cursorSeq = position ? await seqOf(position.id) : undefined;
  if (position && cursorSeq === undefined) {
    throw refused("invalid_cursor", {
      field: "cursor",
      walk: "events",
      retention_days: retentionDays(c.env),
    });
  }
  // Walking up, a cursor is already past `after`; walking down, `after` stays the floor.
  const afterId = backwards || !position ? query.after : undefined;
  const afterSeq = afterId ? await seqOf(afterId) : undefined;
  if (afterId && afterSeq === undefined) {
    throw refused("invalid_parameter", {
      field: "after",
      unknown_event: query.after,
      retention_days: retentionDays(c.env),
    });
  }
  const floor = backwards ? afterSeq : (cursorSeq ?? afterSeq);
  const ceiling = backwards ? cursorSeq : undefined;
  const rows = await c.var.db
    .select()
    .from(events)
    .where(
      and(
        eq(events.tenantId, tenantId),
        type ? eq(events.type, type) : inList(events.type, readableEventTypes(scopes)),
        floor !== undefined ? gt(events.seq, floor) : undefined,
        ceiling !== undefined ? lt(events.seq, ceiling) : undefined,
        // Events never change after they are written: `updated_since` is their creation time.
        query.updated_since ? gte(events.createdAt, query.updated_since) : undefined,
        delivery_status
          ? sql`EXISTS (SELECT 1 FROM ${deliveriesOfEvent(OUTER_EVENT)}
              AND wd.status IN (SELECT value FROM json_each(${JSON.stringify(states)})))`
          : undefined,
      ),
    )
    .orderBy(backwards ? desc(events.seq) : asc(events.seq))
    .limit(limit + 1);
  return c.json(
    page(
      rows,
      limit,
      renderEvent,
      (r) => (backwards ? { id: r.id, d: true } : { id: r.id }),
      await consistencyToken(c),
    ),
    200,
  );
};
