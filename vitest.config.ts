import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest({
        main: "./src/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ADMIN_TOKEN: "test-admin-token",
            CONSOLE_SESSION_SECRET: "test-console-session-secret-0123456789abcdef",
            // Retries immediately so a failing receiver exhausts its schedule within a test.
            WEBHOOK_RETRY_SCHEDULE: "0,0",
            // A receiver that is "too slow" then costs a test one second, not ten.
            WEBHOOK_TIMEOUT_MS: "1000",
          },
        },
      }),
    ],
    test: {
      setupFiles: ["./test/support/setup.ts"],
      globalSetup: ["./test/support/receiver.global.mjs"],
      include: ["test/**/*.test.ts"],
      testTimeout: 30_000,
      maxWorkers: 2,
    },
  };
});
