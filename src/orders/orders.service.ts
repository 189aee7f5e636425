import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  idempotencyKeys,
  orderLines,
  orderReferences,
  orders,
  products,
  shippingMethods,
  stockDemands,
  warehouses,
} from "../db/schema";
import type { Env } from "../env";
import { ApiError, validationError } from "../http/errors";
import type { DemandStatus } from "../inventory/stock-object";
import { canonicalJson } from "../lib/canonical-json";
import { sha256Hex } from "../lib/crypto";
import { shipmentsOfOrders } from "../shipments/shipments.service";
import type { LineInput, Outcome } from "./order-object";
import { type OrderRow, renderOrder } from "./orders.render";
import type { CreateOrder, OrderView } from "./orders.schemas";

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export const requestHash = (body: unknown) => sha256Hex(canonicalJson(body));

export interface ShippingChoice {
  shipping_method_id?: string | null;
  shipping_method?: string | null;
}

/**
 * Checks every reference an order makes (warehouse, shipping method, SKUs) in one D1
 * round trip and answers 422 naming the first bad field.
 */
export async function resolveReferences(
  db: Db,
  tenantId: string,
  input: ShippingChoice & { warehouse_id?: string; items?: { sku: string }[] },
) {
  const skus = input.items?.map((i) => i.sku) ?? [];
  const byId = input.shipping_method_id;
  const byName = byId == null ? input.shipping_method : null;
  const [warehouse, method, known] = await db.batch([
    db
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(eq(warehouses.id, input.warehouse_id ?? "")),
    byId != null
      ? db.select().from(shippingMethods).where(eq(shippingMethods.id, byId))
      : db
          .select()
          .from(shippingMethods)
          .where(sql`lower(${shippingMethods.name}) = lower(${byName ?? ""})`)
          .limit(1),
    db
      .select({ sku: products.sku })
      .from(products)
      .where(
        and(
          eq(products.tenantId, tenantId),
          sql`${products.sku} IN (SELECT value FROM json_each(${JSON.stringify(skus)}))`,
        ),
      ),
  ]);
  if (input.warehouse_id !== undefined && warehouse.length === 0) {
    throw validationError(
      "warehouse_id",
      `warehouse_id '${input.warehouse_id}' is not a known warehouse; see GET /v1/warehouses.`,
      "invalid_warehouse",
    );
  }
  if (byId != null && method.length === 0) {
    throw validationError(
      "shipping_method_id",
      `shipping_method_id '${byId}' is not a known shipping method; see GET /v1/shipping-methods.`,
      "invalid_shipping_method",
    );
  }
  if (byName != null && method.length === 0) {
    throw validationError(
      "shipping_method",
      `shipping_method '${byName}' matches no shipping method's name; send shipping_method_id from GET /v1/shipping-methods.`,
      "invalid_shipping_method",
    );
  }
  const knownSkus = new Set(known.map((k) => k.sku));
  const missing = skus.findIndex((sku) => !knownSkus.has(sku));
  if (missing >= 0) {
    throw validationError(
      `items[${missing}].sku`,
      `sku '${skus[missing]}' is not in your catalog; create it with POST /v1/products first.`,
      "unknown_sku",
    );
  }
  const resolved = method[0];
  const shipping =
    byId === undefined && byName === undefined
      ? undefined
      : resolved
        ? { shippingMethodId: resolved.id, shippingMethod: resolved.name }
        : { shippingMethodId: null, shippingMethod: null };
  return { shipping };
}

export const toLines = (items: CreateOrder["items"]): LineInput[] =>
  items.map((i) => ({
    sku: i.sku,
    description: i.description ?? null,
    quantity: i.quantity,
    unitPrice: i.unit_price ?? null,
    currency: i.currency ?? null,
  }));

export interface Claim {
  orderId: string;
  /** Queue position and creation time both come from the claim: "oldest" means accepted first. */
  priority: number;
  createdAt: string;
}

/**
 * Binds the reference (and the Idempotency-Key, if any) to one order id, atomically.
 * Concurrent identical requests all come back with the same id; D1's unique indexes
 * are the authority, never KV.
 */
