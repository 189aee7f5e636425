import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { Bookmark } from "../../src/db/sessions";
import { answered } from "../../src/durable/answers";
import { D1_REGIONS, d1Region, orderObject, stockObject } from "../../src/durable/stubs";
import { createTenant } from "../support/merchant";

/*
 * Order and stock objects work in D1, so the stub factory creates them in the primary's
 * region. Locally workerd runs every object in-process whatever the hint, so these tests
 * check what the factory asks the platform for, through the real namespaces.
 */

type Options = DurableObjectNamespaceGetDurableObjectOptions | undefined;

/** The real namespace, noting the options each stub is asked for with. */
function noting<T extends Rpc.DurableObjectBranded>(
  namespace: DurableObjectNamespace<T>,
  asked: Options[],
): DurableObjectNamespace<T> {
  return new Proxy(namespace, {
    get(target, prop) {
      if (prop !== "getByName") return Reflect.get(target, prop, target);
      return (name: string, options: Options) => {
        asked.push(options);
        return target.getByName(name, options);
      };
    },
  });
}

describe("where order and stock objects are created", () => {
  it("hints every order and stock object at the configured D1 region, and the objects answer", async () => {
    expect(d1Region(env)).toBe("oc");
    for (const region of D1_REGIONS) {
      const asked: Options[] = [];
      const hinted = {
        D1_REGION: region,
        ORDERS: noting(env.ORDERS, asked),
        STOCK: noting(env.STOCK, asked),
      };
      // The objects work in the tenant's shard, which they look up in the control database.
      const { tenantId, shard } = await createTenant(`Placement ${region}`);
      const missing = answered(
        await orderObject(hinted, tenantId, `ord_${region}`).execute({
          type: "hold",
          actor: "key_placement",
          reason: "placement check",
        }),
      );
      expect(missing).toMatchObject({ ok: false, refusal: { code: "not_found" } });
      const released = answered(
        await stockObject(hinted, {
          tenantId,
          warehouseId: "wh_placement",
          sku: "PLACED",
        }).setDemand({ orderId: `ord_${region}`, lineNo: 1 }, 0, 1),
      );
      expect(released.status).toBe("released");
      expect(asked).toEqual([{ locationHint: region }, { locationHint: region }]);
      // Each answer carries the D1 bookmark its reads reached in the tenant's shard, for the
      // request to hand on.
      for (const cost of [missing.cost, released.cost]) {
        expect(Object.keys(cost?.d1.bookmarks ?? {})).toEqual([shard]);
        expect(Bookmark.safeParse(cost?.d1.bookmarks[shard]).success).toBe(true);
      }
    }
  });

  it("fails fast, naming D1_REGION, when it is missing or not a region D1 has", () => {
    const key = { tenantId: "ten_x", warehouseId: "wh_x", sku: "X" };
    for (const D1_REGION of [undefined, "", "sam", "OC", "mars"]) {
      const misconfigured = { ...env, D1_REGION };
      expect(() => orderObject(misconfigured, "ten_x", "ord_x")).toThrow(/^D1_REGION /);
      expect(() => stockObject(misconfigured, key)).toThrow(
        /set it in wrangler.toml \[vars\] to the region of the D1 primary, one of wnam, enam, weur, eeur, apac, oc\./,
      );
    }
    expect(() => d1Region({})).toThrow("D1_REGION is not set");
    expect(() => d1Region({ D1_REGION: "afr" })).toThrow("D1_REGION is 'afr'");
  });
});
