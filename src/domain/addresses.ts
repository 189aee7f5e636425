import { z } from "@hono/zod-openapi";
import isoCountries from "i18n-iso-countries/codes.json";
import examples from "libphonenumber-js/examples.mobile.json";
import {
  getExampleNumber,
  isSupportedCountry,
  type CountryCode as PhoneCountry,
  parsePhoneNumberFromString,
} from "libphonenumber-js/min";
import data from "./address-data.json";

/*
 * Whether an address can be delivered to, as far as its format tells: the country an
 * ISO 3166-1 code, the postcode in that country's format (and present where the country
 * has one), the region one of the country's where it needs one, and the phone a number
 * that can be dialled, kept in E.164. Every list comes from maintained data: countries from
 * i18n-iso-countries, postcodes and regions from Google's address metadata
 * (address-data.json, `npm run address-data`), phones from libphonenumber-js's metadata.
 */

/** ISO 3166-1 alpha-2, as i18n-iso-countries lists it. */
export const COUNTRY_CODES: readonly string[] = isoCountries
  .map(([alpha2]) => alpha2 as string)
  .sort();
export const COUNTRY_REASON = "must be an ISO 3166-1 alpha-2 country code such as 'AU'";

interface PostcodeRule {
  pattern: string;
  examples: string[];
  name: string;
  required: boolean;
  upper: boolean;
}

interface RegionRule {
  name: string;
  required: boolean;
  /** `code|spelling|…~code|…`: each region's code, then every other way to write it. */
  list?: string;
  /** `pattern~pattern…`, in the list's order: how the postcodes of each region begin. */
  postcodes?: string;
  /** `2000,2999~…`, in the list's order: a few postcodes of each region. */
  examples?: string;
}

interface CountryRules {
  postcode?: PostcodeRule;
  region?: RegionRule;
}

const RULES: Record<string, CountryRules | undefined> = data.countries;

/** The address fields the check reads; a ship-to's phone travels with its address. */
export interface CheckedFields {
  country: string;
  state?: string | null;
  postcode?: string | null;
  phone?: string | null;
}

export interface AddressProblem {
  /** The field's name inside the address, e.g. `postcode`. */
  field: keyof CheckedFields;
  reason: string;
}

export type AddressCheck<T> = { ok: true; address: T } | { ok: false; problem: AddressProblem };

/** How a spelling is compared: case, accents and spacing do not tell two regions apart. */
const fold = (s: string) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim().toLowerCase();

const NOUN: Record<string, string> = {
  postal: "postcode",
  zip: "ZIP code",
  pin: "PIN code",
  eircode: "Eircode",
};

const inWords = (list: string[]) =>
  list.length > 1 ? `${list.slice(0, -1).join(", ")} or ${list.at(-1)}` : (list[0] ?? "");

/** `9` a digit, `A` a letter: the shape of a postcode as its examples show it. */
const shapeOf = (postcode: string) => postcode.replace(/\d/g, "9").replace(/\p{L}/gu, "A");

/** In words, from the data's examples: "is 4 digits, e.g. 2060". */
function postcodeFormat(country: string, rule: PostcodeRule): string {
  const noun = NOUN[rule.name] ?? "postcode";
  const label = noun === "postcode" ? `postcode for ${country}` : `${country} ${noun}`;
  const [first = ""] = rule.examples;
  const shapes = new Set(rule.examples.map(shapeOf));
  const shape = shapeOf(first);
  if (shapes.size === 1 && /^9+$/.test(shape)) {
    return `${label} is ${shape.length} digits, e.g. ${first}`;
  }
  if (shapes.size === 1) {
    return `${label} is in the form ${shape} (9 a digit, A a letter), e.g. ${first}`;
  }
  return `${label} looks like ${inWords(rule.examples)}`;
}

const LISTED_IN_FULL = 15;

/** The country's regions, each as its code followed by its other spellings. */
const regionsOf = (rule: RegionRule) =>
  rule.list ? rule.list.split("~").map((region) => region.split("|")) : [];

/** What the region may be, in words, from the country's list: codes, and a name for one. */
function regionFormat(country: string, rule: RegionRule): string {
  const what = `a ${rule.name} of ${country}`;
  const [first, ...rest] = regionsOf(rule);
  if (!first) return what;
  const codes =
    rest.length < LISTED_IN_FULL
      ? `one of ${inWords([first, ...rest].map((r) => r[0] ?? ""))}`
      : `its code, e.g. ${first[0]}`;
  const named = first.length > 1 ? `, or its name, e.g. ${first.at(-1)}` : "";
  return `${what}: ${codes}${named}`;
}

/** The region's place in the country's list, or -1 when it names none of them. */
function regionIndex(country: string, region: string, list: string[][]): number {
  const sent = fold(region.toUpperCase().startsWith(`${country}-`) ? region.slice(3) : region);
  return list.findIndex((names) => names.some((n) => fold(n) === sent));
}

