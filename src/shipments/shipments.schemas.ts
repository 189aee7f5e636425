import { z } from "@hono/zod-openapi";
import {
  addedUpBySku,
  CountryCode,
  Dimensions,
  MAX_ITEMS,
  MAX_LINE_ID_LENGTH,
  MAX_PARCELS,
  MAX_PLACE_LENGTH,
  MAX_QUANTITY,
  MAX_SERIALS,
  MAX_TRACKING_CODE_LENGTH,
  MAX_TRACKING_DESCRIPTION_LENGTH,
  MAX_TRACKING_EVENTS_PER_REQUEST,
  MAX_URL_LENGTH,
  Money,
  optionalText,
  ProofOfDelivery,
  SerialNumber,
  ShippedLot,
  Sku,
  Slug,
  Timestamp,
  TrackingEvent,
  text,
  UtcDateTime,
  uniqueSerials,
  Weight,
} from "../domain/shapes";
import { SHIPMENT_STATUSES, TRACKING_EVENT_STATUSES, TRACKING_STATUSES } from "../domain/statuses";
import { cursorParam, limitParam, orderParam, updatedSinceParam } from "../http/pagination";

export const Parcel = z
  .object({
    tracking_number: z.string().openapi({ example: "ABC123456789AU" }),
    tracking_url: z
      .string()
      .nullable()
      .openapi({ example: "https://auspost.com.au/track/ABC123456789AU" }),
    carrier: z.string().openapi({ example: "auspost" }),
    service: z.string().openapi({ example: "Express Post" }),
    weight: Weight.optional(),
    dimensions: Dimensions.optional(),
    packaging: z
      .string()
      .optional()
      .openapi({ description: "The packaging type, when the floor named one." }),
    status: z.enum(TRACKING_EVENT_STATUSES).nullable().openapi({
      description: "Its latest carrier event's status (by `occurred_at`); null before the first.",
    }),
    estimated_delivery: z.string().nullable().openapi({
      description:
        "The carrier's delivery estimate (YYYY-MM-DD): the latest event's that gave one; null if none did.",
      example: "2026-07-05",
    }),
    proof_of_delivery: ProofOfDelivery.nullable().openapi({
      description: "Who signed, and a photo when the carrier took one; null until delivered.",
    }),
    tracking_events: z.array(TrackingEvent).openapi({
      description:
        "The carrier's scans, oldest first by `occurred_at` (ties in the order received), however late or out of order they arrived.",
    }),
  })
  .openapi("Parcel");

