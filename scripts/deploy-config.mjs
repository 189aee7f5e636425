// The pure half of `npm run deploy:<env>` (scripts/deploy.mjs): what an environment in
// wrangler.toml needs, what wrangler's list commands say exists, what to create, and the
// wrangler.toml text with the resource ids written in. No I/O and no node: imports, so the
// unit tests run it inside workerd like everything else.

/** The environments scripts/deploy.mjs deploys; development is `npm run dev`. */
export const ENVIRONMENTS = ["sandbox", "production"];

/** Where D1 can put a primary (`wrangler d1 create --location`), as src/durable/stubs.ts has it. */
export const D1_REGIONS = ["wnam", "enam", "weur", "eeur", "apac", "oc"];

const HEADER = /^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*(\]\]?)\s*(#.*)?$/;
const KEY_VALUE = /^(\s*)([A-Za-z0-9_-]+)(\s*=\s*)("[^"\\]*"|'[^']*')(\s*(#.*)?)$/;

/**
 * wrangler.toml cut into its tables. Only what this file uses is understood: `[a.b]` and
 * `[[a.b]]` headers with bare dotted keys, and single-line string values.
 */
function tables(lines) {
  const found = [{ name: "", array: false, start: 0, end: lines.length }];
  lines.forEach((line, i) => {
    const m = HEADER.exec(line);
    if (!m) return;
    found[found.length - 1].end = i;
    found.push({ name: m[2], array: m[1] === "[[", start: i, end: lines.length });
  });
  return found;
}

/** The string values of a table, by key, with the line each is on. */
function entries(lines, table) {
  const values = new Map();
  for (let i = table.start; i < table.end; i++) {
    const m = KEY_VALUE.exec(lines[i]);
    if (m) values.set(m[2], { value: m[4].slice(1, -1), line: i });
  }
  return values;
}

const splitLines = (toml) => toml.split("\n");

/** The name wrangler 4 gives a KV namespace it provisions for a binding; we use the same. */
export const kvTitle = (worker, binding) =>
  `${worker}-${binding.toLowerCase().replaceAll("_", "-")}`;

/**
 * What an environment declares: its Worker, the region of its D1 primary (`D1_REGION`), its D1
 * databases and KV namespaces (with the id wrangler.toml holds for each, or null before the
 * first deploy), its R2 buckets (by name, which is all a binding holds) and every queue its
 * producers and consumers name, dead-letter queues included.
 */
export function readEnvironment(toml, env) {
  const lines = splitLines(toml);
  const all = tables(lines);
  const own = (suffix) => all.filter((t) => t.name === `env.${env}${suffix}`);
  const [envTable] = own("");
  if (!envTable) throw new Error(`wrangler.toml has no [env.${env}]`);
  const topName = entries(lines, all[0]).get("name")?.value;
  const worker = entries(lines, envTable).get("name")?.value ?? `${topName}-${env}`;
  const [vars] = own(".vars");
  const region = vars ? entries(lines, vars).get("D1_REGION")?.value : undefined;
  if (!D1_REGIONS.includes(region)) {
    throw new Error(
      `[env.${env}.vars] D1_REGION is ${region === undefined ? "missing" : `"${region}"`}: ` +
        `name the region of the D1 primary, one of ${D1_REGIONS.join(", ")}`,
    );
  }

  const d1 = own(".d1_databases").map((t) => {
    const e = entries(lines, t);
    const binding = e.get("binding")?.value;
    const name = e.get("database_name")?.value;
    if (!binding || !name) {
      throw new Error(`[[env.${env}.d1_databases]] needs binding and database_name`);
    }
    const migrations = e.get("migrations_dir")?.value ?? "migrations";
    return { binding, name, id: e.get("database_id")?.value || null, migrations };
  });
  // A shard listed but not bound would fail every request of the tenants placed on it.
  const shards = (vars ? entries(lines, vars).get("SHARDS")?.value : undefined) ?? "";
  const listed = shards
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  if (listed.length === 0) {
    throw new Error(
      `[env.${env}.vars] SHARDS is missing: list the shard D1 bindings, e.g. "SHARD_0,SHARD_1"`,
    );
  }
  for (const shard of listed) {
    const db = d1.find((d) => d.binding === shard);
    if (!db)
      throw new Error(
        `[env.${env}.vars] SHARDS names ${shard}, which has no [[env.${env}.d1_databases]] binding`,
      );
    if (db.migrations !== "migrations/shard") {
      throw new Error(
        `[[env.${env}.d1_databases]] ${shard} is a shard: its migrations_dir must be "migrations/shard"`,
      );
    }
  }
  if (d1.find((d) => d.binding === "DB")?.migrations !== "migrations/control") {
    throw new Error(
      `[[env.${env}.d1_databases]] DB is the control database: its migrations_dir must be "migrations/control"`,
    );
  }
  const kv = own(".kv_namespaces").map((t) => {
    const e = entries(lines, t);
    const binding = e.get("binding")?.value;
    if (!binding) throw new Error(`[[env.${env}.kv_namespaces]] needs a binding`);
    return { binding, title: kvTitle(worker, binding), id: e.get("id")?.value || null };
  });
  const r2 = own(".r2_buckets").map((t) => {
    const e = entries(lines, t);
    const binding = e.get("binding")?.value;
    const name = e.get("bucket_name")?.value;
    if (!binding || !name) {
      throw new Error(`[[env.${env}.r2_buckets]] needs binding and bucket_name`);
    }
    return { binding, name };
  });
  const queues = [];
  for (const t of [...own(".queues.producers"), ...own(".queues.consumers")]) {
    const e = entries(lines, t);
    for (const key of ["queue", "dead_letter_queue"]) {
      const name = e.get(key)?.value;
      if (name && !queues.includes(name)) queues.push(name);
    }
  }
  return { env, worker, region, shards: listed, d1, kv, r2, queues };
}

/**
 * The JSON value in a command's stdout. Wrangler may print a warning before it or a hint after
 * it, so each line that opens with `[` or `{` is tried, with and without what follows the last
 * line that closes one.
 */
function jsonIn(stdout, what) {
  const lines = stdout.split("\n");
  const lastClose = lines.findLastIndex((l) => /^\s*[\]}]\s*$/.test(l));
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*[[{]/.test(lines[i])) continue;
    for (const end of [lines.length, lastClose + 1]) {
      if (end <= i) continue;
      try {
        return JSON.parse(lines.slice(i, end).join("\n"));
      } catch {}
    }
  }
  throw new Error(`${what}: no JSON in wrangler's output:\n${stdout}`);
}

