import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, call, createTenant, SHIPPING_METHODS, WAREHOUSES } from "./helpers";

/*
 * Whatever a client sends to a write route, the answer is a deliberate 2xx or 4xx in
 * the error envelope, never a 5xx. Bodies mix arbitrary JSON, near-miss variants of
 * valid payloads, and raw bytes that are not JSON at all.
 */

let tenantKey: string;
let tenantId: string;
beforeAll(async () => {
  ({ key: tenantKey, tenantId } = await createTenant("Fuzz"));
  await call("POST", "/v1/products", { key: tenantKey, body: { sku: "FUZZ-1", name: "Fuzz" } });
});

const valid: Record<string, unknown> = {
  "POST /v1/products": { sku: "F-1", name: "F", weight: { value: 1, unit: "kg" } },
  "PATCH /v1/products/FUZZ-1": {
    name: "F",
    dimensions: { length: 1, width: 2, height: 3, unit: "cm" },
  },
  "POST /admin/v1/tenants": { name: "T" },
  "POST /admin/v1/tenants/:tenant/api-keys": { scopes: ["orders:read"], rate_limit_per_minute: 10 },
  "POST /admin/v1/api-keys": { name: "floor" },
  "POST /admin/v1/warehouses": WAREHOUSES[0],
  "POST /admin/v1/shipping-methods": SHIPPING_METHODS[0],
};

/** A valid payload with one value somewhere replaced by something else. */
const mutate = (base: unknown): fc.Arbitrary<unknown> =>
  fc.tuple(fc.jsonValue(), fc.nat()).map(([replacement, pick]) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    const keys = Object.keys(copy);
    const key = keys[pick % Math.max(keys.length, 1)];
    if (key !== undefined) copy[key] = replacement;
    return copy;
  });

const body = (base: unknown) =>
  fc.oneof(
    fc.jsonValue().map((v) => ({ json: v })),
    mutate(base).map((v) => ({ json: v })),
    fc.string({ maxLength: 200 }).map((raw) => ({ raw })),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ raw: bytes })),
  );

describe("fuzzed bodies on every write route", () => {
  for (const [route, base] of Object.entries(valid)) {
    it(`${route} never answers 5xx`, async () => {
      const [method, rawPath] = route.split(" ") as [string, string];
      const path = rawPath.replace(":tenant", tenantId);
      const key = path.startsWith("/admin") ? ADMIN_TOKEN : tenantKey;
      await fc.assert(
        fc.asyncProperty(body(base), fc.boolean(), async (input, withType) => {
          const res =
            "json" in input
              ? await call(method, path, { key, body: input.json })
              : await call(method, path, {
                  key,
                  rawBody: input.raw as BodyInit,
                  headers: withType ? { "content-type": "application/json" } : {},
                });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.body.error.code).toEqual(expect.any(String));
            expect(res.body.error.request_id).toMatch(/^req_/);
          }
        }),
        { numRuns: 40 },
      );
    });
  }
});
