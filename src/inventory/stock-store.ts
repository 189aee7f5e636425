import { and, eq, sql } from "drizzle-orm";
import { type Db, statement } from "../db/client";
import { type EventWrite, eventStatements } from "../db/events";
import { feedStamp, feedStampJoined } from "../db/feed";
import {
  inventory,
  inventoryAdjustments,
  inventoryConditionMoves,
  inventorySkus,
  products,
  stockDemands,
  stockLots,
  stockMovements,
} from "../db/schema";
import { chunked, inList, jsonRows, NOW } from "../db/sql";
import type { StockKey } from "../durable/stubs";
import {
  type Demand,
  type LotLevels,
  type LotQuantities,
  NOTHING_HELD,
  type StockLevels,
} from "./allocation";
import { holderOf, lineOf } from "./inventory.notices";
import {
  type AdjustmentSnapshot,
  adjustmentSnapshot,
  type ConditionMoveSnapshot,
  skuSnapshot,
} from "./inventory.snapshot";
import type {
  AdjustedEvent,
  AdjustmentInput,
  ConditionMoveInput,
  Movement,
  PublishedEvent,
} from "./stock-ops";

/*
 * How one stock row persists to D1: its levels, its demands, and the movements and
 * adjustments that changed it, with their records' events, in one batch per commit; and,
 * later, the SKU's stock published: its place in the inventory feed and its events.
 */

export interface Loaded {
  levels: StockLevels;
  version: number;
  demands: Demand[];
  lots: LotLevels[];
  /** Whether the SKU has its row in the inventory feed, which every list walks. */
  listed: boolean;
}

/** The product's minimum shelf life now: a row with lots reads it at each commit. */
export async function minShelfLifeOf(db: Db, key: StockKey): Promise<number> {
  const [row] = await db
    .select({ days: products.minShelfLifeDays })
    .from(products)
    .where(and(eq(products.tenantId, key.tenantId), eq(products.sku, key.sku)));
  return row?.days ?? 0;
}

const rowOf = (key: StockKey) => ({
  tenant: eq(inventory.tenantId, key.tenantId),
  warehouse: eq(inventory.warehouseId, key.warehouseId),
  sku: eq(inventory.sku, key.sku),
});

export async function loadStock(db: Db, key: StockKey): Promise<Loaded> {
  const where = rowOf(key);
  const [rows, demands, lots, listed] = await db.batch([
    db
      .select()
      .from(inventory)
      .where(and(where.tenant, where.warehouse, where.sku)),
    db
      .select()
      .from(stockDemands)
      .where(
        and(
          eq(stockDemands.tenantId, key.tenantId),
          eq(stockDemands.warehouseId, key.warehouseId),
          eq(stockDemands.sku, key.sku),
          // Released demands stay as history; the literal lets SQLite seek the open ones alone.
          sql`${stockDemands.status} <> 'released'`,
        ),
      ),
    db
      .select()
      .from(stockLots)
      .where(
        and(
          eq(stockLots.tenantId, key.tenantId),
          eq(stockLots.warehouseId, key.warehouseId),
          eq(stockLots.sku, key.sku),
        ),
      ),
    db
      .select({ sku: inventorySkus.sku })
      .from(inventorySkus)
      .where(and(eq(inventorySkus.tenantId, key.tenantId), eq(inventorySkus.sku, key.sku))),
  ]);
  const row = rows[0];
  return {
    levels: {
      onHand: row?.onHand ?? 0,
      allocated: row?.allocated ?? 0,
      backordered: row?.backordered ?? 0,
      held: row
        ? { quarantine: row.quarantine, damaged: row.damaged, expired: row.expired }
        : { ...NOTHING_HELD },
    },
    version: row?.version ?? 0,
    demands: demands.map((d) => ({
      holder: holderOf(d),
      quantity: d.quantity,
      status: d.status === "allocated" ? "allocated" : "backordered",
      priority: d.priority,
      seq: d.seq,
      locked: d.locked,
      ...(d.lots && { lots: d.lots }),
      ...(d.shipBy && { shipBy: d.shipBy }),
    })),
    lots: lots.map((l) => ({
      lot: l.lot,
      expiresOn: l.expiresOn,
      onHand: l.onHand,
      allocated: l.allocated,
      held: { quarantine: l.quarantine, damaged: l.damaged, expired: l.expired },
    })),
    listed: listed.length > 0,
  };
}