function listOf(stdout, what, fields) {
  const list = jsonIn(stdout, what);
  if (!Array.isArray(list)) throw new Error(`${what}: expected a JSON array`);
  return list.map((item) => {
    const picked = {};
    for (const field of fields) {
      if (typeof item?.[field] !== "string") {
        throw new Error(`${what}: an entry has no "${field}": ${JSON.stringify(item)}`);
      }
      picked[field] = item[field];
    }
    return picked;
  });
}

/** `wrangler d1 list --json`: the account's D1 databases as `{ uuid, name }`. */
export const parseD1List = (stdout) => listOf(stdout, "wrangler d1 list", ["uuid", "name"]);

/** `wrangler kv namespace list` (always JSON): the account's namespaces as `{ id, title }`. */
export const parseKvList = (stdout) =>
  listOf(stdout, "wrangler kv namespace list", ["id", "title"]);

/** `wrangler secret list --env <env>` (JSON by default): the names of the Worker's secrets. */
export const parseSecretList = (stdout) =>
  listOf(stdout, "wrangler secret list", ["name"]).map((s) => s.name);

/**
 * `wrangler queues info <name>`: true when the queue exists, false when wrangler says it does
 * not; anything else (no login, no network) is an error, never a reason to create a queue.
 */
export function queueExists(name, { status, stdout, stderr }) {
  if (status === 0) {
    const shown = /^Queue Name: (.+)$/m.exec(stdout)?.[1]?.trim();
    if (shown === name) return true;
    throw new Error(`wrangler queues info ${name} described "${shown}" instead`);
  }
  if (`${stdout}\n${stderr}`.includes(`Queue "${name}" does not exist`)) return false;
  throw new Error(`wrangler queues info ${name} failed:\n${stdout}\n${stderr}`);
}

/**
 * `wrangler r2 bucket info <name> --json`: true when the bucket exists, false when the API
 * says it does not (code 10006); anything else is an error, never a reason to create one.
 * Asked bucket by bucket because `wrangler r2 bucket list` shows only the account's first
 * 20 (cloudflare/workers-sdk#15103).
 */
export function r2BucketExists(name, { status, stdout, stderr }) {
  if (status === 0) {
    const shown = jsonIn(stdout, `wrangler r2 bucket info ${name}`)?.name;
    if (shown === name) return true;
    throw new Error(`wrangler r2 bucket info ${name} described "${shown}" instead`);
  }
  if (`${stdout}\n${stderr}`.includes("[code: 10006]")) return false;
  throw new Error(`wrangler r2 bucket info ${name} failed:\n${stdout}\n${stderr}`);
}

