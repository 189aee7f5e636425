import type { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type {
  CancellationRequest as CancellationRequestShape,
  Dimensions as DimensionsShape,
  ShipTo as ShipToShape,
  Weight as WeightShape,
} from "../../domain/shapes";

export type ShipTo = z.infer<typeof ShipToShape>;
export type Weight = z.infer<typeof WeightShape>;
export type Dimensions = z.infer<typeof DimensionsShape>;
export type CancellationRequest = z.infer<typeof CancellationRequestShape>;

// Timestamps are ISO-8601 UTC strings with milliseconds, assigned by the database
// inside the write so that `updated_since` polling never depends on a caller's clock.
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export interface StoredAddress {
  address1: string;
  address2?: string | null;
  city: string;
  state?: string | null;
  postcode?: string | null;
  country: string;
}
