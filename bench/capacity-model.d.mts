// Types for bench/capacity-model.mjs, which stays plain JavaScript so Node runs it as is.

interface Measured {
  statements: number;
  dbMs: number;
}

/** What bench/capacity.mjs measures and the model reads. */
export interface Measurement {
  orders: number;
  deliveries: number;
  create: Measured;
  ship: Measured;
  /** Statements per order the stock objects' publications of its SKUs wrote, outside any response. */
  publish: { statements: number };
  poll: Measured;
  bytes: {
    perOrder: number;
    webhooksPerOrder: number;
    eventsPerOrder: number;
    eventDataPerOrder: number;
    /** Every byte of one order's life with one webhook subscription, and what stays after retention. */
    allIn: number;
    kept: number;
  };
}

export declare const LIMITS: {
  databaseBytes: number;
  accountBytes: number;
  databases: number;
  bindings: number;
  varBytes: number;
  objectBytes: number;
  sources: Record<string, string>;
};

export type Assumptions = {
  fill: number;
  utilisation: number;
  orderHotDays: number;
  daysToFinal: number;
  retentionDays: number;
  sizingMsPerStatement: number;
  writeMsPerStatement: number;
  deliveryStatements: number;
  eventRowBytes: number;
  otherBindings: number;
  peakFactor: number;
  feeds: number;
  pollEverySeconds: number;
};
export declare const ASSUME: Assumptions;

export interface Scenario {
  name: string;
  merchants: number;
  ordersPerMerchantPerDay: number;
}
export declare const SCENARIOS: Scenario[];

export interface Order {
  deliveriesPerOrder: number;
  statements: number;
  localMsPerStatement: number;
  localMs: number;
  sizingMs: number;
  writeMs: number;
  pollStatements: number;
  eventsBytes: number;
  transientBytes: number;
  keptBytes: number;
  allInBytes: number;
}

export interface Limit {
  limit: string;
  used: number;
  raisable?: boolean;
}

export interface Plan extends Scenario {
  ordersPerDay: number;
  peakOrdersPerS: number;
  pollsPerS: number;
  sizingMsPerS: number;
  writeMsPerS: number;
  shardsForThroughput: number;
  shardsForThroughputAtSizing: number;
  tenantBytes: number;
  tenantFits: boolean;
  tenantsPerShard: number;
  maxHotDays: number;
  tenantWriterShare: number;
  tenantDaysToBudgetWithoutArchive: number;
  shardsForStorage: number;
  needed: number;
  shards: number;
  accountBytes: number;
  accountDaysToFull: number;
  databases: number;
  bindings: number;
  varBytes: number;
  limits: Limit[];
  broken: Limit[];
  firstFixed: Limit | undefined;
}

export declare function perOrder(c: Measurement, a?: Assumptions): Order;
export declare function bytesAfter(
  days: number,
  perDay: number,
  o: Pick<Order, "keptBytes" | "transientBytes">,
  a?: Assumptions,
  hotDays?: number,
): number;
export declare function daysUntil(
  limit: number,
  perDay: number,
  o: Pick<Order, "keptBytes" | "transientBytes">,
  a?: Assumptions,
  hotDays?: number,
): number;
export declare function shardsVarBytes(n: number): number;
export declare function shardsInVar(limit?: number): number;
export declare function plan(o: Order, s: Scenario, a?: Assumptions, l?: typeof LIMITS): Plan;
export declare function model(
  c: Measurement,
  a?: Assumptions,
  l?: typeof LIMITS,
): Order & { scenarios: Plan[]; shardsInVar: number };
export declare function fmtBytes(n: number): string;