export interface Applied {
  /** Each ref applied, with the lots it moved when it named any. */
  refs: Map<string, LotQuantities | undefined>;
  adjustments: Map<string, AdjustmentSnapshot>;
  conditionMoves: Map<string, ConditionMoveSnapshot>;
}

/** Which of these movement refs, adjustment ids and condition move ids this row has applied. */
export async function appliedAlready(
  db: Db,
  key: StockKey,
  refs: string[],
  adjustmentIds: string[],
  conditionMoveIds: string[],
): Promise<Applied> {
  if (refs.length === 0 && adjustmentIds.length === 0 && conditionMoveIds.length === 0) {
    return { refs: new Map(), adjustments: new Map(), conditionMoves: new Map() };
  }
  const [moved, adjusted, conditioned] = await db.batch([
    db
      .select({ ref: stockMovements.ref, lots: stockMovements.lots })
      .from(stockMovements)
      .where(
        and(
          eq(stockMovements.tenantId, key.tenantId),
          eq(stockMovements.warehouseId, key.warehouseId),
          eq(stockMovements.sku, key.sku),
          inList(stockMovements.ref, refs),
        ),
      ),
    db
      .select()
      .from(inventoryAdjustments)
      .where(
        and(
          inList(inventoryAdjustments.id, adjustmentIds),
          // The unary + keeps SQLite on the id's key: offered tenant_id = ?, it would walk
          // the tenant's adjustments by their feed index instead.
          sql`+${inventoryAdjustments.tenantId} = ${key.tenantId}`,
        ),
      ),
    db
      .select()
      .from(inventoryConditionMoves)
      .where(
        and(
          inList(inventoryConditionMoves.id, conditionMoveIds),
          // As above: the id's key, not the tenant's feed index.
          sql`+${inventoryConditionMoves.tenantId} = ${key.tenantId}`,
        ),
      ),
  ]);
  return {
    refs: new Map(moved.map((m) => [m.ref, m.lots ?? undefined])),
    adjustments: new Map(adjusted.map((a) => [a.id, a])),
    conditionMoves: new Map(conditioned.map((m) => [m.id, m])),
  };
}

export interface Commit {
  version: number;
  levels: StockLevels;
  demands: Map<string, Demand | null>;
  movements: Movement[];
  adjustments: AdjustmentInput[];
  conditionMoves: ConditionMoveInput[];
  events: AdjustedEvent[];
  /** The lots this commit changed, as they now are. */
  lots: LotLevels[];
  /**
   * The SKU has no row in the inventory feed yet: this commit gives it one, so a SKU is
   * listed from its first stock, not from its first publication.
   */
  unlisted: boolean;
}

/** What a commit wrote that its callers are answered with, as committed. */
export interface Written {
  adjustments: AdjustmentSnapshot[];
  conditionMoves: ConditionMoveSnapshot[];
}

/** Each adjustment's `inventory.adjusted`, carrying the adjustment as committed. */
const adjustedWrites = (events: readonly AdjustedEvent[]): EventWrite[] =>
  events.length === 0
    ? []
    : [
        {
          events: [{ type: "inventory.adjusted" }],
          resources: events.map((e) => e.adjustmentId),
          snapshot: adjustmentSnapshot,
        },
      ];

