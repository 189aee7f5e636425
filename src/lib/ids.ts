const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Uniform random base62 string (rejection sampling keeps every symbol equally likely). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < 248 && out.length < length) out += BASE62[b % 62];
    }
  }
  return out;
}

/** What a tenant owns: these ids carry the route to their tenant. */
export type OwnedPrefix =
  | "ord"
  | "shp"
  | "ib"
  | "rcp"
  | "adj"
  | "cmv"
  | "ret"
  | "whk"
  | "evt"
  | "prd"
  | "del"
  | "op"
  | "chg"
  | "inv"
  | "rc";

/** What no tenant owns: tenants themselves, keys and requests. */
type PlatformPrefix = "key" | "ten" | "req";

export type IdPrefix = OwnedPrefix | PlatformPrefix;

/*
 * A tenant-owned id is its prefix, the tenant's route and 16 random symbols (95 bits): a
 * platform key names an order or a shipment and nothing else, and the route finds its
 * tenant, hence its shard, without asking every shard. The route is a hash of the tenant's
 * id, so it reveals neither the tenant nor how many there are, and the id stays opaque.
 * Ids issued before routes had 20 random symbols and no route; their length tells them
 * apart.
 */
const ROUTE_LENGTH = 6;
const ROUTED_LENGTH = ROUTE_LENGTH + 16;
const LEGACY_LENGTH = 20;
const ROUTES = 62 ** ROUTE_LENGTH;

/** cyrb53: a 53-bit hash of `text`, a different one for each seed. */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `n` as `length` base62 symbols, the low ones only. */
function base62Of(n: number, length: number): string {
  let rest = n;
  let out = "";
  for (let i = 0; i < length; i++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

/** The tenant's route: 6 base62 symbols of a 53-bit hash of its id (cyrb53), stable forever. */
export function routeOf(tenantId: string): string {
  return base62Of(cyrb53(tenantId) % ROUTES, ROUTE_LENGTH);
}

/**
 * The id of what is named by what it is rather than stored with an id of its own (a webhook
 * delivery is its subscription, event and generation): routed like any other, then 16
 * symbols (95 bits) of two hashes of `what`, so it is the same wherever and whenever it is
 * computed, and says no more than the ids it was made from.
 */
export function derivedId(prefix: OwnedPrefix, tenantId: string, what: string): string {
  const half = ROUTED_LENGTH - ROUTE_LENGTH;
  return `${prefix}_${routeOf(tenantId)}${base62Of(cyrb53(what, 1), half / 2)}${base62Of(cyrb53(what, 2), half / 2)}`;
}

export function newId(prefix: PlatformPrefix): string;
export function newId(prefix: OwnedPrefix, tenantId: string): string;
export function newId(prefix: IdPrefix, tenantId?: string): string {
  return tenantId === undefined
    ? `${prefix}_${randomBase62(LEGACY_LENGTH)}`
    : `${prefix}_${routeOf(tenantId)}${randomBase62(ROUTED_LENGTH - ROUTE_LENGTH)}`;
}

/**
 * An order line's server id. Lines are read only through their order, so the id carries no
 * route, and it only has to be unique within its order for the line's life: 10 symbols (59
 * bits) make a repeat within one order of 500 lines about a one-in-10^13 chance, in fewer
 * bytes than an id that names a resource on its own, on every line, item and returned unit.
 */
export const newLineId = () => `li_${randomBase62(10)}`;

/**
 * Where a tenant-owned id leads: its tenant's route, `legacy` for an id issued before routes
 * (only a search can find its tenant), or `malformed` for what this API never issued.
 */
export function routeOfId(id: string): { route: string } | { legacy: true } | { malformed: true } {
  const body = id.slice(id.indexOf("_") + 1);
  if (id.indexOf("_") < 1 || !/^[0-9A-Za-z]+$/.test(body)) return { malformed: true };
  if (body.length === ROUTED_LENGTH) return { route: body.slice(0, ROUTE_LENGTH) };
  if (body.length === LEGACY_LENGTH) return { legacy: true };
  return { malformed: true };
}
