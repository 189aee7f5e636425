import { assert, describe, expect, it } from "vitest";
import { z } from "zod";
import { client, ok } from "../support/client";

/*
 * The OpenAPI document is the contract (the smoke run also validates it with a maintained
 * OpenAPI validator): every error has the one envelope, every response names the headers
 * it carries, and every version is a string.
 */

/** The parts of the OpenAPI document these tests read. */
const Response = z.object({
  $ref: z.string().optional(),
  content: z
    .record(z.string(), z.object({ schema: z.object({ $ref: z.string().optional() }).optional() }))
    .optional(),
  headers: z.record(z.string(), z.unknown()).optional(),
});
const Doc = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        security: z.array(z.unknown()).optional(),
        parameters: z.array(z.object({ name: z.string(), in: z.string() })).optional(),
        responses: z.record(z.string(), Response),
      }),
    ),
  ),
  components: z.object({
    responses: z.record(z.string(), Response),
    headers: z.record(
      z.string(),
      z.object({ schema: z.unknown(), description: z.string(), required: z.boolean() }),
    ),
    schemas: z.record(
      z.string(),
      z.object({
        properties: z.record(z.string(), z.object({ type: z.unknown().optional() })).optional(),
      }),
    ),
  }),
});
type Doc = z.infer<typeof Doc>;

const document = async () => Doc.parse(await ok(client().v1["openapi.json"].$get()));

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      op,
    })),
  );

describe("the OpenAPI document", () => {
  it("gives every 4xx and 5xx the error envelope and every response its headers", async () => {
    const doc = await document();
    for (const { name, op } of operations(doc)) {
      for (const [status, given] of Object.entries(op.responses)) {
        const where = `${name} ${status}`;
        // Error responses alike across operations are stated once and referenced.
        if (given.$ref)
          expect(given.$ref, where).toMatch(
            new RegExp(`^#/components/responses/Error${status}(\\.|$)`),
          );
        const response = given.$ref
          ? doc.components.responses[given.$ref.replace("#/components/responses/", "")]
          : given;
        assert(response, `${where} refers to a response that is not there`);
        if (Number(status) >= 400) {
          expect(response.content?.["application/json"]?.schema?.$ref, where).toBe(
            "#/components/schemas/Error",
          );
        }
        const headers = Object.keys(response.headers ?? {});
        expect(headers, where).toEqual(expect.arrayContaining(["X-Request-Id", "Server-Timing"]));
        // Shared headers are stated once and referenced; every reference resolves.
        const declared = (header: string) => {
          const given = response.headers?.[header] as { $ref?: string; required?: boolean };
          const ref = given?.$ref;
          return ref ? doc.components.headers[ref.replace("#/components/headers/", "")] : given;
        };
        for (const [header, given] of Object.entries(response.headers ?? {})) {
          const ref = (given as { $ref?: string }).$ref;
          if (ref) expect(ref, where).toMatch(new RegExp(`^#/components/headers/${header}(\\.|$)`));
          if (ref) expect(declared(header), where).toBeDefined();
        }
        // Every route that reads or writes data names the state it reached.
        if (op.security?.length) expect(headers, where).toContain("X-Consistency-Token");
        if (op.security?.some((s) => JSON.stringify(s).includes("ApiKey"))) {
          // The key's budget is on every answer to a judged key: never on a 401, maybe on a
          // 429 (the key's budget, or its address's refused attempts) and on a 5xx.
          const code = Number(status);
          for (const header of [
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
          ]) {
            if (code === 401) expect(headers, where).not.toContain(header);
            else
              expect(declared(header)?.required === true, `${where} ${header}`).toBe(
                code !== 429 && code < 500,
              );
          }
        }
        if (status === "429" || status === "503") expect(headers, where).toContain("Retry-After");
      }
    }
    for (const { name, op } of operations(doc)) {
      if (!name.startsWith("GET ") || !op.security?.length) continue;
      expect(op.parameters ?? [], name).toContainEqual({
        name: "x-consistency-token",
        in: "header",
      });
    }
    const create = doc.paths["/v1/orders"]?.post?.responses ?? {};
    expect(Object.keys(create["201"]?.headers ?? {})).toEqual(
      expect.arrayContaining(["Location", "ETag"]),
    );
    expect(Object.keys(create["200"]?.headers ?? {})).toEqual(
      expect.arrayContaining(["Idempotent-Replayed", "ETag"]),
    );
  });

  it("states each shared header once, so the document stays small", async () => {
    const res = await client().v1["openapi.json"].$get();
    const doc = Doc.parse(res.body);
    expect(Object.keys(doc.components.headers)).toEqual(
      expect.arrayContaining(["X-Request-Id", "Server-Timing", "X-RateLimit-Limit"]),
    );
    expect(JSON.stringify(res.body).length).toBeLessThan(600_000);
  });

  it("types every version as a string", async () => {
    const doc = await document();
    const versions = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
      schema.properties?.version ? [[name, schema.properties.version.type]] : [],
    );
    expect(versions.length).toBeGreaterThan(3);
    for (const [name, type] of versions) expect(type, String(name)).toBe("string");
  });
});
