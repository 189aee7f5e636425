import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context";
import { onNotFound } from "../http/errors";
import { createRouter } from "../http/openapi";
import { environmentOf } from "../lib/environment";
import * as handlers from "./sandbox.handlers";
import * as routes from "./sandbox.routes";

/** Production has no sandbox: its paths do not exist there, whoever asks. */
export const sandboxOnly: MiddlewareHandler<AppEnv> = async (c, next) =>
  environmentOf(c.env) === "production" ? onNotFound(c) : next();

export const sandboxApi = createRouter()
  .openapi(routes.getSettings, handlers.getSettings)
  .openapi(routes.putSettings, handlers.putSettings)
  .openapi(routes.fulfill, handlers.fulfill)
  .openapi(routes.advance, handlers.advance)
  .openapi(routes.replenish, handlers.replenish);
