// A webhook receiver on loopback for the suite: the Worker under test delivers to it
// over real HTTP. Paths choose its behaviour:
//   /ok/<name>               always 200
//   /fail/<name>             always 500
//   /flaky/<n>/<name>        500 for the first n requests, then 200
//   /slow/<n>/<name>         the first n requests answered only after 2 s (past the suite's
//                            1 s webhook timeout), then at once
// GET /_log/<name> returns every request received for <name>: headers and raw body.
import { createServer } from "node:http";

export default async function setup({ provide }) {
  const log = new Map();
  const server = createServer((req, res) => {
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
