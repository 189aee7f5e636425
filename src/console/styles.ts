/*
 * The console's only stylesheet, served from /console/console.css: the Content-Security-Policy
 * allows styles from this origin and nothing inline.
 */
export const CONSOLE_CSS = `
:root {
  --ink: #1c2430;
  --muted: #5b6675;
  --line: #d8dee6;
  --panel: #f5f7fa;
  --accent: #1f5fbf;
  --accent-ink: #ffffff;
  --ok: #17703a;
  --ok-bg: #e6f4ea;
  --bad: #a3261b;
  --bad-bg: #fbeae8;
  --warn-bg: #fff5d6;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink);
  background: #fff;
}
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible,
textarea:focus-visible, summary:focus-visible {
  outline: 3px solid #f0a800;
  outline-offset: 2px;
}
.skip { position: absolute; left: -999px; top: 0; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 6px 10px; z-index: 10; }
header.top {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px;
  padding: 10px 20px; background: #0f2747; color: #fff;
}
header.top .brand { font-weight: 700; color: #fff; text-decoration: none; margin-right: 8px; }
header.top .env {
  font-size: 12px; text-transform: uppercase; letter-spacing: .05em;
  background: #f0a800; color: #1c2430; border-radius: 3px; padding: 1px 6px;
}
nav.sections ul { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 0; padding: 0; }
nav.sections a { color: #dbe6f6; text-decoration: none; padding: 4px 2px; }
nav.sections a[aria-current="page"] { color: #fff; border-bottom: 2px solid #f0a800; }
header.top .who { margin-left: auto; display: flex; align-items: center; gap: 10px; font-size: 13px; }
header.top .who code { color: #dbe6f6; }
header.top .who button { background: transparent; color: #fff; border-color: #6d86a8; }
main { max-width: 1180px; margin: 0 auto; padding: 18px 20px 48px; }
h1 { font-size: 24px; margin: 6px 0 14px; }
h2 { font-size: 18px; margin: 26px 0 10px; }
h3 { font-size: 15px; margin: 16px 0 8px; }
p.lead { color: var(--muted); margin-top: -6px; }
.notice, .problem, .secret, .verdict {
  border-radius: 6px; padding: 10px 14px; margin: 10px 0 16px; border: 1px solid var(--line);
}
.notice { background: var(--ok-bg); border-color: #b9dec4; }
.problem { background: var(--bad-bg); border-color: #efc2bd; }
.problem p, .notice p, .secret p, .verdict p { margin: 2px 0; }
.problem .meta, .meta { color: var(--muted); font-size: 13px; }
.secret { background: var(--warn-bg); border-color: #ecd68c; }
.secret code { font-size: 15px; word-break: break-all; }
.verdict.good { background: var(--ok-bg); border-color: #b9dec4; }
.verdict.broken { background: var(--bad-bg); border-color: #efc2bd; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; margin: 8px 0 12px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; white-space: nowrap; }
tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td ul { margin: 0; padding-left: 18px; }
td code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.badge {
  display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
  background: var(--panel); border: 1px solid var(--line); white-space: nowrap;
}
.badge.good { background: var(--ok-bg); border-color: #b9dec4; color: var(--ok); }
.badge.bad { background: var(--bad-bg); border-color: #efc2bd; color: var(--bad); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px 24px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.summary { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 1fr); gap: 12px 32px; }
.summary h2 { margin-top: 0; }
dl.facts.wide { grid-template-columns: max-content minmax(0, 1fr) max-content minmax(0, 1fr); }
address { font-style: normal; }
section.panel, form.panel, fieldset {
  border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 12px 0;
}
.panel > h2:first-child, .panel > h2:first-of-type { margin-top: 4px; }
fieldset legend { font-weight: 600; padding: 0 4px; }
form.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 10px 14px; margin: 6px 0 12px; }
.field { display: flex; flex-direction: column; gap: 3px; margin: 0 0 10px; min-width: 0; }
form.filters .field { margin: 0; min-width: 12em; }
.field label { font-weight: 600; font-size: 13px; }
.field .hint { color: var(--muted); font-size: 12px; }
.field.check { flex-direction: row; align-items: center; gap: 8px; }
.field-error { color: var(--bad); font-size: 13px; margin: 2px 0 0; font-weight: 600; }
input[type="text"], input[type="password"], input[type="number"], input[type="url"],
input[type="search"], select, textarea {
  font: inherit; padding: 6px 8px; border: 1px solid #aab4c2; border-radius: 4px;
  width: 100%; max-width: 100%; background: #fff; color: var(--ink);
}
[aria-invalid="true"] { border-color: var(--bad); background: #fff7f6; }
textarea { min-height: 60px; }
.checks { display: flex; flex-wrap: wrap; gap: 4px 16px; }
.checks label { font-weight: 400; display: flex; gap: 6px; align-items: center; }
button {
  font: inherit; cursor: pointer; padding: 6px 14px; border-radius: 4px;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink);
}
button.secondary { background: #fff; color: var(--accent); }
button.danger { background: #fff; color: var(--bad); border-color: var(--bad); }
form.inline { display: inline; margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-end; margin: 10px 0; }
.actions form.inline-form { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
.pager { margin: 10px 0; }
pre.json {
  background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px;
  margin: 4px 0; font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; max-width: 640px;
}
details summary { cursor: pointer; color: var(--accent); }
table.nested { margin: 0; }
table.nested td, table.nested th { padding: 3px 8px; font-size: 13px; }
.sign-in { max-width: 440px; margin: 48px auto; }
.empty { color: var(--muted); font-style: italic; }
@media (max-width: 900px) {
  .summary { grid-template-columns: 1fr; }
  dl.facts.wide { grid-template-columns: max-content minmax(0, 1fr); }
}
/* At phone width each table row becomes a card of labelled values. */
@media (max-width: 640px) {
  table.stack thead {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap;
  }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.stack tr:last-child { border-bottom: 0; }
  table.stack td {
    display: grid; grid-template-columns: 7.5em minmax(0, 1fr); gap: 10px;
    border: 0; padding: 3px 10px; text-align: left;
  }
  table.stack td::before {
    content: attr(data-label); color: var(--muted); font-weight: 600; font-size: 13px;
  }
  table.stack.nested td { grid-template-columns: 6em minmax(0, 1fr); padding: 2px 0; }
  table.stack.nested tr { border-bottom: 1px dashed var(--line); padding: 4px 0; }
  table.stack.nested tr:last-child { border-bottom: 0; }

  header.top { padding: 10px 12px; }
  header.top .who { margin-left: 0; width: 100%; justify-content: space-between; }
  main { padding: 12px 12px 40px; }
  h1 { font-size: 20px; }
  form.filters { flex-direction: column; align-items: stretch; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 6px; }
  th, td { padding: 6px 8px; }
  button { padding: 9px 14px; }
}
`;

/** FNV-1a of the stylesheet: its URL changes whenever it does, so it can be cached for good. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export const CSS_PATH = "/console/console.css";
export const CSS_HREF = `${CSS_PATH}?v=${fingerprint(CONSOLE_CSS)}`;
