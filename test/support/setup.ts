import { applyD1Migrations, env } from "cloudflare:test";

declare module "vitest" {
  interface ProvidedContext {
    receiverUrl: string;
  }
}

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    }
  }
}

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
