import { describe, expect, it } from "vitest";
import { messageOf } from "../../src/http/refusals";
import { webhookUrlRefusal } from "../../src/webhooks/url-policy";

/** The refusal as a client reads it: its code, and the message the refusal table words. */
const refused = (url: string, environment: "development" | "sandbox" | "production") => {
  const refusal = webhookUrlRefusal(url, environment);
  return refusal && { code: refusal.code, message: messageOf(refusal) };
};

describe("webhook URL policy outside development", () => {
  const nonPublic = [
    // IPv4 loopback, private, link-local, CGNAT, unspecified, multicast, broadcast, reserved
    "https://127.0.0.1/hook",
    "https://127.8.9.10/",
    "https://10.0.0.5/",
    "https://172.16.0.1/",
    "https://172.31.255.254/",
    "https://192.168.1.20/",
    "https://169.254.169.254/latest/meta-data",
    "https://100.64.0.1/",
    "https://100.127.255.254/",
    "https://0.0.0.0/",
    "https://224.0.0.1/",
    "https://255.255.255.255/",
    "https://240.0.0.1/",
    "https://192.0.2.10/",
    // Spellings the URL parser turns into 127.0.0.1 or 169.254.169.254
    "https://2130706433/",
    "https://0x7f000001/",
    "https://0x7f.0.0.1/",
    "https://0177.0.0.1/",
    "https://127.1/",
    "https://0/",
    "https://2852039166/",
    "https://127.0.0.1./",
    // IPv6, and IPv4 inside IPv6
    "https://[::1]/",
    "https://[::]/",
    "https://[0:0:0:0:0:0:0:1]/",
    "https://[fe80::1]/",
    "https://[fc00::1]/",
    "https://[fd12:3456:789a::1]/",
    "https://[ff02::1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:7f00:1]/",
    "https://[::ffff:169.254.169.254]/",
    "https://[::ffff:10.0.0.5]/",
    "https://[64:ff9b::a9fe:a9fe]/",
    "https://[::127.0.0.1]/",
    "https://[100::1]/",
    "https://[2001:db8::1]/",
    // Names that only resolve locally
    "https://localhost/",
    "https://LOCALHOST./",
    "https://api.localhost/",
    "https://printer.local/",
    "https://metadata.google.internal/computeMetadata/v1/",
    "https://intranet/",
  ];
  for (const url of nonPublic) {
    it(`refuses ${url}`, () => {
      for (const environment of ["sandbox", "production"] as const) {
        expect(refused(url, environment), environment).toMatchObject({
          code: "url_not_allowed",
          message: expect.stringMatching(/^url: /),
        });
      }
    });
  }

  it("names the range and the host it judged", () => {
    expect(refused("https://2130706433/", "production")?.message).toContain(
      "'127.0.0.1' is not publicly reachable (loopback)",
    );
    expect(refused("https://[::ffff:a9fe:a9fe]/", "production")?.message).toContain("link-local");
    expect(refused("https://100.64.0.1/", "production")?.message).toContain("carrier-grade NAT");
    expect(refused("https://[fd00::1]/", "production")?.message).toContain("unique-local");
  });

  it("refuses IPv6 forms that carry a non-public IPv4 address, naming it", () => {
    const cases: [string, string][] = [
      // IPv4-mapped and NAT64 stand for their IPv4 address: judged as it.
      ["https://[::ffff:127.0.0.1]/", "loopback"],
      ["https://[64:ff9b::10.0.0.5]/", "private"],
      // 6to4 carries it in bits 16-48.
      ["https://[2002:a9fe:a9fe::1]/", "link-local 169.254.169.254 embedded in a 6to4 address"],
      ["https://[2002:7f00:1::]/", "loopback 127.0.0.1 embedded in a 6to4 address"],
      ["https://[2002:c0a8:101:1::1]/", "private 192.168.1.1 embedded in a 6to4 address"],
      // Teredo: the server in bits 32-64, the client in the last 32 with every bit flipped.
      [
        "https://[2001:0:a00:5::f7f7:f7f7]/",
        "private 10.0.0.5 embedded in a Teredo address as its server",
      ],
      [
        "https://[2001:0:808:808::80ff:fffe]/",
        "loopback 127.0.0.1 embedded in a Teredo address as its client",
      ],
      [
        "https://[2001:0:808:808::5601:5601]/",
        "link-local 169.254.169.254 embedded in a Teredo address as its client",
      ],
      // RFC 4380's own example: its client is a documentation address.
      [
        "https://[2001:0000:4136:e378:8000:63bf:3fff:fdd2]/",
        "documentation 192.0.2.45 embedded in a Teredo address as its client",
      ],
      // IPv4-compatible (::/96, deprecated); :: and ::1 keep their own names.
      ["https://[::127.0.0.1]/", "loopback 127.0.0.1 embedded in an IPv4-compatible address"],
      [
        "https://[::169.254.169.254]/",
        "link-local 169.254.169.254 embedded in an IPv4-compatible address",
      ],
      ["https://[::a00:5]/", "private 10.0.0.5 embedded in an IPv4-compatible address"],
      ["https://[::1]/", "loopback"],
      ["https://[::]/", "unspecified"],
    ];
    for (const [url, locality] of cases) {
      for (const environment of ["sandbox", "production"] as const) {
        expect(refused(url, environment), `${url} in ${environment}`).toEqual({
          code: "url_not_allowed",
          message: expect.stringContaining(`is not publicly reachable (${locality});`),
        });
      }
    }
  });

  it("judges an IPv4-compatible address as reserved even when what it carries is public", () => {
    expect(refused("https://[::8.8.8.8]/", "production")?.message).toContain("(reserved)");
  });

  it("refuses credentials, other ports and other schemes", () => {
    for (const url of [
      "https://user:pass@erp.example.com/hook",
      "https://user@erp.example.com/hook",
      "https://:secret@erp.example.com/hook",
      "https://erp.example.com:8443/hook",
      "https://erp.example.com:80/hook",
      "ftp://erp.example.com/hook",
      "javascript:alert(1)",
      "not a url",
    ]) {
      expect(refused(url, "production"), url).toMatchObject({ code: "url_not_allowed" });
    }
    expect(refused("http://erp.example.com/hook", "sandbox")).toMatchObject({
      code: "insecure_url",
    });
    expect(refused("http://127.0.0.1:8787/hook", "production")).toMatchObject({
      code: "insecure_url",
    });
  });

  it("allows https to public hosts on port 443", () => {
    for (const url of [
      "https://erp.example.com/hooks/fulfillment?tenant=1",
      "https://erp.example.com:443/hook",
      "https://8.8.8.8/",
      "https://172.32.0.1/",
      "https://100.128.0.1/",
      "https://[2606:4700:4700::1111]/",
      "https://[::ffff:8.8.8.8]/",
      "https://[64:ff9b::8.8.8.8]/",
      // 6to4 and Teredo carrying public addresses (Teredo: server 8.8.8.8, client 1.1.1.1).
      "https://[2002:808:808::1]/",
      "https://[2001:0:808:808::fefe:fefe]/",
      "https://xn--bcher-kva.example/",
    ]) {
      expect(refused(url, "production"), url).toBeUndefined();
      expect(refused(url, "sandbox"), url).toBeUndefined();
    }
  });
});

describe("webhook URL policy in development", () => {
  it("lets local receivers use loopback over http or https on any port", () => {
    for (const url of [
      "http://127.0.0.1:8787/hook",
      "http://127.0.0.1/hook",
      "https://127.0.0.1:9443/hook",
      "http://localhost:4000/",
      "http://api.localhost:3000/",
      "http://[::1]:4000/",
      "https://erp.example.com/hook",
    ]) {
      expect(refused(url, "development"), url).toBeUndefined();
    }
  });

  it("still refuses everything else", () => {
    expect(refused("http://erp.example.com/hook", "development")).toMatchObject({
      code: "insecure_url",
    });
    for (const url of [
      "https://10.0.0.5/",
      "https://169.254.169.254/",
      "https://user:pass@127.0.0.1:4000/",
      "https://erp.example.com:8443/",
      "https://printer.local/",
    ]) {
      expect(refused(url, "development"), url).toMatchObject({ code: "url_not_allowed" });
    }
  });
});
