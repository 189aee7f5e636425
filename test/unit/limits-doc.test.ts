import { expect, it } from "vitest";
import {
  DEFAULT_ROTATION_OVERLAP_SECONDS,
  MAX_ROTATION_OVERLAP_SECONDS,
} from "../../src/api-keys/api-keys.routes";
import {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  MAX_LIVE_TENANT_KEYS,
} from "../../src/api-keys/api-keys.service";
import { SESSION_SECONDS } from "../../src/console/session";
import { IDEMPOTENCY_TTL } from "../../src/db/idempotency";
import {
  MAX_ITEMS,
  MAX_LINE_ID_LENGTH,
  MAX_LINES,
  MAX_PARCELS,
  MAX_PLACE_LENGTH,
  MAX_QUANTITY,
  MAX_REFERENCE_LENGTH,
  MAX_SERIAL_LENGTH,
  MAX_SERIALS,
  MAX_STOCK_NOTE_LENGTH,
  MAX_TAX_IDS,
  MAX_TRACKING_CODE_LENGTH,
  MAX_TRACKING_DESCRIPTION_LENGTH,
  MAX_TRACKING_EVENTS_PER_PARCEL,
  MAX_TRACKING_EVENTS_PER_REQUEST,
  MAX_URL_LENGTH,
} from "../../src/domain/shapes";
import { MAX_BODY_BYTES } from "../../src/http/body";
import { IDEMPOTENCY_KEY_MAX_LENGTH } from "../../src/http/idempotent";
import { DEFAULT_LIMIT, MAX_LIMIT } from "../../src/http/pagination";
import { PERIOD_SECONDS } from "../../src/http/throttle";
import { orderHotDays, retentionDays } from "../../src/retention/retention.window";
import { deliveryTimeoutMs, retrySchedule } from "../../src/webhooks/delivery";
import { RECOVER_PAGE, REPLAYS_PER_MINUTE } from "../../src/webhooks/webhooks.outbox";
import wrangler from "../../wrangler.toml?raw";

/*
 * docs/limits.md is written from the constants the code enforces and from wrangler.toml's
 * per-environment settings, read through the functions the Worker reads them with: this test
 * fails when the page differs, and `npm run docs:limits` rewrites it.
 */

const ENVIRONMENTS = ["production", "sandbox"] as const;

interface Settings {
  vars: Record<string, string>;
  limiters: Record<string, { limit: number; period: number }>;
}

/** An environment's `[env.<name>.vars]` and its rate-limit bindings, from wrangler.toml. */
function settingsOf(name: string): Settings {
  const vars: Record<string, string> = {};
  const limiters: Settings["limiters"] = {};
  let table = "";
  let limiter = "";
  for (const line of wrangler.split("\n")) {
    const header = /^\[\[?([^\]]+)\]\]?\s*$/.exec(line.trim());
    if (header) {
      table = header[1] ?? "";
      continue;
    }
    const entry = /^(\w+)\s*=\s*(.+)$/.exec(line.trim());
    if (!entry) continue;
    const [, key = "", raw = ""] = entry;
    const value = raw.replace(/^"(.*)"$/, "$1");
    if (table === `env.${name}.vars`) vars[key] = value;
    if (table === `env.${name}.ratelimits` && key === "name") limiter = value;
    if (table === `env.${name}.ratelimits.simple` && (key === "limit" || key === "period")) {
      limiters[limiter] = {
        ...{ limit: 0, period: 0 },
        ...limiters[limiter],
        [key]: Number(value),
      };
    }
  }
  return { vars, limiters };
}

const envOf = (s: Settings) => s.vars as unknown as Env;

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** `["1 h", "1 h", "1 h"]` → `["then 1 h × 3"]`: a schedule's repeats, counted. */
function runs(waits: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < waits.length; ) {
    let n = 1;
    while (waits[i + n] === waits[i]) n++;
    out.push(n === 1 ? (waits[i] ?? "") : `then ${waits[i]} × ${n}`);
    i += n;
  }
  return out;
}

/** A value that may differ by environment: one figure when they agree, each one's otherwise. */
function perEnvironment(value: (s: Settings) => string): string {
  const values = ENVIRONMENTS.map((name) => [name, value(settingsOf(name))] as const);
  if (new Set(values.map(([, v]) => v)).size === 1) return values[0]?.[1] ?? "";
  return values.map(([name, v]) => `${v} (${name})`).join(", ");
}

