import { type SQL, sql } from "drizzle-orm";
import { type Db, statement } from "../db/client";
import { feedStampJoined } from "../db/feed";
import { chunked, jsonRows } from "../db/sql";
import type { ChargeFee, ChargeSource } from "../domain/statuses";
import { newId } from "../lib/ids";
import type { ShipmentRecord } from "../shipments/shipments.rules";
import { toRate } from "./billing.rates";

/*
 * Charge lines, written inside the batch of the fact they charge for (a shipment, a receipt,
 * a processed return, a day's storage), so a fact and its charge commit together or not at
 * all. Each is priced in the write by the tenant's rate card in force on its day, in integer
 * arithmetic (billing.rates.ts defines it), and keyed by its source: a retried or replayed
 * fact inserts nothing. A tenant with no card in force is charged nothing. A void is credited
 * by new lines that negate the shipment's, never by an edit (a trigger forbids one).
 */

type BatchItem = Parameters<Db["batch"]>[0][number];

/** One chargeable fact: what it is, where it comes from, and how many units it counts. */
export interface Fact {
  fee: ChargeFee;
  /** Unique per source: the charge's idempotency key, with the source. */
  key: string;
  sourceType: ChargeSource;
  sourceId: string;
  orderId: string | null;
  warehouseId: string | null;
  description: string;
  quantity: number;
  /** The packaging type, or the storage size class, the card prices this fee by. */
  detail?: string;
  /** Freight: what the carrier charged, passed through with the card's markup. */
  cost?: { amount: string; currency: string };
}

/**
 * The month a line dated `day` goes on: its own, or, once the tenant has issued invoices for
 * that month, the month after the last one issued, which is still open.
 */
const periodOf = (tenantId: string, day: SQL) => {
  const through = sql`(SELECT issued_through FROM billing_heads WHERE tenant_id = ${tenantId})`;
  return sql`CASE WHEN ${through} >= substr(${day}, 1, 7)
    THEN strftime('%Y-%m', ${through} || '-01', '+1 month') ELSE substr(${day}, 1, 7) END`;
};

/** The rate card in force on `day`. */
const cardOn = (tenantId: string, day: SQL) => sql`(SELECT id FROM rate_cards
  WHERE tenant_id = ${tenantId} AND effective_from <= ${day}
  ORDER BY effective_from DESC LIMIT 1)`;

/**
 * The statements that charge `facts` for `tenantId`, dated `day` (today, in the write, unless
 * given), and open the month's draft invoice for the card's currency if it has none yet.
 */
export function chargeStatements(
  db: Db,
  tenantId: string,
  facts: readonly Fact[],
  day: SQL = sql`date('now')`,
): BatchItem[] {
  if (facts.length === 0) return [];
  const rows = facts.map((f) => [
    newId("chg", tenantId),
    `${f.sourceType}:${f.sourceId}:${f.key}`,
    f.fee,
    f.sourceType,
    f.sourceId,
    f.orderId,
    f.warehouseId,
    f.description,
    f.quantity,
    f.detail ?? null,
    f.cost ? toRate(f.cost.amount) : null,
    f.cost?.currency ?? null,
  ]);
  const stamp = feedStampJoined("charges", tenantId);
  const invoiceStamp = feedStampJoined("invoices", tenantId);
  return [
    ...chunked(rows).map((group) =>
      statement(
        db,
        sql`INSERT INTO charges (id, tenant_id, charge_key, fee, source_type, source_id, order_id,
          warehouse_id, description, quantity, unit_rate, amount, tax, currency, rate_card_id,
          credit_for, occurred_on, period, created_at, updated_at, change_seq)
        SELECT p.id, ${tenantId}, p.charge_key, p.fee, p.source_type, p.source_id, p.order_id,
          p.warehouse_id, p.description, p.quantity, p.rate,
          (p.quantity * p.rate * p.factor + 5000) / 10000,
          (((p.quantity * p.rate * p.factor + 5000) / 10000) * p.tax_bps + 5000) / 10000,
          p.currency, p.card_id, NULL, ${day}, ${periodOf(tenantId, day)},
          ${stamp.updatedAt}, ${stamp.updatedAt}, ${stamp.changeSeq} + p.n
        FROM (
          SELECT j.key AS n, j.value ->> 0 AS id, j.value ->> 1 AS charge_key, j.value ->> 2 AS fee,
            j.value ->> 3 AS source_type, j.value ->> 4 AS source_id, j.value ->> 5 AS order_id,
            j.value ->> 6 AS warehouse_id, j.value ->> 7 AS description, j.value ->> 8 AS quantity,
            c.id AS card_id, c.currency, c.minor_factor AS factor, c.tax_bps,
            CASE j.value ->> 2
              WHEN 'order' THEN c.order_fee
              WHEN 'additional_unit' THEN c.additional_unit
              WHEN 'receiving' THEN c.receiving_unit
              WHEN 'return' THEN c.return_fee
              WHEN 'storage' THEN CASE j.value ->> 9 WHEN 'small' THEN c.storage_small
                WHEN 'large' THEN c.storage_large ELSE c.storage_medium END
              WHEN 'packaging' THEN c.packaging ->> (j.value ->> 9)
              WHEN 'freight' THEN CASE WHEN j.value ->> 11 = c.currency
                THEN ((j.value ->> 10) * (10000 + c.freight_markup_bps) + 5000) / 10000 END
            END AS rate
          FROM ${jsonRows(group)} AS j
          JOIN rate_cards AS c ON c.id = ${cardOn(tenantId, day)}
        ) AS p ${stamp.from}
        WHERE p.rate > 0 AND p.quantity > 0
        ON CONFLICT (tenant_id, charge_key) DO NOTHING`,
      ),
    ),
    statement(
      db,
      sql`INSERT INTO invoices (id, tenant_id, period, currency, status, created_at, updated_at, change_seq)
        SELECT ${newId("inv", tenantId)}, ${tenantId}, ${periodOf(tenantId, day)}, c.currency, 'draft',
          ${invoiceStamp.updatedAt}, ${invoiceStamp.updatedAt}, ${invoiceStamp.changeSeq}
        FROM rate_cards AS c ${invoiceStamp.from}
        WHERE c.id = ${cardOn(tenantId, day)}
        ON CONFLICT (tenant_id, period, currency) DO NOTHING`,
    ),
  ];
}

