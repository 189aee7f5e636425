import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { Db } from "../db/client";
import type { Meter } from "../lib/metering";
import type { Principal } from "./keys";

/** What every request's handlers find on the Hono context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    meter: Meter;
    /**
     * The database this request's data lives in: the tenant's shard for a tenant key, the
     * control database otherwise. Its consistency token names a state of this one.
     */
    home: { name: string; d1: D1Database };
    /** `home`, through drizzle: its primary, or a session for a read (`consistentReads`). */
    db: Db;
    principal: Principal;
    /** The tenant a platform key's floor write acted on, once found: its events are relayed. */
    actedOn?: string;
  };
}

/** A handler typed by its route: its validated input and the responses it may answer. */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
