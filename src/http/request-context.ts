import type { MiddlewareHandler } from "hono";
import { database } from "../db/client";
import { primary } from "../db/sessions";
import type { AppEnv } from "../env";
import { newId } from "../lib/ids";
import { Meter } from "../lib/metering";

/**
 * Names the request for support, meters every platform call it makes (the bindings are
 * swapped for metered ones) and reports them in `Server-Timing`, then hands every handler
 * its database: the primary, until `consistentReads` gives a read a session of its own.
 */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requestId = newId("req");
  const meter = new Meter();
  c.env = meter.env(c.env);
  c.set("requestId", requestId);
  c.set("meter", meter);
  c.set("db", database(primary(c.env.DB)));
  c.header("X-Request-Id", requestId);
  await next();
  c.res.headers.set("X-Request-Id", requestId);
  c.res.headers.set("Server-Timing", meter.serverTiming());
};
