// `npm run example:poller`: examples/erp-poller.mjs against the deploy bundle in workerd (booted
// as `npm run smoke` boots it), each run a fresh process resuming from the checkpoint file:
//   1. a seeded shipment (two parcels) and its SKU's stock, once published: both printed,
//      tracking numbers too;
//   2. its first request answered 429 (by a proxy in front of the API, so it happens every time):
//      it waits that out and prints nothing new;
//   3. after the shipment moved on: that shipment alone, at its new version.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createClient } from "../client/dist/index.js";
import { startApi } from "./local-worker.mjs";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
const work = mkdtempSync(path.join(os.tmpdir(), "fulfillment-poller-"));
const checkpoint = path.join(work, "checkpoint.json");
const admin = randomBytes(16).toString("hex");

function expect(ok, what, output) {
  if (!ok) throw new Error(`${what}\n--- poller output ---\n${output}`);
  console.log(`ok   ${what}`);
}

let failed = false;
let dispose = async () => {};
try {
  const api = await startApi(path.join(work, "bundle"), admin);
  dispose = api.dispose;
  const operator = createClient({ baseUrl: api.base.origin, apiKey: admin });
  await operator.POST("/admin/v1/warehouses", {
    body: {
      id: "wh_poll",
      name: "Poller",
      code: "POL",
      address: {
        address1: "1 Test St",
        city: "Sydney",
        state: "NSW",
        postcode: "2000",
        country: "AU",
      },
    },
  });
  const { data: tenant } = await operator.POST("/admin/v1/tenants", { body: { name: "ERP" } });
  const merchant = createClient({ baseUrl: api.base.origin, apiKey: tenant.api_key.key });
  await merchant.POST("/v1/products", { body: { sku: "POLL-1", name: "Polled" } });
  await merchant.POST("/v1/ops/inventory-adjustments", {
    body: { sku: "POLL-1", warehouse_id: "wh_poll", quantity_delta: 10, reason: "found" },
  });
  const { data: order } = await merchant.POST("/v1/orders", {
    body: {
      order_number: "SO-POLL-1",
      reference: "F-POLL-1",
      warehouse_id: "wh_poll",
      ship_to: {
        name: "Poller",
        address1: "1 Test St",
        city: "Sydney",
        state: "NSW",
        postcode: "2000",
        country: "AU",
      },
      items: [{ sku: "POLL-1", quantity: 2 }],
    },
  });
  const parcel = (n) => ({ tracking_number: n, carrier: "auspost", service: "Parcel Post" });
  const { data: shipment } = await merchant.POST("/v1/ops/shipments", {
    body: {
      order_id: order.id,
      parcels: [parcel("33POLL000001"), parcel("33POLL000002")],
      items: [{ sku: "POLL-1", quantity: 2 }],
    },
  });
  // The SKU's stock is published by its stock object a second after the shipment moved it
  // (its feed position and inventory.updated): the poller's first run comes after that, or
  // the publication would be new to its second.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { data: events } = await merchant.GET("/v1/events", {
      params: { query: { type: "inventory.updated", order: "desc", limit: 1 } },
    });
    if (events?.data[0]?.data?.warehouses?.[0]?.on_hand === 8) break;
    if (Date.now() > deadline)
      throw new Error("POLL-1's stock was never published after the shipment");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The poller reads with a key of its own, with read scopes only.
  const { data: pollerKey } = await operator.POST("/admin/v1/tenants/{id}/api-keys", {
    params: { path: { id: tenant.id } },
    body: { name: "ERP poller", scopes: ["shipments:read", "inventory:read"] },
  });

  // The poller's GETs pass through here; the next `throttled` of them get a rate limiter's 429.
  let throttled = 0;
  const proxy = createServer(async (req, res) => {
    if (throttled > 0) {
      throttled -= 1;
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      const error = { code: "rate_limited", message: "Slow down.", request_id: "req_proxy" };
      res.end(JSON.stringify({ error }));
      return;
    }
    const upstream = await fetch(new URL(req.url ?? "/", api.base), {
      headers: { authorization: req.headers.authorization ?? "" },
    });
    res.writeHead(upstream.status, { "content-type": "application/json" });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const stopProxy = dispose;
  dispose = async () => {
    proxy.close();
    await stopProxy();
  };
  const apiUrl = `http://127.0.0.1:${proxy.address().port}`;

  const poll = async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["examples/erp-poller.mjs", "--once", `--checkpoint=${checkpoint}`],
      { env: { ...process.env, API_URL: apiUrl, API_KEY: pollerKey.key } },
    );
    const output = stdout + stderr;
    console.log(output.replace(/^(?=.)/gm, "     | ").trimEnd());
    return { lines: stdout.split("\n").filter(Boolean), output, stderr };
  };

  const first = await poll();
  expect(
    first.lines.includes(
      `shipment ${shipment.id} v1 shipped SO-POLL-1: 33POLL000001 (auspost), 33POLL000002 (auspost)`,
    ),
    "run 1 prints the shipment with both tracking numbers",
    first.output,
  );
  expect(
    first.lines.some((l) => /^inventory POLL-1 v\d+ available\/on hand: wh_poll 8\/8$/.test(l)),
    "run 1 prints the SKU's stock after the shipment",
    first.output,
  );
  expect(first.lines.length === 2, "run 1 prints nothing else", first.output);

  throttled = 1;
  const second = await poll();
  expect(second.stderr.includes("retrying after 429"), "run 2 waits out a 429", second.output);
  expect(second.lines.length === 0, "run 2 prints nothing new", second.output);

  await merchant.POST("/v1/ops/shipments/{id}/status", {
    params: { path: { id: shipment.id } },
    body: { status: "in_transit" },
  });
  const third = await poll();
  expect(
    third.lines.length === 1 && third.lines[0].startsWith(`shipment ${shipment.id} v2 in_transit `),
    "run 3 prints the changed shipment alone",
    third.output,
  );

  const saved = JSON.parse(readFileSync(checkpoint, "utf8"));
  expect(
    saved.shipments.seen.join() === `${shipment.id}@2` &&
      readdirSync(work).every((f) => !f.endsWith(".tmp")),
    "the checkpoint holds the mark's id@version and no temp file is left",
    JSON.stringify(saved),
  );
} catch (err) {
  failed = true;
  console.error(`poller check failed: ${err instanceof Error ? err.message : err}`);
} finally {
  await dispose();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
