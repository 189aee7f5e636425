import { z } from "@hono/zod-openapi";
import { COUNTRY_CODES, COUNTRY_REASON } from "./addresses";
import { CANCELLATION_REQUEST_STATUSES, TRACKING_EVENT_STATUSES } from "./statuses";

const COUNTRIES = new Set(COUNTRY_CODES);

// ISO-4217 active codes.
const CURRENCIES = new Set(
  (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF " +
    "CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF " +
    "IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK " +
    "MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR " +
    "SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES " +
    "VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG"
  ).split(" "),
);

// The refinements check the sets; the document lists them, so what it allows is what passes.
export const CountryCode = z
  .string()
  .refine((v) => COUNTRIES.has(v), { message: COUNTRY_REASON })
  .openapi({ example: "AU", enum: [...COUNTRIES] });

export const CurrencyCode = z
  .string()
  .refine((v) => CURRENCIES.has(v), { message: "must be an ISO-4217 currency code such as 'AUD'" })
  .openapi({ example: "AUD", enum: [...CURRENCIES] });

export const MoneyAmount = z
  .string()
  .regex(/^(0|[1-9]\d{0,14})(\.\d{1,4})?$/, {
    message: "must be a non-negative decimal string such as '19.99'",
  })
  .openapi({ example: "19.99" });

export const Money = z
  .strictObject({ amount: MoneyAmount, currency: CurrencyCode })
  .openapi("Money");

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const addressFields = {
  address1: text(200),
  address2: optionalText(200),
  city: text(100),
  state: optionalText(100).openapi({
    description:
      "The region: required where the country's addresses need one (AU, US, CA, JP…), and then one of the country's, by ISO 3166-2 code (`NSW`) or name (`New South Wales`).",
  }),
  postcode: optionalText(20).openapi({
    description:
      "In the country's format, and required where its post uses one; written in the case the post uses.",
  }),
  country: CountryCode,
};

export const Address = z.strictObject(addressFields).openapi("Address");

/**
 * An email address as the API checks it. JSON Schema's `format: email` admits forms zod
 * refuses (`0@com`), so the document carries zod's own pattern too.
 */
export const Email = z
  .email()
  .max(320)
  .openapi({ pattern: z.regexes.email.source, example: "jane@example.com" });

/**
 * A delivery address plus who receives it: one flat object, since an `allOf` of two closed
 * objects (each with `additionalProperties: false`) would admit no object at all.
 */
export const ShipTo = z
  .strictObject({
    name: text(200),
    company: optionalText(200),
    email: Email.nullable().optional(),
    phone: optionalText(50).openapi({
      description:
        "A number that can be dialled, in international form or as dialled within `country`; kept and returned in E.164.",
      example: "+61400123456",
    }),
    ...addressFields,
  })
  .openapi("ShipTo");

/**
 * Catalogs use slashes, spaces, plus signs and more (`TSHIRT/RED/M`, `ABC 123`, `KIT+2`):
 * any 1–100 printable characters, without control or other invisible characters and
 * without a space at either end. In a path it is percent-encoded.
 */
const SKU_PATTERN = /^(?!\s)[^\p{C}\p{Zl}\p{Zp}]{1,100}(?<!\s)$/u;

export const Sku = z
  .string()
  .regex(SKU_PATTERN, {
    message:
      "must be 1-100 printable characters, without control characters or a space at either end",
  })
  // The pattern's source alone: JSON Schema patterns are ECMA-262 with the `u` flag implied.
  .openapi({ example: "WIDGET-BLUE-M", pattern: SKU_PATTERN.source });

/**
 * Lines that name one SKU several times (a carton, a purchase order or a pick each), added
 * up into one line per SKU, or per SKU and order line where they name one (`line_id`), since
 * units are counted so. Refusing them would answer 422 to a body the document allows: JSON
 * Schema cannot say "unique by sku".
 */
export function addedUpBySku<T extends { sku: string; line_id?: string; lot?: string }>(
  items: T[],
): T[] {
  const bySku = new Map<string, Record<string, unknown>>();
  for (const item of items) {
    // Lots of one SKU stay apart: each is its own stock.
    const key = JSON.stringify([item.sku, item.line_id ?? null, item.lot ?? null]);
    const line = bySku.get(key);
    if (!line) {
      bySku.set(key, { ...item });
      continue;
    }
    for (const [field, value] of Object.entries(item)) {
      if (typeof value === "number")
        line[field] = ((line[field] as number | undefined) ?? 0) + value;
      // Serial numbers are units too: the line lists every one its parts named.
      if (Array.isArray(value)) line[field] = [...((line[field] as unknown[]) ?? []), ...value];
    }
  }
  return [...bySku.values()] as T[];
}

