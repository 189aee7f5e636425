import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { writeDocsAssets } from "./scripts/docs-assets.mjs";

export default defineConfig(async () => {
  // The control database (DB) and each shard take their own set (src/db/shards.ts).
  const migrations = {
    control: await readD1Migrations("./migrations/control"),
    shard: await readD1Migrations("./migrations/shard"),
  };
  // wrangler.toml's [assets] folder (the /docs viewer) must exist before the pool reads it.
  writeDocsAssets();
  return {
    plugins: [
      cloudflareTest({
        main: "./src/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // Databases bound but not listed in SHARDS: test/api/shards.test.ts adds SHARD_2 as
          // an operator adds a shard, to show new tenants go there and nothing else moves, and
          // test/durable/janitor.test.ts runs the cron over eight shards.
          d1Databases: Object.fromEntries(
            [2, 3, 4, 5, 6, 7].map((n) => [`SHARD_${n}`, `local-fulfillment-test-shard-${n}`]),
          ),
          bindings: {
            TEST_MIGRATIONS: migrations,
            ADMIN_TOKEN: "test-admin-token",
            CONSOLE_SESSION_SECRET: "test-console-session-secret-0123456789abcdef",
            // Retries immediately so a failing receiver exhausts its schedule within a test.
            WEBHOOK_RETRY_SCHEDULE: "0,0",
            // A frozen tenant's message comes back within a test, not a minute later.
            WEBHOOK_FROZEN_DELAY_SECONDS: "1",
            // A receiver that is "too slow" then costs a test one second, not ten.
            WEBHOOK_TIMEOUT_MS: "1000",
            // Stock is published when a test asks (test/support/stock.ts), never by an alarm
            // that fires in the middle of what a test measures.
            STOCK_PUBLISH_AFTER_MS: "600000",
          },
        },
      }),
    ],
    test: {
      setupFiles: ["./test/support/setup.ts"],
      globalSetup: ["./test/support/receiver.global.mjs"],
      include: ["test/**/*.test.ts"],
      // A hang's backstop, not a speed check: a loaded 2-core machine runs tests several times
      // slower, and no test may fail for that.
      testTimeout: 120_000,
      maxWorkers: 2,
    },
  };
});
