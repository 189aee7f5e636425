import { z } from "zod";

/*
 * A name's addresses, from DNS over HTTPS. A Worker has no resolver of its own to ask, and
 * fetch resolves without telling, so a delivery that must judge where a name leads asks a
 * DoH server's JSON API. Answers are kept in the isolate for their TTL so a busy endpoint
 * costs a lookup now and then, not one per delivery.
 */

/** The JSON answer of a DoH server (`application/dns-json`), as far as it is read. */
const DohAnswer = z.object({
  Status: z.number(),
  Answer: z.array(z.object({ type: z.number(), TTL: z.number(), data: z.string() })).optional(),
});

const RECORD_TYPES = { A: 1, AAAA: 28 } as const;
type RecordType = keyof typeof RECORD_TYPES;

const RCODES: Record<number, string> = {
  2: "the server failed (SERVFAIL)",
  3: "no such name (NXDOMAIN)",
  5: "the server refused (REFUSED)",
};

/** A lookup that gave no answer to judge: the name is neither safe nor unsafe yet. */
export class DnsFailure extends Error {}

export interface ResolverOptions {
  /** The DoH JSON endpoint, e.g. https://cloudflare-dns.com/dns-query. */
  endpoint: string;
  timeoutMs?: number;
  /** Names kept at once; the least recently used goes first. */
  maxNames?: number;
  /** An answer is kept for its TTL, but never longer than this. */
  maxTtlSeconds?: number;
  now?: () => number;
}

type Addresses = { addresses: string[]; until: number };

export class Resolver {
  private readonly cache = new Map<string, Addresses>();
  // Deliveries to one endpoint often start together; they share one lookup.
  private readonly pending = new Map<string, Promise<string[]>>();
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly maxNames: number;
  private readonly maxTtlSeconds: number;
  private readonly now: () => number;

  constructor(options: ResolverOptions) {
    this.endpoint = options.endpoint;
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.maxNames = options.maxNames ?? 500;
    this.maxTtlSeconds = options.maxTtlSeconds ?? 300;
    this.now = options.now ?? Date.now;
  }

  /** Every IPv4 and IPv6 address `name` has, as the URL parser writes them; throws DnsFailure. */
  async addresses(name: string): Promise<string[]> {
    const cached = this.cache.get(name);
    this.cache.delete(name);
    if (cached && cached.until > this.now()) {
      this.cache.set(name, cached);
      return cached.addresses;
    }
    const running = this.pending.get(name);
    if (running) return running;
    const lookup = this.lookup(name).finally(() => this.pending.delete(name));
    this.pending.set(name, lookup);
    return lookup;
  }

  private async lookup(name: string): Promise<string[]> {
    const answers = (await Promise.all([this.query(name, "A"), this.query(name, "AAAA")])).flat();
    if (answers.length === 0) throw new DnsFailure("no A or AAAA records");
    const ttl = Math.min(this.maxTtlSeconds, ...answers.map((a) => a.ttl));
    const addresses = answers.map((a) => a.address);
    if (ttl > 0) {
      const oldest = this.cache.keys().next();
      if (this.cache.size >= this.maxNames && !oldest.done) this.cache.delete(oldest.value);
      this.cache.set(name, { addresses, until: this.now() + ttl * 1000 });
    }
    return addresses;
  }

  private async query(name: string, type: RecordType) {
    const url = new URL(this.endpoint);
    url.searchParams.set("name", name);
    url.searchParams.set("type", type);
    let text: string;
    try {
      const res = await fetch(url, {
        headers: { accept: "application/dns-json" },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!res.ok) {
        await res.body?.cancel();
        throw new DnsFailure(`the DoH server answered HTTP ${res.status}`);
      }
      text = await res.text();
    } catch (err) {
      if (err instanceof DnsFailure) throw err;
      throw new DnsFailure(
        err instanceof Error && err.name === "TimeoutError"
          ? `no answer within ${this.timeoutMs / 1000} s`
          : `the DoH server could not be reached: ${String(err)}`,
      );
    }
    const parsed = DohAnswer.safeParse(parseJson(text));
    if (!parsed.success) throw new DnsFailure("the DoH server's answer is unreadable");
    const { Status, Answer = [] } = parsed.data;
    if (Status !== 0) throw new DnsFailure(RCODES[Status] ?? `DNS status ${Status}`);
    // CNAMEs in the chain come along; only the addresses at its end are judged.
    return Answer.filter((r) => r.type === RECORD_TYPES[type]).map((r) => ({
      address: canonical(type, r.data),
      ttl: r.TTL,
    }));
  }
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** A record's address as the URL parser writes it, so it is judged as fetch would read it. */
function canonical(type: RecordType, data: string): string {
  let host = "";
  try {
    host = new URL(type === "A" ? `http://${data}/` : `http://[${data}]/`).hostname;
  } catch {
    // Not an address at all: refused below like any other record that is not one.
  }
  if (type === "A" && /^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
  if (type === "AAAA" && host.startsWith("[")) return host.slice(1, -1);
  throw new DnsFailure(`the ${type} record ${JSON.stringify(data)} is not an address`);
}
