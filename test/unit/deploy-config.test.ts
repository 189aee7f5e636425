import { describe, expect, it } from "vitest";
import {
  D1_REGIONS,
  type Existing,
  idsOf,
  parseD1List,
  parseKvList,
  parseSecretList,
  planResources,
  queueExists,
  r2BucketExists,
  readEnvironment,
  writeIds,
} from "../../scripts/deploy-config.mjs";
import { D1_REGIONS as STUB_REGIONS } from "../../src/durable/stubs";
import committed from "../../wrangler.toml?raw";

const D1_ID = "5f1f6a0e-3c52-4d0b-9a51-7d2a4c9e8b10";
const KV_ID = "0f2ac74b498b48028cb68387c421e279";
const SHARD_ID = "7c0d2b8e-1f4a-4e6b-8d3c-2a9e5b7f1c04";

// The shape of wrangler.toml before a first deploy: development with its local ids, two
// environments whose D1 and KV bindings carry none.
const FRESH = `name = "fulfillment-api"
main = "src/index.ts"

[[d1_databases]]
binding = "DB"
database_name = "fulfillment-dev"
database_id = "local-fulfillment-dev-control"
migrations_dir = "migrations/control"

[[kv_namespaces]]
binding = "KV"
id = "local-fulfillment-dev-kv"

[env.sandbox]
name = "fulfillment-api-sandbox"

[env.sandbox.vars]
D1_REGION = "oc"
SHARDS = "SHARD_0"

[[env.sandbox.d1_databases]]
binding = "DB"
database_name = "fulfillment-sandbox"
migrations_dir = "migrations/control"

[[env.sandbox.d1_databases]]
binding = "SHARD_0"
database_name = "fulfillment-sandbox-shard-0"
migrations_dir = "migrations/shard"

[[env.sandbox.kv_namespaces]]
binding = "KV"

[[env.sandbox.r2_buckets]]
binding = "ARCHIVE"
bucket_name = "fulfillment-archive-sandbox"

[[env.sandbox.queues.producers]]
binding = "WEBHOOK_QUEUE"
queue = "fulfillment-webhooks-sandbox"

# A comment between tables
[[env.sandbox.queues.consumers]]
queue = "fulfillment-webhooks-sandbox"
dead_letter_queue = "fulfillment-webhooks-sandbox-dlq"

[env.production]
name = "fulfillment-api-production"

[env.production.vars]
D1_REGION = "weur"
SHARDS = "SHARD_0"

[[env.production.d1_databases]]
binding = "DB"
database_name = "fulfillment-production"
migrations_dir = "migrations/control"

[[env.production.d1_databases]]
binding = "SHARD_0"
database_name = "fulfillment-production-shard-0"
migrations_dir = "migrations/shard"

[[env.production.kv_namespaces]]
binding = "KV"
`;

