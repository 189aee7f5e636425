import type { NotFoundHandler } from "hono";
import { onNotFound } from "./errors";
import { refusalResponse } from "./refusals";

/*
 * A known path asked with a method it does not answer is a 405 naming the methods it does
 * (RFC 9110 §15.5.6), not a 404: a client that sent PUT where PATCH is wanted learns which
 * to use instead of concluding the resource is gone.
 */

interface Registered {
  method: string;
  path: string;
}

/** Hono's path syntax (`:id`, `:id{regex}`, `*`) as an anchored regular expression. */
function patternOf(path: string): RegExp {
  const parts = path.split("/").map((segment) => {
    if (segment === "*") return ".*";
    const param = /^:[^{]+(?:\{(.+)\})?$/.exec(segment);
    if (param) return param[1] ? `(?:${param[1]})` : "[^/]+";
    return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(`^${parts.join("/")}$`);
}

/**
 * The handler for a request no route took: 405 with `Allow` when another method of the same
 * path exists among `routes` (as registered; middleware is registered for ALL and names no
 * endpoint), else 404.
 */
export function unrouted(routes: readonly Registered[]): NotFoundHandler {
  const byPattern = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const { method, path } of routes) {
    if (method === "ALL") continue;
    const entry = byPattern.get(path) ?? { pattern: patternOf(path), methods: new Set() };
    entry.methods.add(method);
    // Hono answers HEAD from every GET route.
    if (method === "GET") entry.methods.add("HEAD");
    byPattern.set(path, entry);
  }
  const entries = [...byPattern.values()];
  return (c) => {
    const allowed = new Set(
      entries.filter((e) => e.pattern.test(c.req.path)).flatMap((e) => [...e.methods]),
    );
    if (allowed.size === 0) return onNotFound(c);
    return refusalResponse(c, {
      code: "method_not_allowed",
      method: c.req.method,
      path: c.req.path,
      allow: [...allowed].sort().join(", "),
    });
  };
}
