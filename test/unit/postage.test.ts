import { describe, expect, it } from "vitest";
import { postage, zoneOf } from "../../src/simulator/postage";

/* The sandbox's rate card (docs/sandbox.md): partners' landed-cost tests assert these values. */

describe("postage", () => {
  it("zones by country pair", () => {
    expect(zoneOf("AU", "AU")).toBe("domestic");
    expect(zoneOf("AU", "NZ")).toBe("regional");
    expect(zoneOf("DE", "GB")).toBe("regional");
    expect(zoneOf("US", "MX")).toBe("regional");
    expect(zoneOf("AU", "US")).toBe("international");
    expect(zoneOf("GB", "US")).toBe("international");
  });

  it("charges a base and each started half kilo after the first", () => {
    expect(postage("AU", "AU", [0.2])).toEqual({ amount: "9.95", currency: "AUD" });
    expect(postage("AU", "AU", [0.5])).toEqual({ amount: "9.95", currency: "AUD" });
    expect(postage("AU", "AU", [0.51])).toEqual({ amount: "11.20", currency: "AUD" });
    expect(postage("AU", "AU", [1.1])).toEqual({ amount: "12.45", currency: "AUD" });
    expect(postage("AU", "NZ", [1.1])).toEqual({ amount: "27.95", currency: "AUD" });
    expect(postage("AU", "US", [1.1])).toEqual({ amount: "43.95", currency: "AUD" });
  });

  it("adds up a shipment's parcels", () => {
    expect(postage("AU", "US", [1.1, 0.3, 4])).toEqual({
      amount: (43.95 + 29.95 + 29.95 + 7 * 7).toFixed(2),
      currency: "AUD",
    });
  });

  it("charges in the warehouse country's currency at the card's fixed rates", () => {
    expect(postage("US", "US", [1])).toEqual({ amount: "7.28", currency: "USD" });
    expect(postage("DE", "FR", [1])).toEqual({ amount: "14.37", currency: "EUR" });
    expect(postage("GB", "AU", [2])).toEqual({ amount: "25.48", currency: "GBP" });
    expect(postage("BR", "BR", [1])).toEqual({ amount: "7.28", currency: "USD" });
  });
});
