// The capacity model's arithmetic (docs/capacity.md), apart from the bench that measures its
// inputs, so a unit test can check it (test/unit/capacity.test.ts). Plain JavaScript with no
// imports: Node runs it in the bench and the Workers test pool imports it as is.
//
// Every constant below is either a documented platform limit (with the page it comes from)
// or an assumption, named as such; docs/capacity.md prints them.

const GiB = 1024 ** 3;

/** Documented limits (Workers Paid), each with its source. */
export const LIMITS = {
  /** D1: maximum database size, not raisable. */
  databaseBytes: 10 * GiB,
  /** D1: maximum storage per account, raisable on request. */
  accountBytes: 1024 * GiB,
  /** D1: databases per account, raisable on request. */
  databases: 50_000,
  /** D1: "you can bind up to ~5,000 D1 databases to a single Worker script" (1 MB of metadata). */
  bindings: 5_000,
  /** Workers: an environment variable's size, 5 KB (taken as 5,000 bytes). */
  varBytes: 5_000,
  /** Durable Objects (SQLite): storage per object; storage per account is unlimited. */
  objectBytes: 10 * GiB,
  sources: {
    d1: "https://developers.cloudflare.com/d1/platform/limits/",
    workers: "https://developers.cloudflare.com/workers/platform/limits/",
    durableObjects: "https://developers.cloudflare.com/durable-objects/platform/limits/",
    workersForPlatforms:
      "https://developers.cloudflare.com/cloudflare-for-platforms/workers-for-platforms/platform/limits/",
  },
};

/** Assumptions, each named where docs/capacity.md uses it. */
export const ASSUME = {
  /** Fill a shard to at most this share of its 10 GB, leaving room to grow and to move. */
  fill: 0.8,
  /** Keep a database's single writer at most this busy at the peak. */
  utilisation: 0.5,
  /** Orders stay in D1 this long after their last change in a final state (ORDER_HOT_DAYS' default). */
  orderHotDays: 90,
  /** Days from an order's create to its final state (shipped or cancelled). */
  daysToFinal: 2,
  /** Events and webhook deliveries are archived after this many days (RETENTION_DAYS' default). */
  retentionDays: 30,
  /** Cloudflare's D1 sizing example: about 1 ms per query, about 1,000 queries/s per database. */
  sizingMsPerStatement: 1,
  /**
   * What the shard count is sized with: a write "can take several ms" on the platform, and
   * most of an order's statements write, so every statement is priced at this.
   */
  writeMsPerStatement: 4,
  /** A delivery's own writes in the queue consumer (claim, attempt, outcome), outside any response. */
  deliveryStatements: 3,
  /** Bindings the Worker has besides its shards (DB, KV, R2, queues, Durable Objects, vars, …). */
  otherBindings: 16,
  /** Load: a 5× peak over the day's mean; each merchant polls 2 feeds every 120 s. */
  peakFactor: 5,
  feeds: 2,
  pollEverySeconds: 120,
};

/** The target, and 10× it both ways: ten times the merchants, or ten times each one. */
export const SCENARIOS = [
  { name: "target", merchants: 300, ordersPerMerchantPerDay: 10_000 },
  { name: "10× the merchants", merchants: 3_000, ordersPerMerchantPerDay: 10_000 },
  { name: "10× each merchant", merchants: 300, ordersPerMerchantPerDay: 100_000 },
];

/**
 * One order's life from the bench's measurement `c` (bench/capacity.mjs): statements and D1
 * time of its create, ship, the publications of its SKUs' stock and its webhook deliveries,
 * and its bytes split into what stays for the order's hot window (kept) and what goes after
 * the retention window (events and deliveries: transient).
 */
