import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import type { orders } from "../db/schema";
import { products, shippingMethods, warehouses } from "../db/schema";
import { inList } from "../db/sql";
import type { TrackingStatus } from "../domain/statuses";
import { newId } from "../lib/ids";
import type { ShipInput, ShipItem, ShipmentRecord } from "../shipments/shipments.rules";
import type { ParcelScans } from "../shipments/shipments.tracking";
import { carrierScans } from "./carrier-scans";
import { simulatedParcels } from "./parcels";
import { postage } from "./postage";

const LB_IN_KG = 0.45359237;

async function warehouseAddress(db: Db, warehouseId: string) {
  const [row] = await db
    .select({ address: warehouses.address })
    .from(warehouses)
    .where(eq(warehouses.id, warehouseId));
  return row?.address;
}

/** The warehouse's country, where its parcels leave from; null for a warehouse not found. */
export async function warehouseCountry(db: Db, warehouseId: string): Promise<string | null> {
  return (await warehouseAddress(db, warehouseId))?.country ?? null;
}

/**
 * The carrier's scans that take each parcel of a shipment to `target`, from the order's
 * warehouse to its ship-to address (the ship-to's country when the warehouse is not found).
 */
export async function simulatedScans(
  db: Db,
  order: Pick<typeof orders.$inferSelect, "warehouseId" | "shipTo">,
  record: ShipmentRecord,
  target: TrackingStatus,
): Promise<ParcelScans[]> {
  const { shipTo } = order;
  const destination = { city: shipTo.city, region: shipTo.state ?? null, country: shipTo.country };
  const address = await warehouseAddress(db, order.warehouseId);
  const origin = address
    ? { city: address.city, region: address.state ?? null, country: address.country }
    : { city: null, region: null, country: shipTo.country };
  const route = { origin, destination, recipient: shipTo.name };
  const now = Date.now();
  return record.parcels.map((p) => ({
    trackingNumber: p.trackingNumber,
    events: carrierScans(p, target, route, record.row.shippedAt, now),
  }));
}

type Unit<T> = T extends { unit: infer U } ? U : never;
type ProductRow = typeof products.$inferSelect;

const weightOf = (p: ProductRow) =>
  p.weightValue && p.weightUnit
    ? { value: p.weightValue, unit: p.weightUnit as Unit<ShipInput["parcels"][number]["weight"]> }
    : null;

const dimensionsOf = (p: ProductRow) =>
  p.length && p.width && p.height && p.dimensionUnit
    ? {
        length: p.length,
        width: p.width,
        height: p.height,
        unit: p.dimensionUnit as Unit<ShipInput["parcels"][number]["dimensions"]>,
      }
    : null;

/**
 * Serial numbers for a serial-tracked item the sandbox's floor ships, when none were named:
 * unique per tenant and SKU because a new shipment id is random.
 */
const simulatedSerials = (shipmentId: string, item: number, quantity: number) =>
  Array.from({ length: quantity }, (_, n) => `SIM-${shipmentId.slice(4)}-${item + 1}-${n + 1}`);

/**
 * The ship command the sandbox's warehouse sends: parcels for the order's carrier, packed
 * from the products' weights and sizes, numbered deterministically per order and shipment
 * so a partner's test can assert them, and its cost by the parcels' weights and the zone
 * from the warehouse's country to the order's (src/simulator/postage.ts).
 */
export async function simulatedShipment(
  db: Db,
  order: Pick<
    typeof orders.$inferSelect,
    "id" | "tenantId" | "shippingMethodId" | "shippingMethod" | "warehouseId" | "shipTo"
  >,
  /** Shipments the order has had, voided ones too: the next one's place in its numbering. */
  shipmentCount: number,
  items: ShipItem[],
  parcels: number,
): Promise<ShipInput> {
  const [method] = order.shippingMethodId
    ? await db
        .select({ carrier: shippingMethods.carrier, name: shippingMethods.name })
        .from(shippingMethods)
        .where(eq(shippingMethods.id, order.shippingMethodId))
    : [];
  const catalog = await db
    .select()
    .from(products)
    .where(
      and(
        eq(products.tenantId, order.tenantId),
        inList(
          products.sku,
          items.map((i) => i.sku),
        ),
      ),
    );
  const bySku = new Map(catalog.map((p) => [p.sku, p]));
  const shipmentId = newId("shp", order.tenantId);
  const packed = simulatedParcels({
    seed: `${order.id}:${shipmentCount}`,
    carrier: method?.carrier ?? "auspost",
    service: method?.name ?? order.shippingMethod ?? "Standard",
    count: parcels,
    items: items.map((i) => {
      const product = bySku.get(i.sku);
      return {
        ...i,
        weight: product ? weightOf(product) : null,
        dimensions: product ? dimensionsOf(product) : null,
      };
    }),
  });
  const origin = await warehouseCountry(db, order.warehouseId);
  return {
    shipmentId,
    parcels: packed,
    items: items.map((item, i) =>
      bySku.get(item.sku)?.serialTracked && !item.serials
        ? { ...item, serials: simulatedSerials(shipmentId, i, item.quantity) }
        : item,
    ),
    cost: origin
      ? postage(
          origin,
          order.shipTo.country,
          packed.map((p) => (p.weight.unit === "kg" ? p.weight.value : p.weight.value * LB_IN_KG)),
        )
      : null,
    shippedAt: new Date().toISOString(),
  };
}
