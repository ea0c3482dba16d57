import { describe, expect, it } from "vitest";
import rule from "../../rules/table-blank-line-before.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

describe("table-blank-line-before", () => {
  const valid: [string, string][] = [
    ["blank line after a paragraph", md("Assets in scope:", "", "| ID | Asset |", "| --- | --- |", "| AS-0001 | Store |")],
    ["table right after a heading", md("## Assets", "| ID | Asset |", "| --- | --- |")],
    ["table first in the file", md("| ID | Asset |", "| --- | --- |")],
    ["blank line in a list item", md("- Controls:", "", "  | ID | Control |", "  | --- | --- |")],
    ["no tables at all", md("# Title", "", "Text.")],
    ["empty document", ""],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      // The B07 shape: no leading pipes, so GitHub keeps the rows in the paragraph.
      "table without pipes after a paragraph",
      md("Assets in scope:", "ID | Asset", "--- | ---", "AS-0001 | Session store"),
      [
        {
          messageId: "noBlankLine",
          message:
            "Table `ID | Asset` directly follows the line `Assets in scope:`; add a blank line before the table, or GitHub may render it as text.",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 11,
        },
      ],
    ],
    [
      "piped table after the last line of a two-line paragraph",
      md("First line", "second line", "| ID | Asset |", "| --- | --- |"),
      [
        {
          messageId: "noBlankLine",
          message:
            "Table `| ID | Asset |` directly follows the line `second line`; add a blank line before the table, or GitHub may render it as text.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 15,
        },
      ],
    ],
    [
      // The B08 shape: a table right under a list item's text.
      "table inside a list item",
      md("- Controls for AS-0001:", "  | ID | Control |", "  | --- | --- |", "  | M-0005 | MFA |"),
      [
        {
          messageId: "noBlankLine",
          message:
            "Table `| ID | Control |` directly follows the line `Controls for AS-0001:`; add a blank line before the table, or GitHub may render it as text.",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 19,
        },
      ],
    ],
    [
      "table inside a block quote",
      md("> Controls:", "> | ID | Control |", "> | --- | --- |"),
      [
        {
          messageId: "noBlankLine",
          message:
            "Table `| ID | Control |` directly follows the line `Controls:`; add a blank line before the table, or GitHub may render it as text.",
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 19,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });

  it("fixes a top-level table with the file's line ending", () => {
    const text = "Intro:  \r\n| A | B |\r\n| - | - |\r\n";
    const [diagnostic] = runRule(rule, text);
    expect(diagnostic?.fix).toEqual({ range: { start: 8, end: 8 }, text: "\r\n" });
  });

  it("offers no fix inside a container", () => {
    const text = md("> Controls:", "> | ID | Control |", "> | --- | --- |");
    const [diagnostic] = runRule(rule, text);
    expect(diagnostic?.fix).toBeUndefined();
  });
});