/** The SKU's place at the end of the inventory feed, stamped inside the write. */
function feedWrite(db: Db, key: StockKey) {
  const stamp = feedStampJoined("inventory_skus", key.tenantId);
  return statement(
    db,
    sql`INSERT INTO inventory_skus (tenant_id, sku, updated_at, change_seq)
      SELECT ${key.tenantId}, ${key.sku}, ${stamp.updatedAt}, ${stamp.changeSeq}
      FROM (SELECT 1) ${stamp.from} WHERE true
      ON CONFLICT (tenant_id, sku) DO UPDATE SET
        updated_at = excluded.updated_at, change_seq = excluded.change_seq`,
  );
}

/**
 * Publishes the SKU's stock as committed: moves it to the end of the inventory feed and
 * records `events`, each carrying the SKU's stock as of this write; a low-stock crossing is
 * recorded only where the product's threshold as stored lies across its move.
 */
export async function publishStock(db: Db, key: StockKey, events: readonly PublishedEvent[]) {
  const ofSku = events.map((e): EventWrite["events"][number] => {
    if (e.type === "inventory.updated") return { type: e.type };
    const { from, to } = e.available;
    const crossed =
      e.type === "inventory.low_stock"
        ? sql`${from} >= low_stock_threshold AND ${to} < low_stock_threshold`
        : sql`${from} < low_stock_threshold AND ${to} >= low_stock_threshold`;
    const when = sql`EXISTS (SELECT 1 FROM products WHERE tenant_id = ${key.tenantId}
      AND sku = ${key.sku} AND low_stock_threshold IS NOT NULL AND ${crossed})`;
    return { type: e.type, when };
  });
  await db.batch([
    feedWrite(db, key),
    ...eventStatements(db, key.tenantId, [
      { events: ofSku, resources: [key.sku], snapshot: () => skuSnapshot(key.tenantId, key.sku) },
    ]),
  ]);
}

/**
 * One batch: movements and adjustments first, then the levels (with the SKU's first feed
 * stamp, for a SKU not yet listed), the demands, and last the adjustments' events, which
 * read them as committed. The SKU's stock is published later (`publishStock`).
 */
