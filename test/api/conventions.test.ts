import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { Refused } from "../../src/domain/refusals";
import { ErrorEnvelope } from "../../src/domain/shapes";
import { onError } from "../../src/http/errors";
import { createRouter } from "../../src/http/openapi";
import { requestContext } from "../../src/http/request-context";
import { client, expectError, expectStatus, raw } from "../support/client";
import { expectFailureLogs } from "../support/faults";
import { createTenant } from "../support/merchant";

let key: string;
beforeAll(async () => {
  ({ key } = await createTenant());
});

describe("request bodies", () => {
  it("400s malformed JSON", async () => {
    const res = await raw("POST", "/v1/products", {
      key,
      body: '{"sku": "A-1", "name": ',
      headers: { "content-type": "application/json" },
    });
    expect(expectError(res, 400, "invalid_json").message).toMatch(/not valid JSON/);
  });

  it("415s a body that is not JSON", async () => {
    const res = await raw("POST", "/v1/products", {
      key,
      body: "sku=A-1&name=A",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectError(res, 415, "unsupported_media_type");
    const untyped = await raw("POST", "/v1/products", { key, body: '{"sku":"A-1","name":"A"}' });
    expectError(untyped, 415, "unsupported_media_type");
  });

  it("accepts JSON with a charset and +json media types", async () => {
    const res = await raw("POST", "/v1/products", {
      key,
      body: JSON.stringify({ sku: "CHARSET-1", name: "Charset" }),
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expectStatus(res, 201);
  });

  it("413s a body over 1 MiB, declared or streamed", async () => {
    const huge = { sku: "BIG-1", name: "x".repeat(1024 * 1024) };
    const big = JSON.stringify(huge);
    expectError(await client(key).v1.products.$post({ json: huge }), 413, "payload_too_large");
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await raw("POST", "/v1/products", {
      key,
      body: stream,
      headers: { "content-type": "application/json" },
    });
    expectError(streamed, 413, "payload_too_large");
  });

  it("422s validation failures naming the nested path", async () => {
    const product = (json: unknown) => raw("POST", "/v1/products", { key, json });
    const res = await product({ sku: "W-1", name: "W", weight: { value: 1.2, unit: "stone" } });
    expectError(res, 422, "validation_error", "weight.unit");
    const missing = await product({ name: "No sku" });
    expect(expectError(missing, 422, "validation_error", "sku").message).toBe("sku: is required.");
    const unknown = await product({ sku: "U-1", name: "U", colour: "red" });
    expect(expectError(unknown, 422, "validation_error", "colour").message).toContain(
      "unknown field",
    );
    expectError(await product([1, 2]), 422, "validation_error");
  });
});

describe("query parameters and cursors", () => {
  it("400s an invalid limit, updated_since or cursor naming the parameter", async () => {
    expectError(
      await client(key).v1.products.$get({ query: { limit: "0" } }),
      400,
      "invalid_parameter",
      "limit",
    );
    expectError(
      await client(key).v1.products.$get({ query: { limit: "201" } }),
      400,
      "invalid_parameter",
      "limit",
    );
    expectError(
      await client(key).v1.products.$get({ query: { limit: "ten" } }),
      400,
      "invalid_parameter",
      "limit",
    );
    expectError(
      await client(key).v1.products.$get({ query: { updated_since: "yesterday" } }),
      400,
      "invalid_parameter",
      "updated_since",
    );
    expectError(
      await client(key).v1.products.$get({ query: { cursor: "garbage" } }),
      400,
      "invalid_cursor",
      "cursor",
    );
    const forged = btoa(JSON.stringify({ u: 1 }));
    expectError(
      await client(key).v1.products.$get({ query: { cursor: forged } }),
      400,
      "invalid_cursor",
      "cursor",
    );
    expectError(
      await client(key).v1.warehouses.$get({ query: { cursor: "{}" } }),
      400,
      "invalid_cursor",
      "cursor",
    );
  });
});

describe("routing and failures", () => {
  it("404s unknown routes with the envelope for authenticated callers", async () => {
    const res = await raw("GET", "/v1/teleporters", { key });
    expect(expectError(res, 404, "route_not_found").message).toContain("/v1/teleporters");
  });

  it("405s a known path asked with another method, naming the ones it answers in Allow", async () => {
    const put = await raw("PUT", "/v1/orders", { key, json: {} });
    const error = expectError(put, 405, "method_not_allowed");
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(error.allow).toBe("GET, HEAD, POST");
    expect(error.message).toBe("PUT is not allowed on /v1/orders; it answers GET, HEAD, POST.");

    const del = await raw("DELETE", "/v1/orders/ord_anything", { key });
    expectError(del, 405, "method_not_allowed");
    expect(del.headers.get("allow")?.split(", ")).toEqual(
      expect.arrayContaining(["GET", "HEAD", "PATCH"]),
    );
    expect(del.headers.get("allow")).not.toContain("DELETE");
    // Who may not call the API learns nothing about its routes.
    expectError(await raw("PUT", "/v1/orders", { key: null, json: {} }), 401, "missing_api_key");
  });

  it("turns an unexpected throw into a 500 envelope that leaks nothing", async () => {
    const app = createRouter();
    app.use("*", requestContext);
    app.get("/boom", () => {
      throw new Error("D1_ERROR: no such column: secret_internal_detail");
    });
    app.get("/teapot", () => {
      throw new Refused({ code: "not_cancelable", order_status: "processing" });
    });
    app.onError(onError);
    const failure = expectFailureLogs("secret_internal_detail");
    try {
      const res = await app.request("/boom", {}, { DB: env.DB });
      expect(res.status).toBe(500);
      const body = await res.json();
      const { error } = ErrorEnvelope.parse(body);
      expect(error.code).toBe("internal_error");
      // The change may still complete by itself, so the client is told how to find out.
      expect(error.message).toContain("outcome is unknown");
      expect(error.message).toContain("same Idempotency-Key");
      expect(error.message).toContain("reference");
      expect(JSON.stringify(body)).not.toContain("secret_internal_detail");
      expect(error.request_id).toBe(res.headers.get("x-request-id"));
      expect(failure.logged.join("\n")).toContain("secret_internal_detail");
    } finally {
      failure.restore();
    }
    const conflict = await app.request("/teapot", {}, { DB: env.DB });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({
      error: {
        code: "not_cancelable",
        order_status: "processing",
        request_id: expect.stringMatching(/^req_/),
      },
    });
  });

  it("sends X-Request-Id on every response, unique per request", async () => {
    const ids = new Set<string | null>();
    for (const res of [
      await client().health.$get(),
      await client().v1.products.$get(),
      await client(key).v1.products.$get(),
      await client().v1["openapi.json"].$get(),
    ]) {
      ids.add(res.headers.get("x-request-id"));
    }
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^req_[A-Za-z0-9]{20}$/);
  });
});