/**
 * A voided shipment's charges credited: a line negating each, once, dated today. The
 * shipment's own lines stay as they were.
 */
export function creditStatements(db: Db, tenantId: string, shipmentId: string): BatchItem[] {
  const stamp = feedStampJoined("charges", tenantId);
  const day = sql`date('now')`;
  return [
    statement(
      db,
      sql`INSERT INTO charges (id, tenant_id, charge_key, fee, source_type, source_id, order_id,
          warehouse_id, description, quantity, unit_rate, amount, tax, currency, rate_card_id,
          credit_for, occurred_on, period, created_at, updated_at, change_seq)
        SELECT c.id || 'C', c.tenant_id, c.charge_key || ':credit', c.fee, c.source_type,
          c.source_id, c.order_id, c.warehouse_id, 'Credit: ' || c.description, c.quantity,
          c.unit_rate, -c.amount, -c.tax, c.currency, c.rate_card_id, c.id, ${day},
          ${periodOf(tenantId, day)}, ${stamp.updatedAt}, ${stamp.updatedAt},
          ${stamp.changeSeq} + (ROW_NUMBER() OVER (ORDER BY c.change_seq)) - 1
        FROM charges AS c INDEXED BY charges_source_idx ${stamp.from}
        WHERE c.tenant_id = ${tenantId} AND c.source_id = ${shipmentId} AND c.credit_for IS NULL
        ON CONFLICT (tenant_id, charge_key) DO NOTHING`,
    ),
  ];
}

/**
 * What a new shipment charges: the order's pick and pack (its first unit) on the first
 * shipment of the order that stands, every other unit, each parcel's packaging, and the
 * freight the floor paid.
 */
export function shipmentFacts(record: ShipmentRecord, others: readonly ShipmentRecord[]): Fact[] {
  const { id, orderId, orderNumber, warehouseId } = record.row;
  const of = { sourceType: "shipment" as const, sourceId: id, orderId, warehouseId };
  const first = !others.some((s) => s.row.id !== id && !s.row.voided);
  const units = record.items.reduce((n, i) => n + i.quantity, 0);
  const facts: Fact[] = [];
  if (first) {
    facts.push({
      ...of,
      fee: "order",
      key: "order",
      description: `Pick and pack, order ${orderNumber}`,
      quantity: 1,
    });
  }
  const additional = first ? units - 1 : units;
  if (additional > 0) {
    facts.push({
      ...of,
      fee: "additional_unit",
      key: "additional_unit",
      description: `Additional units, order ${orderNumber}`,
      quantity: additional,
    });
  }
  const packaging = new Map<string, number>();
  for (const p of record.parcels) {
    if (p.packaging) packaging.set(p.packaging, (packaging.get(p.packaging) ?? 0) + 1);
  }
  for (const [type, parcels] of packaging) {
    facts.push({
      ...of,
      fee: "packaging",
      key: `packaging:${type}`,
      description: `Packaging ${type}, order ${orderNumber}`,
      quantity: parcels,
      detail: type,
    });
  }
  const { costAmount, costCurrency } = record.row;
  if (costAmount !== null && costCurrency !== null) {
    facts.push({
      ...of,
      fee: "freight",
      key: "freight",
      description: `Freight, order ${orderNumber}`,
      quantity: 1,
      cost: { amount: costAmount, currency: costCurrency },
    });
  }
  return facts;
}

/** What a receipt charges: every unit that arrived, damaged or not. */
export function receiptFacts(receipt: {
  id: string;
  asn: { reference: string; warehouseId: string };
  items: readonly { received_quantity: number }[];
}): Fact[] {
  return [
    {
      fee: "receiving",
      key: "receiving",
      sourceType: "receipt",
      sourceId: receipt.id,
      orderId: null,
      warehouseId: receipt.asn.warehouseId,
      description: `Receiving, ASN ${receipt.asn.reference}`,
      quantity: receipt.items.reduce((n, i) => n + i.received_quantity, 0),
    },
  ];
}

/** What a processed return charges: one return. */
export function returnFacts(row: {
  id: string;
  orderId: string;
  orderNumber: string;
  warehouseId: string;
}): Fact[] {
  return [
    {
      fee: "return",
      key: "return",
      sourceType: "return",
      sourceId: row.id,
      orderId: row.orderId,
      warehouseId: row.warehouseId,
      description: `Return processing, order ${row.orderNumber}`,
      quantity: 1,
    },
  ];
}
