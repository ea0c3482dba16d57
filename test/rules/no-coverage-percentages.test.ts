import { describe, expect, it } from "vitest";
import rule from "../../rules/no-coverage-percentages.js";
import { findings, md, type Finding } from "../helpers.js";

const sentence = (text: string): string =>
  `Coverage percentage \`${text}\` is not allowed; remove it and name the threats and controls that are covered instead.`;

describe("no-coverage-percentages", () => {
  const valid: [string, string][] = [
    ["a percentage in a threat's impact", md("| Threat Number | Threat |", "| --- | --- |", "| T-0001 | … affecting 30% of tenants |")],
    ["coverage without a number", md("## STRIDE Coverage Summary", "", "Coverage is tracked per category.")],
    ["percentage and coverage in different sentences", md("Coverage is tracked. About 40% of calls fail.")],
    ["percentage and coverage on different lines of a cell", md("| A |", "| --- |", "| coverage<br/>40% |")],
    ["a coverage column without percentages", md("| Category | Coverage |", "| --- | --- |", "| Spoofing | 2 threats |")],
    ["a version number before a percent sign", md("Coverage of v1.2.3% builds.")],
    ["a long run of digits", md(`Coverage ${"1".repeat(50_000)}`)],
    ["empty document", ""],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      "percentage before the word",
      md("We reach **51%** overall coverage today."),
      [{ messageId: "sentence", message: sentence("51%** overall coverage"), line: 1, column: 12, endLine: 1, endColumn: 34 }],
    ],
    [
      "the word before the percentage, after an abbreviation",
      md("- Current coverage (e.g. 80 percent) is low. Fine."),
      [{ messageId: "sentence", message: sentence("coverage (e.g. 80 percent"), line: 1, column: 11, endLine: 1, endColumn: 36 }],
    ],
    [
      "a heading",
      md("## Coverage: 75.5 %"),
      [{ messageId: "sentence", message: sentence("Coverage: 75.5 %"), line: 1, column: 4, endLine: 1, endColumn: 20 }],
    ],
    [
      "a percentage in a Coverage column",
      md("| Category | Coverage |", "| --- | --- |", "| Spoofing | 2 of 3 (66%) |"),
      [
        {
          messageId: "column",
          message:
            "Column `Coverage` holds the coverage percentage `66%`; remove it and name the threats and controls that are covered instead.",
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 25,
        },
      ],
    ],
    [
      // The cell names coverage itself, so it is reported once, as a sentence.
      "a Coverage column cell that says coverage",
      md("| Category | Coverage |", "| --- | --- |", "| Spoofing | coverage 50% |"),
      [{ messageId: "sentence", message: sentence("coverage 50%"), line: 3, column: 14, endLine: 3, endColumn: 26 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });
});
