import { DurableObject } from "cloudflare:workers";

/**
 * The bench's price list: each route makes exactly one call of one kind (D1, KV, Durable
 * Object), so its CPU per request minus `/p/none`'s is what one such call costs the one
 * workerd thread the API shares with Miniflare's D1/KV simulators.
 */
interface Env {
  DB: D1Database;
  KV: KVNamespace;
  PROBE: DurableObjectNamespace<Probe>;
}

export class Probe extends DurableObject<Env> {
  /** Like the API's objects: one synchronous storage write per call. */
  touch(): number {
    this.ctx.storage.kv.put("n", Date.now());
    return 1;
  }
}

const OPS: Record<string, (env: Env) => Promise<unknown>> = {
  none: async () => undefined,
  "d1-select": (env) => env.DB.prepare("SELECT 1 AS one").first(),
  "d1-batch-3-selects": (env) =>
    env.DB.batch([
      env.DB.prepare("SELECT 1 AS one"),
      env.DB.prepare("SELECT 2 AS two"),
      env.DB.prepare("SELECT 3 AS three"),
    ]),
  "d1-insert": (env) =>
    env.DB.prepare("INSERT INTO probe (id, at) VALUES (?, ?)")
      .bind(crypto.randomUUID(), new Date().toISOString())
      .run(),
  "kv-get-hit": (env) => env.KV.get("hit", "json"),
  "kv-get-miss": (env) => env.KV.get(`miss:${crypto.randomUUID()}`, "json"),
  "kv-put": (env) => env.KV.put(`put:${crypto.randomUUID()}`, "{}", { expirationTtl: 3600 }),
  "do-rpc": (env) => env.PROBE.getByName("warm").touch(),
  "do-rpc-new-object": (env) => env.PROBE.getByName(crypto.randomUUID()).touch(),
};

export default {
  async fetch(request, env) {
    const op = new URL(request.url).pathname.replace(/^\/p\//, "");
    if (op === "setup") {
      await env.DB.prepare("CREATE TABLE IF NOT EXISTS probe (id TEXT PRIMARY KEY, at TEXT)").run();
      await env.KV.put("hit", JSON.stringify({ keyId: "key_probe", scopes: ["orders:write"] }));
      return Response.json({ ops: Object.keys(OPS) });
    }
    const run = OPS[op];
    if (!run) return Response.json({ error: `unknown op ${op}` }, { status: 404 });
    await run(env);
    return Response.json({});
  },
} satisfies ExportedHandler<Env>;