/*
 * What a body is held to. The schemas use these, and docs/limits.md is written from them
 * (test/unit/limits-doc.test.ts), so the page cannot drift from what is enforced.
 */

/** An order's lines at most: the API's limit, and how far the console reads an amend form. */
export const MAX_LINES = 500;
/** Lines of one shipment, return or inbound shipment (ASN): as many as an order may have. */
export const MAX_ITEMS = MAX_LINES;
/** Parcels in one shipment. */
export const MAX_PARCELS = 100;
/** Units on any one line, and any stock quantity one request names. */
export const MAX_QUANTITY = 1_000_000;
/** The floor's note on a stock adjustment or a move between stock conditions. */
export const MAX_STOCK_NOTE_LENGTH = 1000;
/** A client's own `line_id`. */
export const MAX_LINE_ID_LENGTH = 64;
/** An order's `order_number` and `reference`, a return's `rma`. */
export const MAX_REFERENCE_LENGTH = 100;
/** A webhook endpoint or a tracking URL. */
export const MAX_URL_LENGTH = 2000;
/** Tax ids on one order. */
export const MAX_TAX_IDS = 10;
/** A serial number's length. */
export const MAX_SERIAL_LENGTH = 100;
/** Serial numbers on one shipment item or return line: a bigger line is sent as several items. */
export const MAX_SERIALS = 1000;

// Printable, without a space at either end: what a value is once trimmed, so two serials the
// schema holds distinct are distinct here too.
const SERIAL_PATTERN = /^[^\s\p{C}\p{Zl}\p{Zp}](?:[^\p{C}\p{Zl}\p{Zp}]*[^\s\p{C}\p{Zl}\p{Zp}])?$/u;

/** A lot (batch) code, as printed on the goods: 1–100 printable characters, trimmed. */
export const LotCode = z
  .string()
  .trim()
  .min(1)
  .max(MAX_SERIAL_LENGTH)
  .regex(SERIAL_PATTERN, { message: "must be printable characters" })
  .openapi({ example: "L2026-11-A", pattern: SERIAL_PATTERN.source });

/** A lot's last sellable day. */
export const ExpiryDate = z.iso.date().openapi({
  description:
    "The lot's last sellable day (YYYY-MM-DD): required for an `expiry_tracked` product (422 `expiry_required`), refused for any other (`lot_not_tracked`); a lot keeps one expiry per warehouse (`lot_expiry_mismatch`). Units of a lot past it are never allocated and move to `expired` on their own.",
  example: "2027-05-31",
});

/**
 * One unit's serial number, as printed on it: 1–100 printable characters, spaces at either
 * end trimmed. Unique per tenant and SKU among units that are out.
 */
export const SerialNumber = z
  .string()
  .trim()
  .min(1)
  .max(MAX_SERIAL_LENGTH)
  .regex(SERIAL_PATTERN, { message: "must be printable characters" })
  // The pattern's source alone, as for Sku.
  .openapi({ example: "SN-7Q2K-0042", pattern: SERIAL_PATTERN.source });

/**
 * Serial numbers of one item: each SKU's serials unique across the whole request, so a
 * repeat is refused at the place it repeats (`items[1].serials[0]`).
 */
export function uniqueSerials(
  items: readonly { sku: string; serials?: readonly string[] }[],
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    item.serials?.forEach((serial, j) => {
      const key = JSON.stringify([item.sku, serial]);
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "serials", j],
          message: `serial '${serial}' of '${item.sku}' is named twice: one unit per serial`,
        });
      }
      seen.add(key);
    });
  });
}
/** Carrier events in one `POST /v1/ops/shipments/{id}/tracking-events`. */
export const MAX_TRACKING_EVENTS_PER_REQUEST = 50;
/** Carrier events one parcel keeps: a long international journey has a few dozen. */
export const MAX_TRACKING_EVENTS_PER_PARCEL = 100;
/** A carrier's event id, and an exception's `reason_code`. */
export const MAX_TRACKING_CODE_LENGTH = 100;
/** A carrier event's `description`. */
export const MAX_TRACKING_DESCRIPTION_LENGTH = 500;
/** A tracking location's `city` or `region`, and a proof of delivery's `signed_by`. */
export const MAX_PLACE_LENGTH = 100;

