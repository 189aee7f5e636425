// `npm run docs:links`: every relative link and image in README.md and docs/*.md must name a
// file that exists and, with a #fragment, a heading in the target markdown (GitHub's
// slugs). A moved file or a renamed heading fails the build instead of a reader.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const FILES = [
  "README.md",
  ...readdirSync("docs")
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Markdown with its fenced and inline code taken out: a link shown as code is not a link. */
const prose = (markdown) =>
  markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, "").replace(/`[^`\n]*`/g, "");

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown) {
  const seen = new Map();
  const anchors = new Set();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const plain = text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/<[^>]+>/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(plain) ?? 0;
    seen.set(plain, n + 1);
    anchors.add(n === 0 ? plain : `${plain}-${n}`);
  }
  // Explicit anchors: <a id="…"> or <a name="…">.
  for (const [, id] of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id);
  return anchors;
}

/** Every link target: [text](target), ![alt](target), [ref]: target, and src/href in HTML. */
function targetsOf(markdown) {
  const text = prose(markdown);
  const targets = [];
  for (const [, target] of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    targets.push(target);
  }
  for (const [, target] of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm))
    targets.push(target);
  for (const [, target] of text.matchAll(/<(?:img|a)\s[^>]*?(?:src|href)="([^"]+)"/g))
    targets.push(target);
  return targets;
}

const anchorCache = new Map();
const anchorsIn = (file) => {
  if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(readFileSync(file, "utf8")));
  return anchorCache.get(file);
};

const broken = [];
let checked = 0;
for (const file of FILES) {
  for (const target of targetsOf(readFileSync(file, "utf8"))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
    checked++;
    const [rawPath, fragment] = target.split("#", 2);
    const linked = rawPath
      ? path.normalize(path.join(path.dirname(file), decodeURI(rawPath)))
      : file;
    if (!existsSync(linked)) {
      broken.push(`${file}: ${target} (no file ${linked})`);
      continue;
    }
    if (fragment === undefined || fragment === "") continue;
    if (statSync(linked).isDirectory() || !linked.endsWith(".md")) {
      broken.push(`${file}: ${target} (#${fragment} in a file that is not markdown)`);
    } else if (!anchorsIn(linked).has(decodeURIComponent(fragment).toLowerCase())) {
      broken.push(`${file}: ${target} (no heading #${fragment} in ${linked})`);
    }
  }
}

for (const line of broken) console.error(`FAIL ${line}`);
if (broken.length > 0) {
  console.error(`${broken.length} of ${checked} relative links broken`);
  process.exitCode = 1;
} else {
  console.log(`ok   ${checked} relative links in ${FILES.length} files resolve`);
}
