/*
 * Which IP addresses a webhook may reach: the ranges that are not public, in IPv4 and IPv6,
 * and the IPv6 forms that carry an IPv4 address. One judgement for both the IP literal in a
 * subscription's URL and the addresses its name resolves to at delivery time.
 */

type Bytes = number[];
type Net = { net: Bytes; bits: number };
type Range = Net & { label: string };

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

function netOf(parse: (text: string) => Bytes | undefined, cidr: string): Net {
  const [address = "", bits = ""] = cidr.split("/");
  const net = parse(address);
  if (!net) throw new Error(`bad range ${cidr}`);
  return { net, bits: Number(bits) };
}

const ranges = (parse: (text: string) => Bytes | undefined, table: [string, string][]) =>
  table.map(([cidr, label]): Range => ({ ...netOf(parse, cidr), label }));

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

// Judged before the embedding forms below: `::` and `::1` also sit inside `::/96`.
const V6 = ranges(ipv6Bytes, [
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["fe80::/10", "link-local"],
  ["fc00::/7", "unique-local"],
  ["ff00::/8", "multicast"],
  ["2001:db8::/32", "documentation"],
]);

/**
 * IPv6 forms that carry an IPv4 address: a packet to them ends up at, or is relayed through,
 * that address. Mapped and NAT64 addresses `standFor` theirs and are judged exactly as it is.
 * The others are refused when theirs is not public, naming it, and are otherwise judged as
 * IPv6: 6to4 and Teredo are then public (inside 2000::/3), IPv4-compatible stays reserved.
 */
type Embedding = { net: Net; form: string; carried: (a: Bytes) => Bytes; standsFor?: true };

const EMBEDDINGS: Embedding[] = [
  {
    net: netOf(ipv6Bytes, "::ffff:0:0/96"),
    form: "an IPv4-mapped address",
    carried: (a) => a.slice(12),
    standsFor: true,
  },
  {
    net: netOf(ipv6Bytes, "64:ff9b::/96"),
    form: "a NAT64 address",
    carried: (a) => a.slice(12),
    standsFor: true,
  },
  {
    net: netOf(ipv6Bytes, "2002::/16"),
    form: "a 6to4 address",
    carried: (a) => a.slice(2, 6),
  },
  {
    net: netOf(ipv6Bytes, "2001::/32"),
    form: "a Teredo address as its server",
    carried: (a) => a.slice(4, 8),
  },
  {
    // RFC 4380 stores the client's address with every bit flipped.
    net: netOf(ipv6Bytes, "2001::/32"),
    form: "a Teredo address as its client",
    carried: (a) => a.slice(12).map((b) => b ^ 0xff),
  },
  {
    net: netOf(ipv6Bytes, "::/96"),
    form: "an IPv4-compatible address",
    carried: (a) => a.slice(12),
  },
];

const GLOBAL_UNICAST = netOf(ipv6Bytes, "2000::/3");

function within(address: Bytes, { net, bits }: Net): boolean {
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i % 8);
    if (((address[i >> 3] ?? 0) & mask) !== ((net[i >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

const v4Locality = (address: Bytes) => V4.find((r) => within(address, r))?.label;

function v6Locality(address: Bytes): string | undefined {
  const special = V6.find((r) => within(address, r));
  if (special) return special.label;
  for (const { net, form, carried, standsFor } of EMBEDDINGS) {
    if (!within(address, net)) continue;
    const v4 = carried(address);
    const locality = v4Locality(v4);
    if (standsFor) return locality;
    if (locality) return `${locality} ${v4.join(".")} embedded in ${form}`;
  }
  return within(address, GLOBAL_UNICAST) ? undefined : "reserved";
}

/**
 * The non-public range an IP address falls in, or undefined for a public one. `address` is
 * dotted IPv4 or IPv6 as the URL parser serialises it, with or without its brackets.
 */
export function addressLocality(address: string): string | undefined {
  const v4 = ipv4Bytes(address);
  if (v4) return v4Locality(v4);
  const v6 = ipv6Bytes(address.replace(/^\[(.*)\]$/, "$1"));
  return v6 ? v6Locality(v6) : undefined;
}

/** Whether a URL's host (as the URL parser serialises it) is an IP address, not a name. */
export const isIpLiteral = (host: string) => host.startsWith("[") || ipv4Bytes(host) !== undefined;
