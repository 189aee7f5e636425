import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { deprecated } from "../../src/http/deprecation";
import { onError } from "../../src/http/errors";
import { createRouter, jsonContent, publicRoute } from "../../src/http/openapi";

/*
 * Nothing in /v1 is deprecated today, so the mechanism is tried on a router of its own,
 * built as the app's are: one deprecated operation beside one that is not.
 */

const since = new Date("2027-01-15T00:00:00Z");
const sunset = new Date("2028-01-15T00:00:00Z");
const link = "https://example.com/docs/changelog.md#2027-01-15";

const Out = z.object({ ok: z.boolean() });
const route = (path: "/old" | "/new") =>
  publicRoute({
    method: "get",
    path,
    summary: `The ${path.slice(1)} way`,
    request: { query: z.object({ n: z.coerce.number().int().optional() }) },
    responses: { 200: { description: "Done", content: jsonContent(Out) } },
  });

const router = createRouter()
  .openapi(deprecated(route("/old"), { since, sunset, link }), (c) => c.json({ ok: true }, 200))
  .openapi(route("/new"), (c) => c.json({ ok: true }, 200))
  .onError(onError);

const document = () =>
  router.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "test", version: "0" } });

describe("a deprecated route", () => {
  it("answers with Deprecation, Sunset and a Link to the notice", async () => {
    const res = await router.request("/old");
    expect(res.status).toBe(200);
    // RFC 9745: a structured-field date, Unix seconds after "@".
    expect(res.headers.get("Deprecation")).toBe("@1799971200");
    // RFC 8594: an HTTP-date.
    expect(res.headers.get("Sunset")).toBe("Sat, 15 Jan 2028 00:00:00 GMT");
    expect(res.headers.get("Link")).toBe(`<${link}>; rel="deprecation"; type="text/html"`);
  });

  it("says so on its refusals too", async () => {
    const res = await router.request("/old?n=x");
    expect(res.status).toBe(400);
    expect(res.headers.get("Deprecation")).toBe("@1799971200");
    expect(res.headers.get("Sunset")).toBe("Sat, 15 Jan 2028 00:00:00 GMT");
  });

  it("is marked deprecated in the document, with the headers declared on every response", () => {
    const op = document().paths?.["/old"]?.get;
    expect(op?.deprecated).toBe(true);
    expect(op?.description).toContain("Deprecated since 2027-01-15");
    for (const response of Object.values(op?.responses ?? {})) {
      const headers = (response as { headers?: Record<string, unknown> }).headers ?? {};
      expect(Object.keys(headers)).toEqual(
        expect.arrayContaining(["Deprecation", "Sunset", "Link", "X-Request-Id"]),
      );
    }
  });

  it("cannot be given less notice than the policy's twelve months", () => {
    const early = new Date("2028-01-14T23:59:59Z");
    expect(() => deprecated(route("/old"), { since, sunset: early, link })).toThrow(
      /12 months' notice/,
    );
    expect(() => deprecated(route("/old"), { since, sunset, link })).not.toThrow();
  });

  it("leaves other routes alone", async () => {
    const res = await router.request("/new");
    expect(res.status).toBe(200);
    expect(res.headers.has("Deprecation")).toBe(false);
    expect(res.headers.has("Sunset")).toBe(false);
    const op = document().paths?.["/new"]?.get;
    expect(op?.deprecated).toBeUndefined();
    expect(Object.keys(op?.responses?.["200"]?.headers ?? {})).not.toContain("Deprecation");
  });
});
