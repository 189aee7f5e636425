import { expect, it } from "vitest";
import { errorCatalogue } from "../../src/http/refusals";

/*
 * docs/errors.md is the refusal table (src/http/refusals.ts), written out: this test fails
 * when they differ, and `npm run docs:errors` rewrites the page from the table.
 */

const cell = (text: string) => text.replaceAll("|", "\\|");

function errorsPage(): string {
  // A code answered under another's name (`wire`) is that code's to describe.
  const codes = errorCatalogue().filter((e) => e.code === e.domain);
  const statuses = [...new Set(codes.map((e) => e.status))].sort((a, b) => a - b);
  const sections = statuses.map((status) => {
    const rows = codes
      .filter((e) => e.status === status)
      .map((e) => `| \`${e.code}\` | ${cell(e.about)} |`);
    return [`## ${status}`, "", "| code | when, and what to do |", "| --- | --- |", ...rows].join(
      "\n",
    );
  });
  return [
    "# Errors",
    "",
    "<!-- Generated from src/http/refusals.ts by `npm run docs:errors`; CI checks it is current. -->",
    "",
    'Every error is one envelope, `{"error": {"code", "message", "field"?, "request_id", …}}`, with',
    "the status below; `field` names the offending path (`items[0].sku`), and some codes carry more",
    "members (`order_status`, `retry_after`, …). These are all the codes the API answers.",
    "",
    ...sections.flatMap((s) => [s, ""]),
  ].join("\n");
}

it("lists every code the API answers, as the refusal table says", async () => {
  await expect(errorsPage()).toMatchFileSnapshot("../../docs/errors.md");
});
