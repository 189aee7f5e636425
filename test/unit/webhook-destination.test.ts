import { describe, expect, it } from "vitest";
import { destinationRefusal } from "../../src/webhooks/destination";
import { DnsFailure, Resolver } from "../../src/webhooks/resolver";
import { received, receiver } from "../support/receiver";

// The suite's DoH server (test/support/receiver.global.mjs) answers from the name itself, as
// nip.io does: `127.0.0.1.nip.test` has the A record 127.0.0.1, `fd00--1` an AAAA fd00::1.
const endpoint = `${receiver}/dns-query`;
const sandbox = { ENVIRONMENT: "sandbox", WEBHOOK_DOH_URL: endpoint } as const;

/** How many queries the DoH server has had for `name` (one per record type). */
const queries = async (name: string) => (await received(`dns:${name}`)).length;

describe("a delivery's destination outside development", () => {
  it("is refused when its name resolves to a loopback address", async () => {
    expect(await destinationRefusal(sandbox, "https://127.0.0.1.nip.test/hook")).toBe(
      "refused: 127.0.0.1.nip.test resolves to 127.0.0.1 (loopback)",
    );
    const [query] = await received("dns:127.0.0.1.nip.test");
    expect(query?.headers.accept).toBe("application/dns-json");
  });

  it("is refused when any one address is not public, in either record type", async () => {
    expect(
      await destinationRefusal(
        { ...sandbox, ENVIRONMENT: "production" },
        "https://unit-mixed.8-8-8-8.fd00--1.test/",
      ),
    ).toBe("refused: unit-mixed.8-8-8-8.fd00--1.test resolves to fd00::1 (unique-local)");
    expect(await destinationRefusal(sandbox, "https://unit-6to4.2002-a9fe-a9fe--1.test/")).toBe(
      "refused: unit-6to4.2002-a9fe-a9fe--1.test resolves to 2002:a9fe:a9fe::1 (link-local 169.254.169.254 embedded in a 6to4 address)",
    );
    // An AAAA record is judged, and named, as the URL parser writes it.
    expect(await destinationRefusal(sandbox, "https://unit-mapped.0--ffff-7f00-1.test/")).toBe(
      "refused: unit-mapped.0--ffff-7f00-1.test resolves to ::ffff:7f00:1 (loopback)",
    );
  });

  it("is sent when every address is public, past a CNAME", async () => {
    expect(
      await destinationRefusal(sandbox, "https://unit-public.cname.8-8-8-8.2606-4700--1111.test/"),
    ).toBeUndefined();
  });

  it("judges an IP literal again without a lookup", async () => {
    expect(await destinationRefusal(sandbox, "https://[2002:7f00:1::1]/hook")).toBe(
      "refused: [2002:7f00:1::1] is not publicly reachable (loopback 127.0.0.1 embedded in a 6to4 address)",
    );
    expect(await destinationRefusal(sandbox, "https://8.8.8.8/hook")).toBeUndefined();
  });

  it("says why when the lookup gives no answer", async () => {
    expect(await destinationRefusal(sandbox, "https://unit-nowhere.test/")).toBe(
      "dns error: unit-nowhere.test: no such name (NXDOMAIN)",
    );
    expect(await destinationRefusal(sandbox, "https://servfail.unit-broken.test/")).toBe(
      "dns error: servfail.unit-broken.test: the server failed (SERVFAIL)",
    );
  });
});

describe("a delivery's destination in development", () => {
  it("is never looked up, so local receivers keep working", async () => {
    const development = { ...sandbox, ENVIRONMENT: "development" } as const;
    expect(await destinationRefusal(development, "https://127.0.0.2.nip.test/")).toBeUndefined();
    expect(await destinationRefusal(development, "http://127.0.0.1:4000/")).toBeUndefined();
    expect(await queries("127.0.0.2.nip.test")).toBe(0);
  });
});

describe("the DoH resolver", () => {
  const clock = () => {
    const c = { ms: 0, now: () => c.ms };
    return c;
  };

  it("keeps an answer for its TTL and asks again after it", async () => {
    const time = clock();
    const resolver = new Resolver({ endpoint, now: time.now });
    const name = "unit-ttl.8-8-8-8.ttl-30.test";
    expect(await resolver.addresses(name)).toEqual(["8.8.8.8"]);
    expect(await queries(name)).toBe(2);
    time.ms = 29_000;
    await resolver.addresses(name);
    expect(await queries(name)).toBe(2);
    time.ms = 30_000;
    await resolver.addresses(name);
    expect(await queries(name)).toBe(4);
  });

  it("keeps no answer longer than its cap, and none with a TTL of 0", async () => {
    const time = clock();
    const resolver = new Resolver({ endpoint, now: time.now, maxTtlSeconds: 60 });
    const long = "unit-long.8-8-8-8.ttl-86400.test";
    await resolver.addresses(long);
    time.ms = 60_000;
    await resolver.addresses(long);
    expect(await queries(long)).toBe(4);
    const never = "unit-never.8-8-8-8.ttl-0.test";
    await resolver.addresses(never);
    await resolver.addresses(never);
    expect(await queries(never)).toBe(4);
  });

  it("holds a bounded number of names, dropping the least recently used", async () => {
    const resolver = new Resolver({ endpoint, maxNames: 2 });
    const [a, b, c] = ["a", "b", "c"].map((n) => `unit-lru-${n}.1-1-1-1.test`);
    if (!a || !b || !c) throw new Error("three names");
    await resolver.addresses(a);
    await resolver.addresses(b);
    await resolver.addresses(a);
    await resolver.addresses(c);
    await resolver.addresses(a);
    expect(await queries(a)).toBe(2);
    await resolver.addresses(b);
    expect(await queries(b)).toBe(4);
  });

  it("makes one lookup for callers that ask at once", async () => {
    const resolver = new Resolver({ endpoint });
    const name = "unit-shared.9-9-9-9.test";
    await Promise.all([1, 2, 3].map(() => resolver.addresses(name)));
    expect(await queries(name)).toBe(2);
  });

  it("fails, and remembers nothing, when the server fails or is too slow", async () => {
    const resolver = new Resolver({ endpoint, timeoutMs: 200 });
    const broken = "servfail.unit-again.test";
    await expect(resolver.addresses(broken)).rejects.toThrow(DnsFailure);
    await expect(resolver.addresses(broken)).rejects.toThrow("SERVFAIL");
    expect(await queries(broken)).toBe(4);
    await expect(resolver.addresses("slow.unit-slow.8-8-8-8.test")).rejects.toThrow(
      "no answer within 0.2 s",
    );
    const down = new Resolver({ endpoint: "http://127.0.0.1:1/dns-query" });
    await expect(down.addresses("unit-down.test")).rejects.toThrow(
      "the DoH server could not be reached",
    );
  });
});
