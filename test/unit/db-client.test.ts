import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { warehouses } from "../../src/db/schema";

describe("database", () => {
  it("gives every handle the one relational map built for the isolate", () => {
    const first = database(env.DB);
    const second = database(env.DB);
    expect(first).not.toBe(second);
    expect(first._.schema).toBeDefined();
    expect(second._.schema).toBe(first._.schema);
    expect(Object.keys(first._.schema ?? {})).toContain("orders");
  });

  it("answers relational and builder queries on the binding it was given", async () => {
    const db = database(env.DB);
    expect(db.$client).toBe(env.DB);
    const viaQuery = await db.query.warehouses.findMany();
    const viaBuilder = await db.select().from(warehouses);
    expect(viaQuery.map((w) => w.id).sort()).toEqual(viaBuilder.map((w) => w.id).sort());
  });
});
