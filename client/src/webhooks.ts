import type { components } from "./schema.js";

/** A delivery's body, the same shape as an item of `GET /v1/events`. */
export type WebhookEvent = components["schemas"]["Event"];

export type WebhookFailure =
  | "missing_signature"
  | "invalid_signature"
  | "timestamp_out_of_tolerance"
  | "invalid_body";

/** Why a delivery was refused; answer it with a 4xx (401 for a signature problem). */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
  constructor(
    readonly reason: WebhookFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Node's `req.headers`, a Fetch `Headers`, or any name → value map. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** How far the signed timestamp may be from `now`, either way. Default 300 (5 minutes). */
  toleranceSeconds?: number;
  /** The clock, for tests and replays of stored deliveries. Default: the current time. */
  now?: Date | number;
}

const encoder = new TextEncoder();

function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(",") : value;
  }
  return undefined;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function bytesOf(body: string | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (typeof body === "string") return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function fromHex(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[0-9a-f]{64}$/i.test(text)) return undefined;
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

const hmacKey = (raw: Uint8Array) =>
  crypto.subtle.importKey("raw", new Uint8Array(raw), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify",
  ]);

/** Whether any signature is any key's HMAC of `message`; `subtle.verify` compares in constant time. */
async function anyMatches(
  keys: CryptoKey[],
  signatures: (Uint8Array<ArrayBuffer> | undefined)[],
  message: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  for (const signature of signatures) {
    if (!signature) continue;
    for (const key of keys) {
      if (await crypto.subtle.verify("HMAC", key, signature, message)) return true;
    }
  }
  return false;
}

function checkTimestamp(
  raw: string | undefined,
  header: string,
  nowSeconds: number,
  tolerance: number,
) {
  if (raw === undefined || !/^\d+$/.test(raw)) {
    throw new WebhookVerificationError("invalid_signature", `${header} has no timestamp`);
  }
  if (Math.abs(nowSeconds - Number(raw)) > tolerance) {
    throw new WebhookVerificationError(
      "timestamp_out_of_tolerance",
      `${header} timestamp ${raw} is more than ${tolerance} s from now: a replay, or a clock that is off`,
    );
  }
  return raw;
}

/**
 * Checks a delivery's signatures over the raw body, as received (re-serialised JSON would not
 * match), and returns its event. Every scheme present must verify and at least one must be
 * present: `X-Webhook-Signature: t=…,v1=<hex>` (HMAC keyed with the whole `whsec_…` string over
 * `<t>.<body>`) and Standard Webhooks' `webhook-signature: v1,<base64>` (keyed with the base64
 * after `whsec_`, over `<webhook-id>.<webhook-timestamp>.<body>`). During a rotation the API
 * signs with both live secrets and a receiver may hold both: pass them as an array.
 */
export async function verifyWebhook(
  rawBody: string | ArrayBuffer | ArrayBufferView,
  headers: HeaderSource,
  secret: string | readonly string[],
  options: VerifyOptions = {},
): Promise<WebhookEvent> {
  const secrets = typeof secret === "string" ? [secret] : [...secret];
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor(Number(options.now ?? Date.now()) / 1000);
  const body = bytesOf(rawBody);
  const guide = headerOf(headers, "x-webhook-signature");
  const standard = headerOf(headers, "webhook-signature");
  if (guide === undefined && standard === undefined) {
    throw new WebhookVerificationError(
      "missing_signature",
      "neither X-Webhook-Signature nor webhook-signature is present",
    );
  }

  if (guide !== undefined) {
    const fields = guide.split(",").map((f) => f.trim().split("="));
    const t = fields.find(([k]) => k === "t")?.[1];
    checkTimestamp(t, "X-Webhook-Signature", nowSeconds, tolerance);
    const keys = await Promise.all(secrets.map((s) => hmacKey(encoder.encode(s))));
    const given = fields.filter(([k]) => k === "v1").map(([, v = ""]) => fromHex(v));
    if (!(await anyMatches(keys, given, concat(encoder.encode(`${t}.`), body)))) {
      throw new WebhookVerificationError("invalid_signature", "no X-Webhook-Signature v1 matches");
    }
  }

  if (standard !== undefined) {
    const id = headerOf(headers, "webhook-id");
    const t = checkTimestamp(
      headerOf(headers, "webhook-timestamp"),
      "webhook-timestamp",
      nowSeconds,
      tolerance,
    );
    if (!id) throw new WebhookVerificationError("invalid_signature", "webhook-id is missing");
    const raws = secrets.map((s) => fromBase64(s.replace(/^whsec_/, "")));
    const keys = await Promise.all(raws.filter((r) => r !== undefined).map(hmacKey));
    const given = standard
      .split(" ")
      .filter((s) => s.startsWith("v1,"))
      .map((s) => fromBase64(s.slice(3)));
    if (!(await anyMatches(keys, given, concat(encoder.encode(`${id}.${t}.`), body)))) {
      throw new WebhookVerificationError("invalid_signature", "no webhook-signature v1 matches");
    }
  }

  return eventOf(body);
}

function eventOf(body: Uint8Array): WebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new WebhookVerificationError("invalid_body", "the body is not JSON");
  }
  const e = parsed as Partial<Record<keyof WebhookEvent, unknown>> | null;
  if (
    typeof e?.event_id !== "string" ||
    typeof e.event_type !== "string" ||
    typeof e.created_at !== "string" ||
    typeof e.data !== "object" ||
    e.data === null
  ) {
    throw new WebhookVerificationError("invalid_body", "the body is not an event");
  }
  return parsed as WebhookEvent;
}
