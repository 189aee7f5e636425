import { and, eq } from "drizzle-orm";
import { inTime, type JobScope, UNSCOPED } from "../db/background";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { inboundReceipts, products } from "../db/schema";
import { inList } from "../db/sql";
import { type Refusal, Refused, refused } from "../domain/refusals";
import { answered } from "../durable/answers";
import { stockObject } from "../durable/stubs";
import { checkLotFields } from "../inventory/inventory.lots";
import { takenSerials, trackedSkus, unitKey } from "../serials/serials.store";
import { goodUnits, mayReceive, overDamaged, type ReceiptItem } from "./inbound-rules";
import {
  closeInbound,
  countReceipt,
  markApplied,
  readInbound,
  unappliedReceipts,
} from "./inbound-store";

interface Who {
  env: Env;
  db: Db;
  /** null: a platform key, acting on any tenant's ASN. */
  tenantId: string | null;
}

/**
 * POST /v1/ops/inbound-shipments/{id}/receipts: count what arrived into the ASN (once per
 * receipt id, in D1), then put the good units on the shelf through each SKU's stock object,
 * which fills waiting backorders, and the damaged ones in its damaged stock. If the request stops in between, the cron applies the
 * stock later; each stock object takes a receipt once.
 */
export async function receiveInbound(
  who: Who,
  id: string,
  body: { items: ReceiptItem[]; received_at?: string },
  receiptId: string,
) {
  const asn = await readInbound(who.db, who.tenantId, id);
  if (!asn) throw refused("not_found", { resource: "inbound shipment", id });
  const closed = mayReceive(asn);
  if (closed) throw new Refused(closed);
  const skus = body.items.map((i) => i.sku);
  const known = new Set(
    (
      await who.db
        .select({ sku: products.sku })
        .from(products)
        .where(and(eq(products.tenantId, asn.tenantId), inList(products.sku, skus)))
    ).map((p) => p.sku),
  );
  const unknown = skus.findIndex((sku) => !known.has(sku));
  if (unknown >= 0) {
    throw refused("unknown_sku", { field: `items[${unknown}].sku`, sku: skus[unknown] });
  }
  const damaged = overDamaged(body.items);
  if (damaged) throw new Refused(damaged);
  const lots = await checkLotFields(who.db, asn, body.items, (i) => `items[${i}].`);
  if (lots) throw new Refused(lots);
  const serials = await checkReceivedSerials(who.db, asn.tenantId, body.items);
  if (serials) throw new Refused(serials);
  try {
    await countReceipt(who.db, asn, {
      id: receiptId,
      token: crypto.randomUUID(),
      items: body.items,
      receivedAt: body.received_at ?? null,
    });
  } catch (err) {
    // A racing receipt took one of the serials first: the refusal as things now stand.
    if (isUniqueViolation(err, "serial_stock")) {
      const refusal = await checkReceivedSerials(who.db, asn.tenantId, body.items);
      if (refusal) throw new Refused(refusal);
    }
    throw err;
  }
  await applyReceipt(who.env, who.db, receiptId);
  return reread(who, id);
}

async function reread(who: Who, id: string) {
  const asn = await readInbound(who.db, who.tenantId, id);
  if (!asn) throw new Error(`inbound shipment ${id} vanished`);
  return asn;
}

/**
 * Puts a counted receipt's good units on the shelf and its damaged units in the SKU's
 * damaged stock, each once, and marks it done.
 */
export async function applyReceipt(env: Env, db: Db, receiptId: string) {
  const [receipt] = await db
    .select()
    .from(inboundReceipts)
    .where(eq(inboundReceipts.id, receiptId));
  if (!receipt || receipt.stockAppliedAt) return;
  const parts = receipt.items.flatMap((item) => {
    // A row takes each ref once: a receipt's lots of one SKU, and a line's damaged part,
    // each have their own.
    const ref = item.lot ? `receipt:${receipt.id}:lot:${item.lot}` : `receipt:${receipt.id}`;
    const lot = item.lot ? { lot: item.lot, expiresOn: item.expires_on ?? null } : undefined;
    return [
      { sku: item.sku, ref, units: goodUnits(item), condition: "sellable" as const, lot },
      {
        sku: item.sku,
        ref: `${ref}:damaged`,
        units: item.damaged_quantity ?? 0,
        condition: "damaged" as const,
        lot,
      },
    ];
  });
  const arriving = parts.filter((part) => part.units > 0);
  // Several parts commit together, through the warehouse's stock writer.
  const together = arriving.length > 1;
  await Promise.all(
    arriving.map(async (part) =>
      answered(
        await stockObject(env, {
          tenantId: receipt.tenantId,
          warehouseId: receipt.warehouseId,
          sku: part.sku,
        }).receive(part.ref, part.units, part.condition, part.lot, together),
      ),
    ),
  );
  await markApplied(db, receipt.id);
}

/**
 * Why the serials of what arrived are refused: a serial-tracked product names one per unit
 * received, any other none, and a serial already in stock or out on a shipment is taken.
 */
async function checkReceivedSerials(
  db: Db,
  tenantId: string,
  items: readonly ReceiptItem[],
): Promise<Refusal | undefined> {
  const tracked = await trackedSkus(
    db,
    tenantId,
    items.map((i) => i.sku),
  );
  for (const [i, item] of items.entries()) {
    const given = item.serials?.length ?? 0;
    if (tracked.has(item.sku) && given !== item.received_quantity) {
      return {
        code: "serials_required",
        field: `items[${i}].serials`,
        sku: item.sku,
        quantity: item.received_quantity,
        given,
      };
    }
    if (!tracked.has(item.sku) && given > 0) {
      return { code: "serials_not_tracked", field: `items[${i}].serials`, sku: item.sku };
    }
  }
  const units = items.flatMap((i) => (i.serials ?? []).map((serial) => ({ sku: i.sku, serial })));
  if (units.length === 0) return undefined;
  const taken = await takenSerials(db, tenantId, units);
  for (const [i, item] of items.entries()) {
    for (const [j, serial] of (item.serials ?? []).entries()) {
      const key = unitKey({ sku: item.sku, serial });
      if (taken.inStock.has(key) || taken.out.has(key)) {
        return {
          code: "serial_unavailable",
          field: `items[${i}].serials[${j}]`,
          sku: item.sku,
          serial,
          where: taken.inStock.has(key) ? "in_stock" : "shipped",
        };
      }
    }
  }
  return undefined;
}

/** POST /v1/ops/inbound-shipments/{id}/close: receiving ends with what has arrived. */
export async function closeReceiving(who: Who, id: string) {
  const asn = await readInbound(who.db, who.tenantId, id);
  if (!asn) throw refused("not_found", { resource: "inbound shipment", id });
  if (asn.closedAt) return asn;
  const closed = mayReceive(asn);
  if (closed) throw new Refused(closed);
  await closeInbound(
    who.db,
    asn,
    asn.lines.map((l) => l.sku),
  );
  return reread(who, id);
}

/** Receipts one backstop run applies; each costs two statements and a stock call per SKU. */
const STRANDED_RECEIPTS = 25;

/**
 * The cron's backstop: receipts counted a while ago whose stock a stopped request never
 * applied, a bounded batch of tenants not frozen. True when it stopped with more left.
 */
export async function applyStrandedReceipts(env: Env, db: Db, scope: JobScope = UNSCOPED) {
  const stranded = await unappliedReceipts(db, STRANDED_RECEIPTS, scope);
  for (const receipt of stranded) {
    if (!inTime(scope)) return true;
    await applyReceipt(env, db, receipt.id);
  }
  return stranded.length === STRANDED_RECEIPTS;
}