export const Weight = z
  .strictObject({
    value: z.number().positive().max(100_000),
    unit: z.enum(["kg", "g", "lb", "oz"]),
  })
  .openapi("Weight", { example: { value: 1.2, unit: "kg" } });

export const Dimensions = z
  .strictObject({
    length: z.number().positive().max(100_000),
    width: z.number().positive().max(100_000),
    height: z.number().positive().max(100_000),
    unit: z.enum(["cm", "mm", "m", "in"]),
  })
  .openapi("Dimensions", { example: { length: 30, width: 20, height: 10, unit: "cm" } });

export const Timestamp = z.string().openapi({ example: "2026-07-02T14:31:07.000Z" });

/**
 * The partner's request that the floor stop an order it is picking, and the floor's answer.
 * Stored as it is shown: the order's `cancellation_request` column holds this object.
 */
export const CancellationRequest = z
  .object({
    status: z.enum(CANCELLATION_REQUEST_STATUSES).openapi({
      description:
        "`pending` until the floor answers; `accepted` once the order is cancelled; `rejected` when the order goes on (`rejection_reason` says why).",
    }),
    reason: z.string().nullable(),
    requested_at: Timestamp,
    decided_at: Timestamp.nullable(),
    rejection_reason: z.string().nullable(),
  })
  .openapi("CancellationRequest", {
    description:
      "The latest request to stop an order (`POST /v1/orders/{id}/cancellation-request`) and the floor's answer; an order shows null while none was made.",
  });

/** Where a carrier scanned a parcel; a carrier that does not say leaves `city` or `region` null. */
export const TrackingLocation = z
  .object({
    city: z.string().nullable(),
    region: z.string().nullable(),
    country: z.string().openapi({ description: "ISO 3166-1 alpha-2.", example: "AU" }),
  })
  .openapi("TrackingLocation");

export const ProofOfDelivery = z
  .object({
    signed_by: z.string().openapi({ example: "J. Citizen" }),
    photo_url: z.string().optional().openapi({ description: "Only when the carrier took one." }),
  })
  .openapi("ProofOfDelivery");

/**
 * One carrier scan of a parcel, as the floor reported it. Stored as it is shown: a parcel's
 * `tracking_events` column holds these, in the order they were received.
 */
export const TrackingEvent = z
  .object({
    id: z.string().openapi({
      description: "The carrier's own event id: a parcel records each id once.",
      example: "EV-0001",
    }),
    occurred_at: Timestamp,
    status: z.enum(TRACKING_EVENT_STATUSES),
    description: z.string().openapi({ example: "Departed facility" }),
    location: TrackingLocation.nullable(),
    reason_code: z.string().nullable().openapi({
      description: "The carrier's reason for an `exception`; null for any other status.",
    }),
    estimated_delivery: z.string().nullable().openapi({
      description: "The carrier's estimate as of this event (YYYY-MM-DD), if it gave one.",
    }),
    proof_of_delivery: ProofOfDelivery.nullable().openapi({
      description: "Only on a `delivered` event, when the carrier gave one.",
    }),
  })
  .openapi("TrackingEvent");
export type TrackingEvent = z.infer<typeof TrackingEvent>;

/** Units of one lot that left on a shipment item (or came back on a return). */
export const ShippedLot = z
  .object({
    lot: z.string().openapi({ example: "L2026-11-A" }),
    expires_on: z.string().nullable().openapi({
      description: "The lot's last sellable day; null when the product has no expiry.",
      example: "2027-05-31",
    }),
    quantity: z.number().int().positive().openapi({ example: 2 }),
  })
  .openapi("ShippedLot");
export type ShippedLot = z.infer<typeof ShippedLot>;

/** Any ISO-8601 date-time with an offset, normalised to UTC with milliseconds and `Z`. */
export const UtcDateTime = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v).toISOString())
  .openapi({ example: "2026-07-02T09:15:00Z" });

/** Ids chosen by an operator for reference data, e.g. `wh_syd_1`. */
export const Slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/, {
  message: "must be 2-64 characters of letters, digits, '_' or '-'",
});

/** The one error envelope every 4xx and 5xx carries (docs/errors.md lists the codes). */
export const ErrorEnvelope = z
  .object({
    error: z
      .object({
        code: z.string().openapi({ example: "validation_error" }),
        message: z.string(),
        field: z.string().optional().openapi({ example: "items[0].sku" }),
        request_id: z.string().openapi({ example: "req_3kTq9x2VbN8mLp4Rz7Yw" }),
      })
      .catchall(z.unknown()),
  })
  .openapi("Error");