export function perOrder(c, a = ASSUME) {
  const deliveriesPerOrder = c.deliveries / c.orders;
  const writeStatements = c.create.statements + c.ship.statements;
  const localMsPerStatement = (c.create.dbMs + c.ship.dbMs) / writeStatements;
  // Statements no response reports (publications, deliveries) are timed at the responses' mean.
  const unreported = c.publish.statements + deliveriesPerOrder * a.deliveryStatements;
  const statements = writeStatements + unreported;
  const localMs = c.create.dbMs + c.ship.dbMs + unreported * localMsPerStatement;
  // Measured: the database's size after the order's life, and again once retention took its
  // events and deliveries; what retention frees is the difference.
  const keptBytes = c.bytes.kept;
  const transientBytes = c.bytes.allIn - c.bytes.kept;
  const eventsBytes = transientBytes - c.bytes.webhooksPerOrder;
  return {
    deliveriesPerOrder,
    statements,
    localMsPerStatement,
    localMs,
    sizingMs: statements * a.sizingMsPerStatement,
    writeMs: statements * a.writeMsPerStatement,
    pollStatements: c.poll.statements,
    eventsBytes,
    transientBytes,
    keptBytes,
    allInBytes: c.bytes.allIn,
  };
}

/** Bytes in D1 `days` after a tenant (or a fleet) started taking `perDay` orders a day. */
export function bytesAfter(days, perDay, o, a = ASSUME, hotDays = a.orderHotDays) {
  const keptDays = Math.min(days, hotDays + a.daysToFinal);
  return perDay * (o.keptBytes * keptDays + o.transientBytes * Math.min(days, a.retentionDays));
}