export async function commitStock(db: Db, key: StockKey, commit: Commit): Promise<Written> {
  const writes: Parameters<Db["batch"]>[0][number][] = [];
  for (const group of chunked(commit.movements)) {
    writes.push(
      statement(
        db,
        sql`INSERT INTO stock_movements (tenant_id, warehouse_id, sku, ref, order_id, quantity_delta, lots)
        SELECT ${key.tenantId}, ${key.warehouseId}, ${key.sku}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3
        FROM ${jsonRows(
          group.map((m) => [
            m.ref,
            m.holder && lineOf(m.holder).orderId,
            m.delta,
            m.lots ? JSON.stringify(m.lots) : null,
          ]),
        )} AS j`,
      ),
    );
  }
  for (const a of commit.adjustments) {
    const stamp = feedStamp("inventory_adjustments", key.tenantId);
    writes.push(
      db.insert(inventoryAdjustments).values({
        id: a.id,
        tenantId: key.tenantId,
        warehouseId: key.warehouseId,
        sku: key.sku,
        quantityDelta: a.delta,
        reason: a.reason,
        lot: a.lot?.lot ?? null,
        expiresOn: a.lot?.expiresOn ?? null,
        note: a.note,
        actor: a.actor,
        // adjusted_at is the feed's own timestamp, assigned in the write, so polling
        // with updated_since against it never misses an adjustment.
        adjustedAt: stamp.updatedAt,
        updatedAt: stamp.updatedAt,
        changeSeq: stamp.changeSeq,
      }),
    );
  }
  for (const m of commit.conditionMoves) {
    const stamp = feedStamp("inventory_condition_moves", key.tenantId);
    writes.push(
      db.insert(inventoryConditionMoves).values({
        id: m.id,
        tenantId: key.tenantId,
        warehouseId: key.warehouseId,
        sku: key.sku,
        fromCondition: m.from,
        toCondition: m.to,
        quantity: m.quantity,
        reason: m.reason,
        lot: m.lot ?? null,
        note: m.note,
        actor: m.actor,
        // As adjusted_at: the feed's own timestamp, so updated_since never misses a move.
        movedAt: stamp.updatedAt,
        updatedAt: stamp.updatedAt,
        changeSeq: stamp.changeSeq,
      }),
    );
  }
  const { held, ...levels } = commit.levels;
  const counts = { ...levels, ...held, version: commit.version, updatedAt: NOW };
  writes.push(
    db
      .insert(inventory)
      .values({ ...key, ...counts })
      .onConflictDoUpdate({
        target: [inventory.tenantId, inventory.warehouseId, inventory.sku],
        set: counts,
      }),
  );
  if (commit.unlisted) writes.push(feedWrite(db, key));
  for (const group of chunked(
    commit.lots.map((l) => [
      l.lot,
      l.expiresOn,
      l.onHand,
      l.allocated,
      l.held.quarantine,
      l.held.damaged,
      l.held.expired,
    ]),
  )) {
    writes.push(
      statement(
        db,
        sql`INSERT INTO stock_lots (tenant_id, warehouse_id, sku, lot, expires_on, on_hand, allocated, quarantine, damaged, expired, updated_at)
        SELECT ${key.tenantId}, ${key.warehouseId}, ${key.sku}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, ${NOW}
        FROM ${jsonRows(group)} AS j WHERE true
        ON CONFLICT (tenant_id, warehouse_id, sku, lot) DO UPDATE SET
          on_hand = excluded.on_hand, allocated = excluded.allocated, quarantine = excluded.quarantine,
          damaged = excluded.damaged, expired = excluded.expired, updated_at = excluded.updated_at`,
      ),
    );
  }
  const demands = [...commit.demands].map(([holder, d]) => [
    lineOf(holder).orderId,
    lineOf(holder).lineNo,
    d?.quantity ?? 0,
    d?.status ?? "released",
    d?.priority ?? 0,
    d?.seq ?? commit.version,
    d?.locked ? 1 : 0,
    d?.lots ? JSON.stringify(d.lots) : null,
    d?.shipBy ?? null,
  ]);
  for (const group of chunked(demands)) {
    writes.push(
      statement(
        db,
        sql`INSERT INTO stock_demands (tenant_id, warehouse_id, sku, order_id, line_no, quantity, status, priority, seq, locked, lots, ship_by)
        SELECT ${key.tenantId}, ${key.warehouseId}, ${key.sku}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, j.value ->> 8
        FROM ${jsonRows(group)} AS j WHERE true
        ON CONFLICT (tenant_id, warehouse_id, sku, order_id, line_no) DO UPDATE SET
          quantity = excluded.quantity, status = excluded.status, seq = excluded.seq,
          locked = excluded.locked, lots = excluded.lots, ship_by = excluded.ship_by,
          updated_at = ${NOW}`,
      ),
    );
  }
  writes.push(...eventStatements(db, key.tenantId, adjustedWrites(commit.events)));
  const adjustmentIds = commit.adjustments.map((a) => a.id);
  const moveIds = commit.conditionMoves.map((m) => m.id);
  const [first, ...rest] = writes;
  if (!first) return { adjustments: [], conditionMoves: [] };
  // Most commits write neither record: they pay no read for them. The reads go last, so the
  // records answered carry the timestamps the write assigned.
  const reads = [
    ...(adjustmentIds.length > 0
      ? [
          db
            .select()
            .from(inventoryAdjustments)
            .where(inList(inventoryAdjustments.id, adjustmentIds)),
        ]
      : []),
    ...(moveIds.length > 0
      ? [
          db
            .select()
            .from(inventoryConditionMoves)
            .where(inList(inventoryConditionMoves.id, moveIds)),
        ]
      : []),
  ];
  const results = await db.batch([first, ...rest, ...reads]);
  const read = results.slice(results.length - reads.length);
  return {
    adjustments: (adjustmentIds.length > 0 ? read[0] : []) as AdjustmentSnapshot[],
    conditionMoves: (moveIds.length > 0 ? read.at(-1) : []) as ConditionMoveSnapshot[],
  };
}