export const Shipment = z
  .object({
    id: z.string().openapi({ example: "shp_a1B2c3D4e5F6g7H8i9J0" }),
    order_id: z.string(),
    order_number: z.string(),
    status: z.enum(SHIPMENT_STATUSES),
    warehouse_id: z.string(),
    shipped_at: Timestamp,
    created_at: Timestamp,
    updated_at: Timestamp,
    cost: Money.nullable(),
    voided: z.boolean(),
    parcels: z
      .array(Parcel)
      .openapi({ description: "One entry per physical box, each with its own tracking number." }),
    items: z.array(
      z.object({
        order_line_id: z
          .string()
          .openapi({ description: "The order line's `id`.", example: "li_4fQ9zK2mX7" }),
        line_id: z
          .string()
          .nullable()
          .openapi({ description: "The order line's `line_id`, yours; null if it has none." }),
        sku: z.string(),
        quantity: z.number().int(),
        serials: z.array(z.string()).openapi({
          description:
            "The units' serial numbers, one per unit, for a serial-tracked product; empty for any other.",
        }),
        lots: z.array(ShippedLot).openapi({
          description:
            "The lots the units left from, first expiry first, as allocation chose them (first expiry, first out, within the order's `ship_by`); empty for a product whose stock has no lots.",
        }),
      }),
    ),
    status_history: z.array(
      z.object({
        status: z.enum(SHIPMENT_STATUSES),
        occurred_at: Timestamp,
        note: z.string().nullable().optional(),
      }),
    ),
    version: z.string().openapi({ example: "1" }),
    archived: z
      .boolean()
      .openapi({ description: "True once its order was archived: read from there, unchanging." }),
  })
  .openapi("Shipment", {
    // The integration guide's example (§2), with the fields this API adds.
    example: {
      id: "shp_a1B2c3D4e5F6g7H8i9J0",
      order_id: "ord_8Kd92mQ4xTa1Bc2De3Fg",
      order_number: "SO-100423",
      status: "shipped",
      warehouse_id: "wh_syd_1",
      shipped_at: "2026-07-02T22:04:11.000Z",
      created_at: "2026-07-02T22:04:11.000Z",
      updated_at: "2026-07-02T22:04:11.000Z",
      cost: { amount: "12.40", currency: "AUD" },
      voided: false,
      parcels: [
        {
          tracking_number: "ABC123456789AU",
          tracking_url: "https://auspost.com.au/track/ABC123456789AU",
          carrier: "auspost",
          service: "Express Post",
          weight: { value: 1.2, unit: "kg" },
          dimensions: { length: 30, width: 20, height: 10, unit: "cm" },
          status: "in_transit",
          estimated_delivery: "2026-07-05",
          proof_of_delivery: null,
          tracking_events: [
            {
              id: "EV-0001",
              occurred_at: "2026-07-02T23:40:00.000Z",
              status: "picked_up",
              description: "Picked up",
              location: { city: "Sydney", region: "NSW", country: "AU" },
              reason_code: null,
              estimated_delivery: "2026-07-05",
              proof_of_delivery: null,
            },
            {
              id: "EV-0002",
              occurred_at: "2026-07-03T04:12:00.000Z",
              status: "in_transit",
              description: "Departed facility",
              location: { city: "Sydney", region: "NSW", country: "AU" },
              reason_code: null,
              estimated_delivery: null,
              proof_of_delivery: null,
            },
          ],
        },
        {
          tracking_number: "ABC123456790AU",
          tracking_url: "https://auspost.com.au/track/ABC123456790AU",
          carrier: "auspost",
          service: "Express Post",
          status: null,
          estimated_delivery: null,
          proof_of_delivery: null,
          tracking_events: [],
        },
      ],
      items: [
        {
          order_line_id: "li_4fQ9zK2mX7",
          line_id: "10",
          sku: "WIDGET-BLUE-M",
          quantity: 2,
          serials: [],
          lots: [],
        },
      ],
      status_history: [{ status: "shipped", occurred_at: "2026-07-02T22:04:11.000Z" }],
      version: "1",
      archived: false,
    },
  });
export type ShipmentView = z.infer<typeof Shipment>;

const ParcelInput = z.strictObject({
  tracking_number: text(100),
  tracking_url: z.url().max(MAX_URL_LENGTH).nullable().optional(),
  carrier: Slug,
  service: text(200),
  weight: Weight.nullable().optional(),
  dimensions: Dimensions.nullable().optional(),
  packaging: Slug.nullable().optional().openapi({
    description:
      "The packaging the parcel went in (`mailer_small`, `box_medium`…): the rate card prices each type per parcel.",
    example: "box_medium",
  }),
});

export const CreateShipment = z
  .strictObject({
    order_id: z.string().min(1).max(100),
    parcels: z
      .array(ParcelInput)
      .min(1)
      .max(MAX_PARCELS)
      .superRefine((parcels, ctx) => {
        const seen = new Set<string>();
        parcels.forEach((p, i) => {
          if (seen.has(p.tracking_number)) {
            ctx.addIssue({
              code: "custom",
              path: [i, "tracking_number"],
              message: `duplicate tracking number '${p.tracking_number}': one parcel per tracking number`,
            });
          }
          seen.add(p.tracking_number);
        });
      }),
    items: z
      .array(
        z.strictObject({
          sku: Sku,
          line_id: z.string().min(1).max(MAX_LINE_ID_LENGTH).optional().openapi({
            description:
              "The order line: its `line_id`, or its `id`. Needed when the SKU is on several lines.",
          }),
          quantity: z.number().int().positive().max(MAX_QUANTITY),
          serials: z
            .array(SerialNumber)
            .max(MAX_SERIALS)
            .optional()
            .openapi({
              uniqueItems: true,
              description:
                "One serial number per unit, exactly `quantity` of them, for a serial-tracked product (422 `serials_required` otherwise); none for any other (`serials_not_tracked`). A serial already out on another shipment is 422 `serial_unavailable`.",
              example: ["SN-7Q2K-0042", "SN-7Q2K-0043"],
            }),
        }),
      )
      .min(1)
      .max(MAX_ITEMS)
      .superRefine(uniqueSerials)
      .transform(addedUpBySku),
    // Null as absent: the published Money component is nullable (the shipment renders it so).
    cost: Money.nullable().optional(),
    shipped_at: UtcDateTime.optional(),
  })
  .openapi("CreateShipment");
