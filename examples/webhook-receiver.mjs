// A minimal webhook receiver for the fulfillment API: plain Node, no dependencies.
//   WEBHOOK_SECRET=whsec_… node examples/webhook-receiver.mjs [port=4000]
// Then subscribe http://localhost:<port>/ with POST /v1/webhooks (see docs/webhooks.md).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const SECRET = process.env.WEBHOOK_SECRET ?? "";
const PORT = Number(process.argv[2] ?? 4000);
const TOLERANCE_SECONDS = 5 * 60; // older (or further ahead) than this is a replay: 401
if (!SECRET.startsWith("whsec_")) {
  console.error("usage: WEBHOOK_SECRET=whsec_… node examples/webhook-receiver.mjs [port]");
  process.exit(1);
}

// Lengths first: timingSafeEqual throws on unequal lengths, and lengths are not secret.
const same = (a, b) => a.length === b.length && timingSafeEqual(a, b);
const hmac = (key, ...parts) =>
  parts.reduce((h, p) => h.update(p), createHmac("sha256", key)).digest();

// X-Webhook-Signature: t=<unix>,v1=<hex>[,v1=<hex>]. The key is the whole "whsec_…" string
// and the message "<t>.<raw body>". Each v1 is one live secret: during a rotation both sign.
function verifyGuide(header = "", raw) {
  const fields = header.split(",").map((f) => f.split("="));
  const t = Number(fields.find(([k]) => k === "t")?.[1]);
  if (!(Math.abs(Date.now() / 1000 - t) <= TOLERANCE_SECONDS))
    return "X-Webhook-Signature: missing or stale t";
  const expected = hmac(SECRET, `${t}.`, raw);
  const ok = fields.some(([k, v = ""]) => k === "v1" && same(Buffer.from(v, "hex"), expected));
  return ok ? null : "X-Webhook-Signature: no v1 matches";
}

// Standard Webhooks (webhook-id/-timestamp/-signature): the key is the base64 after
// "whsec_", the message "<id>.<t>.<raw body>", the header "v1,<base64>" (space-separated).
// Its timestamp is the same t that verifyGuide has already held to the tolerance.
function verifyStandard(headers, raw) {
  const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
  const id = headers["webhook-id"];
  const t = headers["webhook-timestamp"];
  const expected = hmac(key, `${id}.${t}.`, raw);
  const ok = (headers["webhook-signature"] ?? "")
    .split(" ")
    .some((s) => s.startsWith("v1,") && same(Buffer.from(s.slice(3), "base64"), expected));
  return ok ? null : "webhook-signature: no v1 matches";
}

// In memory, so a restart forgets; a real receiver records event_ids along with its own writes.
const seen = new Set(); // retries, redeliveries and recover all reuse the event_id

createServer((req, res) => {
  if (req.method !== "POST") return res.writeHead(405).end();
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    // Check the bytes as received: re-serialised JSON would not match the signature.
    const raw = Buffer.concat(chunks);
    const standard = "webhook-signature" in req.headers;
    const failed =
      verifyGuide(req.headers["x-webhook-signature"], raw) ??
      (standard ? verifyStandard(req.headers, raw) : null);
    if (failed) {
      console.log(`rejected with 401: ${failed}`);
      return res.writeHead(401).end();
    }
    // Answer 2xx at once (slow answers time out and are retried); do real work afterwards.
    res.writeHead(204).end();
    const { event_id, event_type, data } = JSON.parse(raw.toString("utf8"));
    if (seen.has(event_id)) return console.log(`${event_type} ${event_id} duplicate, skipped`);
    seen.add(event_id);
    const resource = data.id ?? data.sku ?? data.webhook_id;
    const what = [resource, data.status, data.version && `v${data.version}`].filter(Boolean);
    console.log(`${event_type} ${event_id} ${what.join(" ")}`);
    console.log(`  signature ok (${standard ? "both schemes" : "X-Webhook-Signature"})`);
  });
}).listen(PORT, () => console.log(`webhook receiver listening on http://localhost:${PORT}/`));
