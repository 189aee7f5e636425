import { and, eq } from "drizzle-orm";
import type { Refusal } from "../domain/refusals";
import type { Db } from "./client";
import {
  archivedOrders,
  archivedReturns,
  archivedShipments,
  type orderHistory,
  type orderLines,
  type returnLines,
  type returns,
  type StoredOrder,
  type shipmentItems,
  type shipmentParcels,
  type shipments,
} from "./schema";

/*
 * An order past its hot window, as the R2 archive holds it: one JSON object per order with
 * every row its reads render (lines, history, shipments with parcels and items, returns with
 * their lines), each row as drizzle reads it from D1, so the same render functions answer for
 * it. D1 keeps only a tombstone per order, shipment and return (migrations/shard/0007), which is
 * how a read finds an archived order without listing R2.
 */

export interface ArchivedOrder {
  /**
   * The object's layout, for readers long after the code that wrote it has changed: 2 since
   * order lines have ids; 1 before (read as `withLineIds` says).
   */
  format: 1 | 2;
  /** With its terms; an order archived before orders had terms has none (read as null). */
  order: StoredOrder;
  lines: (typeof orderLines.$inferSelect)[];
  history: (typeof orderHistory.$inferSelect)[];
  shipments: {
    row: typeof shipments.$inferSelect;
    parcels: (typeof shipmentParcels.$inferSelect)[];
    items: (typeof shipmentItems.$inferSelect)[];
  }[];
  returns: { row: typeof returns.$inferSelect; lines: (typeof returnLines.$inferSelect)[] }[];
}

const ORDER_ARCHIVE_PREFIX = "orders";

/** The one object an order is archived to: made from its tombstone's columns. */
export const orderArchiveKey = (tenantId: string, orderId: string) =>
  `${ORDER_ARCHIVE_PREFIX}/${tenantId}/${orderId}.json`;

async function fetchArchived(bucket: R2Bucket, tenantId: string, orderId: string) {
  const key = orderArchiveKey(tenantId, orderId);
  const object = await bucket.get(key);
  // The tombstone is written only after the object was verified: a missing one is a fault.
  if (!object) throw new Error(`archived order ${orderId} has no object at ${key}`);
  return withLineIds((await object.json()) as ArchivedOrder);
}

/**
 * An order archived before its lines had ids (migrations/shard/0010_order_line_ids.sql) names
 * its lines by SKU alone, one line per SKU: each line gets a stable id from its number, and each
 * shipment item and returned line the id of its SKU's line, so the archive renders as D1 does.
 */
function withLineIds(archived: ArchivedOrder): ArchivedOrder {
  if (archived.format !== 1) return archived;
  const lines = archived.lines.map((l) => ({
    ...l,
    id: l.id ?? `li_${archived.order.id.slice(4)}${l.lineNo}`,
    lineId: l.lineId ?? null,
  }));
  const idOf = (sku: string) => lines.find((l) => l.sku === sku)?.id ?? null;
  return {
    ...archived,
    format: 2,
    lines,
    shipments: archived.shipments.map((s) => ({
      ...s,
      items: s.items.map((i) => ({
        ...i,
        orderLineId: i.orderLineId ?? idOf(i.sku) ?? "",
        lineId: i.lineId ?? null,
      })),
    })),
    returns: archived.returns.map((r) => ({
      ...r,
      lines: r.lines.map((l) => ({
        ...l,
        orderLineId: l.orderLineId ?? idOf(l.sku),
        lineId: l.lineId ?? null,
      })),
    })),
  };
}

/** The tenant's archived order, or undefined when it has no such order in the archive. */
export async function archivedOrder(
  bucket: R2Bucket,
  db: Db,
  tenantId: string,
  orderId: string,
): Promise<ArchivedOrder | undefined> {
  const [found] = await db
    .select({ orderId: archivedOrders.orderId })
    .from(archivedOrders)
    .where(and(eq(archivedOrders.orderId, orderId), eq(archivedOrders.tenantId, tenantId)));
  return found ? fetchArchived(bucket, tenantId, orderId) : undefined;
}

/** The tenant's archived order holding this shipment, if the shipment was archived. */
export async function archivedOrderOfShipment(
  bucket: R2Bucket,
  db: Db,
  tenantId: string,
  shipmentId: string,
): Promise<ArchivedOrder | undefined> {
  const [found] = await db
    .select({ orderId: archivedOrders.orderId })
    .from(archivedShipments)
    .innerJoin(archivedOrders, eq(archivedOrders.orderId, archivedShipments.orderId))
    .where(
      and(eq(archivedShipments.shipmentId, shipmentId), eq(archivedOrders.tenantId, tenantId)),
    );
  return found ? fetchArchived(bucket, tenantId, found.orderId) : undefined;
}

/** The tenant's archived order holding this return, if the return was archived. */
export async function archivedOrderOfReturn(
  bucket: R2Bucket,
  db: Db,
  tenantId: string,
  returnId: string,
): Promise<ArchivedOrder | undefined> {
  const [found] = await db
    .select({ orderId: archivedOrders.orderId })
    .from(archivedReturns)
    .innerJoin(archivedOrders, eq(archivedOrders.orderId, archivedReturns.orderId))
    .where(and(eq(archivedReturns.returnId, returnId), eq(archivedOrders.tenantId, tenantId)));
  return found ? fetchArchived(bucket, tenantId, found.orderId) : undefined;
}

/**
 * The tenant an archived order belongs to: a write to an order D1 no longer has asks it, and
 * so do callers that act on any tenant's orders (platform keys).
 */
async function tenantOfArchivedOrder(db: Db, orderId: string) {
  const [found] = await db
    .select({ tenantId: archivedOrders.tenantId })
    .from(archivedOrders)
    .where(eq(archivedOrders.orderId, orderId));
  return found?.tenantId;
}

/**
 * A refusal for an order D1 does not have, unless the archive has it: then the order is
 * final and the request a conflict the caller can act on (409 `order_archived`), not an
 * unknown id. Asked only on the way out of a refusal, never on a request that succeeds.
 * `tenantId` null: a platform key, which may act on any tenant's order.
 */
export async function unlessArchived(
  db: Db,
  tenantId: string | null,
  orderId: string,
  refusal: Refusal,
): Promise<Refusal> {
  const missing =
    (refusal.code === "not_found" && refusal.resource === "order") ||
    refusal.code === "unknown_order";
  if (!missing) return refusal;
  const owner = await tenantOfArchivedOrder(db, orderId);
  return owner !== undefined && (tenantId === null || owner === tenantId)
    ? { code: "order_archived", order_id: orderId }
    : refusal;
}
