// What moving a tenant between shards copies, as SQL: every row of the tenant in a shard
// (migrations/shard), read table by table in pages by key and written to the destination
// shard page by page, each page with a checkpoint, so memory stays bounded by a page and a
// crashed move resumes where it stopped. Plain JavaScript, so both the move script
// (scripts/move-tenant.mjs, reading and writing remote shards through wrangler) and the tests
// (local shard bindings) use it; scripts/tenant-verify.mjs checks the copy.
// docs/deploying.md has the runbook.

/**
 * The tenant's rows, table by table, parents before children: `return_lines` is checked
 * against the order's shipments by a trigger, so those go first. `:tenant` is the tenant's
 * id, which also owns its keys' idempotency claims (platform keys' stay in the control
 * database).
 *
 * `renumber` names a column the shard assigns (AUTOINCREMENT, counting every tenant of the
 * shard): the copy leaves it out, so the destination numbers the rows after its own, in the
 * order they are copied. Nothing the API shows carries those numbers:
 * feeds name events by id, and the rest orders by per-tenant `change_seq`, which is kept.
 *
 * `derived` tables are kept by the destination's triggers from the rows copied before them
 * (incoming_stock from inbound lines), so they are cleared but not copied. `replace` rows
 * overwrite what those triggers wrote: a feed head is copied after its feed, so it ends at
 * the source's head, past rows retention has already removed.
 *
 * Pages follow `key`, the columns after the tenant's (or the parent's) in one of the table's
 * unique indexes, so each page is one range of that index, never a re-read and sort of every
 * row before it. Events and deliveries are paged by their sequence, so they are numbered
 * anew in the same order (order references, whose numbers nothing reads, by reference); a
 * table with no such index, by rowid.
 */
export const TENANT_TABLES = [
  { table: "tenants", where: "id = :tenant" },
  { table: "sandbox_settings", where: "tenant_id = :tenant" },
  { table: "products", where: "tenant_id = :tenant", key: ["change_seq"] },
  { table: "inventory_skus", where: "tenant_id = :tenant", key: ["change_seq"] },
  { table: "inventory", where: "tenant_id = :tenant", key: ["warehouse_id", "sku"] },
  { table: "stock_lots", where: "tenant_id = :tenant", key: ["warehouse_id", "sku", "lot"] },
  { table: "inventory_adjustments", where: "tenant_id = :tenant", key: ["change_seq"] },
  { table: "inventory_condition_moves", where: "tenant_id = :tenant", key: ["change_seq"] },
  { table: "stock_movements", where: "tenant_id = :tenant", key: ["warehouse_id", "sku", "ref"] },
  { table: "order_references", where: "tenant_id = :tenant", renumber: "seq", key: ["reference"] },
  { table: "orders", where: "tenant_id = :tenant", key: ["change_seq"] },
  {
    table: "order_lines",
    where: "order_id IN (SELECT id FROM orders WHERE tenant_id = :tenant)",
    key: ["order_id", "line_no"],
  },
  {
    table: "order_terms",
    where: "order_id IN (SELECT id FROM orders WHERE tenant_id = :tenant)",
    key: ["order_id"],
  },
  {
    table: "order_history",
    where: "order_id IN (SELECT id FROM orders WHERE tenant_id = :tenant)",
    key: ["order_id", "seq"],
  },
  { table: "archived_orders", where: "tenant_id = :tenant", key: ["order_id"] },
  {
    table: "archived_shipments",
    where: "order_id IN (SELECT order_id FROM archived_orders WHERE tenant_id = :tenant)",
    key: ["shipment_id"],
  },
  { table: "archived_returns", where: "tenant_id = :tenant", key: ["rma"] },
  {
    table: "stock_demands",
    where: "tenant_id = :tenant",
    key: ["warehouse_id", "sku", "order_id", "line_no"],
  },
  { table: "shipments", where: "tenant_id = :tenant", key: ["change_seq"] },
  {
    table: "shipment_items",
    where: "shipment_id IN (SELECT id FROM shipments WHERE tenant_id = :tenant)",
    key: ["shipment_id", "order_line_id"],
  },
  {
    table: "shipment_parcels",
    where: "shipment_id IN (SELECT id FROM shipments WHERE tenant_id = :tenant)",
    key: ["shipment_id", "position"],
  },
  { table: "inbound_shipments", where: "tenant_id = :tenant", key: ["change_seq"] },
  {
    table: "inbound_lines",
    where: "inbound_id IN (SELECT id FROM inbound_shipments WHERE tenant_id = :tenant)",
    key: ["inbound_id", "sku"],
  },
  {
    table: "incoming_stock",
    where: "tenant_id = :tenant",
    derived: true,
    key: ["sku", "warehouse_id", "inbound_id"],
  },
  { table: "inbound_receipts", where: "tenant_id = :tenant" },
  { table: "returns", where: "tenant_id = :tenant", key: ["change_seq"] },
  {
    table: "return_lines",
    where: "return_id IN (SELECT id FROM returns WHERE tenant_id = :tenant)",
    key: ["return_id", "stage", "line_no"],
  },
  { table: "serial_claims", where: "tenant_id = :tenant", key: ["sku", "serial"] },
  { table: "serial_stock", where: "tenant_id = :tenant", key: ["sku", "serial"] },
  { table: "rate_cards", where: "tenant_id = :tenant", key: ["version"] },
  { table: "charges", where: "tenant_id = :tenant", key: ["change_seq"] },
  { table: "invoices", where: "tenant_id = :tenant", key: ["change_seq"] },
  { table: "storage_progress", where: "tenant_id = :tenant", key: ["tenant_id"] },
  { table: "billing_heads", where: "tenant_id = :tenant", key: ["tenant_id"] },
  // Paged unit by unit, so each unit's movements are numbered anew in the order they happened.
  {
    table: "serial_movements",
    where: "tenant_id = :tenant",
    renumber: "seq",
    key: ["sku", "serial", "seq"],
  },
  { table: "stuck_operations", where: "tenant_id = :tenant" },
  { table: "events", where: "tenant_id = :tenant", renumber: "seq" },
  { table: "webhook_subscriptions", where: "tenant_id = :tenant" },
  {
    table: "webhook_deliveries",
    where: "subscription_id IN (SELECT id FROM webhook_subscriptions WHERE tenant_id = :tenant)",
    key: ["subscription_id", "event_at", "event_id", "generation"],
  },
  { table: "webhook_attempts", where: "tenant_id = :tenant", key: ["delivery_id", "attempt"] },
  { table: "idempotency_claims", where: "owner = :tenant", key: ["key"] },
  { table: "feed_heads", where: "tenant_id = :tenant", replace: true, key: ["feed"] },
];