export type CreateShipment = z.infer<typeof CreateShipment>;

export const UpdateShipmentStatus = z
  .strictObject({
    status: z.enum(TRACKING_STATUSES),
    occurred_at: UtcDateTime.optional().openapi({
      description: "When the carrier saw it; defaults to now.",
    }),
    note: optionalText(500),
  })
  .openapi("UpdateShipmentStatus");

const eventFields = {
  id: text(MAX_TRACKING_CODE_LENGTH).openapi({
    description:
      "The carrier's own event id. Sending it again for the parcel with the same content changes nothing; with different content it is 409 `tracking_event_conflict`.",
    example: "EV-0002",
  }),
  occurred_at: UtcDateTime.openapi({ description: "When the carrier scanned it." }),
  description: text(MAX_TRACKING_DESCRIPTION_LENGTH).openapi({ example: "Departed facility" }),
  location: z
    .strictObject({
      city: optionalText(MAX_PLACE_LENGTH),
      region: optionalText(MAX_PLACE_LENGTH),
      country: CountryCode,
    })
    .nullable()
    .optional(),
  estimated_delivery: z.iso.date().nullable().optional().openapi({
    description: "The carrier's delivery estimate as of this event (YYYY-MM-DD).",
    example: "2026-07-05",
  }),
};

/*
 * One shape per kind of scan, told apart by `status`, so the document itself says that an
 * exception needs its `reason_code` and that only a delivery has a proof.
 */
const TrackingEventInput = z.discriminatedUnion("status", [
  z
    .strictObject({
      ...eventFields,
      status: z.enum(
        TRACKING_EVENT_STATUSES.filter(
          (s): s is Exclude<typeof s, "exception" | "delivered"> =>
            s !== "exception" && s !== "delivered",
        ),
      ),
    })
    .openapi("TrackingScan"),
  z
    .strictObject({
      ...eventFields,
      status: z.literal("exception"),
      reason_code: text(MAX_TRACKING_CODE_LENGTH).openapi({
        description: "The carrier's reason for the exception.",
        example: "address_incomplete",
      }),
    })
    .openapi("TrackingException"),
  z
    .strictObject({
      ...eventFields,
      status: z.literal("delivered"),
      proof_of_delivery: z
        .strictObject({
          signed_by: text(MAX_PLACE_LENGTH),
          photo_url: z.url().max(MAX_URL_LENGTH).optional(),
        })
        .optional(),
    })
    .openapi("TrackingDelivery"),
]);

export const RecordTrackingEvents = z
  .strictObject({
    tracking_number: text(100).openapi({
      description: "The parcel, by its tracking number.",
      example: "ABC123456789AU",
    }),
    events: z.array(TrackingEventInput).min(1).max(MAX_TRACKING_EVENTS_PER_REQUEST),
  })
  .openapi("RecordTrackingEvents");
export type RecordTrackingEvents = z.infer<typeof RecordTrackingEvents>;

export const ShipmentIdParam = z.object({
  id: z
    .string()
    .openapi({ param: { name: "id", in: "path" }, example: "shp_a1B2c3D4e5F6g7H8i9J0" }),
});

export const ListShipmentsQuery = z.object({
  updated_since: updatedSinceParam,
  order: orderParam,
  order_id: z
    .string()
    .optional()
    .openapi({ param: { name: "order_id", in: "query" } }),
  status: z
    .enum(SHIPMENT_STATUSES)
    .optional()
    .openapi({ param: { name: "status", in: "query" } }),
  cursor: cursorParam,
  limit: limitParam,
});
