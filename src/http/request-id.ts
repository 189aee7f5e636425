import type { MiddlewareHandler } from "hono";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { newId } from "../lib/ids";

/** Names the request for support and hands every handler its database. */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requestId = newId("req");
  c.set("requestId", requestId);
  c.set("db", database(c.env.DB));
  c.header("X-Request-Id", requestId);
  await next();
  c.res.headers.set("X-Request-Id", requestId);
};
