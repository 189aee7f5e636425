import { describe, expect, it } from "vitest";
import pkg from "../package.json";
import { call, expectError } from "./helpers";

describe("health, docs and the OpenAPI document", () => {
  it("reports status, environment and version", async () => {
    const res = await call("GET", "/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", environment: "development", version: pkg.version });
    expect(res.headers.get("x-request-id")).toMatch(/^req_[A-Za-z0-9]{20}$/);
  });

  it("serves an HTML API reference at /docs pointing at the spec", async () => {
    const res = await call("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.body).toContain('data-url="/v1/openapi.json"');
  });

  it("publishes an OpenAPI 3.1 document without authentication", async () => {
    const res = await call("GET", "/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(res.body.components.securitySchemes.ApiKey).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(res.body.components.schemas.Error).toBeDefined();
  });

  it("answers unknown routes with the 404 envelope", async () => {
    expectError(await call("GET", "/nowhere"), 404, "route_not_found");
  });
});
