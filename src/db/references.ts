import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { refused } from "../domain/refusals";
import { jsonRows } from "./sql";

/*
 * What an order refers to (a warehouse, a shipping method, catalog SKUs), resolved in SQL
 * so that a create can check them in the same batch that claims its reference, and claim
 * nothing when one is wrong.
 */

export interface References {
  warehouse_id?: string;
  shipping_method_id?: string | null;
  shipping_method?: string | null;
  items?: { sku: string }[];
}

export interface Resolved {
  warehouse: string | null;
  /** Every method the request's id or free text matches (at most two: one more is ambiguous). */
  methods: { id: string; name: string }[] | null;
  /** Every method's name, fetched only for free text, to say what would have matched. */
  names: string[] | null;
  known: string[];
}

const skusOf = (refs: References) => refs.items?.map((i) => i.sku) ?? [];

/** Guide §1: "accept a free-text name as a fallback": a method's name, service code or alias. */
function methodMatch(refs: References): SQL | undefined {
  if (refs.shipping_method_id != null) return sql`id = ${refs.shipping_method_id}`;
  const text = refs.shipping_method;
  if (text == null) return undefined;
  return sql`(lower(name) = lower(${text}) OR lower(service_code) = lower(${text})
    OR EXISTS (SELECT 1 FROM json_each(aliases) AS a WHERE lower(a.value) = lower(${text})))`;
}

const byText = (refs: References) =>
  refs.shipping_method_id == null && refs.shipping_method != null;

/**
 * The catalogue's products among `skus`, each line's SKU seeked once. An `IN` list would
 * cost SQLite a read per value to build its lookup table, twice the rows of the join.
 */
const catalogued = (tenantId: string, skus: readonly string[]) =>
  sql`FROM ${jsonRows(skus)} AS j JOIN products AS p ON p.tenant_id = ${tenantId} AND p.sku = j.value`;

/** True in SQL when every reference resolves. */
export function referencesHold(tenantId: string, refs: References): SQL {
  const skus = skusOf(refs);
  const method = methodMatch(refs);
  return sql`(${refs.warehouse_id === undefined ? sql`1` : sql`EXISTS (SELECT 1 FROM warehouses WHERE id = ${refs.warehouse_id})`}
    AND ${method ? sql`EXISTS (SELECT 1 FROM shipping_methods WHERE ${method})` : sql`1`}
    AND (SELECT COUNT(*) ${catalogued(tenantId, skus)}) = ${skus.length})`;
}

/** What each reference resolves to, as one JSON value for the caller's SELECT. */
export function referencesJson(tenantId: string, refs: References): SQL {
  const method = methodMatch(refs);
  return sql`json_object(
    'warehouse', (SELECT id FROM warehouses WHERE id = ${refs.warehouse_id ?? null}),
    'methods', ${method ? sql`json((SELECT json_group_array(json_object('id', id, 'name', name)) FROM (SELECT id, name FROM shipping_methods WHERE ${method} ORDER BY id LIMIT 2)))` : sql`NULL`},
    'names', ${byText(refs) ? sql`json((SELECT json_group_array(name) FROM (SELECT name FROM shipping_methods ORDER BY name)))` : sql`NULL`},
    'known', json((SELECT json_group_array(p.sku) ${catalogued(tenantId, skusOf(refs))})))`;
}

/**
 * The shipping fields the order stores, or a 422 naming the first reference that does
 * not resolve. `undefined` shipping means the request did not mention a method.
 */
export function checkReferences(refs: References, resolved: Resolved) {
  if (refs.warehouse_id !== undefined && resolved.warehouse === null) {
    throw refused("invalid_warehouse", { field: "warehouse_id", warehouse_id: refs.warehouse_id });
  }
  const [method, another] = resolved.methods ?? [];
  if (refs.shipping_method_id != null && !method) {
    throw refused("invalid_shipping_method", {
      field: "shipping_method_id",
      value: refs.shipping_method_id,
    });
  }
  if (byText(refs) && !method) {
    throw refused("invalid_shipping_method", {
      field: "shipping_method",
      value: refs.shipping_method,
      names: (resolved.names ?? []).map((n) => `'${n}'`).join(", "),
    });
  }
  if (byText(refs) && another) {
    throw refused("ambiguous_shipping_method", {
      field: "shipping_method",
      value: refs.shipping_method,
      first: method?.name,
      second: another.name,
    });
  }
  const known = new Set(resolved.known);
  const skus = skusOf(refs);
  const missing = skus.findIndex((sku) => !known.has(sku));
  if (missing >= 0) {
    throw refused("unknown_sku", { field: `items[${missing}].sku`, sku: skus[missing] });
  }
  if (refs.shipping_method_id === undefined && refs.shipping_method === undefined) {
    return { shipping: undefined };
  }
  return {
    shipping: {
      shippingMethodId: method?.id ?? null,
      shippingMethod: method?.name ?? null,
    },
  };
}

export async function resolveReferences(db: Db, tenantId: string, refs: References) {
  const row = await db.get<{ refs: string }>(sql`SELECT ${referencesJson(tenantId, refs)} AS refs`);
  return checkReferences(refs, JSON.parse(row.refs) as Resolved);
}
