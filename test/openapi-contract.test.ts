import { describe, expect, it } from "vitest";
import { call } from "./helpers";

/*
 * The OpenAPI document is the contract (the smoke run also validates it with a maintained
 * OpenAPI validator): every error has the one envelope, every response names the headers
 * it carries, and every version is a string.
 */

type Doc = {
  paths: Record<
    string,
    Record<string, { security?: unknown[]; responses: Record<string, Response> }>
  >;
  components: { schemas: Record<string, { properties?: Record<string, { type?: string }> }> };
};
type Response = {
  content?: Record<string, { schema: { $ref?: string } }>;
  headers?: Record<string, unknown>;
};

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      op,
    })),
  );

describe("the OpenAPI document", () => {
  it("gives every 4xx and 5xx the error envelope and every response its headers", async () => {
    const doc = (await call("GET", "/v1/openapi.json")).body as Doc;
    for (const { name, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const where = `${name} ${status}`;
        if (Number(status) >= 400) {
          expect(response.content?.["application/json"]?.schema.$ref, where).toBe(
            "#/components/schemas/Error",
          );
        }
        const headers = Object.keys(response.headers ?? {});
        expect(headers, where).toEqual(expect.arrayContaining(["X-Request-Id", "Server-Timing"]));
        if (op.security?.some((s) => JSON.stringify(s).includes("ApiKey"))) {
          expect(headers, where).toEqual(
            expect.arrayContaining([
              "X-RateLimit-Limit",
              "X-RateLimit-Remaining",
              "X-RateLimit-Reset",
            ]),
          );
        }
        if (status === "429" || status === "503") expect(headers, where).toContain("Retry-After");
      }
    }
    const create = doc.paths["/v1/orders"]?.post?.responses ?? {};
    expect(Object.keys(create["201"]?.headers ?? {})).toEqual(
      expect.arrayContaining(["Location", "ETag"]),
    );
    expect(Object.keys(create["200"]?.headers ?? {})).toEqual(
      expect.arrayContaining(["Idempotent-Replayed", "ETag"]),
    );
  });

  it("types every version as a string", async () => {
    const doc = (await call("GET", "/v1/openapi.json")).body as Doc;
    const versions = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
      schema.properties?.version ? [[name, schema.properties.version.type]] : [],
    );
    expect(versions.length).toBeGreaterThan(3);
    for (const [name, type] of versions) expect(type, String(name)).toBe("string");
  });

  it("pins the reference page's script with an integrity hash", async () => {
    const page = (await call("GET", "/docs")).body as string;
    expect(page).toMatch(/@scalar\/api-reference@\d+\.\d+\.\d+\//);
    expect(page).toMatch(/integrity="sha384-[A-Za-z0-9+/=]{64}"/);
    expect(page).toContain('crossorigin="anonymous"');
  });
});
