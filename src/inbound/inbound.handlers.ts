import type { RouteHandler } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { feedPage } from "../db/feed";
import { resolveReferences } from "../db/references";
import { inboundShipments } from "../db/schema";
import { refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppEnv } from "../http/context";
import { page } from "../http/pagination";
import { createInbound } from "./inbound.create";
import { inboundJson } from "./inbound.render";
import type * as routes from "./inbound.routes";
import { mayChange } from "./inbound-rules";
import { changeExpected, type InboundView, readInbound } from "./inbound-store";

// Named in full: drizzle leaves single-table columns unqualified, which a subquery would rebind.
const OUTER_ID = sql`"inbound_shipments"."id"`;

export const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
  const key = c.req.valid("header")["idempotency-key"];
  const { view, created } = await createInbound(
    { db: c.var.db, tenantId: tenantOf(c) },
    c.req.valid("json"),
    key,
  );
  if (!created) {
    c.header("Idempotent-Replayed", "true");
    return c.json(view, 200);
  }
  c.header("Location", `/v1/inbound-shipments/${view.id}`);
  return c.json(view, 201);
};

export const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
  const tenantId = tenantOf(c);
  const query = c.req.valid("query");
  const feed = await feedPage(c.var.db, "inbound_shipments", tenantId, inboundShipments, {
    updatedSince: query.updated_since,
    cursor: query.cursor,
    limit: query.limit,
  });
  const rows = await c.var.db
    .select({
      updatedAt: inboundShipments.updatedAt,
      changeSeq: inboundShipments.changeSeq,
      json: inboundJson(OUTER_ID),
    })
    .from(inboundShipments)
    .where(
      sql`${inboundShipments.tenantId} = ${tenantId}
        ${query.status ? sql`AND ${inboundShipments.status} = ${query.status}` : sql``}
        ${query.reference ? sql`AND ${inboundShipments.reference} = ${query.reference}` : sql``}
        AND ${feed.where}`,
    )
    .orderBy(...feed.orderBy)
    .limit(feed.limit);
  return c.json(
    page(
      rows,
      query.limit,
      (r) => JSON.parse(r.json as string) as InboundView,
      feed.positionOf,
      await consistencyToken(c),
    ),
    200,
  );
};

async function owned(c: Context<AppEnv>, id: string) {
  const found = await readInbound(c.var.db, tenantOf(c), id);
  if (!found) throw refused("not_found", { resource: "inbound shipment", id: id });
  return found;
}

const notExpected = (status: string) =>
  refused("inbound_not_open", { inbound_status: status, change: "amend" });

export const get: RouteHandler<typeof routes.get, AppEnv> = async (c) =>
  c.json((await owned(c, c.req.valid("param").id)).view, 200);

export const amend: RouteHandler<typeof routes.amend, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const { row, view } = await owned(c, id);
  if (mayChange(row.status)) throw notExpected(row.status);
  if (body.items) await resolveReferences(c.var.db, row.tenantId, { items: body.items });
  await changeExpected(c.var.db, row, {
    supplier: body.supplier,
    expectedAt: body.expected_at,
    items: body.items,
    skus: [...new Set([...view.items.map((i) => i.sku), ...(body.items ?? []).map((i) => i.sku)])],
  });
  const after = await owned(c, id);
  if (after.row.status !== "expected") throw notExpected(after.row.status);
  return c.json(after.view, 200);
};

export const cancel: RouteHandler<typeof routes.cancel, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { row, view } = await owned(c, id);
  if (row.status === "cancelled") return c.json(view, 200);
  if (mayChange(row.status)) throw notExpected(row.status);
  await changeExpected(c.var.db, row, { status: "cancelled", skus: view.items.map((i) => i.sku) });
  const after = await owned(c, id);
  if (after.row.status !== "cancelled") throw notExpected(after.row.status);
  return c.json(after.view, 200);
};
