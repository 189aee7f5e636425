import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { feedPage } from "../db/feed";
import { resolveReferences } from "../db/references";
import { inboundShipments } from "../db/schema";
import { Refused, refused } from "../domain/refusals";
import { tenantOf } from "../http/auth";
import { consistencyToken } from "../http/consistency";
import type { AppEnv, AppRouteHandler } from "../http/context";
import { page } from "../http/pagination";
import { createInbound } from "./inbound.create";
import { type InboundSnapshot, inboundSnapshot, renderInbound } from "./inbound.render";
import type * as routes from "./inbound.routes";
import { mayChange } from "./inbound-rules";
import { changeExpected, readInbound } from "./inbound-store";

// Named in full: drizzle leaves single-table columns unqualified, which a subquery would rebind.
const OUTER_ID = sql`"inbound_shipments"."id"`;

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const key = c.req.valid("header")["idempotency-key"];
  const { asn, created } = await createInbound(
    { db: c.var.db, tenantId: tenantOf(c) },
    c.req.valid("json"),
    key,
  );
  const view = renderInbound(asn);
  if (!created) {
    c.header("Idempotent-Replayed", "true");
    return c.json(view, 200);
  }
  c.header("Location", `/v1/inbound-shipments/${view.id}`);
  return c.json(view, 201);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
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
      json: inboundSnapshot(OUTER_ID),
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
      (r) => renderInbound(JSON.parse(r.json as string) as InboundSnapshot),
      feed.positionOf,
      await consistencyToken(c),
    ),
    200,
  );
};

async function owned(c: Context<AppEnv>, id: string) {
  const asn = await readInbound(c.var.db, tenantOf(c), id);
  if (!asn) throw refused("not_found", { resource: "inbound shipment", id });
  return asn;
}

/** Amends and cancels hold only while the ASN is still expected, before and after the write. */
function expected(asn: InboundSnapshot) {
  const refusal = mayChange(asn.status);
  if (refusal) throw new Refused(refusal);
}

/** The ASN as the write left it, unless something else (a receipt) changed it first. */
function changedTo(asn: InboundSnapshot, status: "expected" | "cancelled") {
  if (asn.status !== status) {
    throw new Refused({ code: "inbound_not_open", inbound_status: asn.status, change: "amend" });
  }
  return renderInbound(asn);
}

export const get: AppRouteHandler<typeof routes.get> = async (c) =>
  c.json(renderInbound(await owned(c, c.req.valid("param").id)), 200);

export const amend: AppRouteHandler<typeof routes.amend> = async (c) => {
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const asn = await owned(c, id);
  expected(asn);
  if (body.items) await resolveReferences(c.var.db, asn.tenantId, { items: body.items });
  await changeExpected(c.var.db, asn, {
    supplier: body.supplier,
    expectedAt: body.expected_at,
    items: body.items,
    skus: [...new Set([...asn.lines.map((l) => l.sku), ...(body.items ?? []).map((i) => i.sku)])],
  });
  return c.json(changedTo(await owned(c, id), "expected"), 200);
};

export const cancel: AppRouteHandler<typeof routes.cancel> = async (c) => {
  const { id } = c.req.valid("param");
  const asn = await owned(c, id);
  if (asn.status === "cancelled") return c.json(renderInbound(asn), 200);
  expected(asn);
  await changeExpected(c.var.db, asn, { status: "cancelled", skus: asn.lines.map((l) => l.sku) });
  return c.json(changedTo(await owned(c, id), "cancelled"), 200);
};
