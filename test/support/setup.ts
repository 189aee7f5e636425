import { applyD1Migrations, env } from "cloudflare:test";
import { shards } from "../../src/db/shards";

declare module "vitest" {
  interface ProvidedContext {
    receiverUrl: string;
  }
}

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: Record<"control" | "shard", import("cloudflare:test").D1Migration[]>;
    }
  }
}

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS.control);
for (const shard of shards(env)) await applyD1Migrations(shard.d1, env.TEST_MIGRATIONS.shard);
