import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { REFUSAL_CODES, type Refusal } from "../../src/domain/refusals";
import { errorCatalogue, messageOf, refusalResponse, statusOf } from "../../src/http/refusals";

/** What a client receives for `refusal`: status, headers and envelope. */
async function answer(refusal: Refusal) {
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.get("/", (c) => {
    c.set("requestId", "req_test");
    return refusalResponse(c, refusal);
  });
  const res = await app.request("/");
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { error: Record<string, unknown> },
  };
}

describe("the refusal table", () => {
  it("has an entry for every code, each with a status, a message and a line for the docs", () => {
    const catalogue = errorCatalogue();
    expect(catalogue.map((e) => e.domain).sort()).toEqual([...REFUSAL_CODES].sort());
    for (const code of REFUSAL_CODES) {
      expect(statusOf(code)).toBeGreaterThanOrEqual(400);
      expect(messageOf({ code }).length).toBeGreaterThan(0);
    }
    for (const entry of catalogue) expect(entry.about.length).toBeGreaterThan(0);
  });

  it("puts the refusal's details in the envelope, except what only its message states", async () => {
    const { status, body } = await answer({
      code: "unknown_sku",
      field: "items[2].sku",
      sku: "GHOST-1",
    });
    expect(status).toBe(422);
    expect(body).toEqual({
      error: {
        code: "unknown_sku",
        message: "sku 'GHOST-1' is not in your catalog; create it with POST /v1/products first.",
        field: "items[2].sku",
        request_id: "req_test",
      },
    });
  });

  it("answers a code under its wire name where it has one", async () => {
    const { status, body } = await answer({ code: "shipment_not_found", shipment_id: "shp_1" });
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: "not_found", shipment_id: "shp_1" });
  });

  it("challenges every 401 and tells every wait how long", async () => {
    const unauthorized = await answer({ code: "revoked_api_key" });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("www-authenticate")).toBe('Bearer realm="fulfillment-api"');
    const busy = await answer({ code: "order_busy", retry_after: 5 });
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(busy.body.error).toMatchObject({ retry_after: 5 });
    expect(busy.headers.get("www-authenticate")).toBeNull();
  });
});
