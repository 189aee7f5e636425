import { describe, expect, it } from "vitest";
import { z } from "zod";
import pkg from "../../package.json";
import { BASE, client, expectError, expectStatus, ok, raw } from "../support/client";

/** The parts of an OpenAPI document these tests read. */
const OpenApiDocument = z.object({
  openapi: z.string(),
  components: z.object({
    securitySchemes: z.record(z.string(), z.unknown()),
    schemas: z.record(z.string(), z.unknown()),
  }),
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        security: z.array(z.unknown()).optional(),
        responses: z.record(z.string(), z.unknown()),
      }),
    ),
  ),
});

describe("health, docs and the OpenAPI document", () => {
  it("reports status, environment and version", async () => {
    const res = await client().health.$get();
    expectStatus(res, 200);
    expect(res.body).toEqual({ status: "ok", environment: "development", version: pkg.version });
    expect(res.headers.get("x-request-id")).toMatch(/^req_[A-Za-z0-9]{20}$/);
  });

  it("serves an HTML API reference at /docs pointing at the spec", async () => {
    const res = await client().docs.$get();
    expectStatus(res, 200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.body).toContain('data-url="/v1/openapi.json"');
  });

  it("serves /docs and its viewer from this origin alone, under a self-only policy", async () => {
    const res = await client().docs.$get();
    expectStatus(res, 200);
    const page = String(res.body);
    const urls = [...page.matchAll(/(?:src|href|data-url)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(new URL(url, BASE).origin, url).toBe(BASE);
    expect(page).not.toMatch(/\/\/[a-z0-9-]+\./i);

    const policy = res.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    for (const directive of policy.split(";")) {
      expect(directive, "every source is this origin, inline, or data:").toMatch(
        /^\s*[a-z-]+(\s+('self'|'none'|'unsafe-inline'|data:))+\s*$/,
      );
    }

    // The viewer is the pinned package's, under the path only static assets answer. (That it
    // answers 200 as JavaScript is checked against the deploy bundle, by
    // test/browser/docs.browser.mjs: this pool's SELF hands /docs/assets/* to the Worker.)
    const viewer = /<script src="([^"]+)"/.exec(page)?.[1];
    expect(viewer).toBe(
      `/docs/assets/api-reference-${pkg.devDependencies["@scalar/api-reference"]}.js`,
    );
  });

  it("publishes an OpenAPI 3.1 document without authentication", async () => {
    const res = await client().v1["openapi.json"].$get();
    expectStatus(res, 200);
    const doc = OpenApiDocument.parse(res.body);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.ApiKey).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(doc.components.schemas.Error).toBeDefined();
  });

  it("documents every API route with its security scheme and error responses", async () => {
    const { paths } = OpenApiDocument.parse(await ok(client().v1["openapi.json"].$get()));
    const operations = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(25);
    for (const { path, method, op } of operations) {
      if (path === "/health") continue;
      const where = `${method.toUpperCase()} ${path}`;
      const scheme = path.startsWith("/admin/") ? "AdminToken" : "ApiKey";
      expect(op.security, where).toEqual([{ [scheme]: [] }]);
      for (const status of ["400", "401", "500"])
        expect(op.responses[status], `${where} ${status}`).toBeDefined();
      if (method === "post" || method === "patch") expect(op.responses["422"], where).toBeDefined();
      if (scheme === "ApiKey") expect(op.responses["429"], where).toBeDefined();
    }
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        "/v1/orders",
        "/v1/orders/{id}",
        "/v1/inventory",
        "/admin/v1/tenants",
        "/v1/products/{sku}",
      ]),
    );
  });

  it("answers unknown routes with the 404 envelope", async () => {
    expectError(await raw("GET", "/nowhere"), 404, "route_not_found");
  });
});