/** Each table's text by its header (the part before the first header under ""). */
function sections(toml: string): Map<string, string> {
  const out = new Map<string, string>();
  let header = "";
  let body: string[] = [];
  const flush = () => {
    let key = header;
    for (let n = 2; out.has(key); n++) key = `${header} #${n}`;
    out.set(key, body.join("\n"));
  };
  for (const line of toml.split("\n")) {
    if (/^\s*\[/.test(line)) {
      flush();
      header = line.trim();
      body = [];
    }
    body.push(line);
  }
  flush();
  return out;
}

describe("reading an environment", () => {
  it("finds what each environment of the committed wrangler.toml needs", () => {
    for (const env of ["sandbox", "production"]) {
      const wanted = readEnvironment(committed, env);
      expect(wanted.worker).toBe(`fulfillment-api-${env}`);
      const id = expect.toSatisfy((v) => v !== "");
      expect(wanted.d1).toEqual([
        { binding: "DB", name: `fulfillment-${env}`, id, migrations: "migrations/control" },
        ...["0", "1"].map((n) => ({
          binding: `SHARD_${n}`,
          name: `fulfillment-${env}-shard-${n}`,
          id,
          migrations: "migrations/shard",
        })),
      ]);
      expect(wanted.shards).toEqual(["SHARD_0", "SHARD_1"]);
      expect(wanted.kv.map(({ binding, title }) => ({ binding, title }))).toEqual([
        { binding: "KV", title: `fulfillment-api-${env}-kv` },
      ]);
      expect(wanted.r2).toEqual([{ binding: "ARCHIVE", name: `fulfillment-archive-${env}` }]);
      // Producers, consumers and the dead-letter queue, each once.
      expect(wanted.queues).toEqual([
        `fulfillment-webhooks-${env}`,
        `fulfillment-webhooks-${env}-dlq`,
      ]);
    }
  });

  it("holds no placeholder ids: an environment has a real id or none", () => {
    for (const env of ["sandbox", "production"]) {
      const { d1, kv } = readEnvironment(committed, env);
      for (const { id } of [...d1, ...kv]) {
        if (id !== null) expect(id).toMatch(/^[0-9a-f-]{32,36}$/);
      }
    }
    expect(committed).not.toMatch(/REPLACE_WITH/);
  });

  it("reads the ids once they are written, and null before", () => {
    expect(readEnvironment(FRESH, "sandbox").d1[0]?.id).toBeNull();
    expect(readEnvironment(FRESH, "sandbox").kv[0]?.id).toBeNull();
    const written = writeIds(FRESH, "sandbox", { d1: { DB: D1_ID }, kv: { KV: KV_ID } });
    expect(readEnvironment(written, "sandbox").d1[0]?.id).toBe(D1_ID);
    expect(readEnvironment(written, "sandbox").kv[0]?.id).toBe(KV_ID);
    expect(readEnvironment(written, "production").d1[0]?.id).toBeNull();
  });

  it("refuses an R2 binding without its bucket name", () => {
    const nameless = FRESH.replace('bucket_name = "fulfillment-archive-sandbox"\n', "");
    expect(() => readEnvironment(nameless, "sandbox")).toThrow(/needs binding and bucket_name/);
    expect(readEnvironment(FRESH, "production").r2).toEqual([]);
  });

  it("refuses a shard list that names an unbound or misconfigured database", () => {
    const added = FRESH.replace('SHARDS = "SHARD_0"', 'SHARDS = "SHARD_0,SHARD_1"');
    expect(() => readEnvironment(added, "sandbox")).toThrow(
      /SHARDS names SHARD_1, which has no \[\[env\.sandbox\.d1_databases\]\] binding/,
    );
    // Adding a shard is its binding plus its name in SHARDS: nothing else.
    const bound = added.replace(
      "[[env.sandbox.kv_namespaces]]",
      '[[env.sandbox.d1_databases]]\nbinding = "SHARD_1"\ndatabase_name = "fulfillment-sandbox-shard-1"\nmigrations_dir = "migrations/shard"\n\n[[env.sandbox.kv_namespaces]]',
    );
    expect(readEnvironment(bound, "sandbox").shards).toEqual(["SHARD_0", "SHARD_1"]);
    expect(readEnvironment(bound, "sandbox").d1.map((d) => d.name)).toEqual([
      "fulfillment-sandbox",
      "fulfillment-sandbox-shard-0",
      "fulfillment-sandbox-shard-1",
    ]);
    expect(() => readEnvironment(FRESH.replace('SHARDS = "SHARD_0"\n', ""), "sandbox")).toThrow(
      /SHARDS is missing/,
    );
    const wrongDir = FRESH.replace(
      'database_name = "fulfillment-sandbox-shard-0"\nmigrations_dir = "migrations/shard"',
      'database_name = "fulfillment-sandbox-shard-0"\nmigrations_dir = "migrations/control"',
    );
    expect(() => readEnvironment(wrongDir, "sandbox")).toThrow(
      /its migrations_dir must be "migrations\/shard"/,
    );
  });

  it("refuses an environment the file does not declare", () => {
    expect(() => readEnvironment(FRESH, "staging")).toThrow(/no \[env\.staging\]/);
  });

  it("reads where each environment's D1 primary lives, and refuses a region D1 has not", () => {
    expect(readEnvironment(FRESH, "sandbox").region).toBe("oc");
    expect(readEnvironment(FRESH, "production").region).toBe("weur");
    for (const env of ["sandbox", "production"]) {
      expect(D1_REGIONS).toContain(readEnvironment(committed, env).region);
    }
    // Durable Objects take hints D1 cannot hold a primary in; the objects follow D1 here.
    expect(() =>
      readEnvironment(FRESH.replace('D1_REGION = "oc"', 'D1_REGION = "sam"'), "sandbox"),
    ).toThrow(/D1_REGION is "sam": name the region of the D1 primary, one of wnam, enam/);
    expect(() => readEnvironment(FRESH.replace('D1_REGION = "oc"\n', ""), "sandbox")).toThrow(
      /D1_REGION is missing/,
    );
    expect([...D1_REGIONS]).toEqual([...STUB_REGIONS]);
  });
});

describe("writing ids", () => {
  it("puts database_id after database_name and the KV id after its binding", () => {
    const written = writeIds(FRESH, "sandbox", { d1: { DB: D1_ID }, kv: { KV: KV_ID } });
    expect(written).toContain(
      `[[env.sandbox.d1_databases]]
binding = "DB"
database_name = "fulfillment-sandbox"
database_id = "${D1_ID}"
migrations_dir = "migrations/control"
`,
    );
    expect(written).toContain(`[[env.sandbox.kv_namespaces]]
binding = "KV"
id = "${KV_ID}"
`);
    expect(written.split("\n").length).toBe(FRESH.split("\n").length + 2);
  });

  it("gives back the same bytes when rerun with the same ids", () => {
    const ids = { d1: { DB: D1_ID }, kv: { KV: KV_ID } };
    const once = writeIds(FRESH, "sandbox", ids);
    expect(writeIds(once, "sandbox", ids)).toBe(once);
    const committedOnce = writeIds(committed, "production", ids);
    expect(writeIds(committedOnce, "production", ids)).toBe(committedOnce);
  });

  it("replaces an id already there in place", () => {
    const old = writeIds(FRESH, "sandbox", { d1: { DB: D1_ID }, kv: { KV: KV_ID } });
    const moved = writeIds(old, "sandbox", {
      d1: { DB: "11111111-2222-3333-4444-555555555555" },
      kv: { KV: "ffffffffffffffffffffffffffffffff" },
    });
    expect(moved.split("\n").length).toBe(old.split("\n").length);
    expect(moved).toContain('database_id = "11111111-2222-3333-4444-555555555555"');
    expect(moved).toContain('id = "ffffffffffffffffffffffffffffffff"');
    expect(moved).not.toContain(D1_ID);
    expect(moved).not.toContain(KV_ID);
  });

  it("changes only the named environment's D1 and KV tables", () => {
    for (const [source, env, other] of [
      [FRESH, "sandbox", "production"],
      [FRESH, "production", "sandbox"],
      [committed, "sandbox", "production"],
      [committed, "production", "sandbox"],
    ] as const) {
      const before = sections(source);
      const after = sections(writeIds(source, env, { d1: { DB: D1_ID }, kv: { KV: KV_ID } }));
      expect([...after.keys()]).toEqual([...before.keys()]);
      const touched = [`[[env.${env}.d1_databases]]`, `[[env.${env}.kv_namespaces]]`];
      for (const [header, text] of before) {
        if (touched.includes(header)) expect(after.get(header)).not.toBe(text);
        else expect(after.get(header), header).toBe(text);
      }
      expect(after.get("[[d1_databases]]")).toContain(
        'database_id = "local-fulfillment-dev-control"',
      );
      expect(after.get(`[[env.${other}.d1_databases]]`)).not.toContain(D1_ID);
    }
  });

  it("refuses a binding the environment lacks and anything that is not an id", () => {
    expect(() => writeIds(FRESH, "sandbox", { d1: { CACHE_DB: D1_ID } })).toThrow(/no binding/);
    expect(() => writeIds(FRESH, "staging", { d1: { DB: D1_ID } })).toThrow(/no \[env/);
    expect(() => writeIds(FRESH, "sandbox", { kv: { KV: 'x"\n[vars]' } })).toThrow(/refusing/);
  });
});

// What wrangler 4 prints: `d1 list --json` and `kv namespace list` are the API's objects as
// JSON; `secret list` defaults to JSON. A warning may come first.
const D1_LIST = `▲ [WARNING] Processing wrangler.toml configuration:

[
  {
    "uuid": "${D1_ID}",
    "name": "fulfillment-sandbox",
    "created_at": "2026-07-01T09:12:44.123Z",
    "version": "production",
    "num_tables": 31,
    "file_size": 1327104,
    "jurisdiction": null
  },
  {
    "uuid": "${SHARD_ID}",
    "name": "fulfillment-sandbox-shard-0",
    "created_at": "2026-07-01T09:12:45.001Z",
    "version": "production",
    "num_tables": 30,
    "file_size": 2654208,
    "jurisdiction": null
  },
  {
    "uuid": "9a26fb67-b6e5-4d5f-8e62-3ecfde5ee8c2",
    "name": "another-app",
    "created_at": "2025-11-02T10:00:00.000Z",
    "version": "production",
    "num_tables": 2,
    "file_size": 12288
  }
]
`;
const KV_LIST = `[
  {
    "id": "${KV_ID}",
    "title": "fulfillment-api-sandbox-kv",
    "supports_url_encoding": true
  },
  {
    "id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
    "title": "sandbox-KV",
    "supports_url_encoding": true
  }
]
`;

describe("parsing wrangler's lists", () => {
  it("reads D1 databases, skipping what wrangler prints before the JSON", () => {
    expect(parseD1List(D1_LIST)).toEqual([
      { uuid: D1_ID, name: "fulfillment-sandbox" },
      { uuid: SHARD_ID, name: "fulfillment-sandbox-shard-0" },
      { uuid: "9a26fb67-b6e5-4d5f-8e62-3ecfde5ee8c2", name: "another-app" },
    ]);
    expect(parseD1List("[]\n")).toEqual([]);
    // A bracketed log line before the JSON and a hint after it.
    const noisy = `[wrangler:inf] reading config\n${D1_LIST}\nTip: try wrangler d1 info\n`;
    expect(parseD1List(noisy)).toEqual(parseD1List(D1_LIST));
  });

  it("reads KV namespaces and secret names", () => {
    expect(parseKvList(KV_LIST)).toEqual([
      { id: KV_ID, title: "fulfillment-api-sandbox-kv" },
      { id: "a1b2c3d4e5f60718293a4b5c6d7e8f90", title: "sandbox-KV" },
    ]);
    expect(
      parseSecretList('[\n  {\n    "name": "ADMIN_TOKEN",\n    "type": "secret_text"\n  }\n]\n'),
    ).toEqual(["ADMIN_TOKEN"]);
  });

  it("fails loudly on output it does not understand", () => {
    expect(() => parseD1List("You are not authenticated. Please run `wrangler login`.")).toThrow(
      /no JSON/,
    );
    expect(() => parseD1List('[{"name":"x"}]')).toThrow(/no "uuid"/);
    expect(() => parseKvList('{"id":"x","title":"y"}')).toThrow(/array/);
  });

  it("tells a missing queue from a failed command", () => {
    const name = "fulfillment-webhooks-sandbox";
    expect(
      queueExists(name, {
        status: 0,
        stdout: `Queue Name: ${name}\nQueue ID: 1a2b\nCreated On: 2026-07-01T09:12:44Z\n`,
        stderr: "",
      }),
    ).toBe(true);
    expect(
      queueExists(name, {
        status: 1,
        stdout: "",
        stderr: `✘ [ERROR] Queue "${name}" does not exist. To create it, run: wrangler queues create ${name}\n`,
      }),
    ).toBe(false);
    expect(() =>
      queueExists(name, { status: 1, stdout: "", stderr: "✘ [ERROR] Not logged in." }),
    ).toThrow(/failed/);
  });

  it("tells a missing R2 bucket from a failed command", () => {
    const name = "fulfillment-archive-sandbox";
    const info = JSON.stringify({
      name,
      created: "2026-07-01T09:12:44.123Z",
      location: "OC",
      default_storage_class: "Standard",
      object_count: "0",
      bucket_size: "0 B",
    });
    expect(r2BucketExists(name, { status: 0, stdout: `${info}\n`, stderr: "" })).toBe(true);
    expect(
      r2BucketExists(name, {
        status: 1,
        stdout: "",
        stderr: `✘ [ERROR] A request to the Cloudflare API (/accounts/0123/r2/buckets/${name}) failed.\n\n  The specified bucket does not exist. [code: 10006]\n`,
      }),
    ).toBe(false);
    expect(() =>
      r2BucketExists(name, {
        status: 0,
        stdout: JSON.stringify({ name: "another-bucket" }),
        stderr: "",
      }),
    ).toThrow(/described "another-bucket"/);
    expect(() =>
      r2BucketExists(name, {
        status: 1,
        stdout: "",
        stderr:
          "✘ [ERROR] A request to the Cloudflare API failed. Authentication error [code: 10000]",
      }),
    ).toThrow(/failed/);
  });
});

describe("planning", () => {
  const wanted = readEnvironment(FRESH, "sandbox");
  const everything: Existing = {
    d1: parseD1List(D1_LIST),
    kv: parseKvList(KV_LIST),
    r2: ["fulfillment-archive-sandbox"],
    queues: ["fulfillment-webhooks-sandbox", "fulfillment-webhooks-sandbox-dlq", "other"],
  };

  it("creates everything in an empty account, and has no ids to write until it has", () => {
    const steps = planResources(wanted, { d1: [], kv: [], r2: [], queues: [] });
    expect(steps.map((s) => [s.kind, s.name, s.action])).toEqual([
      ["d1", "fulfillment-sandbox", "create"],
      ["d1", "fulfillment-sandbox-shard-0", "create"],
      ["kv", "fulfillment-api-sandbox-kv", "create"],
      ["r2", "fulfillment-archive-sandbox", "create"],
      ["queue", "fulfillment-webhooks-sandbox", "create"],
      ["queue", "fulfillment-webhooks-sandbox-dlq", "create"],
    ]);
    expect(() => idsOf(steps)).toThrow(/no id yet/);
  });

  it("adopts resources by name when wrangler.toml has no ids yet", () => {
    const steps = planResources(wanted, everything);
    expect(steps.map((s) => s.action)).toEqual(["adopt", "adopt", "adopt", "keep", "keep", "keep"]);
    expect(idsOf(steps)).toEqual({ d1: { DB: D1_ID, SHARD_0: SHARD_ID }, kv: { KV: KV_ID } });
  });

  it("creates nothing when everything exists and the ids are written", () => {
    const written = writeIds(FRESH, "sandbox", {
      d1: { DB: D1_ID, SHARD_0: SHARD_ID },
      kv: { KV: KV_ID },
    });
    const steps = planResources(readEnvironment(written, "sandbox"), everything);
    expect(steps.every((s) => s.action === "keep")).toBe(true);
    expect(writeIds(written, "sandbox", idsOf(steps))).toBe(written);
  });

  it("keeps an id wrangler.toml already names, whatever its title", () => {
    // A namespace made by hand with `wrangler kv namespace create KV --env sandbox`.
    const manual = writeIds(FRESH, "sandbox", { kv: { KV: "a1b2c3d4e5f60718293a4b5c6d7e8f90" } });
    const [, , kv] = planResources(readEnvironment(manual, "sandbox"), everything);
    expect(kv).toMatchObject({ action: "keep", name: "sandbox-KV" });
    expect(kv?.id).toBe("a1b2c3d4e5f60718293a4b5c6d7e8f90");
  });

  it("looks again by name when the written id is not in this account", () => {
    const foreign = writeIds(FRESH, "sandbox", {
      d1: { DB: "00000000-0000-0000-0000-000000000000" },
    });
    const [d1] = planResources(readEnvironment(foreign, "sandbox"), everything);
    expect(d1).toMatchObject({ action: "adopt", id: D1_ID });
    const [missing] = planResources(readEnvironment(foreign, "sandbox"), {
      ...everything,
      d1: [],
    });
    expect(missing).toMatchObject({ action: "create", id: null });
  });
});