/** Days until `bytesAfter` reaches `limit`; Infinity if it levels off below it. */
export function daysUntil(limit, perDay, o, a = ASSUME, hotDays = a.orderHotDays) {
  const far = hotDays + a.daysToFinal + a.retentionDays;
  if (!Number.isFinite(far)) {
    // Nothing leaves D1 but events and deliveries: past the retention window it grows by kept bytes a day.
    const atRetention = bytesAfter(a.retentionDays, perDay, o, a, hotDays);
    if (atRetention >= limit) return daysUntil(limit, perDay, o, a, a.retentionDays + 1);
    return a.retentionDays + (limit - atRetention) / (perDay * o.keptBytes);
  }
  if (bytesAfter(far, perDay, o, a, hotDays) < limit) return Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = far;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (bytesAfter(mid, perDay, o, a, hotDays) >= limit) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Bytes of `SHARDS = "SHARD_0,SHARD_1,…"` listing `n` shards. */
export function shardsVarBytes(n) {
  let bytes = Math.max(0, n - 1);
  for (let i = 0; i < n; i++) bytes += `SHARD_${i}`.length;
  return bytes;
}

/** The most shards a `SHARDS` var of `limit` bytes can list. */
export function shardsInVar(limit = LIMITS.varBytes) {
  let n = 0;
  while (shardsVarBytes(n + 1) <= limit) n += 1;
  return n;
}

/**
 * A scenario's shards and where it stands against each limit. Merchants are taken as equal,
 * so the largest tenant is a merchant at `ordersPerMerchantPerDay`; a shard holds whole
 * tenants, so shards beyond the tenant count buy nothing unless a tenant can span stores.
 */
export function plan(o, s, a = ASSUME, l = LIMITS) {
  const ordersPerDay = s.merchants * s.ordersPerMerchantPerDay;
  const peakOrdersPerS = (ordersPerDay / 86_400) * a.peakFactor;
  const pollsPerS = (s.merchants * a.feeds) / a.pollEverySeconds;
  const dbMsPerS = (ms) => peakOrdersPerS * o.statements * ms + pollsPerS * o.pollStatements * ms;
  const sizingMsPerS = dbMsPerS(a.sizingMsPerStatement);
  const writeMsPerS = dbMsPerS(a.writeMsPerStatement);
  const writerMs = 1000 * a.utilisation;
  const shardsForThroughput = Math.ceil(writeMsPerS / writerMs);
  const shardsForThroughputAtSizing = Math.ceil(sizingMsPerS / writerMs);

  // The largest tenant: its hot window must fit one shard's budget, its peak one writer.
  const budget = l.databaseBytes * a.fill;
  const tenantDay = s.ordersPerMerchantPerDay;
  const tenantBytes = bytesAfter(Number.POSITIVE_INFINITY, tenantDay, o, a);
  const tenantFits = tenantBytes <= budget;
  const tenantsPerShard = tenantFits ? Math.floor(budget / tenantBytes) : 0;
  /** The longest ORDER_HOT_DAYS that fits the largest tenant in one shard's budget. */
  const maxHotDays = Math.max(
    0,
    (budget / tenantDay - o.transientBytes * a.retentionDays) / o.keptBytes - a.daysToFinal,
  );
  const tenantWriterShare =
    (((tenantDay / 86_400) * a.peakFactor * o.statements +
      (a.feeds / a.pollEverySeconds) * o.pollStatements) *
      a.writeMsPerStatement) /
    1000;
  const shardsForStorage = tenantFits
    ? Math.ceil(s.merchants / tenantsPerShard)
    : s.merchants * Math.ceil(tenantBytes / budget);
  const needed = Math.max(shardsForThroughput, shardsForStorage);
  const shards = Math.min(needed, s.merchants);
  const accountBytes = s.merchants * tenantBytes;
  const bindings = shards + a.otherBindings;
  const varBytes = shardsVarBytes(shards);

  /** Each limit as a share used (over 1 is broken), with what it is. */
  const limits = [
    {
      limit: "D1 storage per account (1 TB, raisable on request)",
      raisable: true,
      used: accountBytes / l.accountBytes,
    },
    {
      limit: `the largest tenant's hot window in one database (≤ ${a.fill * 100} % of 10 GB, not raisable)`,
      used: tenantBytes / budget,
    },
    {
      limit: `the largest tenant's peak on one database's writer (≤ ${a.utilisation * 100} % busy at ${a.writeMsPerStatement} ms a statement)`,
      used: tenantWriterShare / a.utilisation,
    },
    {
      limit: "shards needed ≤ tenants (a shard holds whole tenants)",
      used: needed / s.merchants,
    },
    {
      limit: `the SHARDS var (${l.varBytes.toLocaleString("en-US")} bytes)`,
      used: varBytes / l.varBytes,
    },
    {
      limit: `D1 bindings per Worker (~${l.bindings.toLocaleString("en-US")})`,
      used: bindings / l.bindings,
    },
    {
      limit: `D1 databases per account (${l.databases.toLocaleString("en-US")}, raisable on request)`,
      raisable: true,
      used: (shards + 1) / l.databases,
    },
  ].sort((x, y) => y.used - x.used);

  return {
    ...s,
    ordersPerDay,
    peakOrdersPerS,
    pollsPerS,
    sizingMsPerS,
    writeMsPerS,
    shardsForThroughput,
    shardsForThroughputAtSizing,
    tenantBytes,
    tenantFits,
    tenantsPerShard,
    maxHotDays,
    tenantWriterShare,
    tenantDaysToBudgetWithoutArchive: daysUntil(budget, tenantDay, o, a, Number.POSITIVE_INFINITY),
    shardsForStorage,
    needed,
    shards,
    accountBytes,
    accountDaysToFull: daysUntil(l.accountBytes, ordersPerDay, o, a),
    databases: shards + 1,
    bindings,
    varBytes,
    limits,
    broken: limits.filter((x) => x.used > 1),
    /** The fixed limit (not raisable on request) closest to breaking, or most broken. */
    firstFixed: limits.find((x) => !x.raisable),
  };
}

/** The whole model: one order's life and every scenario's plan. */
export function model(c, a = ASSUME, l = LIMITS) {
  const o = perOrder(c, a);
  return { ...o, scenarios: SCENARIOS.map((s) => plan(o, s, a, l)), shardsInVar: shardsInVar() };
}

export function fmtBytes(n) {
  if (!Number.isFinite(n)) return "n/a";
  if (n >= 1024 ** 4) return `${(n / 1024 ** 4).toFixed(2)} TiB`;
  if (n >= GiB) return `${(n / GiB).toFixed(2)} GiB`;
  return `${Math.round(n).toLocaleString("en-US")} B`;
}