export async function claimOrder(
  db: Db,
  tenantId: string,
  reference: string,
  hash: string,
  candidateId: string,
  idempotencyKey: string | undefined,
): Promise<Claim> {
  const refRow = db
    .select()
    .from(orderReferences)
    .where(and(eq(orderReferences.tenantId, tenantId), eq(orderReferences.reference, reference)));
  const claimRef = db
    .insert(orderReferences)
    .values({ tenantId, reference, orderId: candidateId, requestHash: hash })
    .onConflictDoNothing();
  if (idempotencyKey === undefined) {
    const [, [ref]] = await db.batch([claimRef, refRow]);
    return checkReference(ref, hash, undefined);
  }
  const keyWhere = and(
    eq(idempotencyKeys.tenantId, tenantId),
    eq(idempotencyKeys.key, idempotencyKey),
  );
  const [, , , [ref], [key]] = await db.batch([
    db
      .delete(idempotencyKeys)
      .where(
        and(keyWhere, sql`${idempotencyKeys.expiresAt} < strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`),
      ),
    claimRef,
    db
      .insert(idempotencyKeys)
      .values({
        tenantId,
        key: idempotencyKey,
        requestHash: hash,
        orderId: sql`(SELECT order_id FROM order_references WHERE tenant_id = ${tenantId} AND reference = ${reference})`,
        expiresAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 day')`,
      })
      .onConflictDoNothing(),
    refRow,
    db.select().from(idempotencyKeys).where(keyWhere),
  ]);
  return checkReference(ref, hash, key);
}

function checkReference(
  ref: typeof orderReferences.$inferSelect | undefined,
  hash: string,
  key: typeof idempotencyKeys.$inferSelect | undefined,
): Claim {
  if (key && key.requestHash !== hash) throw keyReused();
  if (!ref) throw new Error("reference claim returned no row");
  if (ref.requestHash !== hash) {
    throw new ApiError(
      409,
      "duplicate_reference",
      `reference is already used by order ${ref.orderId} with a different body.`,
      { field: "reference", order_id: ref.orderId },
    );
  }
  return { orderId: key?.orderId ?? ref.orderId, priority: ref.seq, createdAt: ref.createdAt };
}

const keyReused = () =>
  new ApiError(
    422,
    "idempotency_key_reused",
    "This Idempotency-Key was used with a different request body; use a new key for a new order.",
    { field: "Idempotency-Key" },
  );

/** A finished response's key → order mapping, so a retry skips the D1 claim. */
export const idempotencyCache = {
  key: async (tenantId: string, key: string) => `idem:${tenantId}:${await sha256Hex(key)}`,
  async get(env: Env, tenantId: string, key: string, hash: string): Promise<string | undefined> {
    const hit = await env.KV.get<{ hash: string; orderId: string }>(
      await this.key(tenantId, key),
      "json",
    );
    if (!hit) return undefined;
    if (hit.hash !== hash) throw keyReused();
    return hit.orderId;
  },
  async put(env: Env, tenantId: string, key: string, hash: string, orderId: string) {
    await env.KV.put(await this.key(tenantId, key), JSON.stringify({ hash, orderId }), {
      expirationTtl: IDEMPOTENCY_TTL_SECONDS,
    });
  },
};

/** Turns an order object's refusal into the error envelope. */
export function unwrap(outcome: Outcome): { order: OrderView; created: boolean } {
  if (!outcome.ok)
    throw new ApiError(outcome.status, outcome.code, outcome.message, outcome.details);
  return outcome;
}

/** Reads orders as the API shows them, with live allocation, in the given order. */
export async function readOrders(db: Db, rows: OrderRow[]): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const inIds = (column: typeof orderLines.orderId | typeof stockDemands.orderId) =>
    sql`${column} IN (SELECT value FROM json_each(${ids}))`;
  const [[lines, demands], shipments] = await Promise.all([
    db.batch([
      db.select().from(orderLines).where(inIds(orderLines.orderId)),
      db
        .select({
          orderId: stockDemands.orderId,
          sku: stockDemands.sku,
          status: stockDemands.status,
        })
        .from(stockDemands)
        .where(inIds(stockDemands.orderId)),
    ]),
    shipmentsOfOrders(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((row) =>
    renderOrder(
      row,
      lines.filter((l) => l.orderId === row.id),
      new Map(
        demands.filter((d) => d.orderId === row.id).map((d) => [d.sku, d.status as DemandStatus]),
      ),
      shipments.get(row.id) ?? [],
    ),
  );
}

export async function readOrder(
  db: Db,
  tenantId: string,
  id: string,
): Promise<OrderView | undefined> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), eq(orders.tenantId, tenantId)));
  return (await readOrders(db, rows))[0];
}
