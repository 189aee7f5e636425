import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { sandboxSettings } from "../db/schema";
import { NOW } from "../db/sql";
import { DEFAULT_SETTINGS, type SimulationSettings } from "./simulator.plan";

/*
 * Settings are read by order objects after every change in development and sandbox, so
 * this isolate keeps them briefly: a change made through another isolate is seen within
 * CACHE_MS, one made through this isolate at once.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { settings: SimulationSettings; until: number }>();

/** Settings this isolate read recently, without asking D1; undefined when it does not know. */
export const cachedSettings = (tenantId: string): SimulationSettings | undefined => {
  const hit = cache.get(tenantId);
  return hit && hit.until > Date.now() ? hit.settings : undefined;
};

const remember = (tenantId: string, settings: SimulationSettings) => {
  cache.set(tenantId, { settings, until: Date.now() + CACHE_MS });
  return settings;
};

export async function readSettings(db: Db, tenantId: string): Promise<SimulationSettings> {
  const cached = cachedSettings(tenantId);
  if (cached) return cached;
  const [row] = await db
    .select()
    .from(sandboxSettings)
    .where(eq(sandboxSettings.tenantId, tenantId));
  return remember(tenantId, row ? toSettings(row) : DEFAULT_SETTINGS);
}

export async function writeSettings(db: Db, tenantId: string, settings: SimulationSettings) {
  const [row] = await db
    .insert(sandboxSettings)
    .values({ tenantId, ...settings })
    .onConflictDoUpdate({
      target: sandboxSettings.tenantId,
      set: { ...settings, updatedAt: NOW },
    })
    .returning();
  if (!row) throw new Error("sandbox settings write returned nothing");
  remember(tenantId, toSettings(row));
  return row;
}

export const settingsRow = async (db: Db, tenantId: string) =>
  (await db.select().from(sandboxSettings).where(eq(sandboxSettings.tenantId, tenantId)))[0];

const toSettings = (row: typeof sandboxSettings.$inferSelect): SimulationSettings => ({
  autoFulfill: row.autoFulfill,
  pickAfterSeconds: row.pickAfterSeconds,
  shipAfterSeconds: row.shipAfterSeconds,
  deliverAfterSeconds: row.deliverAfterSeconds,
  parcelsPerOrder: row.parcelsPerOrder,
  cancellationRequests: row.cancellationRequests,
  cancellationRejectionReason: row.cancellationRejectionReason,
});