// Tenant ids are generated by the API (`ten_…`), so one is inlined, never anything else.
const TENANT_ID = /^ten_[A-Za-z0-9_]+$/;

/** The table's condition for this tenant, with its id inlined. */
export function whereFor(where, tenantId) {
  if (!TENANT_ID.test(tenantId)) {
    throw new Error(`refusing to inline ${JSON.stringify(tenantId)}: not a tenant id`);
  }
  return where.replaceAll(":tenant", `'${tenantId}'`);
}

/** A value as an SQLite literal. */
export function literal(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot copy the number ${value}`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value instanceof ArrayBuffer ? value : value.buffer);
    return `X'${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}'`;
  }
  if (Array.isArray(value) && value.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) {
    return literal(Uint8Array.from(value));
  }
  throw new Error(`cannot copy the value ${JSON.stringify(value)}`);
}

/** The columns a table's rows are paged by, in order. */
export const keyOf = (spec) => spec.key ?? [spec.renumber ?? "rowid"];

/** Rows per read and per write: what a move holds in memory at once. */
export const PAGE_ROWS = 1000;

/**
 * Each statement stays under D1's 100 KB: this many UTF-16 units take at most 90 KB as
 * UTF-8. A multi-row INSERT also stops at STATEMENT_ROWS, whatever SQLite's own limits.
 */
const STATEMENT_UNITS = 30_000;
const STATEMENT_ROWS = 200;

const POSITION = /^__k\d+$/;

/**
 * The tenant's rows of one table in key order, a page at a time, from just after the key
 * `after` (an array of the key's values) or from the start. Each page comes with the key of
 * its last row, where the next read starts.
 */
export async function* pages(read, spec, tenantId, { after, size = PAGE_ROWS } = {}) {
  const key = keyOf(spec);
  const where = whereFor(spec.where, tenantId);
  const positions = key.map((c, i) => `${c} AS "__k${i}"`).join(", ");
  let last = after;
  for (;;) {
    const from = last ? ` AND (${key.join(", ")}) > (${last.map(literal).join(", ")})` : "";
    const rows = await read(
      `SELECT ${positions}, * FROM ${spec.table} WHERE (${where})${from} ORDER BY ${key.join(", ")} LIMIT ${size}`,
    );
    const tail = rows.at(-1);
    if (!tail) return;
    last = key.map((_, i) => tail[`__k${i}`]);
    const data = rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([c]) => !POSITION.test(c))),
    );
    yield { rows: data, last };
    if (rows.length < size) return;
  }
}

/**
 * Multi-row INSERTs writing `rows` of a table, in their order: a renumbered column is left
 * out, so the destination numbers them after its own rows, in the same order.
 */
export function insertStatements({ table, renumber, replace }, rows) {
  const out = [];
  let head;
  let tuples = [];
  let units = 0;
  const flush = () => {
    if (tuples.length > 0) out.push(`${head}${tuples.join(",\n")};`);
    tuples = [];
    units = 0;
  };
  for (const row of rows) {
    const columns = Object.keys(row).filter((c) => c !== renumber);
    const rowHead = `INSERT${replace ? " OR REPLACE" : ""} INTO ${table} (${columns.map((c) => `"${c}"`).join(", ")}) VALUES\n`;
    const tuple = `(${columns.map((c) => literal(row[c])).join(", ")})`;
    const full =
      units + tuple.length > STATEMENT_UNITS - rowHead.length || tuples.length >= STATEMENT_ROWS;
    if (rowHead !== head || full) flush();
    head = rowHead;
    tuples.push(tuple);
    units += tuple.length + 2;
  }
  flush();
  return out;
}

/** Statements removing the tenant's rows, and any move of it in progress, from a shard. */
export function deleteStatements(tenantId) {
  return [
    ...[...TENANT_TABLES]
      .reverse()
      .map(({ table, where }) => `DELETE FROM ${table} WHERE ${whereFor(where, tenantId)};`),
    forgetMove(tenantId),
  ];
}

/** Drops the tenant's move checkpoint from the destination: the next move starts afresh. */
export const forgetMove = (tenantId) =>
  `DELETE FROM tenant_moves WHERE ${whereFor("tenant_id = :tenant", tenantId)};`;

/**
 * The checkpoint written with a page: the page's last source key, and the rowid here of the
 * last row it inserted (last_insert_rowid() is still the INSERT's when this runs, as each
 * page ends with it). A table copied over its triggers' rows has nothing to undo: no mark.
 */
function checkpoint(tenantId, move, spec, after) {
  const mark = spec.replace || after === null ? "NULL" : "last_insert_rowid()";
  return `INSERT INTO tenant_moves (tenant_id, move, table_name, after, mark) VALUES (${[
    whereFor(":tenant", tenantId),
    literal(move),
    literal(spec.table),
    after === null ? "NULL" : literal(JSON.stringify(after)),
  ].join(", ")}, ${mark}) ON CONFLICT (tenant_id) DO UPDATE SET move = excluded.move,
  table_name = excluded.table_name, after = excluded.after, mark = excluded.mark;`;
}

const COPIED = TENANT_TABLES.filter((t) => !t.derived);

/**
 * What makes the destination hold exactly the checkpointed rows: without a checkpoint of this
 * move, none of the tenant's rows (whatever an earlier move left); with one, the rows of the
 * tables after its table, and of its table past its mark, are a crashed page's and go.
 */
function resumeStatements(tenantId, move, state) {
  if (!state) return [...deleteStatements(tenantId), checkpoint(tenantId, move, COPIED[0], null)];
  const at = COPIED.findIndex((t) => t.table === state.table_name);
  const undo = [];
  for (const spec of COPIED.slice(at + 1).reverse()) {
    undo.push(`DELETE FROM ${spec.table} WHERE ${whereFor(spec.where, tenantId)};`);
  }
  const current = COPIED[at];
  if (!current.replace) {
    const past = state.mark === null ? "" : ` AND rowid > ${literal(state.mark)}`;
    undo.push(`DELETE FROM ${current.table} WHERE (${whereFor(current.where, tenantId)})${past};`);
  }
  return undo;
}

/**
 * Copies the tenant's rows from the source shard (`read`) into the destination (`readTarget`,
 * `write`), a page at a time, and resumes a copy of the same `move` (the source shard and
 * the freeze) that stopped. `write(statements)` runs the statements in order on the
 * destination; it need not be atomic. `onPage(table, rows)` hears of each page written.
 */
export async function copyTenant({ read, readTarget, write, tenantId, move, size, onPage }) {
  const [found] = await readTarget(
    `SELECT move, table_name, after, mark FROM tenant_moves WHERE ${whereFor("tenant_id = :tenant", tenantId)}`,
  );
  const known = found?.move === move && COPIED.some((t) => t.table === found.table_name);
  const state = known ? found : undefined;
  await write(resumeStatements(tenantId, move, state));
  const at = state ? COPIED.findIndex((t) => t.table === state.table_name) : 0;
  // Most of a tenant's tables are small or empty: one count spares a read of each empty one.
  const counts = await countTenant(read, tenantId);
  for (const spec of COPIED.slice(at).filter((t) => counts[t.table] > 0)) {
    const resumed = state && spec.table === state.table_name && state.after;
    const after = resumed ? JSON.parse(state.after) : undefined;
    for await (const page of pages(read, spec, tenantId, { after, size })) {
      await write([
        ...insertStatements(spec, page.rows),
        checkpoint(tenantId, move, spec, page.last),
      ]);
      onPage?.(spec.table, page.rows.length);
    }
  }
}

/** How many rows of the tenant each table holds in a shard, in one query. */
export async function countTenant(read, tenantId) {
  const columns = TENANT_TABLES.map(
    ({ table, where }) =>
      `(SELECT COUNT(*) FROM ${table} WHERE ${whereFor(where, tenantId)}) AS "${table}"`,
  );
  const [row] = await read(`SELECT ${columns.join(", ")}`);
  return Object.fromEntries(TENANT_TABLES.map(({ table }) => [table, Number(row?.[table] ?? 0)]));
}