function limiter(name: string): (s: Settings) => string {
  return (s) => {
    const l = s.limiters[name];
    if (!l) throw new Error(`wrangler.toml has no rate limit ${name}`);
    return `${grouped(l.limit)} per ${l.period === 60 ? "minute" : duration(l.period)}`;
  };
}

const table = (rows: [string, string, string][]) => [
  "| limit | value | beyond it |",
  "| --- | --- | --- |",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
];

function limitsPage(): string {
  const schedule = (s: Settings) => retrySchedule(envOf(s));
  const attempts = (s: Settings) => String(schedule(s).length + 1);
  const waits = (s: Settings) => runs(schedule(s).map(duration)).join(", ");
  const span = (s: Settings) =>
    `about ${Math.round(schedule(s).reduce((a, b) => a + b, 0) / 3600)} h`;
  const claimLasts = IDEMPOTENCY_TTL.replace(/^\+/, "");
  return [
    "# Limits",
    "",
    "<!-- Generated from the constants the code enforces and wrangler.toml by `npm run docs:limits`; CI checks it is current. -->",
    "",
    "Every size, rate and retention limit the API holds a client to, from the same constants the",
    "code enforces (the OpenAPI document states the size limits as `maxItems`, `maxLength` and",
    "`maximum` too). Where a value is set per environment it is read from `wrangler.toml`. A limit",
    "may be raised without notice; lowering one is a breaking change ([versioning](versioning.md)).",
    "",
    "## Request size",
    "",
    ...table([
      ["Request body", `${MAX_BODY_BYTES / 1024 / 1024} MiB`, "413 `payload_too_large`"],
      ["Lines per order", grouped(MAX_LINES), "422 `validation_error`, `field` `items`"],
      [
        "Lines per shipment, return or inbound shipment (ASN)",
        grouped(MAX_ITEMS),
        "422 `validation_error`, `field` `items`",
      ],
      ["Parcels per shipment", grouped(MAX_PARCELS), "422 `validation_error`, `field` `parcels`"],
      [
        "Units on one line, or in one stock adjustment",
        grouped(MAX_QUANTITY),
        "422 `validation_error` naming the quantity",
      ],
      ["Tax ids per order", grouped(MAX_TAX_IDS), "422 `validation_error`, `field` `tax_ids`"],
      [
        "Tracking events per request",
        grouped(MAX_TRACKING_EVENTS_PER_REQUEST),
        "422 `validation_error`, `field` `events`",
      ],
      [
        "Tracking events a parcel keeps",
        grouped(MAX_TRACKING_EVENTS_PER_PARCEL),
        "422 `too_many_tracking_events`, `field` `events`",
      ],
      [
        "Tracking event `id`, `reason_code`",
        `${MAX_TRACKING_CODE_LENGTH} characters`,
        "422 `validation_error`",
      ],
      [
        "Tracking event `description`",
        `${MAX_TRACKING_DESCRIPTION_LENGTH} characters`,
        "422 `validation_error`",
      ],
      [
        "Tracking `location.city`, `location.region`, `proof_of_delivery.signed_by`",
        `${MAX_PLACE_LENGTH} characters`,
        "422 `validation_error`",
      ],
      ["`line_id`", `${MAX_LINE_ID_LENGTH} characters`, "422 `validation_error`"],
      [
        "Serial numbers per shipment item or return line",
        grouped(MAX_SERIALS),
        "422 `validation_error`, `field` `items[i].serials`; send more units as several items",
      ],
      ["A serial number", `${MAX_SERIAL_LENGTH} characters`, "422 `validation_error`"],
      [
        "Stock adjustment or condition move `note`",
        `${grouped(MAX_STOCK_NOTE_LENGTH)} characters`,
        "422 `validation_error`",
      ],
      [
        "`order_number`, `reference`, `rma`",
        `${MAX_REFERENCE_LENGTH} characters`,
        "422 `validation_error`",
      ],
      [
        "Webhook `url`, shipment `tracking_url`",
        `${grouped(MAX_URL_LENGTH)} characters`,
        "422 `validation_error`",
      ],
      [
        "`Idempotency-Key` header",
        `${IDEMPOTENCY_KEY_MAX_LENGTH} characters`,
        "400 `invalid_parameter`",
      ],
    ]),
    "",
    "## Pages",
    "",
    ...table([
      [
        "`limit` on a list",
        `${MAX_LIMIT} (default ${DEFAULT_LIMIT})`,
        "400 `invalid_parameter`, `field` `limit`",
      ],
      [
        "Deliveries one webhook `recover` call queues",
        grouped(RECOVER_PAGE),
        "the answer says there are more; call again",
      ],
    ]),
    "",
    "## Rates",
    "",
    ...table([
      [
        "Requests per API key",
        `${grouped(DEFAULT_RATE_LIMIT_PER_MINUTE)} per minute unless the operator set another when issuing the key; a bucket that holds one minute's budget and refills continuously`,
        "429 `rate_limited` with `Retry-After`; every response carries `X-RateLimit-Limit`, `-Remaining` and `-Reset`",
      ],
      [
        "Webhook `recover` and `redeliver` calls per endpoint",
        `${REPLAYS_PER_MINUTE} per minute`,
        "429 `rate_limited` with `Retry-After`",
      ],
      [
        "Refused API keys per client address",
        perEnvironment(limiter("AUTH_FAILURE_LIMITER")),
        `429 \`too_many_failed_attempts\` for ${duration(PERIOD_SECONDS)} to that address's refused attempts; a valid key from it is still answered`,
      ],
      [
        "Refused admin tokens per client address",
        perEnvironment(limiter("ADMIN_FAILURE_LIMITER")),
        `429 \`too_many_failed_attempts\` for ${duration(PERIOD_SECONDS)}, even to the right token`,
      ],
      [
        "Admin requests per client address",
        perEnvironment(limiter("ADMIN_LIMITER")),
        "429 `rate_limited`",
      ],
    ]),
    "",
    "The per-address limits are counted by Cloudflare per location and approximately: a shield",
    "against guessing and floods, not a quota. The per-key limit is exact.",
    "",
    "## Counts",
    "",
    ...table([
      [
        "Working API keys a merchant issues itself (not revoked, not expired)",
        grouped(MAX_LIVE_TENANT_KEYS),
        "409 `too_many_api_keys`; revoke one first",
      ],
      [
        "Overlap of a rotated key with its successor",
        `${duration(MAX_ROTATION_OVERLAP_SECONDS)} (default ${duration(DEFAULT_ROTATION_OVERLAP_SECONDS)})`,
        "422 `validation_error`, `field` `overlap_seconds`",
      ],
      ["Webhook subscriptions per merchant", "not limited", "—"],
    ]),
    "",
    "## Retention and windows",
    "",
    ...table([
      [
        "An `Idempotency-Key`'s claim: a retry within it gets the first result",
        claimLasts,
        "the key may be used again for a new request",
      ],
      [
        "Events (`GET /v1/events`, `recover`) and webhook delivery logs",
        perEnvironment((s) => `${retentionDays(envOf(s))} days`),
        "archived: no longer served; `recover` before it is 422 `beyond_retention`",
      ],
      [
        "Orders' hot window: lists of orders, shipments and returns cover it",
        perEnvironment(
          (s) => `${orderHotDays(envOf(s))} days after an order's last change in a final state`,
        ),
        "archived: read by id with `archived: true`, no longer listed or changed; `updated_since` before it is 422 `beyond_retention`",
      ],
      ["Console session", duration(SESSION_SECONDS), "sign in again"],
    ]),
    "",
    "## Webhook delivery",
    "",
    ...table([
      [
        "Time a receiver has to answer 2xx",
        perEnvironment((s) => `${deliveryTimeoutMs(envOf(s)) / 1000} s`),
        "the attempt failed; it is retried",
      ],
      [
        "Attempts per delivery",
        perEnvironment(attempts),
        "the delivery is failed; `recover` or `redeliver` it",
      ],
      [
        "Waits between attempts",
        perEnvironment(waits),
        `${perEnvironment(span)} from first to last attempt`,
      ],
    ]),
    "",
  ].join("\n");
}

it("states every limit as the code and wrangler.toml set it", async () => {
  await expect(limitsPage()).toMatchFileSnapshot("../../docs/limits.md");
});