/**
 * What to do for each resource an environment needs. A resource is kept when the id in
 * wrangler.toml is in the account, adopted when one by its name is, and created otherwise, so
 * a rerun, a clone without the ids, or resources made by hand never lead to a second copy.
 */
export function planResources(wanted, existing) {
  const steps = [];
  for (const db of wanted.d1) {
    const byId = existing.d1.find((d) => d.uuid === db.id);
    const byName = existing.d1.find((d) => d.name === db.name);
    const found = byId ?? byName;
    steps.push({
      kind: "d1",
      binding: db.binding,
      name: db.name,
      action: byId ? "keep" : byName ? "adopt" : "create",
      id: found ? found.uuid : null,
    });
  }
  for (const ns of wanted.kv) {
    const byId = existing.kv.find((k) => k.id === ns.id);
    const byTitle = existing.kv.find((k) => k.title === ns.title);
    const found = byId ?? byTitle;
    steps.push({
      kind: "kv",
      binding: ns.binding,
      name: found ? found.title : ns.title,
      action: byId ? "keep" : byTitle ? "adopt" : "create",
      id: found ? found.id : null,
    });
  }
  for (const bucket of wanted.r2) {
    const found = existing.r2.includes(bucket.name);
    steps.push({
      kind: "r2",
      binding: bucket.binding,
      name: bucket.name,
      action: found ? "keep" : "create",
      id: null,
    });
  }
  for (const queue of wanted.queues) {
    const found = existing.queues.includes(queue);
    steps.push({ kind: "queue", name: queue, action: found ? "keep" : "create", id: null });
  }
  return steps;
}

/** The ids a finished plan resolved, as `writeIds` takes them. */
export function idsOf(steps) {
  const ids = { d1: {}, kv: {} };
  for (const s of steps) {
    // Buckets and queues are bound by name: there is no id to write.
    if (s.kind === "queue" || s.kind === "r2") continue;
    if (!s.id) throw new Error(`${s.kind} ${s.name} (${s.binding}) has no id yet`);
    ids[s.kind][s.binding] = s.id;
  }
  return ids;
}

const ID_KEY = { d1: "database_id", kv: "id" };
const ANCHOR = { d1: "database_name", kv: "binding" };
const TABLE = { d1: "d1_databases", kv: "kv_namespaces" };

/**
 * wrangler.toml with `database_id` and the KV `id` of one environment set to `ids`
 * (`{ d1: { DB: uuid }, kv: { KV: id } }`). Only those values change: an existing one is
 * rewritten in place, a missing one goes on the line after `database_name` (D1) or `binding`
 * (KV). The same ids give back the same text byte for byte.
 */
export function writeIds(toml, env, ids) {
  const lines = splitLines(toml);
  const all = tables(lines);
  if (!all.some((t) => t.name === `env.${env}`)) {
    throw new Error(`wrangler.toml has no [env.${env}]`);
  }
  const inserts = [];
  for (const kind of ["d1", "kv"]) {
    const wanted = new Map(Object.entries(ids[kind] ?? {}));
    for (const t of all.filter((x) => x.array && x.name === `env.${env}.${TABLE[kind]}`)) {
      const e = entries(lines, t);
      const binding = e.get("binding")?.value;
      if (!wanted.has(binding)) continue;
      const id = wanted.get(binding);
      wanted.delete(binding);
      if (!/^[A-Za-z0-9-]+$/.test(id)) {
        throw new Error(`refusing to write id ${JSON.stringify(id)}`);
      }
      const current = e.get(ID_KEY[kind]);
      if (current) {
        const m = KEY_VALUE.exec(lines[current.line]);
        lines[current.line] = `${m[1]}${m[2]}${m[3]}"${id}"${m[5]}`;
      } else {
        const after = e.get(ANCHOR[kind])?.line ?? t.start;
        inserts.push({ after, line: `${ID_KEY[kind]} = "${id}"` });
      }
    }
    const [unknown] = wanted.keys();
    if (unknown !== undefined) {
      throw new Error(`[[env.${env}.${TABLE[kind]}]] has no binding "${unknown}"`);
    }
  }
  for (const { after, line } of inserts.sort((a, b) => b.after - a.after)) {
    lines.splice(after + 1, 0, line);
  }
  return lines.join("\n");
}
