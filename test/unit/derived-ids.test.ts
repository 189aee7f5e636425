import { describe, expect, it } from "vitest";
import { derivedId, routeOf, routeOfId } from "../../src/lib/ids";
import { deliveryId } from "../../src/webhooks/webhooks.delivery-key";

/*
 * Ids derived from what they name (a webhook delivery: its endpoint, event and replay) are
 * never stored, so each computation must give the same id, routed to the tenant like an id
 * that is stored, and different things must get different ids.
 */

const TENANT = "ten_Q2PkUQsreeNAAQpdrpJ1";
const key = {
  subscriptionId: "whk_jGFWipJtV3YLk1z1AviEql",
  eventAt: "2026-12-05T09:35:28.599Z",
  eventId: "evt_jGFWipVGNVziB4hYBfbgpu",
  generation: 0,
  tenantId: TENANT,
  legacyId: null,
};

describe("derived ids", () => {
  it("are the same each time, routed to their tenant, and shaped like any other id", () => {
    const id = derivedId("del", TENANT, "a b 0");
    expect(derivedId("del", TENANT, "a b 0")).toBe(id);
    expect(id).toMatch(/^del_[0-9A-Za-z]{22}$/);
    expect(routeOfId(id)).toEqual({ route: routeOf(TENANT) });
  });

  it("differ for each delivery, and a delivery made before keeps the id it was given", () => {
    const ids = new Set<string>();
    for (let generation = 0; generation < 50; generation++) {
      ids.add(deliveryId({ ...key, generation }));
      ids.add(deliveryId({ ...key, generation, subscriptionId: "whk_other000000000000000" }));
      ids.add(deliveryId({ ...key, generation, eventId: "evt_other000000000000000" }));
    }
    expect(ids.size).toBe(150);
    // The event's time places the delivery in its log; it does not name it.
    expect(deliveryId({ ...key, eventAt: "2027-01-01T00:00:00.000Z" })).toBe(deliveryId(key));
    expect(deliveryId({ ...key, legacyId: "del_CP0rFS2W0DO81oScUFpB" })).toBe(
      "del_CP0rFS2W0DO81oScUFpB",
    );
  });
});
