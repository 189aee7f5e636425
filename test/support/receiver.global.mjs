// A webhook receiver on loopback for the suite: the Worker under test delivers to it
// over real HTTP. Paths choose its behaviour:
//   /ok/<name>               always 200
//   /fail/<name>             always 500
//   /flaky/<n>/<name>        500 for the first n requests, then 200
//   /slow/<n>/<name>         the first n requests answered only after 2 s (past the suite's
//                            1 s webhook timeout), then at once
// GET /_log/<name> returns every request received for <name>: headers and raw body.
//
// It is also the suite's DNS over HTTPS server (the JSON API, `WEBHOOK_DOH_URL`):
// GET /dns-query?name=<name>&type=A|AAAA answers from the name itself, as nip.io does.
//   a leading a.b.c.d, or any label a-b-c-d    an A record
//   any label of hex groups joined by dashes   an AAAA record (`fe80--1` is fe80::1)
//   a label ttl-<n>                            the records' TTL (else 60)
//   a label cname                              a CNAME record ahead of the addresses
//   a label servfail                           status 2 (SERVFAIL), nothing else
//   a label slow                               answered only after 3 s
//   no address in it at all                    status 3 (NXDOMAIN)
// Each query is logged as `dns:<name>`, its type as the body.
import { createServer } from "node:http";

const DNS_TYPES = { A: 1, AAAA: 28 };

function dnsAnswer(name, type) {
  const labels = name.split(".");
  const leading = labels.slice(0, 4).join(".");
  const v4 = [
    ...(/^\d+\.\d+\.\d+\.\d+$/.test(leading) ? [leading] : []),
    ...labels.filter((l) => /^\d+-\d+-\d+-\d+$/.test(l)).map((l) => l.replaceAll("-", ".")),
  ];
  const v6 = labels
    .filter((l) => /^[0-9a-f]*(-[0-9a-f]*){2,7}$/i.test(l) && !/^\d+-\d+-\d+-\d+$/.test(l))
    .map((l) => l.replaceAll("-", ":"));
  if (labels.includes("servfail")) return { Status: 2 };
  if (v4.length + v6.length === 0) return { Status: 3 };
  const ttl = Number(labels.find((l) => l.startsWith("ttl-"))?.slice(4) ?? 60);
  const record = (data) => ({ name, type: DNS_TYPES[type], TTL: ttl, data });
  const cname = labels.includes("cname")
    ? [{ name, type: 5, TTL: ttl, data: `alias.${name}.` }]
    : [];
  const answers = (type === "A" ? v4 : v6).map(record);
  return { Status: 0, ...(answers.length > 0 ? { Answer: [...cname, ...answers] } : {}) };
}

export default async function setup({ provide }) {
  const log = new Map();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://receiver");
    if (req.method === "GET" && url.pathname === "/dns-query") {
      const name = url.searchParams.get("name") ?? "";
      const type = url.searchParams.get("type") ?? "";
      const seen = log.get(`dns:${name}`) ?? [];
      seen.push({ headers: req.headers, body: type });
      log.set(`dns:${name}`, seen);
      const delay = name.split(".").includes("slow") ? 3_000 : 0;
      setTimeout(() => {
        res.setHeader("content-type", "application/dns-json");
        res.end(JSON.stringify(dnsAnswer(name, type)));
      }, delay);
      return;
    }
    const parts = (req.url ?? "").split("/").filter(Boolean);
    if (req.method === "GET" && parts[0] === "_log") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(log.get(parts[1]) ?? []));
      return;
    }
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const name = parts.at(-1) ?? "";
      const seen = log.get(name) ?? [];
      seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      log.set(name, seen);
      const failFirst =
        parts[0] === "flaky" ? Number(parts[1]) : parts[0] === "fail" ? Infinity : 0;
      const count = seen.length;
      const delay = parts[0] === "slow" && count <= Number(parts[1]) ? 2_000 : 0;
      setTimeout(() => {
        res.statusCode = count <= failFirst ? 500 : 200;
        res.end(res.statusCode === 200 ? "ok" : "nope");
      }, delay);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  provide("receiverUrl", `http://127.0.0.1:${server.address().port}`);
  return () => new Promise((resolve) => server.close(resolve));
}
