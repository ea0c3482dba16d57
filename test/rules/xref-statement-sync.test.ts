import { describe, expect, it } from "vitest";
import rule from "../../rules/xref-statement-sync.js";
import { runRules } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

const THEFT = "A thief who has a stolen card can open 12 lockers, which leads to theft, resulting in refunds";
const DELETION = "An insider who has admin access can delete 40 audit logs, which leads to lost evidence, resulting in failed audits";

/**
 * Builds two threats (lines 5 and 6) and one assumption whose Linked Threats cell (line 12, from
 * column 52) is `reference`.
 */
function document(reference: string): string {
  return md(
    "## Threats",
    "",
    "| Threat Number | Threat | Assumptions |",
    "| --- | --- | --- |",
    `| <a id="T-0001"></a>T-0001 | ${THEFT} | [**A-0001**](#A-0001): Cards are personal |`,
    `| <a id="T-0002"></a>T-0002 | ${DELETION} | [**A-0001**](#A-0001): Cards are personal |`,
    "",
    "## Assumptions",
    "",
    "| Assumption Number | Assumption | Linked Threats |",
    "| --- | --- | --- |",
    `| <a id="A-0001"></a>A-0001 | Cards are personal | ${reference} |`,
  );
}

describe("xref-statement-sync", () => {
  const valid: [string, string][] = [
    ["the current statement", document(`[**T-0001**](#T-0001): ${THEFT}`)],
    ["the statement with escapes and entities", document("[**T-0001**](#T-0001): A thief who has a stolen card can open 12 lockers, which leads to theft, resulting in refunds &#46;")],
    ["a label that fits its target", document("[**T-0001**](#T-0001): Card theft")],
    ["a label that fits no threat", document("[**T-0002**](#T-0002): Weather damage")],
    ["a bare link", document("[**T-0002**](#T-0002)")],
    ["a link to a missing threat", document(`[**T-0009**](#T-0009): ${THEFT}`)],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      "a stale copy",
      document(`[**T-0001**](#T-0001): ${THEFT.replace("12 lockers", "10 lockers")}`),
      [
        {
          messageId: "drift",
          message:
            "Quote after `T-0001` differs from the current statement of `T-0001`: quoted `…has a stolen card can open 10 lockers, which leads to…`, current `…has a stolen card can open 12 lockers, which leads to…`; copy the current statement.",
          line: 12,
          column: 52,
          endLine: 12,
          endColumn: 168,
        },
      ],
    ],
    [
      "another threat's statement",
      document(`[**T-0002**](#T-0002): ${THEFT}`),
      [
        {
          messageId: "misnumbered",
          message:
            "Quote after `T-0002` reads `A thief who has a stolen card can open 12 lockers, which leads to theft,…`, which matches threat `T-0001`, not `T-0002`; link `T-0001` instead or quote the statement of `T-0002`.",
          line: 12,
          column: 52,
          endLine: 12,
          endColumn: 168,
        },
      ],
    ],
    [
      "a label that fits another threat",
      document("[**T-0002**](#T-0002): Stolen card opens lockers"),
      [
        {
          messageId: "misnumbered",
          message:
            "Quote after `T-0002` reads `Stolen card opens lockers`, which matches threat `T-0001`, not `T-0002`; link `T-0001` instead or quote the statement of `T-0002`.",
          line: 12,
          column: 52,
          endLine: 12,
          endColumn: 100,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });

  it("points the related location at the matching statement", () => {
    const [diagnostic] = runRule(rule, document("[**T-0002**](#T-0002): Stolen card opens lockers"));
    expect(diagnostic?.related?.map((related) => [related.message, related.range.start.line, related.range.start.column])).toEqual([
      ["Statement of `T-0001`", 5, 31],
    ]);
  });

  it("names the current statement in the related location of a drift", () => {
    const [diagnostic] = runRule(rule, document(`[**T-0001**](#T-0001): ${THEFT.replace("12", "10")}`));
    expect(diagnostic?.related?.map((related) => [related.message, related.range.start.line])).toEqual([["Current statement of `T-0001`", 5]]);
  });

  it("prefers the threat that links back when labels tie", () => {
    // T-0002 and T-0003 share every word of the label, but only T-0003 lists A-0001.
    const text = md(
      "## Threats",
      "",
      "| Threat Number | Threat | Assumptions |",
      "| --- | --- | --- |",
      `| <a id="T-0001"></a>T-0001 | ${THEFT} | |`,
      `| <a id="T-0002"></a>T-0002 | An insider who has admin access can delete 40 audit logs, which leads to lost evidence, resulting in failed audits | |`,
      `| <a id="T-0003"></a>T-0003 | An insider who has admin access can delete 40 audit logs, which leads to lost evidence, resulting in fines | [**A-0001**](#A-0001): Cards are personal |`,
      "",
      "## Assumptions",
      "",
      "| Assumption Number | Assumption | Linked Threats |",
      "| --- | --- | --- |",
      "| <a id=\"A-0001\"></a>A-0001 | Cards are personal | [**T-0001**](#T-0001): Insider deletes audit logs |",
    );
    expect(findings(rule, text).map((finding) => finding.message)).toEqual([
      "Quote after `T-0001` reads `Insider deletes audit logs`, which matches threat `T-0003`, not `T-0001`; link `T-0003` instead or quote the statement of `T-0001`.",
    ]);
  });

  it("compares a 100 KB quote in well under 100 ms", () => {
    const model = parseThreatModel(document(`[**T-0001**](#T-0001): ${". ".repeat(50_000)}x`));
    const started = performance.now();
    const diagnostics = runRules(model, [{ rule, severity: "error", options: {} }]);
    expect(performance.now() - started).toBeLessThan(100);
    expect(diagnostics.map((diagnostic) => diagnostic.messageId)).toEqual(["drift"]);
  });

  it.each([
    ["an empty file", ""],
    ["a header-only table", md("## Assumptions", "", "| Assumption Number | Assumption | Linked Threats |", "| --- | --- | --- |")],
    ["rows with empty cells", md("## Threats", "", "| Threat Number | Threat | Assumptions |", "| --- | --- | --- |", "| T-0001 | | [**T-0001**](#T-0001): x |")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});
