import { type RouteConfig, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";

/*
 * How a route is retired inside /v1 (docs/versioning.md): from its deprecation date every
 * response says so in headers a client can watch for, `Deprecation` (RFC 9745) and `Sunset`
 * (RFC 8594) with a `Link` to the notice, and the OpenAPI operation is `deprecated: true`
 * with those headers declared, so generated clients and linters warn their users too.
 */

export interface Deprecation {
  /** When the route was deprecated: the changelog entry's date. */
  since: Date;
  /** The earliest the route may stop answering. */
  sunset: Date;
  /** The notice that says why and what to use instead (the changelog entry). */
  link: string;
}

/** The policy's shortest notice: a sunset comes at least this many months after deprecation. */
const MIN_NOTICE_MONTHS = 12;

/** `Deprecation`'s value: an RFC 9651 structured-field date, `@` and Unix seconds. */
const deprecationValue = (since: Date) => `@${Math.floor(since.getTime() / 1000)}`;

/** What the three headers carry for `d`. */
function deprecationHeaders(d: Deprecation): Record<string, string> {
  return {
    Deprecation: deprecationValue(d.since),
    Sunset: d.sunset.toUTCString(),
    Link: `<${d.link}>; rel="deprecation"; type="text/html"`,
  };
}

const documented = (d: Deprecation) => {
  const values = deprecationHeaders(d);
  return {
    Deprecation: z.string().openapi({
      description: "When this operation was deprecated (RFC 9745): `@` and Unix seconds.",
      example: values.Deprecation,
    }),
    Sunset: z.string().openapi({
      description: "The earliest this operation may stop answering (RFC 8594), an HTTP-date.",
      example: values.Sunset,
    }),
    Link: z.string().openapi({
      description: 'The deprecation notice, `rel="deprecation"`: why, and what to use instead.',
      example: values.Link,
    }),
  };
};

/** Adds the headers to whatever response the route ends with, an error's included. */
const announce =
  (d: Deprecation): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(deprecationHeaders(d))) {
      // A response may link elsewhere too; the notice joins those links.
      if (name === "Link") c.res.headers.append(name, value);
      else c.res.headers.set(name, value);
    }
  };

/**
 * `route` (as `apiRoute`, `publicRoute` or `adminRoute` made it) marked deprecated: its
 * responses carry the headers, and its document says so and declares them.
 */
export function deprecated<R extends RouteConfig>(route: R, d: Deprecation): R {
  const earliest = new Date(d.since);
  earliest.setUTCMonth(earliest.getUTCMonth() + MIN_NOTICE_MONTHS);
  if (d.sunset < earliest) {
    throw new Error(
      `${route.method.toUpperCase()} ${route.path}: a sunset before ${earliest.toISOString()} breaks the ${MIN_NOTICE_MONTHS} months' notice docs/versioning.md promises`,
    );
  }
  const headers = documented(d);
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, response]) => {
      const own = (response as { headers?: z.ZodObject }).headers?.shape ?? {};
      return [status, { ...response, headers: z.object({ ...own, ...headers }) }];
    }),
  );
  const middleware = route.middleware ?? [];
  const notice = `Deprecated since ${d.since.toISOString().slice(0, 10)}; it may stop answering after ${d.sunset.toISOString().slice(0, 10)}. See ${d.link}.`;
  return {
    ...route,
    deprecated: true,
    description: [notice, route.description].filter(Boolean).join("\n\n"),
    middleware: [announce(d), ...(Array.isArray(middleware) ? middleware : [middleware])],
    responses,
  };
}
