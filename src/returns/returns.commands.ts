import { unlessArchived } from "../db/archived-orders";
import type { Db } from "../db/client";
import { isAbort, isUniqueViolation } from "../db/errors";
import { Refused, refused } from "../domain/refusals";
import { serialFacts, unitKey } from "../serials/serials.store";
import { nameReturnedLots } from "./return-lots";
import {
  currentFacts,
  findByRma,
  findReturn,
  findReturnWithFacts,
  recordingState,
} from "./return-reads";
import {
  placeReturned,
  type ReceivedItem,
  refuseReturn,
  refuseReturnedSerials,
  returnedStock,
  returnedUnits,
  sameReceipt,
} from "./return-rules";
import { settleReturnStock } from "./return-stock";
import { commitProcessed, commitReceipt, insertReceived, type Stored } from "./return-store";
import type { RecordReturn } from "./returns.routes";

/*
 * The floor's commands on returns. Each checks the return against its order before it
 * writes, and answers a repeat of a change already made with the return as it stands, so
 * a retry that raced its first attempt (or found it half done) never fails.
 */

/** Who is asking: a tenant key acts on its own returns, a platform key (tenant null) on any. */
export interface Floor {
  env: Env;
  db: Db;
  tenantId: string | null;
}

/**
 * A receipt the return already holds, line for line, is a repeat: the return as it is,
 * with its stock made sure of. Any other receipt of a received return is a 409.
 */
async function repeatedReceipt(
  who: Floor,
  stored: Stored,
  items: readonly ReceivedItem[],
): Promise<Stored> {
  const received = stored.lines.filter((l) => l.stage === "received");
  if (!sameReceipt(received, items)) {
    throw refused("already_received", {
      return_status: stored.row.status,
      return_id: stored.row.id,
    });
  }
  await settleReturnStock(who.env, who.db, stored);
  return stored;
}

/**
 * The trigger refused lines that the checks had passed, because a concurrent receipt for
 * the order committed first: the refusal as the order's facts now explain it.
 */
async function racedReturn(db: Db, orderId: string, items: readonly ReceivedItem[]) {
  const placed = placeReturned(items, await currentFacts(db, orderId));
  return new Refused(Array.isArray(placed) ? { code: "return_conflict" } : placed);
}

/**
 * Refuses serial numbers that do not fit what arrived: one per unit of a serial-tracked
 * product, each still out on a shipment of the order. Read before the write, which the
 * `serial_returns` trigger holds to the same rule when receipts race.
 */
async function checkSerials(
  db: Db,
  order: { tenantId: string; orderId: string },
  items: readonly ReceivedItem[],
) {
  const { tracked, out } = await serialFacts(
    db,
    order.tenantId,
    order.orderId,
    items.map((i) => i.sku),
    returnedUnits(items),
  );
  const refusal = refuseReturnedSerials(items, tracked, out, unitKey);
  if (refusal) throw new Refused(refusal);
}

/** A receipt whose serial the trigger found no longer out: the refusal as things now stand. */
async function racedSerials(
  db: Db,
  order: { tenantId: string; orderId: string },
  items: readonly ReceivedItem[],
) {
  await checkSerials(db, order, items);
  return new Refused({ code: "return_conflict" });
}

