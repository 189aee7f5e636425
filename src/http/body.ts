import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { refused } from "../domain/refusals";
import type { AppEnv } from "./context";

export const MAX_BODY_BYTES = 1024 * 1024;
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const WRITES = new Set(["POST", "PUT", "PATCH"]);

const limit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw refused("payload_too_large");
  },
});

/**
 * Every write body is JSON or nothing: checked once here so each route's schema only
 * ever sees a parsed object, and a client always learns which of 400/413/415 it hit.
 * The parsed body is handed to the validators, so it is parsed once.
 */
const jsonOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Read as bytes: a body is decoded as text only once it says it is JSON.
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength > 0) {
    const type = c.req.header("content-type") ?? "";
    if (!JSON_TYPE.test(type)) {
      throw refused("unsupported_media_type", { content_type: type || undefined });
    }
    try {
      c.req.bodyCache.json = Promise.resolve(JSON.parse(new TextDecoder().decode(bytes)));
    } catch (err) {
      throw refused("invalid_json", {
        reason: err instanceof Error ? err.message : "parse error",
      });
    }
  }
  await next();
};

const guarded = every(limit, jsonOnly);

export const jsonBody: MiddlewareHandler<AppEnv> = (c, next) =>
  WRITES.has(c.req.method) ? guarded(c, next) : next();
