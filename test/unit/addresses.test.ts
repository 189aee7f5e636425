import { describe, expect, it } from "vitest";
import { type CheckedFields, COUNTRY_CODES, checkAddress } from "../../src/domain/addresses";

const problemOf = (address: CheckedFields) => {
  const checked = checkAddress(address);
  return checked.ok ? undefined : checked.problem;
};

describe("checkAddress", () => {
  it("knows every ISO 3166-1 alpha-2 code and nothing else", () => {
    expect(COUNTRY_CODES).toHaveLength(new Set(COUNTRY_CODES).size);
    for (const code of ["AU", "US", "GB", "IE", "JP", "XK"]) expect(COUNTRY_CODES).toContain(code);
    expect(problemOf({ country: "UK" })?.field).toBe("country");
  });

  it.each([
    ["NSW", "AU"],
    ["nsw", "AU"],
    ["New South Wales", "AU"],
    ["  new   south wales ", "AU"],
    ["AU-NSW", "AU"],
    ["Quebec", "CA"],
    ["Québec", "CA"],
    ["US-CA", "US"],
    ["東京都", "JP"],
    ["tokyo", "JP"],
    ["13", "JP"],
  ])("takes %j as a region of %s", (state, country) => {
    const postcode = { AU: "2000", CA: "H3Z 2Y7", US: "95014", JP: "100-0001" }[country];
    expect(problemOf({ country, state, postcode })).toBeUndefined();
  });

  it("tells a postcode's format in words from the data's examples", () => {
    expect(problemOf({ country: "DE", postcode: "1234" })?.reason).toBe(
      "postcode for DE is 5 digits, e.g. 26133",
    );
    expect(problemOf({ country: "NL", postcode: "1234" })?.reason).toBe(
      "postcode for NL is in the form 9999 AA (9 a digit, A a letter), e.g. 1234 AB",
    );
    expect(problemOf({ country: "IE", postcode: "D02" })?.reason).toMatch(/^IE Eircode is/);
  });

  it("lists a short set of regions in full and gives an example of a long one", () => {
    expect(problemOf({ country: "AU", postcode: "2000", state: "Sydney" })?.reason).toBe(
      "is not a state of AU: one of ACT, NSW, NT, QLD, SA, TAS, VIC or WA, or its name, e.g. Australian Capital Territory",
    );
    expect(problemOf({ country: "US", postcode: "95014" })?.reason).toBe(
      "is required for US: a state of US: its code, e.g. AL, or its name, e.g. Alabama",
    );
  });

  it("refuses a postcode of another region than the one named, naming the postcode", () => {
    expect(problemOf({ country: "AU", state: "NSW", postcode: "3000" })).toEqual({
      field: "postcode",
      reason: "3000 is not a postcode of NSW, AU: NSW's look like 1000, 2888, 3585 or 3707",
    });
    expect(problemOf({ country: "JP", state: "Osaka", postcode: "100-0001" })?.reason).toBe(
      "100-0001 is not a postcode of Osaka (27), JP",
    );
    expect(problemOf({ country: "US", state: "NV", postcode: "89502" })).toBeUndefined();
  });

  it("takes any region where the country's addresses need none, and none where it is optional", () => {
    expect(problemOf({ country: "GB", postcode: "EC1A 1BB", state: "Greater London" })).toBe(
      undefined,
    );
    expect(problemOf({ country: "IE", state: "Dublin" })).toBeUndefined();
  });

  it("answers the address normalised: phone in E.164, postcode in the post's case", () => {
    const checked = checkAddress({
      country: "GB",
      postcode: "ec1a 1bb",
      phone: "020 7946 0018",
    });
    expect(checked).toEqual({
      ok: true,
      address: { country: "GB", postcode: "EC1A 1BB", phone: "+442079460018" },
    });
  });
});
