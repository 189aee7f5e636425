// A reference ERP poller: the integration guide's loop over /v1/shipments and /v1/inventory,
// built on the typed client. Plain Node 20, after `npm run client:build`:
//   API_URL=http://localhost:8787 API_KEY=wms_test_… node examples/erp-poller.mjs \
//     [--once] [--interval=60] [--checkpoint=erp-poller.checkpoint.json]
// Records go to stdout (one line per new shipment or inventory state), progress to stderr.
import { open, readFile, rename } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createClient } from "../client/dist/index.js";

/** @typedef {import("../client/dist/index.js").Shipment} Shipment */
/** @typedef {import("../client/dist/index.js").SkuInventory} SkuInventory */
/**
 * Where a feed's next poll starts: `mark`, the newest `updated_at` stored (null: from the
 * beginning), and `seen`, the `id@version` of the rows stored at exactly that time, which the
 * inclusive `updated_since` sends again.
 * @typedef {{ mark: string | null, seen: string[] }} FeedState
 */

const { values: flags } = parseArgs({
  options: {
    once: { type: "boolean", default: false },
    interval: { type: "string", default: "60" },
    checkpoint: { type: "string", default: "erp-poller.checkpoint.json" },
  },
});
const { API_URL, API_KEY } = process.env;
if (!API_URL || !API_KEY) {
  console.error("usage: API_URL=… API_KEY=… node examples/erp-poller.mjs [--once] [--interval=s]");
  process.exit(2);
}

const api = createClient({
  baseUrl: API_URL,
  apiKey: API_KEY,
  // 429s and 5xx are retried inside the client, honouring Retry-After; this only tells.
  onRetry: ({ status, error, delayMs }) =>
    console.error(`retrying after ${status ?? error} in ${(delayMs / 1000).toFixed(1)} s`),
});

/** @param {Shipment} s */
function storeShipment(s) {
  const parcels = s.parcels.map((p) => `${p.tracking_number} (${p.carrier})`).join(", ");
  console.log(`shipment ${s.id} v${s.version} ${s.status} ${s.order_number}: ${parcels}`);
}

/** @param {SkuInventory} row */
function storeInventory(row) {
  const stock = row.warehouses.map((w) => `${w.warehouse_id} ${w.available}/${w.on_hand}`);
  console.log(`inventory ${row.sku} v${row.version} available/on hand: ${stock.join(", ")}`);
}

/**
 * One walk of a feed from its mark: every page until has_more is false, each row not already
 * stored at this version handed to `store`. Returns the state to save once all are stored.
 * @template {{ version: string, updated_at: string }} Row
 * @param {FeedState} from
 * @param {(query: { updated_since?: string, limit: number }) => AsyncIterable<Row>} list
 * @param {(row: Row) => string} idOf
 * @param {(row: Row) => void} store
 * @returns {Promise<FeedState & { stored: number }>}
 */
async function walk(from, list, idOf, store) {
  const query = { limit: 200, ...(from.mark ? { updated_since: from.mark } : {}) };
  let mark = from.mark;
  let seen = new Set(from.seen);
  let stored = 0;
  for await (const row of list(query)) {
    const tag = `${idOf(row)}@${row.version}`;
    if (seen.has(tag)) continue; // at the inclusive mark, and stored last time
    store(row);
    stored += 1;
    if (mark === null || Date.parse(row.updated_at) > Date.parse(mark)) {
      mark = row.updated_at;
      seen = new Set();
    }
    if (row.updated_at === mark) seen.add(tag);
  }
  return { mark, seen: [...seen], stored };
}

/** @returns {Promise<{ shipments: FeedState, inventory: FeedState }>} */
async function loadCheckpoint() {
  try {
    return JSON.parse(await readFile(flags.checkpoint, "utf8"));
  } catch (err) {
    if (/** @type {{ code?: string }} */ (err).code !== "ENOENT") throw err;
    const start = { mark: null, seen: [] };
    return { shipments: start, inventory: start };
  }
}

/**
 * Replaces the checkpoint whole: a crash leaves the old file or the new one, never half.
 * @param {{ shipments: FeedState, inventory: FeedState }} state
 */
async function saveCheckpoint(state) {
  const temp = `${flags.checkpoint}.${process.pid}.tmp`;
  const file = await open(temp, "w");
  try {
    await file.writeFile(`${JSON.stringify(state, null, 2)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, flags.checkpoint);
}

async function cycle() {
  const state = await loadCheckpoint();
  // Each feed's mark is saved only after its rows are stored: a crash between the two stores
  // some rows again next time (an upsert by id and version absorbs that), never skips one.
  const shipments = await walk(
    state.shipments,
    (query) => api.paginate("/v1/shipments", { params: { query } }),
    (shipment) => shipment.id,
    storeShipment,
  );
  state.shipments = { mark: shipments.mark, seen: shipments.seen };
  await saveCheckpoint(state);
  const inventory = await walk(
    state.inventory,
    (query) => api.paginate("/v1/inventory", { params: { query } }),
    (row) => row.sku, // one row per SKU, with every warehouse in it
    storeInventory,
  );
  state.inventory = { mark: inventory.mark, seen: inventory.seen };
  await saveCheckpoint(state);
  console.error(
    `shipments: ${shipments.stored} new, mark ${shipments.mark}; ` +
      `inventory: ${inventory.stored} new, mark ${inventory.mark}`,
  );
}

const seconds = Number(flags.interval);
if (!(seconds > 0)) {
  console.error(`--interval must be a positive number of seconds, not ${flags.interval}`);
  process.exit(2);
}
for (;;) {
  try {
    await cycle();
  } catch (err) {
    // Nothing past the last saved mark was lost: the next cycle resumes from it.
    const { code, name, message } = /** @type {Error & { code?: string }} */ (err);
    console.error(`poll failed: ${code ?? name}: ${message}`);
    if (flags.once) process.exit(1);
  }
  if (flags.once) break;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}