function checkPostcode(country: string, postcode: string | null | undefined) {
  const rule = RULES[country]?.postcode;
  if (!rule) return { ok: true as const, postcode };
  if (postcode == null || postcode.trim() === "") {
    return rule.required
      ? { ok: false as const, reason: `is required: ${postcodeFormat(country, rule)}` }
      : { ok: true as const, postcode };
  }
  const sent = postcode.trim();
  if (!new RegExp(`^(?:${rule.pattern})$`, "i").test(sent)) {
    return { ok: false as const, reason: postcodeFormat(country, rule) };
  }
  return { ok: true as const, postcode: rule.upper ? sent.toUpperCase() : sent };
}

/**
 * The region, where the country's addresses need one, and then whether the postcode is one of
 * that region's: `NSW` with `3000` (a Melbourne postcode) reaches no door.
 */
function checkRegion(
  country: string,
  state: string | null | undefined,
  postcode: string | null | undefined,
): AddressProblem | undefined {
  const rule = RULES[country]?.region;
  if (!rule?.required) return undefined;
  if (state == null || state.trim() === "") {
    return { field: "state", reason: `is required for ${country}: ${regionFormat(country, rule)}` };
  }
  if (!rule.list) return undefined;
  const regions = regionsOf(rule);
  const at = regionIndex(country, state, regions);
  if (at < 0) return { field: "state", reason: `is not ${regionFormat(country, rule)}` };
  const pattern = rule.postcodes?.split("~")[at];
  if (!postcode || !pattern || new RegExp(`^(?:${pattern})`, "i").test(postcode)) return undefined;
  const code = regions[at]?.[0] ?? "";
  const region = fold(state) === fold(code) ? code : `${state.trim()} (${code})`;
  const examples = rule.examples?.split("~")[at]?.split(",").filter(Boolean) ?? [];
  const like = examples.length > 0 ? `: ${code}'s look like ${inWords(examples)}` : "";
  return {
    field: "postcode",
    reason: `${postcode} is not a postcode of ${region}, ${country}${like}`,
  };
}

/** A mobile number of the country as libphonenumber's examples give it, where they have one. */
function phoneExample(country: string): string {
  const example = isSupportedCountry(country)
    ? getExampleNumber(country as PhoneCountry, examples)
    : undefined;
  return example ? `, e.g. ${example.formatInternational()}` : "";
}

function checkPhone(country: string, phone: string | null | undefined) {
  if (phone == null || phone.trim() === "") return { ok: true as const, phone };
  const parsed = parsePhoneNumberFromString(phone, {
    defaultCountry: isSupportedCountry(country) ? country : undefined,
    extract: false,
  });
  const expected = `a phone number in international form${phoneExample(country)}, or as dialled within ${country}; it is kept in E.164`;
  if (!parsed?.isValid()) return { ok: false as const, reason: `must be ${expected}` };
  if (parsed.ext) {
    return { ok: false as const, reason: `must be ${expected}, without an extension` };
  }
  return { ok: true as const, phone: parsed.number };
}

/**
 * The one check every address field runs, in the order a reader fixes them: country, then
 * postcode, region (and the postcode against it) and phone, which the country decides. It
 * answers the address with its phone in E.164 and its postcode in the country's case, or the
 * first field that is wrong.
 */
export function checkAddress<T extends CheckedFields>(address: T): AddressCheck<T> {
  const { country } = address;
  if (!COUNTRY_CODES.includes(country)) {
    return { ok: false, problem: { field: "country", reason: COUNTRY_REASON } };
  }
  const postcode = checkPostcode(country, address.postcode);
  if (!postcode.ok) return { ok: false, problem: { field: "postcode", reason: postcode.reason } };
  const region = checkRegion(country, address.state, postcode.postcode);
  if (region) return { ok: false, problem: region };
  const phone = checkPhone(country, address.phone);
  if (!phone.ok) return { ok: false, problem: { field: "phone", reason: phone.reason } };
  const normalised = { ...address };
  if (address.postcode !== undefined) normalised.postcode = postcode.postcode;
  if (address.phone !== undefined) normalised.phone = phone.phone;
  return { ok: true, address: normalised };
}

/**
 * Any address schema as a body field: `ship_to: deliverable(ShipTo)`. The issue's path is the
 * field's inside the address, so a body names it in full (`ship_to.postcode`,
 * `billing_address.state`); what passes comes out normalised.
 */
export const deliverable = <S extends z.ZodType<CheckedFields>>(schema: S) =>
  schema.transform((address, ctx) => {
    const checked = checkAddress(address);
    if (checked.ok) return checked.address;
    ctx.addIssue({
      code: "custom",
      path: [checked.problem.field],
      message: checked.problem.reason,
    });
    return z.NEVER;
  });
