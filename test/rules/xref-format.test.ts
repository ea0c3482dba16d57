import { describe, expect, it } from "vitest";
import rule from "../../rules/xref-format.js";
import { runRules } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

/** Builds a Threats table whose one row has `links` in its Mitigations cell; the row is line 5. */
function threatRow(links: string, comments = ""): string {
  return md(
    "## Threats",
    "",
    "| Threat Number | Threat | Mitigations | Comments |",
    "| --- | --- | --- | --- |",
    `| T-0001 | A thief | ${links} | ${comments} |`,
  );
}

/** Returns a position on line 5; the Mitigations cell's content starts at column 22. */
const at = (column: number, endColumn: number) => ({ line: 5, column, endLine: 5, endColumn });

describe("xref-format", () => {
  const valid: [string, string][] = [
    ["one link with its statement", threatRow("[**M-0001**](#M-0001): Lock the keypad")],
    ["two links joined by <br/>", threatRow("[**M-0001**](#M-0001): Lock<br/>[**M-0002**](#M-0002): Rotate")],
    ["a bare link with nothing after it", threatRow("[**M-0001**](#M-0001)")],
    ["an empty link column", threatRow("")],
    ["prose without IDs in a link column", threatRow("No existing control for TLS")],
    ["IDs inside a quote", threatRow("[**M-0001**](#M-0001): Complements M-0002")],
    ["a link to any kind in Comments", threatRow("", "See [**A-0001**](#A-0001) and [**T-0002**](#T-0002)")],
    ["links in a paragraph outside tables", md("See [T-0001](#T-0001).")],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      "a link without bold",
      threatRow("[M-0001](#M-0001): Lock"),
      [
        {
          messageId: "form",
          message: "Cross-reference `[M-0001](#M-0001)` is not in the template's form; write `[**M-0001**](#M-0001)`.",
          ...at(22, 39),
        },
      ],
    ],
    [
      "link text naming another ID",
      threatRow("[**M-0002**](#M-0001): Lock"),
      [
        {
          messageId: "textMismatch",
          message: "Link text `M-0002` names a different ID than its target `#M-0001`; make the text and the fragment name the same ID.",
          ...at(22, 43),
        },
      ],
    ],
    [
      "a statement after a dash",
      threatRow("[**M-0001**](#M-0001) - Lock"),
      [
        {
          messageId: "separator",
          message: "Text after the link to `M-0001` does not start with `: `; write `[**M-0001**](#M-0001): ` before the statement.",
          ...at(22, 43),
        },
      ],
    ],
    [
      "a threat linked from the Mitigations column",
      threatRow("[**T-0002**](#T-0002): A burglar"),
      [
        {
          messageId: "wrongKind",
          message: "Mitigations column of the Threats table lists `M-` IDs, but this link points at a threat `T-0002`; move the link or fix the ID.",
          ...at(22, 43),
        },
      ],
    ],
    [
      "two links on one line",
      threatRow("[**M-0001**](#M-0001): Lock, [**M-0002**](#M-0002): Rotate"),
      [
        {
          messageId: "joiner",
          message: "Links to `M-0001` and `M-0002` share a line; separate cross-references in a cell with `<br/>`.",
          ...at(51, 72),
        },
      ],
    ],
    [
      "a <br> between links",
      threatRow("[**M-0001**](#M-0001): Lock<br>[**M-0002**](#M-0002): Rotate"),
      [
        {
          messageId: "breakForm",
          message: "Line break `<br>` between cross-references is not the template's `<br/>`; write `<br/>`.",
          ...at(49, 53),
        },
      ],
    ],
    [
      "IDs typed as plain text",
      threatRow("M-0001, M-0002"),
      [
        { messageId: "unlinked", message: "ID `M-0001` is plain text in a link column; write it as `[**M-0001**](#M-0001)`.", ...at(22, 28) },
        { messageId: "unlinked", message: "ID `M-0002` is plain text in a link column; write it as `[**M-0002**](#M-0002)`.", ...at(30, 36) },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });

  it("fixes the form and the line break", () => {
    const text = threatRow("[M-0001](#M-0001): Lock<br>[**M-0002**](#M-0002): Rotate");
    const fixes = runRule(rule, text).map((diagnostic) => diagnostic.fix);
    const start = text.indexOf("[M-0001]");
    const br = text.indexOf("<br>");
    expect(fixes).toEqual([
      { range: { start, end: start + "[M-0001](#M-0001)".length }, text: "[**M-0001**](#M-0001)" },
      { range: { start: br, end: br + 4 }, text: "<br/>" },
    ]);
  });

  it("checks a 100 KB link cell in well under 100 ms", () => {
    const model = parseThreatModel(threatRow(`${"T-T-0".repeat(20_000)} [**M-0001**](#M-0001)`));
    const started = performance.now();
    runRules(model, [{ rule, severity: "error", options: {} }]);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it.each([
    ["an empty file", ""],
    ["a header-only table", md("## Threats", "", "| Threat Number | Threat | Mitigations |", "| --- | --- | --- |")],
    ["a table with empty cells", md("## Threats", "", "| Threat Number | Mitigations |", "| --- | --- |", "| | |")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});