/** POST /v1/ops/returns/{id}/receive: expected → received, restocked units onto the shelf. */
export async function receiveReturn(
  who: Floor,
  returnId: string,
  items: readonly ReceivedItem[],
): Promise<Stored> {
  const loaded = await findReturnWithFacts(who.db, who.tenantId, returnId);
  if (!loaded) throw refused("not_found", { resource: "return", id: returnId });
  if (loaded.row.status !== "expected") return repeatedReceipt(who, loaded, items);
  const order = { tenantId: loaded.row.tenantId, orderId: loaded.row.orderId };
  const placed = placeReturned(await nameReturnedLots(who.db, order, items), loaded.facts);
  if (!Array.isArray(placed)) throw new Refused(placed);
  await checkSerials(who.db, order, items);
  let stored: Stored;
  try {
    stored = await commitReceipt(who.db, loaded, placed, returnedStock(items).length > 0);
  } catch (err) {
    if (isAbort(err, "return_status_conflict")) {
      const now = await findReturn(who.db, who.tenantId, returnId);
      if (now) return repeatedReceipt(who, now, items);
    }
    if (isAbort(err, "return_over_shipped")) {
      throw await racedReturn(who.db, loaded.row.orderId, items);
    }
    if (isAbort(err, "serial_not_out")) throw await racedSerials(who.db, order, items);
    throw err;
  }
  await settleReturnStock(who.env, who.db, stored);
  return stored;
}

/** POST /v1/ops/returns: a return that arrived without an RMA, received at once. */
export async function recordReturn(
  who: Floor,
  returnId: string,
  body: RecordReturn,
): Promise<{ stored: Stored; created: boolean }> {
  const { db } = who;
  const state = await recordingState(db, who.tenantId, {
    returnId,
    orderId: body.order_id,
    warehouseId: body.warehouse_id,
  });
  if (state.existing) {
    await settleReturnStock(who.env, db, state.existing);
    return { stored: state.existing, created: false };
  }
  const refusal = refuseReturn(state.facts, {
    order_id: body.order_id,
    warehouse: { id: body.warehouse_id, resolved: state.warehouse },
    items: body.items,
  });
  if (!Array.isArray(refusal)) {
    throw new Refused(await unlessArchived(db, who.tenantId, body.order_id, refusal));
  }
  const order = state.facts.order as NonNullable<typeof state.facts.order>;
  const ofOrder = { tenantId: order.tenantId, orderId: order.id };
  const placed = await nameReturnedLots(db, ofOrder, refusal);
  await checkSerials(db, ofOrder, body.items);
  let stored: Stored;
  try {
    stored = await insertReceived(
      db,
      {
        id: returnId,
        tenantId: order.tenantId,
        orderId: order.id,
        orderNumber: order.orderNumber,
        rma: body.rma ?? null,
        warehouseId: body.warehouse_id,
        reason: body.reason ?? null,
      },
      placed,
      returnedStock(body.items).length > 0,
    );
  } catch (err) {
    if (body.rma !== undefined && isUniqueViolation(err, "returns.rma")) {
      const holder = await findByRma(db, order.tenantId, body.rma);
      throw refused("duplicate_rma", {
        field: "rma",
        return_id: holder?.row.id,
        rma: body.rma,
        announced: true,
      });
    }
    if (isUniqueViolation(err, "returns.id")) {
      // A retry of this very request wrote it first.
      const now = await findReturn(db, who.tenantId, returnId);
      if (now) return { stored: now, created: false };
    }
    if (isAbort(err, "return_over_shipped")) throw await racedReturn(db, order.id, body.items);
    if (isAbort(err, "serial_not_out")) throw await racedSerials(db, ofOrder, body.items);
    throw err;
  }
  await settleReturnStock(who.env, db, stored);
  return { stored, created: true };
}

/** POST /v1/ops/returns/{id}/process: received → processed; processing twice changes nothing. */
export async function processReturn(who: Floor, returnId: string): Promise<Stored> {
  const stored = await findReturn(who.db, who.tenantId, returnId);
  if (!stored) throw refused("not_found", { resource: "return", id: returnId });
  if (stored.row.status === "processed") return stored;
  if (stored.row.status === "expected") {
    throw refused("not_received", { return_status: stored.row.status, return_id: returnId });
  }
  try {
    return await commitProcessed(who.db, stored);
  } catch (err) {
    if (isAbort(err, "return_status_conflict")) {
      // Statuses only move forward, so the change that beat this one processed it.
      const now = await findReturn(who.db, who.tenantId, returnId);
      if (now?.row.status === "processed") return now;
    }
    throw err;
  }
}
