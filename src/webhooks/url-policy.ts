import type { Environment } from "../lib/environment";

/*
 * Where a webhook may point. Deliveries are POSTs made from our network, so a URL that
 * names a loopback, private or metadata address would turn them into requests against
 * infrastructure (SSRF). URLs are judged as the WHATWG parser (the one fetch uses)
 * normalises them, so `https://2130706433/` and `https://[::ffff:7f00:1]/` are judged as
 * the 127.0.0.1 they reach, never as the text the caller wrote.
 */

/** Why a URL may not be a webhook's: a refusal whose message the refusal table words. */
export type UrlRefusal =
  | { code: "insecure_url" }
  | { code: "url_not_allowed"; reason: "not_absolute" | "credentials" }
  | { code: "url_not_allowed"; reason: "scheme"; scheme: string }
  | { code: "url_not_allowed"; reason: "port"; port: string }
  | { code: "url_not_allowed"; reason: "single_label"; host: string }
  | { code: "url_not_allowed"; reason: "not_public"; host: string; locality: string };

type Bytes = number[];
type Range = { net: Bytes; bits: number; label: string };

function ipv4Bytes(text: string): Bytes | undefined {
  const parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  return parts ? parts.slice(1).map(Number) : undefined;
}

/** Reads the WHATWG serialisation of an IPv6 address: hex groups, at most one `::`. */
function ipv6Bytes(text: string): Bytes | undefined {
  const [head, tail, ...extra] = text.split("::");
  if (head === undefined || extra.length > 0) return undefined;
  const groupsOf = (part: string | undefined) => (part ? part.split(":") : []);
  const [before, after] = [groupsOf(head), groupsOf(tail)];
  const zeros = tail === undefined ? 0 : 8 - before.length - after.length;
  const groups = [...before, ...Array<string>(Math.max(zeros, 0)).fill("0"), ...after];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return groups.flatMap((g) => {
    const n = Number.parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

const ranges = (parse: (text: string) => Bytes | undefined, table: [string, string][]) =>
  table.map(([cidr, label]): Range => {
    const [address = "", bits = ""] = cidr.split("/");
    const net = parse(address);
    if (!net) throw new Error(`bad range ${cidr}`);
    return { net, bits: Number(bits), label };
  });

// First match wins, so a narrow range sits above the wide one that contains it.
const V4 = ranges(ipv4Bytes, [
  ["0.0.0.0/8", "unspecified"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "carrier-grade NAT"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "documentation"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["255.255.255.255/32", "broadcast"],
  ["240.0.0.0/4", "reserved"],
]);

const V6 = ranges(ipv6Bytes, [
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["fe80::/10", "link-local"],
  ["fc00::/7", "unique-local"],
  ["ff00::/8", "multicast"],
  ["2001:db8::/32", "documentation"],
]);

// Both carry an IPv4 address in their last 32 bits, and reach what that address reaches.
const EMBEDS_V4 = ranges(ipv6Bytes, [
  ["::ffff:0:0/96", "IPv4-mapped"],
  ["64:ff9b::/96", "NAT64"],
]);

const GLOBAL_UNICAST = ranges(ipv6Bytes, [["2000::/3", "global unicast"]]);

function within(address: Bytes, { net, bits }: Range): boolean {
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i % 8);
    if (((address[i >> 3] ?? 0) & mask) !== ((net[i >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

/** The non-public range an IP literal falls in, or undefined for a public address. */
function blockedRange(host: string): string | undefined {
  const v4 = ipv4Bytes(host);
  if (v4) return V4.find((r) => within(v4, r))?.label;
  const v6 = host.startsWith("[") ? ipv6Bytes(host.slice(1, -1)) : undefined;
  if (!v6) return undefined;
  if (EMBEDS_V4.some((r) => within(v6, r))) return blockedRange(v6.slice(12).join("."));
  const label = V6.find((r) => within(v6, r))?.label;
  return label ?? (GLOBAL_UNICAST.some((r) => within(v6, r)) ? undefined : "reserved");
}

const isIpLiteral = (host: string) => host.startsWith("[") || ipv4Bytes(host) !== undefined;

/** Names that only ever resolve inside a machine or a private network. */
function localName(host: string): string | undefined {
  if (host === "localhost" || host.endsWith(".localhost")) return "loopback";
  if (host.endsWith(".local")) return "link-local (mDNS)";
  if (host.endsWith(".internal")) return "internal";
  if (!host.includes(".")) return "single-label";
  return undefined;
}

/**
 * Why `raw` may not be a webhook URL in `environment`, or undefined when it may.
 * Development relaxes one rule for local receivers: loopback over http or https, any port.
 */
export function webhookUrlRefusal(raw: string, environment: Environment): UrlRefusal | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { code: "url_not_allowed", reason: "not_absolute" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { code: "url_not_allowed", reason: "scheme", scheme: url.protocol.slice(0, -1) };
  }
  if (url.username || url.password) {
    return { code: "url_not_allowed", reason: "credentials" };
  }
  // A trailing dot names the same host (`localhost.` is localhost).
  const host = url.hostname.replace(/\.+$/, "");
  const locality = isIpLiteral(host) ? blockedRange(host) : localName(host);
  if (environment === "development" && locality === "loopback") return undefined;
  if (url.protocol !== "https:") return { code: "insecure_url" };
  if (url.port !== "") return { code: "url_not_allowed", reason: "port", port: url.port };
  if (locality === "single-label") return { code: "url_not_allowed", reason: "single_label", host };
  if (locality) return { code: "url_not_allowed", reason: "not_public", host, locality };
  return undefined;
}
